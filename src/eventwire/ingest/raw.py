"""The bytes of an input, before any format reads them: a file read under a size cap, gzip unpacked, the
first bytes peeked at (to tell a format by content), and bytes decoded to text."""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path

import charset_normalizer

from eventwire.errors import UnreadableInput

MAX_BYTES = 20 * 1024 * 1024
MAX_RECORD_FILE_BYTES = 2 * 1024 * 1024 * 1024  # JSONL/CSV dumps hold many articles: a larger cap than a page
HEAD_BYTES = 8192  # first bytes read to tell a file's format by its content
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.I)


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def gunzip(source: str, data: bytes, limit: int = MAX_BYTES) -> bytes:
    """Gzipped bytes unpacked; a broken stream or one unpacking past `limit` is refused with the reason."""
    try:
        out = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise UnreadableInput(source, f"broken gzip file ({exc})") from exc
    if len(out) > limit:
        raise UnreadableInput(source, f"unpacks to more than the {limit}-byte limit")
    return out


def unpacked_head(head: bytes) -> bytes | None:
    """The first bytes of a file, unpacked when they start a gzip stream (None when it is broken): enough
    to tell its kind by content."""
    if not is_gzip(head):
        return head
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
    except zlib.error:
        return None


def read_file_bytes(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """A file's bytes, refusing a missing, empty, unreadable or over-`limit` file with the reason."""
    source = str(path)
    p = Path(path)
    if not p.exists():
        raise UnreadableInput(source, "no such file")
    if p.is_dir():
        raise UnreadableInput(source, "is a directory, not a file")
    size = p.stat().st_size
    if size == 0:
        raise UnreadableInput(source, "empty file")
    if size > limit:
        raise UnreadableInput(source, f"file of {size} bytes is larger than the {limit}-byte limit")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise UnreadableInput(source, f"cannot read: {exc.strerror or exc}") from exc


def read_unpacked(path: str, limit: int) -> bytes:
    """A file's bytes, gunzipped when gzipped (by content, whatever its name)."""
    data = read_file_bytes(path, limit)
    return gunzip(path, data, limit) if is_gzip(data) else data


def read_head(path: str) -> bytes | None:
    """A file's first bytes, unpacked when gzipped; None when it cannot be read or its gzip is broken (the
    reader then reports why)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return None
    return unpacked_head(head)


def decode(source: str, data: bytes, is_html: bool, declared: str | None = None) -> str:
    """Bytes -> text: a BOM, the declared charset (HTTP header, <meta>), UTF-8, then a detected legacy
    encoding (cp1252, latin-1, cp1251, Shift-JIS... through charset_normalizer)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise UnreadableInput(source, "binary file (NUL bytes), not an article")
    encodings = ["utf-8-sig"]
    if is_html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            encodings.insert(0, m.group(1).decode("ascii"))
    if declared:
        encodings.insert(0, declared)
    for enc in encodings:
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is None or best.chaos > 0.3:
        raise UnreadableInput(source, "not text in any encoding that could be detected")
    return data.decode(best.encoding, errors="replace")
