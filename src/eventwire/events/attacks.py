"""What names an attack, and an attack told again.

A weapon, an attack or an attacker names an attack ("bomb", "airstrike", "gunmen"); a definite attack word refers
back to the attack the story told just before ("Gunmen opened fire on a bus. The attack killed nine people"), or
"the blast" to the bomb ("A suicide bomber blew himself up. The explosion killed 63"): that later sentence's record
is the same act told again, by the same author (its source marked `TOLD_BEFORE`, which events/duplicates.py merges).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.datafiles import word_list
from eventwire.events.codes import VIOLENCE_ROOTS
from eventwire.events.context import Context
from eventwire.events.slots import slot
from eventwire.model import ActorMention, Event
from eventwire.syntax import is_definite

_ATTACK_NOUNS = word_list("eventwire.events", "attack_noun")


def is_attack_word(noun: Token) -> bool:
    """A weapon, an attack or an attacker ("bomb", "airstrike", "gunmen"), or a thing a weapon word names
    ("an improvised explosive device", "a car bomb blast"); a bare blast or explosion is not one, since gas
    mains and factories explode too."""
    lemma = noun.lemma_.lower()
    named_by_weapon = any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in _ATTACK_NOUNS for c in noun.children)
    return lemma in _ATTACK_NOUNS or named_by_weapon


# Attack words that also name a vehicle or a force, which crash or just pass by as often as they attack
# ("a World War II-era bomber crashed"): they alone do not make a killing an attack.
_NOT_AN_ATTACK_ALONE = frozenset({"bomber", "warplane", "jet", "aircraft", "helicopter", "tank", "force", "troop",
                                  "army", "soldier", "fighter"})


def attack_noun(noun: Token) -> bool:
    """A noun that names an attack ("shooting", "clashes", "bombing"), not a vehicle or force that may be in one."""
    return is_attack_word(noun) and noun.lemma_.lower() not in _NOT_AN_ATTACK_ALONE


# How a source was found: as the author of an attack a later sentence refers back to ("killed in the attack"),
# which makes that sentence's record a retelling of the same act (events/duplicates.py).
TOLD_BEFORE = "attack-told-before"


def side_of_the_attack_told(verb: Token, ctx: Context) -> list[ActorMention]:
    """"Militants attacked an army base on Monday. Five soldiers were killed in the attack": "the attack" is the
    one told before, so its author killed them; of a fight, the fallen of its author's side fell to the other.
    The source is marked as found so: the record is that act told again."""
    earlier = next((e for e in reversed(ctx.coded) if e.cameo_root in VIOLENCE_ROOTS and e.source.code
                    and e.evidence.start < verb.sent.start_char), None)
    if earlier is None:
        return []
    fallen = {a.code for s in verb.children if s.dep_ == "nsubjpass" for a in slot(s, ctx)[0] if a.code}
    told = {"resolved_from": TOLD_BEFORE}
    if earlier.source.code not in fallen:
        return [earlier.source.model_copy(update=told)]
    if fallen == {earlier.source.code} and earlier.target is not None and earlier.target.code:
        return [earlier.target.model_copy(update=told)]
    return []  # the fallen of both sides ("two soldiers and 16 gunmen"): each fell to the other


# What a bomb does when it goes off; alone they may be a gas main's ("a blast killed two workers").
_BLASTS = frozenset({"blast", "explosion", "detonation"})
_ASSAULTS = frozenset({"assault", "massacre"})


def attack_told_before(noun: Token, ctx: Context) -> bool:
    """"Gunmen opened fire on a bus. The attack killed nine people", "A car bomb exploded in Azaz. The blast killed
    13 people": "the attack" is the one told just before, "the blast" the bomb's (a weapon, or a bomber blowing
    himself up, told in the sentence before or earlier in its own)."""
    if not is_definite(noun):
        return False
    if noun.lemma_.lower() not in _BLASTS:
        # "the assault" alone may be a mugging's; only an assault told just before makes it an attack
        told = attack_noun(noun) or noun.lemma_.lower() in _ASSAULTS
        return told and last_attack_before(noun, ctx) is not None
    return any((t.pos_ in ("NOUN", "PROPN") and is_attack_word(t)) or (t.lemma_.lower() == "blow" and t.pos_ == "VERB")
               for t in _since_the_sentence_before(noun))


def last_attack_before(noun: Token, ctx: Context) -> Event | None:
    """The last violent act coded in the sentence before the noun's, or earlier in its own."""
    start = _since_the_sentence_before(noun).start_char
    return next((e for e in reversed(ctx.coded) if e.cameo_root in VIOLENCE_ROOTS
                 and start <= e.evidence.start < noun.idx), None)


def _since_the_sentence_before(token: Token) -> Span:
    """The text from the start of the sentence before the token's up to the token."""
    first = token.sent.start
    if first > 0:
        first = token.doc[first - 1].sent.start
    return token.doc[first: token.i]
