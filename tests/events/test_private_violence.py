"""Criminal violence is coded whoever does it (the record gold's coding rules): a person named only by a noun who
stabs or shoots someone is a criminal (CRM) and the people it is done to civilians (CVL) of the country where it
happened; a passive with no agent has an unidentified attacker; "shot dead" is a shooting, not a naming; and an
attacker or a suicide bomber is coded from the role noun."""

from __future__ import annotations

from typing import Any

from tests.conftest import coded_dyads as coded
from tests.conftest import run_text


def test_a_person_named_by_a_noun_who_stabs_someone_is_a_criminal(coder: Any) -> None:
    events = coded(coder, "In Leeds, a man stabbed a teenager outside a shop on Sunday.")
    assert [c for c in events if c[0][:2] == "18" and c[1] == "GBRCRM" and c[2] == "GBRCVL"], events


def test_people_shot_dead_by_no_one_named_have_an_unidentified_attacker(coder: Any) -> None:
    events = coded(coder, "Two teenagers were shot dead outside a nightclub in Chicago on Saturday.")
    assert [c for c in events if c[0][:2] in ("18", "19") and c[1] == "" and c[2] == "USACVL"], events


def test_shot_dead_is_a_shooting_not_a_name(coder: Any) -> None:
    events = coded(coder, "Three soldiers were shot dead by militants in Kashmir on Monday.")
    assert [c for c in events if c[0][:2] in ("18", "19") and c[1] == "INDREB" and c[2] == "INDMIL"], events


def test_attackers_and_suicide_bombers_are_coded_from_their_role(coder: Any) -> None:
    stabbed = coded(coder, "An attacker stabbed three people at a train station in Munich on Tuesday.")
    assert [c for c in stabbed if c[0][:2] == "18" and c[1] == "DEUCRM" and c[2] == "DEUCVL"], stabbed
    bombed = coded(coder, "A suicide bomber blew himself up at a wedding in Kabul on Saturday, killing 63 people.")
    assert [c for c in bombed if c[1] == "AFGREB" and c[2] == "AFGCVL"], bombed


def test_a_deer_or_a_crash_is_no_private_violence(coder: Any) -> None:
    assert not [c for c in coded(coder, "In Idaho, a hunter shot a deer near Boise on Saturday.")
                if c[2] and c[2].endswith("CVL")]
    assert not [c for c in coded(coder, "Two people were killed when a truck hit their car near Dallas.")
                if c[0][:2] in ("18", "19")]


def test_a_victim_found_shot_was_not_shot_by_the_police_who_investigate(coder: Any) -> None:
    events = run_text(coder, "Springfield police cordoned off a bar on Sunday to investigate the death of John "
                             "Miller, who was found fatally shot outside his home.").events
    shootings = [(e.cameo, e.source.code) for e in events if e.evidence.trigger == "shot"]
    assert not [s for s in shootings if s[1] == "USACOP"], shootings


def test_criminals_or_unnamed_attackers_shooting_police_commit_assault(coder: Any) -> None:
    """Police shot by a gunman are victims of crime (1823), not combatants in a war (190); an armed group's attack
    on police stays fighting."""
    gunman = coded(coder, "A gunman shot and killed two police officers in Oakland on Saturday.")
    assert ("1823", "USACRM", "USACOP") in gunman, gunman
    unnamed = coded(coder, "Two police officers were shot dead in Oakland on Saturday.")
    assert [c for c in unnamed if c[0] == "1823" and c[2] == "USACOP"], unnamed
    insurgents = coded(coder, "Militants killed five policemen in Kashmir on Monday.")
    assert [c for c in insurgents if c[0] == "190"], insurgents


def test_two_verbs_of_one_act_share_its_object_and_make_one_record(coder: Any) -> None:
    """"shot and killed two officers" is one killing of the officers; "fired and landed a round on a protester" is
    aimed at the protester; "arrested and charged", and "arrested two men and detained a woman", stay two acts."""
    killed = coded(coder, "A gunman shot and killed two police officers in Oakland on Saturday.")
    assert [c for c in killed if c[0][:2] == "18"] == [("1823", "USACRM", "USACOP")], killed
    fired = coded(coder, "Police fired and landed a live round on a protester in Hong Kong on Tuesday.")
    assert ("175", "HKGCOP", "HKGOPP") in fired, fired
    two = coded(coder, "Police arrested and charged two men in Leeds on Monday.")
    assert ("173", "GBRCOP", "GBRCRM") in two and ("1121", "GBRCOP", "GBRCRM") in two, two  # not police arrested
    others = coded(coder, "Police arrested two men and detained a woman in Leeds on Monday.")
    assert len([c for c in others if c[0] == "173"]) == 2, others


def test_force_in_a_when_clause_harms_the_subject_it_hangs_on(coder: Any) -> None:
    """"Two protesters died when troops opened fire on Monday": the troops fired at the protesters (not at Monday);
    police returning fire at a suspect assault him."""
    died = coded(coder, "Two protesters died when troops opened fire in Khartoum on Monday.")
    assert [c for c in died if c[1] == "SDNMIL" and c[2] == "SDNOPP"], died
    returned = coded(coder, "Anti-drug police in Beirut arrested drug dealer Ibrahim Allaw on Monday. The drug dealer "
                            "was wounded when policemen returned fire.")
    assert ("182", "LBNCOP", "LBNCRM") in returned, returned
