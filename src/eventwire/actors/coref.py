"""Actor resolution, pass 3: coreference by rule.

Pronouns and definite descriptions ("he", "the troops", "the group") take the most recent compatible
actor within a few sentences: gender agrees, a subject earlier in the sentence (or of the previous
one) wins over a nearer object, the pronoun subject of a reported clause is the reporter, "they"
after two joined people is both, "the two ministers" the last two of that role; a dummy "it" ("it
is important to") refers to no one. Words inside quotes are seen from the speaker and left alone.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from eventwire.actors.descriptions import countries_of, role_of
from eventwire.actors.gender import mention_gender
from eventwire.actors.kb import ActorKB
from eventwire.actors.mentions import token_range
from eventwire.datafiles import word_list
from eventwire.model import ActorMention
from eventwire.syntax import is_definite, np_span, reporter_subjects, subjects_of

# Pronouns by the antecedent they want; nouns that, definite, refer back to a country or a group.
# The word lists are in actors/data/words.tsv.
_MALE_PRONOUNS = word_list("eventwire.actors", "male_pronoun")
_FEMALE_PRONOUNS = word_list("eventwire.actors", "female_pronoun")
_THING_PRONOUNS = word_list("eventwire.actors", "thing_pronoun")
_PLURAL_PRONOUNS = word_list("eventwire.actors", "plural_pronoun")
_COUNTRY_WORDS = word_list("eventwire.actors", "country_word")
_GROUP_WORDS = word_list("eventwire.actors", "group_word")
_OFFICE_TITLES = word_list("eventwire.actors", "office_title")
# How far back (in sentences) a description or pronoun may reach for its antecedent.
_COREF_WINDOW = 4


def coreferent_mentions(doc: Doc, kb: ActorKB, mentions: list[ActorMention],
                        quoted: list[tuple[int, int]], *, pronouns: bool) -> list[ActorMention]:
    """Pronouns (or bare definite descriptions) resolved to the most recent compatible actor."""
    taken = {i for m in mentions for i in range(*token_range(doc, m))}
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
        elif token.pos_ == "NOUN" and is_definite(token):
            if token.lemma_.lower() in _COUNTRY_WORDS and token.tag_ == "NN":
                want = "country"
            elif token.lemma_.lower() in _GROUP_WORDS and token.tag_ == "NN" and not any(
                c.dep_ in ("amod", "compound", "nmod", "prep") for c in token.children
            ):
                want = "group"
            elif role_of(token, kb) and not countries_of(token, kb):
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
        if want.startswith("role:"):
            antecedents = [a for a in antecedents if not _in_another_country(token, a, ordered)]
        span = doc[token.i: token.i + 1] if token.pos_ == "PRON" else np_span(token)
        for antecedent in antecedents:
            out.append(ActorMention(
                text=span.text, name=antecedent.name, code=antecedent.code, country=antecedent.country,
                kind=antecedent.kind, start=span.start_char, end=span.end_char, kb_id=antecedent.kb_id,
                resolved_from="pronoun" if token.pos_ == "PRON" else "description", token=token.i,
            ))
    return out


def _in_another_country(token: Token, antecedent: ActorMention, ordered: list[ActorMention]) -> bool:
    """"In France, the government has asked ...": a description whose clause is set in a country other than the
    antecedent's is that country's, not the antecedent again."""
    countries = {m.token: m.country for m in ordered if m.kind == "country" and m.country}
    verb = token.head if token.dep_ in ("nsubj", "nsubjpass") else token
    return any(prep.dep_ == "prep" and prep.lower_ in _SETTING_PREPS and obj.dep_ == "pobj"
               and countries.get(obj.i) not in (None, antecedent.country)
               for prep in verb.children for obj in prep.children)


_SETTING_PREPS = frozenset({"in", "inside", "across", "throughout"})


# Adjectives that judge a situation, not an actor: "it is important to", "it was clear that".
_SITUATION_ADJECTIVES = word_list("eventwire.actors", "situation_adjective")
_SEEM_VERBS = word_list("eventwire.actors", "seem_verb")


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


def _one_office_holder(m: ActorMention, doc: Doc) -> bool:
    """"Pakistan's army chief visited Kashmir. He warned India": a coded description naming one person by office
    (a singular title), which a personal pronoun can refer back to."""
    if not m.code or m.kind == "country" or not 0 <= m.token < len(doc):
        return False
    head = doc[m.token]
    # a particular office ("the", "Pakistan's") holding the subject, not "a judge" heard from in passing
    particular = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in head.children)
    return head.tag_ in ("NN", "NNP") and head.lemma_.lower() in _OFFICE_TITLES and particular and head.dep_ == "nsubj"


def _compatible(m: ActorMention, want: str, kb: ActorKB, doc: Doc) -> bool:
    if want.startswith("person:"):
        return (m.kind == "person" and mention_gender(m, doc) in (None, want[7:])) or _one_office_holder(m, doc)
    if want == "thing":
        return m.kind in ("country", "government", "organisation", "government_body", "party") or m.code.startswith(
            "IMG") or (
            m.kb_id is not None and m.kb_id.startswith("group:"))
    if want == "plural":
        return m.kind not in ("person", "country")
    if want == "country":
        return m.kind == "country"
    if want == "group":
        # "the union", "the group": a body acting in the story, not the agency credited with it ("NAIROBI (AP)")
        return m.kb_id is not None and m.kb_id.startswith("group:") and m.kind != "media"
    if want.startswith("role:"):
        # "The Taliban attacked ... The militants killed ...": a named group of the role (AFGREBTAL) counts
        role = want[5:]
        return (m.sector == role or (role == "REB" and m.sector == "IMG")) and (
            m.country is not None or m.sector == "IMG")
    return False


def _antecedent(doc: Doc, token: Token, want: str, ordered: Iterable[ActorMention],
                kb: ActorKB, sent_starts: list[int]) -> ActorMention | None:
    here = bisect_right(sent_starts, token.i)
    # "Police shot them": an object pronoun never stands for the subject of its own verb (that is "themselves").
    objects = ("dobj", "dative")
    own_subjects = {t.i for s in subjects_of(token.head) for t in s.subtree} if token.dep_ in objects else set()
    ordered = [m for m in ordered if m.token not in own_subjects]
    if token.pos_ == "PRON":
        # Salience: a subject earlier in the same sentence wins over a nearer object.
        sent = token.sent
        subjects = [m for m in ordered if sent.start <= m.token < token.i and _compatible(m, want, kb, doc)
                    and _a_subject(doc[m.token])]
        if subjects:
            return subjects[-1]
        # Else the subject of the previous sentence ("Sasse said ... \n\n “...,” he said").
        if sent.start > 0:
            previous = doc[sent.start - 1].sent
            subjects = [m for m in ordered if previous.start <= m.token < previous.end
                        and _compatible(m, want, kb, doc) and _a_subject(doc[m.token])]
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


def _a_subject(token: Token) -> bool:
    """A subject, or a name in apposition to one ("The current president of Namibia, Hage Geingob, expressed his
    sadness": his is Geingob's)."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    if token.dep_ != "appos" or token.pos_ != "PROPN":
        return False  # a name in apposition, not a role ("Zippy Duvall, the president of the Farm Bureau")
    # the parser may hang the name on a word inside the subject's phrase ("president of Namibia, Hage Geingob")
    head = token.head
    for _ in range(3):
        if head.dep_ in ("nsubj", "nsubjpass"):
            return True
        if head.dep_ not in ("pobj", "prep", "appos") or head.head == head:
            return False
        head = head.head
    return False
