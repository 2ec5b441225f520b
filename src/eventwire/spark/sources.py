"""Inputs of a Spark run: which paths are pages, which are streamed (WARC) and which are record files, as
the table of input formats (ingest/formats.py) tells them by name, and how each becomes Articles (or
Failures, recorded and skipped: a bad input never stops the job).

Every item carries an order key (source, position in it): the order `eventwire ingest` would store the
same inputs in, which the dedup step uses so that its story ids match the store's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from eventwire.errors import UnreadableInput
from eventwire.ingest import article_from_bytes
from eventwire.ingest.formats import by_file_name
from eventwire.ingest.inputs import INPUT_SUFFIXES, expand_inputs, iter_articles, language_checked
from eventwire.ingest.options import IngestOptions
from eventwire.ingest.raw import read_file_bytes
from eventwire.ingest.warc import iter_warc
from eventwire.model import Article, Failure


@dataclass(frozen=True)
class ReadItem:
    source: str           # file (or URI) the item came from: the first part of the order key
    position: int         # number of the page in a WARC file; 0 for a page file
    payload: Article | Failure


@dataclass
class SplitInputs:
    pages: list[str] = field(default_factory=list)
    warcs: list[str] = field(default_factory=list)    # formats read as a stream: Spark streams them
    records: list[str] = field(default_factory=list)  # other formats told by name (JSONL, CSV, feeds): local
                                                      # or shared paths only, read whole by a task
    missing: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)  # record files behind a Hadoop URI


def is_remote(path: str) -> bool:
    """An URI Spark reads through Hadoop (hdfs://, s3a://, ...); local paths are expanded here."""
    return "://" in path and not path.startswith("file:")


def local_path(path: str) -> str:
    """Spark's 'file:/a/b.txt' -> '/a/b.txt', so sources read the same as `eventwire ingest` names them."""
    if path.startswith("file://"):
        return path[len("file://"):]
    return path[len("file:"):] if path.startswith("file:") else path


def split_inputs(inputs: Iterable[str]) -> SplitInputs:
    """Files, folders (recursive: the inputs `ingest` reads) and globs, as absolute paths; URIs pass
    through."""
    split = SplitInputs()
    for item in inputs:
        if is_remote(item):
            fmt = by_file_name(item)
            (split.warcs if fmt and fmt.stream else split.unsupported if fmt else split.pages).append(item)
            continue
        item = local_path(item)
        found: Iterable[str]
        if Path(item).is_dir():
            found = (str(p) for p in sorted(Path(item).rglob("*")) if p.is_file() and not p.name.startswith(".")
                     and p.suffix.lower() in INPUT_SUFFIXES)
        else:
            found = expand_inputs([item])
        for path in found:
            if not Path(path).is_file():
                split.missing.append(path)
                continue
            absolute = str(Path(path).resolve())
            fmt = by_file_name(path)
            (split.warcs if fmt and fmt.stream else split.records if fmt else split.pages).append(absolute)
    return split


def read_page(source: str, data: bytes, published: str | None) -> ReadItem:
    try:
        article = article_from_bytes(source, data, published)
        return ReadItem(source, 0, language_checked(article, IngestOptions(published=published)))
    except UnreadableInput as exc:
        return ReadItem(source, 0, Failure(source=exc.source, stage="ingest", reason=exc.reason))


def read_page_file(path: str, published: str | None) -> ReadItem:
    """A local (or shared) page file, read by the task as `eventwire ingest` reads it."""
    try:
        data = read_file_bytes(path)
    except UnreadableInput as exc:
        return ReadItem(path, 0, Failure(source=exc.source, stage="ingest", reason=exc.reason))
    return read_page(path, data, published)


def read_records(path: str, published: str | None) -> Iterator[ReadItem]:
    """A JSONL, CSV or feed file read as `eventwire ingest` reads it (language policy included)."""
    for position, payload in enumerate(iter_articles([path], IngestOptions(published=published))):
        yield ReadItem(path, position, payload)


def read_warc(source: str, stream: IO[bytes], published: str | None) -> Iterator[ReadItem]:
    """The pages of a WARC stream, read by the ingest reader (eventwire/ingest/warc.py), in file order."""
    position = -1
    try:
        options = IngestOptions(published=published)
        for position, payload in enumerate(iter_warc(source, stream, options)):
            yield ReadItem(source, position,
                           payload if isinstance(payload, Failure) else language_checked(payload, options))
    except Exception as exc:  # warcio can fail outside the reader's own checks on a damaged record
        yield ReadItem(source, position + 1, Failure(source=source, stage="ingest",
                                                     reason=f"malformed WARC: {type(exc).__name__}: {exc}"))
        return
    if position < 0:  # not a WARC file at all, or a crawl without one page: worth telling, not an error
        yield ReadItem(source, 0, Failure(source=source, stage="ingest", reason="no article pages in this WARC file"))
