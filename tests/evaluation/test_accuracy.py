"""Event and actor coding on the public gold sets, held to the floors in score_floors.json (raise them when a
change earns it). The held-out halves are scored here but never inspected when changing the coder."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import SCORE_FLOORS, SHARED, every_event


@pytest.fixture(scope="module")
def pipeline(pipeline: Any) -> Any:
    """The coder's reading of each sentence: every event kept, whether or not it would be emitted."""
    return every_event(pipeline)

FLOORS = json.loads(SCORE_FLOORS.read_text(encoding="utf-8"))
DATA = SHARED / "data"
needs_data = pytest.mark.skipif(not (DATA / "plover-gsr").exists(), reason="../shared/data is not here")


@pytest.mark.gold
@needs_data
def test_event_coding_holds_its_floors_on_every_gold_set(pipeline: Any) -> None:
    from eventwire.evaluation.events import evaluate_pentaclass, evaluate_plover, evaluate_spans

    report = {
        "plover_gsr": evaluate_plover(pipeline, DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.json"),
        "cameo_pentaclass": evaluate_pentaclass(pipeline, DATA / "cameo-pentaclass" / "train.tsv"),
        "cameo_source_target": evaluate_spans(pipeline, DATA / "cameo-source-target" / "train.txt"),
    }
    below = [(gold, half, key, report[gold][half][key], floor)
             for gold, halves in FLOORS["events"].items() for half, keys in halves.items()
             for key, floor in keys.items() if report[gold][half][key] < floor]
    assert below == []


@pytest.mark.gold
@needs_data
def test_actor_codes_hold_their_floors(pipeline: Any) -> None:
    from eventwire.evaluation.actors import evaluate_plover_actors, evaluate_span_countries

    plover = evaluate_plover_actors(pipeline, DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.json")
    spans = evaluate_span_countries(pipeline, DATA / "cameo-source-target" / "train.txt",
                                    pipeline.resources.actor_kb)
    floors = FLOORS["actors"]
    assert all(plover[key] >= floor for key, floor in floors["plover_gsr"].items()), plover
    assert spans["country"] >= floors["cameo_source_target"]["country"], spans
