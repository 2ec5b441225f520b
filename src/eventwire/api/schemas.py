"""Response bodies, declared so the OpenAPI spec says exactly what each endpoint returns."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, field_validator

from eventwire.errors import InvalidValue


class EventRow(BaseModel):
    """One deduplicated event (an `event_groups` row), as `eventwire query` prints it."""

    id: str
    date: str | None = Field(description="ISO 8601 at its precision: 2019-03-05, 2019-W10, 2019-03, 2019")
    date_precision: str | None = Field(description="day, week, month or year (a range: its ends'); None if undated")
    date_start: dt.date | None = Field(description="the first day the date covers (a month's 1st, a week's Monday)")
    date_end: dt.date | None = Field(description="the last day the date covers")
    source_code: str | None
    source_name: str | None
    target_code: str | None
    target_name: str | None
    cameo: str | None
    cameo_name: str | None
    cameo_root: str | None
    plover: str | None
    quad_class: int | None
    goldstein: float | None
    place_name: str | None
    lat: float | None
    lon: float | None
    place_country: str | None
    place_precision: Literal["exact", "admin1", "country"] | None = Field(
        description="how exact the place's point is: a city or site, a state's own point, or a country's or "
                    "region's centre; None without a place")
    num_mentions: int
    num_articles: int
    num_sources: int
    fatalities: int | None
    confidence: float | None
    negated: bool | None
    hypothetical: bool | None
    evidence: list[str]
    source_url: str | None


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters, before paging")
    limit: int
    offset: int
    events: list[EventRow]


class Highlight(BaseModel):
    """A span inside an evidence sentence: offsets into `sentence`, not into the article."""

    start: int
    end: int
    kind: Literal["source", "target", "actor", "trigger"]
    text: str


class Mention(BaseModel):
    """The event as one article reports it: its evidence sentence and where it sits in the article."""

    id: str
    article_id: str
    article_title: str | None
    article_url: str | None
    article_published: str | None
    site: str | None
    date: str | None
    source_text: str | None
    target_text: str | None
    cameo: str | None
    place_text: str | None
    place_basis: str | None
    confidence: float | None
    sentence: str
    start: int = Field(description="offset of the sentence in the article text")
    end: int
    trigger: str | None
    highlights: list[Highlight]


class EventDetail(EventRow):
    source_country: str | None
    target_country: str | None
    admin1: str | None
    article_ids: list[str]
    mentions: list[Mention]


class ActorSummary(BaseModel):
    code: str
    name: str | None
    names: list[str]
    country: str | None
    events: int
    as_source: int
    as_target: int
    cooperation: int = Field(description="events with QuadClass 1 or 2")
    conflict: int = Field(description="events with QuadClass 3 or 4")


class ActorPage(BaseModel):
    total: int
    limit: int
    offset: int
    actors: list[ActorSummary]


class Partner(BaseModel):
    code: str
    name: str | None
    events: int
    as_source: int = Field(description="events where the actor acted on this partner")
    as_target: int = Field(description="events where this partner acted on the actor")
    cooperation: int
    conflict: int


class DayCount(BaseModel):
    date: str
    quad_class: int
    count: int


class ActorDetail(ActorSummary):
    by_quad_class: dict[str, int]
    partners: list[Partner]
    timeline: list[DayCount]


class KeyCount(BaseModel):
    key: str
    count: int


class Stats(BaseModel):
    articles: int
    stories: int
    event_mentions: int
    events: int = Field(description="deduplicated events in the database")
    failures: int
    matching: int = Field(description="events matching the filters")
    undated: int = Field(description="matching events without a date")
    not_placeable: int = Field(description="matching events dated to a week, month, year or range of days: in no "
                                           "day of by_day")
    by_day: list[DayCount]
    by_root: list[KeyCount]
    by_country: list[KeyCount]
    by_quad_class: list[KeyCount]


class Span(BaseModel):
    start: int
    end: int
    kind: Literal["event", "actor", "place", "time", "quote"]
    label: str
    ref: str | None = Field(default=None, description="event group id for event spans")


class ArticleView(BaseModel):
    id: str
    url: str | None
    title: str | None
    published: str | None
    site: str | None
    credit: str | None
    language: str | None
    text: str
    spans: list[Span] = Field(description="offsets into `text`, sorted by start")


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, description="the article: scraped page text or HTML")
    content_type: Literal["text", "html"] | None = Field(default=None, description="sniffed when absent")
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    url: str | None = Field(default=None, max_length=2000,
                            description="where the article was published: an absolute http:// or https:// URL")

    @field_validator("url")
    @classmethod
    def _web_url(cls, url: str | None) -> str | None:
        if not url:
            return None
        if not is_web_url(url):
            raise InvalidValue("must be an absolute http:// or https:// URL (it becomes the dashboard's source link)")
        return url


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL with a host and no blank or control characters: the only kind a link may
    point to (javascript:, data: and scheme-relative URLs run or load something when clicked)."""
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:  # an unclosed IPv6 bracket
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


class IngestResponse(BaseModel):
    article_id: str
    outcome: Literal["added", "replaced", "unchanged", "kept", "recoded"]  # kept: a cut-off copy refused
    # (store/revisions.py); recoded: stored, given a new date and coded again
    events: int


Contract = dict[str, Any]
