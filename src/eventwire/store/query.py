"""Event queries: filters that compose, always bound as parameters (never string-built from input)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import duckdb

from eventwire.errors import InvalidValue

EVENT_COLUMNS = (
    "id", "date", "source_code", "source_name", "target_code", "target_name", "cameo", "cameo_root", "plover",
    "quad_class", "goldstein", "place_name", "lat", "lon", "place_country", "num_mentions", "num_articles",
    "num_sources", "fatalities", "confidence", "negated", "hypothetical", "evidence", "source_url",
)
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
    since: str | None = None        # YYYY-MM-DD, inclusive
    until: str | None = None        # YYYY-MM-DD, inclusive
    near: Near | None = None
    text: str | None = None         # words in the evidence
    include_hypothetical: bool = True
    include_negated: bool = True
    min_confidence: float | None = None  # calibrated probability that the event is real and rightly rooted
    limit: int = 100


def build_event_query(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL over the deduplicated `event_groups` view and its parameters."""
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
    if f.since:
        where.append("date >= ?")
        params.append(f.since)
    if f.until:
        where.append("date <= ? || '~'")  # '~' sorts after any suffix: "2017-12" counts as within "2017-12-31"
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
    sql = "SELECT " + ", ".join(EVENT_COLUMNS) + " FROM event_groups"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date DESC NULLS LAST, num_mentions DESC, id LIMIT ?"
    params.append(max(0, f.limit))
    return sql, params


def query_events(con: duckdb.DuckDBPyConnection, f: EventFilter) -> list[dict[str, Any]]:
    sql, params = build_event_query(f)
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def stats(con: duckdb.DuckDBPyConnection, top: int = 20) -> dict[str, Any]:
    def rows(sql: str) -> list[tuple[Any, ...]]:
        return con.execute(sql, [top]).fetchall() if "?" in sql else con.execute(sql).fetchall()

    totals = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT story_id) FROM articles), "
        "(SELECT count(*) FROM events), (SELECT count(*) FROM event_groups), (SELECT count(*) FROM failures)"
    ).fetchone()
    assert totals is not None
    return {
        "articles": totals[0], "stories": totals[1], "event_mentions": totals[2], "events": totals[3],
        "failures": totals[4],
        "by_day": rows("SELECT date, count(*) FROM event_groups WHERE date IS NOT NULL "
                       "GROUP BY date ORDER BY date DESC LIMIT ?"),
        "by_root": rows("SELECT cameo_root, count(*) FROM event_groups GROUP BY cameo_root ORDER BY cameo_root"),
        "by_country": rows("SELECT coalesce(place_country, '?'), count(*) AS n FROM event_groups "
                           "GROUP BY 1 ORDER BY n DESC LIMIT ?"),
        "recent_failures": rows("SELECT source, stage, reason FROM failures ORDER BY failed_at DESC LIMIT ?"),
    }
