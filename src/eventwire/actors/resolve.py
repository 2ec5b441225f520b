"""Stage 3: actor mentions in a parse -> canonical CAMEO-style actors.

Three passes over the one parse:
1. names: people (with the role they held on the article's date), groups, countries, and capitals or
   seats used for their governments ("Damascus", "the Kremlin");
2. descriptions built from parts: a role noun with a country from a nationality adjective, a
   compound, a possessive or an "of" phrase ("Syrian army", "Russia's troops", "the military chiefs
   of Russia, Iran and Turkey" -> three actors);
3. coreference by rule: pronouns and definite descriptions ("he", "the troops", "the group") take
   the most recent compatible actor.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from eventwire.actors.gender import mention_gender
from eventwire.actors.kb import ActorKB
from eventwire.model import ActorMention, PlaceMention
from eventwire.quotemarks import find_quote_spans
from eventwire.syntax import np_span, reporter_subjects

_MALE_PRONOUNS = {"he", "him", "his"}
_FEMALE_PRONOUNS = {"she", "her", "hers"}
_THING_PRONOUNS = {"it", "its"}
_PLURAL_PRONOUNS = {"they", "them", "their"}
_COUNTRY_WORDS = {"country", "nation"}
_GROUP_WORDS = {"group", "movement", "organisation", "organization", "militia", "bloc", "alliance", "union"}
# Heads that a role noun can qualify and still name people: "troop contingent", "army unit".
_COLLECTIVE_HEADS = frozenset({"contingent", "unit", "convoy", "delegation", "detachment", "battalion", "brigade",
                               "division", "column", "patrol", "team", "squad", "personnel", "chief", "commander",
                               "spokesman", "spokeswoman", "spokesperson", "source", "leader", "official",
                               "party", "member", "supporter", "group", "force",
                               # the machines a force acts through: "army bulldozers", "government missiles"
                               "bulldozer", "tank", "missile", "rocket", "drone", "jet", "warplane", "helicopter",
                               "gunboat", "warship", "vehicle", "artillery", "plane", "aircraft", "bomber"})
# How far back (in sentences) a description or pronoun may reach for its antecedent.
_COREF_WINDOW = 4


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


def resolve_actors(doc: Doc, kb: ActorKB, matcher: ActorMatcher, day: str | None,
                   places: tuple[PlaceMention, ...] = ()) -> tuple[ActorMention, ...]:
    """All actor mentions of the article, in text order. `day` (YYYY-MM-DD) dates people's roles;
    `places` give the country context of role nouns that name none ("police" in a Tbilisi story)."""
    context = _CountryContext(doc, places)
    named = _named_mentions(doc, kb, matcher, day, context)
    covered = {i for m in named for i in range(*_token_range(doc, m))}
    built = _described_mentions(doc, kb, covered)
    absorbed = {m.named_by for m in built}
    mentions = [m.mention for m in built] + [m for m in named if m.token not in absorbed]
    mentions.sort(key=lambda m: (m.start, m.end))
    quoted = find_quote_spans(doc.text)
    # Descriptions first ("the president" is the president named before), then role nouns from context
    # ("police" in a Tbilisi story) and unknown organisations, so that pronouns can refer to all of them.
    mentions += _coreferent_mentions(doc, kb, mentions, quoted, pronouns=False)
    mentions += _contextual_mentions(doc, kb, mentions, context, quoted)
    mentions += _unknown_organisations(doc, mentions)
    mentions.sort(key=lambda m: (m.start, m.end))
    mentions += _coreferent_mentions(doc, kb, mentions, quoted, pronouns=True)
    mentions.sort(key=lambda m: (m.start, m.end))
    return tuple(mentions)


def _unknown_organisations(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Organisations nothing else resolved keep an empty code: they can speak a quote ("the Swedish
    Prosecution Authority said") and be a pronoun's antecedent, but code no event."""
    taken = {i for m in mentions for i in range(*_token_range(doc, m))}
    return [_mention(ent, ent.text, "", None, "organisation", kb_id=f"unknown:{ent.text}",
                     resolved_from="unknown-organisation")
            for ent in doc.ents if ent.label_ == "ORG" and not any(t.i in taken for t in ent)]


