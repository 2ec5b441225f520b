"""GET /series: the matching events counted per day, week or month, split by QuadClass, with the mean
Goldstein score and the fatalities of each bin (the dashboard's timeline)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from eventwire.api.deps import Cursor, fetch_dicts
from eventwire.api.errors import ERROR_RESPONSES
from eventwire.api.filters import EventSelection, event_selection

router = APIRouter(tags=["stats"], responses=ERROR_RESPONSES)

Bin = Literal["day", "week", "month"]
# The first day of each bin, as YYYY-MM-DD; weeks start on Monday (ISO).
_BIN_START: dict[str, str] = {
    "day": "date",
    "week": "strftime(date_trunc('week', CAST(date AS DATE)), '%Y-%m-%d')",
    "month": "substr(date, 1, 7) || '-01'",
}
# Auto binning keeps a series readable: about 60 bars or fewer when the range allows it.
_DAYS_FOR_DAY_BINS = 62
_DAYS_FOR_WEEK_BINS = 420


class SeriesBin(BaseModel):
    start: str
    events: int
    by_quad_class: dict[str, int]
    goldstein_mean: float | None
    fatalities: int


class Series(BaseModel):
    bin: Bin
    first: str | None
    last: str | None
    undated: int
    bins: list[SeriesBin]


def auto_bin(first: str | None, last: str | None) -> Bin:
    """Days up to two months, weeks up to about 14 months, months beyond."""
    if not first or not last:
        return "day"
    span = (date.fromisoformat(last) - date.fromisoformat(first)).days
    return "day" if span <= _DAYS_FOR_DAY_BINS else "week" if span <= _DAYS_FOR_WEEK_BINS else "month"


@router.get("/series", response_model=Series, summary="Events per day, week or month, by QuadClass")
def get_series(cur: Cursor, selection: Annotated[EventSelection, Depends(event_selection)],
               bin_size: Annotated[Bin | Literal["auto"], Query(
                   alias="bin", description="Bin size; auto picks one from the range of dates.")] = "auto",
               ) -> dict[str, Any]:
    matching, params = selection.sql()
    # Only day-precision dates are binned: month, year and week dates count as undated.
    span = cur.execute(f"SELECT min(date) FILTER (length(date) = 10), max(date) FILTER (length(date) = 10), "
                       f"count(*) FILTER (date IS NULL OR length(date) <> 10) FROM ({matching}) AS m",
                       params).fetchone()
    first, last, undated = span if span else (None, None, 0)
    size: Bin = auto_bin(first, last) if bin_size == "auto" else bin_size
    rows = fetch_dicts(cur, f"""
        SELECT {_BIN_START[size]} AS start, count(*) AS events,
               count(*) FILTER (quad_class = 1) AS q1, count(*) FILTER (quad_class = 2) AS q2,
               count(*) FILTER (quad_class = 3) AS q3, count(*) FILTER (quad_class = 4) AS q4,
               round(avg(goldstein), 2) AS goldstein_mean, coalesce(sum(fatalities), 0) AS fatalities
        FROM ({matching}) AS m WHERE length(date) = 10 GROUP BY ALL ORDER BY start""", params)
    bins = [{"start": r["start"], "events": r["events"], "goldstein_mean": r["goldstein_mean"],
             "fatalities": r["fatalities"], "by_quad_class": {str(q): r[f"q{q}"] for q in (1, 2, 3, 4)}}
            for r in rows]
    return {"bin": size, "first": first, "last": last, "undated": undated or 0, "bins": bins}
