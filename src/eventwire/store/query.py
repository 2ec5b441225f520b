"""Event queries: filters that compose, always bound as parameters (never string-built from input)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventwire.filters import EVENT_COLUMNS, NEWEST_FIRST, EventFilter, Near, event_where
from eventwire.store.bins import UNDATED, bin_start, fits_one, not_placeable

if TYPE_CHECKING:
    import duckdb

__all__ = ["EVENT_COLUMNS", "EventFilter", "Near", "build_event_query", "event_where", "query_events", "stats"]

def build_event_query(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL over the deduplicated `event_groups` view and its parameters."""
    where, params = event_where(f)
    sql = "SELECT " + ", ".join(EVENT_COLUMNS) + " FROM event_groups" + where
    sql += f" ORDER BY {NEWEST_FIRST}, num_mentions DESC, id"
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


def stats(con: duckdb.DuckDBPyConnection, top: int = 20) -> dict[str, Any]:
    """Counts for `eventwire stats`: by day and by month, newest first, each of the events that lie in one day
    or month (store/bins.py), then those dated only to a longer period by precision, the undated apart."""
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
        "by_day": rows(f"SELECT {bin_start('day')} AS day, count(*) FROM event_groups WHERE {fits_one('day')} "
                       "GROUP BY day ORDER BY day DESC LIMIT ?"),
        "by_month": rows(f"SELECT substr({bin_start('month')}, 1, 7) AS month, count(*) FROM event_groups "
                         f"WHERE {fits_one('month')} GROUP BY month ORDER BY month DESC LIMIT ?"),
        # a range of days ("2019-03-01/2019-03-03") has the precision of its ends: named a range here
        "not_dated_to_a_day": rows(f"SELECT CASE WHEN {UNDATED} THEN 'undated' WHEN contains(date, '/') THEN 'range' "
                                   "ELSE date_precision END AS kind, "
                                   f"count(*) FROM event_groups WHERE {UNDATED} OR {not_placeable('day')} "
                                   "GROUP BY kind ORDER BY kind"),
        "by_root": rows("SELECT cameo_root, count(*) FROM event_groups GROUP BY cameo_root ORDER BY cameo_root"),
        "by_country": rows("SELECT coalesce(place_country, '?'), count(*) AS n FROM event_groups "
                           "GROUP BY 1 ORDER BY n DESC LIMIT ?"),
        "recent_failures": rows("SELECT source, stage, reason FROM failures ORDER BY failed_at DESC LIMIT ?"),
    }
