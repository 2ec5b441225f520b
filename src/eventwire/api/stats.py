"""GET /stats: counts by day and QuadClass, CAMEO root and country."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from eventwire.api.deps import Cursor, fetch_dicts
from eventwire.api.errors import ERROR_RESPONSES
from eventwire.api.filters import EventSelection, event_selection
from eventwire.api.schemas import Stats
from eventwire.store.bins import UNDATED, bin_start, fits_one, not_placeable

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

    summary = cur.execute(f"SELECT count(*), count(*) FILTER ({UNDATED}), count(*) FILTER ({not_placeable('day')}) "
                          f"FROM ({matching}) AS m", params).fetchone()
    assert summary is not None
    return {
        "articles": totals[0], "stories": totals[1], "event_mentions": totals[2], "events": totals[3],
        "failures": totals[4], "matching": summary[0], "undated": summary[1], "not_placeable": summary[2],
        # A week, month or year event is in no day: it is counted as not placeable, never on its first day.
        "by_day": counts(f"{bin_start('day')} AS date, quad_class",
                         f"WHERE {fits_one('day')} GROUP BY ALL ORDER BY date, quad_class"),
        "by_root": counts("coalesce(cameo_root, '?') AS key", "GROUP BY ALL ORDER BY key"),
        "by_country": counts("coalesce(place_country, '?') AS key", "GROUP BY ALL ORDER BY count DESC, key"),
        "by_quad_class": counts("coalesce(CAST(quad_class AS VARCHAR), '?') AS key", "GROUP BY ALL ORDER BY key"),
    }
