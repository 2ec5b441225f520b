"""Casualty and force counts, and the events they attach to."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.ingest.sources import article_id
from eventwire.model import Article, ExtractResult
from tests.conftest import every_event


@pytest.fixture(scope="module")
def pipeline(pipeline: Any) -> Any:
    """The coder's reading of each sentence: every event kept, whether or not it would be emitted."""
    return every_event(pipeline)


def run(pipeline: Any, text: str) -> ExtractResult:
    result: ExtractResult = pipeline.run(Article(id=article_id(text), text=text, published="2023-01-10"))
    return result


@pytest.mark.parametrize(
    ("text", "category", "low", "high", "victims"),
    [
        ("Gunmen killed at least 12 villagers in Zamfara state on Monday.", "fatalities", 12, 12, "civilians"),
        ("Five soldiers were killed in the ambush.", "fatalities", 5, 5, "soldiers"),
        ("The death toll from the strikes rose to 45, officials said.", "fatalities", 45, 45, "people"),
        ("Police arrested 23 protesters in the capital.", "arrested", 23, 23, "protesters"),
        ("Dozens of civilians were wounded in the shelling.", "injured", 24, 99, "civilians"),
        ("A 22-year-old man was killed in the blast.", "fatalities", 1, 1, "people"),
        ("More than 1,000 people fled their homes.", "displaced", 1000, 1000, "people"),
    ],
)
def test_counts(pipeline: Any, text: str, category: str, low: int, high: int, victims: str) -> None:
    counts = [c for c in run(pipeline, text).counts if c.category == category]
    assert counts, run(pipeline, text).counts
    assert (counts[0].count_min, counts[0].count_max, counts[0].victims) == (low, high, victims)


def test_numbers_that_are_not_casualties_are_left_alone(pipeline: Any) -> None:
    result = run(pipeline, "A three-day curfew was imposed in 12 villages after the clashes on March 4.")
    assert not [c for c in result.counts if c.category != "forces"]


def test_fatalities_attach_to_their_event_and_troops_to_the_withdrawal(pipeline: Any) -> None:
    attack = run(pipeline, "Five Nigerian soldiers were killed by Boko Haram fighters in Borno state on Monday.")
    assert any(e.fatalities == 5 and e.casualties["fatalities"]["victims"] == "soldiers" for e in attack.events)
    withdrawal = run(pipeline, "Russia withdrew 2,000 troops from Syria, the defence ministry said.")
    assert any(e.cameo_root == "08" and e.forces and e.forces[0]["min"] == 2000 for e in withdrawal.events)
    # An announced withdrawal is an intent to de-escalate (CAMEO 0356), with the same troop count.
    announced = run(pipeline, "Russia will withdraw 2,000 troops from Syria, the defence ministry said.")
    assert any(e.cameo == "0356" and e.forces and e.forces[0]["min"] == 2000 for e in announced.events)
