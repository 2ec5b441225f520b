"""A long article coded in chunks: where the chunks are cut, each chunk as an article of its own, and the
chunks' records put back together with their offsets into the whole article's text."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from eventwire.model import Article, ExtractResult, PlaceMention

R = TypeVar("R", bound=BaseModel)
_BREAKS = ("\n\n", "\n", ". ", " ")  # where a chunk may end, best first


def chunk_spans(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) spans covering `text` exactly, each at most `size` characters, ending at a paragraph break
    when the chunk's second half has one (else a line break, a sentence end, a space, or anywhere)."""
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        end = next((cut + len(mark) for mark in _BREAKS
                    if (cut := text.rfind(mark, start + size // 2, limit - len(mark) + 1)) >= 0), limit)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def chunk_article(article: Article, start: int, end: int) -> Article:
    """One chunk of a long article, coded as an article of its own; its id names the chunk, so that event ids
    (a hash of the article id and offsets) stay distinct across chunks."""
    return article.model_copy(update={"id": f"{article.id}@{start}", "text": article.text[start:end]})


def shifted(result: ExtractResult, offset: int) -> ExtractResult:
    """A chunk's records with their offsets moved by the chunk's start into the whole article's text."""
    return result.model_copy(update={name: tuple(_moved(r, offset) for r in getattr(result, name))
                                     for name in ("events", "actors", "places", "times", "quotes", "counts")})


def _moved(record: R, offset: int) -> R:
    """The record with `start`/`end` moved by offset (None stays: a dateline place is not in the text) and its
    parse token index dropped (it points into the chunk's parse), in every record it holds too."""
    update: dict[str, Any] = {}
    for name, value in record:
        if name in ("start", "end") and isinstance(value, int):
            update[name] = value + offset
        elif name == "token":
            update[name] = -1
        elif isinstance(value, BaseModel):
            update[name] = _moved(value, offset)
    return record.model_copy(update=update)


def merge_chunks(article: Article, parts: list[ExtractResult]) -> ExtractResult:
    """The chunks' results as the whole article's; a place outside the text (the dateline's), found by every
    chunk, is listed once."""
    places: list[PlaceMention] = []
    outside: list[PlaceMention] = []
    for place in (p for part in parts for p in part.places):
        if place.start is None:
            if place in outside:
                continue
            outside.append(place)
        places.append(place)
    return ExtractResult(
        article=article, events=tuple(e for part in parts for e in part.events),
        actors=tuple(a for part in parts for a in part.actors), places=tuple(places),
        times=tuple(t for part in parts for t in part.times), quotes=tuple(q for part in parts for q in part.quotes),
        counts=tuple(c for part in parts for c in part.counts),
    )
