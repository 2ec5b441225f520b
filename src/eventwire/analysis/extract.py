"""`eventwire.extract`: one article (its text, or a file) coded in this process, the pipeline loaded on the
first call and kept for the next ones."""

from __future__ import annotations

import os
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.errors import InvalidValue
from eventwire.model import Article, ExtractResult

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

_MAX_PATH = 4096
_loaded: dict[str | None, Pipeline] = {}
_lock = threading.Lock()


def pipeline(model: str | None = None) -> Pipeline:
    """The pipeline for `model` (default: the configured spaCy model), loaded once per process."""
    with _lock:
        if model not in _loaded:
            from eventwire.pipeline import Pipeline
            from eventwire.settings import Settings

            _loaded[model] = Pipeline.load(Settings(model=model) if model else Settings())
        return _loaded[model]


def _is_path(source: str | os.PathLike[str]) -> bool:
    if isinstance(source, os.PathLike):
        return True
    return len(source) < _MAX_PATH and "\n" not in source and Path(source).is_file()


def read_source(source: str | os.PathLike[str], published: str | None = None, title: str | None = None,
                url: str | None = None) -> Article:
    """The article of `source`: a path (a `Path`, or a string naming an existing file) is read as `extract`
    reads a page file (text or HTML, maybe gzipped); any other string is the article's text. An input that
    is not an article raises `UnreadableInput` naming it and the reason."""
    from eventwire.ingest.sources import article_from_bytes, read_article

    if _is_path(source):
        article = read_article(Path(source), published)
    else:
        article = article_from_bytes("<text>", str(source).encode("utf-8"), published)
    update = {k: v for k, v in (("title", title), ("url", url)) if v is not None}
    return article.model_copy(update=update) if update else article


def extract(source: str | os.PathLike[str], published: str | date | None = None, title: str | None = None,
            url: str | None = None, model: str | None = None) -> ExtractResult:
    """Code one article: its text, or the path of a page file. `published` (YYYY-MM-DD) dates it (relative
    dates such as "on Monday" resolve against it); `title` and `url` are recorded on the article. Returns the
    typed records (`result.events`, `.actors`, `.places`, `.times`, `.quotes`); `result.to_dict()` is the JSON
    output contract, `result.to_records()` one flat dict per event. Raises `UnreadableInput` for an input
    that is not an article, `StageFailed` when a stage fails on it, `CannotRun` when the model is missing."""
    day = iso_day(published, "published")
    return pipeline(model).run(read_source(source, day, title, url))


def iso_day(value: str | date | None, name: str) -> str | None:
    """A date given as "YYYY-MM-DD" or a `datetime.date` -> "YYYY-MM-DD"; anything else is an InvalidValue."""
    if value is None or isinstance(value, date):
        return value.isoformat()[:10] if value is not None else None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise InvalidValue(f"{name}: '{value}' is not a YYYY-MM-DD date")
