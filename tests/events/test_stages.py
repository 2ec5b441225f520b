"""Event coding on short news sentences written for the purpose (not taken from the examples). Sentences
that need only a CAMEO code, source and target are rows of tests/events/coder_cases.tsv; the actors, places
and quotes of such sentences are tested in tests/actors/, tests/places/ and tests/test_quotes.py."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.model import ExtractResult
from tests.conftest import every_event
from tests.conftest import run_text as run


@pytest.fixture(scope="module")
def pipeline(pipeline: Any) -> Any:
    """The coder's reading of each sentence: every event kept, whether or not it would be emitted."""
    return every_event(pipeline)


def codes(result: ExtractResult) -> dict[str, str]:
    return {a.text: a.code for a in result.actors}


def event(result: ExtractResult, cameo_root: str) -> Any:
    hits = [e for e in result.events if e.cameo_root == cameo_root]
    assert hits, [(e.cameo, e.source.code, e.target.code if e.target else None) for e in result.events]
    return hits[0]


def test_passive_voice_codes_the_agent_as_source(pipeline: Any) -> None:
    result = run(pipeline, "Five Nigerian soldiers were killed by Boko Haram fighters in Borno state on Monday.")
    e = event(result, "19") if any(x.cameo_root == "19" for x in result.events) else event(result, "18")
    assert "Boko Haram" in e.source.name
    assert e.target is not None and e.target.code == "NGAMIL"
    assert e.date == "2023-05-08"
    assert e.place is not None and e.place.country == "NGA"


def test_negation_and_hypothetical_flags(pipeline: Any) -> None:
    negated = run(pipeline, "Israel did not attack Iran on Sunday, officials said.")
    assert event(negated, "19").negated is True
    purpose = run(pipeline, "Ethnic Albanians are demanding a UN military presence to protect them.")
    assert all(e.hypothetical for e in purpose.events if e.evidence.trigger == "protect")
    threat = run(pipeline, "Iran could attack Israel if the strikes continue, the Iranian foreign minister said.")
    assert event(threat, "19").hypothetical is True


def test_promised_cooperation_is_an_intent_and_the_act_stays_hypothetical(pipeline: Any) -> None:
    result = run(pipeline, "Russia agreed on Tuesday to lift its ban on Turkey.")
    intent = next(e for e in result.events if e.evidence.trigger == "agreed")
    assert intent.cameo.startswith("035") and intent.source.code == "RUSGOV" and not intent.hypothetical
    assert intent.target is not None and intent.target.country == "TUR"
    lifted = next(e for e in result.events if e.evidence.trigger == "lift")
    assert lifted.cameo_root == "08" and lifted.hypothetical
    announced = run(pipeline, "Colombia's rebels said on Monday they would release three hostages.")
    assert any(e.cameo == "0353" and e.source.code == "COLREB" and not e.hypothetical for e in announced.events)
    exercises = run(pipeline, "Jordan and Britain have agreed to undertake joint military exercises this month.")
    assert any(e.cameo == "0312" and not e.hypothetical for e in exercises.events)
    ready = run(pipeline, "France is ready to contribute up to 4,000 troops to an international force in Liberia.")
    assert any(e.cameo_root == "03" and e.source.code == "FRAGOV" for e in ready.events)
    willing = run(pipeline, "Pakistan is willing to withdraw its troops from the disputed territory.")
    assert any(e.cameo == "0356" and e.source.code == "PAKGOV" and not e.hypothetical for e in willing.events)


def test_refused_cooperation_is_a_rejection_not_a_negated_act(pipeline: Any) -> None:
    result = run(pipeline, "The British government will not lift the ban on the group, the minister said.")
    refusal = next(e for e in result.events if e.evidence.trigger == "lift")
    assert refusal.cameo == "1241" and refusal.cameo_root == "12"
    assert not refusal.negated and not refusal.hypothetical
    declined = run(pipeline, "Syria refused to release the detained journalists.")
    assert any(e.cameo == "1243" for e in declined.events)
    past = run(pipeline, "Israel did not attack Iran on Sunday.")
    assert all(e.cameo_root == "19" and e.negated for e in past.events if e.evidence.trigger == "attack")


def test_named_actor_the_kb_cannot_code_is_still_a_source(pipeline: Any) -> None:
    result = run(pipeline, "The Global Campaign for Equal Nationality Rights called for reform of nationality laws.")
    appeal = event(result, "02")
    assert appeal.source.code == "" and "Global Campaign" in appeal.source.name
    coded = run(pipeline, "The French government called for reform of nationality laws.")
    assert event(coded, "02").confidence > appeal.confidence


