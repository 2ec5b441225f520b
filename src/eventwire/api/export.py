"""GET /export.csv, /export.jsonl and /export.geojson: every event matching the filters of GET /events,
as a file to download (the dashboard's download links carry its current filters)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse

from eventwire.api.deps import Codes, Cursor, fetch_dicts
from eventwire.api.errors import ERROR_RESPONSES
from eventwire.api.events import with_cameo_name
from eventwire.api.filters import PLACE_FEATURE_SQL, EventSelection, event_selection
from eventwire.filters import NEWEST_FIRST
from eventwire.store.query import EVENT_COLUMNS

router = APIRouter(tags=["export"], responses=ERROR_RESPONSES)

_AT_CAMEO = EVENT_COLUMNS.index("cameo") + 1
_AT_COUNTRY = EVENT_COLUMNS.index("place_country") + 1
COLUMNS = (*EVENT_COLUMNS[:_AT_CAMEO], "cameo_name", *EVENT_COLUMNS[_AT_CAMEO:_AT_COUNTRY], "place_precision",
           *EVENT_COLUMNS[_AT_COUNTRY:])
_BATCH = 1000  # rows written to the client at a time


def _rows(cur: Any, selection: EventSelection, codes: Any) -> list[dict[str, Any]]:
    matching, params = selection.sql()
    rows = fetch_dicts(cur, f"SELECT m.*, f.place_feature FROM ({matching}) AS m "
                            f"LEFT JOIN ({PLACE_FEATURE_SQL}) AS f USING (id) "
                            f"ORDER BY {NEWEST_FIRST}, num_mentions DESC, id", params)
    return [_dates_as_text(with_cameo_name(r, codes)) for r in rows]


def _dates_as_text(row: dict[str, Any]) -> dict[str, Any]:
    """date_start and date_end as YYYY-MM-DD, as GET /events gives them."""
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}


def _download(chunks: Iterator[str], media_type: str, name: str) -> StreamingResponse:
    return StreamingResponse(chunks, media_type=media_type,
                             headers={"content-disposition": f'attachment; filename="{name}"'})


def csv_chunks(rows: list[dict[str, Any]]) -> Iterator[str]:
    """A header, then one line per event; the evidence sentences joined by ' | '."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for i, row in enumerate(rows, 1):
        writer.writerow({**row, "evidence": " | ".join(row["evidence"] or [])})
        if i % _BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_chunks(rows: list[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps({k: row[k] for k in COLUMNS}, ensure_ascii=False) + "\n"


def geojson_chunks(rows: list[dict[str, Any]]) -> Iterator[str]:
    """A FeatureCollection of the events that have a place (a point at lon, lat)."""
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for row in rows:
        if row["lat"] is None or row["lon"] is None:
            continue
        feature = {"type": "Feature", "id": row["id"],
                   "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                   "properties": {k: row[k] for k in COLUMNS if k not in ("lat", "lon")}}
        yield ("" if first else ",\n") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "]}\n"


Selection = Annotated[EventSelection, Depends(event_selection)]


@router.get("/export.csv", responses={200: {"content": {"text/csv": {}}}}, summary="The matching events as CSV",
            response_class=StreamingResponse)
def export_csv(cur: Cursor, codes: Codes, selection: Selection) -> StreamingResponse:
    return _download(csv_chunks(_rows(cur, selection, codes)), "text/csv; charset=utf-8", "eventwire-events.csv")


@router.get("/export.jsonl", responses={200: {"content": {"application/x-ndjson": {}}}},
            summary="The matching events as JSON lines", response_class=StreamingResponse)
def export_jsonl(cur: Cursor, codes: Codes, selection: Selection) -> StreamingResponse:
    return _download(jsonl_chunks(_rows(cur, selection, codes)), "application/x-ndjson",
                     "eventwire-events.jsonl")


@router.get("/export.geojson", responses={200: {"content": {"application/geo+json": {}}}},
            summary="The placed matching events as GeoJSON", response_class=StreamingResponse)
def export_geojson(cur: Cursor, codes: Codes, selection: Selection) -> StreamingResponse:
    return _download(geojson_chunks(_rows(cur, selection, codes)), "application/geo+json",
                     "eventwire-events.geojson")
