"""Place resolution in the pipeline on short news sentences written for the purpose: ambiguous toponyms,
the gazetteer behind NER."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import every_event
from tests.conftest import run_text as run


@pytest.fixture(scope="module")
def pipeline(pipeline: Any) -> Any:
    """The pipeline the event tests use (no relevance stage, which only decides which events are emitted)."""
    return every_event(pipeline)


def test_ambiguous_toponym_follows_the_article_country(pipeline: Any) -> None:
    lebanon = run(pipeline, "Clashes erupted in Tripoli, Lebanon's second city, and spread to Beirut.")
    libya = run(pipeline, "Militias clashed in Tripoli as Libya's rival governments traded blame over Benghazi.")
    assert next(p for p in lebanon.places if p.text == "Tripoli").country == "LBN"
    assert next(p for p in libya.places if p.text == "Tripoli").country == "LBY"


def test_gazetteer_backs_up_ner_for_bases_and_provinces(pipeline: Any) -> None:
    result = run(pipeline, "Drones struck the Hmeimim air base in Latakia province overnight.")
    names = {p.name for p in result.places}
    assert "Hmeimim Air Base" in names
    base = next(p for p in result.places if p.name == "Hmeimim Air Base")
    assert abs(base.lat - 35.40) < 0.1 and abs(base.lon - 35.95) < 0.1 and base.country == "SYR"


def test_every_place_says_how_exact_its_point_is(pipeline: Any) -> None:
    result = run(pipeline, "Police detained protesters in Tbilisi, in Texas and across Georgia on Monday.")
    precision = {p.text: p.model_dump()["precision"] for p in result.places}
    assert precision.get("Tbilisi") == "exact", precision
    assert precision.get("Texas") == "admin1", precision
    assert precision.get("Georgia") == "country", precision
