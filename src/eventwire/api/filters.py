"""The query-string filters of GET /events and GET /stats: those of `eventwire query`, plus bbox,
paging and sorting. The SQL comes from store.query.build_event_query, so CLI and API filter alike."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Query

from eventwire.api.errors import ApiError
from eventwire.countries import country_iso3
from eventwire.errors import InvalidValue
from eventwire.filters import NEWEST_FIRST, OLDEST_FIRST
from eventwire.store.query import EventFilter, Near, build_event_query

# DuckDB wants a LIMIT in the reused query: "no limit" is this many rows.
_UNLIMITED = 2**62
# Coordinates within range, written as patterns so the OpenAPI spec says exactly what is accepted.
_LAT = r"-?(?:90(?:\.0+)?|[1-8]?\d(?:\.\d+)?)"
_LON = r"-?(?:180(?:\.0+)?|(?:1[0-7]\d|[1-9]?\d)(?:\.\d+)?)"
NEAR_PATTERN = rf"^{_LAT},{_LON},\d{{1,5}}(?:\.\d+)?(?:km)?$"
BBOX_PATTERN = rf"^({_LON}),({_LAT}),({_LON}),({_LAT})$"
_BBOX = re.compile(BBOX_PATTERN)

# Sort keys a client may name -> ORDER BY clauses (never built from the client's text).
# "-date" is the order of `eventwire query`: by first day, a day before a week or month that begins with it.
SORTS: dict[str, str] = {
    "-date": f"{NEWEST_FIRST}, num_mentions DESC", "date": f"{OLDEST_FIRST}, num_mentions DESC",
    "-num_mentions": "num_mentions DESC", "num_mentions": "num_mentions ASC",
    "-goldstein": "goldstein DESC NULLS LAST", "goldstein": "goldstein ASC NULLS LAST",
    "-confidence": "confidence DESC NULLS LAST", "confidence": "confidence ASC NULLS LAST",
    "cameo": "cameo ASC NULLS LAST", "source_code": "source_code ASC NULLS LAST",
}
SortKey = Literal["-date", "date", "-num_mentions", "num_mentions", "-goldstein", "goldstein", "-confidence",
                  "confidence", "cameo", "source_code"]


@dataclass(frozen=True)
class BBox:
    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        """"west,south,east,north" in degrees; west > east means the box crosses the antimeridian.
        The two latitudes may come in either order: they bound the same band."""
        m = _BBOX.match(text.replace(" ", ""))
        if not m:
            raise InvalidValue(f"'{text}' is not WEST,SOUTH,EAST,NORTH in degrees (e.g. 35,32,42,37)")
        west, south, east, north = (float(g) for g in m.groups())
        return cls(west, min(south, north), east, max(south, north))


Precision = Literal["exact", "admin1", "country"]
# Each event group's place feature (city, admin1, country...): the same one however often it is asked for,
# where `any_value` could pick another mention's.
PLACE_FEATURE_SQL = "SELECT group_key AS id, min(place_feature) AS place_feature FROM events GROUP BY 1"
# The place features behind each precision (see model.Place.precision); never built from the client's text.
_PRECISION_TEST: dict[str, str] = {
    "country": "place_feature IN ('country', 'region')",
    "admin1": "place_feature = 'admin1'",
    "exact": "place_feature NOT IN ('country', 'region', 'admin1')",
}


@dataclass(frozen=True)
class EventSelection:
    filter: EventFilter
    bbox: BBox | None = None
    plover: str | None = None
    precision: Precision | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """A subquery of the matching `event_groups` rows and its parameters."""
        inner, params = build_event_query(dataclasses.replace(self.filter, limit=_UNLIMITED))
        where: list[str] = []
        if self.bbox is not None:
            b = self.bbox
            lon_test = "lon BETWEEN ? AND ?" if b.west <= b.east else "(lon >= ? OR lon <= ?)"
            where.append(f"lat BETWEEN ? AND ? AND {lon_test}")
            params = [*params, b.south, b.north, b.west, b.east]
        if self.plover is not None:
            where.append("upper(plover) = ?")
            params = [*params, self.plover.upper()]
        if self.precision is not None:
            where.append(f"lat IS NOT NULL AND id IN (SELECT id FROM ({PLACE_FEATURE_SQL}) AS f "
                         f"WHERE {_PRECISION_TEST[self.precision]})")
        sql = f"SELECT * FROM ({inner}) AS matching"
        return (sql + " WHERE " + " AND ".join(where) if where else sql), params


_CODE = r"^[A-Za-z0-9]{1,24}$"


def event_selection(
    actor: Annotated[str | None, Query(description="Actor code prefix, source or target (RUS, RUSGOV).",
                                       pattern=_CODE)] = None,
    source: Annotated[str | None, Query(description="Source actor code prefix.", pattern=_CODE)] = None,
    target: Annotated[str | None, Query(description="Target actor code prefix.", pattern=_CODE)] = None,
    cameo: Annotated[str | None, Query(description="CAMEO code prefix (19, 195).", pattern=r"^\d{1,4}$")] = None,
    cameo_root: Annotated[str | None, Query(description="CAMEO root (08).", pattern=r"^\d{1,2}$")] = None,
    quad_class: Annotated[int | None, Query(description="QuadClass 1-4.", ge=1, le=4)] = None,
    country: Annotated[str | None, Query(description="Country of the event's place: a name, ISO2 or ISO3 code "
                                                     "(Syria, SY, SYR).", min_length=2, max_length=80)] = None,
    since: Annotated[str | None, Query(description="Events dated on or after YYYY-MM-DD: a week, month or year "
                                                   "event only if it begins on or after it (date_start).",
                                       pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
    until: Annotated[str | None, Query(description="Events dated on or before YYYY-MM-DD: a week, month or year "
                                                   "event only if it ends on or before it (date_end).",
                                       pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
    near: Annotated[str | None, Query(description="LAT,LON,RADIUSkm around the event's place (35.4,35.9,100km).",
                                      pattern=NEAR_PATTERN)] = None,
    bbox: Annotated[str | None, Query(description="WEST,SOUTH,EAST,NORTH box around the event's place "
                                                  "(west > east crosses the antimeridian).",
                                      pattern=BBOX_PATTERN)] = None,
    text: Annotated[str | None, Query(description="Words in the evidence sentences.", max_length=200)] = None,
    facts_only: Annotated[bool, Query(description="Leave out negated and hypothetical events.")] = False,
    min_confidence: Annotated[float | None, Query(description="Only events at least this confident (calibrated "
                                                              "probability of a real, rightly rooted event).",
                                                  ge=0.0, le=1.0)] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type (ASSAULT, CONSULT).",
                                        pattern=r"^[A-Za-z_]{1,20}$")] = None,
    precision: Annotated[Precision | None, Query(description="Only events placed this exactly: exact (a city or "
                                                             "site), admin1 (a state's centre) or country (a "
                                                             "country's or region's centre).")] = None,
) -> EventSelection:
    try:
        where = Near.parse(near) if near else None
        box = BBox.parse(bbox) if bbox else None
        iso3 = country_iso3(country) if country else None  # the resolver of the command line's --country
    except InvalidValue as exc:
        raise ApiError(422, str(exc)) from None
    f = EventFilter(actor=actor, source=source, target=target, cameo=cameo, cameo_root=cameo_root,
                    quad_class=quad_class, country=iso3, since=since, until=until, near=where, text=text or None,
                    include_hypothetical=not facts_only, include_negated=not facts_only,
                    min_confidence=min_confidence)
    return EventSelection(f, box, plover=plover, precision=precision)


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int
    sort: str


def page(
    limit: Annotated[int, Query(description="At most this many events.", ge=1, le=5000)] = 100,
    offset: Annotated[int, Query(description="Skip this many events.", ge=0, le=10_000_000)] = 0,
    sort: Annotated[SortKey, Query(description="Sort key; a leading '-' sorts descending. date sorts by an "
                                               "event's first day, and on the same first day a day before a "
                                               "week, month or year, whichever the direction.")] = "-date",
) -> Page:
    return Page(limit, offset, sort)
