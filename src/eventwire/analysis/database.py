"""`eventwire.open_db`: an event database read as pandas DataFrames, with the filters of `eventwire query`.

Each call opens the file read-only and closes it before it returns, so a notebook holding an `EventDatabase`
never keeps an `ingest` from writing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.analysis.extract import iso_day
from eventwire.errors import DatabaseUnavailable, InvalidValue
from eventwire.filters import DATE_START, NEWEST_FIRST, EventFilter, Near, event_where

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

# @WHERE@ and @LIMIT@ are filled in per call (str.format would trip on the regex in DATE_START)
_EVENTS_SQL = f"""
SELECT id, {DATE_START} AS date, date_precision, source_code, source_name, source_country, target_code,
    target_name, target_country, cameo, cameo_root, plover, quad_class, goldstein, place_name, admin1,
    place_country, lat, lon, num_mentions, num_articles, num_sources, fatalities, confidence, negated,
    hypothetical, political, list_filter(evidence, lambda x, i: list_position(evidence, x) = i) AS evidence, source_url
FROM event_groups@WHERE@  -- evidence: each sentence once, in order
ORDER BY {NEWEST_FIRST}, num_mentions DESC, id@LIMIT@
"""
_DYADS_SQL = f"""
SELECT source_code, any_value(source_name) AS source_name, target_code, any_value(target_name) AS target_name,
    count(*) AS events, CAST(sum(num_mentions) AS BIGINT) AS mentions, avg(goldstein) AS goldstein_mean,
    count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
    count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
    count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
    count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
    min({DATE_START}) AS first_date, max({DATE_START}) AS last_date
FROM event_groups@WHERE@
GROUP BY source_code, target_code
HAVING source_code IS NOT NULL AND source_code <> '' AND target_code IS NOT NULL AND target_code <> ''
ORDER BY events DESC, mentions DESC, source_code, target_code
"""
_ACTORS_SQL = """
WITH roles AS (
    SELECT source_code AS code, 1 AS as_source, 0 AS as_target FROM event_groups
    UNION ALL SELECT target_code, 0, 1 FROM event_groups)
SELECT m.code, m.name, m.country, m.kind, m.mentions, m.articles,
    CAST(coalesce(r.as_source, 0) AS BIGINT) AS events_as_source,
    CAST(coalesce(r.as_target, 0) AS BIGINT) AS events_as_target
FROM (SELECT code, mode(name) AS name, any_value(country) AS country, mode(kind) AS kind, count(*) AS mentions,
             count(DISTINCT article_id) AS articles
      FROM actors WHERE code IS NOT NULL AND code <> '' GROUP BY code) m
LEFT JOIN (SELECT code, sum(as_source) AS as_source, sum(as_target) AS as_target FROM roles GROUP BY code) r
    ON r.code = m.code
ORDER BY m.mentions DESC, m.code
"""
_ARTICLES_SQL = """
SELECT a.id, a.url, a.title, try_strptime(a.published, '%Y-%m-%d') AS published, a.site, a.language,
    a.story_id, a.ingested_at, (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events
FROM articles a ORDER BY a.published DESC NULLS LAST, a.id
"""
@dataclass(frozen=True)
class EventDatabase:
    """An eventwire database (from `eventwire ingest`), read as pandas DataFrames."""

    path: Path

    def events(self, actor: str | None = None, source: str | None = None, target: str | None = None,
               cameo: str | None = None, cameo_root: str | None = None, quad_class: int | None = None,
               country: str | None = None, since: str | date | None = None, until: str | date | None = None,
               near: str | tuple[float, float, float] | None = None, text: str | None = None,
               facts_only: bool = False, min_confidence: float | None = None,
               limit: int | None = None) -> pd.DataFrame:
        """The deduplicated events matching every filter given (those of `eventwire query`), newest first,
        every one unless `limit`: one row per event, `date` the first day of its date (`date_precision` says
        day, week, month or year), `evidence` the list of its sentences."""
        f = event_filter(actor=actor, source=source, target=target, cameo=cameo, cameo_root=cameo_root,
                         quad_class=quad_class, country=country, since=since, until=until, near=near, text=text,
                         facts_only=facts_only, min_confidence=min_confidence, limit=limit)
        where, params = event_where(f)
        if f.limit is not None:
            params.append(max(0, f.limit))
        sql = _EVENTS_SQL.replace("@WHERE@", where).replace("@LIMIT@", " LIMIT ?" if f.limit is not None else "")
        return self._frame(sql, params)

    def dyads(self, **filters: Any) -> pd.DataFrame:
        """Source-target pairs of the events matching `filters` (those of `events`): how many events, mentions,
        the mean Goldstein score, the events per QuadClass and the first and last dates."""
        where, params = event_where(event_filter(**filters))
        return self._frame(_DYADS_SQL.replace("@WHERE@", where), params)

    def actors(self) -> pd.DataFrame:
        """Every coded actor: its name, country and kind, how often articles mention it, and in how many
        deduplicated events it is the source or the target."""
        return self._frame(_ACTORS_SQL, [])

    def articles(self) -> pd.DataFrame:
        """Every stored article: id, url, title, publication date, outlet, language, story and events coded."""
        return self._frame(_ARTICLES_SQL, [])

    def _frame(self, sql: str, params: list[Any]) -> pd.DataFrame:
        from eventwire.analysis.frames import frame

        with self._connection() as con:
            return frame(con.execute(sql, params).df())

    @contextmanager
    def _connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        from eventwire.store import Store

        if not self.path.is_file():
            raise DatabaseUnavailable(f"{self.path}: no such database")
        with Store(self.path, read_only=True) as store:
            yield store.con


def open_db(path: str | os.PathLike[str]) -> EventDatabase:
    """The database at `path`, to read with `.events(...)`, `.dyads(...)`, `.actors()`, `.articles()`.
    A missing file, or one that is not an eventwire database, raises `DatabaseUnavailable`."""
    db = EventDatabase(Path(path))
    with db._connection():
        pass
    return db


def event_filter(actor: str | None = None, source: str | None = None, target: str | None = None,
                 cameo: str | None = None, cameo_root: str | None = None, quad_class: int | None = None,
                 country: str | None = None, since: str | date | None = None, until: str | date | None = None,
                 near: str | tuple[float, float, float] | None = None, text: str | None = None,
                 facts_only: bool = False, min_confidence: float | None = None,
                 limit: int | None = None) -> EventFilter:
    """Python arguments -> EventFilter; a bad value raises InvalidValue saying which and why."""
    from eventwire.countries import country_iso3

    if quad_class is not None and quad_class not in (1, 2, 3, 4):
        raise InvalidValue(f"quad_class: {quad_class!r} is not 1, 2, 3 or 4")
    if cameo_root is not None and not (str(cameo_root).isdigit() and 1 <= int(cameo_root) <= 20):
        raise InvalidValue(f"cameo_root: {cameo_root!r} is not a CAMEO root (01 to 20)")
    where = Near(*near) if isinstance(near, tuple) else Near.parse(near) if near else None
    return EventFilter(actor=actor, source=source, target=target, cameo=cameo,
                       cameo_root=str(cameo_root).zfill(2) if cameo_root is not None else None, quad_class=quad_class,
                       country=country_iso3(country) if country else None, since=iso_day(since, "since"),
                       until=iso_day(until, "until"), near=where, text=text, include_hypothetical=not facts_only,
                       include_negated=not facts_only, min_confidence=min_confidence, limit=limit)
