"""Records passed between stages, and the output contract of DESIGN.md.

Every record is frozen: a stage returns new records and never edits another stage's output.
Offsets (`start`, `end`) are character offsets into `Article.text`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, computed_field


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
    site_name: str | None = Field(default=None, description="the outlet as the page names itself")
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

    @computed_field  # type: ignore[prop-decorator]
    @property
    def sector(self) -> str | None:
        """PLOVER's actor sector: the role block after the country ("RUSGOV" -> "GOV"); organisations'
        own type ("IGOUNO" -> "IGO")."""
        code = self.code or ""
        if code[:3] in ("IGO", "NGO", "IMG"):
            return code[:3]
        return code[3:6] or None


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

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> str:
        """How exact the point is: "exact" (a city, town or site), "admin1" (a state or province's own point)
        or "country" (a country's or a region's centre), so that a centre point never passes for a place."""
        if self.feature in ("country", "region"):
            return "country"
        return "admin1" if self.feature == "admin1" else "exact"


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
    kind: str = Field(default="direct", description="direct (in quotation marks) | indirect (reported speech)")


class CountMention(Record):
    """A number of people or forces: casualties ("at least 12 civilians were killed"), detentions,
    displacement, or troops and equipment ("2,000 troops")."""

    category: str = Field(description="fatalities | injured | missing | abducted | arrested | displaced | forces")
    count_min: int = Field(description="conservative figure (ACLED's rule): the number to add up")
    count_max: int = Field(description="upper bound: equal to count_min unless the text is vague or a range")
    victims: str = Field(description="who: civilians, soldiers, police, militants, ...; for forces the noun")
    text: str
    start: int
    end: int
    trigger: str
    token: int = Field(default=-1, exclude=True, description="trigger token index in the parse (internal)")


class Evidence(Record):
    sentence: str
    start: int
    end: int
    trigger: str
    token: int = Field(default=-1, exclude=True, description="trigger token index in the parse (internal)")


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
    place_basis: str = Field(description="clause | sentence | previous-sentence | story | article")
    negated: bool
    hypothetical: bool
    confidence: float = Field(description="calibrated probability that the event is real, political and rightly "
                                          "rooted (events/relevance.py)")
    evidence: Evidence
    political: bool = Field(default=True, description="false only for events kept with --all-events: judged not a "
                                                      "real political event of the article, or hypothetical or negated")
    fatalities: int | None = Field(default=None, description="conservative count of people killed, if reported")
    casualties: dict[str, dict[str, int | str]] = Field(
        default_factory=dict,
        description="per category (fatalities, injured, missing, abducted, arrested, displaced): min, max, victims",
    )
    forces: tuple[dict[str, int | str], ...] = Field(default=(), description="troops/equipment: kind, min, max")


class Failure(Record):
    source: str
    stage: str
    reason: str
    skipped: bool = False  # not an error: the input was read and deliberately not coded (e.g. its language)


class ExtractResult(Record):
    article: Article
    events: tuple[Event, ...]
    actors: tuple[ActorMention, ...]
    places: tuple[PlaceMention, ...]
    times: tuple[TimeMention, ...]
    quotes: tuple[Quote, ...]
    counts: tuple[CountMention, ...] = ()

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

    def to_dict(self) -> dict[str, object]:
        """The result as plain JSON-ready data: the output contract (`eventwire extract --format json`)."""
        return self.to_contract()

    def to_records(self) -> list[dict[str, object]]:
        """One flat dict per event, the columns of `eventwire query` where they apply: for
        `pandas.DataFrame(result.to_records())`."""
        return [{
            "article_id": self.article.id, "id": e.id, "date": e.date, "date_precision": e.date_precision,
            "source_code": e.source.code, "source_name": e.source.name, "source_country": e.source.country,
            "target_code": e.target.code if e.target else None, "target_name": e.target.name if e.target else None,
            "target_country": e.target.country if e.target else None, "cameo": e.cameo, "cameo_root": e.cameo_root,
            "cameo_name": e.cameo_name, "plover": e.plover, "quad_class": e.quad_class, "goldstein": e.goldstein,
            "place_name": e.place.name if e.place else None, "lat": e.place.lat if e.place else None,
            "lon": e.place.lon if e.place else None, "place_country": e.place.country if e.place else None,
            "fatalities": e.fatalities, "confidence": e.confidence, "negated": e.negated,
            "hypothetical": e.hypothetical, "political": e.political, "evidence": e.evidence.sentence,
            "trigger": e.evidence.trigger,
        } for e in self.events]
