"""Exports of the deduplicated events, in any format of the table in output/exports.py (JSONL, CSV, Parquet,
GeoJSON and a GDELT-2.0-like CSV whose columns output/gdelt.py lists)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from eventwire.choices import find
from eventwire.output.exports import EXPORT_FORMATS

_EXPORT_SQL = """
SELECT g.*, (SELECT min(a.ingested_at) FROM articles a WHERE list_contains(g.article_ids, a.id)) AS date_added
FROM event_groups g WHERE g.confidence >= ? ORDER BY g.date NULLS LAST, g.id
"""


def _rows(con: duckdb.DuckDBPyConnection, min_confidence: float) -> list[dict[str, Any]]:
    cursor = con.execute(_EXPORT_SQL, [min_confidence])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    if out.get("date_added") is not None:
        out["date_added"] = out["date_added"].isoformat(sep=" ", timespec="seconds")
    return out


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: Path, min_confidence: float = 0.0) -> int:
    """Write every deduplicated event (at least `min_confidence` confident) to `out` in `fmt`; returns the
    number of events written. An unknown format is an `InvalidValue` naming the formats."""
    writer = find(EXPORT_FORMATS, fmt, "export format")
    rows = [_plain(r) for r in _rows(con, min_confidence)]
    out.parent.mkdir(parents=True, exist_ok=True)
    return writer.write(rows, out)
