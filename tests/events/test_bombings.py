"""Force done with a bomb that is no army's weapon is the bombing (CAMEO 183 and its kinds), whoever it hits;
an army's bombs from the air stay fighting (195)."""

from __future__ import annotations

from typing import Any

from tests.conftest import coded_dyads as coded
from tests.conftest import run_text as run


def test_a_bomb_named_as_the_attacker_or_the_means_is_a_bombing(coder: Any) -> None:
    suicide = coded(coder, "A suicide bomber killed 20 people at a market in Baghdad on Friday.")
    assert [c for c in suicide if c[0] == "1831"], suicide
    roadside = coded(coder, "Two soldiers were killed when a roadside bomb exploded near their convoy in Helmand "
                            "on Monday.")
    assert [c for c in roadside if c[0] == "1833"], roadside
    car = coded(coder, "A car bomb killed five soldiers in Mogadishu on Monday.")
    assert [c for c in car if c[0] == "1832"], car
    plain = coded(coder, "Irish nationalist guerrillas wounded two British soldiers in a bomb attack on Thursday.")
    assert [c for c in plain if c[0] == "183"], plain


def test_an_armys_bombing_from_the_air_is_fighting(coder: Any) -> None:
    air = coded(coder, "Israeli jets bombed Gaza on Monday.")
    assert [c for c in air if c[0].startswith("19")], air
    assert not [c for c in air if c[0].startswith("18")], air


def test_a_bomb_that_exploded_killing_people_is_an_attack_by_someone_unknown(pipeline: Any) -> None:
    """"A bomb exploded in a market in Kabul, killing 12 people": the participle's subject is the bomb, so the
    killing is a bombing by an unidentified attacker, emitted; a gas cylinder that exploded is an accident."""
    bombing = run(pipeline, "A bomb exploded in a market in Kabul on Monday, killing 12 people.").events
    assert [e for e in bombing if e.cameo_root == "18" and e.source.kind == "unidentified"
            and e.target is not None and e.target.code == "AFGCVL"], bombing
    assert not run(pipeline, "A gas cylinder exploded in a market in Kabul on Monday, killing 12 people.").events


def test_gunmen_nobody_identifies_killing_people_are_an_attack_emitted_whatever_the_model_says(pipeline: Any) -> None:
    """"Gunmen opened fire in a market, killing 12 people": the gunmen are attackers the text does not identify,
    so the killing is emitted as an attack, like one by an unidentified source."""
    events = run(pipeline, "Gunmen opened fire in a market in Kabul on Monday, killing 12 people.").events
    assert [e for e in events if e.cameo_root == "18" and e.target is not None and e.target.code == "AFGCVL"], events


def test_a_bomb_that_went_off_at_a_sides_post_is_a_bombing_of_that_side(coder: Any) -> None:
    car = coded(coder, "A car bomb exploded outside a military base in Mogadishu on Monday.")
    assert ("1832", "", "SOMMIL") in car, car
    grenade = coded(coder, "A grenade went off near a police post in Srinagar on Monday.")
    assert [c for c in grenade if c[0] == "183" and c[2] == "INDCOP"], grenade
    suicide = coded(coder, "A suicide bomber blew himself up in Kabul on Monday.")
    assert [c for c in suicide if c[0] == "1831"], suicide
    # a charge no one set: no attack
    cylinder = coded(coder, "A gas cylinder exploded in a restaurant in Lagos on Monday.")
    assert not [c for c in cylinder if c[0].startswith("18")], cylinder


def test_an_attack_told_again_by_its_toll_is_one_record_with_the_toll(pipeline: Any) -> None:
    """"A suicide bomber blew himself up at a wedding. The explosion killed 63 people": "the explosion" is the
    bomber's, so the bombing is one record, with the victims and the dead the second sentence gives."""
    suicide = run(pipeline, "A suicide bomber blew himself up at a wedding in Kabul on Saturday. The explosion "
                            "killed 63 people.").events
    assert len([e for e in suicide if e.cameo_root == "18"]) == 1, suicide
    assert [e for e in suicide if e.cameo == "1831" and e.target is not None and e.target.code == "AFGCVL"
            and e.fatalities == 63], suicide
    roadside = run(pipeline, "A roadside bomb struck a police patrol in Kandahar on Tuesday. The explosion killed "
                             "four officers.").events
    assert [(e.cameo, e.fatalities) for e in roadside] == [("1833", 4)], roadside
    # the side attacked named by its country alone is named again, more closely, by those it killed
    assault = run(pipeline, "Militants attacked a checkpoint in Sinai on Monday. The assault killed five Egyptian "
                            "soldiers.").events
    assert [(e.source.code, e.target.code if e.target else None) for e in assault] == [("EGYREB", "EGYMIL")], assault


def test_a_blast_with_no_bomb_told_before_is_no_attack(pipeline: Any) -> None:
    # a factory or gas main explodes too: "the blast" is a bomb's only where a bomb was told
    assert not run(pipeline, "A gas cylinder exploded at a restaurant in Karachi on Saturday. The blast killed five "
                             "people.").events
