"""An HTTP response body, read and unpacked under a size cap while it arrives.

A server may send a small compressed body (`Content-Encoding: gzip`) that inflates to gigabytes; inflating it
whole and measuring afterwards would fill the memory first. Here the compressed bytes read and the bytes
inflated are both counted as they come, and the body is refused as soon as either passes the cap.
A body that is itself a gzip file (a `.gz` download, no Content-Encoding) is content, not transport: it is
returned as it came and unpacked by the reader of its format (raw.gunzip).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from eventwire.errors import UnreadableInput

IDENTITY = ("", "identity")
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS,
          "deflate": 32 + zlib.MAX_WBITS}  # deflate: zlib-wrapped as HTTP says (32+: the header is detected)


def body_of(chunks: Iterable[bytes], content_encoding: str | None, source: str, limit: int) -> bytes:
    """The body the chunks carry, with its Content-Encoding undone; UnreadableInput naming `source` when it
    is larger than `limit` bytes (compressed or not), broken, or in an encoding eventwire does not read."""
    encoding = (content_encoding or "").strip().lower()
    inflater = None if encoding in IDENTITY else _Inflater(source, encoding, limit)
    received = 0
    parts: list[bytes] = []
    for chunk in chunks:
        received += len(chunk)
        if received > limit:
            raise UnreadableInput(source, f"page is larger than the {limit}-byte limit")
        parts.append(chunk if inflater is None else inflater.feed(chunk))
    if inflater is not None:
        inflater.finish()
    return b"".join(parts)


class _Inflater:
    """Undoes gzip or deflate a chunk at a time, never producing more than the cap allows."""

    def __init__(self, source: str, encoding: str, limit: int) -> None:
        if encoding not in _WBITS:
            raise UnreadableInput(source, f"unsupported Content-Encoding '{encoding}'")
        self.source = source
        self.encoding = encoding
        self.limit = limit
        self.room = limit
        self.stream = zlib.decompressobj(_WBITS[encoding])

    def feed(self, data: bytes) -> bytes:
        out: list[bytes] = []
        while data:
            try:
                piece = self.stream.decompress(data, self.room + 1)  # at most one byte past the cap
            except zlib.error as exc:
                raise UnreadableInput(self.source, f"broken {self.encoding} body ({exc})") from None
            self.room -= len(piece)
            if self.room < 0:
                raise UnreadableInput(self.source, f"unpacks to more than the {self.limit}-byte limit")
            out.append(piece)
            if not self.stream.eof:
                data = self.stream.unconsumed_tail
            elif self.encoding != "deflate" and self.stream.unused_data[:2] == b"\x1f\x8b":
                data = self.stream.unused_data  # a gzip body may hold several members, one after another
                self.stream = zlib.decompressobj(_WBITS[self.encoding])
            else:
                data = b""  # trailing bytes after the stream (padding) are ignored, as browsers do
        return b"".join(out)

    def finish(self) -> None:
        if not self.stream.eof:
            raise UnreadableInput(self.source, f"broken {self.encoding} body (it ends early)")
