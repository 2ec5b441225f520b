"""Sympathy offered in a quote is an empathetic comment (018) by the speaker to whom it names; a quote's "Let's"
is no armed group."""

from __future__ import annotations

from typing import Any

from tests.conftest import coded_dyads as coded
from tests.conftest import run_text as run


def test_sympathy_in_a_quote_is_an_empathetic_comment(coder: Any) -> None:
    hearts = coded(coder, 'Connecticut Governor Ned Lamont said on Monday, "My heart really goes out to the families '
                          'of the victims."')
    assert ("018", "USAGOV", "USACVL") in hearts, hearts
    thoughts = coded(coder, 'French President Emmanuel Macron said: "Our thoughts are with the people of New Zealand."')
    assert ("018", "FRAGOV", "NZLCVL") in thoughts, thoughts


def test_a_quote_without_sympathy_or_anyone_to_offer_it_to_gives_none(coder: Any) -> None:
    assert not [c for c in coded(coder, 'Governor Ned Lamont said, "We will rebuild the bridge by the spring."')
                if c[0] == "018"]
    assert not [c for c in coded(coder, '"We pray for rain every day," said the farmer John Smith.') if c[0] == "018"]


def test_lets_in_a_quote_is_no_armed_group(pipeline: Any) -> None:
    result = run(pipeline, 'Donald Tusk, the President of the European Council, wrote "Let\'s all pray for the mayor '
                           'of Gdansk."')
    assert not [a for a in result.actors if "LET" in a.code], [(a.text, a.code) for a in result.actors]
    # the acronym as written still names the group
    group = run(pipeline, "Indian officials blamed LeT for the attack in Mumbai.")
    assert [a for a in group.actors if a.code == "PAKREBLET"], [(a.text, a.code) for a in group.actors]


def test_sympathy_to_a_fellow_of_the_speakers_own_side_is_still_sympathy(pipeline: Any) -> None:
    text = '"We are with Mayor Jan Kowalski in our thoughts and prayers," Prime Minister Mateusz Morawiecki said.'
    events = run(pipeline, text, "2019-03-05").events
    assert [(e.cameo, e.source.code, e.target.code if e.target else None) for e in events] == [
        ("018", "POLGOV", "POLGOV")]
