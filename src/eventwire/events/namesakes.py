"""A town's name used for a person: towns are not arrested, charged or shot.

"Police arrested Moore", "Officer Eggers shot Bell": the gazetteer knows Moore, Oklahoma and Bell, California,
and the places stage reads the names as towns; as the direct object of an act the law or force does to people,
such a name is a person of that name, of the town's country.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.datafiles import word_list
from eventwire.events.context import Context, Trigger
from eventwire.events.violence import HARM_TO_PEOPLE
from eventwire.model import ActorMention


def person_named_like_a_town(token: Token, trig: Trigger, ctx: Context) -> ActorMention | None:
    """A town's name arrested, charged, shot or stabbed is a person of that name: towns are not arrested or
    shot. A suspect (CRM) to the law's acts, a civilian (CVL) to force; None for anything else."""
    place = ctx.places.get(token.i)
    lemma = trig.token.lemma_.lower()
    # only the verb's own object: "fired at Gaza City" aims at a place
    if trig.token.pos_ != "VERB" or token.pos_ != "PROPN" or token.dep_ not in ("dobj", "nsubjpass") or (
            place is None or not place.country) or (
            place.feature not in _TOWNS) or lemma not in _DONE_TO_PEOPLE:
        return None
    role = "CVL" if lemma in HARM_TO_PEOPLE else "CRM"
    return ActorMention(text=token.text, name=token.text, code=f"{place.country}{role}", country=place.country,
                        kind="person", start=token.idx, end=token.idx + len(token.text), kb_id=None,
                        resolved_from="state-convention", token=token.i)


_TOWNS = frozenset({"city", "town", "village"})
_DONE_TO_PEOPLE = (HARM_TO_PEOPLE | word_list("eventwire.events", "police_act")
                   | word_list("eventwire.events", "court_act"))
