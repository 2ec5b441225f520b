"""GET /view: everything the dashboard draws for one set of filters, in one answer - the map's events, a page
of the table, the timeline, the ranked actors and dyads and the network's actors - from one connection.

The events are merged once for all of them (groups.event_groups_once) and the endpoints' own functions read
them: the answer is what GET /events, /series and /rankings/* give for the same filters, at the cost of one merge.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from eventwire.api.deps import Codes, Cursor
from eventwire.api.errors import ERROR_RESPONSES
from eventwire.api.events import list_events
from eventwire.api.filters import EventSelection, Page, SortKey, event_selection
from eventwire.api.groups import event_groups_once
from eventwire.api.rankings import ActorRanking, By, DyadRanking, rank_actors, rank_dyads
from eventwire.api.schemas import EventPage
from eventwire.api.series import Series, get_series
from eventwire.store.bins import Bin

router = APIRouter(tags=["dashboard"], responses=ERROR_RESPONSES)


class Totals(BaseModel):
    articles: int = Field(description="articles in the database")
    events: int = Field(description="events in the database (merged across articles), whatever the filters")


class MapEvent(BaseModel):
    """An event as the map, its cluster lists and the network draw it: GET /events' row without the evidence
    sentences and counts (a quarter of the bytes); the table's page and GET /events/{id} have them."""

    id: str
    date: str | None
    source_code: str | None
    source_name: str | None
    target_code: str | None
    target_name: str | None
    cameo: str | None
    cameo_name: str | None
    quad_class: int | None
    place_name: str | None
    lat: float | None
    lon: float | None
    place_country: str | None
    place_precision: Literal["exact", "admin1", "country"] | None


class MapEvents(BaseModel):
    total: int = Field(description="events matching the filters")
    limit: int
    offset: int
    events: list[MapEvent]


class View(BaseModel):
    totals: Totals
    map: MapEvents = Field(description="the matching events, newest first, up to map_limit (as GET /events orders "
                                       "them), with the fields the map draws")
    table: EventPage = Field(description="one page of the matching events (GET /events with limit, offset, sort)")
    series: Series = Field(description="GET /series over the same filters but every date, so a brush can move")
    actors: ActorRanking = Field(description="the most active actors (GET /rankings/actors, by events)")
    dyads: DyadRanking = Field(description="the most active source -> target pairs (GET /rankings/dyads)")
    network: ActorRanking = Field(description="the network's actors: network_n of them ranked network_by")


@router.get("/view", response_model=View, summary="The dashboard's whole view for one set of filters")
def get_view(
    cur: Cursor, codes: Codes, selection: Annotated[EventSelection, Depends(event_selection)],
    map_limit: Annotated[int, Query(description="Events for the map at most.", ge=1, le=5000)] = 5000,
    limit: Annotated[int, Query(description="Events in the table's page.", ge=1, le=500)] = 50,
    offset: Annotated[int, Query(description="The table's page starts here.", ge=0, le=10_000_000)] = 0,
    sort: Annotated[SortKey, Query(description="The table's sort key; a leading '-' sorts descending.")] = "-date",
    bin_size: Annotated[Bin | Literal["auto"], Query(alias="bin", description="The timeline's bins.")] = "auto",
    ranked: Annotated[int, Query(description="Rows in each ranked table.", ge=1, le=1000)] = 20,
    network_n: Annotated[int, Query(description="Actors in the network.", ge=1, le=1000)] = 25,
    network_by: By = "events",
) -> dict[str, Any]:
    every_date = dataclasses.replace(selection, filter=dataclasses.replace(selection.filter, since=None, until=None))
    with event_groups_once(cur):
        totals = cur.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM event_groups)").fetchone()
        assert totals is not None
        # The ranked table and a network ranked by events are the same ranking cut at two lengths: asked once.
        most = rank_actors(cur, selection, max(ranked, network_n) if network_by == "events" else ranked, "events")
        network = (_first(most, network_n) if network_by == "events"
                   else rank_actors(cur, selection, network_n, network_by))
        return {
            "totals": {"articles": totals[0], "events": totals[1]},
            "map": list_events(cur, codes, selection, Page(map_limit, 0, "-date")),
            "table": list_events(cur, codes, selection, Page(limit, offset, sort)),
            "series": get_series(cur, every_date, bin_size),
            "actors": _first(most, ranked),
            "dyads": rank_dyads(cur, selection, ranked, "events"),
            "network": network,
        }


def _first(ranking: dict[str, Any], n: int) -> dict[str, Any]:
    return {**ranking, "actors": ranking["actors"][:n]}
