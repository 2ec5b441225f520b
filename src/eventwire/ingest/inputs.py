"""Every kind of input -> a stream of Articles and Failures, in input order.

An input is a path (page, JSONL, CSV, WARC, feed; folders recursively; globs), an http(s) URL (a page
or a feed) or "-" (standard input). Its format is told as the table of formats.py says: by
`IngestOptions.input_format`, else by the name, else by the content. Nothing is dropped silently: unreadable
inputs and records are Failures, and articles in a language that is not coded are Failures marked `skipped`.
Inputs are read one at a time as they are asked for; a fault met while reading one (whatever the exception)
is that input's failure, and the next input is read.
"""

from __future__ import annotations

import glob
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from eventwire.errors import CannotRun, UnreadableInput
from eventwire.failures import failure_of
from eventwire.ingest import formats
from eventwire.ingest.fetch import FetchPolicy, fetch, is_url
from eventwire.ingest.formats import INPUT_SUFFIXES, InputFormat, Payload
from eventwire.ingest.options import IngestOptions
from eventwire.ingest.raw import (
    HEAD_BYTES,
    buffered,
    open_unpacked,
    read_file_bytes,
    read_unpacked,
    unpacked_head,
    valid_text,
)
from eventwire.ingest.sources import article_id
from eventwire.model import Article, Failure

STDIN = "<stdin>"  # how standard input is named in failures

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
    """Articles and failures of every input, in order, with the language policy applied; every string
    writable as UTF-8 (see raw.valid_text)."""
    options = options or IngestOptions()
    for item in expand_inputs(inputs):
        for found in _read_one(item, options, stdin):
            yield _writable_failure(found) if isinstance(found, Failure) \
                else language_checked(_writable(found), options)


def language_checked(article: Article, options: IngestOptions) -> Article | Failure:
    """The article, or a `skipped` failure when its language is not one the options ask for."""
    if not options.languages or article.language in options.languages:
        return article
    return Failure(source=article.source_path or article.url or article.id, stage="language", skipped=True,
                   reason=f"skipped: text is in '{article.language}', not in {', '.join(options.languages)}")


def _writable(article: Article) -> Article:
    """The article with every string writable (a file name of undecodable bytes, a lone surrogate a reader let
    through): the store, the parser and stdout refuse what is not."""
    update: dict[str, object] = {}
    for name, value in article:
        if isinstance(value, str):
            fixed: object = valid_text(value)
        elif isinstance(value, tuple):
            fixed = tuple(valid_text(v) if isinstance(v, str) else v for v in value)
        else:
            continue
        if fixed != value:
            update[name] = fixed
    if "text" in update:
        update["id"] = article_id(str(update["text"]))
    return article.model_copy(update=update) if update else article


def _writable_failure(failure: Failure) -> Failure:
    source, reason = valid_text(failure.source), valid_text(failure.reason)
    if (source, reason) == (failure.source, failure.reason):
        return failure
    return failure.model_copy(update={"source": source, "reason": reason})


def _read_one(item: str, options: IngestOptions, stdin: IO[bytes] | None) -> Iterator[Article | Failure]:
    try:
        if item == "-":
            yield from _read_stream(STDIN, buffered(stdin or sys.stdin.buffer), options)
        elif is_url(item):
            page = fetch(item, FetchPolicy.of(options))
            yield from _read_data(Payload(item, page.data, page.content_type, page.url), options)
        else:
            yield from _read_file(item, formats.of_file(item, options), options)
    except UnreadableInput as exc:
        yield Failure(source=exc.source, stage="ingest", reason=exc.reason)
    except CannotRun:
        raise
    except Exception as exc:  # a reader's fault on odd input (a library's bug, deep nesting): this input only
        yield failure_of(STDIN if item == "-" else item, "ingest", exc, "unreadable input")


def _read_stream(name: str, stream: io.BufferedReader, options: IngestOptions) -> Iterator[Article | Failure]:
    """Standard input: its format told from its first bytes; a dump or crawl read as it comes, anything else
    read up to its format's limit (never more: a larger input is refused once the limit is passed)."""
    head = unpacked_head(stream.peek(HEAD_BYTES)[:HEAD_BYTES]) or b""
    fmt = formats.of_data(Payload(name, head), options)
    reader = fmt.stream or fmt.records
    if reader is not None:
        yield from reader(name, stream, options)
        return
    with open_unpacked(name, stream, fmt.limit) as unpacked:
        data = unpacked.read()
    yield from _read_bytes(Payload(name, data), fmt, options)


def _read_file(path: str, fmt: InputFormat, options: IngestOptions) -> Iterator[Article | Failure]:
    reader = fmt.stream or fmt.records
    if reader is not None:
        if not Path(path).is_file():
            raise UnreadableInput(path, "no such file")
        try:
            handle = open(path, "rb")  # noqa: SIM115 - closed below, after the reader is done with it
        except OSError as exc:
            raise UnreadableInput(path, f"cannot read: {exc.strerror or exc}") from exc
        with handle:
            yield from reader(path, handle, options)
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
