"""HTML page -> article body and metadata, through trafilatura (main text) and its metadata."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from eventwire.ingest.text import normalize_spaces


@dataclass(frozen=True)
class ExtractedHtml:
    title: str | None
    text: str
    published: str | None
    sections: tuple[str, ...]
    url: str | None
    language: str | None
    author: str | None


def extract_html(html: str, url: str | None = None) -> ExtractedHtml | None:
    """Main text and metadata of a page, or None when trafilatura finds no article in it."""
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, as_dict=True,
    )
    if not isinstance(doc, dict) or not (doc.get("text") or "").strip():
        return None
    # trafilatura separates paragraphs with single newlines; the pipeline expects blank lines.
    paragraphs = [normalize_spaces(p) for p in str(doc["text"]).split("\n") if p.strip()]
    categories = tuple(str(c) for c in (doc.get("categories") or []) if c)
    return ExtractedHtml(
        title=doc.get("title"),
        text="\n\n".join(paragraphs),
        published=doc.get("date"),
        sections=categories,
        url=doc.get("url") or url,
        language=doc.get("language"),
        author=doc.get("author"),
    )
