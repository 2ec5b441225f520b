"""What every command shares: reading inputs with one-line errors, loading the pipeline once."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import typer

from eventwire.errors import EventwireError, UnreadableInput
from eventwire.ingest import read_article
from eventwire.model import Article
from eventwire.settings import Settings

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

EXIT_BAD_INPUT = 2


def fail(source: str, reason: str) -> None:
    typer.echo(f"eventwire: {source}: {reason}", err=True)


def check_date(value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise typer.BadParameter(f"'{value}' is not a YYYY-MM-DD date")
    return value


def read_inputs(paths: list[str], published: str | None) -> tuple[list[Article], bool]:
    """Articles read from `paths`; each unreadable one is reported on stderr. Returns (articles, any_failed)."""
    articles: list[Article] = []
    failed = False
    for path in paths:
        try:
            articles.append(read_article(path, published=published))
        except UnreadableInput as exc:
            fail(exc.source, exc.reason)
            failed = True
    return articles, failed


def settings_for(model: str | None) -> Settings:
    return Settings(model=model) if model else Settings()


def load_pipeline(model: str | None) -> Pipeline:
    from eventwire.pipeline import Pipeline  # loads spaCy: only when there is something to parse

    try:
        return Pipeline.load(settings_for(model))
    except EventwireError as exc:
        typer.echo(f"eventwire: {exc}", err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
