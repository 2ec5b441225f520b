"""Actors the text leaves implicit: who arrests, charges and sentences when the report names no agent."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.ingest.sources import article_id
from eventwire.model import Article, Event
from tests.conftest import coded_dyads as coded
from tests.conftest import every_event


def events(coder: Any, text: str) -> list[Event]:
    result = coder.run(Article(id=article_id(text), text=text, published="2019-11-01"))
    return list(result.events)


def dyads(found: list[Event]) -> set[tuple[str, str, str]]:
    return {(e.cameo, e.source.code, e.target.code if e.target else "-") for e in found}


@pytest.mark.parametrize(("text", "dyad"), [
    ("Zhukovskyy was arrested on Monday at his home in Boston.", ("173", "USACOP", "USACRM")),
    ("An individual has been arrested in Gdansk after the attack.", ("173", "POLCOP", "POLCRM")),
    ("In Nairobi, the man was sentenced to ten years in prison.", ("116", "KENJUD", "KENCRM")),
    # a person the text codes keeps their code
    ("A Russian journalist was detained in Moscow on Tuesday.", ("173", "RUSCOP", "RUSMED")),
    # an active act by a named force: its unnamed people are suspects of its country
    ("Police arrested two men in Lagos on Monday.", ("173", "NGACOP", "NGACRM")),
])
def test_the_state_body_behind_an_agentless_legal_act_is_supplied(coder: Any, text: str,
                                                                   dyad: tuple[str, str, str]) -> None:
    found = events(coder, text)
    assert dyad in dyads(found), dyads(found)
    supplied = [e for e in found if (e.cameo, e.source.code) == dyad[:2]]
    assert all(e.source.resolved_from == "state-convention" or e.source.text for e in supplied)


def test_no_agent_is_guessed_where_the_country_is_unknown(coder: Any) -> None:
    assert not [e for e in events(coder, "The man was arrested on Monday.") if e.cameo_root == "17"]


def test_an_agent_named_in_the_text_is_kept(coder: Any) -> None:
    found = dyads(events(coder, "In Kyiv, the man was arrested by the SBU on Monday."))
    assert not any(source.endswith("COP") for _, source, _ in found), found


def test_a_quote_codes_only_what_its_speaker_does_by_saying_it(coder: Any) -> None:
    # "we attacked" in a quote is a claim about the past, not an act of speaking
    found = events(coder, '"We attacked their base yesterday," Houthi spokesman Yahya Saree said on Monday.')
    assert not [e for e in found if e.cameo_root in ("18", "19", "20")], dyads(found)


def test_a_quote_condemning_the_speakers_own_country_is_no_criticism_of_it(coder: Any) -> None:
    found = events(coder, '"Those who blame Iran for the attacks are lying," President Hassan Rouhani said on '
                          "Monday.")
    assert not [e for e in found if e.cameo == "111" and e.target is not None and e.target.country == "IRN"]


def test_a_quote_with_no_condemning_word_is_no_criticism(coder: Any) -> None:
    found = events(coder, '"President Donald Trump treats the law with great care," said California Attorney '
                          "General Xavier Becerra on Monday.")
    assert not [e for e in found if e.cameo == "111"], dyads(found)


def test_a_fine_is_the_courts_and_its_sum_is_no_one(coder: Any) -> None:
    found = dyads(events(coder, "A 27-year-old Omaha woman was fined $150 on Wednesday in a Nebraska county court."))
    assert ("116", "USAJUD", "USACRM") in found, found  # the woman is a suspect to the court, not a civilian
    money = events(coder, "Smith was sentenced to a year in prison and fined $5,000 in a Texas court.")
    assert not [e for e in money if e.target is not None and "$" in e.target.text], dyads(money)


def test_a_suspect_described_then_named_is_one_arrest(coder: Any) -> None:
    text = ("A 35-year-old Dayton man was arrested on Friday after a robbery at a gas station in Ohio. "
            "Police said Kevin Dorsey, 35, of Dayton, was arrested on Friday without incident.")
    arrests = [e for e in events(coder, text) if e.cameo == "173"]
    assert len(arrests) == 1, dyads(arrests)
    # two people arrested apart are two arrests
    two = ("Ohio police arrested three people on Friday for trespassing. "
           "Police also arrested one person on Friday for drunk driving.")
    assert len([e for e in events(coder, two) if e.cameo == "173"]) == 2
    # one activist and nine activists arrested the same day are two arrests, not one told twice
    activists = ("Georgian police arrested an activist of the opposition on Monday in Tbilisi. "
                 "The party said Georgian police arrested nine activists on Monday.")
    assert len([e for e in events(coder, activists) if e.cameo == "173"]) == 2, dyads(events(coder, activists))


def test_those_arrested_are_never_the_officers_who_arrest(coder: Any) -> None:
    text = ("Texas task force officers arrested 14 people in Cottonport on Friday. "
            "They were arrested on outstanding warrants for issuing worthless checks.")
    found = dyads(events(coder, text))
    assert ("173", "USACOP", "USACRM") in found, found
    assert not [d for d in found if d[0] == "173" and d[2] == "USACOP"], found


def test_a_headlines_passive_is_done_to_its_subject(coder: Any) -> None:
    stabbed = dyads(events(coder, "Woman stabbed while jogging near Atlanta, Georgia."))
    assert not [d for d in stabbed if d[1].endswith("CVL")], stabbed  # the woman stabbed no one
    arrested = dyads(events(coder, "Protesters arrested in Moscow."))
    assert ("173", "RUSCOP", "RUSOPP") in arrested, arrested
    # a story's own sentence keeps its subject as the one who acts
    assert [d for d in dyads(events(coder, "Texas gunmen stabbed two police officers on Monday."))
            if d[1] == "USACRM"]


def test_people_violence_is_done_to_are_civilians_of_the_country(coder: Any) -> None:
    assert [d for d in dyads(events(coder, "Texas police shot a man on Monday.")) if d[2] == "USACVL"]
    assert [d for d in dyads(events(coder, "Taliban fighters killed two people in Kabul on Monday."))
            if d[1] == "AFGREBTAL" and d[2] == "AFGCVL"]


def test_a_fine_told_of_a_woman_then_by_her_name_is_one_record(coder: Any) -> None:
    text = ("A 27-year-old Omaha woman was fined $150 on Wednesday in a Nebraska court. "
            "Janet Smalley was fined $150 and ordered to pay restitution on Wednesday in the Nebraska court.")
    assert len([e for e in events(coder, text) if e.cameo == "116"]) == 1


def test_a_suspect_charged_by_name_then_by_pronoun_is_one_charge(coder: Any) -> None:
    text = ("Georgia police raided a home in Albany on Monday. Darnell Wexley, according to authorities, was "
            "charged on Monday in three kidnappings in Georgia. He was charged on Monday with kidnapping and "
            "false imprisonment.")
    charges = [e for e in events(coder, text) if e.cameo == "1121"]
    assert len(charges) == 1, dyads(charges)


def test_many_parties_agreeing_is_one_agreement(coder: Any) -> None:
    text = ("The foreign ministers of Cambodia, Laos, Thailand and Vietnam agreed on Monday to closer cooperation "
            "against bird flu.")
    agreed = [e for e in events(coder, text) if e.cameo_root in ("03", "05", "06")]
    by_code = {e.cameo: [x for x in agreed if x.cameo == e.cameo] for e in agreed}
    assert agreed and all(len(same) == 1 for same in by_code.values()), dyads(agreed)  # not one per pair


def test_a_pronoun_no_coded_actor_stands_behind_is_the_suspect_or_victim(pipeline: Any) -> None:
    """"Police later arrested her", "He was arrested": the person the pronoun stands for is the target, though
    the knowledge base does not know them; an object pronoun never stands for its own verb's subject."""
    arrested = coded(pipeline, "DALLAS, Texas — A woman jumped into a fire truck. Police later arrested her.")
    assert ("173", "USACOP", "USACRM") in arrested, arrested
    passive = coded(pipeline, "DALLAS, Texas — A man robbed a store. He was arrested an hour later.")
    assert ("173", "USACOP", "USACRM") in passive, passive
    shot = coded(pipeline, "DALLAS, Texas — Two men fled in a car. Police shot them.")
    assert [c for c in shot if c[0][:2] == "18" and c[2] == "USACVL"], shot


