"""Exports of the deduplicated events matching a filter (the same filters as `query`), in any format of the
table in output/exports.py (JSONL, CSV, Parquet, GeoJSON and GDELT 2.0 event files, output/gdelt.py)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import duckdb

from eventwire.choices import find
from eventwire.filters import OLDEST_FIRST, EventFilter, event_where
from eventwire.output.exports import EXPORT_FORMATS
from eventwire.store.query import evidence_once

_EXPORT_SQL = """
SELECT g.*, (SELECT min(a.ingested_at) FROM articles a WHERE list_contains(g.article_ids, a.id)) AS date_added
FROM event_groups g{where} ORDER BY {order}, g.id
"""


def export_rows(con: duckdb.DuckDBPyConnection, f: EventFilter) -> list[dict[str, Any]]:
    """Every column of the matching events (the filter's limit is ignored), oldest first; evidence once per
    sentence."""
    where, params = event_where(dataclasses.replace(f, limit=None))
    cursor = con.execute(_EXPORT_SQL.format(where=where, order=OLDEST_FIRST), params)
    names = [d[0] for d in cursor.description]
    return [evidence_once(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    if out.get("date_added") is not None:
        out["date_added"] = out["date_added"].isoformat(sep=" ", timespec="seconds")
    return out


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: Path, f: EventFilter | None = None) -> int:
    """Write the deduplicated events matching `f` (every event by default) to `out` in `fmt`; returns the
    number of events written. An unknown format is an `InvalidValue` naming the formats."""
    writer = find(EXPORT_FORMATS, fmt, "export format")
    rows = [_plain(r) for r in export_rows(con, f or EventFilter(limit=None))]
    out.parent.mkdir(parents=True, exist_ok=True)
    return writer.write(rows, out)
