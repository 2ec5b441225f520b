"""How inputs are read: one settings record passed from the CLI (or a library caller) to every reader."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from eventwire import choices
from eventwire.errors import InvalidValue

# Article fields a JSONL/CSV record can fill, and the column names tried for each when no mapping is given
# (those of common news dumps: news-please, GDELT article lists, Common Crawl extracts, newspaper3k).
RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "maintext", "article", "article_text", "full_text", "html"),
    "title": ("title", "headline", "name"),
    "url": ("url", "link", "source_url", "canonical_url", "uri"),
    "published": ("published", "date", "date_publish", "publish_date", "published_at", "pubdate", "seendate",
                  "datetime", "timestamp"),
    "author": ("author", "authors", "byline"),
    "sections": ("sections", "section", "category", "categories"),
    "credit": ("credit", "source", "agency"),
}


@dataclass(frozen=True)
class IngestOptions:
    published: str | None = None                  # YYYY-MM-DD for every article, over what the source says
    input_format: str = "auto"                    # auto (by name and content) or a format of ingest/formats.py
    fields: Mapping[str, str] = field(default_factory=dict)  # article field -> record column (JSONL/CSV)
    fetch_links: bool = True                      # feed items that carry only a summary: fetch their page
    languages: tuple[str, ...] = ("en",)          # languages coded; others are recorded as skipped; () keeps all
    timeout: float = 30.0                         # seconds per fetch over HTTP: DNS, connect, redirects, reads
    allow_private_urls: bool = False              # fetch from loopback/private/link-local... addresses too

    def __post_init__(self) -> None:
        from eventwire.ingest.formats import INPUT_FORMATS  # the table's readers take these options: no import cycle

        if self.input_format not in INPUT_FORMATS:
            raise InvalidValue(choices.unknown("input format", self.input_format, INPUT_FORMATS))
        unknown = sorted(set(self.fields) - set(RECORD_FIELDS))
        if unknown:
            raise InvalidValue(f"unknown article field(s) {', '.join(unknown)} (one of {', '.join(RECORD_FIELDS)})")
