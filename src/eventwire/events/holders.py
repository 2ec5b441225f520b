"""Whose is the thing an act is done to: the thing stands for its owner.

"Rejected an Indian proposal" (India), "a probe into Trump's affairs" (Trump), "the move announced by Pompeo"
(Pompeo), "seized a British-flagged tanker" (Britain), "raided the home of Phillip Conner" (Conner), and for
force on a place, the side a role word before it names: "gunships fired on militant positions in Chechnya", "jets
bombed a rebel camp near Idlib", "gunmen attacked a police station" are attacks on the rebels or the police whose
place it is, not on the country the place lies in. That side's country is the one a nationality word before the
place names ("a Syrian army base"), else the place the phrase names, else the story's country, else the
attacker's own.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.descriptions import role_of
from eventwire.datafiles import word_list
from eventwire.events.codes import FORCE_ROOTS
from eventwire.events.context import Context, Trigger
from eventwire.events.senses import KIN_NOUNS
from eventwire.events.slots import (
    actors_at,
    actors_covering,
    bodies_named_in,
    country_name,
    named_uncoded_at,
    national_actor,
    place_in_np,
    slot,
)
from eventwire.model import ActorMention
from eventwire.syntax import is_definite, subjects_of

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


def owner_of_thing(token: Token, ctx: Context) -> list[ActorMention]:
    """A thing in the target slot stands for whoever owns or made it: "a probe into Trump's financial
    affairs" (Trump), "a lawsuit against the emergency the president declared" (the president), "the move
    announced by Pompeo" (Pompeo)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() in KIN_NOUNS:
        return []
    owners = [a for c in token.children if c.dep_ == "poss" for a in slot(c, ctx)[0] if a.code]
    if not owners:  # "the UN report on Syria", "the Hamas proposal": a body named in front of the thing
        owners = [a for c in token.children if c.dep_ == "compound" for a in bodies_named_in(c, ctx)]
    if not owners:  # "a subpoena for documents from the Pentagon": whose the documents are
        owners = [a for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "from"
                  for o in prep.children if o.dep_ == "pobj" for a in actors_at(o, ctx) if a.code]
    if not owners and token.lemma_.lower() in _DEATH_NOUNS:  # "condolences over the death of the president"
        owners = [a for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                  for o in prep.children if o.dep_ == "pobj" for a in slot(o, ctx)[0] if a.code]
    if not owners:
        owners = [a for clause in token.children if clause.dep_ == "relcl" for c in clause.children
                  if c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for a in slot(c, ctx)[0] if a.code]
    if not owners:  # "the move announced by Pompeo", "the decision by Washington": who made it (also of a thing
        # joined to it: "condemned the aggression and the threats made by the US")
        things = (token, *token.conjuncts)
        by = [p for t in things for p in t.children if p.dep_ == "prep" and p.lower_ == "by"]
        by += [agent for t in things for clause in t.children if clause.dep_ == "acl" and clause.tag_ == "VBN"
               for agent in clause.children if agent.dep_ == "agent"]
        owners = [a for p in by for o in p.children if o.dep_ == "pobj" for a in slot(o, ctx)[0] if a.code]
    return owners


# Seizing and confiscating, and raiding (force the coder makes coercion when the police do it): done to whoever
# owns the goods or the place.
_TAKING = frozenset({"171", "1711"})
_SEARCHING = frozenset({"raid", "search", "storm"})


def taking_or_searching(trig: Trigger) -> bool:
    return trig.entry.code in _TAKING or trig.token.lemma_.lower() in _SEARCHING


def _named_at(token: Token, ctx: Context) -> list[ActorMention]:
    """Actors a noun phrase names, coded or not (a person the KB does not know), but never a place's country."""
    return actors_at(token, ctx) or named_uncoded_at(token, ctx)


_DEATH_NOUNS = frozenset({"death", "passing", "loss", "killing", "murder", "assassination"})


