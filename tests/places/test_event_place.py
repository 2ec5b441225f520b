"""The event's place is where the act happened: a place named for the actor or for its target is not it
(places/roles.py, used by events/placing.event_place)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import every_event
from tests.conftest import run_text as run


@pytest.fixture(scope="module")
def pipeline(pipeline: Any) -> Any:
    return every_event(pipeline)


def _places(pipeline: Any, text: str) -> dict[str, Any]:
    return {e.evidence.trigger: e.place for e in run(pipeline, text, "2019-10-31").events}


def test_a_place_that_says_who_someone_is_is_not_where_they_acted(pipeline: Any) -> None:
    places = _places(pipeline, "Republican Representatives attacked the inquiry, with Steve Scalise of Louisiana "
                               "calling the investigation a sham.")
    assert places and all(p is None for p in places.values()), places
    envoy = _places(pipeline, "The US Ambassador to Germany Richard Grenell accused Mahan Air of supporting terror.")
    assert envoy and all(p is None for p in envoy.values()), envoy


def test_a_country_the_act_is_aimed_at_is_its_target_not_its_place(pipeline: Any) -> None:
    places = _places(pipeline, "The European Union sanctioned Iran earlier this month.")
    assert places and all(p is None for p in places.values()), places
    bombed = _places(pipeline, "Russian jets bombed Syria on Tuesday.")
    assert any(p is not None and p.country == "SYR" for p in bombed.values()), bombed


def test_a_place_that_says_where_is_the_events_place(pipeline: Any) -> None:
    places = _places(pipeline, "Police arrested two men at their home in the neighboring state of Massachusetts.")
    assert any(p is not None and p.name == "Massachusetts" for p in places.values()), places
    compound = _places(pipeline, "Masked protesters attacked Hong Kong's police headquarters on Friday.")
    assert any(p is not None and p.country == "HKG" for p in compound.values()), compound


def test_a_court_or_chamber_named_where_a_place_would_be_puts_the_act_in_its_country(pipeline: Any) -> None:
    sentenced = _places(pipeline, "A former adviser to President Trump was sentenced in U.S. Federal Court on "
                                  "Wednesday.")
    assert sentenced["sentenced"] is not None and sentenced["sentenced"].country == "USA"
    assert sentenced["sentenced"].precision == "country"
    plea = _places(pipeline, "Jon Mihm pleaded guilty in Jackson County Circuit Court on Monday to a charge of theft.")
    assert plea["pleaded"] is not None and plea["pleaded"].name.startswith("Jackson County"), plea
    # a story filed in the country's city: the chamber is there
    rally = _places(pipeline, "ALGIERS, Algeria (AP) — Hundreds of people demonstrated outside parliament on Friday.")
    assert rally["demonstrated"] is not None and rally["demonstrated"].name == "Algiers", rally


def test_a_dateline_and_the_owner_of_a_protest_say_where(pipeline: Any) -> None:
    dateline = _places(pipeline, "Indianapolis – Several thousand teachers surrounded the Statehouse on Tuesday "
                                 "in a protest against the state government.")
    assert any(p is not None and p.name == "Indianapolis" for p in dateline.values()), dateline
    owner = _places(pipeline, "The rally was followed by Indiana's biggest teacher protest in years.")
    assert any(p is not None and p.name == "Indiana" for p in owner.values()), owner


def test_a_place_modifying_what_a_locative_governs_says_where(pipeline: Any) -> None:
    places = _places(pipeline, "Yesterday in California's Riverside County criminal court, Judge Bernard Schwartz "
                               "sentenced the couple to life in prison.")
    assert any(p is not None and p.country == "USA" for p in places.values()), places


def test_a_place_in_another_clause_of_the_sentence_is_not_where_this_act_happened(pipeline: Any) -> None:
    # "in Somalia" tells where the militia is, in the clause of another act.
    claimed = _places(pipeline, "The bombing was claimed by a militia in Somalia, but Ethiopia has accused "
                                "Eritrea of arming it.")
    assert claimed.get("accused", "absent") is None, claimed
    # Where the other act happened is still the scene of this one.
    scene = _places(pipeline, "Protests erupted in Tehran on Friday and police arrested dozens of demonstrators.")
    assert scene.get("arrested") is not None and scene["arrested"].name == "Tehran", scene


def test_where_an_act_still_to_be_done_would_happen_is_not_where_another_act_was(pipeline: Any) -> None:
    # The troops would go to Saudi Arabia; the blaming was not done there.
    places = _places(pipeline, "The United States was more forceful in blaming Iran for the attack, committing to "
                               "send more troops to Saudi Arabia.")
    assert places.get("blaming", "absent") is None, places


def test_a_place_the_object_is_about_is_not_where_the_act_happened(pipeline: Any) -> None:
    # "the annexation of Crimea" names what is criticised, not where the criticism was made.
    places = _places(pipeline, "The Turkish president condemned the annexation of Crimea on Monday.")
    assert places.get("condemned", "absent") is None, places
    held = _places(pipeline, "Rebels attacked the outskirts of Aleppo on Monday.")
    assert any(p is not None and p.name == "Aleppo" for p in held.values()), held


def test_a_place_of_another_act_in_the_same_sentence_is_not_carried_to_this_one(pipeline: Any) -> None:
    places = _places(pipeline, "The minister, who visited Kabul last week, condemned the attack.")
    assert places.get("condemned", "absent") is None, places
    carried = _places(pipeline, "Police raided a house in Kabul on Monday. They arrested three men.")
    assert carried.get("arrested") is not None and carried["arrested"].name == "Kabul", carried


def test_a_country_a_measure_is_aimed_at_is_not_where_it_was_taken(pipeline: Any) -> None:
    places = _places(pipeline, "The European Union imposed new sanctions on Russia on Monday.")
    assert places.get("imposed", "absent") is None, places
    strikes = _places(pipeline, "Israeli jets carried out strikes on Syria on Monday.")
    assert any(p is not None and p.country == "SYR" for p in strikes.values()), strikes


def test_what_a_statement_speaks_of_is_not_where_it_was_made(pipeline: Any) -> None:
    promise = _places(pipeline, "The United States was more forceful, committing to send more troops to Saudi Arabia.")
    assert promise.get("committing", "absent") is None, promise
    quoted = _places(pipeline, "US Secretary of State Mike Pompeo blamed Iran for the attacks, saying there was "
                               "\"no evidence the attacks came from Yemen.\"")
    assert quoted.get("blamed", "absent") is None, quoted
    sent = _places(pipeline, "Russian troops arrived in Syria on Monday.")
    assert any(p is not None and p.country == "SYR" for p in sent.values()), sent


def test_a_place_in_what_is_said_of_is_not_where_it_was_said(pipeline: Any) -> None:
    attacked = _places(pipeline, "Turkish President Recep Tayyip Erdogan attacked the proclamation of the Golan "
                                 "Heights as Israeli territory by US President Donald Trump.")
    assert attacked.get("attacked", "absent") is None, attacked
    praised = _places(pipeline, "A Lebanese parliamentarian praised the opening of an embassy in Syria on Monday.")
    assert praised.get("praised", "absent") is None, praised
    # the scene of a verdict is where its trial was
    verdict = _places(pipeline, "After a jury trial in Paris, two French police officers were found guilty on "
                                "Thursday.")
    assert any(p is not None and p.country == "FRA" for p in verdict.values()), verdict


def test_a_reaction_is_not_placed_where_the_last_act_happened(pipeline: Any) -> None:
    text = ("Gunmen killed three soldiers in Kabul on Monday. The US ambassador condemned the killing. "
            "Afghan police arrested two men later that day.")
    places = _places(pipeline, text)
    assert places.get("condemned", "absent") is None, places
    assert places.get("arrested") is not None and places["arrested"].country == "AFG", places


def test_the_scene_a_saying_or_a_shooting_is_set_in(pipeline: Any) -> None:
    condemned = _places(pipeline, "The Iranian foreign minister condemned the US strike in Baghdad.")
    assert condemned.get("condemned") is None, condemned  # the strike's place, not the condemnation's
    scene = _places(pipeline, "Speaking in Brussels, the German chancellor criticised Russia's actions in Ukraine.")
    assert scene.get("criticised") is not None and scene["criticised"].name == "Brussels", scene
    near = _places(pipeline, "Israeli troops shot dead a Palestinian near the West Bank city of Hebron.")
    assert near.get("shot") is not None and near["shot"].name == "Hebron", near


def _basis(pipeline: Any, text: str) -> dict[str, tuple[Any, str]]:
    return {e.evidence.trigger: (e.place, e.place_basis) for e in run(pipeline, text, "2019-10-31").events}


def test_a_local_act_with_no_place_is_in_the_town_the_story_is_set_in(pipeline: Any) -> None:
    text = ("Four homes in Hopkinton, New Hampshire were burglarized this week. Police arrested two men on Monday "
            "and charged them with burglary.")
    placed = _basis(pipeline, text)
    assert placed["arrested"][0] is not None and placed["arrested"][0].name == "Hopkinton", placed
    assert placed["arrested"][1] == "story", placed


def test_a_court_act_with_no_place_is_in_the_town_the_story_keeps_naming(pipeline: Any) -> None:
    text = ("Bruce McArthur, a landscaper from Toronto, Canada, on Tuesday admitted his guilt in eight murders. "
            "Toronto police said the victims were men from the city's gay village. McArthur pleaded guilty to "
            "each crime at the Superior Court.")
    placed = _basis(pipeline, text)
    assert placed["pleaded"][0] is not None and placed["pleaded"][0].name == "Toronto", placed
    # a town named once among others sets no story
    once = _basis(pipeline, "A man from Leeds, England was charged with fraud on Monday.")
    assert once["charged"][1] != "story", once


def test_a_story_set_only_in_a_country_places_only_what_its_own_police_and_people_do_there(pipeline: Any) -> None:
    # The country's own police arrest at home: the act is in that country, at country precision, never a point.
    placed = _basis(pipeline, "Brazil's economy grew last year. Police arrested two men on Monday.")
    place, basis = placed["arrested"]
    assert place is not None and place.country == "BRA" and place.precision == "country" and basis == "story", placed
    # A minister's words and another country's acts take nothing from the story.
    said = _basis(pipeline, "Brazil's economy grew last year. The finance minister criticised the central bank on "
                            "Monday.")
    assert all(place is None for place, _ in said.values()), said


def test_a_ministers_statement_takes_no_place_from_the_story(pipeline: Any) -> None:
    placed = _basis(pipeline, "Four homes in Hopkinton, New Hampshire were burglarized this week. The governor "
                              "criticised the state police on Monday.")
    assert all(place is None for place, _ in placed.values()), placed


def test_a_country_someone_is_handed_to_is_no_place_of_the_hand_over(pipeline: Any) -> None:
    placed = _places(pipeline, "Pakistan handed over a captured Indian pilot to India on Friday.")
    assert placed["handed"] is None or placed["handed"].country != "IND", placed


def test_a_country_naming_whose_attack_it_was_is_not_where_it_fell(pipeline: Any) -> None:
    placed = _places(pipeline, "KABUL (AP) — Ten civilians were killed in a US airstrike on Monday.")
    assert placed["killed"] is not None and placed["killed"].name == "Kabul", placed
