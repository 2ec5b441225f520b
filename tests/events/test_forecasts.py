"""A future act is its actor's announced intent (03x) only when the actor announces it: one that someone else
hopes for or forecasts ("hoped that the Duma would ratify", "it was unlikely that ... would hold") is no intent of
the actor's. Nor is a job or an account offered ("offered him a position", "offers a broad response"), or troops
committed ("committed 500 soldiers to the fight"), while an offer to mediate is an intent to mediate (039)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import run_text


@pytest.mark.parametrize("text", [
    "European monitors said they hoped that the Russian parliament would soon ratify the protocol.",
    "The minister said it was unlikely that the Czech government would hold a summit with Israel in May.",
    "Analysts expect that the Iranian government will release the detained sailors next week.",
])
def test_a_forecast_or_a_wish_is_no_intent_of_the_actor(coder: Any, text: str) -> None:
    events = run_text(coder, text).events
    assert not [e for e in events if e.cameo_root == "03"], events


def test_an_announced_act_stays_an_intent(coder: Any) -> None:
    events = run_text(coder, "Russia said on Monday it would withdraw its troops from the Ukrainian border.").events
    assert [e for e in events if e.cameo_root == "03" and e.source.country == "RUS"], events


@pytest.mark.parametrize("text", [
    "The governor said the National Guard committed 500 soldiers to the flood fight on Monday.",
    "The Lagos city council offered Ngozi Okafor a position as city manager on Monday.",
    "Cipolli, who has called the accusations false, offers a broad response in a letter to the council.",
])
def test_a_thing_given_is_no_promise(coder: Any, text: str) -> None:
    events = run_text(coder, text).events
    assert not [e for e in events if e.cameo == "030"], events


def test_an_offer_to_mediate_is_an_intent_to_mediate(coder: Any) -> None:
    events = run_text(coder, "Turkey offered to mediate between Russia and Ukraine on Monday.").events
    assert [e for e in events if e.cameo == "039" and e.source.country == "TUR"], events


def test_a_verb_joined_to_a_possible_one_is_only_possible_too(coder: Any) -> None:
    """"could strike Iran and attack Hezbollah": the modal governs both verbs."""
    events = run_text(coder, "Israel could strike Iran and attack Hezbollah.").events
    attacks = [e for e in events if e.cameo[:2] == "19"]
    assert len(attacks) == 2 and all(e.hypothetical for e in attacks), attacks


def test_a_scheduled_act_has_not_happened(coder: Any) -> None:
    for text in ("Obama is scheduled to visit Israel on Wednesday.",
                 "Making his first visit to Israel as president, Obama is scheduled to arrive in Jerusalem on "
                 "Wednesday."):
        visits = [e for e in run_text(coder, text).events if e.cameo_root == "04"]
        assert visits and all(e.hypothetical for e in visits), (text, visits)
