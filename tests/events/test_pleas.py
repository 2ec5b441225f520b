"""A defendant's plea is a step in the state's case: pleading not guilty denies the charges (016), pleading guilty
or admitting guilt acknowledges the crime (015), made by a suspect (CRM) of the country where the case is heard
to its court; an acquittal is no conviction, and pleading with someone stays an appeal."""

from __future__ import annotations

from typing import Any

from tests.conftest import coded_dyads as coded
from tests.conftest import run_text


def test_a_plea_of_not_guilty_denies_the_charges_before_the_court(coder: Any) -> None:
    events = coded(coder, "Marek Kowalczyk, 41, pleaded not guilty on Tuesday to three counts of arson in "
                          "Ohio.")
    assert ("016", "USACRM", "USAJUD") in events, events
    assert not [c for c in events if c[0] in ("015", "020")], events


def test_a_guilty_plea_acknowledges_the_crime(coder: Any) -> None:
    # The parser hangs "guilty" on the day after it ("guilty Monday"); the plea is still read.
    events = coded(coder, "A Leeds man pleaded guilty Monday to robbing three post offices.")
    assert ("015", "GBRCRM", "GBRJUD") in events, events
    admitted = coded(coder, "In Nairobi, Daniel Otieno admitted his guilt in the killing of two officers.")
    assert [c for c in admitted if c[0] == "015" and c[1] == "KENCRM"], admitted


def test_a_plea_is_emitted_as_political(pipeline: Any) -> None:
    result = run_text(pipeline, "Marek Kowalczyk, 41, pleaded not guilty on Tuesday to three counts of arson "
                                "in Ohio.")
    assert [e.cameo for e in result.events] == ["016"], result.events


def test_an_acquittal_is_no_conviction(coder: Any) -> None:
    events = coded(coder, "A jury in Ohio found the former officer not guilty of murder on Friday.")
    assert not [c for c in events if c[0] == "116"], events


def test_pleading_with_someone_stays_an_appeal(coder: Any) -> None:
    events = coded(coder, "Opposition leaders pleaded with the Kenyan government on Monday to release the "
                          "detained journalists.")
    assert [c for c in events if c[0][:2] == "02" and c[2] == "KENGOV"], events


def test_a_plea_is_made_to_the_court_its_sentence_names(pipeline: Any) -> None:
    """The court named in the plea's phrase is the target, in its own words; a defendant whose name is also a
    town's ("Moore", Oklahoma) is still a person (after the dateline's sentence: a lone capitalised word opening a
    sentence is taken for no place)."""
    result = run_text(pipeline, "DALLAS, Texas — On Monday, Moore pleaded guilty in New Kent County Circuit Court.")
    assert [(e.cameo, e.source.code, e.target.text if e.target else None, e.target.code if e.target else None)
            for e in result.events] == [("015", "USACRM", "New Kent County Circuit Court", "USAJUD")]


def test_the_one_who_pleads_is_the_person_not_the_town_they_are_from(pipeline: Any) -> None:
    result = run_text(pipeline, "Patrick Carlineo, 55, of Addison, New York, pleaded guilty on Monday to threatening "
                                "a congresswoman.")
    assert [(e.cameo, e.source.text, e.source.code) for e in result.events] == [("015", "Patrick Carlineo", "USACRM")]
