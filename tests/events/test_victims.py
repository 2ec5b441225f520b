"""Victims, survivors and the wounded are civilians an act can be aimed at; "the wounded" names people, not an
act; a private person's account to the authorities is no event; people the police act on are suspects."""

from __future__ import annotations

from typing import Any

from tests.conftest import coded_dyads as coded


def test_victims_and_the_wounded_are_civilians_a_visit_is_aimed_at(coder: Any) -> None:
    victims = coded(coder, "Russian President Vladimir Putin visited the victims in hospital on Monday.")
    assert ("042", "RUSGOV", "RUSCVL") in victims, victims
    survivors = coded(coder, "Japanese Prime Minister Shinzo Abe met survivors of the earthquake on Sunday.")
    assert ("040", "JPNGOV", "JPNCVL") in survivors, survivors
    wounded = coded(coder, "Russian President Vladimir Putin visited the wounded in hospital on Monday.")
    assert ("042", "RUSGOV", "RUSCVL") in wounded, wounded


def test_the_wounded_are_people_not_a_wounding(coder: Any) -> None:
    for text in ("Russian President Vladimir Putin visited the wounded in hospital on Monday.",
                 "Egyptian doctors treated the injured at a hospital in Cairo."):
        events = coded(coder, text)
        assert not [c for c in events if c[0][:2] in ("18", "19")], (text, events)


def test_a_private_persons_account_to_the_authorities_is_no_event(pipeline: Any) -> None:
    text = ("A man was shot in the leg in Ohio on Monday. The victim told authorities a man approached him and "
            "attempted to rob him.")
    assert not [c for c in coded(pipeline, text) if c[0][:2] in ("01", "02")], coded(pipeline, text)


def test_people_the_police_act_on_are_suspects_whoever_a_pronoun_found(coder: Any) -> None:
    text = ("Police in Ohio questioned 25 Mexican workers on Monday. Twenty of them were charged with identity theft "
            "on Tuesday.")
    charged = [c for c in coded(coder, text) if c[0] == "1121"]
    assert charged and all(c[2] is not None and c[2].endswith("CRM") for c in charged), charged
