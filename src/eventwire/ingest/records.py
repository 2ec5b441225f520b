"""Articles held as records: JSON lines (one article per line) and CSV/TSV (one per row).

Columns map to article fields by `IngestOptions.fields` ("text=body"), else by common names
(`RECORD_FIELDS`). A text column holding HTML goes through the HTML extractor. A bad line or row is
a recorded failure naming its line number; the rest of the file goes on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

from eventwire.dateparse import to_iso_date
from eventwire.errors import UnreadableInput
from eventwire.ingest.options import RECORD_FIELDS, IngestOptions
from eventwire.ingest.sources import article_from_bytes, article_id, with_language
from eventwire.ingest.text import join_paragraphs
from eventwire.model import Article, Failure

csv.field_size_limit(64 * 1024 * 1024)  # article bodies are far longer than csv's 128 KB default


def _column(record: Mapping[str, Any], name: str, options: IngestOptions) -> Any:
    if name in options.fields:
        return record.get(options.fields[name])
    lowered = {str(k).lower(): v for k, v in record.items()}
    return next((lowered[c] for c in RECORD_FIELDS[name] if lowered.get(c) not in (None, "")), None)


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
    """Articles of a JSON-lines file; `name` names the file in failures ("dump.jsonl:12")."""
    for number, line in enumerate(io.BytesIO(data), start=1):
        if not line.strip():
            continue
        source = f"{name}:{number}"
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Failure(source=source, stage="ingest", reason=f"line {number} is not JSON ({exc.args[0][:60]})")
            continue
        if not isinstance(record, dict):
            yield Failure(source=source, stage="ingest", reason=f"line {number} is not a JSON object")
            continue
        yield from _guarded(record, source, options)


def read_csv(name: str, text: str, options: IngestOptions) -> Iterator[Article | Failure]:
    """Articles of a CSV (or TSV: the delimiter is sniffed) file with a header row."""
    sample = text[:20_000]
    delimiter = "\t" if sample.split("\n", 1)[0].count("\t") > sample.split("\n", 1)[0].count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=2):
            if None in row:  # more cells than header columns: a broken row
                yield Failure(source=f"{name}:{number}", stage="ingest",
                              reason=f"row {number} has more cells than the header")
                continue
            yield from _guarded(row, f"{name}:{number}", options)
    except csv.Error as exc:
        yield Failure(source=f"{name}:{reader.line_num}", stage="ingest", reason=f"broken CSV: {exc}")


def _guarded(record: Mapping[str, Any], source: str, options: IngestOptions) -> Iterator[Article | Failure]:
    try:
        yield article_from_record(record, source, options)
    except UnreadableInput as exc:
        yield Failure(source=exc.source, stage="ingest", reason=exc.reason)
