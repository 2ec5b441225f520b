"""People killed or hurt "in" an attack or a fight: one record of the act, coded as its noun names it, with the
sides the sentence gives; the fallen of a fight with a named side are the other side."""

from __future__ import annotations

from typing import Any

from tests.conftest import coded_dyads as coded


def _violence(events: list[tuple[str, str, str | None]]) -> list[tuple[str, str, str | None]]:
    return [e for e in events if e[0][:2] in ("18", "19", "20")]


def test_killed_in_an_air_strike_is_one_air_strike_on_the_dead(pipeline: Any) -> None:
    events = _violence(coded(pipeline, "Ten civilians were killed in a US airstrike in Helmand province on Monday."))
    assert events == [("195", "USAMIL", "AFGCVL")], events


def test_killed_in_fighting_between_two_forces_is_their_fight(pipeline: Any) -> None:
    text = "At least 20 people were killed in fighting between government forces and al-Shabab militants in Somalia."
    events = _violence(coded(pipeline, text))
    assert events == [("190", "SOMMIL", "SOMREBSHB")], events


def test_killed_in_clashes_with_a_side_is_one_fight_with_that_side(pipeline: Any) -> None:
    text = "Three soldiers were killed in clashes with Taliban militants in Helmand province on Sunday."
    events = _violence(coded(pipeline, text))
    assert len(events) == 1 and {events[0][1], events[0][2]} == {"AFGMIL", "AFGREBTAL"}, events


def test_the_fallen_of_a_fight_with_a_named_side_are_the_other_side(pipeline: Any) -> None:
    text = "Five policemen died in a shootout with drug traffickers in Sinaloa state, Mexico, on Tuesday."
    assert ("193", "MEXCOP", "MEXCRM") in coded(pipeline, text), coded(pipeline, text)


def test_people_who_died_in_a_bombing_are_its_victims(pipeline: Any) -> None:
    events = _violence(coded(pipeline, "Twelve people died in a suicide bombing at a market in Kabul on Friday."))
    assert events == [("1831", "", "AFGCVL")], events


def test_fighting_that_erupted_between_two_sides_is_theirs(pipeline: Any) -> None:
    text = "Heavy fighting between government forces and al-Shabab erupted near Mogadishu on Monday."
    assert ("190", "SOMMIL", "SOMREBSHB") in coded(pipeline, text), coded(pipeline, text)


def test_died_in_an_accident_or_a_fire_is_no_attack(pipeline: Any) -> None:
    for text in ("A soldier died in an accident during a training exercise in Kenya.",
                 "Three people died in a fire at a Kabul market on Friday."):
        assert not _violence(coded(pipeline, text)), (text, coded(pipeline, text))


def test_killed_when_soldiers_opened_fire_is_one_shooting_of_the_dead(pipeline: Any) -> None:
    text = "KHARTOUM, Sudan (AP) — Two protesters were killed when soldiers opened fire on the crowd."
    events = _violence(coded(pipeline, text))
    assert len(events) == 1 and events[0][1:] == ("SDNMIL", "SDNOPP"), events


def test_died_when_militants_attacked_makes_the_dead_the_target(pipeline: Any) -> None:
    events = _violence(coded(pipeline, "BAGHDAD (AP) — Five soldiers died when militants attacked their checkpoint."))
    assert events == [("190", "IRQREB", "IRQMIL")], events


def test_killed_when_a_bomb_struck_is_one_attack_and_news(pipeline: Any) -> None:
    events = _violence(coded(pipeline, "KABUL (AP) — Three civilians were killed when a roadside bomb struck their "
                                       "car."))
    assert len(events) == 1 and events[0][2] == "AFGCVL", events
    assert not _violence(coded(pipeline, "KABUL (AP) — Three people were killed when their car hit a tree."))


def test_the_generic_present_of_a_review_is_no_toll(pipeline: Any) -> None:
    text = ("ROME (AP) — Then there are Stormtroopers, many of whom die in a single strike, though others pose a "
            "bigger challenge.")
    assert not _violence(coded(pipeline, text)), coded(pipeline, text)


def test_a_toll_taken_in_the_attack_told_before_is_that_attack(coder: Any) -> None:
    """"The attack" is the one the story told: its author did the harm, and the toll is that act told again."""
    text = ("Boko Haram militants attacked an army base in Borno on Monday. Five soldiers were killed in the "
            "attack.")
    violence = [c for c in coded(coder, text) if c[0].startswith(("18", "19"))]
    assert violence == [("190", "NGAREBBKH", "NGAMIL")], violence
    # another side hurt in it: the same attackers, a second act
    text = "Gunmen killed a man in Kano on Monday. Two policemen were wounded in the attack."
    wounded = [c for c in coded(coder, text) if c[2] == "NGACOP"]
    assert wounded and wounded[0][1] == "NGACRM", wounded
