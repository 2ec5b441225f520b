"""Command line: a thin layer over the library; domain errors become one-line messages here."""

from __future__ import annotations

import typer

from eventwire.cli import actors, coding, database, evaluate, serve, spark
from eventwire.cli.extract import extract

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="eventwire: news articles to coded political events with evidence.")
app.command()(extract)
app.command()(database.ingest)
app.command()(database.query)
app.command()(database.export)
app.command()(database.stats)
app.command()(database.sql)
app.command()(serve.serve)
app.command()(coding.codes)
app.command()(coding.explain)
app.add_typer(evaluate.app, name="eval")
app.add_typer(actors.app, name="actors")
app.add_typer(spark.app, name="spark")


@app.command()
def version() -> None:
    """Print eventwire's version."""
    from eventwire import __version__

    typer.echo(__version__)


def main() -> None:
    app()
