"""Event queries: filters that compose, always bound as parameters (never string-built from input)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventwire.filters import DATE_START, EVENT_COLUMNS, EventFilter, Near, event_where

if TYPE_CHECKING:
    import duckdb

__all__ = ["EVENT_COLUMNS", "EventFilter", "Near", "build_event_query", "event_where", "query_events", "stats"]

def build_event_query(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL over the deduplicated `event_groups` view and its parameters."""
    where, params = event_where(f)
    sql = "SELECT " + ", ".join(EVENT_COLUMNS) + " FROM event_groups" + where
    sql += f" ORDER BY {DATE_START} DESC NULLS LAST, num_mentions DESC, id"
    if f.limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, f.limit))
    return sql, params


def query_events(con: duckdb.DuckDBPyConnection, f: EventFilter) -> list[dict[str, Any]]:
    sql, params = build_event_query(f)
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [evidence_once(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]


def evidence_once(row: dict[str, Any]) -> dict[str, Any]:
    """The row with each evidence sentence once, in order: wire copies of one story repeat the same sentence."""
    if isinstance(row.get("evidence"), list):
        row["evidence"] = list(dict.fromkeys(row["evidence"]))
    return row


# A day date as a DATE (NULL for a month "2019-08", a year "2019" or a week): counts by day sort as dates.
_DAY = "try_strptime(date, '%Y-%m-%d')"


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
        "by_day": rows(f"SELECT date, count(*) FROM event_groups WHERE {_DAY} IS NOT NULL "
                       f"GROUP BY date ORDER BY max({_DAY}) DESC LIMIT ?"),
        "not_dated_to_a_day": rows(f"SELECT coalesce(date_precision, 'undated'), count(*) FROM event_groups "
                                   f"WHERE {_DAY} IS NULL GROUP BY 1 ORDER BY 1"),
        "by_root": rows("SELECT cameo_root, count(*) FROM event_groups GROUP BY cameo_root ORDER BY cameo_root"),
        "by_country": rows("SELECT coalesce(place_country, '?'), count(*) AS n FROM event_groups "
                           "GROUP BY 1 ORDER BY n DESC LIMIT ?"),
        "recent_failures": rows("SELECT source, stage, reason FROM failures ORDER BY failed_at DESC LIMIT ?"),
    }
