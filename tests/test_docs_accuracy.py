"""Stored evaluation runs and the accuracy page made from them: `eventwire eval ... --save DIR` stores what it
printed with the data it read, when and by which commit; the page lists every stored run with its date."""

from __future__ import annotations

import datetime
import hashlib
import json
import subprocess
from pathlib import Path

from eventwire.docsgen.accuracy import accuracy_page
from eventwire.evaluation.results import save_result
from tests.conftest import EVENTWIRE, ROOT, SCORE_FLOORS

BENCH = ROOT / "bench" / "results"


def test_eval_save_stores_the_printed_figures_with_data_date_and_commit(tmp_path: Path) -> None:
    started = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    proc = subprocess.run([EVENTWIRE, "eval", "numbers", "--save", str(tmp_path / "results")], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    stored = json.loads((tmp_path / "results" / "numbers.json").read_text(encoding="utf-8"))
    assert stored["figures"] == json.loads(proc.stdout)
    assert stored["command"] == "eventwire eval numbers"
    assert started <= datetime.datetime.fromisoformat(stored["measured"]) <= datetime.datetime.now(datetime.UTC)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert stored["commit"] == (head.stdout.strip() if head.returncode == 0 else None)
    gold = ROOT / "tests" / "data" / "casualties_gold.tsv"
    assert stored["data"] == [{"path": "tests/data/casualties_gold.tsv", "bytes": gold.stat().st_size,
                               "sha256": hashlib.sha256(gold.read_bytes()).hexdigest()}]


def test_the_accuracy_page_lists_every_stored_run_with_its_date_data_and_version(tmp_path: Path) -> None:
    results = tmp_path / "results"
    data = tmp_path / "gold.jsonl"
    data.write_text('{"id": 1}\n', encoding="utf-8")
    when = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    save_result(results, "records", ["--web"], [data],
                {"development": {"recall": {"root_dyad": 0.107}}, "misses": [{"id": i} for i in range(40)]}, now=when)
    save_result(results, "times", [], [data], {"accuracy": 0.91}, now=when + datetime.timedelta(days=30))
    page = accuracy_page(SCORE_FLOORS, BENCH, results)
    web = page[page.index("### records-web"):page.index("### times")]
    assert "`eventwire eval records --web`, measured 2026-01-02 03:04 UTC by eventwire" in web
    digest = hashlib.sha256(data.read_bytes()).hexdigest()
    assert f"`{data.as_posix()}` | {data.stat().st_size} | `{digest[:16]}` |" in web
    assert "| development.recall.root_dyad | 0.107 |" in web
    assert "| misses | 40 items (in the stored file) |" in web
    assert "`eventwire eval times`, measured 2026-02-01 03:04 UTC" in page[page.index("### times"):]
    assert "| [times](#times) | `eventwire eval times` | 2026-02-01 03:04 UTC |" in page
    assert "## Floors the tests enforce" in page  # the guarantees, after what was measured
    (results / "times.json").unlink()
    assert "### times" not in accuracy_page(SCORE_FLOORS, BENCH, results)
    (results / "records-web.json").unlink()
    assert "No evaluation run is stored yet" in accuracy_page(SCORE_FLOORS, BENCH, results)


def test_an_unwritable_save_folder_is_one_line_after_the_figures(tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("", encoding="utf-8")
    proc = subprocess.run([EVENTWIRE, "eval", "numbers", "--save", str(blocker)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 3
    assert json.loads(proc.stdout)["counts"] > 0  # the figures were printed before the save failed
    assert proc.stderr.splitlines() == [f"eventwire: {blocker}: cannot write the result (File exists)"]
