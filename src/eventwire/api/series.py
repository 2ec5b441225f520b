"""GET /series: the matching events counted per day, week or month, split by QuadClass, with the mean
Goldstein score and the fatalities of each bin (the dashboard's timeline). An event counts in a bin only when
all of its date lies inside it (store/bins.py): the others are counted as undated or as not placeable at
that bin size."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from eventwire.api.deps import Cursor, fetch_dicts
from eventwire.api.errors import ERROR_RESPONSES
from eventwire.api.filters import EventSelection, event_selection
from eventwire.store.bins import BIN_SIZES, UNDATED, Bin, bin_start, fits_one, not_placeable

router = APIRouter(tags=["stats"], responses=ERROR_RESPONSES)

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
    first: str | None = Field(description="the first day of the binned events' dates")
    last: str | None = Field(description="the last day of the binned events' dates")
    undated: int = Field(description="matching events without a date")
    not_placeable: int = Field(description="matching events dated to a longer period than one bin (a month or "
                                           "year among day or week bins, a week across two months among month "
                                           "bins), in no bin")
    bins: list[SeriesBin]


def auto_bin(first: date | None, last: date | None) -> Bin:
    """Days up to two months, weeks up to about 14 months, months beyond."""
    if first is None or last is None:
        return "day"
    span = (last - first).days
    return "day" if span <= _DAYS_FOR_DAY_BINS else "week" if span <= _DAYS_FOR_WEEK_BINS else "month"


@router.get("/series", response_model=Series, summary="Events per day, week or month, by QuadClass")
def get_series(cur: Cursor, selection: Annotated[EventSelection, Depends(event_selection)],
               bin_size: Annotated[Bin | Literal["auto"], Query(
                   alias="bin", description="Bin size; auto picks one from the range of dates.")] = "auto",
               ) -> dict[str, Any]:
    matching, params = selection.sql()
    # One pass for every bin size: the first and last day of the events each could place, and how many it
    # could not. Auto binning looks at the events a month bin places, the most any bin size can.
    spans = ", ".join(f"min(date_start) FILTER ({fits_one(size)}), max(date_end) FILTER ({fits_one(size)}), "
                      f"count(*) FILTER ({not_placeable(size)})" for size in BIN_SIZES)
    row = cur.execute(f"SELECT count(*) FILTER ({UNDATED}), {spans} FROM ({matching}) AS m", params).fetchone()
    assert row is not None
    by_size = {size: row[1 + 3 * i: 4 + 3 * i] for i, size in enumerate(BIN_SIZES)}
    size: Bin = auto_bin(*by_size["month"][:2]) if bin_size == "auto" else bin_size
    first, last, unplaced = by_size[size]
    rows = fetch_dicts(cur, f"""
        SELECT {bin_start(size)} AS start, count(*) AS events,
               count(*) FILTER (quad_class = 1) AS q1, count(*) FILTER (quad_class = 2) AS q2,
               count(*) FILTER (quad_class = 3) AS q3, count(*) FILTER (quad_class = 4) AS q4,
               round(avg(goldstein), 2) AS goldstein_mean, coalesce(sum(fatalities), 0) AS fatalities
        FROM ({matching}) AS m WHERE {fits_one(size)} GROUP BY ALL ORDER BY start""", params)
    bins = [{"start": r["start"], "events": r["events"], "goldstein_mean": r["goldstein_mean"],
             "fatalities": r["fatalities"], "by_quad_class": {str(q): r[f"q{q}"] for q in (1, 2, 3, 4)}}
            for r in rows]
    return {"bin": size, "first": first.isoformat() if first else None, "last": last.isoformat() if last else None,
            "undated": row[0], "not_placeable": unplaced, "bins": bins}
