"""Protest and its targets: whom force used on a protest is used on (the protesters), whom a protest is against
("a hunger strike to protest against Russian authorities"), and, with no one named, the government of the
protesters' country, by the usual coding convention.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.datafiles import word_list
from eventwire.events.codes import FORCE_ROOTS
from eventwire.events.context import Context, Trigger
from eventwire.events.slots import (
    actors_at,
    by_agents,
    country_name,
    government_of,
    national_actor,
    owner_of,
    owners_named_in,
    place_in_np,
)
from eventwire.model import ActorMention

PROTEST_NOUNS = word_list("eventwire.events", "protest_noun")
PROTESTERS = "OPP"  # the role block CAMEO gives protesters (actors/data/roles.tsv)


def protesters_at(token: Token, trig: Trigger, ctx: Context, sources: list[ActorMention]) -> ActorMention | None:
    """"dispersed a rally in Nairobi", "used tear gas to disperse protests": an act done to a protest is done to
    the protesters: those who hold it ("a rally by the Muslim Brotherhood"), else the opposition of the country a
    nationality word before the noun names, else of the place in its phrase, else of the actor's own. Only for
    coercion and force: a town that hosts a biker rally hosts no protesters."""
    if trig.entry.code[:2] not in FORCE_ROOTS or token.pos_ != "NOUN" or token.lemma_.lower() not in PROTEST_NOUNS:
        return None
    holders = [a for a in owners_named_in(token, ctx) if a.code and a.kind != "country"]
    if holders:
        return holders[0]
    national = next((n for c in token.children if c.dep_ in ("amod", "compound")
                     and (n := national_actor(c, ctx)) is not None), None)
    iso = national.country if national is not None else None
    if iso is None and (place := place_in_np(token, ctx)) is not None:
        iso = place.country
    if iso is None:
        iso = next((s.country for s in sources if s.country), None)
    if iso is None:
        return None
    return ActorMention(text=token.text, name=f"{country_name(iso, ctx)} protesters", code=iso + PROTESTERS,
                        country=iso, kind="description", start=token.idx, end=token.idx + len(token.text), kb_id=None,
                        resolved_from="protest", token=token.i)


def protested_actors(trig: Trigger, ctx: Context) -> list[ActorMention]:
    """Whom a protest is against when its trigger takes no target itself: "a hunger strike to protest against
    Russian authorities", "in protest against laws imposed by the government" (the laws' maker)."""
    holders = [trig.token, trig.clause]
    holders += [c for h in list(holders) for c in h.children
                if c.dep_ in ("xcomp", "advcl", "acl", "relcl", "prep")]
    holders += [o for h in list(holders) if h.dep_ == "prep" for o in h.children if o.dep_ == "pobj"]
    out: list[ActorMention] = []
    for holder in holders:
        # "against X", or what a verb of protest takes ("to protest the policy imposed by the administration")
        objects = [o for prep in holder.children if prep.dep_ == "prep" and prep.lower_ == "against"
                   for o in prep.children if o.dep_ == "pobj"]
        if holder.pos_ == "VERB" and holder.lemma_.lower() in ("protest", "oppose"):
            objects += [o for o in holder.children if o.dep_ == "dobj"]
        for obj in objects:
            found = actors_at(obj, ctx) or owner_of(obj, ctx)
            if not found:  # "laws imposed by the government"
                found = [a for clause in obj.children if clause.dep_ == "acl" for a in by_agents(clause, ctx)]
            out.extend(a for a in found if a.code)
    if not out:  # "protested outside the Russian embassy", "in front of the ministry": the body whose seat it is
        out.extend(a for site in _sites(trig.token) for a in actors_at(site, ctx)
                   if a.code and a.kind not in ("country", "description"))
    return out


def _sites(verb: Token) -> list[Token]:
    """What a protest is held outside, at or in front of."""
    sites = []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            if prep.lower_ in ("outside", "at", "near", "before", "opposite"):
                sites.append(obj)
            elif prep.lower_ == "in" and obj.lower_ == "front":
                sites.extend(o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                             for o in p.children if o.dep_ == "pobj")
    return sites


def protested_authority(sources: list[ActorMention], ctx: Context) -> list[ActorMention]:
    """Protest with no named target: by the usual coding convention it addresses the government of
    the protesters' country."""
    # Named nowhere in the text: no words of its own (the protesters' words are not the government's).
    return [government_of(iso, next(s for s in sources if s.country == iso), ctx, "protest-convention")
            for iso in dict.fromkeys(s.country for s in sources if s.country and not s.code.endswith("GOV"))]


DEMONSTRATE = "141"
COMPLAIN_OFFICIALLY = "114"


def state_protest_code(code: str, trigger: Token, source: ActorMention) -> str:
    """"China protested to the United States over the arms sale", "Japan's foreign ministry protested the
    ruling": a government or an international body protesting lodges a complaint (114); it does not take to the
    streets. Legislators, police and soldiers do march and walk out, so their protests stay protests, and so does
    a protest the state is only beside ("Lam was interrupted by protesting legislators")."""
    if code == DEMONSTRATE and trigger.lemma_.lower() == "protest" and any(
            c.dep_ == "nsubj" for c in trigger.children) and (
            source.sector == "GOV" or source.kind == "country" or source.code.startswith("IGO")):
        return COMPLAIN_OFFICIALLY
    return code

