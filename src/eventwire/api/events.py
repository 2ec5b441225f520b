"""GET /events (filtered, paged, sorted) and GET /events/{id} (every mention with its evidence)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Depends, Path

from eventwire.api.deps import Codes, Cursor, fetch_dicts
from eventwire.api.errors import ERROR_RESPONSES, ApiError
from eventwire.api.filters import PLACE_FEATURE_SQL, SORTS, EventSelection, Page, event_selection, page
from eventwire.api.schemas import EventDetail, EventPage, Highlight
from eventwire.events.codes import CodeTable
from eventwire.store.query import EVENT_COLUMNS

router = APIRouter(tags=["events"], responses=ERROR_RESPONSES)

_MENTIONS_SQL = """
SELECT e.id, e.article_id, a.title AS article_title, a.url AS article_url, a.published AS article_published,
       a.site, e.date, e.source_text, e.target_text, e.cameo, e.place_text, e.place_basis, e.confidence,
       e.sentence, e.evidence_start AS start, e.evidence_end AS "end", e.trigger
FROM events e JOIN articles a ON a.id = e.article_id
WHERE e.group_key = ?
ORDER BY a.published NULLS LAST, e.article_id, e.evidence_start
"""
_ACTORS_IN_SENTENCE_SQL = """
SELECT DISTINCT start_char, end_char, text FROM actors
WHERE article_id = ? AND start_char >= ? AND end_char <= ? ORDER BY start_char
"""


def with_cameo_name(row: dict[str, Any], codes: CodeTable) -> dict[str, Any]:
    """The row with its CAMEO code's name and its place's precision (see model.Place.precision)."""
    known = codes.codes.get(row.get("cameo") or "")
    feature = row.pop("place_feature", None)
    precision = (None if row.get("lat") is None else "country" if feature in ("country", "region")
                 else "admin1" if feature == "admin1" else "exact")
    return {**row, "cameo_name": known.name if known else None, "place_precision": precision}


@router.get("/events", response_model=EventPage, summary="Events matching the filters of `eventwire query`")
def list_events(cur: Cursor, codes: Codes, selection: Annotated[EventSelection, Depends(event_selection)],
                paging: Annotated[Page, Depends(page)]) -> dict[str, Any]:
    matching, params = selection.sql()
    total_row = cur.execute(f"SELECT count(*) FROM ({matching}) AS m", params).fetchone()
    rows = fetch_dicts(cur, f"SELECT m.*, f.place_feature FROM (SELECT {', '.join(EVENT_COLUMNS)} "
                            f"FROM ({matching}) AS m ORDER BY {SORTS[paging.sort]}, id LIMIT ? OFFSET ?) AS m "
                            f"LEFT JOIN ({PLACE_FEATURE_SQL}) AS f USING (id) ORDER BY {SORTS[paging.sort]}, id",
                       [*params, paging.limit, paging.offset])
    return {"total": total_row[0] if total_row else 0, "limit": paging.limit, "offset": paging.offset,
            "events": [with_cameo_name(r, codes) for r in rows]}


@router.get("/events/{event_id}", response_model=EventDetail, summary="One event with every evidence sentence")
def get_event(cur: Cursor, codes: Codes,
              event_id: Annotated[str, Path(description="Event group id from GET /events.", max_length=64)]
              ) -> dict[str, Any]:
    groups = fetch_dicts(cur, "SELECT g.* EXCLUDE (place_feature), f.place_feature FROM event_groups AS g "
                              f"LEFT JOIN ({PLACE_FEATURE_SQL}) AS f ON f.id = g.id WHERE g.id = ?", [event_id])
    if not groups:
        raise ApiError(404, f"no event with id '{event_id}'")
    mentions = fetch_dicts(cur, _MENTIONS_SQL, [event_id])
    for mention in mentions:
        mention["highlights"] = highlights(cur, mention)
    return {**with_cameo_name(groups[0], codes), "mentions": mentions}


def highlights(cur: duckdb.DuckDBPyConnection, mention: dict[str, Any]) -> list[Highlight]:
    """Actor spans stored for the article that fall in the sentence, plus the trigger word, as offsets
    into the sentence (the card in the dashboard marks them)."""
    start, sentence = mention["start"], mention["sentence"]
    found: list[Highlight] = []
    for a_start, a_end, text in cur.execute(_ACTORS_IN_SENTENCE_SQL,
                                            [mention["article_id"], start, mention["end"]]).fetchall():
        kind: Literal["source", "target", "actor"] = (
            "source" if text == mention["source_text"] else "target" if text == mention["target_text"] else "actor")
        found.append(Highlight(start=a_start - start, end=a_end - start, kind=kind, text=text))
    trigger = mention.get("trigger")
    if trigger:
        # The trigger's token index is not stored: its first whole-word occurrence in the sentence.
        m = re.search(rf"(?<!\w){re.escape(trigger)}(?!\w)", sentence)
        if m:
            found.append(Highlight(start=m.start(), end=m.end(), kind="trigger", text=m.group(0)))
    return sorted(found, key=lambda h: (h.start, h.end))
