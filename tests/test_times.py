"""Temporal expressions normalized against the publication date."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.times import normalize

PUB = date(2017, 12, 11)  # a Monday


@pytest.mark.parametrize(
    ("text", "tense", "value", "precision"),
    [
        ("Monday", "past", "2017-12-11", "day"),
        ("later Monday", "past", "2017-12-11", "day"),
        ("Friday", "past", "2017-12-08", "day"),
        ("Friday", "future", "2017-12-15", "day"),
        ("last Monday", "past", "2017-12-04", "day"),
        ("next Monday", "future", "2017-12-18", "day"),
        ("yesterday", "past", "2017-12-10", "day"),
        ("Last month", "past", "2017-11", "month"),
        ("next year", "future", "2018", "year"),
        ("early next year", "future", "2018", "year"),
        ("two weeks ago", "past", "2017-W48", "week"),
        ("2015", "past", "2015", "year"),
        ("November 21", "past", "2017-11-21", "day"),
        ("21 November", "past", "2017-11-21", "day"),
        ("December 28", "past", "2016-12-28", "day"),  # later than publication in a past clause
        ("January 5", "future", "2018-01-05", "day"),
        ("March 2016", "past", "2016-03", "month"),
        ("March 3, 2016", "past", "2016-03-03", "day"),
        ("November", "past", "2017-11", "month"),
        ("March 3 to 5", "past", "2017-03-03/2017-03-05", "day"),
        ("from November 21 to December 3", "past", "2017-11-21/2017-12-03", "day"),
        ("between 2011 and 2013", "past", "2011/2013", "year"),
        ("2017-12-01", "past", "2017-12-01", "day"),
        ("in two years", "future", "2019", "year"),
        ("Four years from now", "present", "2021", "year"),
        ("May 5", "present", "2018-05-05", "day"),  # more than half a year back: the next one
        ("January 5", "present", "2018-01-05", "day"),
    ],
)
def test_normalize_against_publication_date(text: str, tense: str, value: str, precision: str) -> None:
    assert normalize(text, PUB, tense)[:2] == (value, precision)


def test_relative_dates_without_publication_date_stay_unresolved_and_say_why() -> None:
    value, precision, note = normalize("on Monday", None)
    assert value is None and precision == "unresolved"
    assert note is not None and "weekday" in note
    assert normalize("November 21", None)[1] == "unresolved"
    assert normalize("2015", None)[:2] == ("2015", "year")


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), st.sampled_from(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_past_weekday_is_within_the_week_before_publication(pub: date, weekday: str) -> None:
    value, precision, _ = normalize(weekday, pub, "past")
    assert precision == "day" and value is not None
    resolved = date.fromisoformat(value)
    assert 0 <= (pub - resolved).days < 7
    assert resolved.strftime("%A") == weekday


def test_seed_times(pipeline: Any) -> None:
    from eventwire.ingest import read_article
    from tests.conftest import SEED, SEED_GOLD, load_json

    gold = load_json(SEED_GOLD)
    result = pipeline.run(read_article(SEED, published=gold["published"]))
    found = {(t.text.lower(), t.value) for t in result.times}
    for g in gold["times"]:
        assert any(g["mention"].lower() in text and value == g["value"] for text, value in found), g
