"""The article in a POST /extract or /ingest body: JSON (ExtractRequest), or the raw page as text/plain
or text/html, any of them maybe gzipped.

Read in a worker thread (decoding, HTML extraction and cleaning take seconds on a large page; the
event loop keeps answering other requests meanwhile), and refused with a 4xx, never a 500:
- a gzipped body unpacking past the request size limit: 413, found by unpacking at most that much;
- an article text longer than `max_text_chars` (spaCy parses 1,000,000 characters at most): 413;
- an unknown media type 415; a body that is no article, or a `url` that is not http(s): 422.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import date
from functools import partial

import anyio
from fastapi import Request
from pydantic import ValidationError

from eventwire.api.deps import get_config
from eventwire.api.errors import ApiError
from eventwire.api.schemas import ExtractRequest
from eventwire.errors import UnreadableInput
from eventwire.ingest import article_from_bytes
from eventwire.ingest.raw import gunzip, is_gzip
from eventwire.model import Article

SOURCE = "request body"
RAW_TYPES = ("text/plain", "text/html")
# Parses running at once; more wait without holding a worker thread (GET routes use the same pool).
PARSE_LIMITER = anyio.CapacityLimiter(2)


@dataclass(frozen=True)
class BodyRules:
    max_bytes: int  # applies to the unpacked body too
    max_text_chars: int


async def read_article_body(request: Request, published: str | None) -> Article:
    config = get_config(request)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in ("application/json", *RAW_TYPES, ""):
        raise ApiError(415, f"send the article as text/plain, text/html or application/json, not '{media}'")
    body = await request.body()
    rules = BodyRules(max_bytes=config.max_body_bytes, max_text_chars=config.max_text_chars)
    return await anyio.to_thread.run_sync(partial(article_from_body, body, media, published, rules),
                                          limiter=PARSE_LIMITER)


def article_from_body(body: bytes, media: str, published: str | None, rules: BodyRules) -> Article:
    """The request body -> Article, or an ApiError saying why not."""
    if is_gzip(body):
        body = unpack(body, rules.max_bytes)
    url = None
    content_type: str | None = media
    if media == "application/json":
        request = parse_json(body)
        body = request.text.encode("utf-8")
        content_type = "text/html" if request.content_type == "html" else None
        published = request.published or published
        url = request.url
    if published is not None:
        try:  # the pattern lets "2017-13-45" through; the date stage needs a real day
            date.fromisoformat(published)
        except ValueError:
            raise ApiError(422, f"published: '{published}' is not a calendar date") from None
    try:
        article = article_from_bytes(SOURCE, body, published=published, content_type=content_type)
    except UnreadableInput as exc:
        raise ApiError(422, exc.reason) from None
    if len(article.text) > rules.max_text_chars:
        raise ApiError(413, f"article text of {len(article.text)} characters is longer than the "
                            f"{rules.max_text_chars}-character limit")
    # Without a URL the article is known by its text alone: no file path to tie revisions together. A URL
    # found in the page (its canonical link) is not kept: only the client's, checked to be http(s).
    return article.model_copy(update={"url": url, "source_path": None})


def parse_json(body: bytes) -> ExtractRequest:
    try:
        return ExtractRequest.model_validate_json(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ApiError(422, f"body{'.' + where if where else ''}: {first['msg']}") from None


def unpack(body: bytes, limit: int) -> bytes:
    """A gzipped body unpacked; the request size limit holds for what it unpacks to."""
    if unpacks_past(body, limit):
        raise ApiError(413, f"gzipped body unpacks to more than the {limit}-byte limit")
    try:
        data = gunzip(SOURCE, body, limit)
    except UnreadableInput as exc:
        raise ApiError(422, exc.reason) from None
    if is_gzip(data):  # the reader would unpack it again, under its own, larger limit
        raise ApiError(422, "gzip inside gzip: send the article gzipped once")
    return data


def unpacks_past(data: bytes, limit: int) -> bool:
    """Whether gzip `data` (one member or several) unpacks to more than `limit` bytes, found by unpacking
    at most limit + 1 of them. A broken stream says False: gunzip then reports it."""
    total = 0
    while data:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            total += len(inflater.decompress(data, limit + 1 - total))
        except zlib.error:
            return False
        if total > limit:
            return True
        if not inflater.eof:
            return False
        data = inflater.unused_data
    return False
