"""Verbs that name or judge something rather than act on it.

"The Arab League called it an 'extremely adverse development'", "Trump called the investigation a witch
hunt": `call` with a predicate noun (or "described X as Y") names X; it is neither an appeal (020) nor a
telephone call (041), and the thing named is not itself the news ("the investigation" above). When the name
condemns (a closed list of judging words), the naming is a criticism (111) of X or of X's owner; otherwise
it is no event. "The EU considers all settlement activity illegal", "he considered himself an artist":
`consider` with a predicate is an opinion, not weighing an option (014, "is considering sanctions");
"the mayor agreed that the idea is not bad" shares an opinion, no accord (030 is "agreed to ..."); "pleaded
not guilty" is a plea in court (016, 015 when guilty), not an appeal (020 is "pleaded with the administration").
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.datafiles import word_list
from eventwire.events.codes import PLEA_CODES
from eventwire.events.lexicon import LexEntry

_NAMING_VERBS = word_list("eventwire.events", "naming_verb")
_JUDGING_WORDS = word_list("eventwire.events", "condemning_word") | word_list("eventwire.events", "naming_insult")
_WEIGHING_CODES = frozenset({"014"})
_ACCORD_LEMMAS = frozenset({"agree", "concur"})
_PLEAS = frozenset({"guilty", "innocent", "contest"})
_OPEN_QUESTION_MARKS = frozenset({"whether", "if", "how"})


def naming_predicate(verb: Token) -> Token | None:
    """The name given by a naming verb: "called it [a mistake]", "described the vote [as] a sham"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _NAMING_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        # "called the decision reprehensible", the object taken for a compound of its predicate (not a verb the
        # parser hung on a noun, whose subject it would take to be that noun)
        return next((c for c in verb.children if c.dep_ == "oprd" and _judges(c)), None) if verb.dep_ != "acl" else None
    for child in verb.children:
        if child.dep_ == "oprd" or (child.dep_ == "xcomp" and child.pos_ in ("NOUN", "ADJ")):
            return child
        if child.dep_ == "prep" and child.lower_ == "as":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    # "called the actions of PCA "reprehensible and criminal"": a judging word the parser hung inside the object
    return next((t for o in objects for t in o.subtree if t.i > o.i and t.dep_ != "prep" and _judges(t)
                 and not any(c.dep_ in ("det", "poss") for c in t.children)), None)


def _judges(token: Token) -> bool:
    return token.lemma_.lower() in _JUDGING_WORDS or token.lower_ in _JUDGING_WORDS


def naming_code(verb: Token) -> LexEntry | None:
    """A criticism (111) aimed at the named object when the name condemns it, else None (no event)."""
    predicate = naming_predicate(verb)
    if predicate is None:
        return None
    if any(t.lemma_.lower() in _JUDGING_WORDS or t.lower_ in _JUDGING_WORDS for t in predicate.subtree):
        return LexEntry("111", "verb", verb.lemma_.lower(), "", frozenset(), ())
    return None


def named_thing(noun: Token) -> bool:
    """The object of a naming verb ("called [the investigation] a witch hunt"): what is named, not an act."""
    return noun.dep_ == "dobj" and naming_predicate(noun.head) is not None


def opinion_not_act(verb: Token, entry: LexEntry) -> bool:
    """An opinion or a plea read as an act: see the module docstring."""
    if verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    if lemma in _ACCORD_LEMMAS and not entry.objects:
        return _that_clause(verb) and not any(c.dep_ in ("xcomp", "dobj") for c in verb.children)
    if lemma == "plead" and entry.code not in PLEA_CODES:
        return any(t.lower_ in _PLEAS for c in verb.children for t in c.subtree)
    return entry.code in _WEIGHING_CODES and _opinion(verb)


def _that_clause(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass", "csubj") for g in c.children)
               for c in verb.children)


def _opinion(verb: Token) -> bool:
    """`consider` with a predicate ("considers the activity illegal") holds an opinion; weighing an option
    takes an object, a gerund or an open question ("considering sanctions", "considering whether to")."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp", "oprd") and child.pos_ in ("ADJ", "NOUN", "PROPN", "PRON"):
            return True
        if child.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in child.children) and not any(
                g.dep_ == "mark" and g.lower_ in _OPEN_QUESTION_MARKS for g in child.children):
            return True  # "considers that the deal is dead"
    return False
