"""Input formats as a table: one row per format, with the file names and first bytes that tell it and its
reader. The `--input-format` choices and help, the suffixes read from folders, the format of an input and
Spark's split of its inputs are all derived from the rows. A new format is one reader module and one row.

A format is told by `IngestOptions.input_format`, else by the file name (a `.gz` after it is unpacked
first), else by the first bytes; an input nothing tells is a page (scraped text or HTML).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from eventwire.choices import listed
from eventwire.ingest.feeds import iter_feed, looks_like_feed
from eventwire.ingest.options import IngestOptions
from eventwire.ingest.raw import MAX_BYTES, MAX_RECORD_FILE_BYTES, read_head
from eventwire.ingest.records import read_csv, read_jsonl, stream_csv, stream_jsonl
from eventwire.ingest.sources import article_from_bytes
from eventwire.ingest.warc import iter_warc, looks_like_warc
from eventwire.model import Article, Failure

AUTO = "auto"
GZIP_SUFFIX = ".gz"


@dataclass(frozen=True)
class Payload:
    """The bytes of one input in hand."""
    name: str                        # path, URL or "<stdin>": names the input in failures
    data: bytes
    content_type: str | None = None  # HTTP Content-Type of a fetched input
    url: str | None = None           # where a fetched input came from (after redirects)


Reader = Callable[[Payload, IngestOptions], Iterable[Article | Failure]]
StreamReader = Callable[[str, IO[bytes], IngestOptions], Iterable[Article | Failure]]


@dataclass(frozen=True)
class InputFormat:
    name: str                                     # the --input-format choice
    read: Reader                                  # bytes in hand -> articles and failures, in order
    suffixes: tuple[str, ...] = ()                # a file name ending so is this format
    content_suffixes: tuple[str, ...] = ()        # read from folders, but told by content (.xml: feed or page)
    sniff: Callable[[bytes], bool] | None = None  # the first bytes (unpacked) say this format
    content_types: tuple[str, ...] = ()           # words of an HTTP Content-Type saying it where bytes say "page"
    stream: StreamReader | None = None            # a crawl read as a stream, never whole (Spark streams these)
    records: StreamReader | None = None           # a dump read record by record from an open file or stdin
    limit: int = MAX_BYTES                        # largest file read whole
    reader_unpacks: bool = False                  # the reader gunzips and refuses blank bytes itself


def _page(payload: Payload, options: IngestOptions) -> Iterator[Article]:
    yield article_from_bytes(payload.name, payload.data, options.published, payload.content_type, url=payload.url)


def _jsonl(payload: Payload, options: IngestOptions) -> Iterable[Article | Failure]:
    return read_jsonl(payload.name, payload.data, options)


def _csv(payload: Payload, options: IngestOptions) -> Iterable[Article | Failure]:
    return read_csv(payload.name, payload.data, options)


def _warc(payload: Payload, options: IngestOptions) -> Iterable[Article | Failure]:
    return iter_warc(payload.name, io.BytesIO(payload.data), options)


def _feed(payload: Payload, options: IngestOptions) -> Iterable[Article | Failure]:
    return iter_feed(payload.name, payload.data, options)


PAGE = InputFormat("page", _page, content_suffixes=(".txt", ".html", ".htm", ".xhtml"), reader_unpacks=True)
FORMATS: tuple[InputFormat, ...] = (
    PAGE,  # first: what an input is when nothing tells otherwise
    InputFormat("jsonl", _jsonl, suffixes=(".jsonl", ".ndjson"), records=stream_jsonl,
                limit=MAX_RECORD_FILE_BYTES),
    InputFormat("csv", _csv, suffixes=(".csv", ".tsv"), records=stream_csv, limit=MAX_RECORD_FILE_BYTES),
    InputFormat("warc", _warc, suffixes=(".warc",), sniff=looks_like_warc, stream=iter_warc),
    InputFormat("feed", _feed, suffixes=(".rss", ".atom"), content_suffixes=(".xml",), sniff=looks_like_feed,
                content_types=("rss", "atom")),
)
_BY_NAME = {f.name: f for f in FORMATS}
_BY_SUFFIX = {suffix: f for f in FORMATS for suffix in f.suffixes}

INPUT_FORMATS = (AUTO, *_BY_NAME)
INPUT_FORMAT_HELP = f"{AUTO} (by name and content), {listed(list(_BY_NAME))}."
INPUT_SUFFIXES = frozenset({GZIP_SUFFIX, *_BY_SUFFIX, *(s for f in FORMATS for s in f.content_suffixes)})


def named(name: str) -> InputFormat:
    """The row of an --input-format choice other than auto."""
    return _BY_NAME[name]


def by_file_name(name: str) -> InputFormat | None:
    """The format a path or URL's name tells ("dump.jsonl.gz" -> jsonl), or None."""
    suffixes = [s.lower() for s in Path(name.split("?")[0]).suffixes]
    if suffixes and suffixes[-1] == GZIP_SUFFIX:
        suffixes = suffixes[:-1]
    return _BY_SUFFIX.get(suffixes[-1]) if suffixes else None


def by_content(head: bytes) -> InputFormat:
    """The format the first bytes (unpacked) tell; a page when none does."""
    return next((f for f in FORMATS if f.sniff is not None and f.sniff(head)), PAGE)


def of_data(payload: Payload, options: IngestOptions) -> InputFormat:
    """Format of bytes in hand: the option, else the name, else the content; a Content-Type naming a
    format wins over the bytes' "page"."""
    found = _chosen(options) or by_file_name(payload.name) or by_content(payload.data)
    if found is PAGE and payload.content_type:
        found = next((f for f in FORMATS if any(t in payload.content_type for t in f.content_types)), PAGE)
    return found


def of_file(path: str, options: IngestOptions) -> InputFormat:
    """Format of a file: the option, else the name, else its first bytes (gunzipped if need be); a page
    when they cannot be read (the page reader then says why)."""
    found = _chosen(options) or by_file_name(path)
    if found is not None:
        return found
    head = read_head(path)
    return PAGE if head is None else by_content(head)


def _chosen(options: IngestOptions) -> InputFormat | None:
    return None if options.input_format == AUTO else named(options.input_format)
