"""Acts inside other acts: what an appeal asks for, what an investigation looks into, what a statement says, what
a post on a medium says, and who gives a verdict told in the passive."""

from __future__ import annotations

from typing import Any

from tests.conftest import coded_dyads as coded
from tests.conftest import run_text as run


def test_what_an_appeal_asks_for_is_not_done_by_the_appellant(coder: Any) -> None:
    talks = coded(coder, "Russia called for talks with Ukraine on Monday.")
    assert ("020", "RUSGOV", "UKRGOV") in talks, talks
    assert not [c for c in talks if c[0].startswith("04")], talks  # no talks were held
    sanctions = coded(coder, "The European Union called for sanctions on Russia.")
    assert ("020", "IGOEUR", "RUSGOV") in sanctions, sanctions
    assert not [c for c in sanctions if c[0].startswith("16")], sanctions


def test_an_act_named_inside_another_is_not_the_outer_actors(coder: Any) -> None:
    probe = coded(coder, "Amnesty International called for an investigation into the shooting of protesters in Iraq.")
    assert [c for c in probe if c[0] == "020" and c[1] == "NGOAMN"], probe
    assert not [c for c in probe if c[1] == "NGOAMN" and (c[0].startswith("09") or c[0].startswith("19")
                                                           or c[0].startswith("18"))], probe
    opened = coded(coder, "Iraqi police opened an investigation into the shooting of three protesters.")
    assert not [c for c in opened if c[1] == "IRQCOP" and c[0][:2] in ("18", "19", "20")], opened


def test_a_statement_that_condemns_is_one_act(coder: Any) -> None:
    events = coded(coder, "The Egyptian foreign ministry issued a statement condemning the Israeli air strikes.")
    assert [c for c in events if c[0] == "111" and c[1] == "EGYGOV"], events
    assert not [c for c in events if c[0] == "010"], events  # issuing it is the same act


def test_what_a_post_says_is_its_authors_act(coder: Any) -> None:
    events = coded(coder, "German Chancellor Angela Merkel posted a message on Twitter praising Greece for its "
                          "reforms.")
    assert [c for c in events if c[0] == "051" and c[1] == "DEUGOV" and c[2] == "GRCGOV"], events


def test_a_verdict_told_in_the_passive_is_the_courts(coder: Any) -> None:
    events = coded(coder, "Three Spanish soldiers were found guilty on Friday of abusing prisoners in Madrid.")
    assert [c for c in events if c[0] == "116" and c[1] == "ESPJUD" and c[2] == "ESPMIL"], events


def test_laying_an_act_at_someones_door_and_legal_motions(coder: Any) -> None:
    assert ("112", "PAKGOV", "AFGGOV") in coded(coder, "Pakistan attributed the bombing in Peshawar to Afghanistan.")
    motion = coded(coder, "The Mexican government filed a motion against the United States in a federal court.")
    assert [c for c in motion if c[0] == "115" and c[2] == "USAGOV"], motion
    # attributing a quote or a rise in prices to someone is no accusation
    assert not [c for c in coded(coder, "Brazil attributed the rise in prices to Argentina.") if c[0] == "112"]


def test_force_by_private_people_is_no_armys_combat(coder: Any) -> None:
    shooting = coded(coder, "A gunman opened fire at a shopping mall in El Paso, Texas on Saturday.")
    assert [c for c in shooting if c[0] == "180" and c[1] == "USACRM"], shooting
    assert not [c for c in shooting if c[0].startswith("19")], shooting
    assert [c for c in coded(coder, "Syrian troops opened fire on rebel positions near Idlib on Saturday.")
            if c[0].startswith("19")]


def test_an_attack_for_a_reason_is_words_and_striving_is_not_fighting(coder: Any) -> None:
    words = coded(coder, "The Turkish president attacked the United States over its sanctions on Ankara.")
    assert [c for c in words if c[0] == "111" and c[2] == "USAGOV"], words
    assert not [c for c in words if c[0].startswith("19")], words
    assert [c for c in coded(coder, "Syrian rebels attacked an army base near Aleppo on Monday.")
            if c[0].startswith("19")]
    assert coded(coder, "British doctors fought to save the boy's life at a hospital in London.") == []



def test_what_is_committed_or_agreed_to_is_only_promised(coder: Any) -> None:
    for text in ("France agreed on Monday to send 200 troops to Mali.",
                 "Britain committed on Monday to sending 500 troops to Mali."):
        events = run(coder, text).events
        sent = [e for e in events if e.cameo[:2] == "15"]
        assert sent and all(e.hypothetical for e in sent), [(e.cameo, e.hypothetical) for e in events]
        assert [e for e in events if e.cameo[:2] == "03" and not e.hypothetical], [(e.cameo, e.hypothetical)
                                                                                   for e in events]


def test_an_event_noun_in_the_subject_is_not_what_its_verb_does(coder: Any) -> None:
    # "opposition" in "opposition leader" is who speaks, not an act the verb "called" carries out
    events = coded(coder, "Venezuelan opposition leader Juan Guaido on Monday called on the military to abandon "
                          "Maduro.")
    assert ("020", "VENOPP", "VENMIL") in events, events
    assert not [c for c in events if c[0] == "110"], events


def test_saying_someone_should_have_acted_criticises_them(coder: Any) -> None:
    """"said the Pentagon should have investigated the deaths": criticism of the Pentagon (111), no demand, and no
    investigation happened; "must hand over" stays a demand."""
    hindsight = coded(coder, "Senator Dorgan said the Pentagon should have investigated the deaths on Monday.")
    assert hindsight == [("111", "USALEG", "USAGOV")], hindsight
    demand = coded(coder, "Britain said Libya must hand over the suspects on Monday.")
    assert [c for c in demand if c[0].startswith("10") and c[2] == "LBYGOV"], demand


def test_what_someone_no_code_names_must_do_is_no_demand(coder: Any) -> None:
    """A sentence or advice reported with "must" is no demand of a side; a demand of a state body named only by its
    role, or for an act on a named side to end, is one."""
    sentence = coded(coder, "She must pay $342,991 back to the charity, the U.S. Attorney's office in Columbia said "
                            "on Monday.")
    assert not [c for c in sentence if c[0].startswith("10")], sentence
    for text in ("Father Yousaf said on Monday that the government must ensure security for religious minorities.",
                 "Trump said on Thursday that the brutal oppression of the Venezuelan people must end soon."):
        assert [c for c in coded(coder, text) if c[0].startswith("10")], text