def _token_range(doc: Doc, m: ActorMention) -> tuple[int, int]:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (m.token, m.token + 1)


def _mention(span: Span, name: str, code: str, country: str | None, kind: str, *, head: Token | None = None,
             kb_id: str | None = None, resolved_from: str | None = None) -> ActorMention:
    anchor = head if head is not None else span.root
    return ActorMention(text=span.text, name=name, code=code, country=country, kind=kind,
                        start=span.start_char, end=span.end_char, kb_id=kb_id, resolved_from=resolved_from,
                        token=anchor.i)


class _CountryContext:
    """The country a description without one refers to: a place named in its sentence, else the
    article's most named country."""

    def __init__(self, doc: Doc, places: tuple[PlaceMention, ...]) -> None:
        in_text = [p for p in places if p.start is not None]
        counts = Counter(p.country for p in in_text if p.country)
        self.article_country = counts.most_common(1)[0][0] if counts else None
        self.places = in_text

    def country_at(self, token: Token) -> str | None:
        sent = token.sent
        local = [(p.start, p) for p in self.places if p.start is not None and sent.start_char <= p.start
                 < sent.end_char and p.country]
        if local:
            return min(local, key=lambda sp: abs(sp[0] - token.idx))[1].country
        return self.article_country


def _named_mentions(doc: Doc, kb: ActorKB, matcher: ActorMatcher, day: str | None,
                    context: _CountryContext) -> list[ActorMention]:
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


def _titled_people(doc: Doc, kb: ActorKB, known: list[ActorMention], context: _CountryContext
                   ) -> list[ActorMention]:
    """People the KB lacks, coded from the title in front of their name ("Iraqi Foreign Minister Fuad
    Hussein" -> IRQGOV; "Spokesman Nasser Kanaani" -> the context country's GOV); a later bare
    surname ("Hussein said") is the same person. Named people with no title are kept with an empty
    code: they can speak a quote, but no event is coded for an actor nobody can place."""
    covered = {i for m in known for i in range(*_token_range(doc, m))}
    people: dict[str, ActorMention] = {}
    out: list[ActorMention] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or any(t.i in covered for t in ent):
            continue
        surname = ent[-1].text
        if surname in people:
            prior = people[surname]
            out.append(_mention(ent, prior.name, prior.code, prior.country, "person", kb_id=prior.kb_id))
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
            mention = _mention(ent, ent.text, "", None, "person", kb_id=f"unknown:{ent.text}",
                               resolved_from="unknown-person")
        else:
            span = doc[min(t.i for t in titles): ent.end]
            mention = _mention(span, ent.text, country + role, country, "person", head=ent.root,
                               kb_id=f"titled:{ent.text}")
        people[surname] = mention
        out.append(mention)
    # Later bare surnames the parser did not tag as a person ("Hopkins said ..."): the same person.
    tagged = covered | {i for m in out for i in range(*_token_range(doc, m))}
    for token in doc:
        named = people.get(token.text)
        if (named is None or token.pos_ != "PROPN" or token.i in tagged or token.i < named.token
                or token.dep_ == "compound" or any(c.dep_ == "compound" for c in token.children)):
            continue
        out.append(_mention(doc[token.i: token.i + 1], named.name, named.code, named.country, "person",
                            kb_id=named.kb_id, resolved_from=named.resolved_from))
    return out


def _named_mention(span: Span, kind: str, key: str, kb: ActorKB, day: str | None) -> ActorMention | None:
    if kind == "person":
        role = kb.person_role(key, day)
        if role is not None:
            return _mention(span, key, role.code, role.country, "person", kb_id=f"person:{key}")
        # Known person without a role on that day: a former office holder, CAMEO's elite block.
        country = kb.former_country(key)
        if country is None:
            return None
        return _mention(span, key, country + "ELI", country, "person", kb_id=f"person:{key}")
    if kind == "group":
        group = kb.groups[key]
        return _mention(span, group.name, group.code, group.country, group.kind, kb_id=f"group:{key}")
    if kind == "country":
        return _mention(span, kb.countries[key].name, key, key, "country", kb_id=f"country:{key}")
    if kind == "seat":
        if _used_as_place(span):
            return None
        return _mention(span, f"{kb.countries[key].name} government", key + "GOV", key, "government",
                        kb_id=f"country:{key}")
    return None


