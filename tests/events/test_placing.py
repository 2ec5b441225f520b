"""Where an act happened when its sentence names the place only by its kind: "in the city", "across the country"
is the last place of that kind the article named before (events/placing.place_named_before)."""

from __future__ import annotations

from typing import Any

from tests.conftest import run_text as run


def _place_of(pipeline: Any, text: str, root: str) -> str | None:
    events = [e for e in run(pipeline, text).events if e.cameo_root == root]
    assert events, text
    return events[0].place.name if events[0].place is not None else None


def test_a_place_named_by_its_kind_is_the_last_one_named_before(pipeline: Any) -> None:
    text = ("Polish President Andrzej Duda arrived in Warsaw on Monday. He condemned the vandalism against a "
            "synagogue in the city.")
    assert _place_of(pipeline, text, "11") == "Warsaw"


def test_a_kind_of_place_with_words_of_its_own_is_not_one_named_before(pipeline: Any) -> None:
    # "a city in the north" is some other city: no earlier place stands for it
    text = ("Polish President Andrzej Duda arrived in Warsaw on Monday. He condemned the vandalism against a "
            "synagogue in a northern city.")
    assert _place_of(pipeline, text, "11") != "Warsaw"


def test_the_town_a_nationality_qualifies_is_the_place_not_the_country(pipeline: Any) -> None:
    # "the Turkish city of Izmir" names Izmir; Turkey only says which Izmir
    text = "Police in the Turkish city of Izmir arrested 15 people on Thursday."
    assert _place_of(pipeline, text, "17") == "Izmir"


def test_a_place_the_parser_took_for_a_person_no_one_codes_is_still_the_place(pipeline: Any) -> None:
    # "Izmir" is tagged a person; a name the coder codes as no one is read as the place it also is
    text = "A Turkish court in Izmir sentenced 15 people to life in prison on Thursday."
    assert _place_of(pipeline, text, "11") == "Izmir"
