"""The time gold and the dateparser baseline of `eventwire eval times`."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from eventwire.evaluation.times import dateparser_value, read_gold
from tests.conftest import SCORE_FLOORS, SHARED

DATA = SHARED / "data"


def test_time_gold_is_well_formed() -> None:
    gold = read_gold()
    assert len(gold) >= 150 and len({g.doc_id for g in gold}) >= 60
    assert all(g.end > g.start and g.text for g in gold)
    assert all((g.precision == "none") == (g.value == "") for g in gold)


def test_the_blind_wikinews_time_gold_is_well_formed() -> None:
    gold = read_gold("wikinews")
    assert len(gold) >= 60 and len({g.doc_id for g in gold}) >= 10
    assert all(g.doc_id.startswith("https://en.wikinews.org/") and g.end > g.start and g.text for g in gold)
    assert all((g.precision == "none") == (g.value == "") for g in gold)


def test_dateparser_baseline_is_read_at_gold_precision() -> None:
    assert dateparser_value("last month", date(2009, 3, 20), "month") == "2009-02"
    assert dateparser_value("March 3", date(2009, 3, 20), "day") == "2009-03-03"


@pytest.mark.gold
@pytest.mark.skipif(not (DATA / "geoparsing" / "lgl.xml").exists(), reason="../shared/data is not here")
def test_dates_hold_their_floors_end_to_end(pipeline: Any) -> None:
    """`eventwire eval times` on both gold sets: dates found and normalised in whole articles."""
    from eventwire.evaluation.times import evaluate_times

    report = evaluate_times(pipeline, DATA / "geoparsing" / "lgl.xml", DATA / "wikinews" / "wikinews_2019.csv")
    floors = json.loads(SCORE_FLOORS.read_text(encoding="utf-8"))["times"]
    assert report["end_to_end_accuracy"] >= floors["end_to_end_accuracy"], report["sets"]
    assert report["recognition_recall"] >= floors["recognition_recall"], report["sets"]
