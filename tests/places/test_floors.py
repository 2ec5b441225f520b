"""Geoparsing on LGL and GeoVirus (`eventwire eval places`), each half held to the floors in score_floors.json
(raise them when a change earns it). The held-out halves are scored here but never inspected."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import SCORE_FLOORS, SHARED

DATA = SHARED / "data" / "geoparsing"
CORPORA = {"lgl": DATA / "lgl.xml", "geovirus": DATA / "GeoVirus.xml"}


@pytest.mark.gold
@pytest.mark.skipif(not DATA.exists(), reason="../shared/data is not here")
@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_geoparsing_holds_its_floors_on_both_halves(pipeline: Any, corpus: str) -> None:
    from eventwire.evaluation.places import evaluate_places

    floors = json.loads(SCORE_FLOORS.read_text(encoding="utf-8"))["places"][corpus]
    below = []
    for half, keys in floors.items():
        report = evaluate_places(pipeline, corpus, CORPORA[corpus], half=half)
        below += [(half, key, report[key], floor) for key, floor in keys.items() if report[key] < floor]
    assert below == []