def test_an_organisation_named_by_its_country_acts_for_it(pipeline: Any) -> None:
    result = run(pipeline, "The U.S. Department of Justice has shared evidence with Mexico under a treaty.")
    shared = event(result, "06")
    assert shared.source.country == "USA" and shared.target is not None and shared.target.country == "MEX"


def test_violence_with_no_named_perpetrator_has_an_unidentified_source(pipeline: Any) -> None:
    result = run(pipeline, "Three US servicemen were killed by a roadside bomb outside Basra on Sunday.")
    attack = event(result, "19") if any(x.cameo_root == "19" for x in result.events) else event(result, "18")
    assert attack.source.code == "" and attack.source.kind == "unidentified"
    assert attack.source.text.startswith("a roadside bomb")
    assert attack.target is not None and attack.target.code == "USAMIL"


def test_an_attack_or_weapon_as_subject_gives_an_unidentified_source(pipeline: Any) -> None:
    result = run(pipeline, "A car bomb killed four Afghan soldiers in Kandahar on Monday.")
    attack = next(e for e in result.events if e.cameo_root in ("18", "19"))
    assert attack.source.kind == "unidentified" and attack.source.text == "A car bomb"
    assert attack.target is not None and attack.target.code == "AFGMIL"


def test_an_accusation_or_arrest_with_no_named_agent_keeps_its_target(pipeline: Any) -> None:
    result = run(pipeline, "Sudanese President Omar al-Bashir has been accused of war crimes in Darfur.")
    accusation = event(result, "11")
    assert accusation.source.kind == "unidentified" and accusation.target is not None
    assert accusation.target.country == "SDN"


def test_condemning_the_attack_targets_whoever_carried_it_out(pipeline: Any) -> None:
    result = run(pipeline, "Boko Haram fighters attacked a military base in Borno state on Tuesday. "
                           "Nigerian Air Force jets bombed their camps the next day.\n\n"
                           "The Borno state governor condemned the attack on Wednesday.")
    condemnation = event(result, "11")
    assert condemnation.target is not None and "Boko Haram" in condemnation.target.name


@pytest.mark.parametrize(("text", "target_country"), [
    ("U.S. senators launched an investigation into the contracts on Monday. "
     "The White House attacked the investigation on Tuesday.", "USA"),
    ("Britain imposed sanctions on Iran's central bank on Monday. "
     "Iran's foreign ministry condemned the sanctions on Tuesday.", "GBR"),
])
def test_criticising_an_earlier_act_targets_whoever_did_it(pipeline: Any, text: str, target_country: str) -> None:
    criticism = event(run(pipeline, text), "11")
    assert criticism.target is not None and criticism.target.country == target_country


def test_rejecting_accusations_targets_the_accuser(pipeline: Any) -> None:
    result = run(pipeline, "Mexico's health minister accused the WHO of hiding the outbreak on Monday. "
                           "The WHO rejected the accusations on Tuesday.")
    rejection = next(e for e in result.events if e.evidence.trigger == "rejected")
    assert rejection.target is not None and rejection.target.code == "MEXGOV"


def test_an_accusation_by_someone_uncoded_lends_no_other_actor_as_target(pipeline: Any) -> None:
    result = run(pipeline, "Miguel Lezana accused the WHO of hiding the outbreak on Monday. "
                           "The UN criticised Mexico on Monday. The WHO rejected the accusations on Tuesday.")
    rejection = next(e for e in result.events if e.evidence.trigger == "rejected")
    assert rejection.target is None


@pytest.mark.parametrize("text", [
    "Swedish prosecutors decided to reopen the investigation into the allegation on Tuesday.",
    "Turkish prosecutors expanded the investigation into the newspaper on Tuesday.",
    "Colombian troops relaunched the offensive against the rebels on Tuesday.",
])
def test_a_verb_that_restarts_or_widens_an_act_lends_it_its_subject(pipeline: Any, text: str) -> None:
    sources = {e.source.code for e in run(pipeline, text).events}
    assert sources & {"SWEJUD", "TURJUD", "COLMIL"}


def test_a_participle_describing_a_noun_is_not_an_act(pipeline: Any) -> None:
    result = run(pipeline, "Burundian militiamen armed with machetes attacked a camp for Congolese refugees.")
    assert [e.cameo_root for e in result.events if e.evidence.trigger == "armed"] == []
    assert event(result, "19").source.code == "BDIREB"


