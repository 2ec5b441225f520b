"""`eventwire ingest | query | export | stats | sql`: the event database from the command line."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire.choices import unknown
from eventwire.cli.common import (
    EXIT_INPUT_FAILED,
    EXIT_USAGE,
    PUBLISHED_HELP,
    AllEventsOption,
    AllowPrivateUrlsOption,
    FetchOption,
    FieldOption,
    InputFormatOption,
    InputsArgument,
    LanguageOption,
    MinConfidenceOption,
    UrlOption,
    cannot_run,
    check_date,
    fail,
    ingest_options,
    input_list,
    report,
    settings_for,
)
from eventwire.cli.filters import (
    ActorOption,
    CameoOption,
    CameoRootOption,
    CountryOption,
    FactsOnlyOption,
    MinConfidenceFilter,
    NearOption,
    QuadClassOption,
    SinceOption,
    SourceOption,
    TargetOption,
    TextOption,
    UntilOption,
    event_filter,
)
from eventwire.cli.tables import KEY_COLUMNS, emit_events, parse_columns
from eventwire.errors import DatabaseUnavailable
from eventwire.filters import EVENT_COLUMNS
from eventwire.model import ExtractResult, Failure
from eventwire.output.exports import FORMAT_HELP as EXPORT_FORMAT_HELP
from eventwire.output.exports import FORMATS as EXPORT_FORMATS

if TYPE_CHECKING:
    from eventwire.store import SaveOutcome

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]


def _open(db: Path, read_only: bool, **options: Any) -> Any:
    import duckdb

    from eventwire.store import Store

    if read_only and not db.exists():
        cannot_run(DatabaseUnavailable(f"{db}: no such database"))
    try:
        return Store(db, read_only=read_only, **options)
    except DatabaseUnavailable as exc:  # locked by a writer, foreign, or newer than this eventwire
        cannot_run(exc)
    except duckdb.Error as exc:  # a corrupt file the schema check tripped on: one line, not a traceback
        cannot_run(DatabaseUnavailable(f"{db}: cannot open database: {str(exc).splitlines()[0]}"))


def _emit(rows: list[dict[str, Any]], title: str) -> None:
    """A rich table in a terminal, JSON lines when piped."""
    if not sys.stdout.isatty():
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    table = Table(title=title)
    columns = list(rows[0]) if rows else []
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*[_short(row[c]) for c in columns])
    Console().print(table)


def _short(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else f"{value[0]} (+{len(value) - 1})" if value else ""
    text = "" if value is None else str(value)
    return text if len(text) <= 90 else text[:87] + "..."


def ingest(
    paths: InputsArgument = None,
    db: DbOption = Path("events.duckdb"),
    published: Annotated[str | None, typer.Option(help=PUBLISHED_HELP,
                                                  callback=check_date)] = None,
    url: UrlOption = None,
    input_format: InputFormatOption = "auto",
    field: FieldOption = None,
    language: LanguageOption = None,
    fetch_links: FetchOption = True,
    allow_private_urls: AllowPrivateUrlsOption = False,
    workers: Annotated[int, typer.Option(help="Processes coding articles (default: all cores, at most 4).")] = 0,
    model: Annotated[str | None, typer.Option(help="spaCy model name.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", help="A line on stderr per article stored.")] = False,
    all_events: AllEventsOption = False,
    min_confidence: MinConfidenceOption = 0.0,
) -> None:
    """Code articles into the database. Resumable: what is stored is skipped; a changed article
    replaces its old rows; a stored one given a new --published date (or a new title) is recoded with it;
    unreadable inputs are recorded as failures and the run goes on."""
    import duckdb

    from eventwire.batch import ArticleCoder, default_workers
    from eventwire.ingest.inputs import iter_articles
    from eventwire.store.database import CodedBy
    from eventwire.store.ingest import ingest as ingest_into

    inputs = input_list(paths, url)
    options = ingest_options(published, input_format, field, language, fetch_links, allow_private_urls)
    settings = settings_for(model, all_events, min_confidence)
    # released between batches, so that serve, query, stats and sql can read meanwhile (store/connect.py)
    store = _open(db, read_only=False, hold=False, coded_by=CodedBy.current(settings))
    err = Console(stderr=True)
    started = time.perf_counter()
    columns = (TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.fields[rate]} articles/s"))
    coder = ArticleCoder(settings, workers or default_workers())
    with store, coder, Progress(*columns, console=err, transient=not err.is_terminal) as progress:
        watcher = _IngestProgress(progress, err, verbose)
        try:
            counts = ingest_into(store, iter_articles(inputs, options), coder, watcher, batch_size=coder.batch_size)
        except duckdb.Error as exc:  # the database failing as a whole (disk full), not on one article's values
            cannot_run(DatabaseUnavailable(f"{db}: {str(exc).strip().splitlines()[0]}"))
        progress.stop()
        totals = store.counts()
    elapsed = time.perf_counter() - started
    err.print(f"ingested in {elapsed:.1f}s: {counts.added} added, {counts.replaced} replaced, "
              + (f"{counts.recoded} recoded with a new date or title, " if counts.recoded else "")
              + f"{counts.unchanged} already stored, "
              + (f"{counts.kept} kept (a cut-off copy refused), " if counts.kept else "")
              + f"{counts.skipped} skipped, {counts.failed} failed; "
              f"{counts.events} events coded. "
              f"Database: {totals.articles} articles ({totals.stories} stories), {totals.event_groups} events "
              f"from {totals.events} mentions, {totals.failures} failures recorded.", soft_wrap=True)
    if counts.failed:
        raise typer.Exit(EXIT_INPUT_FAILED)


class _IngestProgress:
    """The ingest loop's watcher (store.ingest.IngestWatcher) on a terminal: a line per failure, a progress bar
    with articles/s while coding."""

    def __init__(self, progress: Progress, err: Console, verbose: bool) -> None:
        self.progress = progress
        self.err = err
        self.verbose = verbose
        self.task: TaskID | None = None
        self.done = 0
        self.total = 0
        self.started = 0.0

    def failed(self, failure: Failure) -> None:
        report(failure)

    def coding(self, total: int) -> None:  # once per batch read: the bar's total grows as inputs are read
        self.total += total
        if self.task is None:
            self.task = self.progress.add_task("coding", total=self.total, rate="-")
            self.started = time.perf_counter()
        else:
            self.progress.update(self.task, total=self.total)

    def stored(self, result: ExtractResult, outcome: SaveOutcome) -> None:
        if self.verbose:
            self.err.print(f"{outcome.value} {result.article.id} {result.article.source_path}", soft_wrap=True,
                           highlight=False)

    def coded(self) -> None:
        assert self.task is not None
        self.done += 1
        rate = self.done / max(time.perf_counter() - self.started, 1e-9)
        self.progress.update(self.task, advance=1, rate=f"{rate:.1f}")


def query(
    db: DbOption = Path("events.duckdb"),
    actor: ActorOption = None,
    source: SourceOption = None,
    target: TargetOption = None,
    cameo: CameoOption = None,
    cameo_root: CameoRootOption = None,
    quad_class: QuadClassOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    near: NearOption = None,
    text: TextOption = None,
    facts_only: FactsOnlyOption = False,
    min_confidence: MinConfidenceFilter = None,
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 100,
    columns: Annotated[str | None, typer.Option(
        "--columns", help="Comma-separated columns to show (default: " + ",".join(KEY_COLUMNS) + "); any of "
                          + ", ".join(EVENT_COLUMNS) + ".")] = None,
    parquet: Annotated[Path | None, typer.Option("--parquet", help="Query the Parquet output of `eventwire spark "
                                                                  "run` in this folder instead of --db.")] = None,
) -> None:
    """Deduplicated events matching every filter given, newest first: a table of key columns in a terminal,
    JSON lines (of every column, or of --columns) when piped."""
    from eventwire.store.query import query_events

    f = event_filter(actor, source, target, cameo, cameo_root, quad_class, country, since, until, near, text,
                     facts_only, min_confidence, limit)
    shown = parse_columns(columns) if columns is not None or sys.stdout.isatty() else EVENT_COLUMNS
    if parquet is not None:
        from eventwire.cli.spark import parquet_connection

        rows = query_events(parquet_connection(parquet), f)
    else:
        with _open(db, read_only=True) as store:
            rows = query_events(store.con, f)
    emit_events(rows, shown)


def export(
    out: Annotated[Path, typer.Argument(help="Output file.")],
    db: DbOption = Path("events.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help=EXPORT_FORMAT_HELP)] = "jsonl",
    actor: ActorOption = None,
    source: SourceOption = None,
    target: TargetOption = None,
    cameo: CameoOption = None,
    cameo_root: CameoRootOption = None,
    quad_class: QuadClassOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    near: NearOption = None,
    text: TextOption = None,
    facts_only: FactsOnlyOption = False,
    min_confidence: MinConfidenceFilter = None,
) -> None:
    """Write the deduplicated events matching every filter given (all of them by default) to a file."""
    from eventwire.store.export import export as write

    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(unknown("format", fmt, EXPORT_FORMATS), param_hint="--format")
    f = event_filter(actor, source, target, cameo, cameo_root, quad_class, country, since, until, near, text,
                     facts_only, min_confidence, limit=None)
    with _open(db, read_only=True) as store:
        n = write(store.con, fmt, out, f)
    Console(stderr=True).print(f"wrote {n} events to {out} ({fmt})", highlight=False)


def stats(db: DbOption = Path("events.duckdb")) -> None:
    """Counts by day and by month, newest first (a week or month event is never counted in a day, and a week in
    a month only when it lies inside it), events dated only to a longer period or undated, counts by CAMEO root
    and country; recent failures."""
    from eventwire.store.query import stats as compute

    with _open(db, read_only=True) as store:
        data = compute(store.con)
    if not sys.stdout.isatty():
        sys.stdout.write(json.dumps(data, default=str) + "\n")
        return
    console = Console()
    console.print(f"{data['articles']} articles ({data['stories']} stories), {data['events']} events from "
                  f"{data['event_mentions']} mentions, {data['failures']} failures")
    for key, heads in (("by_day", ("date", "events")), ("by_month", ("month", "events")),
                       ("not_dated_to_a_day", ("date precision", "events")),
                       ("by_root", ("CAMEO root", "events")), ("by_country", ("country", "events")),
                       ("recent_failures", ("source", "stage", "reason"))):
        table = Table(title=key.replace("_", " "))
        for head in heads:
            table.add_column(head)
        for row in data[key]:
            table.add_row(*[str(v) for v in row])
        console.print(table)


def sql(
    statement: Annotated[str, typer.Argument(help="A SQL query over the database only: it is opened read-only, and "
                                                 "no query can read or write another file or load extensions.")],
    db: DbOption = Path("events.duckdb"),
) -> None:
    """Run a read-only SQL query over the database's tables and views (and nothing outside the database)."""
    from eventwire.store.sandbox import refusal

    with _open(db, read_only=True) as store:
        try:
            cursor = store.con.execute(statement)
            names = [d[0] for d in cursor.description] if cursor.description else []
            rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except Exception as exc:
            fail(str(db), refusal(exc) or f"SQL error: {str(exc).splitlines()[0]}")
            raise typer.Exit(EXIT_USAGE) from None
    _emit(rows, statement)
