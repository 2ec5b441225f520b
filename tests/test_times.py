"""Temporal expressions normalized against the publication date."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.dateparse import period_of
from eventwire.holidays import easter_sunday
from eventwire.times import DURATION_NOTE, anaphoric_offset, extract_times, normalize

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
        ("this past December", "present", "2016-12", "month"),  # the words fix the year, not the tense
        ("last November", "past", "2017-11", "month"),
        ("next January", "present", "2018-01", "month"),
        ("November last year", "past", "2016-11", "month"),
        ("March of next year", "future", "2018-03", "month"),
        ("earlier this month", "past", "2017-12", "month"),
        ("earlier in the month", "past", "2017-12", "month"),
        ("later this week", "future", "2017-W50", "week"),
        ("over the weekend", "past", "2017-W49", "week"),  # Saturday 9 and Sunday 10 December
        ("next weekend", "future", "2017-W50", "week"),
        ("last summer", "past", "2017", "year"),
        ("next spring", "future", "2018", "year"),
        ("Christmas", "past", "2016-12-25", "day"),
        ("Christmas", "future", "2017-12-25", "day"),
        ("New Year's Eve", "past", "2016-12-31", "day"),
        ("New Year's Day", "future", "2018-01-01", "day"),
        ("Easter", "past", "2017-04-16", "day"),
        ("Good Friday 2016", "past", "2016-03-25", "day"),
        ("Thanksgiving", "past", "2017-11-23", "day"),
        ("Labor Day", "past", "2017-09-04", "day"),
        ("for March 24", "past", "2018-03-24", "day"),  # "scheduled for": ahead, whatever the tense
        ("through January 5", "past", "2018-01-05", "day"),
        ("by this coming Friday", "past", "2017-12-15", "day"),
    ],
)
def test_normalize_against_publication_date(text: str, tense: str, value: str, precision: str) -> None:
    assert normalize(text, PUB, tense)[:2] == (value, precision)


@pytest.mark.parametrize("text", ["73 months", "six-year", "an eleven-month-old", "several weeks",
                                  "the past three years", "for two days", "in the sixteen weeks",
                                  # the place of a day in a run of them says how long, not when
                                  "for a sixth day", "for the 20th consecutive weekend", "for a third straight day"])
def test_a_length_of_time_is_no_date(text: str) -> None:
    assert normalize(text, PUB, "past") == (None, "unresolved", DURATION_NOTE)


@pytest.mark.parametrize(("year", "easter"), [(2000, "2000-04-23"), (2008, "2008-03-23"), (2011, "2011-04-24"),
                                              (2019, "2019-04-21"), (2024, "2024-03-31"), (2038, "2038-04-25")])
def test_easter_is_computed_for_any_year(year: int, easter: str) -> None:
    assert easter_sunday(year).isoformat() == easter
    assert normalize(f"Easter Monday {year}", PUB)[0] == (easter_sunday(year) + timedelta(days=1)).isoformat()


@pytest.mark.parametrize(("text", "offset"), [("the previous day", -1), ("the day before", -1), ("that day", 0),
                                              ("the same day", 0), ("later that day", 0), ("on the next day", 1),
                                              ("a day later", 1), ("two days later", 2), ("three days earlier", -3),
                                              ("Monday", None), ("the day", None)])
def test_days_named_from_the_story_count_from_its_last_day(text: str, offset: int | None) -> None:
    assert anaphoric_offset(text) == offset


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2019-03-05", "2019-03-05", "2019-03-05"), ("2019-W10", "2019-03-04", "2019-03-10"),
    ("2019-02", "2019-02-01", "2019-02-28"), ("2020-02", "2020-02-01", "2020-02-29"),
    ("2019-12", "2019-12-01", "2019-12-31"), ("2019", "2019-01-01", "2019-12-31"),
    ("2017-03-03/2017-03-05", "2017-03-03", "2017-03-05"), ("2011/2013", "2011-01-01", "2013-12-31")])
def test_a_value_covers_the_days_of_its_precision(value: str, first: str, last: str) -> None:
    assert period_of(value) == (date.fromisoformat(first), date.fromisoformat(last))


@pytest.mark.parametrize("value", [None, "", "2019-13", "2019-W60", "soon", "2019-05/2018-01"])
def test_what_is_no_calendar_value_covers_no_days(value: str | None) -> None:
    assert period_of(value) is None


@pytest.mark.parametrize("text", ["A few years ago", "several months ago"])
def test_a_vague_count_back_is_no_date(text: str) -> None:
    assert normalize(text, PUB, "past")[0] is None


@pytest.mark.parametrize(("sentence", "mention", "value"), [
    ("The building collapsed on Monday. The blast occurred at 6am as residents slept.", "6am", "2017-12-11"),
    ("Police said the man was arrested late Thursday night in the capital.", "late Thursday", "2017-12-07"),
    ("The storm made landfall on Friday. It weakened by 1000 UTC over land.", "1000", "2017-12-08"),
    ("The minibus exploded on the night of Monday in the city.", "Monday", "2017-12-11"),
])
def test_a_clock_time_falls_on_the_day_the_story_last_named(nlp: Any, sentence: str, mention: str,
                                                            value: str) -> None:
    found = {t.text: t.value for t in extract_times(nlp(sentence), PUB.isoformat())}
    assert any(mention in text and found[text] == value for text in found), found
    assert not any(text.strip().endswith("of") for text in found)


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


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("for the month of January", "2017-01", "month"),  # "heard the treasurer's report for the month of January"
    ("the month of November", "2017-11", "month"),
    ("15 years ago today", "2002-12-11", "day"),  # an anniversary is a day, not a year
    ("two years ago today", "2015-12-11", "day"),
])
def test_named_months_and_anniversaries(text: str, value: str, precision: str) -> None:
    assert normalize(text, PUB, "past")[:2] == (value, precision)


@pytest.mark.parametrize(("sentence", "mention", "value"), [
    # day words the model leaves untagged
    ("Jones is suspected in the armed robbery Friday of two people in their home.", "Friday", "2017-12-08"),
    ('President Duda remarked, "Today I am with him and his family."', "Today", "2017-12-11"),
    ("The minister flew to the city on December 8. In a meeting that day he was told the toll had risen.",
     "that day", "2017-12-08"),
    # expressions the model cuts short
    ("The parade will take place on Memorial Day, Monday, May 28, following a service.", "May 28", "2018-05-28"),
    ("He will retire effective today, December 12, after 35 years with the county.", "December 12", "2017-12-12"),
    ("It was a murder that happened 15 years ago today in a small town.", "today", "2002-12-11"),
    ('Kimbrell said "This year\'s count is a temporary reprieve."', "This year", "2017"),
])
def test_day_words_the_model_misses_or_cuts_short_are_dated(nlp: Any, sentence: str, mention: str,
                                                           value: str) -> None:
    found = {t.text: t.value for t in extract_times(nlp(sentence), PUB.isoformat())}
    assert any(mention in text and value == found[text] for text in found), found


@pytest.mark.parametrize("sentence", ["The Black Friday Sale drew crowds to the mall.",
                                      "Unionists said the Good Friday Agreement must stand."])
def test_a_weekday_in_a_name_is_no_date(nlp: Any, sentence: str) -> None:
    found = extract_times(nlp(sentence), PUB.isoformat())
    assert not [t for t in found if "Friday" in t.text and t.value], found


def test_an_age_set_off_by_commas_is_no_date(nlp: Any) -> None:
    doc = nlp("Krystal Hall, 19, of Gaston, was arrested on Monday.")
    found = [t.text for t in extract_times(doc, PUB.isoformat())]
    assert found == ["on Monday"], found
