"""Every kind of input -> a stream of Articles and Failures, in input order.

An input is a path (page, JSONL, CSV, WARC, feed; folders recursively; globs), an http(s) URL (a page
or a feed) or "-" (standard input). The kind is told by `IngestOptions.input_format`, else by the name,
else by the content. Nothing is dropped silently: unreadable inputs and records are Failures, and
articles in a language that is not coded are Failures marked `skipped`.
"""

from __future__ import annotations

import glob
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from eventwire.errors import UnreadableInput
from eventwire.ingest.feeds import iter_feed, looks_like_feed
from eventwire.ingest.fetch import fetch, is_url
from eventwire.ingest.options import IngestOptions
from eventwire.ingest.raw import MAX_BYTES, MAX_RECORD_FILE_BYTES, decode, read_unpacked, unpacked_head
from eventwire.ingest.records import read_csv, read_jsonl
from eventwire.ingest.sources import article_from_bytes, read_article
from eventwire.ingest.warc import iter_warc, looks_like_warc
from eventwire.model import Article, Failure

INPUT_SUFFIXES = frozenset({".txt", ".html", ".htm", ".xhtml", ".gz", ".warc", ".jsonl", ".ndjson", ".csv",
                            ".tsv", ".rss", ".atom", ".xml"})
_KINDS_BY_SUFFIX = {".warc": "warc", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv",
                    ".rss": "feed", ".atom": "feed"}


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


def kind_by_name(name: str) -> str | None:
    suffixes = [s.lower() for s in Path(name.split("?")[0]).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _KINDS_BY_SUFFIX.get(suffixes[-1]) if suffixes else None


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
            yield from _from_data("<stdin>", data, options, None, None)
        elif is_url(item):
            page = fetch(item, options.timeout)
            yield from _from_data(item, page.data, options, page.content_type, page.url)
        else:
            kind = _file_kind(item, options)
            if kind == "warc":
                yield from _warc_file(item, options)  # streamed: crawl files are large
            elif kind == "page":
                yield read_article(item, published=options.published)
            else:
                limit = MAX_RECORD_FILE_BYTES if kind in ("jsonl", "csv") else MAX_BYTES
                yield from _from_data(item, read_unpacked(item, limit), options, None, None)
    except UnreadableInput as exc:
        yield Failure(source=exc.source, stage="ingest", reason=exc.reason)


def _kind(name: str, data: bytes, options: IngestOptions) -> str:
    """Input kind of data in hand: the option, else the name, else the content."""
    if options.input_format != "auto":
        return options.input_format
    return kind_by_name(name) or _kind_by_content(data)


def _kind_by_content(head: bytes) -> str:
    if looks_like_warc(head):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    return "page"


def _file_kind(path: str, options: IngestOptions) -> str:
    """Input kind of a file: the option, else the name, else its first bytes (gunzipped if need be)."""
    if options.input_format != "auto":
        return options.input_format
    by_name = kind_by_name(path)
    if by_name:
        return by_name
    try:
        with open(path, "rb") as handle:
            head = handle.read(8192)
    except OSError:
        return "page"  # read_article reports it
    unpacked = unpacked_head(head)
    if unpacked is None:
        return "page"  # read_article reports the broken gzip
    return _kind_by_content(unpacked)


def _warc_file(path: str, options: IngestOptions) -> Iterator[Article | Failure]:
    if not Path(path).is_file():
        raise UnreadableInput(path, "no such file")
    with open(path, "rb") as handle:
        yield from iter_warc(path, handle, options)


def _from_data(name: str, data: bytes, options: IngestOptions, content_type: str | None, url: str | None
               ) -> Iterator[Article | Failure]:
    if not data.strip():
        raise UnreadableInput(name, "empty input")
    kind = _kind(name, data, options)
    if content_type and kind == "page" and any(t in content_type for t in ("rss", "atom")):
        kind = "feed"
    if kind == "warc":
        yield from iter_warc(name, io.BytesIO(data), options)
    elif kind == "jsonl":
        yield from read_jsonl(name, data, options)
    elif kind == "csv":
        yield from read_csv(name, decode(name, data, False), options)
    elif kind == "feed":
        yield from iter_feed(name, data, options)
    else:
        yield article_from_bytes(name, data, options.published, content_type, url=url)
