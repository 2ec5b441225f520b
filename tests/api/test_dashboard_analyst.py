"""The analyst's dashboard (issue 21) as a new user tries it: Debian's chromium through Playwright against a
real `eventwire serve` over the 171 Wikinews articles of 2019 (../shared/data), at 1440x900 and 390x844.
Every answer the page gives is checked against the API's plain event list. Screenshots go to tests/output/."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from eventwire.api.config import PACKAGED_STATIC
from tests.api.test_dashboard import CHROMIUM, CHROMIUM_ARGS, OUTPUT, api, csp_violations
from tests.api.test_dashboard_api import week_of
from tests.api.wikinews import needs_wikinews
from tests.conftest import ROOT, serving

AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}

pytestmark = [
    needs_wikinews,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
    pytest.mark.skipif(not (PACKAGED_STATIC / "index.html").exists(), reason="the dashboard is not built: make web"),
]
playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server(wikinews_db: Path) -> Iterator[str]:
    with serving(wikinews_db, wikinews_db.parent / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Dashboard:
    """Opens the dashboard at a size and query string; fails the test if the page reached anything but the
    server, raised a JavaScript error or broke its Content-Security-Policy."""

    def __init__(self, browser: Any, server: str) -> None:
        self.browser, self.server = browser, server
        self.contexts: list[Any] = []
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.refused: list[str] = []

    def open(self, query: str = "", viewport: dict[str, int] = DESKTOP) -> Any:
        context = self.browser.new_context(viewport=viewport, accept_downloads=True)
        self.contexts.append(context)
        tab = context.new_page()
        self.refused += csp_violations(tab)

        def only_local(route: Any) -> None:
            if route.request.url.startswith(self.server) or route.request.url.startswith("data:"):
                route.continue_()
            else:
                self.outside.append(route.request.url)
                route.abort()

        tab.route("**/*", only_local)
        tab.on("pageerror", lambda exc: self.errors.append(str(exc)))
        tab.goto(self.server + "/" + query)
        settled(tab)
        return tab

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def dash(browser: Any, server: str) -> Iterator[Dashboard]:
    d = Dashboard(browser, server)
    yield d
    d.close()
    assert d.outside == [], "the page tried to load from elsewhere"
    assert d.errors == []
    assert d.refused == []


def settled(tab: Any) -> None:
    """Waits until the page has drawn the answers to its last request."""
    tab.wait_for_selector("body[data-ready=true][data-loading=false]", timeout=30_000)


def shot(tab: Any, name: str, full: bool = True, panel: str | None = None) -> None:
    """The whole page, the viewport (full=False) or one panel of it."""
    OUTPUT.mkdir(exist_ok=True)
    if panel:
        tab.locator(panel).screenshot(path=str(OUTPUT / name))
    else:
        tab.screenshot(path=str(OUTPUT / name), full_page=full)


def all_events(server: str, query: str = "") -> list[dict[str, Any]]:
    return list(api(server, f"/events?limit=5000{query}")["events"])


def matching(tab: Any) -> int:
    return int(tab.locator("#table-count").inner_text().split()[0])


def test_the_five_most_active_dyads_are_read_from_the_page(dash: Dashboard, server: str) -> None:
    tab = dash.open()
    rows = tab.locator("#dyads tbody tr").all()[:5]
    on_page = [(r.get_attribute("data-source"), r.get_attribute("data-target"),
                int(r.locator("td").nth(1).inner_text())) for r in rows]
    pairs = Counter((e["source_code"], e["target_code"]) for e in all_events(server)
                    if e["source_code"] and e["target_code"] and e["source_code"] != e["target_code"])
    assert len(on_page) == 5
    assert [n for _, _, n in on_page] == sorted(pairs.values(), reverse=True)[:5]
    assert all(pairs[(s, t)] == n for s, t, n in on_page)
    top = api(server, "/rankings/dyads?limit=1")["dyads"][0]
    assert top["source_name"] and top["source_name"] in rows[0].inner_text()  # names beside the codes
    shot(tab, "rankings.png", panel="#actors-panel")


def test_actor_ranking_adds_up_and_a_click_filters_everything(dash: Dashboard, server: str) -> None:
    tab = dash.open()
    first = tab.locator("#actors tbody tr").first
    code = first.get_attribute("data-code")
    cells = [c.inner_text() for c in first.locator("td").all()]
    mine = [e for e in all_events(server) if code in (e["source_code"], e["target_code"])]
    assert int(cells[1]) == len(mine) == max(int(r.locator("td").nth(1).inner_text())
                                             for r in tab.locator("#actors tbody tr").all())
    assert int(cells[2]) == sum(1 for e in mine if e["source_code"] == code)
    assert int(cells[5]) == sum(1 for e in mine if e["quad_class"] >= 3)
    first.click()
    tab.wait_for_function(f"() => location.search.includes('actor={code}')")
    settled(tab)
    assert matching(tab) == api(server, f"/events?actor={code}&limit=1")["total"]
    # The timeline is now the actor's own (ICEWS-style): its bars add up to the actor's dated events.
    bars = tab.locator("#timeline .bar").evaluate_all("bs => bs.map(b => b.querySelector('title').textContent)")
    counted = sum(int(t.split(": ")[1].split(" of ")[0]) for t in bars)
    assert counted == sum(b["events"] for b in api(server, f"/series?actor={code}")["bins"]) > 0


def test_the_actor_picker_finds_names_on_the_server_and_a_typed_name_filters(dash: Dashboard, server: str) -> None:
    tab = dash.open()
    tab.wait_for_selector("#actor-list option", state="attached")  # offered once the first view is drawn
    offered = set(tab.locator("#actor-list option").evaluate_all("os => os.map(o => o.value)"))
    # An actor the page did not load with, found by a word of its name that is not its code.
    listing = [a for a in api(server, "/actors?limit=5000")["actors"] if a["code"] and a["code"] not in offered]
    word, actor = next((w, a) for a in listing for name in a["names"] for w in name.split()
                       if len(w) >= 5 and w.isalpha() and not a["code"].startswith(w.upper()))
    asked: list[str] = []
    tab.on("request", lambda r: asked.append(r.url) if "/actors?" in r.url and "q=" in r.url else None)
    field = tab.locator("#filters [name=actor]")
    field.press_sequentially(word.lower(), delay=30)
    tab.wait_for_function("code => [...document.querySelectorAll('#actor-list option')].some(o => o.value === code)",
                          arg=actor["code"])
    label = tab.locator(f"#actor-list option[value='{actor['code']}']").text_content() or ""
    assert word.lower() in label.lower()  # the name that matched, not only the code
    assert asked
    # Submitted as typed, the name becomes the code of the most active actor it names, and everything filters.
    best = api(server, f"/actors?q={word.lower()}&limit=1")["actors"][0]["code"]
    tab.click("#filters button[type=submit]")
    tab.wait_for_function(f"() => new URLSearchParams(location.search).get('actor') === '{best}'")
    settled(tab)
    assert field.input_value() == best
    assert matching(tab) == api(server, f"/events?actor={best}&limit=1")["total"] > 0


def test_a_filter_change_asks_the_server_once(dash: Dashboard, server: str) -> None:
    tab = dash.open()
    asked: list[str] = []
    tab.on("request", lambda r: asked.append(urlsplit(r.url).path) if r.url.startswith(server) else None)
    tab.select_option("#filters [name=quad_class]", "4")
    tab.click("#filters button[type=submit]")
    tab.wait_for_function("() => location.search.includes('quad_class=4')")
    settled(tab)
    assert asked == ["/view"]  # every panel from one answer, not one request per panel
    assert matching(tab) == api(server, "/events?quad_class=4&limit=1")["total"]


def test_a_dyad_click_filters_to_source_and_target(dash: Dashboard, server: str) -> None:
    tab = dash.open()
    row = tab.locator("#dyads tbody tr").nth(1)
    source, target = row.get_attribute("data-source"), row.get_attribute("data-target")
    row.press("Enter")  # the rows are keyboard controls too
    tab.wait_for_function(f"() => location.search.includes('target={target}')")
    settled(tab)
    assert tab.locator("#filters [name=source]").input_value() == source
    assert matching(tab) == api(server, f"/events?source={source}&target={target}&limit=1")["total"]


def test_network_shows_the_top_actors_with_labels_that_never_collide(dash: Dashboard, server: str) -> None:
    tab = dash.open()
    network = tab.locator("#network")
    top = api(server, "/rankings/actors?limit=25")["actors"]
    assert network.locator(".node").evaluate_all("ns => ns.map(n => n.dataset.code)") == [a["code"] for a in top]
    boxes = network.locator(".node text.label:not(.hidden)").evaluate_all(
        "ts => ts.map(t => { const b = t.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })")
    assert len(boxes) >= 20  # most of the 25 are labelled
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    tab.select_option("#network-n", "10")
    tab.wait_for_function("() => document.querySelectorAll('#network .node').length === 10")
    tab.select_option("#network-by", "conflict")
    tab.wait_for_function("() => location.search.includes('by=conflict')")
    settled(tab)
    by_conflict = api(server, "/rankings/actors?limit=10&by=conflict")["actors"]
    codes = network.locator(".node").evaluate_all("ns => ns.map(n => n.dataset.code)")
    assert codes == [a["code"] for a in by_conflict]
    shot(tab, "network.png", panel="#network-panel")


def test_timeline_bins_stack_and_label_and_the_brush_still_filters(dash: Dashboard, server: str) -> None:
    tab = dash.open()
    timeline = tab.locator("#timeline")
    assert timeline.get_attribute("data-bin") == "week"  # a year of news: weeks, chosen from the range
    assert "events per week" in (timeline.text_content() or "") and "mean Goldstein" in (timeline.text_content() or "")
    assert timeline.locator("path.goldstein").get_attribute("d")
    killed = timeline.locator(".killed").evaluate_all("ks => ks.map(k => Number(k.dataset.fatalities))")
    weekly = api(server, "/series?bin=week")  # a bar holds the events whose whole date lies in its week
    assert sum(killed) == sum(b["fatalities"] for b in weekly["bins"]) > 0
    assert sum(b["events"] for b in weekly["bins"]) == sum(
        1 for e in all_events(server) if e["date_start"] and week_of(e["date_start"]) == week_of(e["date_end"]))
    tab.select_option("#bin", "month")
    tab.wait_for_function("() => document.querySelector('#timeline').dataset.bin === 'month'")
    settled(tab)
    months = api(server, "/series?bin=month")["bins"]
    assert int(timeline.get_attribute("data-bins") or 0) == len(months)
    assert "events per month" in (timeline.text_content() or "") and "bin=month" in tab.url
    before = tab.locator("#table-count").inner_text()
    box = timeline.bounding_box()
    scale = box["width"] / 960
    y = box["y"] + 80 * scale
    tab.mouse.move(box["x"] + 300 * scale, y)
    tab.mouse.down()
    tab.mouse.move(box["x"] + 600 * scale, y, steps=8)
    tab.mouse.up()
    tab.wait_for_function("b => document.querySelector('#table-count').textContent !== b", arg=before)
    settled(tab)
    since = tab.locator("#filters [name=since]").input_value()
    until = tab.locator("#filters [name=until]").input_value()
    assert since.endswith("-01") and since < until  # whole months
    assert matching(tab) == api(server, f"/events?since={since}&until={until}&limit=1")["total"]
    shot(tab, "timeline.png", panel="#timeline-panel")


def test_filters_by_name_live_in_the_url_and_downloads_hold_the_selection(dash: Dashboard, server: str) -> None:
    # The event type typed by its name: the most frequent root of the events placed in the United States.
    roots = Counter(e["cameo_root"] for e in api(server, "/events?country=USA&limit=5000")["events"])
    root = roots.most_common(1)[0][0]
    name = next(c["name"] for c in api(server, "/vocabulary")["cameo"] if c["code"] == root)
    tab = dash.open()
    tab.fill("#filters [name=country]", "United States")
    tab.fill("#filters [name=cameo]", name)
    tab.click("#filters button[type=submit]")
    tab.wait_for_function(f"() => location.search.includes('country=USA') && location.search.includes('cameo={root}')")
    settled(tab)
    expected = api(server, f"/events?country=USA&cameo={root}&limit=5000")
    assert 0 < matching(tab) == expected["total"]
    shared = tab.url
    tab.reload()
    settled(tab)
    assert matching(tab) == expected["total"]
    other = dash.open("?" + urlsplit(shared).query)  # a link sent to someone else
    assert matching(other) == expected["total"]
    assert other.locator("#filters [name=country]").input_value() == "USA"
    href = other.locator("#dl-csv").get_attribute("href") or ""
    assert parse_qs(urlsplit(href).query) == {"country": ["USA"], "cameo": [root]}
    with other.expect_download() as info:
        other.click("#dl-csv")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert sorted(r["id"] for r in rows) == sorted(e["id"] for e in expected["events"])
    with other.expect_download() as info:
        other.click("#dl-geojson")
    assert info.value.suggested_filename == "eventwire-events.geojson"


def test_bad_filters_are_explained_in_words(dash: Dashboard) -> None:
    tab = dash.open()
    tab.fill("#filters [name=country]", "Atlantis")
    tab.fill("#filters [name=actor]", "US GOV")
    tab.fill("#filters [name=since]", "2019-06-01")
    tab.fill("#filters [name=until]", "2019-05-01")
    tab.click("#filters button[type=submit]")
    error = tab.locator("#error")
    error.locator(".message").first.wait_for()
    text = error.inner_text()
    assert "no country is called “Atlantis”" in text
    assert "no actor has a code or a name like “US GOV”" in text
    assert "“until” (2019-05-01) is before “since” (2019-06-01)" in text
    assert "pattern" not in text and "^" not in text
    shot(tab, "validation.png", panel="#filters")


def test_no_match_says_so(dash: Dashboard) -> None:
    tab = dash.open("?text=zzqqxxnothing")
    assert tab.locator("#status").inner_text() == "No events match these filters."
    assert tab.locator("#events tbody tr.empty").inner_text() == "No events match these filters."
    assert "No dated events match" in (tab.locator("#timeline").text_content() or "")
    assert tab.locator("#map-note").inner_text() == "No events match these filters."


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440x900", "390x844"])
def test_the_evidence_card_opens_in_view_and_leads_to_the_whole_article(
        dash: Dashboard, server: str, viewport: dict[str, int]) -> None:
    tab = dash.open(viewport=viewport)
    rows = tab.locator("#events tbody tr")
    row = rows.nth(rows.count() - 1)
    row.scroll_into_view_if_needed()
    assert tab.evaluate("window.scrollY") > 1000  # far down the page
    row.click()
    card = tab.locator("#card")
    card.locator(".evidence").first.wait_for()
    box = card.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"] + 1
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 1
    size = "phone" if viewport == PHONE else "desktop"
    shot(tab, f"card-{size}.png", full=False)
    event_id = row.get_attribute("data-id")
    detail = api(server, f"/events/{event_id}")
    card.locator("button.read-article").first.click()
    overlay = tab.locator("#article")
    overlay.locator(".event-span.focus").first.wait_for()
    article = api(server, f"/articles/{detail['mentions'][0]['article_id']}")
    assert overlay.locator("h3").inner_text() == article["title"]
    focus = overlay.locator(".event-span.focus").first.inner_text()
    assert detail["mentions"][0]["sentence"].strip() in focus or focus in detail["mentions"][0]["sentence"]
    marked = {k: overlay.locator(f".article-text mark.{k}").count() for k in ("actor", "place", "time")}
    assert marked["actor"] > 0 and sum(marked.values()) >= 3
    assert overlay.locator(".article-text").inner_text().replace("\n", "") == article["text"].replace("\n", "")
    shot(tab, f"article-{size}.png", full=False)
    tab.keyboard.press("Escape")
    assert overlay.is_hidden()


def test_uncoded_actors_show_their_names(dash: Dashboard, server: str) -> None:
    uncoded = next(e for e in all_events(server) if e["target_code"] == "" and len(e["date"] or "") == 10)
    tab = dash.open(f"?since={uncoded['date']}&until={uncoded['date']}")
    row = tab.locator(f"#events tbody tr[data-id='{uncoded['id']}']")
    assert row.locator("td").nth(3).inner_text() == f"{uncoded['target_name']} (uncoded)"
    row.click()
    tab.locator("#card .evidence").first.wait_for()
    assert uncoded["target_name"] in tab.locator("#card h3").inner_text()
    assert "?" not in tab.locator("#card .codes").inner_text()


def test_map_marks_say_how_exact_each_place_is(dash: Dashboard, server: str) -> None:
    tab = dash.open()
    marks = tab.locator("#map .mark")
    kinds = set(marks.evaluate_all("ms => ms.map(m => m.dataset.precision)"))
    assert kinds == {"exact", "admin1", "country"}
    placed = [e for e in all_events(server) if e["lat"] is not None]
    assert sum(marks.evaluate_all("ms => ms.map(m => Number(m.dataset.count))")) == len(placed)
    legend = tab.locator("#legend").inner_text()
    for words in ("exact place", "state or province centre", "country centre", "verbal cooperation",
                  "material conflict", "size"):
        assert words in legend
    labels = tab.locator("#map .place-label").evaluate_all(
        "ts => ts.map(t => { const b = t.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })")
    assert len(labels) >= 5
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    country = tab.locator("#map .mark.event.precision-country").first
    assert "country centre" in (country.locator("title").text_content() or "")
    shot(tab, "map.png", panel="#map-panel")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440x900", "390x844"])
def test_fits_the_width_and_axe_finds_no_serious_violation(dash: Dashboard, viewport: dict[str, int]) -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed: cd web && npm ci")
    tab = dash.open(viewport=viewport)
    assert tab.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    # axe-core from web/node_modules, evaluated in the page (the server's CSP refuses inline scripts).
    tab.evaluate(AXE.read_text(encoding="utf-8"))
    result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
    shot(tab, f"overview-{'phone' if viewport == PHONE else 'desktop'}.png")


def test_plover_type_and_place_precision_pickers(dash: Dashboard, server: str) -> None:
    tab = dash.open()
    tab.select_option("#filters [name=plover]", "ACCUSE")
    tab.select_option("#filters [name=precision]", "country")
    tab.click("#filters button[type=submit]")
    tab.wait_for_function("() => location.search.includes('precision=country')")
    settled(tab)
    expected = api(server, "/events?plover=ACCUSE&precision=country&limit=5000")
    assert 0 < matching(tab) == expected["total"]
    precisions = set(tab.locator("#map .mark").evaluate_all("ms => ms.map(m => m.dataset.precision)"))
    assert precisions == {"country"}
    tab.reload()
    settled(tab)
    assert tab.locator("#filters [name=plover]").input_value() == "ACCUSE"
    assert matching(tab) == expected["total"]


def test_country_mode_shades_countries_by_their_events(dash: Dashboard, server: str) -> None:
    tab = dash.open("?map=countries")
    svg = tab.locator("#map")
    assert svg.get_attribute("data-mode") == "countries"
    by_country = Counter(e["place_country"] for e in all_events(server) if e["place_country"])
    for code in ("USA", "GBR", "SYR"):
        shape = svg.locator(f"path.country[data-iso3={code}]")
        assert int(shape.get_attribute("data-count") or -1) == by_country[code]
    assert int(svg.get_attribute("data-most") or 0) == max(by_country.values())
    assert tab.locator("#map .marks").get_attribute("display") == "none"
    assert "events placed in the country" in tab.locator("#choropleth-legend").inner_text()
    shot(tab, "countries.png", panel="#map-panel")
    svg.locator("path.country[data-iso3=GBR]").dispatch_event("click")
    tab.wait_for_function("() => location.search.includes('country=GBR')")
    settled(tab)
    assert matching(tab) == by_country["GBR"]
    assert "map=countries" in tab.url  # the mode stays, in the link too
