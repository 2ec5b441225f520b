"""Whose a place is when force is used on it: the side a role word before it names.

"Gunships fired on militant positions in Chechnya", "jets bombed a rebel camp near Idlib", "gunmen attacked a
police station", "insurgents shelled an army base": CAMEO codes the attack as one on the rebels, the police, the
army whose place it is, not on the country the place lies in. The side's country is the one a nationality word
before the place names ("a Syrian army base"), else the place the phrase names, else the story's country, else
the attacker's own.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.descriptions import role_of
from eventwire.events.codes import FORCE_ROOTS
from eventwire.events.context import Context, Trigger
from eventwire.events.slots import country_name, national_actor, place_in_np
from eventwire.model import ActorMention

# Sides whose posts, camps and stations are attacked as theirs: armed groups, the armed and police forces, the
# government and the opposition (a "student dormitory" or a "business district" names no side).
_HOLDING_ROLES = frozenset({"REB", "MIL", "COP", "GOV", "OPP"})


def side_holding(thing: Token, trig: Trigger, ctx: Context, sources: list[ActorMention]) -> ActorMention | None:
    """The side a role word before a place names, for force used on that place; None for any other act, for a
    noun that names people itself ("rebel fighters" are actors already) or with no such word."""
    if trig.entry.code[:2] not in FORCE_ROOTS or thing.pos_ != "NOUN" or role_of(thing, ctx.kb) is not None:
        return None
    modifiers = [c for c in thing.children if c.dep_ in ("amod", "compound")]
    role = next((r for c in modifiers if (r := role_of(c, ctx.kb)) in _HOLDING_ROLES), None)
    if role is None:
        return None
    from eventwire.events.placing import story_place  # placing reads targets: imported when first needed

    national = next((n for c in modifiers if (n := national_actor(c, ctx)) is not None), None)
    place = place_in_np(thing, ctx) or story_place(ctx)
    iso = national.country if national is not None else place.country if place is not None else next(
        (s.country for s in sources if s.country), None)
    if iso is None:
        return None
    return ActorMention(text=thing.text, name=f"{country_name(iso, ctx)} {thing.text}", code=iso + role, country=iso,
                        kind="description", start=thing.idx, end=thing.idx + len(thing.text), kb_id=None,
                        resolved_from="held-place", token=thing.i)
