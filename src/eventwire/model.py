"""Records passed between stages, and the output contract of DESIGN.md.

Every record is frozen: a stage returns new records and never edits another stage's output.
Offsets (`start`, `end`) are character offsets into `Article.text`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    model_config = ConfigDict(frozen=True)


class Article(Record):
    id: str
    url: str | None = None
    title: str | None = None
    published: str | None = Field(default=None, description="ISO date YYYY-MM-DD, or None when unknown")
    sections: tuple[str, ...] = ()
    credit: str | None = None
    author: str | None = None
    text: str
    language: str = "en"
    related_headlines: tuple[str, ...] = ()
    dateline: str | None = Field(default=None, description="place named in the dateline (not part of `text`)")
    source_path: str | None = None


class ActorMention(Record):
    text: str
    name: str
    code: str
    country: str | None
    kind: str
    start: int
    end: int
    kb_id: str | None = None
    resolved_from: str | None = Field(default=None, description="how the mention was resolved, e.g. 'pronoun'")
    token: int = Field(default=-1, exclude=True, description="head token index in the parse (internal)")


class PlaceMention(Record):
    text: str
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    start: int | None = Field(description="None for the article's dateline place, which is not in the text")
    end: int | None
    feature: str = "city"
    geonameid: int | None = None
    token: int = Field(default=-1, exclude=True, description="head token index in the parse (internal)")


class TimeMention(Record):
    text: str
    value: str | None = Field(default=None, description="ISO 8601 at its precision, None when unresolvable")
    precision: str = Field(description="day | month | year | unresolved")
    start: int
    end: int
    note: str | None = None
    token: int = Field(default=-1, exclude=True, description="head token index in the parse (internal)")


class Quote(Record):
    text: str
    speaker: ActorMention | None
    start: int
    end: int


class Evidence(Record):
    sentence: str
    start: int
    end: int
    trigger: str


class Event(Record):
    id: str
    date: str | None
    date_precision: str
    date_defaulted: bool
    source: ActorMention
    target: ActorMention | None
    cameo: str
    cameo_root: str
    cameo_name: str
    plover: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float
    place: PlaceMention | None
    place_basis: str = Field(description="clause | sentence | previous-sentence | article")
    negated: bool
    hypothetical: bool
    confidence: float
    evidence: Evidence


class Failure(Record):
    source: str
    stage: str
    reason: str


class ExtractResult(Record):
    article: Article
    events: tuple[Event, ...]
    actors: tuple[ActorMention, ...]
    places: tuple[PlaceMention, ...]
    times: tuple[TimeMention, ...]
    quotes: tuple[Quote, ...]

    def to_contract(self) -> dict[str, object]:
        """The JSON object of DESIGN.md's output contract."""
        data = self.model_dump(mode="json")
        art = data["article"]
        data["article"] = {
            k: art[k]
            for k in ("id", "url", "title", "published", "sections", "credit", "author", "text", "language",
                      "related_headlines", "dateline", "source_path")
        }
        return data
