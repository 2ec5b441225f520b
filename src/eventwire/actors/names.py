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

from eventwire.actors.country_context import CountryContext
from eventwire.actors.descriptions import FORMER, STATE_SECTORS, countries_of, people_demonym, role_of
from eventwire.actors.gender import given_names
from eventwire.actors.kb import ActorKB
from eventwire.actors.mentions import new_mention, token_range
from eventwire.datafiles import word_list
from eventwire.model import ActorMention
from eventwire.phrases import add_patterns, phrase_keys
from eventwire.places.roles import in_dateline


@dataclass(frozen=True)
class ActorMatcher:
    """Phrase matchers over the KB's names, built once per vocabulary."""

    by_lower: PhraseMatcher
    by_orth: PhraseMatcher


def build_actor_matcher(kb: ActorKB, nlp: Language) -> ActorMatcher:
    by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_orth = PhraseMatcher(nlp.vocab, attr="ORTH")
    lower: dict[str, list[str]] = {}
    orth: dict[str, list[str]] = {}
    for alias, (kind, key) in kb.phrases.items():
        label = f"{kind}\t{key}"
        # Short acronyms ("US", "IS", "AP", "LeT") only match as written, never "us", "is" or "Let's".
        acronym = sum(c.isupper() for c in alias) >= 2 or alias.isupper()
        target = orth if acronym and len(alias.replace(".", "")) <= 4 else lower
        target.setdefault(label, []).append(alias)
        if alias.isalpha() and alias.isupper() and len(alias) == 4:
            # British style writes pronounceable acronyms as words: "Nato", "Farc", "Isis".
            orth.setdefault(label, []).append(alias.capitalize())
    # the patterns' token keys, not Docs: the same matcher without tokenizing every name at start-up
    keys = phrase_keys(nlp, (t for texts in (*lower.values(), *orth.values()) for t in texts), "actors")
    for label, texts in lower.items():
        add_patterns(by_lower, label, [keys[t][1] for t in texts])
    for label, texts in orth.items():
        add_patterns(by_orth, label, [keys[t][0] for t in texts])
    return ActorMatcher(by_lower, by_orth)


def named_mentions(doc: Doc, kb: ActorKB, matcher: ActorMatcher, day: str | None,
                   context: CountryContext) -> list[ActorMention]:
    spans = []
    for match_id, start, end in [*matcher.by_lower(doc), *matcher.by_orth(doc)]:
        spans.append(Span(doc, start, end, label=match_id))
    out: list[ActorMention] = []
    for span in filter_spans(spans):
        named = span[1:] if len(span) > 1 and span[0].lower_ == "the" else span  # "asked the UN to ..."
        if named.text[:1].islower() and not named.text.lower().startswith("al"):
            continue  # "reunion tour" is not Réunion: names are written with a capital
        kind, key = span.label_.split("\t", 1)
        if kind == "person" and len(span) == 1 and _used_as_place(span):
            continue  # "a refugee centre in Kerry" is County Kerry, not John Kerry
        if kind == "group" and _another_countrys(span, kb.groups[key].country, kb):
            continue  # "the Mexican Congress" is Mexico's, not the U.S. Congress: the description codes it
        if kind == "person" and (_someone_elses_name(span) or _namesake_named_in_full(span, key)):
            continue
        if kind in ("group", "country", "seat") and _a_persons_name(span):
            # "Mayor Jim Wagner ... Wagner said" is the mayor, not the Wagner Group; "Melton Lewis Paris ... Paris
            # had been shot" is the man, not the French government
            continue
        if kind in ("country", "seat") and _in_an_outlets_name(span):
            continue
        if kind == "country" and (organisation := _organisation_named_with(span, spans)) is not None:
            # "the Kenya Medical Association", "Transparency International Kenya": a country in a private
            # body's name says where the body is, not that the state acts
            # a head with a role of its own ("the U.S. Chamber of Commerce", "the Kenya Broadcasting Corporation") is
            # left to the descriptions, which code it with the country (USABUS); the rest are named but uncoded
            if organisation is not span and role_of(organisation.root, kb) is None:
                out.append(new_mention(organisation, organisation.text, "", None, "organisation",
                                       kb_id=f"unknown:{organisation.text}", resolved_from="unknown-organisation"))
            continue
        mention = _named_mention(span, kind, key, kb, day)
        if mention is not None and mention.code.endswith("ELI"):
            mention = _retitled(mention, span, kb)
        if mention is not None:
            out.append(mention)
    out += _titled_people(doc, kb, out, context.with_actors(tuple(out)))
    return out


