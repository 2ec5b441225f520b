"""Actor resolution, pass 2: descriptions built from parts.

A role noun with a country from a nationality adjective, a compound, a possessive or an "of" phrase
("Syrian army", "Russia's troops", "the military chiefs of Russia, Iran and Turkey" -> three actors);
a people named in the plural ("Algerians" -> DZACVL); role nouns naming no country ("police") take
the country of a place in their sentence, else the article's most named country, and a group that
qualifies them stands for itself ("ISWAP fighters").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.actors.country_context import CountryContext
from eventwire.actors.kb import ActorKB
from eventwire.actors.mentions import new_mention, token_range
from eventwire.datafiles import word_list
from eventwire.model import ActorMention
from eventwire.syntax import nominal_participle, np_span

# Heads that a role noun can qualify and still name people: "troop contingent", "army unit".
_COLLECTIVE_HEADS = word_list("eventwire.actors", "collective_head")
_TRADE_WHEN_PLURAL = word_list("eventwire.actors", "trade_when_plural")
# Adjectives naming a region or bloc: "the European Court" is no country's court.
_REGION_ADJECTIVES = word_list("eventwire.actors", "region_adjective")
# Adjectives naming a creed, not a people ("communist rebels", "Islamist militants"): the context country stands.
_CREED_ADJECTIVES = word_list("eventwire.actors", "creed_adjective")
# Role nouns naming a body ("the court", "the Senate"), not its people.
_BODY_HEADS = word_list("eventwire.actors", "body_head")
_AMBIGUOUS_OFFICERS = frozenset({"officer"})
_POLICE_WORDS = word_list("eventwire.actors", "police_word")
_MILITARY_WORDS = word_list("eventwire.actors", "military_word")
# Participles and adjectives that, as nouns, name people harmed or in need ("the wounded"): civilians.
_PEOPLE_PARTICIPLES = word_list("eventwire.actors", "people_participle")


def _a_police_story(doc: Doc) -> bool:
    """Whether the article speaks of police more than of armies (counted once per parse)."""
    key = "eventwire.police_story"
    if key not in doc.user_data:
        lemmas = [t.lemma_.lower() for t in doc]
        police = sum(lemma in _POLICE_WORDS for lemma in lemmas)
        doc.user_data[key] = police > 0 and police > sum(lemma in _MILITARY_WORDS for lemma in lemmas)
    return bool(doc.user_data[key])


def role_of(token: Token, kb: ActorKB) -> str | None:
    """Role block named by a noun (see _role_named); an office holder out of office ("a former foreign
    minister", "a retired naval officer") is one of CAMEO's elites."""
    role = _role_named(token, kb)
    if role in STATE_SECTORS and any(c.dep_ == "amod" and c.lower_ in FORMER for c in token.children):
        return "ELI"
    return role


def _role_named(token: Token, kb: ActorKB) -> str | None:
    """Role block named by a noun, refined by its modifiers ("military chiefs" -> MIL, "the sheriff's
    office" -> COP, "House of Representatives" -> LEG); a head that only says who speaks or leads for a
    body takes the body's role ("rebel commander" REB, "police chief" COP)."""
    lemma = _singular(token)  # "the Internal Security Forces", tagged a proper noun, keeps its plural
    if _POLICE_ACRONYM.fullmatch(token.text):
        return "COP"  # "NYPD", "LAPD": a city's police department
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod", "poss"):
            # the word as written too: "the ruling party", whose "ruling" the parser lemmatises to "rule"
            role = _row(kb, token, (lemma, child.lemma_.lower())) or _row(kb, token, (lemma, child.lower_))
            if role:
                return role
        elif child.dep_ == "prep" and child.lower_ == "of":  # "House of Commons", "House of Representatives"
            for obj in child.children:
                if obj.dep_ == "pobj" and (role := _row(kb, token, (lemma, _singular(obj)))):
                    return role
    if lemma in _COLLECTIVE_HEADS:
        # "armed opposition groups", "armed groups": a group carrying arms against the state is a rebel side
        # (the armed forces and an armed convoy of the army are the state's)
        armed = lemma == "group" and any(c.dep_ == "amod" and c.lower_ == "armed" for c in token.children)
        for child in token.children:
            if child.dep_ in ("amod", "compound") and (own := _row(kb, child, (child.lemma_.lower(), ""))):
                return "REB" if armed and own in ("OPP", "CVL") else own
        if armed:
            return "REB"
    role = _row(kb, token, (lemma, ""))
    if lemma in _TRADE_WHEN_PLURAL and token.tag_ in ("NNS", "NNPS"):
        return "LAB"  # "Uber drivers protested": workers of a trade, where "the driver" is a motorist
    if lemma in _PROSECUTOR_TITLES and _capitalised_as_a_name(token):
        return "JUD"  # "United States Attorney Jessie Liu", "the District Attorney": a public prosecutor
    if lemma in _AMBIGUOUS_OFFICERS and role == "MIL" and _a_police_story(token.doc):
        return "COP"  # "officers arrested him": in a story of police, not of armies, officers are police
    if role is None and token.tag_ in ("NNS", "NNPS") and token.lower_.endswith("s"):
        # "Kurds" tagged a proper noun keeps its plural as lemma
        role = _row(kb, token, (token.lower_[:-1], ""))
    if role is None and token.tag_ == "NNP" and token.is_sent_start and token.text.istitle():
        # "Lawmakers voted ...": a common noun opening a sentence, capitalised, is tagged a name
        role = _row(kb, token, (token.lower_, "")) or (
            _row(kb, token, (token.lower_[:-1], "")) if token.lower_.endswith("s") else None)
    if role is None and people_demonym(token, kb) is not None:
        return "CVL"  # "Young Algerians blocked roads": a country's people
    return role


# Heads that, written as a title, name a public prosecutor's office.
_PROSECUTOR_TITLES = frozenset({"attorney"})
# Words that put an office holder out of office.
FORMER = frozenset({"former", "ex", "ex-", "erstwhile", "onetime", "late", "ousted", "deposed", "retired"})
# The role blocks of the state's own bodies.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


# City police departments named by their initials: "NYPD", "LAPD", "SFPD".
_POLICE_ACRONYM = re.compile(r"[A-Z]{2,4}PD")


def _singular(token: Token) -> str:
    """A noun's lemma, with the plural a proper-noun tag keeps undone ("Representatives")."""
    lemma = token.lemma_.lower()
    if token.tag_ == "NNPS" and lemma == token.lower_ and lemma.endswith("s"):
        return lemma[:-1]
    return lemma


def _names_country(token: Token, kb: ActorKB) -> bool:
    """Whether a modifier is (the end of) a country's name or adjective: "U.S.", "United States"."""
    if kb.country_of_word(token.text) is not None:
        return True
    return token.i > 0 and kb.country_of_word(f"{token.doc[token.i - 1].text} {token.text}") is not None


def _modifies_a_row(token: Token, kb: ActorKB) -> bool:
    """A word that only qualifies the body its head names: "sheriff" in "the sheriff's office",
    "Representatives" in "House of Representatives"."""
    head = token.head
    if token.dep_ == "poss":
        return (head.lemma_.lower(), token.lemma_.lower()) in kb.roles
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.i != token.i:
        return (head.head.lemma_.lower(), _singular(token)) in kb.roles
    return False


def _row(kb: ActorKB, token: Token, key: tuple[str, str]) -> str | None:
    """The role of a roles.tsv row, if the token is written in the form the row asks for."""
    role = kb.roles.get(key)
    if role is None:
        return None
    form = kb.role_forms.get(key, "")
    if form and not _capitalised_as_a_name(token):
        return None  # "Representative Jane Doe" is a legislator, "a representative of the firm" is not
    if form == "chamber" and any(
        c.dep_ in ("compound", "amod") and c.text[:1].isupper() and not _names_country(c, kb)
        and kb.roles.get((c.lemma_.lower(), "")) is None for c in token.children
    ):
        return None  # "the Opera House", "Chatham House": another name's house, not a chamber
    return role


def _capitalised_as_a_name(token: Token) -> bool:
    """Written with a capital that is not only the sentence's: "Representative Jane Doe", "the House", but not
    "Representatives from a neighbourhood group said ..." opening a sentence with no name after it."""
    if not token.text[:1].isupper():
        return False
    if not token.is_sent_start:
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.pos_ == "PROPN" and following.text[:1].isupper()


def plural_demonym(token: Token, kb: ActorKB) -> str | None:
    """ISO3 of a people named in the plural ("Algerians", "Palestinians", "Filipinos"), else None."""
    if token.tag_ not in ("NNS", "NNPS", "NNP") or not token.text[:1].isupper() or not token.lower_.endswith("s"):
        return None
    # "Thousands of Georgians rallied": the plural is sometimes tagged a singular name; "the Philippines" is a country
    if token.tag_ == "NNP" and kb.country_named(token.text) is not None:
        return None
    return kb.country_by_adjective.get(token.lower_[:-1])


# Where a nationality word stands as a person of its own ("shot dead a Palestinian"), not before a noun.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative"})


def people_demonym(token: Token, kb: ActorKB) -> str | None:
    """ISO3 of a people named in the plural, or of one of them named with "a" ("shot dead a Palestinian",
    "an Afghan was killed", "a Briton was detained"): a nationality word standing as a noun is a person of that
    country, never the adjective of "a Palestinian man" or "a Syrian army base"."""
    iso = plural_demonym(token, kb)
    if iso is not None or not token.text[:1].isupper() or token.dep_ not in _ARGUMENT_DEPS:
        return iso
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
        return None
    return kb.country_by_adjective.get(token.lower_)


def countries_of(token: Token, kb: ActorKB) -> list[tuple[str, Token]]:
    """Countries qualifying a role noun, each with the token that names it."""
    found: list[tuple[str, Token]] = []
    for child in token.children:
        if child.dep_ == "amod" and child.lemma_.lower() == "lead" and child.tag_ == "VBN":
            # "Saudi-led coalition", "US-led forces": the country that leads them (a backer, "Iranian-backed
            # militias", is not theirs)
            found.extend((iso, g) for g in child.children if g.dep_ in ("npadvmod", "compound", "amod", "nmod")
                         and (iso := kb.country_of_word(g.text)) is not None)
        elif child.dep_ in ("amod", "compound", "nmod", "poss"):
            # "Indian and Pakistani troops": each nationality joined to the first names troops of its own
            for word in (child, *(c for c in child.conjuncts if child.dep_ != "poss" and c.i < token.i)):
                iso = kb.country_of_word(word.text)
                if iso is None and word.i > 0:  # two-word adjectives parsed apart: "South Korean", "Sri Lankan"
                    iso = kb.country_of_word(f"{word.doc[word.i - 1].text} {word.text}")
                if iso is None and word.dep_ == "poss":
                    iso = kb.country_named(word.text)
                if iso:
                    found.append((iso, word))
        elif child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                for member in (obj, *obj.conjuncts):
                    # the whole name first: "Northern Ireland" is the United Kingdom's, not Ireland
                    iso = _multiword_country(member, kb) or kb.country_named(member.text)
                    if iso:
                        found.append((iso, member))
    return found


def _multiword_country(token: Token, kb: ActorKB) -> str | None:
    phrase = " ".join(t.text for t in token.subtree if t.dep_ in ("compound", "amod") or t == token)
    return kb.country_named(phrase)


@dataclass(frozen=True)
class Described:
    mention: ActorMention
    named_by: int  # token naming the country, whose bare country mention this one absorbs


def described_mentions(doc: Doc, kb: ActorKB, covered: set[int], towns: Mapping[int, str] | None = None
                        ) -> list[Described]:
    """Role nouns with the countries that qualify them. `towns` maps a token the places stage read as a town to
    the town's country: "Lebanon Police" in an Indiana story are the police of Lebanon, Indiana."""
    out: list[Described] = []
    for token, role, anchor in _role_nouns(doc, kb, covered):
        countries = countries_of(token, kb) or (countries_of(anchor, kb) if anchor != token else [])
        if not countries and (iso_of_people := people_demonym(token, kb)) is not None:
            countries = [(iso_of_people, token)]
        for named_iso, named_by in countries:
            iso = (towns or {}).get(named_by.i, named_iso)
            left = min(t.i for t in anchor.subtree if (t.i <= token.i and t.dep_ in ("amod", "compound", "det",
                                                                                     "nmod", "poss"))
                       or t.i == token.i)
            right = max(anchor.i, named_by.i) + 1
            span = doc[min(left, named_by.i): right]
            country = kb.countries.get(iso)
            label = country.name if country else iso
            mention = new_mention(span, _name(label, role, span, anchor), iso + role, iso, _kind(role, anchor),
                                  head=anchor)
            out.append(Described(mention, named_by.i))
    return out


def _role_nouns(doc: Doc, kb: ActorKB, covered: set[int]) -> Iterator[tuple[Token, str, Token]]:
    """(role noun, its role, the token anchoring the actor) for every role noun outside known names."""
    for token in doc:
        found = _role_anchor(token, kb, covered)
        if found is not None:
            yield token, found[0], found[1]


def _role_anchor(token: Token, kb: ActorKB, covered: set[int]) -> tuple[str, Token] | None:
    """(role, anchor) for a role noun that can stand as an actor, else None."""
    if token.i not in covered and nominal_participle(token) and token.lower_ in _PEOPLE_PARTICIPLES:
        return "CVL", token  # "visited the wounded in hospital"
    # "shot a Palestinian accused of ...": a nationality standing as a noun is tagged an adjective before a clause
    standing_people = token.pos_ == "ADJ" and people_demonym(token, kb) is not None
    if (token.pos_ not in ("NOUN", "PROPN") and not standing_people) or token.i in covered or (
            token.ent_type_ == "PERSON" and people_demonym(token, kb) is None):
        return None  # "King" in "Kevin King" is a name, not a king; "a Briton" tagged a person is one
    role = role_of(token, kb)
    if role is None or (token.dep_ == "compound" and token.head.i in covered) or _modifies_a_row(token, kb):
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
    countries = {m.country for m in mentions if sent.start_char <= m.start < sent.end_char and m.country
                 and m.kind != "media"}  # "told Reuters": the agency's country is not the story's
    return countries.pop() if len(countries) == 1 else None


def _body_spoken_for(noun: Token, mentions: list[ActorMention]) -> ActorMention | None:
    """"a spokesman for the Russian foreign ministry", "an aide to Vice President Pence": the coded actor a
    role noun's "for", "to" or "of" phrase names, whose country the role holder shares."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "to", "of"):
            for obj in prep.children:
                found = next((m for m in mentions if m.token == obj.i and m.code and m.country), None)
                if found is not None and found.kind != "country":
                    return found
    return None


def _group_modifier(noun: Token, mentions: list[ActorMention]) -> ActorMention | None:
    doc = noun.doc
    # Every word of a group's name, not only its anchor: "The UN" matched with its article.
    by_token = {i: m for m in mentions if m.kb_id and m.kb_id.startswith("group:")
                for i in range(*token_range(doc, m))}
    for child in noun.children:
        if child.dep_ in ("compound", "nmod", "poss", "amod") and child.i in by_token:
            return by_token[child.i]
        if child.dep_ in ("compound", "nmod"):
            for grandchild in child.subtree:
                if grandchild.i in by_token:
                    return by_token[grandchild.i]
    return None


def contextual_mentions(doc: Doc, kb: ActorKB, mentions: list[ActorMention],
                        context: CountryContext, quoted: list[tuple[int, int]]) -> list[ActorMention]:
    """Role nouns naming no country ("police", "government troops") take the country of a place in
    their sentence, else the article's most named country. Not inside quotes: there the speaker's
    own country is meant, which this pass cannot know."""
    taken = {i for m in mentions for i in range(*token_range(doc, m))}
    anchored = {m.token for m in mentions}
    out: list[ActorMention] = []
    for token, role, anchor in _role_nouns(doc, kb, taken):
        if anchor.i in anchored or (token.dep_ == "compound" and role_of(token.head, kb) is not None):
            continue
        if any(start <= token.idx < end for start, end in quoted):
            continue
        if any((c.dep_ == "amod" and c.ent_type_ == "NORP" and c.lower_ not in _CREED_ADJECTIVES)
               or (c.dep_ in ("amod", "compound")
                                                                and c.lower_ in _REGION_ADJECTIVES)
               for c in anchor.children):
            continue  # "European officials", "the European Court": a people or a region, not the context country
        group = _group_modifier(anchor, mentions)
        if group is None and _of_an_uncoded_organisation(anchor, mentions, kb, context):
            continue  # "Newmont Mining officials", "United Way officials": a company's or a charity's, not the state's
        if group is not None:  # "ISWAP fighters", "Hamas gunmen": the group itself
            span = doc[min(group.token, anchor.i): anchor.i + 1]
            out.append(new_mention(span, group.name, group.code, group.country, group.kind, head=anchor,
                                   kb_id=group.kb_id, resolved_from="group-modifier"))
            anchored.add(anchor.i)
            continue
        # "the Bush administration", "Putin's government": a leader named in the phrase gives its country.
        owner = next((m for c in anchor.children if c.dep_ in ("compound", "poss")
                      for m in mentions if m.token == c.i and m.country), None)
        speaks_for = _body_spoken_for(anchor, mentions)
        if owner is None and speaks_for is not None and (speaks_for.kb_id or "").startswith("group:"):
            # "a spokesman for the Taliban": the group itself
            span = np_span(anchor)
            out.append(new_mention(span, speaks_for.name, speaks_for.code, speaks_for.country, speaks_for.kind,
                                   head=anchor, kb_id=speaks_for.kb_id, resolved_from="group-modifier"))
            anchored.add(anchor.i)
            continue
        owner = owner or speaks_for
        country = owner.country if owner is not None else (context.country_at(token)
                                                              or _sentence_country(token, mentions))
        if country is None:
            continue
        label = kb.countries[country].name if country in kb.countries else country
        span = np_span(anchor)
        owner_words = [c for c in anchor.children if c.dep_ == "poss" and _modifies_a_row(c, kb)]
        if owner_words:  # "the sheriff's office", whole
            span = doc[min(owner_words[0].left_edge.i, span.start): span.end]
        span = _with_own_name(span, anchor)
        # A country its own phrase gave ("a spokesman for the Russian foreign ministry") is not a guess.
        out.append(new_mention(span, _name(label, role, span, anchor), country + role, country, _kind(role, anchor),
                               head=anchor, resolved_from="owner" if owner is not None else "context"))
        anchored.add(anchor.i)
    return out


def _of_an_uncoded_organisation(anchor: Token, mentions: list[ActorMention], kb: ActorKB,
                                context: CountryContext) -> bool:
    """A role noun qualified by a company's or a charity's name of two words or more that no coded actor, no
    place and no state role word names ("Newmont Mining officials", "United Way officials"); a one-word name
    may be a town the tagger took for an organisation ("Danbury police")."""
    if anchor.ent_type_ == "ORG":
        return False  # "the African-American Affairs Commission": the body's own name
    doc = anchor.doc
    coded = {i for m in mentions if m.code for i in range(*token_range(doc, m))}
    for child in anchor.children:
        name = next((e for e in doc.ents if e.label_ == "ORG" and e.start <= child.i < e.end), None)
        if child.dep_ != "compound" or name is None or len(name) < 2 or anchor.i < name.end:
            continue
        # the name's head word decides: "State Department" is the state's, "General Motors" is not
        if role_of(child, kb) in STATE_SECTORS or any(t.i in coded or t.lower_ in _LOCAL_GOVERNMENT for t in name):
            continue
        if not any(p.start is not None and name.start_char <= p.start < name.end_char for p in context.places):
            return True
    return False


# Words of a local government's own names ("City Hall officials", "Township officials").
_LOCAL_GOVERNMENT = frozenset({"city", "county", "town", "township", "village", "borough", "parish", "hall",
                               "municipal", "state"})


_ROLE_NAMES = {
    "GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition", "COP": "police",
    "JUD": "judiciary", "LEG": "legislature", "SPY": "intelligence", "CVL": "civilians", "REF": "refugees",
    "EDU": "education", "BUS": "business", "MED": "media", "HLH": "health", "LAB": "labour", "CRM": "criminals",
    "PTY": "party", "REL": "religious",
}
_ROLE_KIND = {"GOV": "government", "MIL": "military", "COP": "police"}
# The kind of a body named by its role noun, as the KB's bodies have it ("the Senate" like "U.S. Senate").
_BODY_KIND = {"LEG": "government_body", "JUD": "government_body", "SPY": "government_body", "PTY": "party",
              "LAB": "organisation", "BUS": "business", "MED": "media", "EDU": "organisation", "HLH": "organisation"}


def _kind(role: str, anchor: Token) -> str:
    if anchor.lemma_.lower() in _BODY_HEADS and role in _BODY_KIND:
        return _BODY_KIND[role]
    return _ROLE_KIND.get(role, "description")


def _with_own_name(span: Span, anchor: Token) -> Span:
    """A body's name runs on through its "of" phrase: "the Department of Agriculture", "the Court of Appeal"."""
    if anchor.pos_ != "PROPN" or anchor.lemma_.lower() not in _BODY_HEADS:
        return span
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == anchor.i + 1:
            obj = next((o for o in child.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)
            if obj is not None:
                return span.doc[span.start: obj.right_edge.i + 1]
    return span


def _name(label: str, role: str, span: Span, anchor: Token) -> str:
    """A body's own name when it has one ("Court of Session", "Federal Aviation Office"), else the country
    and the role ("Mexico legislature")."""
    if anchor.pos_ == "PROPN" and anchor.lemma_.lower() in _BODY_HEADS:
        words = span[1:] if span[0].dep_ == "det" else span
        return words.text
    return f"{label} {_ROLE_NAMES.get(role, role.lower())}"
