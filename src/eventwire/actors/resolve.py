"""Stage 3: actor mentions in a parse -> canonical CAMEO-style actors.

Three passes over the one parse:
1. names (actors/names.py): people (with the role they held on the article's date), groups,
   countries, and capitals or seats used for their governments ("Damascus", "the Kremlin");
2. descriptions built from parts (actors/descriptions.py): a role noun with a country from a
   nationality adjective, a compound, a possessive or an "of" phrase ("Syrian army", "Russia's
   troops", "the military chiefs of Russia, Iran and Turkey" -> three actors);
3. coreference by rule (actors/coref.py): pronouns and definite descriptions ("he", "the troops",
   "the group") take the most recent compatible actor.
"""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.actors.acronyms import with_acronyms
from eventwire.actors.coref import coreferent_mentions
from eventwire.actors.country_context import CountryContext
from eventwire.actors.descriptions import FORMER, contextual_mentions, described_mentions
from eventwire.actors.kb import ActorKB
from eventwire.actors.leaders import leaders_of_bodies
from eventwire.actors.mentions import token_range
from eventwire.actors.names import ActorMatcher, named_mentions, unknown_organisations
from eventwire.model import ActorMention, PlaceMention
from eventwire.places.roles import in_dateline
from eventwire.quotemarks import find_quote_spans

# A country or capital's name standing for its state ("Paris" for the French government) is a namesake when the
# places stage read that very name as a place of another country ("Paris police ... in Paris, Texas").
_METONYM_KINDS = frozenset({"country", "government"})


def _not_namesakes(named: list[ActorMention], places: tuple[PlaceMention, ...]) -> list[ActorMention]:
    elsewhere = {(p.start, p.end) for p in places if p.start is not None and p.country}
    countries = {(p.start, p.end): p.country for p in places if p.start is not None}
    return [m for m in named if not (m.kind in _METONYM_KINDS and (m.start, m.end) in elsewhere
                                     and countries[(m.start, m.end)] != m.country)]


def _not_datelines(named: list[ActorMention], doc: Doc) -> list[ActorMention]:
    """"BAGHDAD — A car bomb exploded ...": a capital opening the story before a dash is where it was filed,
    never its government acting."""
    return [m for m in named if not (m.kind in _DATELINE_KINDS and m.token >= 0 and in_dateline(doc[m.token]))]


# A dateline names where a story was filed and the agency that filed it ("KABUL, Afghanistan (AP) —").
_DATELINE_KINDS = _METONYM_KINDS | {"media"}


def resolve_actors(doc: Doc, kb: ActorKB, matcher: ActorMatcher, day: str | None,
                   places: tuple[PlaceMention, ...] = ()) -> tuple[ActorMention, ...]:
    """All actor mentions of the article, in text order. `day` (YYYY-MM-DD) dates people's roles;
    `places` give the country context of role nouns that name none ("police" in a Tbilisi story)."""
    context = CountryContext(doc, places)
    named = _not_datelines(_not_namesakes(named_mentions(doc, kb, matcher, day, context), places), doc)
    context = context.with_actors(tuple(named))
    covered = {i for m in named for i in range(*token_range(doc, m))}
    # a country's name the places stage read as a town of another country ("Lebanon Police" in Indiana)
    towns = {p.token: p.country for p in places
             if p.start is not None and p.country and p.feature not in ("country", "region") and p.token >= 0}
    built = described_mentions(doc, kb, covered, towns)
    absorbed = {m.named_by for m in built}
    mentions = [m.mention for m in built] + [m for m in named if m.token not in absorbed]
    mentions.sort(key=lambda m: (m.start, m.end))
    quoted = find_quote_spans(doc.text)
    # Descriptions first ("the president" is the president named before), then role nouns from context
    # ("police" in a Tbilisi story) and unknown organisations, so that pronouns can refer to all of them.
    mentions += coreferent_mentions(doc, kb, mentions, quoted, pronouns=False)
    mentions += contextual_mentions(doc, kb, mentions, context, quoted)
    mentions += unknown_organisations(doc, mentions)
    mentions += leaders_of_bodies(doc, mentions)  # "the general manager of Abu Dhabi Media": the body's code
    mentions.sort(key=lambda m: (m.start, m.end))
    mentions = with_acronyms(doc, mentions)  # "British Transport Police (BTP) ... BTP said"
    mentions = _named_by_apposition(doc, mentions)
    mentions += coreferent_mentions(doc, kb, mentions, quoted, pronouns=True)
    mentions.sort(key=lambda m: (m.start, m.end))
    return tuple(mentions)


def _no_state_office(doc: Doc, role: ActorMention, coded: set[int]) -> bool:
    """"vice president of Hartman & Tyner Inc.": a title held in a body the KB does not code is no state office;
    "a spokeswoman for the Red Cross" speaks for another (the role noun's own rules say whom)."""
    if not 0 <= role.token < len(doc):
        return False
    preps = [p for p in doc[role.token].children if p.dep_ == "prep"]
    bodies = [o for p in preps if p.lower_ in ("of", "at") for o in p.children if o.dep_ == "pobj"]
    return any(p.lower_ in ("for", "to") for p in preps) or any(
        o.ent_type_ == "ORG" and not any(t.i in coded for t in o.subtree) for o in bodies)


# Roles that make a person a side of political events ("a farmer" or "a student" beside a name says less than the
# story's own conventions for suspects and victims).
_PUBLIC_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "OPP", "REB", "IGO", "IMG", "NGO"})


def _named_by_apposition(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"Pawel Adamowicz, mayor of Gdansk", "the mayor, Pawel Adamowicz": a person the knowledge base does not know
    is who the role beside them says (POLGOV), so that what is done to them is done to that side."""
    coded_tokens = {m.token for m in mentions if m.code}
    by_token = {m.token: m for m in mentions if m.code and m.kind not in ("person", "country")
                and m.sector in _PUBLIC_ROLES and not _no_state_office(doc, m, coded_tokens)}
    out = []
    for mention in mentions:
        role = None
        if mention.kind == "person" and not mention.code and 0 <= mention.token < len(doc):
            head = doc[mention.token]
            beside = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
            holder = next((t for t in beside if t.i in by_token), None)
            role = by_token[holder.i] if holder is not None else None
            # (the parser may split "former vice-president" into appositions of their own)
            if role is not None and holder is not None and role.country and any(
                    w.lower_ in FORMER for w in [*holder.subtree, *doc[head.i + 1: holder.i]] if w.i < holder.i):
                # "Nickey Iyambo, former vice-president of Namibia": out of office, one of CAMEO's elites
                role = role.model_copy(update={"code": f"{role.country}ELI"})
        out.append(mention if role is None else mention.model_copy(
            update={"code": role.code, "country": role.country, "resolved_from": "apposition"}))
    return out