def test_peoples_named_in_the_plural_are_their_country_s_civilians(pipeline: Any) -> None:
    result = run(pipeline, "Young Algerians blocked roads leading to the city centre on Sunday.")
    assert codes(result)["Young Algerians"] == "DZACVL"
    assert event(result, "14").source.code == "DZACVL"


def test_a_meeting_of_co_subjects_is_one_record_from_the_first_named(pipeline: Any) -> None:
    result = run(pipeline, "Chinese President Xi Jinping and U.S. President Joe Biden met in Bali on Monday.")
    pairs = [(e.source.country, e.target.country) for e in result.events if e.target and e.cameo_root == "04"]
    assert pairs == [("CHN", "USA")]


@pytest.mark.parametrize("field", ["cameo", "plover", "quad_class", "goldstein", "confidence"])
def test_events_carry_code_table_fields(pipeline: Any, field: str) -> None:
    result = run(pipeline, "Russian forces withdrew from Kherson on Friday.")
    e = event(result, "08")
    assert getattr(e, field) is not None
    assert e.cameo.startswith("087") and e.quad_class == 2 and e.plover == "RETREAT"


def test_no_event_is_coded_from_quoted_speech(pipeline: Any) -> None:
    result = run(pipeline, "“We will attack them tomorrow,” the commander said.")
    assert all(not (e.evidence.start <= 3 and e.cameo_root == "19") for e in result.events)
    assert not any(e.evidence.trigger == "attack" for e in result.events)


def test_a_quote_addressed_to_another_actor_is_a_statement_event(pipeline: Any) -> None:
    told = run(pipeline, "“We will not allow any threat to our borders,” Russian President Vladimir Putin told "
                         "Turkish President Recep Tayyip Erdogan on Monday.", "2023-01-10")
    assert [(e.cameo, e.source.code, e.target.code if e.target else None) for e in told.events] == [
        ("010", "RUSGOV", "TURGOV")]
    to_press = run(pipeline, "“The talks were useful,” the Turkish foreign minister told reporters in Ankara.",
                   "2023-01-10")
    assert not [e for e in to_press.events if e.cameo == "010"]


def test_own_country_is_the_target_only_when_no_partner_is_named(pipeline: Any) -> None:
    alone = run(pipeline, "General Qamar Bajwa urged Pakistan to adopt a new security policy.", "2019-06-01")
    assert [e.target.code for e in alone.events if e.cameo == "020" and e.target] == ["PAKGOV"]
    partner = run(pipeline, "Russian President Vladimir Putin signed an agreement between Russia and Egypt.",
                  "2017-12-11")
    assert {e.target.code for e in partner.events if e.cameo_root == "05" and e.target} == {"EGYGOV"}


def test_every_lexicon_row_codes_a_known_cameo_code_or_blocks_one() -> None:
    from eventwire.events.codes import load_code_table
    from eventwire.events.lexicon import NOT_AN_EVENT, load_lexicon

    table = load_code_table()
    lexicon = load_lexicon()
    rows = [e for entries in (*lexicon.verbs.values(), *lexicon.nouns.values()) for e in entries]
    assert len(rows) > 900
    assert [e for e in rows if e.code != NOT_AN_EVENT and e.code not in table.codes] == []


def test_blocking_rows_stop_a_general_verb_but_not_its_other_uses(pipeline: Any) -> None:
    figure = run(pipeline, "Germany sent doctors to fight the Ebola epidemic in Guinea.", "2014-10-01")
    assert not any(e.cameo_root == "19" for e in figure.events)
    combat = run(pipeline, "Kurdish forces fought Islamic State militants near Kobani.", "2014-10-01")
    assert any(e.cameo_root == "19" for e in combat.events)


def test_troops_sent_to_keep_the_peace_are_peacekeeping_not_a_visit(pipeline: Any) -> None:
    keep = run(pipeline, "Hundreds of British troops have arrived in Mali to join the UN peacekeeping mission.")
    assert any(e.cameo == "074" and e.source.code == "GBRMIL" and e.target and e.target.code == "MLI"
               and e.plover == "AID" for e in keep.events)
    assert not any(e.cameo == "042" for e in keep.events)
    plain = run(pipeline, "Russian troops arrived in Syria on Monday.")
    assert not any(e.cameo == "074" for e in plain.events)


