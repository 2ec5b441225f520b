"""The dashboard as an analyst uses it: Debian's chromium (headless, through Playwright) against a real
`eventwire serve` over a database ingested from examples/. Screenshots go to tests/output/."""

from __future__ import annotations

import json
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from eventwire.api.config import PACKAGED_STATIC
from tests.conftest import EVENTWIRE, EXAMPLES, SEED, TESTS, serving

CHROMIUM = Path("/usr/bin/chromium")
OUTPUT = TESTS / "output"
# Chromium quiet and offline: no GPU, no QUIC, no first-run, no background calls home.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium; "
                                                     ".ci/run does it)"),
    pytest.mark.skipif(not (PACKAGED_STATIC / "index.html").exists(),
                       reason="the dashboard is not built: run `make web`"),
]
playwright_api = pytest.importorskip("playwright.sync_api")


def api(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return json.load(response)


# A stored URL that runs script when clicked as a link (from a JSONL `url`, or a database written before
# the API checked URLs); every other article gets an ordinary https URL.
SCRIPT_URL = "javascript:document.body.dataset.pwned='yes'"


def give_articles_urls(db: Path) -> None:
    con = duckdb.connect(str(db))
    try:
        ids = [row[0] for row in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        for i, article_id in enumerate(ids):
            url = SCRIPT_URL if i % 2 else f"https://news.example/{article_id}"
            con.execute("UPDATE articles SET url = ? WHERE id = ?", [url, article_id])
    finally:
        con.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("dashdb") / "events.duckdb"
    ingest = subprocess.run([EVENTWIRE, "ingest", str(EXAMPLES), "--db", str(db), "--workers", "1"],
                            capture_output=True, text=True, timeout=600)
    assert ingest.returncode == 0, ingest.stderr
    if SEED.exists():  # the Reuters article on Russia's withdrawal from Syria, December 2017
        seed = subprocess.run([EVENTWIRE, "ingest", str(SEED), "--published", "2017-12-11", "--db", str(db),
                               "--workers", "1"], capture_output=True, text=True, timeout=600)
        assert seed.returncode == 0, seed.stderr
    give_articles_urls(db)
    with serving(db, db.parent / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """The dashboard, loaded; fails the test if the page tried to reach anything but the server or
    raised a JavaScript error."""
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    tab = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    refused = csp_violations(tab)

    def only_local(route: Any) -> None:
        if route.request.url.startswith(server) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    tab.route("**/*", only_local)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto(server + "/")
    tab.wait_for_selector("body[data-ready=true]", timeout=30_000)
    yield tab
    context.close()
    assert outside == [], "the page tried to load from elsewhere"
    assert errors == []
    assert refused == [], "the page did something its Content-Security-Policy forbids"


def csp_violations(tab: Any) -> list[str]:
    """What the browser refused under the server's Content-Security-Policy, as it reports it."""
    refused: list[str] = []
    tab.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    return refused


def shot(page: Any, name: str) -> None:
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / name), full_page=True)


def test_map_shows_every_placed_event_and_a_click_opens_its_evidence(page: Any, server: str) -> None:
    events = api(server, "/events?limit=5000")["events"]
    placed = [e for e in events if e["lat"] is not None]
    marks = page.locator("#map .mark")
    assert marks.count() > 1
    counts = marks.evaluate_all("ms => ms.map(m => Number(m.dataset.count))")
    assert sum(counts) == len(placed)  # every placed event is on the map, in a point or a cluster
    assert page.locator("#map path.country").count() > 150  # the world's countries are drawn
    shot(page, "dashboard.png")

    single = page.locator("#map .mark.event")
    if single.count():
        event_id = single.first.get_attribute("data-id")
        single.first.click()
    else:  # every point is in a cluster: the cluster lists its events, pick the first
        page.locator("#map .mark.cluster").first.click()
        item = page.locator("#card .card-list button").first
        event_id = item.get_attribute("data-id")
        item.click()
    card = page.locator("#card")
    card.locator(".evidence mark.trigger").first.wait_for()
    detail = api(server, f"/events/{event_id}")
    assert card.locator(".evidence .sentence").first.inner_text() == detail["mentions"][0]["sentence"]
    assert card.locator("mark.trigger").first.inner_text() == detail["mentions"][0]["trigger"]
    assert (detail["cameo_name"] or detail["cameo"]) in card.locator("h3").inner_text()
    shot(page, "event-card.png")


def test_a_stored_script_url_is_never_a_link(page: Any, server: str) -> None:
    ids = page.locator("#events tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    urls = {i: [m["article_url"] for m in api(server, f"/events/{i}")["mentions"]] for i in ids}
    hostile = next(i for i in ids if set(urls[i]) == {SCRIPT_URL})
    plain = next(i for i in ids if SCRIPT_URL not in urls[i])
    card = page.locator("#card")
    for event_id in (hostile, plain):
        page.locator(f"#events tbody tr[data-id='{event_id}']").click()
        page.wait_for_function("id => document.querySelector('#card').dataset.event === id", arg=event_id)
        card.locator(".evidence").first.wait_for()
        links = card.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert links == [u for u in urls[event_id] if u != SCRIPT_URL]  # only the https ones
        if event_id == hostile:
            card.locator(".evidence footer").first.click(position={"x": 2, "y": 2})  # where the link would have been
    assert page.evaluate("document.body.dataset.pwned") is None


def test_timeline_brush_filters_the_table_and_the_map(page: Any, server: str) -> None:
    before = page.locator("#table-count").inner_text()
    box = page.locator("#timeline").bounding_box()
    scale = box["width"] / 960  # the SVG's viewBox is 960 wide, its plot starts at x = 50
    y = box["y"] + 70 * scale
    page.mouse.move(box["x"] + 60 * scale, y)
    page.mouse.down()
    page.mouse.move(box["x"] + 480 * scale, y, steps=8)
    page.mouse.up()
    page.wait_for_function("b => document.querySelector('#table-count').textContent !== b", arg=before)
    since = page.locator("#filters [name=since]").input_value()
    until = page.locator("#filters [name=until]").input_value()
    assert since and until and since < until
    expected = api(server, f"/events?since={since}&until={until}&limit=5000")
    assert 0 < expected["total"] < api(server, "/events?limit=1")["total"]
    assert page.locator("#table-count").inner_text() == f"{expected['total']} matching"
    shown = page.locator("#events tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    dates = {e["id"]: (e["date_start"], e["date_end"]) for e in expected["events"]}
    assert shown and all(since <= dates[i][0] and dates[i][1] <= until for i in shown)  # whole dates inside
    placed = sum(1 for e in expected["events"] if e["lat"] is not None)
    # The map redraws after the table: wait for it rather than read it mid-redraw.
    page.wait_for_function("n => [...document.querySelectorAll('#map .mark')]"
                           ".reduce((s, m) => s + Number(m.dataset.count), 0) === n", arg=placed, timeout=10_000)
    counts = page.locator("#map .mark").evaluate_all("ms => ms.map(m => Number(m.dataset.count))")
    assert sum(counts) == placed
    shot(page, "brushed.png")


def test_clicking_an_actor_in_the_network_filters_to_it(page: Any, server: str) -> None:
    network = page.locator("#network")
    assert int(network.get_attribute("data-nodes") or 0) > 5 and int(network.get_attribute("data-links") or 0) > 3
    node = page.locator("#network .node[data-code=NGAMIL]")
    node.dispatch_event("click")  # the force layout keeps nodes moving: a synthetic click is steadier
    page.wait_for_function("() => document.querySelector('#table-count').textContent === "
                           f"'{api(server, '/events?actor=NGAMIL&limit=1')['total']} matching'")
    assert page.locator("#filters [name=actor]").input_value() == "NGAMIL"
    sources_targets = page.locator("#events tbody tr").evaluate_all(
        "rows => rows.map(r => r.children[1].textContent + ' ' + r.children[3].textContent)")
    assert sources_targets and all("NGAMIL" in s for s in sources_targets)


@pytest.mark.skipif(not SEED.exists(), reason="the seed article (../shared/seed) is not beside this checkout")
def test_what_russia_did_in_syria_in_december_2017_and_where(page: Any, server: str) -> None:
    page.fill("#filters [name=actor]", "RUS")
    page.fill("#filters [name=country]", "Syria")  # by name, as a user types it
    page.fill("#filters [name=since]", "2017-12-01")
    page.fill("#filters [name=until]", "2017-12-31")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => location.search.includes('country=SYR')")
    page.wait_for_selector("body[data-loading=false]")
    rows = page.locator("#events tbody tr")
    answer = rows.evaluate_all("rs => rs.map(r => [r.dataset.id, r.children[1].textContent, "
                               "r.children[2].textContent, r.children[3].textContent, r.children[4].textContent])")
    expected = api(server, "/events?actor=RUS&country=SYR&since=2017-12-01&until=2017-12-31&limit=100")["events"]
    assert sorted(a[0] for a in answer) == sorted(e["id"] for e in expected)
    did = {(source, event, target) for _, source, event, target, _ in answer}
    assert ("RUSGOV", "0874 Retreat or surrender militarily", "SYR") in did  # the withdrawal
    assert {place for *_, place in answer} >= {"Hmeimim Air Base (SYR)", "Syria (SYR)"}
    placed = sum(1 for e in expected if e["lat"] is not None)
    assert sum(page.locator("#map .mark").evaluate_all("ms => ms.map(m => Number(m.dataset.count))")) == placed
    legend = page.locator("#legend").inner_text()
    assert "country centre" in legend  # "Syria" is a centre point, not a place, and the map says so
    shot(page, "russia-syria-2017-12.png")


@pytest.mark.skipif(not SEED.exists(), reason="the seed article (../shared/seed) is not beside this checkout")
def test_extract_box_shows_the_events_of_a_pasted_article(page: Any) -> None:
    page.locator("#extract-text").fill(SEED.read_text(encoding="utf-8"))
    page.locator("#extract-published").fill("2017-12-11")
    page.locator("#extract-run").click()
    withdrawal = page.locator("#extract-results li.event[data-source=RUSGOV][data-cameo='0874']")
    withdrawal.first.wait_for(timeout=120_000)  # the first extraction loads the spaCy pipeline
    text = withdrawal.first.inner_text()
    assert "Putin" in text and "withdrawal" in text
    # the seed's six required events at least (one record per act: the tripartite agreement is one, not one a pair)
    assert page.locator("#extract-results li.event").count() >= 6
    assert "Putin orders partial Russia troop withdrawal" in page.locator("#extract-status").inner_text()
    shot(page, "extract.png")


def test_api_docs_page_works_offline(browser: Any, server: str) -> None:
    context = browser.new_context()
    tab = context.new_page()
    outside: list[str] = []
    refused = csp_violations(tab)
    tab.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server)
              else (outside.append(route.request.url), route.abort()))
    tab.goto(server + "/docs")
    tab.locator(".swagger-ui .opblock").first.wait_for(timeout=30_000)
    paths = tab.locator(".swagger-ui .opblock-summary-path").all_inner_texts()
    assert {"/events", "/events/{event_id}", "/stats", "/extract"} <= {p.replace("\u200b", "") for p in paths}
    context.close()
    assert outside == []
    assert refused == [], "Swagger UI did something the Content-Security-Policy forbids"