def owners_of_object(trig: Trigger, ctx: Context) -> list[ActorMention]:
    """Whose is the thing acted on: "rejected an Indian proposal" (IND), "a US offer", "calls by Belarus's
    rulers", "an appeal from President Gbagbo", "the demands of the protesters"."""
    token = trig.token
    objects = [c for c in token.children if c.dep_ == "dobj" and c.i not in ctx.actors
               and c.lemma_.lower() not in KIN_NOUNS] if token.pos_ == "VERB" else []
    out: list[ActorMention] = []
    for obj in objects:
        # "attacked the proclamation of the Golan Heights as Israeli territory by the President": the agent
        # of the thing acted on, however deep in its noun phrase, before any nationality word in it.
        out.extend(a for agent in _agents_in_np(obj) for a in actors_at(agent, ctx))
        for child in obj.children:
            if child.dep_ == "poss":
                out.extend(slot(child, ctx)[0])
            elif child.dep_ in ("amod", "compound") and (national := national_actor(child, ctx)) is not None:
                out.append(national)
            elif child.dep_ == "amod" and child.lemma_.lower() in _OWNING_PARTICIPLES:
                out.extend(flag_or_owner(obj, ctx))
            elif child.dep_ == "compound":
                # "an Afghan government offer": the owner's nationality qualifies the owner, not the thing
                out.extend(actors_covering(child, ctx) or [
                    a for g in child.children if g.dep_ == "amod" and (a := national_actor(g, ctx)) is not None])
            elif child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out.extend(actors_at(pobj, ctx))
    if taking_or_searching(trig) and token.pos_ == "VERB" and not out:
        # "confiscated drugs from Allaw's car", "raided the home of Phillip Conner": taken from or searched at its
        # owner's, whom no code may name
        places = [p for p in token.children if p.dep_ == "prep" and p.lower_ in ("from", "at")]
        for held in [*objects, *(o for p in places for o in p.children if o.dep_ == "pobj")]:
            out.extend((_named_at(held, ctx) if held not in objects else []) or _owner_named(held, ctx))
    if objects and not out:
        # "attacked the proclamation of the Golan Heights as Israeli territory by the President": a by-phrase the
        # parser hung on the verb's other phrases still names who made the thing acted on.
        out.extend(a for agent in _agents_in_np(token) for a in actors_at(agent, ctx))
    return out


def _owner_named(thing: Token, ctx: Context) -> list[ActorMention]:
    """Whoever a thing's possessive or "of" phrase names, coded or a person the KB does not know: "Allaw's car",
    "the home of Conner" (not "the village of Bulabulin", a place no code names)."""
    owners = [a for c in thing.children if c.dep_ == "poss" for a in _named_at(c, ctx)] or [
        a for p in thing.children if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children if o.dep_ == "pobj" for a in _named_at(o, ctx)]
    return [a for a in owners if a.code or a.kind == "person"]


def flag_or_owner(thing: Token, ctx: Context) -> list[ActorMention]:
    """"seized a British-flagged tanker", "raided a Somali-owned bank in Nairobi": the country of the flag or
    the owner, which a place in the thing's phrase does not override; "shelled rebel-held towns", "bombed a
    Houthi-controlled port": the side that holds the place."""
    owners: list[ActorMention] = []
    for child in thing.children:
        participle = child.lemma_.lower()
        if child.dep_ not in ("amod", "compound") or participle not in _OWNING_PARTICIPLES | _HOLDING_PARTICIPLES:
            continue
        for g in child.children:
            if g.dep_ not in ("npadvmod", "amod", "compound"):
                continue
            national = national_actor(g, ctx)
            if national is not None:
                owners.append(national)
            elif participle in _HOLDING_PARTICIPLES:
                # "rebel-held towns", "a Houthi-controlled port": the side that holds it
                owners.extend(a for a in ctx.actors.get(g.i, []) if a.code and a.kind != "country")
    return owners


