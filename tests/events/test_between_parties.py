"""An act named with "between A and B" (talks, a meeting, a ceasefire, an agreement) is done by its parties: the
first named is the source and the others its targets, whether the act is a noun or the subject of a passive."""

from __future__ import annotations

from typing import Any

from tests.conftest import coded_dyads as coded


def test_a_meeting_between_two_leaders_is_theirs(coder: Any) -> None:
    events = coded(coder, "A meeting between Ramaphosa and Buhari took place in Abuja on Thursday.")
    assert ("040", "ZAFGOV", "NGAGOV") in events, events


def test_a_passive_ceasefire_between_two_sides_is_agreed_by_them(coder: Any) -> None:
    events = coded(coder, "A truce between Armenia and Azerbaijan was agreed on Sunday.")
    assert ("0871", "ARMGOV", "AZEGOV") in events, events


def test_a_signed_agreement_between_two_countries(coder: Any) -> None:
    events = coded(coder, "The accord between Peru and Ecuador was signed in Lima on Monday.")
    assert [c for c in events if c[0] == "057" and c[1] == "PERGOV" and c[2] == "ECUGOV"], events


def test_a_border_between_two_countries_is_no_party(coder: Any) -> None:
    # Only an act's parties: a thing that lies between two countries does not make them actors.
    events = coded(coder, "The border between Peru and Ecuador was closed on Monday.")
    assert not [c for c in events if c[1][:3] == "PER"], events


def test_talks_that_might_collapse_are_not_talks_held(coder: Any) -> None:
    events = coded(coder, "Talks between Peru and Ecuador could collapse next week, diplomats warned.")
    assert not [c for c in events if c[0].startswith("04") and c[1][:3] == "PER"], events
