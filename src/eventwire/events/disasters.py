"""Disasters and epidemics: which of their news the coding rules leave out of the political record.

A storm, a flood or an epidemic is not a political event; the state's response to one is when it acts on
someone. An emergency declared over a disaster is at most optional, and a gloomy word about the disaster aimed
at no one ("the UN has warned that the disease can not be contained") is the disaster's news.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.senses import HAZARD_WORDS
from eventwire.model import Event

_EMERGENCY = "1724"


def disaster_emergency(event: Event, token: Token) -> bool:
    """"Declared a state of emergency in response to the virus", "a public health emergency": an emergency over
    a disaster or an epidemic, which the coding rules list at most as optional (the state's response to a
    disaster is coded when it acts on someone); an emergency over unrest or a border is coded."""
    return event.cameo == _EMERGENCY and any(t.lemma_.lower() in HAZARD_WORDS for t in token.sent)


_PESSIMISM = "012"


def hazard_warning(event: Event, token: Token) -> bool:
    """"The UN has warned that the disease can not be contained", "warning of a growing threat of cholera": a
    gloomy word about an epidemic or the weather, aimed at no one, is the disaster's news, not a political act."""
    if event.cameo != _PESSIMISM or event.target is not None:
        return False
    content = [c for c in token.children
               if c.dep_ in ("ccomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("of", "about"))]
    return any(t.lemma_.lower() in HAZARD_WORDS for c in content for t in c.subtree)
