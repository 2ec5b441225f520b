"""Command line: a thin layer over the library; domain errors become one-line messages here."""

from __future__ import annotations

import sys

import typer

from eventwire.cli import actors, coding, database, evaluate, serve, spark
from eventwire.cli.common import EXIT_CANNOT_RUN
from eventwire.cli.extract import extract
from eventwire.cli.recode import recode
from eventwire.errors import CannotRun

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="eventwire: news articles to coded political events with evidence.")
app.command()(extract)
app.command()(database.ingest)
app.command()(recode)
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
    """The console script. A command that cannot run (model, data file or database) and did not say so itself
    - e.g. a worker process failing to load the model - still ends in one line and EXIT_CANNOT_RUN."""
    try:
        app()
    except CannotRun as exc:  # outside click's own handling: print and exit here
        typer.echo(f"eventwire: {exc}", err=True)
        sys.exit(EXIT_CANNOT_RUN)
