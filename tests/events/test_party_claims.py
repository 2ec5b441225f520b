"""A party to a conflict saying its adversary attacked makes an accusation (112), and the attack is only claimed;
police relaying a case, an attack by the speaker's own side, or an unnamed attacker are told as fact."""

from __future__ import annotations

from typing import Any

from tests.conftest import run_text


def _events(coder: Any, text: str) -> list[tuple[str, str, str | None, bool]]:
    return [(e.cameo, e.source.code, e.target.code if e.target else None, e.hypothetical)
            for e in run_text(coder, text).events]


def test_a_party_claiming_its_adversary_attacked_accuses_it(coder: Any) -> None:
    found = _events(coder, "Ukraine said Russian forces fired rockets at Kharkiv on Sunday.")
    assert ("112", "UKRGOV", "RUSMIL", False) in found, found
    assert all(hypothetical for code, _, _, hypothetical in found if code[:2] in ("18", "19")), found
    within = _events(coder, "The Nigerian government said Boko Haram fighters attacked a school in Borno on Monday.")
    assert any(code == "112" and source == "NGAGOV" for code, source, _, _ in within), within
    assert all(hypothetical for code, _, _, hypothetical in within if code[:2] in ("18", "19")), within


def test_relaying_or_telling_ones_own_attack_is_the_attack(coder: Any) -> None:
    own = _events(coder, "The Israeli military said its jets struck Hamas targets in Gaza on Tuesday.")
    assert [e for e in own if e[0][:2] == "19" and not e[3]], own
    assert not [e for e in own if e[0] == "112"], own
    relayed = _events(coder, "Taliban fighters overran an army base in northern Afghanistan, officials said Tuesday, "
                             "killing at least 17 soldiers.")
    assert not [e for e in relayed if e[0] == "112"], relayed
    unnamed = _events(coder, "Iraqi officials said a suicide bomber killed 20 people in Baghdad on Friday.")
    assert [e for e in unnamed if e[0][:2] in ("18", "19") and not e[3]], unnamed
    assert not [e for e in unnamed if e[0] == "112"], unnamed
    police = _events(coder, "Turkish police said PKK militants attacked a checkpoint in Van on Sunday.")
    assert not [e for e in police if e[0] == "112"], police