def test_a_count_of_arrests_is_that_many_suspects(pipeline: Any) -> None:
    """"made 13 DUI arrests": the people arrested are the target; a count of attacks is no count of victims."""
    arrests = coded(pipeline, "DALLAS, Texas — Troopers also made 13 DUI arrests on Saturday.")
    assert ("173", "USACOP", "USACRM") in arrests, arrests
    attacks = coded(pipeline, "Gunmen carried out three attacks in Kabul on Monday.")
    assert not [c for c in attacks if c[2] and c[2].endswith("CVL")], attacks


def test_a_town_name_arrested_or_shot_is_a_person_of_that_name(pipeline: Any) -> None:
    """Towns are not arrested or shot: "Police arrested Moore" is a man, not Moore, Oklahoma; "fired at Gaza City"
    still aims at a place."""
    assert ("173", "USACOP", "USACRM") in coded(pipeline, "DALLAS, Texas — Police arrested Moore on Monday.")
    shot = coded(pipeline, "LAS VEGAS — Police Officer Michael Eggers shot Bell as the two struggled over a gun.")
    assert [c for c in shot if c[0][:2] == "18" and c[2] == "USACVL"], shot
    fired = coded(pipeline, "Israeli forces fired at Gaza City on Monday.")
    assert [c for c in fired if c[2] == "PSE"], fired