def _titled_people(doc: Doc, kb: ActorKB, known: list[ActorMention], context: CountryContext
                   ) -> list[ActorMention]:
    """People the KB lacks, coded from the title in front of their name ("Iraqi Foreign Minister Fuad
    Hussein" -> IRQGOV; "Spokesman Nasser Kanaani" -> the context country's GOV); a later bare
    surname ("Hussein said") is the same person. Named people with no title are kept with an empty
    code: they can speak a quote, but no event is coded for an actor nobody can place."""
    covered = {i for m in known for i in range(*token_range(doc, m))}
    # A person the KB knows, once named in full, is the same person when later named by surname alone
    # ("Boris Johnson ... Johnson asked"), even where the surname alone would be ambiguous in the KB;
    # a surname two people of the story share ("Mahinda Rajapaksa met Gotabaya Rajapaksa") is neither's.
    people: dict[str, ActorMention] = {}
    shared: set[str] = set()
    for m in known:
        if m.kind == "person" and m.code and len(m.text.split()) > 1 and m.text.split()[-1][:1].isupper():
            surname = m.text.split()[-1]
            if people.setdefault(surname, m).name != m.name:
                shared.add(surname)
    for surname in shared:
        del people[surname]
    out: list[ActorMention] = []
    named: set[int] = set()
    full_names: dict[str, tuple[str, str]] = {}  # surname -> the first full name it came with, and its code
    worn_by_two: set[str] = set()  # surnames of two people named in full and coded apart
    for found in doc.ents:
        if found.label_ != "PERSON" or any(t.i in covered or t.i in named for t in found):
            continue
        if len(found) == 1 and people_demonym(found[0], kb) is not None:
            continue  # "a Briton was detained": one of a country's people, described (descriptions.py), no name
        ent = _whole_name(found)
        if ent.end > found.end and any(t.i in covered for t in ent):
            continue
        named.update(range(ent.start, ent.end))
        ent, inner = _peel_titles(ent, kb)
        surname = ent[-1].text
        titles: list[Token] = []
        attached = set(range(ent.start, ent.end))
        for t in reversed(doc[max(ent.start - 6, 0): ent.start]):
            if t.i not in inner and (t.dep_ not in ("compound", "amod", "nmod") or t.head.i not in attached):
                break
            titles.insert(0, t)
            attached.add(t.i)
        role = _title_role(titles, kb)
        in_title = [m for m in known if any(m.start <= t.idx < m.end for t in titles)]  # "CIA" in "CIA Director"
        if role is None:  # "CIA deputy director Michael Morell": an officer of a state agency has its role (not
            # of a capital: "London PRIDE coordinator Steve Edge" works for a charity in London, Kentucky)
            role = next((m.sector for m in in_title if m.code and m.kind == "government_body"
                         and m.sector in STATE_SECTORS), None)
        if role is not None and any(t.lower_ in FORMER for t in titles):
            role = "ELI"  # "Former prime minister John Major": CAMEO codes former office holders as elites
        own_country = None
        if role is None and not titles:  # "Ahmad Karimi, an Afghan police officer, ..."
            role, own_country = _appositive_role(ent, kb)
        if len(ent) == 1 and surname in worn_by_two:
            # "Charles Williams ... Prosecutor Colleen Williams ... Williams was charged": either of them
            out.append(new_mention(ent, ent.text, "", None, "person", kb_id=f"unknown:{ent.text}",
                                   resolved_from="unknown-person"))
            continue
        prior = people.get(surname)
        if prior is not None and prior.token >= ent.start:
            prior = None  # named in full only later: not yet known to the reader
        if prior is not None and (role is None or prior.code):
            # A later mention is the person named before ("Hussein said"); a title given only now
            # ("Sheriff Lee" after "Lee") codes them from here on.
            out.append(new_mention(ent, prior.name, prior.code, prior.country, "person", kb_id=prior.kb_id))
            continue
        # A spokesman or leader named by a group that is no state body speaks for it ("Houthi spokesman
        # Yahya Saree" is the Houthis', not Yemen's government).
        group = next((m for m in in_title if m.code and (m.sector or "") not in STATE_SECTORS
                      and m.kind not in ("country", "government", "government_body", "person")), None)
        if role is not None and group is not None:
            span = doc[min(t.i for t in titles): ent.end]
            mention = new_mention(span, ent.text, group.code, group.country, "person", head=ent.root,
                                  kb_id=f"titled:{ent.text}")
            people[surname] = mention
            out.append(mention)
            _note_full_name(ent, mention, full_names, worn_by_two)
            continue
        country = next((iso for t in titles if (iso := kb.country_of_word(t.text)) is not None), own_country)
        if country is None:  # a known body in the title: "White House press secretary", "CIA Director"
            country = next((m.country for m in in_title if m.country and _unambiguous(m)), None)
        if role is not None and country is None:
            country = context.country_of_person(ent)
        if role is None or country is None:
            mention = new_mention(ent, ent.text, "", None, "person", kb_id=f"unknown:{ent.text}",
                                  resolved_from="unknown-person")
        else:
            span = doc[min(t.i for t in titles): ent.end] if titles else ent
            mention = new_mention(span, ent.text, country + role, country, "person", head=ent.root,
                                  kb_id=f"titled:{ent.text}")
        people[surname] = mention
        out.append(mention)
        _note_full_name(ent, mention, full_names, worn_by_two)
    # Later bare surnames the parser did not tag as a person ("Hopkins said ..."): the same person.
    tagged = covered | {i for m in out for i in range(*token_range(doc, m))}
    for token in doc:
        person = None if token.text in worn_by_two else people.get(token.text)
        # (the tagger may take an unfamiliar surname opening a sentence for a common noun: "Tamalt, 42, lived")
        name_like = token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"))
        if person is None or not name_like or token.i in tagged or token.i < person.token:
            continue
        titles = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
        if token.dep_ == "compound" or any(role_of(t, kb) is None for t in titles):
            continue
        role = _title_role(titles, kb)
        if role is not None and not person.code and (country := context.country_of_person(doc[token.i: token.i + 1])):
            # "Sheriff Roe" after a bare "Roe": the title codes them from here on.
            person = new_mention(doc[titles[0].i: token.i + 1], person.name, country + role, country, "person",
                                 head=token, kb_id=f"titled:{person.name}")
            people[token.text] = person
            out.append(person)
            continue
        out.append(new_mention(doc[token.i: token.i + 1], person.name, person.code, person.country, "person",
                               kb_id=person.kb_id, resolved_from=person.resolved_from))
    return out


