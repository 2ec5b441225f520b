"""The HTTP API as a client uses it, over a database ingested from examples/ by the real CLI."""

from __future__ import annotations

import hashlib
import json
import math
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from eventwire.api import ApiConfig, create_app
from eventwire.api.database import DatabaseUnavailable
from eventwire.ingest import read_article
from tests.conftest import EVENTWIRE, EXAMPLES, SEED

NO_STATIC = Path("/nonexistent-eventwire-static")  # the API alone, as before `make web`


def local_client(app: Any) -> TestClient:
    """A test client that calls the server by a name it answers to (TestClient's default is `testserver`)."""
    return TestClient(app, base_url="http://127.0.0.1:8000")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("apidb") / "events.duckdb"
    cli("ingest", str(EXAMPLES), "--db", str(path), "--workers", "1")
    return path


@pytest.fixture(scope="module")
def client(db: Path, pipeline: Any) -> Iterator[TestClient]:
    app = create_app(ApiConfig(db=db, static_dir=NO_STATIC), load_pipeline=lambda: pipeline)
    with local_client(app) as c:
        yield c


def events(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    r = client.get("/events", params={"limit": 5000, **params})
    assert r.status_code == 200, r.text
    return list(r.json()["events"])


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dp, dl = map(math.radians, (lat1, lat2, lat2 - lat1, lon2 - lon1))
    return 2 * 6371 * math.asin(math.sqrt(math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2))


def assert_error(r: Any, status: int) -> str:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return str(body["error"]["message"])


# --- GET /events -------------------------------------------------------------------------------------------------

def test_every_filter_keeps_only_matching_events(client: TestClient) -> None:
    everything = events(client)
    assert len(everything) > 30

    def check(params: dict[str, Any], ok: Any) -> None:
        rows = events(client, **params)
        assert 0 < len(rows) < len(everything), params
        assert all(ok(r) for r in rows), params
        assert len(rows) == sum(1 for r in everything if ok(r)), params

    check({"actor": "NGA"}, lambda r: (r["source_code"] or "").startswith("NGA")
          or (r["target_code"] or "").startswith("NGA"))
    check({"source": "GEOGOV"}, lambda r: r["source_code"].startswith("GEOGOV"))
    check({"target": "irn"}, lambda r: (r["target_code"] or "").startswith("IRN"))
    check({"cameo": "19"}, lambda r: r["cameo"].startswith("19"))
    check({"cameo_root": "4"}, lambda r: r["cameo_root"] == "04")
    check({"quad_class": 4}, lambda r: r["quad_class"] == 4)
    check({"country": "geo"}, lambda r: r["place_country"] == "GEO")
    check({"since": "2024-02-01"}, lambda r: r["date"] is not None and r["date"] >= "2024-02-01")
    check({"until": "2023-12-31"}, lambda r: r["date"] is not None and r["date"] <= "2023-12-31~")
    check({"text": "SOLDIERS"}, lambda r: any("soldiers" in s.lower() for s in r["evidence"]))
    # Around Tbilisi and in a box over north-east Nigeria.
    check({"near": "41.69,44.83,50km"}, lambda r: r["lat"] is not None and km(r["lat"], r["lon"], 41.69, 44.83) <= 50)
    check({"bbox": "8,9,14,13"}, lambda r: r["lon"] is not None and 8 <= r["lon"] <= 14 and 9 <= r["lat"] <= 13)


def test_country_by_name_iso2_or_iso3_as_on_the_command_line(client: TestClient, db: Path) -> None:
    georgia = events(client, country="GEO")
    assert georgia and all(r["place_country"] == "GEO" for r in georgia)
    for written in ("Georgia", "ge", "geo", " georgia "):
        assert events(client, country=written) == georgia, written
    cli_rows = [json.loads(line) for line in cli("query", "--db", str(db), "--country", "Georgia").stdout.splitlines()]
    assert [r["id"] for r in cli_rows] == [r["id"] for r in georgia]
    for unknown in ("Atlantis", "XX", "Georgia; DROP TABLE events"):
        message = assert_error(client.get("/events", params={"country": unknown}), 422)
        assert "\n" not in message and "is not a country" in message, message
    assert "is not a country" in assert_error(client.get("/stats", params={"country": "Narnia"}), 422)


def test_filters_compose(client: TestClient) -> None:
    rows = events(client, actor="NGA", cameo_root="19", country="NGA")
    assert rows and all(r["cameo_root"] == "19" and r["place_country"] == "NGA" for r in rows)
    assert events(client, actor="NGA", country="GEO") == []


def test_bbox_latitudes_in_either_order_and_across_the_antimeridian(client: TestClient) -> None:
    assert events(client, bbox="8,13,14,9") == events(client, bbox="8,9,14,13")
    wrapped = events(client, bbox="170,-90,10,90")  # from 170E eastwards over the antimeridian to 10E
    assert wrapped and all(r["lon"] >= 170 or r["lon"] <= 10 for r in wrapped)
    assert len(wrapped) < len([r for r in events(client) if r["lon"] is not None])


def test_api_and_cli_query_return_the_same_events(client: TestClient, db: Path) -> None:
    args = {"actor": "NGA", "cameo-root": "19", "since": "2023-06-01"}
    cli_rows = [json.loads(line) for line in
                cli("query", "--db", str(db), *[x for k, v in args.items() for x in (f"--{k}", v)]).stdout.splitlines()]
    api_rows = events(client, **{k.replace("-", "_"): v for k, v in args.items()})
    assert cli_rows and [r["id"] for r in api_rows] == [r["id"] for r in cli_rows]


def test_paging_walks_every_event_once(client: TestClient) -> None:
    full = client.get("/events", params={"limit": 5000}).json()
    seen: list[str] = []
    for offset in range(0, full["total"] + 7, 7):
        page = client.get("/events", params={"limit": 7, "offset": offset}).json()
        assert page["total"] == full["total"] and page["offset"] == offset and len(page["events"]) <= 7
        seen += [e["id"] for e in page["events"]]
    assert seen == [e["id"] for e in full["events"]]
    assert len(set(seen)) == full["total"]


def test_sorting(client: TestClient) -> None:
    by_goldstein = [e["goldstein"] for e in events(client, sort="goldstein")]
    assert by_goldstein == sorted(by_goldstein) and by_goldstein[0] < by_goldstein[-1]
    newest_first = [e["date"] for e in events(client) if e["date"]]
    assert newest_first == sorted(newest_first, reverse=True)
    assert_error(client.get("/events", params={"sort": "id; DROP TABLE events"}), 422)


def test_bad_parameters_are_422_with_the_error_shape(client: TestClient) -> None:
    for params in ({"near": "somewhere"}, {"near": "35,200,10km"}, {"bbox": "1,2,3"}, {"bbox": "0,95,10,40"},
                   {"since": "June 2023"},
                   {"quad_class": 5}, {"limit": 0}, {"limit": 100000}, {"offset": -1}, {"actor": "NGA' OR 1=1 --"}):
        message = assert_error(client.get("/events", params=params), 422)
        assert message != "invalid request", params


# --- one event, actors, stats, articles ---------------------------------------------------------------------------

def test_event_detail_has_every_evidence_sentence_at_its_offsets(client: TestClient) -> None:
    row = events(client, actor="NGAMIL", cameo_root="19")[0]
    detail = client.get(f"/events/{row['id']}").json()
    assert detail["id"] == row["id"] and len(detail["mentions"]) == detail["num_mentions"] >= 1
    for mention in detail["mentions"]:
        article = client.get(f"/articles/{mention['article_id']}").json()
        assert article["text"][mention["start"]:mention["end"]] == mention["sentence"]
        assert mention["sentence"] in detail["evidence"]
        kinds = {h["kind"] for h in mention["highlights"]}
        assert "trigger" in kinds and "source" in kinds
        for h in mention["highlights"]:
            assert mention["sentence"][h["start"]:h["end"]] == h["text"]


def test_missing_things_are_404_json(client: TestClient) -> None:
    assert "no event" in assert_error(client.get("/events/0000000000000000"), 404)
    assert "no events with actor" in assert_error(client.get("/actors/ZZZGOV"), 404)
    assert "no article" in assert_error(client.get("/articles/nope"), 404)
    assert_error(client.get("/no/such/page"), 404)


def test_actor_counts_partners_and_timeline(client: TestClient) -> None:
    listing = client.get("/actors", params={"limit": 5000}).json()
    codes = [a["code"] for a in listing["actors"]]
    assert listing["total"] == len(codes) and "NGAMIL" in codes
    assert [a["events"] for a in listing["actors"]] == sorted((a["events"] for a in listing["actors"]), reverse=True)
    named = client.get("/actors", params={"q": "NGA"}).json()["actors"]
    assert named and all(a["code"].startswith("NGA") or "nga" in (a["name"] or "").lower() for a in named)

    actor = client.get("/actors/ngamil").json()
    involving = [e for e in events(client, actor="NGAMIL") if "NGAMIL" in (e["source_code"], e["target_code"])]
    assert actor["code"] == "NGAMIL" and actor["events"] == len(involving)
    assert actor["cooperation"] + actor["conflict"] == actor["events"] == sum(actor["by_quad_class"].values())
    partners = {p["code"] for p in actor["partners"]}
    expected = {e["target_code"] if e["source_code"] == "NGAMIL" else e["source_code"] for e in involving} - {None}
    assert partners == expected and "IMGISW" in partners
    assert sum(d["count"] for d in actor["timeline"]) == sum(1 for e in involving if e["date"] and len(e["date"]) == 10)


def test_stats_follow_the_filters(client: TestClient) -> None:
    everything = client.get("/stats").json()
    assert everything["articles"] == 4 and everything["matching"] == everything["events"] > 30
    nga = client.get("/stats", params={"country": "NGA"}).json()
    rows = events(client, country="NGA")
    assert nga["matching"] == len(rows) < everything["matching"]
    assert {c["key"] for c in nga["by_country"]} == {"NGA"}
    assert sum(c["count"] for c in nga["by_quad_class"]) == len(rows)
    assert sum(d["count"] for d in nga["by_day"]) + nga["undated"] + nga["not_placeable"] == len(rows)
    day = nga["by_day"][0]
    same_day = events(client, country="NGA", since=day["date"], until=day["date"], quad_class=day["quad_class"])
    assert len(same_day) == day["count"]


def test_article_spans_are_offsets_into_its_text(client: TestClient) -> None:
    row = events(client, source="GEOGOV")[0]
    detail = client.get(f"/events/{row['id']}").json()
    article = client.get(f"/articles/{detail['article_ids'][0]}").json()
    text, spans = article["text"], article["spans"]
    assert article["title"] and {"event", "actor", "place", "time"} <= {s["kind"] for s in spans}
    assert [s["start"] for s in spans] == sorted(s["start"] for s in spans)
    assert all(0 <= s["start"] < s["end"] <= len(text) for s in spans)
    assert any(s["kind"] == "event" and s["ref"] == row["id"] for s in spans)
    assert any(s["kind"] == "actor" and s["label"] == "GEOGOV" for s in spans)


# --- POST /extract -----------------------------------------------------------------------------------------------

def test_extract_returns_the_contract_of_a_real_article(client: TestClient, db: Path, pipeline: Any) -> None:
    path = EXAMPLES / "attack_borno.txt"
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    r = client.post("/extract", content=path.read_bytes(), headers={"content-type": "text/plain"})
    assert r.status_code == 200, r.text
    data = r.json()
    assert set(data) >= {"article", "events", "actors", "places", "times", "quotes"}
    assert data["article"]["title"].startswith("Seven soldiers killed")
    expected = pipeline.run(read_article(path)).to_contract()
    assert data["events"] == expected["events"]  # exactly what `eventwire extract` codes
    assert any(e["source"]["code"] == "IMGISW" and (e["target"] or {}).get("code") == "NGAMIL"
               and e["cameo_root"] == "19" for e in data["events"])
    for e in data["events"]:
        assert data["article"]["text"][e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["sentence"]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before  # nothing stored


def test_extract_takes_json_and_html(client: TestClient) -> None:
    seed = SEED.read_text(encoding="utf-8") if SEED.exists() else (EXAMPLES / "diplomacy_ankara.txt").read_text()
    r = client.post("/extract", json={"text": seed, "published": "2017-12-11"})
    assert r.status_code == 200, r.text
    body = r.json()
    if SEED.exists():
        assert body["article"]["published"] == "2017-12-11"
        assert any(e["source"]["code"] == "RUSGOV" and e["cameo"] == "0874" for e in body["events"])
    paragraphs = "".join(f"<p>{p}</p>" for p in (EXAMPLES / "protest_tbilisi.txt").read_text().split("\n\n")[3:])
    page = (f"<html><head><title>Tbilisi protest</title></head><body><article><h1>Police disperse protesters"
            f"</h1>{paragraphs}</article></body></html>")
    html = client.post("/extract", params={"published": "2024-04-16"}, content=page.encode(),
                       headers={"content-type": "text/html; charset=utf-8"})
    assert html.status_code == 200, html.text
    assert "<p>" not in html.json()["article"]["text"]
    assert any(e["source"]["code"].startswith("GEO") for e in html.json()["events"])


def test_extract_leaves_out_events_under_min_confidence(client: TestClient) -> None:
    text = (EXAMPLES / "attack_borno.txt").read_text(encoding="utf-8")
    every = client.post("/extract", json={"text": text, "published": "2023-06-14"}).json()["events"]
    cut = sorted(e["confidence"] for e in every)[len(every) // 2]
    r = client.post("/extract", params={"min_confidence": cut}, json={"text": text, "published": "2023-06-14"})
    assert r.status_code == 200, r.text
    kept = r.json()["events"]
    assert kept and len(kept) < len(every) and all(e["confidence"] >= cut for e in kept)
    assert_error(client.post("/extract", params={"min_confidence": 3}, json={"text": text}), 422)


def test_extract_rejects_bad_bodies(client: TestClient) -> None:
    assert "empty" in assert_error(client.post("/extract", content=b"", headers={"content-type": "text/plain"}), 422)
    assert_error(client.post("/extract", content=b"{not json", headers={"content-type": "application/json"}), 422)
    assert_error(client.post("/extract", json={"text": "x", "published": "yesterday"}), 422)
    assert "calendar date" in assert_error(client.post("/extract", params={"published": "2017-13-45"}, content=b"Text.",
                                                       headers={"content-type": "text/plain"}), 422)
    assert_error(client.post("/extract", content=b"\x00\x01", headers={"content-type": "image/png"}), 415)


def test_oversize_requests_are_413_before_reading(db: Path) -> None:
    app = create_app(ApiConfig(db=db, static_dir=NO_STATIC, max_body_bytes=1000),
                     load_pipeline=lambda: pytest.fail("the pipeline must not run for a rejected body"))
    with local_client(app) as small:
        assert "1000 bytes" in assert_error(small.post("/extract", content=b"a" * 1001,
                                                        headers={"content-type": "text/plain"}), 413)
        # A chunked body (no Content-Length) is cut off once it passes the limit.
        chunks = (b"word " * 100 for _ in range(5))
        assert_error(small.post("/extract", content=chunks, headers={"content-type": "text/plain"}), 413)


def test_default_limit_rejects_a_six_megabyte_article(client: TestClient) -> None:
    assert_error(client.post("/extract", content=b"x" * (6 * 1024 * 1024), headers={"content-type": "text/plain"}),
                 413)


# --- read-only database, ingest ----------------------------------------------------------------------------------

def test_the_database_is_opened_read_only(client: TestClient, db: Path) -> None:
    app_db = client.app.state.db  # type: ignore[attr-defined]
    with app_db.cursor() as cur, pytest.raises(duckdb.Error, match="read-only"):
        cur.execute("DELETE FROM events")
    other = duckdb.connect(str(db), read_only=True)  # readers share the file with the server
    try:
        assert other.execute("SELECT count(*) FROM events").fetchone()[0] > 0  # type: ignore[index]
    finally:
        other.close()
    message = assert_error(client.post("/ingest", content=b"Some text.", headers={"content-type": "text/plain"}), 403)
    assert "--allow-ingest" in message
    assert "/ingest" not in client.get("/openapi.json").json()["paths"]


def test_a_missing_or_foreign_database_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match="no such database"):
        create_app(ApiConfig(db=tmp_path / "missing.duckdb"))
    foreign = tmp_path / "foreign.duckdb"
    duckdb.connect(str(foreign)).close()
    with pytest.raises(DatabaseUnavailable, match="schema version 0"):
        create_app(ApiConfig(db=foreign))
    proc = subprocess.run([EVENTWIRE, "serve", "--db", str(tmp_path / "missing.duckdb")], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 3 and "no such database" in proc.stderr


def test_ingest_when_allowed_stores_the_article(db: Path, tmp_path: Path, pipeline: Any) -> None:
    copy = tmp_path / "events.duckdb"
    shutil.copy(db, copy)
    app = create_app(ApiConfig(db=copy, static_dir=NO_STATIC, allow_ingest=True), load_pipeline=lambda: pipeline)
    article = (EXAMPLES / "attack_borno.txt").read_text(encoding="utf-8").replace("Damboa", "Gwoza")
    with local_client(app) as c:
        before = c.get("/stats").json()["articles"]
        first = c.post("/ingest", json={"text": article, "url": "https://example.org/gwoza"})
        assert first.status_code == 200, first.text
        assert first.json()["outcome"] == "added" and first.json()["events"] > 0
        again = c.post("/ingest", json={"text": article, "url": "https://example.org/gwoza"})
        assert again.json()["outcome"] == "unchanged"
        assert c.get("/stats").json()["articles"] == before + 1
        gwoza = events(c, text="Gwoza")
        assert gwoza and all(e["source_url"] == "https://example.org/gwoza" for e in gwoza)
        assert "/ingest" in c.get("/openapi.json").json()["paths"]


# --- documentation and dashboard pages ---------------------------------------------------------------------------

def test_docs_and_openapi_work_offline(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/actors", "/actors/{code}", "/stats", "/articles/{article_id}",
            "/extract"} <= set(spec["paths"])
    assert {p["name"] for p in spec["paths"]["/events"]["get"]["parameters"]} >= {
        "actor", "source", "target", "cameo", "cameo_root", "quad_class", "country", "since", "until", "near",
        "bbox", "text", "facts_only", "limit", "offset", "sort"}
    page = client.get("/docs")
    assert page.status_code == 200 and "/events" in page.text
    assert "http://" not in page.text and "https://" not in page.text  # nothing to fetch from elsewhere


def test_without_a_built_dashboard_the_root_says_how_to_build_it(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "make web" in r.text and "npm ci" in r.text


def test_requests_at_once_each_open_the_file_and_all_answer(db: Path, pipeline: Any) -> None:
    """The dashboard sends seven requests at once; each opens the database itself, and DuckDB gives them one
    shared instance, which they lock down (store/sandbox.py) without refusing each other."""
    from concurrent.futures import ThreadPoolExecutor

    app = create_app(ApiConfig(db=db, static_dir=NO_STATIC), load_pipeline=lambda: pipeline)
    client = TestClient(app, base_url="http://127.0.0.1")  # no portal shared by the threads: truly at once
    paths = ["/events?limit=500", "/stats", "/actors", "/events?limit=5", "/stats?cameo_root=14"] * 4
    for _ in range(3):
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(client.get, paths))
        refused = [r.text[:120] for r in answers if r.status_code != 200]
        assert refused == []
