"""GET /actors (who appears in events, how often, cooperating or fighting) and GET /actors/{code}."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from eventwire.api.deps import Cursor, fetch_dicts
from eventwire.api.errors import ERROR_RESPONSES, ApiError
from eventwire.api.groups import event_groups_once
from eventwire.api.schemas import ActorDetail, ActorPage

router = APIRouter(tags=["actors"], responses=ERROR_RESPONSES)

# Each event counted once per side it names: actor, its partner, its role and QuadClass.
_SIDES = """
WITH sides AS (
    SELECT id, date, quad_class, source_code AS code, source_name AS name, source_country AS country,
           target_code AS partner, target_name AS partner_name, 'source' AS role
    FROM event_groups WHERE source_code IS NOT NULL
    UNION ALL
    SELECT id, date, quad_class, target_code, target_name, target_country, source_code, source_name, 'target'
    FROM event_groups WHERE target_code IS NOT NULL
)
"""
_SUMMARY = """
SELECT code, mode(name) AS name, list(DISTINCT name ORDER BY name) FILTER (name IS NOT NULL) AS names,
       mode(country) AS country, count(DISTINCT id) AS events,
       count(*) FILTER (role = 'source') AS as_source, count(*) FILTER (role = 'target') AS as_target,
       count(DISTINCT id) FILTER (quad_class IN (1, 2)) AS cooperation,
       count(DISTINCT id) FILTER (quad_class IN (3, 4)) AS conflict
FROM sides
"""


@router.get("/actors", response_model=ActorPage, summary="Actors by number of events")
def list_actors(
    cur: Cursor,
    q: Annotated[str | None, Query(description="Code prefix or words of any name the actor is given (RUS, Putin); "
                                                "actors whose code it begins come first; uncoded actors are left "
                                                "out of a search.", max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    having, params, order, order_params = "", [], "", []
    if q:
        # Tested on the actor's whole group, so its counts and names are all its events', not only those of
        # the mentions that matched; an uncoded actor (code '') cannot be filtered on, so it is no answer.
        having = "HAVING code <> '' AND (code ILIKE ? ESCAPE '\\' OR bool_or(name ILIKE ? ESCAPE '\\'))"
        params = [_like_escaped(q.strip()) + "%", "%" + _like_escaped(q.strip()) + "%"]
        # "rus": the actors whose code it begins (RUS...) come first, then those only a name matches ("Cyrus")
        order, order_params = "code ILIKE ? ESCAPE '\\' DESC, ", params[:1]
    grouped = f"{_SIDES} {_SUMMARY} GROUP BY code {having}"
    with event_groups_once(cur):
        total = cur.execute(f"SELECT count(*) FROM ({grouped}) AS g", params).fetchone()
        rows = fetch_dicts(cur, f"{grouped} ORDER BY {order}events DESC, code LIMIT ? OFFSET ?",
                           [*params, *order_params, limit, offset])
    return {"total": total[0] if total else 0, "limit": limit, "offset": offset,
            "actors": [{**r, "names": r["names"] or []} for r in rows]}


def _like_escaped(text: str) -> str:
    """`text` matched literally by ILIKE ... ESCAPE '\\': its % and _ are not wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@router.get("/actors/{code}", response_model=ActorDetail, summary="One actor: counts, partners, timeline")
def get_actor(cur: Cursor,
              code: Annotated[str, Path(description="Exact actor code (RUSGOV).", max_length=40)]) -> dict[str, Any]:
    code = code.upper()
    rows = fetch_dicts(cur, f"{_SIDES} {_SUMMARY} WHERE code = ? GROUP BY code", [code])
    if not rows:
        raise ApiError(404, f"no events with actor '{code}'")
    by_quad = cur.execute(f"{_SIDES} SELECT quad_class, count(DISTINCT id) FROM sides WHERE code = ? "
                          "GROUP BY quad_class ORDER BY quad_class", [code]).fetchall()
    partners = fetch_dicts(cur, f"""{_SIDES}
        SELECT partner AS code, mode(partner_name) AS name, count(DISTINCT id) AS events,
               count(*) FILTER (role = 'source') AS as_source, count(*) FILTER (role = 'target') AS as_target,
               count(DISTINCT id) FILTER (quad_class IN (1, 2)) AS cooperation,
               count(DISTINCT id) FILTER (quad_class IN (3, 4)) AS conflict
        FROM sides WHERE code = ? AND partner IS NOT NULL AND partner <> code
        GROUP BY partner ORDER BY events DESC, partner""", [code])
    timeline = fetch_dicts(cur, f"""{_SIDES}
        SELECT date, quad_class, count(DISTINCT id) AS count FROM sides
        WHERE code = ? AND length(date) = 10 GROUP BY date, quad_class ORDER BY date, quad_class""", [code])
    return {**rows[0], "names": rows[0]["names"] or [], "by_quad_class": {str(k): n for k, n in by_quad},
            "partners": partners, "timeline": timeline}
