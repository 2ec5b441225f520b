"""Toponym recognition beyond the small model's GPE/LOC tags, on short news sentences written for the
purpose: short forms, places leading an organisation's name, counties, places the model calls people,
and the words that must not become places."""

from __future__ import annotations

from typing import Any

from tests.conftest import run_text as run


def _found(pipeline: Any, text: str) -> dict[str, Any]:
    return {p.text: p for p in run(pipeline, text).places if p.start is not None}


def test_state_abbreviations_and_short_forms_name_their_state(pipeline: Any) -> None:
    places = _found(pipeline, "A Louisville, Ky. man was charged in Albany, N.Y. after a chase from "
                              "Vancouver, B.C. and a stop in Tupelo, Miss.")
    assert places["Ky."].name == "Kentucky" and places["Ky."].feature == "admin1", places
    assert places["N.Y."].name == "New York" and places["N.Y."].country == "USA"
    assert places["B.C."].name == "British Columbia" and places["B.C."].country == "CAN"
    assert places["Miss."].name == "Mississippi"


def test_a_short_form_that_is_also_a_word_counts_only_after_a_town(pipeline: Any) -> None:
    places = _found(pipeline, "Miss. Johnson said the IN and OUT lanes of the bridge would reopen.")
    assert "Miss." not in places and "IN" not in places, places


def test_a_place_leading_an_organisation_name_is_a_toponym(pipeline: Any) -> None:
    places = _found(pipeline, "The Queensland Government and the Kentucky Department of Education said "
                              "the Laurel County Fiscal Court had approved the plan.")
    assert places["Queensland"].country == "AUS", places
    assert places["Kentucky"].feature == "admin1"
    county = places["Laurel County"]
    assert county.admin1 == "Kentucky" and abs(county.lat - 37.1) < 0.3 and abs(county.lon + 84.1) < 0.3


def test_a_town_the_model_calls_a_person_is_a_place_unless_someone_bears_the_name(pipeline: Any) -> None:
    places = _found(pipeline, "Steven Sachs of Alexandria was driving a Mazda when Raquel Henry stopped him. "
                              "Henry said the road was icy.")
    assert "Alexandria" in places, places
    assert "Henry" not in places


def test_organisation_acronyms_and_common_words_are_not_places(pipeline: Any) -> None:
    places = _found(pipeline, "In God We Trust, the OAS said, as the University weighed the SWAT team's report.")
    assert not {"God", "OAS", "University", "SWAT"} & set(places), places
    credit = _found(pipeline, "(Dean Curtis / News-Leader) Police investigate the death at Ozark Dodge.")
    assert "Leader" not in credit, credit
    company = _found(pipeline, "In Dallas, the zoning commission rejected Titan's request on Monday.")
    assert "Titan" not in company, company


def test_a_nationality_adjective_is_a_place_only_where_it_says_where(pipeline: Any) -> None:
    where = _found(pipeline, "Shells fell on a Georgian village as Sri Lankan police searched the coast.")
    assert where["Georgian"].country == "GEO" and where["Georgian"].feature == "country", where
    assert where["Sri Lankan"].country == "LKA"
    who = _found(pipeline, "Georgian troops and Russian diplomats met in Vienna.")
    assert "Georgian" not in who and "Russian" not in who, who


def test_an_all_caps_dateline_and_a_direction_before_a_state_are_found(pipeline: Any) -> None:
    places = _found(pipeline, "CHARLESTON, W.Va. -- Schools across Northeast Georgia closed on Monday.")
    assert "CHARLESTON" in places and places["CHARLESTON"].country == "USA", places
    assert any(p.name == "Georgia" and p.feature == "admin1" for p in places.values()), places


def test_a_town_name_the_article_uses_for_a_person_stays_a_person(pipeline: Any) -> None:
    places = _found(pipeline, "\"We wrestled hard,\" said coach Ripley. Later President Obama spoke, and "
                              "Obama thanked the team.")
    assert not {"Ripley", "Obama"} & set(places), places


def test_an_unknown_longer_name_does_not_hide_the_place_inside_it(pipeline: Any) -> None:
    places = _found(pipeline, "Flights resumed at the Nashville Metro Airport on Friday. ROSWELL, N.M. (AP) -- "
                              "A storm hit the town.")
    assert places["Nashville"].admin1 == "Tennessee", places
    assert places["ROSWELL"].admin1 == "New Mexico"


def test_a_place_the_model_folds_into_a_name_still_counts_elsewhere(pipeline: Any) -> None:
    places = _found(pipeline, "Crews came from Harwinton, Bantam, Litchfield, Winsted and Torrington, said "
                              "Litchfield Fire Chief Jim Koser.")
    assert any(p.text == "Litchfield" and p.country == "USA" for p in places.values()), places


def test_a_first_name_alone_is_not_a_town(pipeline: Any) -> None:
    places = _found(pipeline, "Yesterday in California's Riverside County criminal court, Judge Bernard Schwartz "
                              "sentenced David and Louise Turpin to life in prison. David Turpin, alone, was also "
                              "charged with making false statements.")
    assert "David" not in places, places


def test_a_town_leads_only_a_local_body_not_any_organisation(pipeline: Any) -> None:
    places = _found(pipeline, "In London, the Green Party criticised the budget, and the Gainesville Police "
                              "Department closed the road.")
    assert "Green" not in places, places
    assert places["Gainesville"].country == "USA"