def _appositive_role(name: Span, kb: ActorKB) -> tuple[str | None, str | None]:
    """The role (and country, if it names one) a bare appositive gives a person the KB lacks ("Karimi, an Afghan
    police officer"); one of an organisation ("a spokesman for the Red Cross") is that organisation's, left to
    it; only public roles count."""
    for app in (c for c in name.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
        if not any(c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "with") for c in app.children):
            role = role_of(app, kb)
            # only a role of the state or of politics: "a businessman", "a columnist" leave a person uncoded, as a
            # bare name does (coded, their opinions in op-eds read as events)
            countries = countries_of(app, kb)
            return (role, countries[0][0] if countries else None) if role in _PUBLIC_ROLES else (None, None)
    return None, None


_PUBLIC_ROLES = STATE_SECTORS | {"OPP", "REB", "PTY"}


def _retitled(mention: ActorMention, span: Span, kb: ActorKB) -> ActorMention:
    """A KB person out of their dated roles is an elite of their country, unless the story's own title
    for them names a role they then held ("Finnish Foreign Minister Alexander Stubb" in 2009, before the
    KB's later offices): the title wins. "Former", "late" and the like keep the elite."""
    titles: list[Token] = []
    attached = set(range(span.start, span.end))
    for t in reversed(span.doc[max(span.start - 6, 0): span.start]):
        if t.dep_ not in ("compound", "amod", "nmod") or t.head.i not in attached:
            break
        titles.insert(0, t)
        attached.add(t.i)
    if any(w.lower_ in FORMER for t in titles for w in (t, *t.children)):
        return mention
    role = _title_role(titles, kb)
    country = next((iso for t in titles if (iso := kb.country_of_word(t.text)) is not None), mention.country)
    if role is None or role in ("CVL", "ELI") or country is None:
        return mention
    return mention.model_copy(update={"code": country + role, "country": country})


