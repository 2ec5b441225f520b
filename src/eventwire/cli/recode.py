"""`eventwire recode`: code stored articles again with the current pipeline, knowledge base, lexicon, user files
and dates, in place."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eventwire.cli.common import (
    EXIT_INPUT_FAILED,
    AllEventsOption,
    MinConfidenceOption,
    cannot_run,
    check_date,
    settings_for,
)
from eventwire.errors import DatabaseUnavailable


def _check_version(value: str | None) -> str | None:
    from eventwire.store.recode import is_version

    if value is not None and not is_version(value):
        raise typer.BadParameter(f"'{value}' is not a version like 0.1.0")
    return value


def recode(
    db: Annotated[Path, typer.Option("--db", help="DuckDB database file.")] = Path("events.duckdb"),
    since: Annotated[str | None, typer.Option(help="Only articles published on or after YYYY-MM-DD.",
                                              callback=check_date)] = None,
    until: Annotated[str | None, typer.Option(help="Only articles published on or before YYYY-MM-DD.",
                                              callback=check_date)] = None,
    source: Annotated[str | None, typer.Option(help="Only articles whose URL or file path contains this.")] = None,
    older_than_version: Annotated[str | None, typer.Option(
        "--older-than-version", help="Only articles coded by an eventwire version before this one (or unknown).",
        callback=_check_version)] = None,
    stale: Annotated[bool, typer.Option("--stale", help="Only articles coded by another eventwire version or other "
                                                        "user actor/lexicon files than now.")] = False,
    workers: Annotated[int, typer.Option(help="Processes coding articles (default: all cores, at most 4).")] = 0,
    model: Annotated[str | None, typer.Option(help="spaCy model name.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", help="A line on stderr per article recoded.")] = False,
    all_events: AllEventsOption = False,
    min_confidence: MinConfidenceOption = 0.0,
) -> None:
    """Code stored articles again (all, or those matching every filter given) with the current pipeline, actors,
    lexicon and dates, in place: an article whose coding is unchanged is left as it is, so a second run changes
    nothing. Give --all-events / --min-confidence as at ingest. Readers (serve, query, stats, sql) keep working."""
    import duckdb

    from eventwire.batch import ArticleCoder, default_workers
    from eventwire.cli.database import _IngestProgress
    from eventwire.store import Store
    from eventwire.store.database import CodedBy
    from eventwire.store.ingest import ingest
    from eventwire.store.recode import RecodeFilter, select, stored

    settings = settings_for(model, all_events, min_confidence)
    coded_by = CodedBy.current(settings)
    if not db.exists():
        cannot_run(DatabaseUnavailable(f"{db}: no such database"))
    err = Console(stderr=True)
    started = time.perf_counter()
    try:
        store = Store(db, hold=False, coded_by=coded_by)
    except DatabaseUnavailable as exc:
        cannot_run(exc)
    columns = (TextColumn("recoding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.fields[rate]} articles/s"))
    with store:
        try:
            before = store.counts()
            ids = select(store, RecodeFilter(since, until, source, older_than_version, coded_by if stale else None))
            store.release()
            if not ids:
                err.print(f"nothing to recode: no stored article matches (database: {before.articles} articles)")
                return
            with ArticleCoder(settings, workers or default_workers()) as coder, \
                    Progress(*columns, console=err, transient=not err.is_terminal) as progress:
                watcher = _IngestProgress(progress, err, verbose)
                counts = ingest(store, stored(store, ids), coder, watcher, batch_size=coder.batch_size, recode=True)
                progress.stop()
            after = store.counts()
        except duckdb.Error as exc:  # the database failing as a whole (disk full), not on one article's values
            cannot_run(DatabaseUnavailable(f"{db}: {str(exc).strip().splitlines()[0]}"))
    err.print(f"recoded {len(ids)} articles in {time.perf_counter() - started:.1f}s: {counts.recoded} changed, "
              f"{counts.unchanged} unchanged, {counts.failed} failed; events {before.event_groups} before, "
              f"{after.event_groups} after ({before.events} -> {after.events} mentions).", soft_wrap=True)
    if counts.failed:
        raise typer.Exit(EXIT_INPUT_FAILED)