def test_whom_police_capture_or_take_things_from_is_the_suspect(pipeline: Any) -> None:
    """"A man ... has been captured by Middletown police", "confiscated drugs from Allaw's car": the one captured,
    and the owner of what is taken, are the suspects."""
    captured = coded(pipeline, "MIDDLETOWN, Ohio — A man charged with murder in a recent Indiana homicide has been "
                               "captured by Middletown police.")
    assert ("173", "USACOP", "USACRM") in captured, captured
    seized = coded(pipeline, "BEIRUT — Anti-drug police arrested a major drug dealer, Ibrahim Hassan Allaw, on "
                             "Monday. Police also confiscated drugs and weapons from Allaw's car.")
    assert ("1711", "LBNCOP", "LBNCRM") in seized, seized


def test_a_jury_is_the_court_and_a_defendant_found_guilty_the_suspect(pipeline: Any) -> None:
    """"A county jury convicted John Smith", "found the defendant guilty": the court's verdict on a suspect (a
    festival's jury is no court); a dateline
    with a state's abbreviation ("ROCHESTER, Minn. —") is where the story was filed, never who arrested someone."""
    convicted = coded(pipeline, "ROCHESTER, Minn. — An Olmsted County jury convicted John Smith of murder on Friday.")
    assert ("116", "USAJUD", "USACRM") in convicted, convicted
    festival = coded(every_event(pipeline), "CANNES, France — The festival jury praised the film on Friday.")
    assert not [c for c in festival if c[1] == "FRAJUD"], festival
    guilty = coded(pipeline, "ROCHESTER, Minn. — A judge found the defendant guilty on Friday.")
    assert ("116", "USAJUD", "USACRM") in guilty, guilty
    arrested = coded(pipeline, "ROCHESTER, Minn. — Police arrested a man on Friday.")
    assert arrested == [("173", "USACOP", "USACRM")], arrested


def test_a_call_for_an_inquiry_on_no_one_named_is_made_on_the_state_the_story_is_set_in(coder: Any) -> None:
    text = ("Police fired tear gas at protesters in Hong Kong on Tuesday. "
            "Amnesty International has called for an investigation into the shooting.")
    calls = [e for e in events(coder, text) if e.evidence.trigger == "called"]
    assert [(e.source.code, e.target.code if e.target else None) for e in calls] == [("NGOAMN", "HKGGOV")]
    own = "Police fired tear gas at protesters in Hong Kong. The Hong Kong government called for an investigation."
    assert all(e.target is None for e in events(coder, own) if e.evidence.trigger == "called")