def _unambiguous(m: ActorMention) -> bool:
    """A known name that says its country wherever it is written: a seat ("White House"), an acronym
    ("CIA") or a name of several words; not one common word ("Congress" is also India's party)."""
    return (m.kb_id or "").startswith("country:") or m.text.isupper() or len(m.text.split()) > 1


def _peel_titles(ent: Span, kb: ActorKB) -> tuple[Span, set[int]]:
    """A name the tagger took with its title ("Taoiseach Leo Varadkar", "Sheriff Lee" as one person):
    the name, and the title words it had, which are not a given name ("Marine Le Pen" keeps Marine)."""
    start = ent.start
    while (start < ent.end - 1 and ent.doc[start].text[:1].isupper()
           and ent.doc[start].text not in given_names() and role_of(ent.doc[start], kb) is not None):
        start += 1
    return ent.doc[start: ent.end], set(range(ent.start, start))


def _note_full_name(ent: Span, mention: ActorMention, full_names: dict[str, tuple[str, str]],
                    worn_by_two: set[str]) -> None:
    """Keep a person named in full; a second person of the same surname coded otherwise ("Charles Williams",
    a suspect, and "Prosecutor Colleen Williams") makes the bare surname either's."""
    if len(ent) < 2:
        return
    first = full_names.setdefault(ent[-1].text, (ent.text, mention.code))
    if first[0] != ent.text and first[1] != mention.code:
        worn_by_two.add(ent[-1].text)


def _title_role(titles: list[Token], kb: ActorKB) -> str | None:
    """The role the title nearest the name gives ("Republican Representative Jane Doe" is a legislator);
    a postpositive "General" belongs to the office before it ("Attorney General", "Secretary General",
    not "Major General")."""
    for n in range(len(titles) - 1, -1, -1):
        title = titles[n]
        if title.text.islower() and title.lemma_.lower() in _BODIES_NOT_TITLES:
            return None  # "told police Jones got upset": the parser's compound, not "Officer Jones"
        if title.lower_ == "general" and n > 0 and role_of(titles[n - 1], kb) is not None:
            continue
        # A title qualified by the word before it: "Trade Representative", "Defence Secretary".
        pair = kb.roles.get((title.lemma_.lower(), titles[n - 1].lemma_.lower())) if n > 0 else None
        if (role := pair or role_of(title, kb)) is not None:
            return role
    return None


def _whole_name(ent: Span) -> Span:
    """A person's name the tagger cut short, through the surname its words qualify: "Judge Amy Berman
    Jackson" tagged "Amy Berman" is Amy Berman Jackson."""
    end = ent.end
    doc = ent.doc
    while (end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ in ("", "PERSON")
           and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end):
        end += 1
    return doc[ent.start: end]


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
        if _used_as_place(span, office=span.text.lower().removeprefix("the ") in kb.office_seats):
            return None
        return new_mention(span, f"{kb.countries[key].name} government", key + "GOV", key, "government",
                           kb_id=f"country:{key}")
    return None


def _another_countrys(span: Span, country: str | None, kb: ActorKB) -> bool:
    """Whether a country's body is named with another country's adjective ("the Brazilian Congress")."""
    if country is None:
        return False
    for child in span.root.children:
        if child.i < span.start and child.dep_ in ("amod", "compound", "poss"):
            iso = kb.country_of_word(child.text)
            if iso is not None and iso != country:
                return True
    return False


_MEDIA_WORDS = word_list("eventwire.actors", "media_word")
_BODIES_NOT_TITLES = word_list("eventwire.actors", "body_not_title")


def _in_an_outlets_name(span: Span) -> bool:
    """"told The Moscow Times", "the Tehran Times reported": a place in a news outlet's name is the outlet's."""
    outlet = next((e for e in span.doc.ents if e.label_ == "ORG" and e.start <= span.start and span.end < e.end),
                  None)
    # "the Tehran Times": an outlet's last word; "told CNN Philippines": a news brand in its name or just before.
    if span.start > 0 and span.doc[span.start - 1].lower_ in _NEWS_BRANDS:
        return True
    return outlet is not None and (outlet[-1].lower_ in _MEDIA_WORDS or any(t.lower_ in _NEWS_BRANDS for t in outlet))


_NEWS_BRANDS = word_list("eventwire.actors", "news_brand")
_PRIVATE_BODY_HEADS = word_list("eventwire.actors", "private_body_head")


