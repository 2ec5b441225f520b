"""Actor resolution, pass 1: names.

People (with the role they held on the article's date), groups, countries, and capitals or seats used
for their governments ("Damascus", "the Kremlin"), matched against the KB's names; people the KB lacks,
coded from the title in front of their name ("Iraqi Foreign Minister Fuad Hussein"), and their later
bare surnames; organisations nothing resolved, kept with an empty code.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from eventwire.actors.descriptions import CountryContext, role_of
from eventwire.actors.kb import ActorKB
from eventwire.actors.mentions import new_mention, token_range
from eventwire.model import ActorMention


@dataclass(frozen=True)
class ActorMatcher:
    """Phrase matchers over the KB's names, built once per vocabulary."""

    by_lower: PhraseMatcher
    by_orth: PhraseMatcher


def build_actor_matcher(kb: ActorKB, nlp: Language) -> ActorMatcher:
    by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_orth = PhraseMatcher(nlp.vocab, attr="ORTH")
    lower: dict[str, list[Doc]] = {}
    orth: dict[str, list[Doc]] = {}
    for alias, (kind, key) in kb.phrases.items():
        label = f"{kind}\t{key}"
        # Short upper-case aliases ("US", "IS", "AP") only match in capitals, never "us"/"is".
        target = orth if alias.isupper() and len(alias.replace(".", "")) <= 4 else lower
        target.setdefault(label, []).append(nlp.make_doc(alias))
        if alias.isalpha() and alias.isupper() and len(alias) == 4:
            # British style writes pronounceable acronyms as words: "Nato", "Farc", "Isis".
            orth.setdefault(label, []).append(nlp.make_doc(alias.capitalize()))
    for label, docs in lower.items():
        by_lower.add(label, docs)
    for label, docs in orth.items():
        by_orth.add(label, docs)
    return ActorMatcher(by_lower, by_orth)


def named_mentions(doc: Doc, kb: ActorKB, matcher: ActorMatcher, day: str | None,
                   context: CountryContext) -> list[ActorMention]:
    spans = []
    for match_id, start, end in [*matcher.by_lower(doc), *matcher.by_orth(doc)]:
        spans.append(Span(doc, start, end, label=match_id))
    out: list[ActorMention] = []
    for span in filter_spans(spans):
        if span.text[:1].islower() and not span.text.lower().startswith("al"):
            continue  # "reunion tour" is not Réunion: names are written with a capital
        kind, key = span.label_.split("\t", 1)
        if kind == "person" and len(span) == 1 and _used_as_place(span):
            continue  # "a refugee centre in Kerry" is County Kerry, not John Kerry
        mention = _named_mention(span, kind, key, kb, day)
        if mention is not None:
            out.append(mention)
    out += _titled_people(doc, kb, out, context)
    return out


def _titled_people(doc: Doc, kb: ActorKB, known: list[ActorMention], context: CountryContext
                   ) -> list[ActorMention]:
    """People the KB lacks, coded from the title in front of their name ("Iraqi Foreign Minister Fuad
    Hussein" -> IRQGOV; "Spokesman Nasser Kanaani" -> the context country's GOV); a later bare
    surname ("Hussein said") is the same person. Named people with no title are kept with an empty
    code: they can speak a quote, but no event is coded for an actor nobody can place."""
    covered = {i for m in known for i in range(*token_range(doc, m))}
    people: dict[str, ActorMention] = {}
    out: list[ActorMention] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or any(t.i in covered for t in ent):
            continue
        surname = ent[-1].text
        if surname in people:
            prior = people[surname]
            out.append(new_mention(ent, prior.name, prior.code, prior.country, "person", kb_id=prior.kb_id))
            continue
        titles: list[Token] = []
        attached = set(range(ent.start, ent.end))
        for t in reversed(doc[max(ent.start - 6, 0): ent.start]):
            if t.dep_ not in ("compound", "amod", "nmod") or t.head.i not in attached:
                break
            titles.insert(0, t)
            attached.add(t.i)
        role = next((r for t in titles if (r := role_of(t, kb)) is not None), None)
        country = next((iso for t in titles if (iso := kb.country_of_word(t.text)) is not None), None)
        if role is not None and country is None:
            country = context.country_at(ent.root)
        if role is None or country is None:
            mention = new_mention(ent, ent.text, "", None, "person", kb_id=f"unknown:{ent.text}",
                                  resolved_from="unknown-person")
        else:
            span = doc[min(t.i for t in titles): ent.end]
            mention = new_mention(span, ent.text, country + role, country, "person", head=ent.root,
                                  kb_id=f"titled:{ent.text}")
        people[surname] = mention
        out.append(mention)
    # Later bare surnames the parser did not tag as a person ("Hopkins said ..."): the same person.
    tagged = covered | {i for m in out for i in range(*token_range(doc, m))}
    for token in doc:
        named = people.get(token.text)
        if (named is None or token.pos_ != "PROPN" or token.i in tagged or token.i < named.token
                or token.dep_ == "compound" or any(c.dep_ == "compound" for c in token.children)):
            continue
        out.append(new_mention(doc[token.i: token.i + 1], named.name, named.code, named.country, "person",
                               kb_id=named.kb_id, resolved_from=named.resolved_from))
    return out


def _named_mention(span: Span, kind: str, key: str, kb: ActorKB, day: str | None) -> ActorMention | None:
    if kind == "person":
        role = kb.person_role(key, day)
        if role is not None:
            return new_mention(span, key, role.code, role.country, "person", kb_id=f"person:{key}")
        # Known person without a role on that day: a former office holder, CAMEO's elite block.
        country = kb.former_country(key)
        if country is None:
            return None
        return new_mention(span, key, country + "ELI", country, "person", kb_id=f"person:{key}")
    if kind == "group":
        group = kb.groups[key]
        return new_mention(span, group.name, group.code, group.country, group.kind, kb_id=f"group:{key}")
    if kind == "country":
        return new_mention(span, kb.countries[key].name, key, key, "country", kb_id=f"country:{key}")
    if kind == "seat":
        if _used_as_place(span):
            return None
        return new_mention(span, f"{kb.countries[key].name} government", key + "GOV", key, "government",
                           kb_id=f"country:{key}")
    return None


def _used_as_place(span: Span) -> bool:
    """"in Damascus" is a place; "Damascus said" or "its ally Damascus" is the government."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in {"in", "at", "near", "from", "to", "into", "outside",
                                                         "around", "across", "inside", "toward", "towards"}


def unknown_organisations(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Organisations nothing else resolved keep an empty code: they can speak a quote ("the Swedish
    Prosecution Authority said") and be a pronoun's antecedent, but code no event."""
    taken = {i for m in mentions for i in range(*token_range(doc, m))}
    return [new_mention(ent, ent.text, "", None, "organisation", kb_id=f"unknown:{ent.text}",
                        resolved_from="unknown-organisation")
            for ent in doc.ents if ent.label_ == "ORG" and not any(t.i in taken for t in ent)]
