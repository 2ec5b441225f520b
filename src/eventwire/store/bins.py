"""Events in day, week and month bins by their typed dates (schema 6: `date_start`, `date_end`).

An event goes in a bin only when every day its date covers lies inside that bin: a day event in its day, week
and month; a week event in its week, and in its month when the week lies inside that month; a month event in
its month only; a year event in none. An event dated to a longer period than the bin (a month event among day
bins, a week across two months among month bins) is counted apart as not placeable at that bin size, never
moved to its first day: a bar counts only the events that happened within it."""

from __future__ import annotations

from typing import Literal

Bin = Literal["day", "week", "month"]
BIN_SIZES: tuple[Bin, ...] = ("day", "week", "month")
# Bin size -> DuckDB's date_trunc part (weeks start on Monday, ISO); never built from a client's text.
_PART: dict[str, str] = {"day": "day", "week": "week", "month": "month"}

UNDATED = "date_start IS NULL"


def fits_one(size: Bin) -> str:
    """SQL, true when the event's dates lie inside one bin of this size (NULL, so false, when undated)."""
    part = _PART[size]
    return f"date_trunc('{part}', date_start) = date_trunc('{part}', date_end)"


def not_placeable(size: Bin) -> str:
    """SQL, true for a dated event whose dates run over more than one bin of this size."""
    return f"(date_start IS NOT NULL AND NOT ({fits_one(size)}))"


def bin_start(size: Bin) -> str:
    """SQL, the first day of the event's bin as YYYY-MM-DD (for an event that fits one bin)."""
    return f"strftime(date_trunc('{_PART[size]}', date_start), '%Y-%m-%d')"
