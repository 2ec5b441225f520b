"""Actor coding in the pipeline on short news sentences written for the purpose: nationality adjectives,
capitals, roles held on the date, pronouns and descriptions, one-word aliases."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.model import ExtractResult
from tests.conftest import every_event
from tests.conftest import run_text as run


@pytest.fixture(scope="module")
def pipeline(pipeline: Any) -> Any:
    """The pipeline the event tests use (no relevance stage, which only decides which events are emitted)."""
    return every_event(pipeline)


def codes(result: ExtractResult) -> dict[str, str]:
    return {a.text: a.code for a in result.actors}


def test_nationality_adjectives_capitals_and_of_phrases(pipeline: Any) -> None:
    result = run(pipeline, "The Syrian army shelled rebel positions as Damascus rejected the talks. "
                           "The foreign ministers of France and Germany met in Berlin.")
    found = codes(result)
    assert found["Syrian army"] == "SYRMIL"
    assert found["Damascus"] == "SYRGOV"
    assert {a.code for a in result.actors if "foreign ministers" in a.text} >= {"FRAGOV", "DEUGOV"}


@pytest.mark.parametrize(("text", "mention", "code"), [
    ("He was hauled out of the Ecuadorean Embassy in London in April.", "Ecuadorean Embassy", "ECUGOV"),
    ("Scottish police arrested two men in Glasgow on Monday.", "Scottish police", "GBRCOP"),
    ("Uighur activists protested outside the consulate in Istanbul on Monday.", "Uighur activists", "CHNOPP"),
])
def test_nationality_words_in_other_spellings_and_of_nations_within_a_state(pipeline: Any, text: str, mention: str,
                                                                            code: str) -> None:
    assert [a.code for a in run(pipeline, text).actors if mention in a.text] == [code]


def test_an_officer_of_a_state_agency_named_in_a_title_has_its_role(pipeline: Any) -> None:
    found = codes(run(pipeline, "Former CIA deputy director Michael Morell and CIA deputy director Jane Roe praised "
                                "Mendez, as did London PRIDE coordinator Steve Edge."))
    assert found["Former CIA deputy director Michael Morell"] == "USAELI"
    assert found["CIA deputy director Jane Roe"] == "USASPY"
    assert not any(code.endswith("GOV") for text, code in found.items() if "Steve Edge" in text)


def test_a_country_written_as_initials_is_one_only_in_capitals(pipeline: Any) -> None:
    result = run(pipeline, "In Kansas City, the officer shot the driver of the car on Monday. "
                           "The president of the CAR met the UN envoy in Bangui.")
    assert not any(a.code.startswith("CAF") for a in result.actors if "car" in a.text)
    assert any(a.code.startswith("CAF") for a in result.actors if "CAR" in a.text)


def test_people_are_coded_by_the_role_they_held_on_the_date(pipeline: Any) -> None:
    text = "Dmitry Medvedev met the delegation in Moscow."
    assert codes(run(pipeline, text, "2010-03-01"))["Dmitry Medvedev"] == "RUSGOV"  # president then
    assert codes(run(pipeline, text, "2015-03-01"))["Dmitry Medvedev"] == "RUSGOV"  # prime minister then


def test_pronouns_and_descriptions_take_their_antecedent(pipeline: Any) -> None:
    result = run(pipeline, "Turkish President Recep Tayyip Erdogan arrived in Baku on Monday. "
                           "He met his Azerbaijani counterpart later that day.")
    he = next(a for a in result.actors if a.text == "He")
    assert he.code == "TURGOV" and he.resolved_from == "pronoun"


def test_unqualified_roles_take_the_country_of_their_sentence(pipeline: Any) -> None:
    result = run(pipeline, "Police in Nairobi fired tear gas at protesters on Tuesday.")
    found = codes(result)
    assert found["Police"] == "KENCOP"
    assert found["protesters"] == "KENOPP"


def test_a_one_word_person_alias_after_in_is_a_place(pipeline: Any) -> None:
    result = run(pipeline, "Asylum seekers went on hunger strike at a refugee centre in Kerry.", "2018-01-01")
    assert not any(a.name == "John Kerry" for a in result.actors)
    named = run(pipeline, "Kerry met Lavrov in Geneva.", "2015-01-01")
    assert any(a.name == "John Kerry" for a in named.actors)


def test_a_capitals_name_read_as_a_place_elsewhere_is_not_its_government(pipeline: Any) -> None:
    """"Paris police ... in Paris, Texas": the places stage put this Paris in Texas, so its police are American."""
    result = run(pipeline, "Paris police arrested two men on Friday in Paris, Texas.")
    assert "FRAGOV" not in [a.code for a in result.actors]
    assert [e.source.code for e in result.events if e.cameo_root == "17"] == ["USACOP"]
    assert "FRAGOV" in [a.code for a in run(pipeline, "Paris condemned the attack on Friday.").actors]


@pytest.mark.parametrize(("text", "mention", "code"), [
    ("An RCMP officer fired a Taser at the man in Vancouver.", "RCMP", "CANCOP"),
    ("Gardaí arrested two men in Limerick on Monday.", "Gardaí", "IRLCOP"),
    ("The Carabinieri raided 40 homes near Naples on Tuesday.", "Carabinieri", "ITACOP"),
    ("The Guardia Civil seized two tonnes of cocaine on Monday.", "Guardia Civil", "ESPCOP"),
    ("The DEA arrested the cartel's accountant in Texas.", "DEA", "USACOP"),
])
def test_national_police_forces_are_their_countrys_police(pipeline: Any, text: str, mention: str,
                                                         code: str) -> None:
    found = codes(run(pipeline, text))
    assert {c for m, c in found.items() if mention in m} == {code}, found


@pytest.mark.parametrize(("text", "mention", "code"), [
    ("The Sri Lankan government accuses the LTTE of using civilians as shields.", "LTTE", "LKAREBLTT"),
    ("Tamil Tigers attacked an army camp near Jaffna.", "Tamil Tigers", "LKAREBLTT"),
    ("Naxals ambushed a police patrol in Chhattisgarh.", "Naxals", "INDREBNAX"),
    ("Seleka fighters seized the town of Bria.", "Seleka", "CAFREBSEL"),
])
def test_long_running_rebel_movements_are_coded(pipeline: Any, text: str, mention: str, code: str) -> None:
    assert codes(run(pipeline, text)).get(mention) == code, codes(run(pipeline, text))
