"""Golden tests on the bundled example articles (hand-coded expectations beside each input).

Each example is scored by eventwire.evaluation.golden (the seed check's rules). Title, sections,
boilerplate and forbidden codings must be exact; found required events, times, places and quotes
must not fall below the floors in tests/score_floors.json (raise a floor when a change earns it;
never lower one without saying why in the commit).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from eventwire.evaluation.golden import GoldenScores, score_golden
from eventwire.ingest import read_article
from tests.conftest import EXAMPLES, SCORE_FLOORS, SHARED, load_json

FLOORS = load_json(SCORE_FLOORS)
SEEDCHECK = SHARED / "tools" / "seedcheck.py"
NAMES = sorted(p.name.removesuffix(".expected.json") for p in EXAMPLES.glob("*.expected.json"))


@pytest.fixture(scope="module")
def results(pipeline: Any) -> dict[str, Any]:
    out = {}
    for name in NAMES:
        gold = load_json(EXAMPLES / f"{name}.expected.json")
        out[name] = pipeline.run(read_article(EXAMPLES / f"{name}.txt", published=gold["published"]))
    return out


@pytest.fixture(scope="module")
def scores(results: dict[str, Any]) -> dict[str, GoldenScores]:
    return {name: score_golden(load_json(EXAMPLES / f"{name}.expected.json"), result.to_contract())
            for name, result in results.items()}


def test_every_example_has_a_floor() -> None:
    assert sorted(FLOORS["examples"]) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_article_metadata_and_chrome(results: dict[str, Any], scores: dict[str, GoldenScores], name: str) -> None:
    gold = load_json(EXAMPLES / f"{name}.expected.json")["article"]
    article = results[name].article
    assert article.title == gold["title"]
    assert list(article.sections) == gold["sections"]
    assert article.text.startswith(gold["first_body_sentence"])
    assert article.text.rstrip().endswith(gold["last_body_sentence"])
    for chrome in gold["boilerplate_absent_from_body"]:
        assert chrome not in article.text
    assert scores[name].title_ok and not scores[name].boilerplate_left


@pytest.mark.parametrize("name", NAMES)
def test_nothing_forbidden(scores: dict[str, GoldenScores], name: str) -> None:
    assert scores[name].forbidden == (), scores[name].report()


@pytest.mark.parametrize("name", NAMES)
def test_scores_hold_their_floors(scores: dict[str, GoldenScores], name: str) -> None:
    floor = FLOORS["examples"][name]
    got = scores[name]
    for key in ("required", "placed", "times", "places", "quotes"):
        value = getattr(got, key)
        assert value >= floor[key], f"{name}: {key} {value} < floor {floor[key]}\n{got.report()}"


@pytest.mark.skipif(not SEEDCHECK.exists(), reason="../shared/tools/seedcheck.py is not beside the checkout")
@pytest.mark.parametrize("name", NAMES)
def test_the_scorer_agrees_with_the_seed_check(results: dict[str, Any], scores: dict[str, GoldenScores],
                                               name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(results[name].to_contract()), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(SEEDCHECK), str(EXAMPLES / f"{name}.expected.json"), str(path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.stdout.splitlines()[-1] == f"seed: {scores[name].summary()}"
    assert (proc.returncode == 0) == scores[name].passed
