"""Articles held as records: JSON lines (one article per line) and CSV/TSV (one per row).

Columns map to article fields by `IngestOptions.fields` ("text=body"), else by common names
(`RECORD_FIELDS`). A text column holding HTML goes through the HTML extractor. A dump is read from an open
file as it goes (gunzipped on the way), one record at a time: memory is bounded by a record, not the dump.
A bad line or row is a recorded failure naming its line number; the rest of the file goes on. A file that is
not records at all (binary data, or no JSON object in its first lines, or no row under its header) is one failure,
not one per line; past MAX_FAILURES_TOLD bad records in one file, the rest are counted in one more failure.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import IO, Any

from eventwire.dateparse import to_iso_date
from eventwire.errors import UnreadableInput
from eventwire.failures import failure_of, one_line
from eventwire.ingest.options import RECORD_FIELDS, IngestOptions
from eventwire.ingest.raw import (
    HEAD_BYTES,
    MAX_BYTES,
    MAX_RECORD_FILE_BYTES,
    looks_binary,
    open_unpacked,
    stream_encoding,
    valid_text,
)
from eventwire.ingest.sources import article_from_bytes, article_id, with_language
from eventwire.ingest.text import join_paragraphs
from eventwire.model import Article, Failure

csv.field_size_limit(64 * 1024 * 1024)  # article bodies are far longer than csv's 128 KB default
MAX_LINE_BYTES = MAX_BYTES  # one JSON line holds one article: as large as a page may be
MAX_LINE_CHARS = MAX_BYTES  # a CSV line is read up to this, never whole: one line can unpack to gigabytes
MAX_FAILURES_TOLD = 100     # bad records of one file told one by one; a million "{}" lines are not a million rows
NOT_RECORDS_AFTER = 5       # so many bad lines before any JSON object: the file is not JSON lines at all
_ENCODING_SAMPLE = 256 * 1024  # first bytes of a CSV file its encoding is told from


def _column(record: Mapping[str, Any], name: str, options: IngestOptions) -> Any:
    if name in options.fields:
        return _valid(record.get(options.fields[name]))
    lowered = {str(k).lower(): v for k, v in record.items()}
    return _valid(next((lowered[c] for c in RECORD_FIELDS[name] if lowered.get(c) not in (None, "")), None))


def _valid(value: Any) -> Any:
    """A JSON or CSV value with its strings made writable (no lone surrogates from "\\ud800" escapes, no NULs)."""
    if isinstance(value, str):
        return valid_text(value)
    if isinstance(value, list | tuple):
        return [valid_text(v) if isinstance(v, str) else v for v in value]
    return value


def _strings(value: Any) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, list | tuple):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(p.strip() for p in str(value).replace(";", ",").split(",") if p.strip())


def article_from_record(record: Mapping[str, Any], source: str, options: IngestOptions) -> Article:
    """One record -> Article; raises UnreadableInput when it has no article text."""
    text = _column(record, "text", options)
    if not isinstance(text, str) or not text.strip():
        wanted = options.fields.get("text") or "/".join(RECORD_FIELDS["text"][:4])
        raise UnreadableInput(source, f"no article text in column '{wanted}' (columns: {', '.join(map(str, record))})")
    url = _column(record, "url", options)
    published = options.published or to_iso_date(_column(record, "published", options))
    if "<" in text[:2000] and ("</p>" in text or "<html" in text[:2000].lower() or "<div" in text):
        article = article_from_bytes(source, text.encode("utf-8"), published, "text/html", url=url)
    else:
        body = join_paragraphs(text.replace("\r\n", "\n"))
        article = with_language(Article(id=article_id(body), text=body, source_path=source))
    title = _column(record, "title", options)
    author = _strings(_column(record, "author", options))
    credit = _column(record, "credit", options)
    update: dict[str, Any] = {
        "url": url if isinstance(url, str) and url else article.url,
        "title": str(title).strip() if title else article.title,
        "published": published or article.published,
        "author": ", ".join(author) if author else article.author,
        "sections": _strings(_column(record, "sections", options)) or article.sections,
        "credit": str(credit).strip() if isinstance(credit, str) and credit.strip() else article.credit,
        "source_path": source,
    }
    return article.model_copy(update=update)


def read_jsonl(name: str, data: bytes, options: IngestOptions) -> Iterator[Article | Failure]:
    """Articles of JSON lines in hand (standard input, a fetched dump); `name` names them in failures."""
    return stream_jsonl(name, io.BytesIO(data), options)


def stream_jsonl(name: str, stream: IO[bytes], options: IngestOptions) -> Iterator[Article | Failure]:
    """Articles of a JSON-lines file read line by line from `stream` (gunzipped when gzipped); `name` names
    the file in failures ("dump.jsonl:12")."""
    return _told(name, _jsonl_records(name, stream, options))


def _jsonl_records(name: str, stream: IO[bytes], options: IngestOptions) -> Iterator[Article | Failure]:
    lines = open_unpacked(name, stream, MAX_RECORD_FILE_BYTES)
    if looks_binary(lines.peek(HEAD_BYTES)[:HEAD_BYTES]):
        yield Failure(source=name, stage="ingest", reason="not a JSON-lines file (binary data)")
        return
    held: list[Failure] = []  # bad lines before the first JSON object: told one by one only if one comes
    seen_record = False
    number = 0
    while line := lines.readline(MAX_LINE_BYTES + 1):
        number += 1
        source = f"{name}:{number}"
        if len(line) > MAX_LINE_BYTES:
            _skip_rest_of_line(lines)
            failure = Failure(source=source, stage="ingest",
                              reason=f"line {number} is longer than the {MAX_LINE_BYTES}-byte limit")
        elif not line.strip():
            continue
        else:
            record = _json_object(line, number)
            if isinstance(record, dict):
                if not seen_record:
                    seen_record = True
                    yield from held
                yield from _guarded(record, source, options)
                continue
            failure = Failure(source=source, stage="ingest", reason=record)
        if seen_record:
            yield failure
            continue
        held.append(failure)
        if len(held) >= NOT_RECORDS_AFTER:
            yield Failure(source=name, stage="ingest", reason=f"not a JSON-lines file: none of its first "
                                                              f"{NOT_RECORDS_AFTER} lines is a JSON object")
            return
    if not seen_record:
        yield from held if held else [Failure(source=name, stage="ingest", reason="empty file")]


def _json_object(line: bytes, number: int) -> dict[str, Any] | str:
    """The JSON object of one line, or why the line is not one."""
    try:
        record = json.loads(line.removeprefix(b"\xef\xbb\xbf") if number == 1 else line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return f"line {number} is not JSON ({exc.args[0][:60]})"
    except RecursionError:
        return f"line {number} is nested too deeply to read"
    except Exception as exc:  # any other fault of the json module on odd input: this line's failure only
        return f"line {number} is not JSON ({one_line(exc, 60)})"
    if not isinstance(record, dict):
        return f"line {number} is not a JSON object"
    return record


def _skip_rest_of_line(lines: io.BufferedReader) -> None:
    while (chunk := lines.readline(1 << 16)) and not chunk.endswith(b"\n"):
        pass


def read_csv(name: str, data: bytes, options: IngestOptions) -> Iterator[Article | Failure]:
    """Articles of CSV/TSV bytes in hand (standard input, a fetched dump)."""
    return stream_csv(name, io.BytesIO(data), options)


def stream_csv(name: str, stream: IO[bytes], options: IngestOptions) -> Iterator[Article | Failure]:
    """Articles of a CSV (or TSV: the delimiter is sniffed) file with a header row, read row by row from
    `stream` (gunzipped when gzipped) in the encoding its first bytes tell."""
    return _told(name, _csv_rows(name, stream, options))


def _csv_rows(name: str, stream: IO[bytes], options: IngestOptions) -> Iterator[Article | Failure]:
    raw = open_unpacked(name, stream, MAX_RECORD_FILE_BYTES, buffer_size=_ENCODING_SAMPLE)
    head = raw.peek(_ENCODING_SAMPLE)
    if not head.strip():
        yield Failure(source=name, stage="ingest", reason="empty file")
        return
    encoding = stream_encoding(name, head)
    text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
    first = head.decode(encoding, errors="replace").split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.DictReader(_lines(name, text), delimiter=delimiter)
    number = 1
    try:
        for number, row in enumerate(reader, start=2):
            if None in row:  # more cells than header columns: a broken row
                yield Failure(source=f"{name}:{number}", stage="ingest",
                              reason=f"row {number} has more cells than the header")
                continue
            yield from _guarded(row, f"{name}:{number}", options)
    except csv.Error as exc:
        yield Failure(source=f"{name}:{reader.line_num}", stage="ingest", reason=f"broken CSV: {exc}")
    except _LineTooLong as exc:
        yield Failure(source=f"{name}:{exc.number}", stage="ingest",
                      reason=f"line {exc.number} is longer than the {MAX_LINE_CHARS}-character limit")
    else:
        if number == 1:
            yield Failure(source=name, stage="ingest", reason="no rows under the header row (a CSV file has a "
                                                              "header, then one row per article)")


class _LineTooLong(Exception):
    def __init__(self, number: int) -> None:
        super().__init__(f"line {number} is too long")
        self.number = number


def _lines(name: str, text: IO[str]) -> Iterator[str]:
    """The lines of a CSV file for the csv reader, each read up to MAX_LINE_CHARS, never further: a longer one
    stops the file (a quoted field may hold line breaks, so the reader cannot resume after it)."""
    number = 0
    while line := text.readline(MAX_LINE_CHARS + 1):
        number += 1
        if len(line) > MAX_LINE_CHARS:
            raise _LineTooLong(number)
        yield line


def _told(name: str, found: Iterator[Article | Failure]) -> Iterator[Article | Failure]:
    """Every article of a dump and its first MAX_FAILURES_TOLD failures, then one failure counting the others:
    memory, the failures table and the terminal stay bounded by that, not by the bad records a file holds."""
    told = untold = 0

    def more() -> Failure:
        return Failure(source=name, stage="ingest", reason=f"{untold:,} more bad records after the first "
                                                           f"{MAX_FAILURES_TOLD} (not told one by one)")

    try:
        for item in found:
            if isinstance(item, Failure):
                if told >= MAX_FAILURES_TOLD:
                    untold += 1
                    continue
                told += 1
            yield item
    except UnreadableInput:  # the file broke off (a truncated gzip): the count first, then why
        if untold:
            yield more()
        raise
    if untold:
        yield more()


def _guarded(record: Mapping[str, Any], source: str, options: IngestOptions) -> Iterator[Article | Failure]:
    try:
        yield article_from_record(record, source, options)
    except UnreadableInput as exc:
        yield Failure(source=exc.source, stage="ingest", reason=exc.reason)
    except Exception as exc:  # a fault met on this record's values: its failure, and the file goes on
        yield failure_of(source, "ingest", exc, "unreadable record")
