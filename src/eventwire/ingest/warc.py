"""WARC / WARC.GZ crawl files: each HTML response (or resource) record becomes an article.

Records that are not pages (requests, metadata, redirects, images, errors) are passed over: they are
not articles. A page in which no article text is found is a recorded failure naming its URL; so is a
record with no WARC-Type (damage after a good version line). A malformed record ends the file with a
failure saying how many records were read before it, since the reader cannot find the next record
boundary after damage. A file cut short (a crawl still being written, a partial download) keeps its whole
records; the one it ends in is a failure, never a page of the part that arrived (warcio itself passes over it
without a word).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader

from eventwire.errors import UnreadableInput
from eventwire.failures import one_line
from eventwire.ingest.options import IngestOptions
from eventwire.ingest.raw import MAX_BYTES, unpacked_head, valid_text
from eventwire.ingest.sources import article_from_bytes
from eventwire.model import Article, Failure

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def iter_warc(name: str, stream: IO[bytes], options: IngestOptions) -> Iterator[Article | Failure]:
    """Articles of the WARC file read from `stream`; `name` names the file in failures."""
    head = _peek(stream)
    if head is not None and not looks_like_warc(head):
        yield Failure(source=name, stage="ingest", reason="not a WARC file (it does not start with a WARC record)")
        return
    read = 0
    records = ArchiveIterator(stream)
    records.loader = _Loader(verify_http=False, arc2warc=False)
    try:
        for record in records:
            read += 1
            try:
                found = _page_of(name, record, read, options)
                if record.rec_type in ("response", "resource") and _cut_short(record):
                    found = Failure(source=f"{name}#{_uri(record, read)}", stage="ingest",
                                    reason=f"record {read} is cut short: the file ends before the record does")
            except Exception as exc:
                # one odd record (a broken HTTP header block) is that record's failure, not the file's
                reason = exc.reason if isinstance(exc, UnreadableInput) else f"unreadable record ({one_line(exc)})"
                found = Failure(source=f"{name}#record {read}", stage="ingest", reason=reason)
            if found is not None:
                yield found
        if records.offset < records.fh.tell():  # bytes after the last whole record: warcio found no end to them
            yield Failure(source=name, stage="ingest", reason=f"cut short: the file ends inside the record after "
                                                              f"record {read}")
    except Exception as exc:  # warcio cannot go on past damage: what came before stays read
        damage = isinstance(exc, ArchiveLoadFailed | OSError | EOFError | ValueError)  # said by its message
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0] if damage else one_line(exc)
        yield Failure(source=name, stage="ingest",
                      reason=f"malformed WARC after {read} record(s): {reason[:160]}")


class _Loader(ArcWarcRecordLoader):  # type: ignore[misc]
    """warcio's record loader, reading a response record without WARC-Target-URI as the HTTP response it holds
    (warcio itself fails on it with an AttributeError and cannot go on with the file)."""

    def load_http_headers(self, rec_type: str, uri: str | None, stream: IO[bytes], length: int | None) -> object:
        return super().load_http_headers(rec_type, uri if uri is not None else "http:", stream, length)


def _page_of(name: str, record: ArcWarcRecord, number: int, options: IngestOptions) -> Article | Failure | None:
    """The article of one record, a failure, or None for a record that is not a page."""
    if record.rec_type is None:
        return Failure(source=f"{name}#record {number}", stage="ingest",
                       reason="damaged record: no WARC-Type header")
    if record.rec_type not in ("response", "resource"):
        return None
    uri = _uri(record, number)
    if record.http_headers is not None:
        if record.http_headers.get_statuscode() != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    if not content_type or not content_type.split(";")[0].strip().lower().startswith(_PAGE_TYPES):
        return None
    source = f"{name}#{uri}"
    body = record.content_stream().read(MAX_BYTES + 1)
    try:
        return article_from_bytes(source, body, options.published, content_type,
                                  url=uri if uri.startswith("http") else None)
    except UnreadableInput as exc:
        return Failure(source=exc.source, stage="ingest", reason=exc.reason)


def _uri(record: ArcWarcRecord, number: int) -> str:
    return valid_text(record.rec_headers.get_header("WARC-Target-URI") or f"record {number}")


def _cut_short(record: ArcWarcRecord) -> bool:
    """Whether the record's block ends before its declared Content-Length: the file was cut inside it. Reads the
    rest of the block (as warcio does before the next record anyway)."""
    block = record.raw_stream
    while block.read(1 << 16):
        pass
    return int(getattr(block, "limit", 0) or 0) > 0


def _peek(stream: IO[bytes]) -> bytes | None:
    """The first bytes of a buffered stream without consuming them (gunzipped for a .warc.gz), or None."""
    peek = getattr(stream, "peek", None)
    if peek is None:
        return None
    return unpacked_head(bytes(peek(4096))[:4096]) or b""


def looks_like_warc(data: bytes) -> bool:
    """A WARC file starts with its version line (after gunzip for .warc.gz)."""
    return data.lstrip()[:5] == b"WARC/"
