"""Every kind of input -> a stream of Articles and Failures, in input order.

An input is a path (page, JSONL, CSV, WARC, feed; folders recursively; globs), an http(s) URL (a page
or a feed) or "-" (standard input). Its format is told as the table of formats.py says: by
`IngestOptions.input_format`, else by the name, else by the content. Nothing is dropped silently: unreadable
inputs and records are Failures, and articles in a language that is not coded are Failures marked `skipped`.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from eventwire.errors import UnreadableInput
from eventwire.ingest import formats
from eventwire.ingest.fetch import FetchPolicy, fetch, is_url
from eventwire.ingest.formats import INPUT_SUFFIXES, InputFormat, Payload
from eventwire.ingest.options import IngestOptions
from eventwire.ingest.raw import MAX_RECORD_FILE_BYTES, read_file_bytes, read_unpacked
from eventwire.model import Article, Failure

__all__ = ["INPUT_SUFFIXES", "expand_inputs", "iter_articles", "language_checked"]


def expand_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """Files as given; folders recursively (input files only, sorted); globs ("data/**/*.html"); URLs and
    "-" as they are."""
    for item in inputs:
        path = Path(item)
        if item == "-" or is_url(item):
            yield item
        elif path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and found.suffix.lower() in INPUT_SUFFIXES and not found.name.startswith("."):
                    yield str(found)
        elif any(ch in item for ch in "*?[") and not path.exists():
            matches = sorted(glob.glob(item, recursive=True))
            yield from (m for m in matches if Path(m).is_file())
            if not matches:
                yield item  # reported as missing by the reader
        else:
            yield item


def iter_articles(inputs: Iterable[str], options: IngestOptions | None = None,
                  stdin: IO[bytes] | None = None) -> Iterator[Article | Failure]:
    """Articles and failures of every input, in order, with the language policy applied."""
    options = options or IngestOptions()
    for item in expand_inputs(inputs):
        for found in _read_one(item, options, stdin):
            yield found if isinstance(found, Failure) else language_checked(found, options)


def language_checked(article: Article, options: IngestOptions) -> Article | Failure:
    """The article, or a `skipped` failure when its language is not one the options ask for."""
    if not options.languages or article.language in options.languages:
        return article
    return Failure(source=article.source_path or article.url or article.id, stage="language", skipped=True,
                   reason=f"skipped: text is in '{article.language}', not in {', '.join(options.languages)}")


def _read_one(item: str, options: IngestOptions, stdin: IO[bytes] | None) -> Iterator[Article | Failure]:
    try:
        if item == "-":
            data = (stdin or sys.stdin.buffer).read(MAX_RECORD_FILE_BYTES + 1)
            yield from _read_data(Payload("<stdin>", data), options)
        elif is_url(item):
            page = fetch(item, FetchPolicy.of(options))
            yield from _read_data(Payload(item, page.data, page.content_type, page.url), options)
        else:
            yield from _read_file(item, formats.of_file(item, options), options)
    except UnreadableInput as exc:
        yield Failure(source=exc.source, stage="ingest", reason=exc.reason)


def _read_file(path: str, fmt: InputFormat, options: IngestOptions) -> Iterator[Article | Failure]:
    if fmt.stream is not None:
        if not Path(path).is_file():
            raise UnreadableInput(path, "no such file")
        with open(path, "rb") as handle:
            yield from fmt.stream(path, handle, options)
    elif fmt.reader_unpacks:
        yield from fmt.read(Payload(path, read_file_bytes(path, fmt.limit)), options)
    else:
        yield from _read_bytes(Payload(path, read_unpacked(path, fmt.limit)), fmt, options)


def _read_data(payload: Payload, options: IngestOptions) -> Iterator[Article | Failure]:
    yield from _read_bytes(payload, formats.of_data(payload, options), options)


def _read_bytes(payload: Payload, fmt: InputFormat, options: IngestOptions) -> Iterator[Article | Failure]:
    if not payload.data.strip():
        raise UnreadableInput(payload.name, "empty input")
    yield from fmt.read(payload, options)
