"""WARC / WARC.GZ crawl files: each HTML response (or resource) record becomes an article.

Records that are not pages (requests, metadata, redirects, images, errors) are passed over: they are
not articles. A page in which no article text is found is a recorded failure naming its URL. A
malformed record ends the file with a failure saying how many records were read before it, since the
reader cannot find the next record boundary after damage.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.errors import UnreadableInput
from eventwire.ingest.options import IngestOptions
from eventwire.ingest.sources import MAX_BYTES, article_from_bytes
from eventwire.model import Article, Failure

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def iter_warc(name: str, stream: IO[bytes], options: IngestOptions) -> Iterator[Article | Failure]:
    """Articles of the WARC file read from `stream`; `name` names the file in failures."""
    read = 0
    try:
        for record in ArchiveIterator(stream):
            read += 1
            if record.rec_type not in ("response", "resource"):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"record {read}"
            if record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                if status != "200":
                    continue
                content_type = record.http_headers.get_header("Content-Type")
            else:
                content_type = record.rec_headers.get_header("Content-Type")
            if not content_type or not content_type.split(";")[0].strip().lower().startswith(_PAGE_TYPES):
                continue
            source = f"{name}#{uri}"
            body = record.content_stream().read(MAX_BYTES + 1)
            try:
                yield article_from_bytes(source, body, options.published, content_type,
                                         url=uri if uri.startswith("http") else None)
            except UnreadableInput as exc:
                yield Failure(source=exc.source, stage="ingest", reason=exc.reason)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        yield Failure(source=name, stage="ingest",
                      reason=f"malformed WARC after {read} record(s): {reason[:160]}")


def looks_like_warc(data: bytes) -> bool:
    """A WARC file starts with its version line (after gunzip for .warc.gz)."""
    return data.lstrip()[:5] == b"WARC/"