def _organisation_named_with(country: Span, names: list[Span]) -> Span | None:
    """The private organisation whose name a country's name is part of: the country in front of a private
    body's head ("the Kenya Medical Association", "Kenya Airways"), or after an organisation's name as its
    national branch ("Transparency International Kenya", "Amnesty International Australia"). Returns the
    whole name, or the country's own span when a KB organisation in front of it already names the body."""
    doc = country.doc
    root = country.root
    head = root.head
    if (root.dep_ == "compound" and head.i >= country.end and head.pos_ == "PROPN"
            and (head.lemma_.lower() in _PRIVATE_BODY_HEADS or head.lower_ in _PRIVATE_BODY_HEADS)):
        return doc[country.start: head.i + 1]
    before = [c for c in root.children if c.dep_ == "compound" and c.i < country.start and c.pos_ == "PROPN"]
    if not before:
        return None
    start = min(c.left_edge.i for c in before)
    if any(n.start >= start and n.end <= country.start and n.label_.startswith("group") for n in names):
        return country  # "Amnesty International Australia": Amnesty International acts
    entity = next((e for e in doc.ents if e.label_ == "ORG" and e.start <= start and country.end <= e.end), None)
    if entity is not None or doc[country.start - 1].lower_ in _BRANCHED_NAME_ENDS:
        return doc[start: country.end]
    return None


# Last words of international organisations' names that put a country after them as a national branch.
_BRANCHED_NAME_ENDS = frozenset({"international", "foundation", "federation"})


def _someone_elses_name(span: Span) -> bool:
    """A KB person's name inside the name of another person: "Cameron Lee Earle" is not David Cameron (a
    surname alias names its person only at the end of a name)."""
    person = next((e for e in span.doc.ents if e.label_ == "PERSON" and e.start <= span.start and span.end <= e.end),
                  None)
    if person is None:
        return False
    if not span.label_.startswith("person"):
        return False
    end = person.end - 1 if person[-1].tag_ == "POS" else person.end  # "Cameron Lee Earle's"
    return span.end < end


def _namesake_named_in_full(span: Span, name: str) -> bool:
    """A KB person's surname alone where the story names someone else of that surname in full, there or before:
    "Bryan Harman ... Harman was last seen" is not Harriet Harman."""
    if len(span) != 1:
        return False
    word = span[0]
    given = set(name.split()[:-1])
    people = [e for e in span.doc.ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].text == word.text
              and e.start <= word.i]
    return bool(people) and not any(t.text in given for e in people for t in e[:-1])


def _a_persons_name(span: Span) -> bool:
    """A group's, country's or capital's one-word name inside a person's name ("Jim Wagner"), or standing for a
    person the article named in full before ("Wagner said" after "Mayor Jim Wagner")."""
    if len(span) != 1:
        return False
    word = span[0]
    # every word of the name a proper noun: "Rethinking Egypt", a title the parser took for a person, names no one
    people = [e for e in span.doc.ents if e.label_ == "PERSON" and len(e) > 1 and all(t.tag_ == "NNP" for t in e)]
    # the last word of the name, as a surname is ("Guinea Bissau", tagged a person, starts with a country)
    return any(word.i == e.end - 1 or (e[-1].text == word.text and e.end <= word.i) for e in people)


def _used_as_place(span: Span, office: bool = False) -> bool:
    """"in Damascus" is a place; "Damascus said" or "its ally Damascus" is the government. An `office` seat is a
    place only where something is in or at it: "documents from the White House", "a letter to the Kremlin" come
    from and go to the government."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in (_AT_A_PLACE if office else _AT_OR_TO_A_PLACE)


_AT_A_PLACE = frozenset({"in", "at", "near", "outside", "around", "across", "inside"})
_AT_OR_TO_A_PLACE = _AT_A_PLACE | {"from", "to", "into", "toward", "towards"}


def unknown_organisations(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Organisations nothing else resolved keep an empty code: they can speak a quote ("the Swedish
    Prosecution Authority said") and be a pronoun's antecedent, but code no event."""
    taken = {i for m in mentions for i in range(*token_range(doc, m))}
    return [new_mention(ent, ent.text, "", None, "organisation", kb_id=f"unknown:{ent.text}",
                        resolved_from="unknown-organisation")
            for ent in doc.ents if ent.label_ == "ORG" and not any(t.i in taken for t in ent)
            and not in_dateline(ent.root)]  # "KABUL, Afghanistan (AP) —": where and by whom it was filed
