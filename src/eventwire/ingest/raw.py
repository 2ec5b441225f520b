"""The bytes of an input, before any format reads them: a file or stream read under a size cap, gzip unpacked
under a running cap (a small gzip file can unpack to gigabytes: inflating stops at the limit), the first bytes
peeked at (to tell a format by content), and bytes decoded to text."""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from pathlib import Path
from typing import IO

import charset_normalizer

from eventwire.errors import UnreadableInput

MAX_BYTES = 20 * 1024 * 1024
MAX_RECORD_FILE_BYTES = 2 * 1024 * 1024 * 1024  # JSONL/CSV dumps hold many articles: a larger cap than a page
HEAD_BYTES = 8192  # first bytes read to tell a file's format by its content
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.I)
_WIDE_SAMPLE = 65536  # bytes looked at to tell UTF-16/32 without a BOM from text with stray NULs, or binary
_MIN_WIDE_SAMPLE = 64  # bytes needed before trusting a UTF-16/32 guess
_BINARY_SHARE = 0.01  # NUL and control bytes above this share of the sample: binary, not text
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")  # C0 controls but tab, newlines, form feed, ESC
_SURROGATE = re.compile("[\ud800-\udfff]")
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


class _CappedGunzip(io.RawIOBase):
    """A gzip stream unpacked as it is read, refusing to unpack past `limit` bytes; a broken stream is refused
    with the reason (both as UnreadableInput naming `source`)."""

    def __init__(self, source: str, packed: IO[bytes], limit: int) -> None:
        super().__init__()
        self.source = source
        self.limit = limit
        self.unpacked = 0
        self._gzip = gzip.GzipFile(fileobj=packed, mode="rb")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        try:
            chunk = self._gzip.read(min(len(view), self.limit + 1 - self.unpacked))
        except (OSError, EOFError, zlib.error) as exc:
            raise UnreadableInput(self.source, f"broken gzip file ({exc})") from exc
        self.unpacked += len(chunk)
        if self.unpacked > self.limit:
            raise UnreadableInput(self.source, f"unpacks to more than the {self.limit}-byte limit")
        view[:len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        self._gzip.close()
        super().close()


def buffered(stream: IO[bytes]) -> io.BufferedReader:
    """The stream as one whose first bytes can be peeked at without consuming them."""
    return stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(_Raw(stream))


def open_unpacked(source: str, stream: IO[bytes], limit: int, buffer_size: int = io.DEFAULT_BUFFER_SIZE
                  ) -> io.BufferedReader:
    """A binary stream read as it comes, gunzipped when it starts a gzip stream (by content, whatever its name):
    reading past `limit` unpacked bytes, or into a broken gzip stream, raises UnreadableInput naming `source`.
    Memory stays bounded by what the caller reads at a time, never by what the stream unpacks to."""
    packed = buffered(stream)
    if is_gzip(packed.peek(2)[:2]):
        return io.BufferedReader(_CappedGunzip(source, packed, limit), buffer_size)
    return io.BufferedReader(_Capped(source, packed, limit), buffer_size)


class _Raw(io.RawIOBase):
    """Any binary stream (a BytesIO, a pipe) as a raw stream a BufferedReader can peek into."""

    def __init__(self, stream: IO[bytes]) -> None:
        super().__init__()
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        chunk = self.stream.read(len(view))
        view[:len(chunk)] = chunk
        return len(chunk)


class _Capped(_Raw):
    """A stream refusing to be read past `limit` bytes."""

    def __init__(self, source: str, stream: IO[bytes], limit: int) -> None:
        super().__init__(stream)
        self.source = source
        self.limit = limit
        self.read_so_far = 0

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        n = super().readinto(view[:max(0, min(len(view), self.limit + 1 - self.read_so_far))])
        self.read_so_far += n
        if self.read_so_far > self.limit:
            raise UnreadableInput(self.source, f"larger than the {self.limit}-byte limit")
        return n


def gunzip(source: str, data: bytes, limit: int = MAX_BYTES) -> bytes:
    """Gzipped bytes unpacked; a broken stream or one unpacking past `limit` is refused with the reason. Inflating
    stops at the limit: a gzip bomb costs `limit` bytes of memory, not what it would unpack to."""
    with _CappedGunzip(source, io.BytesIO(data), limit) as unpacked:
        return unpacked.readall()


def read_capped(source: str, stream: IO[bytes], limit: int) -> bytes:
    """At most `limit` bytes of a stream (standard input): a longer one is refused once `limit` bytes are read,
    not after reading it all."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise UnreadableInput(source, f"larger than the {limit}-byte limit")
    return data


def unpacked_head(head: bytes) -> bytes | None:
    """The first bytes of a file, unpacked when they start a gzip stream (None when it is broken): enough
    to tell its kind by content."""
    if not is_gzip(head):
        return head
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, HEAD_BYTES * 4)
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


def valid_text(text: str) -> str:
    """The text with lone surrogates (a JSON "\\ud800" escape, a file name of undecodable bytes) replaced by
    U+FFFD and NUL characters dropped: neither can be written as UTF-8 text, so the database, the parser and
    stdout would refuse them."""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return text.replace("\x00", "") if "\x00" in text else text


def looks_binary(sample: bytes) -> bool:
    """Whether the first bytes of an input are binary data (many NUL or control bytes), not text."""
    return len(_CONTROL_BYTES.findall(sample)) > max(2, len(sample) * _BINARY_SHARE)


def stream_encoding(source: str, head: bytes) -> str:
    """The encoding of a text stream told from its first bytes (a BOM, UTF-16/32, UTF-8, else a detected legacy
    encoding): what `decode` does for bytes in hand, for a stream too long to hold (a CSV dump)."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), *_BOMS):
        if head.startswith(bom):
            return encoding
    if b"\x00" in head:
        wide = _wide_encoding(head)
        if wide is not None:
            return wide
        if looks_binary(head.rstrip(b"\x00")):
            raise UnreadableInput(source, "binary file (NUL bytes), not text")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(head).best()
    if best is None or best.chaos > 0.3:
        raise UnreadableInput(source, "not text in any encoding that could be detected")
    return str(best.encoding)


def decode(source: str, data: bytes, is_html: bool, declared: str | None = None) -> str:
    """Bytes -> text: a BOM, UTF-16/32 without one, the declared charset (HTTP header, <meta>), UTF-8, then a
    detected legacy encoding (cp1252, latin-1, cp1251, Shift-JIS... through charset_normalizer). A few NUL bytes
    in text are dropped; many, or other control bytes, mean a binary file."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data:
        wide = _wide_encoding(data[:_WIDE_SAMPLE])
        if wide is not None:
            return data.decode(wide, errors="replace")
        data = _without_stray_nuls(source, data)
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


def _wide_encoding(sample: bytes) -> str | None:
    """UTF-16 or UTF-32 (either byte order) when the sample reads as such without a BOM: ASCII characters
    then hold NUL bytes, so NULs alone do not make a file binary."""
    if len(sample) < _MIN_WIDE_SAMPLE:  # a few bytes read as UTF-16 whatever they are
        return None
    best = charset_normalizer.from_bytes(sample).best()
    if best is not None and best.encoding.startswith(("utf_16", "utf_32")) and best.chaos <= 0.3:
        return str(best.encoding)
    return None


def _without_stray_nuls(source: str, data: bytes) -> bytes:
    """Text with a few NUL bytes (padding at the end, a stray byte from a bad copy) without them; a binary file
    (many NUL or control bytes) is refused."""
    data = data.rstrip(b"\x00")
    if looks_binary(data[:_WIDE_SAMPLE]):
        raise UnreadableInput(source, "binary file (NUL bytes), not an article")
    return data.replace(b"\x00", b"")