def _used_as_place(span: Span) -> bool:
    """"in Damascus" is a place; "Damascus said" or "its ally Damascus" is the government."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in {"in", "at", "near", "from", "to", "into", "outside",
                                                         "around", "across", "inside", "toward", "towards"}


def role_of(token: Token, kb: ActorKB) -> str | None:
    """Role block named by a noun, refined by its modifiers ("military chiefs" -> MIL); a head that only
    says who speaks or leads for a body takes the body's role ("rebel commander" REB, "police chief" COP)."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod"):
            role = kb.roles.get((lemma, child.lemma_.lower()))
            if role:
                return role
    if lemma in _COLLECTIVE_HEADS:
        for child in token.children:
            if child.dep_ in ("amod", "compound") and (own := kb.roles.get((child.lemma_.lower(), ""))):
                return own
    role = kb.roles.get((lemma, ""))
    if role is None and token.tag_ in ("NNS", "NNPS") and token.lower_.endswith("s"):
        role = kb.roles.get((token.lower_[:-1], ""))  # "Kurds" tagged a proper noun keeps its plural as lemma
    if role is None and plural_demonym(token, kb) is not None:
        return "CVL"  # "Young Algerians blocked roads": a country's people
    return role


def plural_demonym(token: Token, kb: ActorKB) -> str | None:
    """ISO3 of a people named in the plural ("Algerians", "Palestinians", "Filipinos"), else None."""
    if token.tag_ not in ("NNS", "NNPS") or not token.text[:1].isupper() or not token.lower_.endswith("s"):
        return None
    return kb.country_by_adjective.get(token.lower_[:-1])


def _countries_of(token: Token, kb: ActorKB) -> list[tuple[str, Token]]:
    """Countries qualifying a role noun, each with the token that names it."""
    found: list[tuple[str, Token]] = []
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod", "poss"):
            iso = kb.country_of_word(child.text)
            if iso is None and child.i > 0:  # two-word adjectives parsed apart: "South Korean", "Sri Lankan"
                iso = kb.country_of_word(f"{child.doc[child.i - 1].text} {child.text}")
            if iso is None and child.dep_ == "poss":
                iso = kb.country_by_name.get(child.text.lower())
            if iso:
                found.append((iso, child))
        elif child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                for member in (obj, *obj.conjuncts):
                    iso = kb.country_by_name.get(member.text.lower()) or _multiword_country(member, kb)
                    if iso:
                        found.append((iso, member))
    return found


def _multiword_country(token: Token, kb: ActorKB) -> str | None:
    phrase = " ".join(t.text for t in token.subtree if t.dep_ in ("compound", "amod") or t == token)
    return kb.country_by_name.get(phrase.lower())


@dataclass(frozen=True)
class _Described:
    mention: ActorMention
    named_by: int  # token naming the country, whose bare country mention this one absorbs


def _described_mentions(doc: Doc, kb: ActorKB, covered: set[int]) -> list[_Described]:
    out: list[_Described] = []
    for token, role, anchor in _role_nouns(doc, kb, covered):
        countries = _countries_of(token, kb) or (_countries_of(anchor, kb) if anchor != token else [])
        if not countries and (iso_of_people := plural_demonym(token, kb)) is not None:
            countries = [(iso_of_people, token)]
        for iso, named_by in countries:
            left = min(t.i for t in anchor.subtree if (t.i <= token.i and t.dep_ in ("amod", "compound", "det",
                                                                                     "nmod", "poss"))
                       or t.i == token.i)
            right = max(anchor.i, named_by.i) + 1
            span = doc[min(left, named_by.i): right]
            country = kb.countries.get(iso)
            label = country.name if country else iso
            mention = _mention(span, f"{label} {_ROLE_NAMES.get(role, role.lower())}", iso + role, iso,
                               _ROLE_KIND.get(role, "description"), head=anchor)
            out.append(_Described(mention, named_by.i))
    return out


