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


def test_states_and_provinces_sit_at_their_own_point_not_their_towns_centroid(pipeline: Any) -> None:
    result = run(pipeline, "Floods hit Ontario and Queensland while Texas and Canada braced for storms.")
    points = {p.text: (p.lat, p.lon) for p in result.places}
    # Ontario's towns crowd its southern edge (their centroid is near 45 N); the province's middle is ~50 N.
    assert points["Ontario"][0] > 48.5, points
    assert points["Queensland"][0] > -24.0 and points["Queensland"][1] < 146.5
    assert abs(points["Texas"][0] - 31.0) < 1.0 and abs(points["Texas"][1] + 99.9) < 1.0
    assert abs(points["Canada"][0] - 60.0) < 1.0 and abs(points["Canada"][1] + 95.0) < 1.0


def test_a_world_known_capital_wins_over_namesakes_unless_the_article_says_otherwise(pipeline: Any) -> None:
    capital = run(pipeline, "Lawmakers returned to Washington on Monday to debate the budget.")
    washington = next(p for p in capital.places if p.text == "Washington")
    assert washington.feature == "city" and abs(washington.lat - 38.9) < 0.2, washington
    state = run(pipeline, "Wildfires spread across Washington and Oregon as Seattle and Spokane issued warnings.")
    assert next(p for p in state.places if p.text == "Washington").feature == "admin1"
    ontario = run(pipeline, "Police in London, Ontario, arrested two men near Western University.")
    assert next(p for p in ontario.places if p.text == "London").country == "CAN"


def test_a_town_followed_by_its_state_is_the_town_in_that_state(pipeline: Any) -> None:
    result = run(pipeline, "A man from Lebanon, Ind., was charged after a crash near London, Ky., on Friday. "
                           "Protesters gathered in Athens, Georgia, and in Greenwood, W. Va.")
    places = {p.text: p for p in result.places}
    assert (places["Lebanon"].country, places["Lebanon"].admin1) == ("USA", "Indiana"), places["Lebanon"]
    assert (places["London"].country, places["London"].admin1) == ("USA", "Kentucky"), places["London"]
    assert (places["Athens"].admin1, places["Georgia"].feature) == ("Georgia", "admin1"), places["Athens"]
    # A town the gazetteer lacks in that state sits at the state's own point, saying so by its precision.
    assert places["Greenwood"].admin1 == "West Virginia" and places["Greenwood"].country == "USA"
    assert places["Greenwood"].precision in ("exact", "admin1")


def test_names_in_a_row_are_a_list_not_a_town_and_its_state(pipeline: Any) -> None:
    result = run(pipeline, "Cases were found in Alaska, Alabama, Arizona and Texas, and in Mexico, China, "
                           "Japan and Brazil.")
    places = {p.text: p for p in result.places}
    assert places["Alaska"].name == "Alaska" and places["Alabama"].name == "Alabama", places
    assert places["China"].feature == "country" and places["China"].country == "CHN", places["China"]


def test_a_county_sits_in_the_state_the_story_names_and_a_state_stays_a_state(pipeline: Any) -> None:
    county = run(pipeline, "The Indiana Department of Workforce Development said Boone County’s unemployment "
                           "rate reached 7.7 percent, near the middle of Indiana counties.")
    boone = next(p for p in county.places if p.text.startswith("Boone County"))
    assert (boone.admin1, boone.feature) == ("Indiana", "admin2"), boone
    states = run(pipeline, "Cases were reported in Michigan, Oregon, New Mexico, Indiana and Ohio.")
    assert next(p for p in states.places if p.text == "Oregon").feature == "admin1"


def test_a_town_of_that_very_name_is_a_reading_beside_a_city_known_by_it_only_as_an_alias(pipeline: Any) -> None:
    gazetteer = pipeline.resources.gazetteer
    assert any(p.name == "Rogersville" for p in gazetteer.candidates("Rogersville")), \
        [p.name for p in gazetteer.candidates("Rogersville")]


def test_a_country_named_town_the_sentence_calls_a_town_is_the_town_in_the_storys_country(pipeline: Any) -> None:
    # "Palestine police", "a Lebanon man": a town's own police and residents, in a Texas and Indiana story.
    result = run(pipeline, "A Lebanon man was sentenced to two years for fleeing from Palestine police, the "
                           "district attorney of Anderson County said in Dallas.")
    places = {p.text: p for p in result.places if p.start is not None}
    assert places["Palestine"].country == "USA", places
    assert places["Lebanon"].country == "USA", places


def test_a_capitals_name_leading_a_towns_police_in_a_story_of_another_country_is_that_town(pipeline: Any) -> None:
    """"Berlin police" in a story firmly placed in Connecticut is a US town's police, and "a tree in Berlin"
    of the same story is the same town; a story filed in Berlin keeps Berlin."""
    story = run(pipeline, "MIDDLETOWN — A Middletown student was taken to Hartford Hospital after he crashed "
                          "into a tree in Berlin. Berlin police are investigating the crash.")
    berlins = [p.country for p in story.places if p.text == "Berlin"]
    assert berlins == ["USA", "USA"], berlins
    assert [a.code for a in story.actors if a.text == "Berlin police"] == ["USACOP"]
    home = run(pipeline, "BERLIN — Berlin police arrested two men on Monday.")
    assert [a.code for a in home.actors if a.text == "Berlin police"] == ["DEUCOP"]


def test_a_town_whose_police_the_story_names_is_the_small_town_in_the_storys_country(pipeline: Any) -> None:
    """"former Epsom police chief" in a New Hampshire story: Epsom, New Hampshire, a small town the world-known
    readings (England, New Zealand) leave out, and its chief is American; with no local cue the name keeps its
    world-known reading."""
    story = run(pipeline, "The man who claims that former Epsom police chief Henry Farrin assaulted him lives in "
                          "Concord. Farrin was arrested March 11 for attacking a man in a restroom in Penacook.")
    places = {p.text: p for p in story.places if p.start is not None}
    assert (places["Epsom"].country, places["Epsom"].admin1) == ("USA", "New Hampshire"), places
    assert {a.country for a in story.actors if "Farrin" in a.text} == {"USA"}, story.actors
    derby = run(pipeline, "The horse won the Derby at Epsom on Saturday, a trainer in Concord said.")
    assert [p.country for p in derby.places if p.text == "Epsom"] == ["GBR"], derby.places


def test_a_seat_of_government_is_no_alias_of_a_town_abroad(pipeline: Any) -> None:
    """GeoNames lists "White House" among Casablanca's names (a translation of its Arabic one); in English news it
    is the US seat of government, never a Moroccan city."""
    result = run(pipeline, "The committee requested documents from the White House on Monday.")
    assert not [p for p in result.places if p.country == "MAR"]
    # a town keeps its own name though another country's seat bears it ("San José" of Costa Rica)
    assert any(p.country == "USA" for p in pipeline.resources.gazetteer.candidates("San Jose"))
