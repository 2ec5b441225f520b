"""The endpoints behind the analyst's dashboard (rankings, series, downloads, vocabulary, place precision),
checked against the plain event list of the same database: what the page shows must add up."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from tests.api.clients import api_client, get
from tests.api.wikinews import needs_wikinews

pytestmark = needs_wikinews


@pytest.fixture(scope="module")
def client(wikinews_db: Path) -> Iterator[TestClient]:
    with api_client(wikinews_db) as c:
        yield c


def all_events(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    return list(get(client, "/events", limit=5000, **params)["events"])


def test_actor_ranking_counts_each_event_once_per_actor(client: TestClient) -> None:
    events = all_events(client)
    expected: Counter[str] = Counter()
    for e in events:
        expected.update({c for c in (e["source_code"], e["target_code"]) if c})
    ranked = get(client, "/rankings/actors", limit=1000)
    assert ranked["total"] == len(expected)
    assert {a["code"]: a["events"] for a in ranked["actors"]} == dict(expected)
    top = ranked["actors"][0]
    assert top["events"] == max(expected.values())
    assert top["cooperation"] + top["conflict"] <= top["events"] <= top["as_source"] + top["as_target"]
    mine = [e for e in events if top["code"] in (e["source_code"], e["target_code"])]
    assert top["goldstein_sum"] == pytest.approx(sum(e["goldstein"] or 0 for e in mine), abs=0.06)


def test_dyad_ranking_is_the_directed_pairs_by_events(client: TestClient) -> None:
    pairs = Counter((e["source_code"], e["target_code"]) for e in all_events(client)
                    if e["source_code"] and e["target_code"] and e["source_code"] != e["target_code"])
    dyads = get(client, "/rankings/dyads", limit=5)["dyads"]
    assert [d["events"] for d in dyads] == sorted(pairs.values(), reverse=True)[:5]
    for d in dyads:
        assert pairs[(d["source_code"], d["target_code"])] == d["events"]
        assert d["source_name"] and d["target_name"]


def test_rankings_take_the_event_filters(client: TestClient) -> None:
    conflict = get(client, "/rankings/actors", quad_class=4, limit=1000)["actors"]
    assert conflict and all(a["conflict"] == a["events"] and a["cooperation"] == 0 for a in conflict)
    by_conflict = get(client, "/rankings/dyads", by="conflict", limit=3)["dyads"]
    assert by_conflict[0]["conflict"] >= by_conflict[-1]["conflict"] > 0
    r = client.get("/rankings/actors", params={"by": "loudest"})
    assert r.status_code == 422


def week_of(day: str) -> date:
    first = date.fromisoformat(day)
    return first - timedelta(days=first.weekday())


def test_series_bins_by_the_range_and_adds_up(client: TestClient) -> None:
    events = all_events(client)
    dated = [e for e in events if e["date_start"]]
    in_a_week = [e for e in dated if week_of(e["date_start"]) == week_of(e["date_end"])]
    year = get(client, "/series")
    assert year["bin"] == "week"  # a year of news: weekly bars
    assert sum(b["events"] for b in year["bins"]) == len(in_a_week)
    assert year["undated"] == len(events) - len(dated) and year["not_placeable"] == len(dated) - len(in_a_week)
    assert sum(b["fatalities"] for b in year["bins"]) == sum(e["fatalities"] or 0 for e in in_a_week)
    for b in year["bins"]:
        assert sum(b["by_quad_class"].values()) == b["events"]
    month = get(client, "/series", since="2019-03-01", until="2019-03-31")
    assert month["bin"] == "day" and all(b["start"].startswith("2019-03-") for b in month["bins"])
    months = get(client, "/series", bin="month")
    assert months["bin"] == "month" and all(b["start"].endswith("-01") for b in months["bins"])
    march = next(b for b in months["bins"] if b["start"] == "2019-03-01")
    in_march = [e for e in dated if e["date_start"] >= "2019-03-01" and e["date_end"] <= "2019-03-31"]
    assert march["events"] == len(in_march)
    assert march["goldstein_mean"] == pytest.approx(sum(e["goldstein"] for e in in_march) / len(in_march), abs=0.01)


def test_downloads_hold_the_current_selection(client: TestClient) -> None:
    selection = {"actor": "USA"}
    expected = all_events(client, **selection)
    assert 0 < len(expected) < len(all_events(client))
    r = client.get("/export.csv", params=selection)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="eventwire-events.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == [e["id"] for e in expected]
    assert rows[0]["cameo_name"] and rows[0]["evidence"]
    lines = client.get("/export.jsonl", params=selection).text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [e["id"] for e in expected]
    geo = client.get("/export.geojson", params=selection).json()
    placed = [e for e in expected if e["lat"] is not None]
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == len(placed) > 0
    first = geo["features"][0]
    assert first["geometry"]["coordinates"] == [placed[0]["lon"], placed[0]["lat"]]
    assert first["properties"]["place_name"] == placed[0]["place_name"]
    assert client.get("/export.csv", params={"country": "Atlantis"}).status_code == 422


def test_vocabulary_names_cameo_types_and_countries(client: TestClient) -> None:
    vocab = get(client, "/vocabulary")
    cameo = {c["code"]: c["name"] for c in vocab["cameo"]}
    assert cameo["19"] == "Fight" and cameo["190"].startswith("Use conventional military force")
    countries = {c["code"]: c["name"] for c in vocab["countries"]}
    assert countries["SYR"] == "Syria" and countries["RUS"] == "Russia"
    assert {"ASSAULT", "CONSULT", "PROTEST"} <= set(vocab["plover"])
    syria = next(c for c in vocab["countries"] if c["code"] == "SYR")
    assert 32 < syria["lat"] < 37 and 35 < syria["lon"] < 42  # a centre point inside Syria


def test_every_placed_event_says_how_exact_its_place_is(client: TestClient) -> None:
    events = all_events(client)
    kinds = Counter(e["place_precision"] for e in events if e["lat"] is not None)
    assert set(kinds) == {"exact", "admin1", "country"}  # this year of news has all three
    assert all(e["place_precision"] is None for e in events if e["lat"] is None)
    centre = next(e for e in events if e["place_precision"] == "country")
    assert get(client, f"/events/{centre['id']}")["place_precision"] == "country"


def test_plover_and_place_precision_filter_like_the_fields_say(client: TestClient) -> None:
    events = all_events(client)
    assault = all_events(client, plover="assault")
    assert assault and {e["id"] for e in assault} == {e["id"] for e in events if e["plover"] == "ASSAULT"}
    for precision in ("exact", "admin1", "country"):
        chosen = all_events(client, precision=precision)
        assert chosen and {e["id"] for e in chosen} == {e["id"] for e in events if e["place_precision"] == precision}
    assert get(client, "/stats", precision="country")["matching"] == len(all_events(client, precision="country"))
    assert client.get("/events", params={"precision": "street"}).status_code == 422


def test_actor_search_finds_an_actor_by_any_of_its_names_with_all_its_events(client: TestClient) -> None:
    listing = {a["code"]: a for a in get(client, "/actors", limit=5000)["actors"] if a["code"]}
    # A word of one of an actor's names that is in none of its other names nor in its code: the search must
    # still answer with the actor's whole counts, not those of the mentions that used this name.
    word, actor = next((w, a) for a in listing.values() if len(a["names"]) >= 2 for name in a["names"]
                       for w in name.split() if len(w) >= 4 and w.isalpha() and w.upper() not in a["code"]
                       and sum(w.lower() in n.lower() for n in a["names"]) == 1)
    found = {a["code"]: a for a in get(client, "/actors", q=word.lower(), limit=5000)["actors"]}
    assert actor["code"] in found
    assert found[actor["code"]] == actor
    assert all(code and (code.startswith(word.upper()) or any(word.lower() in n.lower() for n in a["names"]))
               for code, a in found.items())


def test_actor_search_leaves_out_uncoded_actors_and_takes_wildcards_literally(client: TestClient) -> None:
    uncoded = next(a for a in get(client, "/actors", limit=5000)["actors"] if not a["code"])
    assert uncoded["names"]
    assert all(a["code"] for a in get(client, "/actors", q=uncoded["names"][0], limit=5000)["actors"])
    assert get(client, "/actors", q="%")["total"] == 0
    assert get(client, "/actors", q="_")["total"] == 0
    assert get(client, "/actors", q="rus")["actors"][0]["code"].startswith("RUS")


def settled(page: dict[str, Any]) -> dict[str, Any]:
    """An event page without the PLOVER type: the store's event_groups view takes the most frequent of an
    event's mentions', and DuckDB breaks a tie between two as its threads meet them (store/schema.py)."""
    return {**page, "events": [{k: v for k, v in e.items() if k != "plover"} for e in page["events"]]}


@pytest.mark.parametrize("filters", [{}, {"quad_class": 4},
                                     {"actor": "USA", "since": "2019-03-01", "until": "2019-09-30"},
                                     {"country": "GBR", "precision": "exact"}], ids=str)
def test_the_whole_view_is_what_each_endpoint_answers(client: TestClient, filters: dict[str, Any]) -> None:
    view = get(client, "/view", **filters, map_limit=3000, limit=10, offset=5, sort="-num_mentions", bin="month",
               ranked=15, network_n=10, network_by="conflict")
    undated = {k: v for k, v in filters.items() if k not in ("since", "until")}
    events = get(client, "/events", **filters, limit=3000)
    drawn = set(view["map"]["events"][0]) if view["map"]["events"] else set()
    assert "evidence" not in drawn and {"id", "lat", "lon", "quad_class", "place_precision", "source_code"} <= drawn
    assert view["map"] == {**events, "events": [{k: e[k] for k in drawn} for e in events["events"]]}
    table = get(client, "/events", **filters, limit=10, offset=5, sort="-num_mentions")
    assert settled(view["table"]) == settled(table)
    assert view["series"] == get(client, "/series", **undated, bin="month")
    assert view["actors"] == get(client, "/rankings/actors", **filters, limit=15)
    assert view["dyads"] == get(client, "/rankings/dyads", **filters, limit=15)
    assert view["network"] == get(client, "/rankings/actors", **filters, limit=10, by="conflict")
    stats = get(client, "/stats")
    assert view["totals"] == {"articles": stats["articles"], "events": stats["events"]}
    by_events = get(client, "/view", **filters, ranked=5, network_n=12)
    assert by_events["actors"] == get(client, "/rankings/actors", **filters, limit=5)
    assert by_events["network"] == get(client, "/rankings/actors", **filters, limit=12)
    assert view["map"]["total"] > 0
