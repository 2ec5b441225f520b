"""GET /stats: counts by day and QuadClass (the dashboard's timeline), CAMEO root and country."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from eventwire.api.deps import Cursor, fetch_dicts
from eventwire.api.errors import ERROR_RESPONSES
from eventwire.api.filters import EventSelection, event_selection
from eventwire.api.schemas import Stats

router = APIRouter(tags=["stats"], responses=ERROR_RESPONSES)


@router.get("/stats", response_model=Stats, summary="Counts over the events matching the filters")
def get_stats(cur: Cursor, selection: Annotated[EventSelection, Depends(event_selection)]) -> dict[str, Any]:
    totals = cur.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT story_id) FROM articles), "
        "(SELECT count(*) FROM events), (SELECT count(*) FROM event_groups), (SELECT count(*) FROM failures)"
    ).fetchone()
    assert totals is not None
    matching, params = selection.sql()

    def counts(select: str, rest: str) -> list[dict[str, Any]]:
        return fetch_dicts(cur, f"SELECT {select}, count(*) AS count FROM ({matching}) AS m {rest}", params)

    summary = cur.execute(f"SELECT count(*), count(*) FILTER (date IS NULL OR length(date) <> 10) "
                          f"FROM ({matching}) AS m", params).fetchone()
    assert summary is not None
    return {
        "articles": totals[0], "stories": totals[1], "event_mentions": totals[2], "events": totals[3],
        "failures": totals[4], "matching": summary[0], "undated": summary[1],
        # Only day-precision dates go on a per-day timeline; month and year dates count as undated.
        "by_day": counts("date, quad_class", "WHERE length(date) = 10 GROUP BY ALL ORDER BY date, quad_class"),
        "by_root": counts("coalesce(cameo_root, '?') AS key", "GROUP BY ALL ORDER BY key"),
        "by_country": counts("coalesce(place_country, '?') AS key", "GROUP BY ALL ORDER BY count DESC, key"),
        "by_quad_class": counts("coalesce(CAST(quad_class AS VARCHAR), '?') AS key", "GROUP BY ALL ORDER BY key"),
    }
