"""The relevance stage: what eventwire emits by default, what --all-events keeps, and the coder's rules for
unnamed attackers and co-subjects that it relies on."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from eventwire.events.relevance import FEATURES, RelevanceModel, load_relevance_model
from eventwire.model import Event, ExtractResult
from eventwire.pipeline import Pipeline
from tests.conftest import every_event
from tests.conftest import run_text as run


def unnamed_attacks(result: ExtractResult) -> list[Event]:
    """Violence (CAMEO 18-20) coded with an unidentified source."""
    return [e for e in result.events if e.source.kind == "unidentified" and e.cameo_root in ("18", "19", "20")]


def with_settings(pipeline: Any, **changes: Any) -> Pipeline:
    settings = dataclasses.replace(pipeline.resources.settings, **changes)
    return Pipeline(dataclasses.replace(pipeline.resources, settings=settings), pipeline.stages)


def kept_only_with_all_events(pipeline: Any, text: str, wanted: Callable[[Event], bool],
                              published: str | None = None) -> None:
    """No event `wanted` picks is emitted by default, and the coder's reading (--all-events) has one."""
    day = (published,) if published else ()
    assert not [e for e in run(pipeline, text, *day).events if wanted(e)]
    assert [e for e in run(every_event(pipeline), text, *day).events if wanted(e)]


def test_the_packaged_model_scores_every_feature_and_has_a_threshold() -> None:
    model = load_relevance_model()
    assert set(model.weights) == set(FEATURES)
    assert 0.0 < model.threshold < 1.0


def test_confidence_is_a_probability_that_rises_with_the_evidence() -> None:
    model = RelevanceModel({"source_coded": 2.0}, -1.0, 0.5)
    assert model.probability({"source_coded": 0.0}) < 0.5 < model.probability({"source_coded": 1.0})


def test_hypothetical_and_negated_events_are_kept_only_with_all_events(pipeline: Any) -> None:
    text = "Israel did not attack Iran on Sunday. Iran could attack Israel if the strikes continue, officials said."
    default = run(pipeline, text)
    assert not any(e.negated or e.hypothetical for e in default.events)
    everything = run(with_settings(pipeline, all_events=True), text)
    flagged = [e for e in everything.events if e.negated or e.hypothetical]
    assert flagged and all(e.political is False for e in flagged)


def test_a_political_act_is_emitted_with_a_calibrated_confidence(pipeline: Any) -> None:
    result = run(pipeline, "Russian troops shelled Ukrainian army positions near Bakhmut on Monday.")
    shelling = [e for e in result.events if e.cameo_root == "19"]
    assert shelling and all(e.political for e in shelling)
    assert all(0.0 < e.confidence < 1.0 for e in result.events)


