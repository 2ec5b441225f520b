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
from eventwire.actors.descriptions import CountryContext, contextual_mentions, described_mentions
from eventwire.actors.kb import ActorKB
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
    mentions.sort(key=lambda m: (m.start, m.end))
    mentions = with_acronyms(doc, mentions)  # "British Transport Police (BTP) ... BTP said"
    mentions += coreferent_mentions(doc, kb, mentions, quoted, pronouns=True)
    mentions.sort(key=lambda m: (m.start, m.end))
    return tuple(mentions)
