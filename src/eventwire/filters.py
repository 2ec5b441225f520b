"""Event filters that compose, always bound as parameters (never string-built from input). A module of its own,
light to import: the command line builds filters before it opens any database (store/query.py runs them)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from eventwire.errors import InvalidValue

EVENT_COLUMNS = (
    "id", "date", "date_precision", "date_start", "date_end", "source_code", "source_name", "target_code",
    "target_name", "cameo", "cameo_root", "plover", "quad_class", "goldstein", "place_name", "lat", "lon",
    "place_country", "num_mentions", "num_articles", "num_sources", "fatalities", "confidence", "negated",
    "hypothetical", "evidence", "source_url",
)
# Events by date (schema 6's typed `date_start`, `date_end`: "2019-08" runs from the 1st to the 31st, "2019-W03"
# from its Monday to its Sunday), not by the text, where "2019-W03" sorts after every day of 2019: by first day,
# and on the same first day the shorter date first in either direction (a day before the week or month that
# begins with it: the more exact statement leads); undated events last.
DATE_START = "date_start"  # an event's first day (DATE), NULL when undated
NEWEST_FIRST = "date_start DESC NULLS LAST, date_end ASC NULLS LAST"
OLDEST_FIRST = "date_start ASC NULLS LAST, date_end ASC NULLS LAST"
_NEAR = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*(km)?\s*$")


@dataclass(frozen=True)
class Near:
    lat: float
    lon: float
    km: float

    @classmethod
    def parse(cls, text: str) -> Near:
        """"35.4,35.9,100km" -> Near(35.4, 35.9, 100)."""
        m = _NEAR.match(text)
        if not m:
            raise InvalidValue(f"'{text}' is not LAT,LON,RADIUSkm (e.g. 35.4,35.9,100km)")
        near = cls(float(m.group(1)), float(m.group(2)), float(m.group(3)))
        if not (-90 <= near.lat <= 90 and -180 <= near.lon <= 180):
            raise InvalidValue(f"'{text}': latitude or longitude out of range")
        return near


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None        # code prefix on source or target: "RUS", "RUSGOV", "IGOUNO"
    source: str | None = None       # code prefix on the source only
    target: str | None = None       # code prefix on the target only
    cameo: str | None = None        # code prefix: "19", "195"
    cameo_root: str | None = None   # exact root: "08"
    quad_class: int | None = None
    country: str | None = None      # ISO3 of the event's place
    since: str | None = None        # YYYY-MM-DD, inclusive: events whose date begins on or after it
    until: str | None = None        # YYYY-MM-DD, inclusive: events whose date ends on or before it
    near: Near | None = None
    text: str | None = None         # words in the evidence
    include_hypothetical: bool = True
    include_negated: bool = True
    min_confidence: float | None = None  # calibrated probability that the event is real and rightly rooted
    limit: int | None = 100         # None: every matching event


def event_where(f: EventFilter) -> tuple[str, list[Any]]:
    """The filter's WHERE clause over `event_groups` columns ("" when it keeps everything) and its parameters:
    shared by `query`, `export`, the HTTP API and the Python API, so that they all filter alike."""
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        where.append("(source_code LIKE ? OR target_code LIKE ?)")
        params += [f.actor.upper() + "%", f.actor.upper() + "%"]
    if f.source:
        where.append("source_code LIKE ?")
        params.append(f.source.upper() + "%")
    if f.target:
        where.append("target_code LIKE ?")
        params.append(f.target.upper() + "%")
    if f.cameo:
        where.append("cameo LIKE ?")
        params.append(f.cameo + "%")
    if f.cameo_root:
        where.append("cameo_root = ?")
        params.append(f.cameo_root.zfill(2))
    if f.quad_class is not None:
        where.append("quad_class = ?")
        params.append(f.quad_class)
    if f.country:
        where.append("place_country = ?")
        params.append(f.country.upper())
    # An event is in the range when all of its date is: a week, month or year that straddles a bound is out
    # ("2017-12" is not within since 2017-12-15), as it is out of the timeline's bins that the range covers.
    if f.since:
        where.append("date_start >= TRY_CAST(? AS DATE)")  # NULL (no match) for a day that does not exist
        params.append(f.since)
    if f.until:
        where.append("date_end <= TRY_CAST(? AS DATE)")
        params.append(f.until)
    if f.near is not None:
        where.append(
            "lat IS NOT NULL AND 2 * 6371 * asin(sqrt(pow(sin(radians(lat - ?) / 2), 2) + "
            "cos(radians(?)) * cos(radians(lat)) * pow(sin(radians(lon - ?) / 2), 2))) <= ?"
        )
        params += [f.near.lat, f.near.lat, f.near.lon, f.near.km]
    if f.text:
        where.append("array_to_string(evidence, ' ') ILIKE ?")
        params.append("%" + f.text + "%")
    if not f.include_hypothetical:
        where.append("NOT hypothetical")
    if not f.include_negated:
        where.append("NOT negated")
    if f.min_confidence is not None:
        where.append("confidence >= ?")
        params.append(f.min_confidence)
    return (" WHERE " + " AND ".join(where)) if where else "", params