@pytest.mark.parametrize(("text", "cameo"), [
    ("Jamaica's prime minister announced that the government will extend the nightly curfew.", "1323"),
    ("Radical French farmers said on Friday they would blockade Paris from Monday night.", "1381"),
    ("Palestinian leaders said they would boycott all official contact with the United States.", "133"),
    ("North Korea has threatened to shell the South Korean border posts.", "1384"),
    ("The Libyan defence minister threatened to withdraw from the ceasefire agreement.", "130"),
    ("Nigeria announced that it will withdraw its peacekeeping force from Chad unless the president "
     "arranges a ceasefire.", "139"),
])
def test_announced_or_vowed_conflict_is_a_threat(pipeline: Any, text: str, cameo: str) -> None:
    result = run(pipeline, text)
    threats = [e for e in result.events if e.cameo_root == "13"]
    assert [e.cameo for e in threats] == [cameo]
    assert threats[0].plover == "THREATEN" and not threats[0].hypothetical


def test_promised_conflict_under_agree_or_offer_is_no_threat(pipeline: Any) -> None:
    for text in ("Somali opposition leaders have agreed to postpone a protest over election delays.",
                 "Australia has offered to send troops to help the Philippine army."):
        assert not any(e.cameo_root == "13" for e in run(pipeline, text).events)


def test_peoples_named_with_a_nationality_or_a_place_are_that_country_s_civilians(pipeline: Any) -> None:
    result = run(pipeline, "Thousands of Iraqi Kurds demonstrated in Kirkuk calling for independence.")
    assert any(e.cameo == "141" and e.source.code == "IRQCVL" for e in result.events)
    rohingya = run(pipeline, "Rohingya fled across the border from Rakhine state in Myanmar.")
    assert "MMRCVL" in {a.code for a in rohingya.actors}


def test_trades_criminals_and_uncoded_recipients_are_targets(pipeline: Any) -> None:
    truckers = run(pipeline, "France's government ended mediation efforts with the truckers on Thursday.")
    assert any(e.cameo == "165" and e.target and e.target.code == "FRALAB" for e in truckers.events)
    suspects = run(pipeline, "Police in Lagos detained several suspects after the attack.")
    assert any(e.cameo_root == "17" and e.target and e.target.code == "NGACRM" for e in suspects.events)
    asylum = run(pipeline, "Ecuador has granted political asylum to Julian Assange.")
    assert any(e.source.code == "ECUGOV" and e.target and e.target.name == "Julian Assange" for e in asylum.events)


def test_a_participle_s_noun_underwent_the_act_it_did_not_do_it(pipeline: Any) -> None:
    result = run(pipeline, "Boko Haram has released two Nigerian women taken during the ambush.", "2020-06-01")
    assert not any(e.cameo_root == "19" and e.source.code == "NGACVL" for e in result.events)


def test_calling_a_person_is_a_phone_call_and_calling_on_one_an_appeal(pipeline: Any) -> None:
    phoned = run(pipeline, "NATO Secretary General Jens Stoltenberg called Erdogan on Monday to apologize.",
                 "2017-11-20")
    assert any(e.cameo == "041" and e.target and e.target.code == "TURGOV" for e in phoned.events)
    appeal = run(pipeline, "Iran called on Russia to stop the strikes.", "2017-11-20")
    assert any(e.cameo == "020" for e in appeal.events) and not any(e.cameo == "041" for e in appeal.events)


def test_titles_deep_in_a_name_say_what_is_released(pipeline: Any) -> None:
    result = run(pipeline, "Farc has said it will release the Colombian Sergeant Pablo Emilio Moncayo.", "2009-06-01")
    assert any(e.cameo == "0353" and e.source.code.startswith("COLREB") for e in result.events)



def test_an_event_whose_place_the_text_does_not_give_has_none(pipeline: Any) -> None:
    # Germany is named, but only in the body's name: where the praise was given the text does not say.
    text = "The airline was banned on Monday. The Federal Aviation Office of Germany praised the decision."
    praise = [e for e in run(pipeline, text, "2019-01-23").events if e.cameo_root == "05"]
    assert praise and all(e.place is None for e in praise), [(e.cameo, e.place) for e in praise]


def test_a_place_named_for_the_act_is_its_place(pipeline: Any) -> None:
    result = run(pipeline, "The Federal Aviation Office of Germany praised the decision in Berlin on Monday.",
                 "2019-01-23")
    assert any(e.place is not None and e.place.name == "Berlin" for e in result.events), result.events