_OWNING_PARTICIPLES = frozenset({"flag", "flagged", "own", "owned", "register", "registered", "operate", "operated"})
_HOLDING_PARTICIPLES = frozenset({"hold", "held", "control", "controlled", "occupy", "occupied"})


def _agents_in_np(head: Token) -> list[Token]:
    """Objects of "by" phrases inside a noun phrase, following its prepositional chain but never entering a
    clause of its own."""
    out: list[Token] = []
    todo = [head]
    while todo:
        token = todo.pop()
        for child in token.children:
            if child.dep_ != "prep":
                continue
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                if child.lower_ == "by":
                    out.append(obj)
                elif obj.pos_ in ("NOUN", "PROPN"):
                    todo.append(obj)
    return out


# Things someone makes and others then act on ("criticised the law"), and the verbs that make them: a definite
# one with no maker in its own phrase is the one an earlier sentence told someone made.
_MADE_THINGS = word_list("eventwire.events", "made_thing")
_MAKING_VERBS = word_list("eventwire.events", "making_verb")
_LAW_WORDS = frozenset({"law", "bill", "legislation"})  # a bill passed is the law criticised
_SENTENCES_BACK = 4


def things_acted_on(trig: Trigger) -> list[Token]:
    """The nouns a verb acts on: its objects and the objects of its row's target prepositions ("condemned the
    attack", "protested against the law")."""
    verb = trig.token
    return [c for c in verb.children if c.dep_ == "dobj"] + [
        o for c in verb.children if c.dep_ == "prep" and c.lower_ in trig.entry.target_preps
        for o in c.children if o.dep_ == "pobj"]


def maker_named_before(trig: Trigger, ctx: Context, source_codes: set[str]) -> ActorMention | None:
    """"Kenya's parliament passed a bill on Thursday. The opposition criticised the new law": a definite made
    thing acted on stands for whoever the nearest earlier sentence naming it told made it. Only the nearest
    mention counts, and only when a verb of making ("passed", "unveiled", "signed") or the thing's own phrase
    ("Trump's plan") names its maker: "Democrats opposed the bill" makes no one its author."""
    if trig.token.pos_ != "VERB":
        return None
    for thing in things_acted_on(trig):
        kind = _kind_of_thing(thing)
        if kind is None or not is_definite(thing):
            continue
        earlier = _nearest_mention(thing, kind, ctx)
        if earlier is None:
            return None
        makers = [a for a in owner_of_thing(earlier, ctx) or _made_by(earlier, ctx)
                  if a.code and a.code not in source_codes]
        return makers[0] if makers else None
    return None


def _kind_of_thing(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in _MADE_THINGS:
        return None
    return "law" if lemma in _LAW_WORDS else lemma


def _nearest_mention(thing: Token, kind: str, ctx: Context) -> Token | None:
    """The last word of the same kind in the sentences before the one `thing` is in, up to a few back."""
    sent = thing.sent
    start, back = sent.start, 0
    while start > 0 and back < _SENTENCES_BACK:
        previous = ctx.doc[start - 1].sent
        for word in reversed(previous):
            if _kind_of_thing(word) == kind:
                return word
        start, back = previous.start, back + 1
    return None


def _made_by(thing: Token, ctx: Context) -> list[ActorMention]:
    """Who a verb of making says made the thing: its subject ("parliament passed a bill") or, passive, its
    agent ("a law signed by the president")."""
    head = thing.head
    if head.pos_ != "VERB" or head.lemma_.lower() not in _MAKING_VERBS:
        return []
    if thing.dep_ == "dobj":
        return [a for subj in subjects_of(head) for a in slot(subj, ctx)[0]]
    if thing.dep_ == "nsubjpass":
        return [a for agent in head.children if agent.dep_ == "agent"
                for o in agent.children if o.dep_ == "pobj" for a in slot(o, ctx)[0]]
    return []
