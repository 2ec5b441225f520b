"""The export formats as a table: one writer per `export --format` name, from rows of deduplicated events
(plain dicts, one per event group) to a file. A new format is one writer and one row."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.choices import OutputFormat, listed, names
from eventwire.output.gdelt import gdelt_line, gdelt_row

Rows = list[dict[str, Any]]
ExportWriter = Callable[[Rows, Path], int]  # writes the rows to the file; returns the number of events written


def _jsonl(rows: Rows, out: Path) -> int:
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    return len(rows)


def _csv(rows: Rows, out: Path) -> int:
    _write_csv(out, [{k: _cell(v) for k, v in r.items()} for r in rows], list(rows[0]) if rows else [])
    return len(rows)


def _parquet(rows: Rows, out: Path) -> int:
    import pyarrow as pa  # here, not above: the CLI reads this table for its help, and pyarrow takes 0.4 s to load
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows) if rows else pa.table({})
    pq.write_table(table, out)
    return len(rows)


def _geojson(rows: Rows, out: Path) -> int:
    """Events with a place only, as points."""
    features = [{
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
        "properties": {k: v for k, v in r.items() if k not in ("lat", "lon")},
    } for r in rows if r.get("lat") is not None]
    out.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                              default=str), encoding="utf-8")
    return len(features)


def _gdelt(rows: Rows, out: Path) -> int:
    """A GDELT 2.0 event file: no header, GDELT's 61 columns (output/gdelt.py)."""
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for row in rows:
            handle.write(gdelt_line(gdelt_row(row)) + "\n")
    return len(rows)


EXPORT_FORMATS: tuple[OutputFormat[ExportWriter], ...] = (
    OutputFormat("jsonl", _jsonl),
    OutputFormat("csv", _csv),
    OutputFormat("parquet", _parquet),
    OutputFormat("geojson", _geojson),
    OutputFormat("gdelt", _gdelt),
)
FORMATS = names(EXPORT_FORMATS)
FORMAT_HELP = listed(FORMATS) + "."


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return " | ".join(str(v) for v in value)
    return value


def _write_csv(out: Path, rows: list[dict[str, Any]], columns: list[str]) -> None:
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