def test_capitalised_datelines_before_a_dash_or_colon_are_places(pipeline: Any) -> None:
    places = _found(pipeline, "Council approves budget. HARTFORD — Connecticut legislators met on Monday.\n"
                              "Man accused of threatening tax worker. ST. PAUL -- A man was charged.\n"
                              "Graves desecrated near church. BEIRUT: Unknown assailants removed the doors.\n"
                              "UPDATE: The mayor said the plan would pass. BREAKING — Police arrived.")
    assert places["HARTFORD"].admin1 == "Connecticut", places
    assert places["ST. PAUL"].admin1 == "Minnesota", places
    assert places["BEIRUT"].country == "LBN", places
    assert "UPDATE" not in places and "BREAKING" not in places, places


def test_names_before_counties_are_counties(pipeline: Any) -> None:
    places = _found(pipeline, "Roofs collapsed in Harvey, Harper and Kingman counties in Kansas, and the county "
                              "ranks near the middle of Indiana counties.")
    for name in ("Harvey", "Harper", "Kingman"):
        assert places[name].feature == "admin2" and places[name].admin1 == "Kansas", places[name]
    assert places["Indiana"].feature == "admin1", places["Indiana"]


def test_a_legislators_home_after_the_party_letter_is_a_place(pipeline: Any) -> None:
    places = _found(pipeline, "House Speaker Nancy Pelosi, D-Calif, told colleagues that Sen. Tom Bakk, "
                              "DFL-Duluth, had agreed.")
    assert places["Calif"].name == "California", places
    assert places["Duluth"].admin1 == "Minnesota", places


def test_a_capital_that_speaks_and_places_inside_local_names_are_places(pipeline: Any) -> None:
    places = _found(pipeline, "Earlier in the week Tbilisi announced that talks were scheduled. Richard Harper told "
                              "Lamar County Commissioners Monday that The Springfield Science Museum would close.")
    assert places["Tbilisi"].country == "GEO", places
    assert places["Lamar County"].feature == "admin2", places
    assert "Springfield" in places, places


def test_a_small_town_the_model_misses_is_found_by_what_the_sentence_says_of_it(pipeline: Any) -> None:
    # Towns of a few thousand people, known only to the small-towns index: a resident "of" it, a body it
    # leads, a noun it modifies.
    places = _found(pipeline, "A Metter man was hurt in a Soperton crash on Friday. Maria Lopez, 35, of Ocilla, "
                              "was treated at the scene, said Glennville Police Chief Tom Ray.")
    assert {"Metter", "Soperton", "Ocilla", "Glennville"} <= set(places), places
    assert places["Ocilla"].admin1 == "Georgia"


def test_a_small_towns_namesake_person_is_not_a_place(pipeline: Any) -> None:
    places = _found(pipeline, "Coach Jesup said the team played well. Jesup and Walden won the award.")
    assert "Jesup" not in places, places


def test_a_city_written_in_capitals_is_a_place_not_an_acronym(pipeline: Any) -> None:
    places = _found(pipeline, "The hearing opened in DENVER on Monday, the NAACP said.")
    assert places.get("DENVER") is not None and places["DENVER"].country == "USA", places
    assert "NAACP" not in places


def test_a_street_is_a_place_at_the_town_the_article_names(pipeline: Any) -> None:
    places = _found(pipeline, "Flooding closed Chillicothe, Ohio roads on Monday. Crews pumped water from "
                              "Darby Street and Highway 29, and Virginia L. Lane, 77, was rescued.")
    street = places["Darby Street"]
    assert street.name == "Darby Street, Chillicothe" and street.country == "USA", places
    assert street.lat == places["Chillicothe"].lat and street.precision == "exact"
    assert "Highway 29" in places
    assert not any("Lane" in text for text in places), places


def test_a_street_in_an_article_naming_no_town_is_not_placed(pipeline: Any) -> None:
    assert "Main Street" not in _found(pipeline, "Crews repaired Main Street after the storm, officials said.")


def test_a_county_leading_what_the_model_calls_a_place_is_the_county(pipeline: Any) -> None:
    places = _found(pipeline, "He was booked into the Laurel County Jail on Monday.")
    county = next((p for text, p in places.items() if text.startswith("Laurel County")), None)
    assert county is not None and county.admin1 == "Kentucky" and county.feature == "admin2", places


def test_a_town_the_model_tags_a_person_is_a_place_by_its_cue_unless_a_person_bears_its_name(pipeline: Any) -> None:
    assert "Glen Carbon" in _found(pipeline, "Police seek missing Glen Carbon woman. She was last seen on Friday.")
    shared = _found(pipeline, "Deputies found the missing Glen Allen teen on Friday, Sheriff Ray Allen said.")
    assert "Glen Allen" not in shared, shared


def test_cars_are_not_places(pipeline: Any) -> None:
    places = _found(pipeline, "The Honda's driver was struck in Dayton, Ohio. A red Dodge Durango drove off.")
    assert "Dayton" in places and not {"Honda", "Durango"} & set(places), places
    towns = _found(pipeline, "Police in Durango, Colorado arrested two men in Honda, Colombia.")
    assert "Durango" in towns, towns


def test_a_one_word_name_a_verb_acts_on_is_a_person_not_a_town(pipeline: Any) -> None:
    """"Trump met Kim": Kim is a person (there is a town Kim in India); "in Hanoi" is the place."""
    places = _found(pipeline, "Trump met Kim in Hanoi on Thursday.")
    assert "Kim" not in places and "Hanoi" in places, places


def test_a_shouted_dateline_with_the_agencys_credit_is_a_place(pipeline: Any) -> None:
    """"MOSCOW (AP) —", "CAIRO (Reuters) -": the wire credit stands between the city and the dash."""
    for text, city in (("MOSCOW (AP) — Police detained 40 protesters on Saturday.", "MOSCOW"),
                       ("CAIRO (Reuters) - Police arrested two men on Friday.", "CAIRO")):
        assert city in _found(pipeline, text), (text, _found(pipeline, text))
