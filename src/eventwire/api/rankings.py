"""GET /rankings/actors and /rankings/dyads: who is most active, and with whom, among the events that
match the filters of GET /events (the dashboard's ranked tables and its network)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from eventwire.api.deps import Cursor, fetch_dicts
from eventwire.api.errors import ERROR_RESPONSES
from eventwire.api.filters import EventSelection, event_selection

router = APIRouter(tags=["rankings"], responses=ERROR_RESPONSES)

Measure = Literal["events", "conflict", "cooperation", "goldstein"]
# Rank keys a client may name -> ORDER BY clauses (never built from the client's text).
# "goldstein" ranks the most hostile first: the lowest Goldstein sum.
_ORDER: dict[str, str] = {"events": "events DESC", "conflict": "conflict DESC, events DESC",
                          "cooperation": "cooperation DESC, events DESC", "goldstein": "goldstein_sum ASC"}


class RankedActor(BaseModel):
    code: str
    name: str | None
    events: int
    as_source: int
    as_target: int
    cooperation: int
    conflict: int
    goldstein_sum: float


class RankedDyad(BaseModel):
    """Events from `source_code` to `target_code` (directed, as CAMEO codes them)."""

    source_code: str
    source_name: str | None
    target_code: str
    target_name: str | None
    events: int
    cooperation: int
    conflict: int
    goldstein_sum: float


class ActorRanking(BaseModel):
    total: int
    actors: list[RankedActor]


class DyadRanking(BaseModel):
    total: int
    dyads: list[RankedDyad]


# An actor's name: the one most used among the ranked events, ties to the first in order (DuckDB's mode()
# breaks ties as its threads happen to meet them, so a reload could show another name). `n` is a window count
# of each name's rows.
_MOST_USED = "first({name} ORDER BY {n} DESC, {name} NULLS LAST)"

Limit = Annotated[int, Query(description="At most this many rows.", ge=1, le=1000)]
By = Annotated[Measure, Query(description="Rank by events, conflict (QuadClass 3-4), cooperation (1-2) "
                                          "or goldstein (lowest Goldstein sum first).")]


@router.get("/rankings/actors", response_model=ActorRanking, summary="Actors ranked among the matching events")
def rank_actors(cur: Cursor, selection: Annotated[EventSelection, Depends(event_selection)],
                limit: Limit = 20, by: By = "events") -> dict[str, Any]:
    matching, params = selection.sql()
    # One row per actor and event, so an event naming the actor on both sides counts once.
    per_event = f"""
        WITH m AS ({matching}),
        sides AS (
            SELECT id, quad_class, goldstein, source_code AS code, source_name AS name, 'source' AS role
            FROM m WHERE source_code <> ''
            UNION ALL
            SELECT id, quad_class, goldstein, target_code, target_name, 'target' FROM m WHERE target_code <> ''
        ),  -- an actor the knowledge base could not code has the code '' and is left out of the ranks
        per AS (
            SELECT code, id, min(name) AS name, any_value(quad_class) AS q, any_value(goldstein) AS g,
                   bool_or(role = 'source') AS s, bool_or(role = 'target') AS t
            FROM sides GROUP BY code, id
        ),
        named AS (SELECT *, count(*) OVER (PARTITION BY code, name) AS name_n FROM per)"""
    grouped = f"""{per_event}
        SELECT code, {_MOST_USED.format(name="name", n="name_n")} AS name, count(*) AS events,
               count(*) FILTER (s) AS as_source, count(*) FILTER (t) AS as_target,
               count(*) FILTER (q IN (1, 2)) AS cooperation, count(*) FILTER (q IN (3, 4)) AS conflict,
               round(coalesce(sum(g), 0), 1) AS goldstein_sum
        FROM named GROUP BY code"""
    total = cur.execute(f"SELECT count(*) FROM ({grouped}) AS g", params).fetchone()
    rows = fetch_dicts(cur, f"{grouped} ORDER BY {_ORDER[by]}, code LIMIT ?", [*params, limit])
    return {"total": total[0] if total else 0, "actors": rows}


@router.get("/rankings/dyads", response_model=DyadRanking, summary="Source -> target pairs ranked")
def rank_dyads(cur: Cursor, selection: Annotated[EventSelection, Depends(event_selection)],
               limit: Limit = 20, by: By = "events") -> dict[str, Any]:
    matching, params = selection.sql()
    grouped = f"""
        SELECT source_code, {_MOST_USED.format(name="source_name", n="source_n")} AS source_name,
               target_code, {_MOST_USED.format(name="target_name", n="target_n")} AS target_name,
               count(*) AS events, count(*) FILTER (quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (quad_class IN (3, 4)) AS conflict,
               round(coalesce(sum(goldstein), 0), 1) AS goldstein_sum
        FROM (SELECT *, count(*) OVER (PARTITION BY source_code, source_name) AS source_n,
                     count(*) OVER (PARTITION BY target_code, target_name) AS target_n
              FROM ({matching}) AS m
              WHERE source_code <> '' AND target_code <> '' AND source_code <> target_code) AS m
        GROUP BY source_code, target_code"""
    total = cur.execute(f"SELECT count(*) FROM ({grouped}) AS g", params).fetchone()
    rows = fetch_dicts(cur, f"{grouped} ORDER BY {_ORDER[by]}, source_code, target_code LIMIT ?", [*params, limit])
    return {"total": total[0] if total else 0, "dyads": rows}
