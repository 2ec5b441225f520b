"""Golden tests on the bundled example articles (hand-coded expectations beside each input).

Each example is scored with the seed check's rules (../shared/tools/seedcheck.py). Title, sections,
boilerplate and forbidden codings must be exact; found required events, times, places and quotes
must not fall below the floors in tests/score_floors.json (raise a floor when a change earns it;
never lower one without saying why in the commit).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from eventwire.ingest import read_article

from .conftest import EXAMPLES, SHARED, load_json

SEEDCHECK = SHARED / "tools" / "seedcheck.py"
FLOORS = load_json(Path(__file__).parent / "score_floors.json")
NAMES = sorted(p.name.removesuffix(".expected.json") for p in EXAMPLES.glob("*.expected.json"))
SUMMARY = re.compile(
    r"required events (\d+)/(\d+), placed (\d+)/\d+, uncredited events \d+/\d+, forbidden (\d+), "
    r"times (\d+)/\d+, places (\d+)/\d+, quotes (\d+)/\d+"
)


@pytest.fixture(scope="module")
def scores(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    if not SEEDCHECK.exists():
        pytest.skip("../shared/tools/seedcheck.py is not beside the checkout")
    out: dict[str, dict[str, Any]] = {}
    tmp = tmp_path_factory.mktemp("examples")
    for name in NAMES:
        gold = load_json(EXAMPLES / f"{name}.expected.json")
        result = pipeline.run(read_article(EXAMPLES / f"{name}.txt", published=gold["published"]))
        path = tmp / f"{name}.json"
        path.write_text(json.dumps(result.to_contract()), encoding="utf-8")
        proc = subprocess.run([sys.executable, str(SEEDCHECK), str(EXAMPLES / f"{name}.expected.json"), str(path)],
                              capture_output=True, text=True, timeout=60)
        m = SUMMARY.search(proc.stdout)
        assert m, proc.stdout
        keys = ("required", "required_of", "placed", "forbidden", "times", "places", "quotes")
        out[name] = {"lines": proc.stdout, "result": result, **dict(zip(keys, map(int, m.groups()), strict=True))}
    return out


def test_every_example_has_a_floor() -> None:
    assert sorted(FLOORS["examples"]) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_article_metadata_and_chrome(scores: dict[str, dict[str, Any]], name: str) -> None:
    gold = load_json(EXAMPLES / f"{name}.expected.json")["article"]
    article = scores[name]["result"].article
    assert article.title == gold["title"]
    assert list(article.sections) == gold["sections"]
    assert article.text.startswith(gold["first_body_sentence"])
    assert article.text.rstrip().endswith(gold["last_body_sentence"])
    for chrome in gold["boilerplate_absent_from_body"]:
        assert chrome not in article.text


@pytest.mark.parametrize("name", NAMES)
def test_nothing_forbidden(scores: dict[str, dict[str, Any]], name: str) -> None:
    assert scores[name]["forbidden"] == 0, scores[name]["lines"]


@pytest.mark.parametrize("name", NAMES)
def test_scores_hold_their_floors(scores: dict[str, dict[str, Any]], name: str) -> None:
    floor = FLOORS["examples"][name]
    got = scores[name]
    for key in ("required", "placed", "times", "places", "quotes"):
        assert got[key] >= floor[key], f"{name}: {key} {got[key]} < floor {floor[key]}\n{got['lines']}"
