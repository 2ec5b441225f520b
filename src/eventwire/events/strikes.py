"""Strikes by workers: a labour strike (CAMEO 143) told apart from a military strike, a blow (19x).

"Taxi drivers went on strike", "nurses began a 24-hour strike", "teachers struck for a second day" stop work;
"Israel struck Gaza", "an air strike on a convoy" are force.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.context import Context
from eventwire.events.lexicon import LexEntry

LABOUR_STRIKE = "143"


def on_strike(noun: Token, entry: LexEntry, ctx: Context) -> bool:
    """"Taxi drivers went on strike", "teachers are on strike": people on strike stop work (143); an air or drone
    strike is launched, nobody goes on one. So do workers who begin, stage or call one ("nurses began a 24-hour
    strike", "unions called a general strike"), where a strike on or against someone is a blow."""
    if noun.lemma_.lower() != "strike" or entry.code[:2] not in ("19", "14"):
        return False
    if noun.dep_ == "pobj":
        return noun.head.lower_ == "on" and noun.head.head.lemma_.lower() in _STRIKING_VERBS
    if noun.dep_ != "dobj" or any(c.dep_ == "prep" and c.lower_ in ("on", "against", "at") and not any(
            o.i in ctx.times for o in c.children) for c in noun.children):
        return False  # "a strike on Gaza" is a blow; "a strike on Tuesday" is only dated
    sides = ctx.subject_actors(noun.head)
    return bool(sides) and all(a.sector in _STRIKING_SECTORS for a in sides)


_STRIKING_VERBS = frozenset({"go", "be", "remain", "stay", "continue", "come", "walk"})


def workers_striking(verb: Token, entry: LexEntry, ctx: Context) -> bool:
    """"Teachers struck for a second day", "the union said it would strike": striking with no one struck is a
    labour strike (143); "Israel struck Gaza", "the drone struck at dawn" near a force are blows."""
    if verb.lemma_.lower() != "strike" or entry.code[:2] != "19" or any(
            c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("at", "on", "against", "in"))
            for c in verb.children):
        return False
    sides = ctx.subject_actors(verb)
    return bool(sides) and all(a.sector in _STRIKING_SECTORS for a in sides)


# Who goes on strike: workers, their unions, teachers, doctors, students, business and ordinary people.
_STRIKING_SECTORS = frozenset({"LAB", "EDU", "HLH", "MED", "BUS", "CVL"})

