"""Dashboard benchmark (run by `make bench`; never a timed unit test).

Database: real news from ../shared/data ingested by the real CLI (`eventwire ingest`), cached in
bench/.cache/dashboard.duckdb (gitignored; built when missing, rebuilt when another eventwire version built
it, or with --rebuild; about 10 minutes on two busy cores). Nothing from ../shared is copied into the
repository: the JSON lines the ingest reads are written to a temporary folder. Sources: the 171 Wikinews
articles of 2019 (dated), the LGL local news (dated by their download time) and GeoVirus articles, the 121
article-extraction pages as crawled (HTML), and the news sentences of cameo-pentaclass, cameo-source-target
and plover-gsr (one record each, undated: their sources give no date). 3,324 texts, 2,094 events (585 with a
day-precision date, 1,435 placed).

Measured: `eventwire serve` on 127.0.0.1 over that database, Chromium driven by Playwright at 1440x900;
- first render: from navigation to the dashboard's own signal that every panel's requests are answered
  and drawn (`body[data-refreshed]` set, `data-loading="false"`);
- filter change: from submitting a filter (each of a few real ones in turn) to that signal again;
median and max of several runs of each. Results go to bench/results/dashboard.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from eventwire import __version__

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
CACHE = ROOT / "bench" / ".cache"
DB = CACHE / "dashboard.duckdb"
BUILT = CACHE / "dashboard.built.json"  # written when a build completes
OUT = ROOT / "bench" / "results" / "dashboard.json"
EVENTWIRE = shutil.which("eventwire", path=str(Path(sys.executable).parent)) or "eventwire"
_BEFORE_PUNCTUATION = re.compile(r" ([.,;:!?%)]|'s|’s|n't|'|’)(?=\s|$)")
RUNS = 7
GOAL_S = 2.0
VIEWPORT = {"width": 1440, "height": 900}
CHROMIUM = Path("/usr/bin/chromium")  # Debian's, as the browser tests use
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Filter changes a user makes, applied one after another from the unfiltered view (form field -> value).
FILTER_CHANGES: list[dict[str, str]] = [
    {"quad_class": "4"},
    {"country": "Syria"},
    {"actor": "USA"},
    {"since": "2019-01-01", "until": "2019-06-30"},
]


def write_records(folder: Path) -> list[Path]:
    """The sources that are not files `ingest` reads as they are, as JSON lines (text, title, url, published)."""
    records: dict[str, list[dict[str, Any]]] = {"lgl": [], "geovirus": [], "pentaclass": []}
    for node in ET.parse(DATA / "geoparsing" / "lgl.xml").getroot().iter("article"):
        text = node.findtext("text") or ""
        if text.strip():
            records["lgl"].append({"text": text, "title": node.findtext("title") or None,
                                   "url": node.findtext("url") or None,
                                   "published": (node.findtext("dltime") or "")[:10] or None})
    for node in ET.parse(DATA / "geoparsing" / "GeoVirus.xml").getroot().iter("article"):
        text = node.findtext("text") or ""
        if text.strip():
            records["geovirus"].append({"text": text, "url": node.findtext("source") or None})
    with (DATA / "cameo-pentaclass" / "train.tsv").open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and row[0].strip():
                records["pentaclass"].append({"text": row[0]})
    blocks = (DATA / "cameo-source-target" / "train.txt").read_text(encoding="utf-8").split("\n\n")
    records["source_target"] = [{"text": _detokenized(b)} for b in blocks if b.strip()]
    gsr = json.loads((DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    records["plover_gsr"] = [{"text": r["text"]} for r in gsr if r.get("event") != "DOCUMENT" and r.get("text")]
    paths = []
    for name, rows in records.items():
        path = folder / f"{name}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        paths.append(path)
    return paths


def _detokenized(block: str) -> str:
    """A CoNLL sentence (a token and its tag a line) as text: tokens joined, no space before punctuation."""
    text = " ".join(line.split(" ")[0] for line in block.splitlines() if line.strip())
    return _BEFORE_PUNCTUATION.sub(r"\1", text).replace("( ", "(")


def build_db(path: Path) -> None:
    """Ingest the sources into `path` with the real CLI (2 workers). Resumable as `ingest` is: what is stored
    is skipped, so an interrupted build goes on where it stopped."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = [DATA / "wikinews" / "wikinews_2019.csv", *write_records(Path(tmp)),
                  DATA / "article-extraction" / "html"]
        t0 = time.perf_counter()
        proc = subprocess.run([EVENTWIRE, "ingest", *map(str, inputs), "--db", str(path), "--workers", "2"])
        if proc.returncode not in (0, 1):  # 1: some inputs failed or were skipped (other languages), recorded
            raise RuntimeError(f"eventwire ingest exited with {proc.returncode}")
        print(f"ingested in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    BUILT.write_text(json.dumps({"eventwire": __version__}) + "\n", encoding="utf-8")


def counts(base: str) -> dict[str, int]:
    """What the server says the database holds (GET /stats): articles, events as the dashboard shows them
    (event groups), their mentions, and the events with a day-precision date or a place."""
    stats = fetch(base, "/stats")
    placed = fetch(base, "/export.geojson")["features"]
    return {"articles": stats["articles"], "events": stats["events"], "event_mentions": stats["event_mentions"],
            "dated_events": stats["matching"] - stats["undated"], "placed_events": len(placed)}


def fetch(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path, timeout=60) as response:
        return json.load(response)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """`eventwire serve` on a free 127.0.0.1 port until the block ends."""
    port = free_port()
    proc = subprocess.Popen([EVENTWIRE, "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/vocabulary", timeout=30):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("eventwire serve did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def drawn(tab: Any, after: int = 0) -> int:
    """Waits for the dashboard to finish a refresh newer than `after`, every panel drawn; its number."""
    tab.wait_for_function(f"() => (Number(document.body.dataset.refreshed || 0) > {after} "
                          "&& document.body.dataset.loading === 'false') || document.querySelector('#error .message')",
                          timeout=60_000)
    if tab.locator("#error .message").count():
        raise RuntimeError(f"the dashboard refused the filters: {tab.locator('#error').inner_text()}")
    return int(tab.evaluate("document.body.dataset.refreshed"))


def first_render(browser: Any, base: str) -> float:
    """Seconds from navigation (a fresh browser context: no cache) to every panel drawn."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        tab = context.new_page()
        t0 = time.perf_counter()
        tab.goto(base + "/")
        drawn(tab)
        return time.perf_counter() - t0
    finally:
        context.close()


def filter_changes(browser: Any, base: str) -> dict[str, list[float]]:
    """Seconds from submitting each filter (from the unfiltered view) to every panel drawn again."""
    context = browser.new_context(viewport=VIEWPORT)
    times: dict[str, list[float]] = {}
    try:
        tab = context.new_page()
        tab.goto(base + "/")
        shown = drawn(tab)
        for _ in range(RUNS):
            for change in FILTER_CHANGES:
                for name, value in change.items():
                    field = tab.locator(f"#filters [name={name}]")
                    if field.evaluate("f => f.tagName") == "SELECT":
                        field.select_option(value)
                    else:
                        field.fill(value)
                t0 = time.perf_counter()
                tab.click("#filters button[type=submit]")
                shown = drawn(tab, shown)
                times.setdefault(_label(change), []).append(time.perf_counter() - t0)
                tab.click("#filters button[type=reset]")
                shown = drawn(tab, shown)
    finally:
        context.close()
    return times


def _label(change: dict[str, str]) -> str:
    return "&".join(f"{k}={v}" for k, v in change.items())


def summary(seconds: list[float]) -> dict[str, float]:
    return {"median_s": round(statistics.median(seconds), 3), "max_s": round(max(seconds), 3),
            "runs": len(seconds)}


def measure(base: str) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            first_render(browser, base)  # warm-up: the server's first DuckDB open, Chromium's first page
            renders = [first_render(browser, base) for _ in range(RUNS)]
            changes = filter_changes(browser, base)
            version = browser.version
        finally:
            browser.close()
    every_change = [s for runs in changes.values() for s in runs]
    return {"chromium": version, "first_render": summary(renders), "filter_change": summary(every_change),
            "filter_change_by_filter": {label: summary(runs) for label, runs in changes.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="ingest the database again")
    args = parser.parse_args()
    if args.rebuild or (BUILT.exists() and json.loads(BUILT.read_text(encoding="utf-8"))["eventwire"] != __version__):
        DB.unlink(missing_ok=True)
        BUILT.unlink(missing_ok=True)
    if not BUILT.exists():
        build_db(DB)
    with serving(DB) as base:
        database = counts(base)
        machine = {"python": platform.python_version(), "cpu": platform.processor() or platform.machine(),
                   "cores": os.cpu_count(), "load_average_1min_before": round(os.getloadavg()[0], 2)}
        result = {"machine": machine, "database": database, "viewport": VIEWPORT, "goal_s": GOAL_S,
                  **measure(base), "load_average_1min": round(os.getloadavg()[0], 2)}
    result["under_goal"] = max(result["first_render"]["median_s"], result["filter_change"]["median_s"]) < GOAL_S
    OUT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
