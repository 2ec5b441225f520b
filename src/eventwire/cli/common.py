"""What every command shares: reading inputs with one-line errors, loading the pipeline once."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from eventwire.errors import CannotRun
from eventwire.ingest.inputs import iter_articles
from eventwire.ingest.options import IngestOptions
from eventwire.model import Article, Failure
from eventwire.settings import Settings

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

# Exit codes scripts can rely on (README "Errors and exit codes").
EXIT_OK = 0
EXIT_INPUT_FAILED = 1  # some inputs failed: each was reported (and, by ingest, recorded); the others were done
EXIT_USAGE = 2         # a bad option or argument; click exits with it for typer.BadParameter
EXIT_CANNOT_RUN = 3    # the model, a data file or the database is missing, locked or too new: nothing was done


def fail(source: str, reason: str) -> None:
    typer.echo(f"eventwire: {source}: {reason}", err=True)


def usage_error(option: str, reason: str) -> NoReturn:
    """A bad value of an option: one line `eventwire: --option: reason`, exit EXIT_USAGE."""
    fail(option, reason)
    raise typer.Exit(EXIT_USAGE)


def cannot_run(exc: CannotRun) -> NoReturn:
    """Print why the command cannot run and exit with EXIT_CANNOT_RUN."""
    typer.echo(f"eventwire: {exc}", err=True)
    raise typer.Exit(EXIT_CANNOT_RUN) from None


PUBLISHED_HELP = ("Publication date for every input (YYYY-MM-DD, '3 Jan 2015', 'Sat January 3, 2015', RFC 822); "
                  "without it, a date in a file's name (2019-03-05_story.txt), else the page's own date.")


def check_date(param: typer.CallbackParam, value: str | None) -> str | None:
    """A date option in any common written form ("2015-01-03", "3 Jan 2015", "Sat January 3, 2015", RFC 822,
    ISO 8601 with a time) -> YYYY-MM-DD; anything else is one line naming the value and why, exit 2."""
    from eventwire.dateparse import read_written_date

    if value is None:
        return None
    iso, why = read_written_date(value)
    if iso is None:
        option = param.opts[0] if param.opts else f"--{param.name}"
        usage_error(option, f"'{value}' is not a YYYY-MM-DD date or one written out ('3 Jan 2015', "
                            f"'Sat January 3, 2015', RFC 822): {why}")
    return iso


InputsArgument = Annotated[list[str] | None, typer.Argument(
    help="Inputs: article files (scraped text, HTML, .gz), JSONL/CSV dumps, WARC/WARC.GZ crawls, RSS/Atom feeds, "
         "folders (recursive), globs, http(s) URLs, or - for standard input.")]
InputFormatOption = Annotated[str, typer.Option(
    "--input-format", help="auto (by name and content), page, jsonl, csv, warc or feed.")]
FieldOption = Annotated[list[str] | None, typer.Option(
    "--field", help="JSONL/CSV column of an article field, FIELD=COLUMN (text=body, title=headline, "
                    "published=date, url=link); repeatable.")]
LanguageOption = Annotated[list[str] | None, typer.Option(
    "--language", help="Language(s) to code (ISO 639-1; default en); others are recorded as skipped. "
                       "'all' codes every article.")]
FetchOption = Annotated[bool, typer.Option(
    "--fetch-links/--no-fetch-links", help="Feed items holding only a summary: fetch the linked page.")]
AllowPrivateUrlsOption = Annotated[bool, typer.Option(
    "--allow-private-urls", envvar="EVENTWIRE_ALLOW_PRIVATE_URLS",
    help="Fetch URLs, feed links and redirects that lead to loopback, private, link-local or other non-public "
         "addresses too (a local mirror); by default they are refused.")]
UrlOption = Annotated[list[str] | None, typer.Option("--url", help="A page or feed to fetch over HTTP(S); repeatable.")]


def input_list(paths: list[str] | None, urls: list[str] | None) -> list[str]:
    """The positional inputs and the --url ones, in that order; none at all is a usage error."""
    inputs = [*(paths or []), *(urls or [])]
    if not inputs:
        raise typer.BadParameter("give at least one input (a path, a URL, or - for standard input)")
    return inputs


def ingest_options(published: str | None, input_format: str = "auto", fields: list[str] | None = None,
                   languages: list[str] | None = None, fetch_links: bool = True,
                   allow_private_urls: bool = False) -> IngestOptions:
    """The command line's input options as one record; a bad value is a usage error naming the option."""
    mapping: dict[str, str] = {}
    for item in fields or []:
        name, sep, column = item.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise typer.BadParameter(f"'{item}' is not FIELD=COLUMN", param_hint="--field")
        mapping[name.strip()] = column.strip()
    wanted = tuple(lang.strip().lower() for lang in languages or ["en"] if lang.strip())
    try:
        return IngestOptions(published=published, input_format=input_format, fields=mapping,
                             languages=() if "all" in wanted else wanted, fetch_links=fetch_links,
                             allow_private_urls=allow_private_urls)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def report(failure: Failure) -> None:
    fail(failure.source, failure.reason if failure.stage in ("ingest", "language") else
         f"{failure.stage}: {failure.reason}")


def read_articles(paths: list[str], options: IngestOptions, failures: list[Failure]) -> Iterator[Article]:
    """Articles read from `paths` as they are read; each unreadable or skipped input is reported on stderr
    and appended to `failures`."""
    for found in iter_articles(paths, options):
        if isinstance(found, Failure):
            report(found)
            failures.append(found)
        else:
            yield found


def any_error(failures: list[Failure]) -> bool:
    """Whether a run should exit non-zero: a skipped article is not an error, an unreadable one is."""
    return any(not f.skipped for f in failures)


AllEventsOption = Annotated[bool, typer.Option(
    "--all-events", help="Keep events judged not political (hypothetical, negated, or unlikely to be a real "
                         "political event), marked political: false.")]
MinConfidenceOption = Annotated[float, typer.Option(
    "--min-confidence", min=0.0, max=1.0,
    help="Leave out events whose calibrated confidence (probability of a real, rightly rooted event) is lower.")]


def settings_for(model: str | None, all_events: bool = False, min_confidence: float = 0.0) -> Settings:
    base = Settings(model=model) if model else Settings()
    return dataclasses.replace(base, all_events=all_events, min_confidence=min_confidence)


def load_pipeline(model: str | None, all_events: bool = False, min_confidence: float = 0.0) -> Pipeline:
    from eventwire.pipeline import Pipeline  # loads spaCy: only when there is something to parse

    try:
        return Pipeline.load(settings_for(model, all_events, min_confidence))
    except CannotRun as exc:
        cannot_run(exc)
