"""`eventwire spark run`: code articles on an Apache Spark cluster (or local cores) into Parquet."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from eventwire.cli.common import EXIT_INPUT_FAILED, PUBLISHED_HELP, cannot_run, check_date, fail, settings_for
from eventwire.errors import CannotRun, InvalidValue, UnreadableInput

app = typer.Typer(add_completion=False, no_args_is_help=True)


@app.callback()
def spark() -> None:
    r"""Run eventwire on Apache Spark (pip install 'eventwire\[spark]')."""


def parquet_connection(out: Path) -> Any:
    """DuckDB over a Spark run's output, or a one-line error."""
    from eventwire.spark.views import open_parquet

    try:
        return open_parquet(out)
    except UnreadableInput as exc:  # what the query would read is not there: it cannot run
        cannot_run(CannotRun(str(exc)))


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs or URIs (hdfs://, s3a://) of pages "
                                                     "and WARC files.")],
    out: Annotated[str, typer.Option("--out", help="Output folder (or URI) of Parquet tables, replaced.")],
    master: Annotated[str | None, typer.Option(help="Spark master: local[2], spark://HOST:7077, yarn "
                                                    "(default: spark-submit's, else local[*]).")] = None,
    published: Annotated[str | None, typer.Option(help=PUBLISHED_HELP,
                                                  callback=check_date)] = None,
    partitions: Annotated[int | None, typer.Option(help="Coding tasks (default: 4 per core).")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model name.")] = None,
    conf: Annotated[list[str] | None, typer.Option("--conf", help="Spark setting KEY=VALUE (repeatable).")
                    ] = None,
) -> None:
    """Code articles on Spark into partitioned Parquet with the event database's tables; bad inputs are
    recorded in the failures table and the job goes on."""
    # pyspark warns about pandas versions on every run; eventwire's Spark job does not use pandas.
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
    try:
        from eventwire.spark.job import JobOptions, parse_confs, run_report
        from eventwire.spark.job import run as run_spark
    except ImportError as exc:
        cannot_run(CannotRun(f"spark: {exc}: install the Spark extra (pip install 'eventwire[spark]')"))
    try:
        confs = parse_confs(conf or [])
    except InvalidValue as exc:
        raise typer.BadParameter(str(exc), param_hint="--conf") from None
    summary = run_spark(JobOptions(inputs=tuple(inputs), out=out, published=published,
                                   settings=settings_for(model), partitions=partitions), master, confs)
    try:
        report = run_report(summary, out)
    except CannotRun as exc:
        cannot_run(exc)
    err = Console(stderr=True)
    for source, reason in report.failures:
        fail(source, reason)
    if report.more:
        err.print(report.more)
    err.print(report.summary, soft_wrap=True)
    if summary.failures:
        raise typer.Exit(EXIT_INPUT_FAILED)
