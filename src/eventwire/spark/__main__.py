"""Entry point for spark-submit, which runs a Python file rather than a console script:

    spark-submit --master spark://HOST:7077 "$(python -c 'import eventwire.spark.__main__ as m; print(m.__file__)')" \\
        run INPUTS... --out DIR

The options are those of `eventwire spark run`; both hand them to eventwire.spark.job (parse_confs, run,
run_report). This file stays in spark/: run as a script from src/eventwire/, eventwire/numbers.py would
shadow the standard library's `numbers`.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from datetime import date

from eventwire.errors import CannotRun, InvalidValue
from eventwire.settings import Settings

EXIT_INPUT_FAILED, EXIT_USAGE, EXIT_CANNOT_RUN = 1, 2, 3  # README "Errors and exit codes"


def _date(value: str) -> str:
    try:
        date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a YYYY-MM-DD date") from None
    if len(value) != 10:
        raise argparse.ArgumentTypeError(f"'{value}' is not a YYYY-MM-DD date")
    return value


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="eventwire spark", description="Run eventwire on Apache Spark.")
    commands = top.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="Code articles on Spark into partitioned Parquet.")
    run.add_argument("inputs", nargs="+", help="Files, folders, globs or URIs (hdfs://, s3a://) of pages and WARC "
                                               "files.")
    run.add_argument("--out", required=True, help="Output folder (or URI) of Parquet tables, replaced.")
    run.add_argument("--master", help="Spark master: local[2], spark://HOST:7077, yarn (default: spark-submit's).")
    run.add_argument("--published", type=_date, help="Publication date YYYY-MM-DD for every input.")
    run.add_argument("--partitions", type=int, help="Coding tasks (default: 4 per core).")
    run.add_argument("--model", help="spaCy model name.")
    run.add_argument("--conf", action="append", default=[], help="Spark setting KEY=VALUE (repeatable).")
    return top


def say(line: str) -> None:
    print(line, file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
    from eventwire.spark.job import JobOptions, parse_confs, run, run_report

    try:
        confs = parse_confs(args.conf)
    except InvalidValue as exc:
        say(f"eventwire spark run: --conf: {exc}")
        return EXIT_USAGE
    settings = Settings(model=args.model) if args.model else Settings()
    options = JobOptions(inputs=tuple(args.inputs), out=args.out, published=args.published, settings=settings,
                         partitions=args.partitions)
    try:
        summary = run(options, args.master, confs)
        report = run_report(summary, args.out)
    except CannotRun as exc:
        say(f"eventwire: {exc}")
        return EXIT_CANNOT_RUN
    for source, reason in report.failures:
        say(f"eventwire: {source}: {reason}")
    if report.more:
        say(report.more)
    say(report.summary)
    return EXIT_INPUT_FAILED if summary.failures else 0


if __name__ == "__main__":
    sys.exit(main())