def _role_nouns(doc: Doc, kb: ActorKB, covered: set[int]) -> Iterator[tuple[Token, str, Token]]:
    """(role noun, its role, the token anchoring the actor) for every role noun outside known names."""
    for token in doc:
        found = _role_anchor(token, kb, covered)
        if found is not None:
            yield token, found[0], found[1]


def _role_anchor(token: Token, kb: ActorKB, covered: set[int]) -> tuple[str, Token] | None:
    """(role, anchor) for a role noun that can stand as an actor, else None."""
    if token.pos_ not in ("NOUN", "PROPN") or token.i in covered or token.ent_type_ == "PERSON":
        return None  # "King" in "Kevin King" is a name, not a king
    role = role_of(token, kb)
    if role is None or (token.dep_ == "compound" and token.head.i in covered):
        return None
    if token.dep_ == "compound" and role_of(token.head, kb) is None:
        # "troop contingent" is the troops; "regime stronghold" or "police station" is not an actor.
        if token.head.lemma_.lower() not in _COLLECTIVE_HEADS:
            return None
        return role, token.head
    return role, token


def _sentence_country(token: Token, mentions: list[ActorMention]) -> str | None:
    """With no place to go by, the one country the sentence's actors share: "Vietnamese authorities
    outlawed opposition parties" is Vietnam's opposition."""
    sent = token.sent
    countries = {m.country for m in mentions if sent.start_char <= m.start < sent.end_char and m.country}
    return countries.pop() if len(countries) == 1 else None


def _group_modifier(noun: Token, mentions: list[ActorMention]) -> ActorMention | None:
    by_token = {m.token: m for m in mentions if m.kb_id and m.kb_id.startswith("group:")}
    for child in noun.children:
        if child.dep_ in ("compound", "nmod", "poss", "amod") and child.i in by_token:
            return by_token[child.i]
        if child.dep_ in ("compound", "nmod"):
            for grandchild in child.subtree:
                if grandchild.i in by_token:
                    return by_token[grandchild.i]
    return None


def _contextual_mentions(doc: Doc, kb: ActorKB, mentions: list[ActorMention],
                         context: _CountryContext, quoted: list[tuple[int, int]]) -> list[ActorMention]:
    """Role nouns naming no country ("police", "government troops") take the country of a place in
    their sentence, else the article's most named country. Not inside quotes: there the speaker's
    own country is meant, which this pass cannot know."""
    taken = {i for m in mentions for i in range(*_token_range(doc, m))}
    anchored = {m.token for m in mentions}
    out: list[ActorMention] = []
    for token, role, anchor in _role_nouns(doc, kb, taken):
        if anchor.i in anchored or (token.dep_ == "compound" and role_of(token.head, kb) is not None):
            continue
        if any(start <= token.idx < end for start, end in quoted):
            continue
        if any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in anchor.children):
            continue  # "European officials", "Kurdish fighters": a people, not the context country
        group = _group_modifier(anchor, mentions)
        if group is not None:  # "ISWAP fighters", "Hamas gunmen": the group itself
            span = doc[min(group.token, anchor.i): anchor.i + 1]
            out.append(_mention(span, group.name, group.code, group.country, group.kind, head=anchor,
                                kb_id=group.kb_id, resolved_from="group-modifier"))
            anchored.add(anchor.i)
            continue
        # "the Bush administration", "Putin's government": a leader named in the phrase gives its country.
        owner = next((m for c in anchor.children if c.dep_ in ("compound", "poss")
                      for m in mentions if m.token == c.i and m.country), None)
        country = owner.country if owner is not None else (context.country_at(token)
                                                              or _sentence_country(token, mentions))
        if country is None:
            continue
        label = kb.countries[country].name if country in kb.countries else country
        span = np_span(anchor)
        out.append(_mention(span, f"{label} {_ROLE_NAMES.get(role, role.lower())}", country + role, country,
                            _ROLE_KIND.get(role, "description"), head=anchor, resolved_from="context"))
        anchored.add(anchor.i)
    return out