def test_min_confidence_leaves_out_less_confident_events(pipeline: Any) -> None:
    text = ("Russian troops shelled Ukrainian army positions near Bakhmut on Monday. "
            "Residents said officers claimed to be seeking a bomb.")
    everything = run(with_settings(pipeline, all_events=True), text)
    cut = sorted(e.confidence for e in everything.events)[len(everything.events) // 2]
    fewer = run(with_settings(pipeline, all_events=True, min_confidence=cut), text)
    assert all(e.confidence >= cut for e in fewer.events)
    assert len(fewer.events) < len(everything.events)


@pytest.mark.parametrize("text", [
    "A road accident on a highway near Gainesville on Thursday killed five children and two truck drivers.",
    "Prime Minister Hubert Minnis said that twenty people have been confirmed killed by the hurricane.",
    "Beijing police detained 18 people following a fire that killed 19 people on Saturday night.",
])
def test_accidents_and_disasters_have_no_unnamed_attacker(pipeline: Any, text: str) -> None:
    assert not unnamed_attacks(run(every_event(pipeline), text))


@pytest.mark.parametrize("text", [
    "Three US servicemen were killed by an improvised explosive device outside the Iraqi city of Basra.",
    "A car bomb killed nine Somali soldiers in Mogadishu on Sunday.",
    "Two Afghan policemen were killed by a roadside bomb in Kandahar on Friday.",
])
def test_attacks_whose_agent_is_not_named_get_an_unidentified_source(pipeline: Any, text: str) -> None:
    assert unnamed_attacks(run(every_event(pipeline), text))


@pytest.mark.parametrize("text", [
    "A car bomb killed a Yemeni journalist in Mokha.",
    "A Syrian photographer was wounded in a shootout in Idlib.",
    "Two Kenyan teachers were shot near the border.",
    "A bombing was reported to have killed a Yemeni photojournalist in Mokha.",
    # an attack named by its noun, with its victim and no author
    "The shooting of two Nigerian soldiers near Maiduguri on Saturday angered the army.",
    "Clashes with police in Chhattisgarh left a villager dead on Monday.",
    "Detectives arrested a teenager on Sunday over the fatal shooting of a woman in Leeds.",
])
def test_an_attack_on_a_coded_side_is_emitted_though_no_one_is_named_as_its_author(pipeline: Any, text: str) -> None:
    # a one-sentence article names no state actor, which the relevance model weighs against an event
    attacks = unnamed_attacks(run(pipeline, text))
    assert attacks and all(e.political and e.target is not None and e.target.code for e in attacks)


def test_the_shooting_of_a_person_no_code_names_is_a_killing_of_a_civilian_of_the_place(pipeline: Any) -> None:
    text = "Detectives arrested a teenager on Sunday over the fatal shooting of a woman in Leeds."
    assert [(e.cameo, e.target.code) for e in unnamed_attacks(run(pipeline, text)) if e.target] == [("1823", "GBRCVL")]


def test_an_attack_told_as_the_background_of_the_news_is_left_to_the_model(pipeline: Any) -> None:
    text = ("A Saudi journalist was murdered last October in Istanbul. A Turkish policeman was shot dead in Ankara "
            "on Monday.")
    attacks = unnamed_attacks(run(pipeline, text, "2019-03-05"))
    assert [e.target.code for e in attacks if e.target] == ["TURCOP"]


def test_clashes_with_police_at_a_protest_are_a_riot(pipeline: Any) -> None:
    text = "Clashes with police in Chhattisgarh left a villager dead on Monday, as villagers staged protests."
    riots = [e for e in run(pipeline, text).events if e.source.kind == "unidentified"]
    assert [(e.cameo, e.target.code if e.target else None) for e in riots] == [("145", "INDCOP")]


def test_supporters_fighting_battles_with_police_riot_once(pipeline: Any) -> None:
    text = "In Lahore on Sunday, the opposition leader's supporters fought running battles with police."
    fights = [(e.cameo, e.source.code, e.target.code if e.target else None)
              for e in run(every_event(pipeline), text).events if e.cameo_root in ("14", "18", "19")]
    assert fights == [("145", "PAKCVL", "PAKCOP")]


def test_fighting_between_two_sides_is_no_attack_by_someone_unknown_on_both(pipeline: Any) -> None:
    text = "Three days of fighting between police and insurgents in Dagestan left 12 militants dead."
    assert not unnamed_attacks(run(every_event(pipeline), text))


def test_a_killing_in_a_plane_crash_is_no_attack_though_the_plane_was_a_bomber(pipeline: Any) -> None:
    text = "Seven Americans were killed yesterday when a World War II-era bomber crashed at an airport in Connecticut."
    assert not unnamed_attacks(run(pipeline, text))


def test_co_subjects_of_a_one_sided_act_are_not_each_others_targets(pipeline: Any) -> None:
    result = run(every_event(pipeline), "Freedonia, Sylvania and Ruritania condemned the coup in Grand Fenwick.")
    pledge = run(every_event(pipeline), "China, Iran and Russia have pledged funds for reconstruction.")
    for coded in (result, pledge):
        sources = {e.source.code for e in coded.events}
        assert not [e for e in coded.events if e.target is not None and e.target.code in sources]


def test_co_subjects_of_a_mutual_act_are_one_record_from_the_first_named(pipeline: Any) -> None:
    result = run(every_event(pipeline), "Russia and Egypt signed an agreement on the use of airspace on Tuesday.")
    dyads = [(e.source.code[:3], e.target.code[:3]) for e in result.events if e.target is not None
             and e.cameo == "057"]
    assert dyads == [("RUS", "EGY")]


@pytest.mark.parametrize(("text", "root"), [
    # cooperation CAMEO defines as done to someone, with no one it is done to: another sense of the verb
    ("Polish President Andrzej Duda has supported LGBT rights for years.", "05"),
    ("Hundreds of residents donated blood in Gdansk on Monday.", "07"),
    # private people's and companies' intents aimed at no one, in a political story: their own business
    ("President Uhuru Kenyatta met opposition leader Raila Odinga in Nairobi on Monday. Kenyan police arrested 20 "
     "protesters on Monday. Kenyan doctors pledged on Monday to treat the wounded for free.", "03"),
    # a relative clause in the present tense says who someone is
    ("Protesters asked Carrie Lam, who is supported by the Chinese government, to resign.", "05"),
    # ... and so does an undated past passive of a thing
    ("The proclamation contradicted the UN position on the Golan Heights, which belonged to Syria and were "
     "occupied by Israel.", "19"),
    # background: an adverb or a year long before the article
    ("Senator Mitch McConnell previously committed to holding a trial.", "03"),
    ("In 2015, Saudi Arabia started supporting the government of Yemen against the Houthis.", "05"),
])
def test_states_background_and_undirected_cooperation_are_kept_only_with_all_events(
        pipeline: Any, text: str, root: str) -> None:
    everything = [e for e in run(with_settings(pipeline, all_events=True), text, "2019-11-01").events
                  if e.cameo_root == root]
    assert everything, "the coder reads the act"
    assert all(e.political is False for e in everything)
    assert not any(e.cameo_root == root for e in run(pipeline, text, "2019-11-01").events)


@pytest.mark.parametrize("text", [
    "Vladimir Putin, who visited Damascus on Monday, met Bashar al-Assad.",
    "King Salman praised Donald Trump on Monday.",
    "In 2019, King Salman praised Donald Trump.",
])
def test_news_of_the_day_and_of_the_year_are_emitted(pipeline: Any, text: str) -> None:
    result = run(pipeline, text, "2019-11-01")
    assert any(e.cameo_root in ("04", "05") and e.political for e in result.events), result.events


def test_a_past_passive_where_the_story_happens_is_news(pipeline: Any) -> None:
    text = "Police took Gomez to the county jail in Texas, where he was charged with assault."
    assert [e for e in run(pipeline, text, "2019-11-01").events if e.cameo == "1121" and e.political]


def test_a_year_in_a_named_war_makes_an_undated_act_history(pipeline: Any) -> None:
    from eventwire.events.relevance import never_emitted

    text = ("Israel seized control of the territories, seen as parts of a future Palestinian state, in the 1967 "
            "Six-Day War.")
    doc = pipeline.resources.nlp(text)
    seized = [e for e in run(every_event(pipeline), text, "2019-11-20").events if e.cameo_root == "19"]
    assert seized, "the coder reads the act"
    assert all(never_emitted(e, "2019-11-20", doc[e.evidence.token]) for e in seized)


@pytest.mark.parametrize("text", [
    "The Philippines filed a diplomatic protest against China over the presence of 200 vessels.",
    "Iran banned pilgrimages to Saudi Arabia on Monday.",
])
def test_a_country_named_as_the_one_acting_is_its_state(pipeline: Any, text: str) -> None:
    result = run(pipeline, text)
    assert [e for e in result.events if e.source.kind == "country"], result.events


def test_a_city_standing_for_its_country_is_no_state(pipeline: Any) -> None:
    result = run(pipeline, "A meeting in Alexandria will discuss the 2010 census.")
    assert not result.events, result.events


def test_an_act_done_to_no_one_is_negated(pipeline: Any) -> None:
    coder = every_event(pipeline)
    nobody = [e for e in run(coder, "Police in Lagos arrested nobody after the riot on Monday.").events
              if e.cameo_root == "17"]
    assert nobody and all(e.negated for e in nobody), nobody
    some = [e for e in run(coder, "Police in Lagos arrested two men on Monday, but none of the suspects were "
                                  "charged.").events if e.evidence.trigger == "arrested"]
    assert some and not any(e.negated for e in some), some  # "none" of another clause does not undo the arrest


def test_a_charge_told_in_the_present_passive_is_news(pipeline: Any) -> None:
    # A present passive usually states a standing condition ("is backed by Iran"); the state's legal act on
    # someone is told that way in the news of the day.
    text = "Marek Kowalczyk, 41, and Jan Nowak, 38, are charged with murder in the death of a Dayton man, police said."
    assert [e for e in run(pipeline, text, "2019-11-01").events if e.cameo == "1121" and e.political]


def test_a_charge_told_in_a_relative_clause_in_the_present_is_news(pipeline: Any) -> None:
    # "Lam, who is supported by Beijing" states who someone is; "who also is charged with murder" reports a charge.
    text = "Deputies searched for Jan Nowak, 28, of Dayton, who also is charged with murder, police said."
    assert [e for e in run(pipeline, text, "2019-11-01").events if e.cameo == "1121" and e.political]


def test_a_statement_with_nothing_codable_in_it_is_kept_only_with_all_events(pipeline: Any) -> None:
    text = "The World Health Organization issued a statement on Thursday about the outbreak in Guinea."
    assert not [e.cameo for e in run(pipeline, text).events if e.cameo_root == "01"]
    assert [e.cameo for e in run(every_event(pipeline), text).events if e.cameo == "010"]
    # a statement that does something (a denial, condolences) is still emitted
    denial = run(pipeline, "Russia's foreign ministry denied on Monday that its troops had entered Ukraine.")
    assert [e.cameo for e in denial.events if e.cameo == "016"]


def test_an_emergency_over_an_epidemic_or_a_storm_is_kept_only_with_all_events(pipeline: Any) -> None:
    epidemic = "The governor of Texas declared a state of emergency on Monday in response to the flu outbreak."
    kept_only_with_all_events(pipeline, epidemic, lambda e: e.cameo == "1724")
    border = "President Donald Trump declared a national emergency at the southern border on Friday."
    assert [e for e in run(pipeline, border).events if e.cameo == "1724"]


def test_a_gloomy_word_about_an_epidemic_or_the_weather_is_kept_only_with_all_events(pipeline: Any) -> None:
    disease = "The United Nations warned on Monday that the cholera outbreak in Haiti could not be contained."
    kept_only_with_all_events(pipeline, disease, lambda e: e.cameo == "012")
    # a warning about politics is still the news
    politics = "A Lebanese lawmaker warned on Monday that much remained to be done to improve ties with Syria."
    assert [e for e in run(pipeline, politics).events if e.cameo == "012"]


def test_a_measure_in_force_is_not_the_news(pipeline: Any) -> None:
    """A blockade someone has, a ban someone breached, are standing measures; imposing one is an act."""
    text = ("Israel has a blockade on Gaza, officials in Cairo said on Monday. "
            "Cyprus said the ship breached a UN ban on Iranian arms exports.")
    everything = run(with_settings(pipeline, all_events=True), text)
    measures = [e for e in everything.events if e.cameo[:2] in ("17", "19")]
    assert measures and not any(e.political for e in measures)
    imposed = run(with_settings(pipeline, all_events=True), "Israel imposed a blockade on Gaza on Monday.")
    assert [(e.cameo, e.political) for e in imposed.events] == [("191", True)]


def test_what_a_habitual_saying_says_is_a_standing_position(pipeline: Any) -> None:
    """"has repeatedly said he opposes X" is a position held, not an act of the news; said once, it is one."""
    habit = run(pipeline, "Obama has repeatedly said he opposes the Russian plan for Syria.")
    assert not [e for e in habit.events if e.cameo_root == "11"]
    once = run(pipeline, "Obama said on Monday he opposes the Russian plan for Syria.")
    assert [e.cameo_root for e in once.events] == ["11"]


def test_a_question_a_described_measure_and_a_case_allegation_are_not_the_news(pipeline: Any) -> None:
    """A question asks about acts, a copula describes one, and prosecutors telling what a suspect did source the
    case: none is kept by default. The same acts told as news are."""
    everything = with_settings(pipeline, all_events=True)
    for text in ("Why did the United States impose tariffs on China this year?",
                 "The US tariffs on China remain a source of uncertainty for farmers in Iowa.",
                 "Federal prosecutors in New York alleged that the two guards falsified records."):
        coded = run(everything, text).events
        assert coded and not any(e.political for e in coded), (text, [(e.cameo, e.political) for e in coded])
    news = run(pipeline, "The United States imposed tariffs on China on Monday. "
                         "Russia alleged that Ukraine shelled Donetsk on Monday.")
    assert {e.cameo_root for e in news.events} >= {"16", "11"}, [e.cameo for e in news.events]


def test_an_act_that_is_not_the_first_time_is_history(pipeline: Any) -> None:
    """"It is not the first time X has been arrested" tells that arrests happened before; "the first time"
    tells the news."""
    before = run(with_settings(pipeline, all_events=True), "DALLAS, Texas — It is not the first time police "
                                                           "have arrested the man.")
    arrests = [e for e in before.events if e.cameo == "173"]
    assert arrests and not any(e.political for e in arrests)
    first = run(pipeline, "DALLAS, Texas — It was the first time police had arrested the man.")
    assert [e.cameo for e in first.events] == ["173"]


def test_an_act_of_someone_named_by_the_office_they_held_then_is_history(pipeline: Any) -> None:
    """"by then-President Ronald Reagan": the story looks back on that office's time."""
    for text in ("ATLANTA — Paulk was invited to the White House by then-President Ronald Reagan.",
                 "Then-Secretary of State Clinton met Netanyahu in Jerusalem."):
        everything = run(with_settings(pipeline, all_events=True), text)
        assert everything.events and not any(e.political for e in everything.events), (text, everything.events)
    assert run(pipeline, "Secretary of State Clinton met Netanyahu in Jerusalem on Monday.").events


def test_a_year_under_the_acts_object_makes_an_undated_act_history(pipeline: Any) -> None:
    text = ("Virginia's governor vetoed a bill on Monday. His predecessor, Mark R. Warner, vetoed legislation to "
            "allow such a license plate in 2003.")
    vetoes = [e for e in run(pipeline, text, "2009-03-30").events if e.cameo_root == "12"]
    assert [e.evidence.sentence[:8] for e in vetoes] == ["Virginia"]


def test_a_companys_crackdown_aimed_at_no_one_is_its_own_business(pipeline: Any) -> None:
    text = ("Russian energy companies across the country are cracking down as the number of delinquent customers "
            "grows, officials in Moscow said.")
    kept_only_with_all_events(pipeline, text, lambda e: e.cameo_root == "17")


def test_a_task_someone_is_described_as_charged_with_is_not_done(pipeline: Any) -> None:
    text = ("US Attorney General William Barr said the country would not put up with another special prosecutor "
            "entrusted to investigate the president.")
    kept_only_with_all_events(pipeline, text, lambda e: e.cameo_root == "09", "2019-11-20")


@pytest.mark.parametrize("text", [
    "NAIROBI, Kenya (AP) — The army has fought the insurgency for more than a decade.",
    "SANAA, Yemen (AP) — Saudi Arabia has been bombing Yemen for four years.",
    "MOSCOW (AP) — Russia has detained the journalist since 2017.",
    "KABUL (AP) — Rebels have attacked army posts several times this year.",
    "ANKARA (AP) — Turkey considers the YPG a terrorist group and has launched several offensives against it.",
    "TEHRAN (AP) — Police in the city routinely arrest journalists.",
    "TEHRAN (AP) — Security forces often use tear gas to disperse protesters.",
])
def test_acts_lasting_years_summed_up_or_habitual_are_no_news(pipeline: Pipeline, text: str) -> None:
    assert not run(pipeline, text).events, [(e.cameo, e.evidence.trigger) for e in run(pipeline, text).events]


def test_acts_since_a_day_of_this_week_are_news(pipeline: Pipeline) -> None:
    events = run(pipeline, "MOSCOW (AP) — Police have detained dozens of protesters since Sunday.").events
    assert [e for e in events if e.cameo == "173"], events


def test_armed_men_no_one_identifies_attacking_people_are_emitted(pipeline: Any) -> None:
    """"Armed men" are attackers the text does not identify, as "gunmen" are; the toll of their attack is
    emitted whatever the model says of the article."""
    text = "Armed men attacked a bus carrying Coptic Christians in Egypt on Monday, killing seven."
    emitted = [(e.cameo_root, e.source.code, e.target.code if e.target else None)
               for e in run(pipeline, text).events]
    assert ("18", "EGYCRM", "EGYCVL") in emitted, emitted
