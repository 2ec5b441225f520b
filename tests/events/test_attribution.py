"""Who did it when the sentence also says who reports it or who has it done: a participle after an attribution
("..., officials said, killing two") continues the reported clause, not the speaker's; causative "have" ("had
the journalists arrested") makes the subject of "have" the one who acts."""

from __future__ import annotations

from typing import Any

from tests.conftest import coded_dyads as coded


def test_a_participle_after_an_attribution_is_not_the_speakers_act(coder: Any) -> None:
    gunmen = coded(coder, "Gunmen attacked a checkpoint near Mosul on Monday, officials said, killing two "
                          "policemen.")
    killings = [c for c in gunmen if c[0][:2] in ("18", "19") and c[2] == "IRQCOP"]
    assert killings and not [c for c in killings if c[1].endswith("GOV")], gunmen
    bombed = coded(coder, "Russian aircraft bombed the town of Idlib on Monday, Syrian activists said, "
                          "killing 12 civilians.")
    assert [c for c in bombed if c[0][:2] in ("18", "19") and c[1] == "RUSMIL" and c[2] == "SYRCVL"], bombed
    assert not [c for c in bombed if c[1] == "SYROPP" and c[0][:2] in ("18", "19")], bombed


def test_a_bomb_reported_by_the_police_has_an_unidentified_attacker(coder: Any) -> None:
    """The police only tell of it; the bomb's kind gives the code (1833, a roadside bombing)."""
    events = coded(coder, "A roadside bomb exploded in Kabul on Monday, police said, killing three Afghan "
                          "soldiers.")
    assert ("1833", "", "AFGMIL") in events, events
    assert not [c for c in events if c[1] == "AFGCOP"], events


def test_the_one_who_has_it_done_acts(coder: Any) -> None:
    events = coded(coder, "The Nigerian army had the journalists arrested on Monday.")
    assert ("173", "NGAMIL", "NGAMED") in events, events
    assert not [c for c in events if c[1] == "NGAMED"], events