_ROLE_NAMES = {
    "GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition", "COP": "police",
    "JUD": "judiciary", "LEG": "legislature", "SPY": "intelligence", "CVL": "civilians", "REF": "refugees",
    "EDU": "education", "BUS": "business", "MED": "media", "HLH": "health", "LAB": "labour", "CRM": "criminals",
}
_ROLE_KIND = {"GOV": "government", "MIL": "military", "COP": "police"}


def _coreferent_mentions(doc: Doc, kb: ActorKB, mentions: list[ActorMention],
                         quoted: list[tuple[int, int]], *, pronouns: bool) -> list[ActorMention]:
    """Pronouns (or bare definite descriptions) resolved to the most recent compatible actor."""
    taken = {i for m in mentions for i in range(*_token_range(doc, m))}
    sent_starts = [s.start for s in doc.sents]
    out: list[ActorMention] = []
    ordered = sorted(mentions, key=lambda m: m.start)
    for token in doc:
        # Inside a quote, "he", "their", "the minister" are seen from the speaker: not resolved here.
        if token.i in taken or any(start <= token.idx < end for start, end in quoted):
            continue
        if (token.pos_ == "PRON") != pronouns:
            continue
        lower = token.lower_
        want: str | None = None
        if token.pos_ == "PRON" and lower in _MALE_PRONOUNS:
            want = "person:m"
        elif token.pos_ == "PRON" and lower in _FEMALE_PRONOUNS:
            want = "person:f"
        elif token.pos_ == "PRON" and lower in _THING_PRONOUNS:
            if _expletive(token):
                continue
            want = "thing"
        elif token.pos_ == "PRON" and lower in _PLURAL_PRONOUNS:
            want = "plural"
        elif token.pos_ == "NOUN" and _is_definite(token):
            if token.lemma_.lower() in _COUNTRY_WORDS and token.tag_ == "NN":
                want = "country"
            elif token.lemma_.lower() in _GROUP_WORDS and token.tag_ == "NN" and not any(
                c.dep_ in ("amod", "compound", "nmod", "prep") for c in token.children
            ):
                want = "group"
            elif role_of(token, kb) and not _countries_of(token, kb):
                want = "role:" + (role_of(token, kb) or "")
        if want is None:
            continue
        if want.startswith("role:") and _pair_word(token):
            antecedents = _last_two(token, want, ordered, kb)
        elif want == "plural" and (pair := _conjoined_people(token, ordered)):
            antecedents = pair
        else:
            found = (_reporting_subject(token, want, ordered, kb)
                     or _antecedent(doc, token, want, ordered, kb, sent_starts))
            antecedents = [found] if found is not None else []
        span = doc[token.i: token.i + 1] if token.pos_ == "PRON" else np_span(token)
        for antecedent in antecedents:
            out.append(ActorMention(
                text=span.text, name=antecedent.name, code=antecedent.code, country=antecedent.country,
                kind=antecedent.kind, start=span.start_char, end=span.end_char, kb_id=antecedent.kb_id,
                resolved_from="pronoun" if token.pos_ == "PRON" else "description", token=token.i,
            ))
    return out


# Adjectives that judge a situation, not an actor: "it is important to", "it was clear that".
_SITUATION_ADJECTIVES = frozenset({"important", "imp", "clear", "unclear", "hard", "difficult", "easy", "good", "bad",
                                   "necessary", "possible", "impossible", "likely", "unlikely", "true", "time",
                                   "vital", "essential", "crucial", "obvious", "evident", "wonderful", "unfortunate",
                                   "significant", "surprising", "enough", "worth", "critical", "urgent"})
_SEEM_VERBS = frozenset({"seem", "appear"})


def _expletive(token: Token) -> bool:
    """A dummy "it" that stands for no actor: "it seems that", "it is important to", "it was made clear
    that", "it was Morrison who took over", "find it hard to"."""
    if token.dep_ == "expl":
        return True
    head = token.head
    if head.lemma_.lower() in _SEEM_VERBS:
        return True
    children = list(head.children)
    if token.dep_ == "nsubjpass" and any(c.dep_ == "ccomp" for c in children):
        return True  # "it was reported that", "it had been made clear that"
    judged = [c for c in children if c.dep_ in ("acomp", "oprd", "ccomp", "attr")
              and c.lemma_.lower() in _SITUATION_ADJECTIVES]
    if judged and token.dep_ in ("nsubj", "dobj"):
        return True
    # A cleft: "it was Morrison who took over".
    return token.dep_ == "nsubj" and head.lemma_ == "be" and any(
        c.dep_ == "attr" and any(g.dep_ == "relcl" for g in c.children) for c in children)


def _conjoined_people(token: Token, ordered: list[ActorMention]) -> list[ActorMention]:
    """"Tova Noel and Michael Thomas ... they": the people joined as the subject of this or the previous
    sentence."""
    sent = token.sent
    scopes = [sent] + ([token.doc[sent.start - 1].sent] if sent.start > 0 else [])
    for scope in scopes:
        people = [m for m in ordered if scope.start <= m.token < min(scope.end, token.i) and m.kind == "person"]
        by_token = {m.token: m for m in people}
        for m in people:
            head = token.doc[m.token]
            # The subject, or a name attached to it ("Guards Tova Noel and Michael Thomas were charged").
            in_subject = head.dep_ in ("nsubj", "nsubjpass") or head.head.dep_ in ("nsubj", "nsubjpass")
            if in_subject and head.conjuncts:
                joined = [by_token[c.i] for c in head.conjuncts if c.i in by_token]
                if joined:
                    return [m, *joined]
    return []


def _pair_word(token: Token) -> bool:
    """"the two ministers", "both leaders"."""
    return token.tag_ == "NNS" and any(c.lower_ in ("two", "both") for c in token.children)


def _last_two(token: Token, want: str, ordered: Iterable[ActorMention], kb: ActorKB) -> list[ActorMention]:
    role = want[5:]
    seen: dict[str, ActorMention] = {}
    for m in ordered:
        if m.token >= token.i:
            break
        if m.code.endswith(role) and m.country is not None:
            seen.pop(m.name, None)
            seen[m.name] = m
    return list(seen.values())[-2:] if len(seen) >= 2 else []


def _reporting_subject(token: Token, want: str, ordered: Iterable[ActorMention], kb: ActorKB
                       ) -> ActorMention | None:
    """"The EU said it was concerned": a pronoun subject of a reported clause is the reporter."""
    if token.pos_ != "PRON":
        return None
    subjects = {c.i for c in reporter_subjects(token)}
    for m in ordered:
        if m.token in subjects and _compatible(m, want, kb, token.doc):
            return m
    return None


def _is_definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in token.children)


def _compatible(m: ActorMention, want: str, kb: ActorKB, doc: Doc) -> bool:
    if want.startswith("person:"):
        return m.kind == "person" and mention_gender(m, doc) in (None, want[7:])
    if want == "thing":
        return m.kind in ("country", "government", "organisation") or m.code.startswith("IMG") or (
            m.kb_id is not None and m.kb_id.startswith("group:"))
    if want == "plural":
        return m.kind not in ("person", "country")
    if want == "country":
        return m.kind == "country"
    if want == "group":
        return m.kb_id is not None and m.kb_id.startswith("group:")
    if want.startswith("role:"):
        return m.code.endswith(want[5:]) and m.country is not None
    return False


def _antecedent(doc: Doc, token: Token, want: str, ordered: Iterable[ActorMention],
                kb: ActorKB, sent_starts: list[int]) -> ActorMention | None:
    here = bisect_right(sent_starts, token.i)
    if token.pos_ == "PRON":
        # Salience: a subject earlier in the same sentence wins over a nearer object.
        sent = token.sent
        subjects = [m for m in ordered if sent.start <= m.token < token.i and _compatible(m, want, kb, doc)
                    and doc[m.token].dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[-1]
        # Else the subject of the previous sentence ("Sasse said ... \n\n “...,” he said").
        if sent.start > 0:
            previous = doc[sent.start - 1].sent
            subjects = [m for m in ordered if previous.start <= m.token < previous.end
                        and _compatible(m, want, kb, doc)
                        and doc[m.token].dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects[-1]
    best: ActorMention | None = None
    for m in ordered:
        if m.token >= token.i:
            break
        if here - bisect_right(sent_starts, m.token) > _COREF_WINDOW:
            continue
        if _compatible(m, want, kb, doc):
            best = m
    return best
