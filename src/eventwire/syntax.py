"""Clause grammar over a spaCy dependency parse, shared by every stage that reads one.

Which verb governs a word, whether a clause is passive, who the subjects of a verb are (through
conjunction, control and relative clauses), the subject of a reported clause's speech verb, and the
noun phrase a head word opens. Functions of the parse only: no actors, places or lexicon rows, so a
parser upgrade and a change of a stage's rules fail apart (tests/test_syntax.py builds its parses by
hand).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.datafiles import word_list

# Verbs that report speech: their subject speaks the quote or the reported clause they govern (data/words.tsv).
SPEECH_VERBS = word_list("eventwire", "speech_verb")
# How far up the parse governing_verb() climbs.
_MAX_HOPS = 8


def governing_verb(token: Token) -> Token | None:
    """The nearest verb or auxiliary above `token` (never `token` itself), within eight steps."""
    current = token
    for _ in range(_MAX_HOPS):
        if current.head == current:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def verb_of(token: Token) -> Token:
    """The verb telling the act a token is part of: the token itself when it is a verb, else the nearest verb or
    auxiliary above it ("the shooting" -> "condemned"), else the root."""
    current = token
    while current.pos_ not in ("VERB", "AUX") and current.head != current:
        current = current.head
    return current


def clause_of(token: Token) -> Token | None:
    """The verb whose clause a token belongs to."""
    return governing_verb(token)


def is_under(token: Token, ancestor: Token) -> bool:
    """Whether `ancestor` is above `token` in the parse."""
    return any(a == ancestor for a in token.ancestors)


def is_passive(verb: Token) -> bool:
    """A passive clause: a passive subject or a passive auxiliary on the verb, or a past participle opening a
    clause ("Backed by Iran, the rebels ..."), whose subject is the one acted on."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or passive_participle(verb) or (
        causative_participle(verb)) or passive_conjunct(verb)


def passive_conjunct(verb: Token) -> bool:
    """"two journalists were arrested and [charged]", "was sentenced to probation, [fined] $1,000": a participle
    joined to a passive verb, with no subject or auxiliary of its own, shares its passive voice and subject."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head != verb and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children) and any(
        c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children)


def causative_participle(verb: Token) -> bool:
    """"The army had [the journalists] arrested", "got him fired": a past participle under causative "have" or
    "get" whose subject in the parse is the one acted on; the one who has it done is the subject of "have"."""
    return verb.tag_ == "VBN" and verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ in _CAUSATIVE_VERBS and any(
        c.dep_ == "nsubj" for c in verb.children)


_CAUSATIVE_VERBS = frozenset({"have", "get"})


def passive_participle(verb: Token) -> bool:
    """"[Forced] to choose, Xi ...", "[Backed] by Iran, the rebels ...": a past participle opening the clause it
    modifies, with no subject or auxiliary of its own. (One hung on a noun, "militants killed by the army", is
    left as it was: read as passive it cost more real events than it mended.)"""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i < verb.head.i and not any(
        c.dep_ in ("nsubj", "aux", "auxpass", "nsubjpass") for c in verb.children)


def nominal_participle(token: Token) -> bool:
    """A participle or adjective standing as a noun of people: "visited [the wounded]", "[the injured] were
    taken to hospital". It names the people, not an act, and has no clause of its own."""
    return token.pos_ in ("VERB", "ADJ") and token.dep_ in _NOMINAL_DEPS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not any(
        c.dep_ in ("dobj", "nsubj", "nsubjpass", "agent", "aux", "auxpass") for c in token.children)


_NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "appos"})


def relative_subject(verb: Token) -> Token | None:
    """The relative pronoun subject of a relative clause ("which" in "the attack which killed ...")."""
    if verb.dep_ != "relcl":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP")), None)


def subjects_of(verb: Token) -> list[Token]:
    """Subject tokens of a verb: its own nsubj, else the subject it shares with the verb it is
    conjoined to or controlled by (the subject of a passive for its to-clause), else the antecedent of a
    relative clause."""
    seen = 0
    current = verb
    while seen < 6:
        seen += 1
        own = [c for c in current.children if c.dep_ in ("nsubj", "csubj")]
        if own:
            subjects = [t for s in own for t in (s, *s.conjuncts)]
            if current is not verb and current.dep_ == "ccomp" and _disagrees(verb, subjects):
                # "Businesses agree that China has taken advantage and support Trump's efforts": a plural verb
                # hung on a singular subject's clause belongs to the clause above it
                higher = [t for c in current.head.children if c.dep_ == "nsubj" for t in (c, *c.conjuncts)]
                if higher and not _disagrees(verb, higher):
                    return higher
            return subjects
        if current.dep_ == "relcl" or (current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN")):
            return [current.head]  # "Putin, who ...", "rebels fighting government troops"
        if current.dep_ == "conj":
            fresh = _new_clause_subject(current)
            if fresh is not None:
                return [fresh, *fresh.conjuncts]
            if not linked_conjunct(current):
                break  # "cordoned off the shop ... Church, who was found fatally shot": a misparse, no shared subject
        reported = reported_clause_before(current)
        if reported is not None:
            current = reported  # "A bomb exploded in Kabul, police said, killing three": the bomb's act
            continue
        if current.dep_ == "xcomp":
            # "a bombing was reported to have killed", "Putin is expected to visit", "he was forced to resign":
            # the one a passive is said of does what its to-clause tells
            passive = [c for c in current.head.children if c.dep_ == "nsubjpass"]
            if passive:
                return [t for s in passive for t in (s, *s.conjuncts)]
        if current.dep_ in ("conj", "xcomp", "advcl", "acl", "acomp") and current.head != current:
            current = current.head
            continue
        break
    return []


def _disagrees(verb: Token, subjects: list[Token]) -> bool:
    """A present-tense verb whose number its subjects do not have ("China ... support", "the rebels ... says").
    A misread plural present counts as one (`misread_present`)."""
    plural = len(subjects) > 1 or subjects[0].tag_ in ("NNS", "NNPS")
    singular = len(subjects) == 1 and subjects[0].tag_ in ("NN", "NNP")
    return ((verb.tag_ == "VBP" or misread_present(verb)) and singular) or (verb.tag_ == "VBZ" and plural)


def misread_present(verb: Token) -> bool:
    """A bare form conjoined to a verb that no modal, "do" or "to" governs: a plural present the tagger took for
    an infinitive ("China has taken advantage and support ...")."""
    return verb.tag_ == "VB" and verb.dep_ == "conj" and not any(
        a.dep_ == "aux" and (a.tag_ in ("MD", "TO") or a.lemma_ == "do") for v in (verb, verb.head) for a in v.children)


def reported_clause_before(verb: Token) -> Token | None:
    """"Gunmen attacked a checkpoint, officials said, killing two": a participle the parser hangs on a speech verb
    set between a reported clause and itself continues that clause (the gunmen killed, not the officials)."""
    head = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or head.lemma_.lower() not in SPEECH_VERBS or head.i > verb.i:
        return None
    return next((c for c in head.children if c.dep_ == "ccomp" and c.i < head.i), None)


def linked_conjunct(verb: Token) -> bool:
    """A verb the parser calls a conjunct really is one when a coordinator or a list comma links it to its head:
    a coordinator anywhere between the two ("indicated that the aid was ... but denied"), or punctuation hung on
    either. With neither, the parser has hung a verb of another clause on a distant one, and the two share no
    subject."""
    head = verb.head
    between = verb.doc[head.i + 1: verb.i]
    return any(t.dep_ in ("cc", "preconj") for t in between) or any(
        t.dep_ == "punct" and t.head in (head, verb) for t in between)


def _new_clause_subject(verb: Token) -> Token | None:
    """In "X agreed ..., and the YPG – part of ... – has coordinated", the conjoined verb has a subject
    of its own that the parser attached elsewhere: the first nominal after the coordinating "and"."""
    head = verb.head
    ccs = [c for c in head.children if c.dep_ == "cc" and c.i < verb.i] + \
          [c for c in verb.children if c.dep_ == "cc" and c.i < verb.i]
    if not ccs:
        return None
    cc = max(ccs, key=lambda c: c.i)
    for token in verb.doc[cc.i + 1: verb.i]:
        if token.pos_ in ("NOUN", "PROPN", "PRON") and token.dep_ not in (
            "compound", "amod", "poss", "det", "pobj", "nmod", "dobj", "appos", "attr", "npadvmod_time"
        ):
            return token
    return None


def predicate_subject(word: Token) -> Token | None:
    """"30 fishermen are missing": the subject of the clause a predicate word (a state adjective or
    participle) predicates: the word's own subject, else its head's."""
    head = word if any(c.dep_ in ("nsubj", "nsubjpass") for c in word.children) else word.head
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def reporter_subjects(subject: Token) -> list[Token]:
    """"The EU said it was concerned": for the subject of a clause reported by a speech verb, the
    subjects (nsubj) of that speech verb; else none."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return []
    clause = subject.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SPEECH_VERBS:
        return []
    return [c for c in clause.head.children if c.dep_ == "nsubj"]


# Determiners that point back to something already told ("the law", "those attacks").
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def is_definite(noun: Token) -> bool:
    """Whether a noun's determiner points back to something already told ("the attack", "this law")."""
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)


def np_span(token: Token) -> Span:
    """The noun phrase a head opens, from its leftmost determiner, adjective or compound to the head
    ("the Syrian army"); modifiers after the head are left out."""
    left = min([token.i] + [c.i for c in token.children if c.dep_ in ("det", "amod", "compound") and c.i < token.i])
    return token.doc[left: token.i + 1]


def gerund_as_noun(verb: Token) -> bool:
    """A gerund a preposition takes as its object, with no object of its own: "killed in shelling by the army",
    "as a result of government shelling" (the parser tags it a verb; it names an act as a noun does)."""
    return verb.tag_ == "VBG" and verb.dep_ in ("pobj", "pcomp") and verb.head.pos_ == "ADP" and not any(
        c.dep_ == "dobj" for c in verb.children)


def preposition_objects(prep: Token) -> list[Token]:
    """What a preposition governs: its object, or the subject of the gerund clause it takes ("fired tear gas at
    students marching in the capital": the students, where the parser makes them the marchers' subject)."""
    out = [c for c in prep.children if c.dep_ == "pobj"]
    out.extend(s for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"
               for s in c.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN"))
    return out


# Where force is aimed ("landed a round on a protester"); a partner ("monitor it with the states") is not.
_AIMING_PREPS = frozenset({"on", "at", "against"})


def shared_objects(verb: Token) -> list[Token]:
    """"shot and killed two officers", "fired and landed a round on a protester": what a verb joined to `verb`
    with no subject of its own acts on (its object, or the object of "on", "at", "against"), which `verb` shares
    when it has no object of its own."""
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return []
    out: list[Token] = []
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue
        for child in conj.children:
            if child.dep_ == "dobj":
                out.append(child)
            elif child.dep_ == "prep" and child.lower_ in _AIMING_PREPS:
                out.extend(o for o in child.children if o.dep_ == "pobj")
    return out


# What befalls people in force: "was wounded", "were killed", "died".
_HARMED = frozenset({"wound", "kill", "injure", "hurt", "die", "shoot", "hit", "strike", "maim"})


def harmed_when(verb: Token) -> list[Token]:
    """"Allaw was wounded when policemen returned fire", "two men died when troops opened fire": whom the force
    told in a when-clause harmed, the subject of the harm it hangs on."""
    head = verb.head
    if verb.dep_ != "advcl" or not any(m.dep_ == "advmod" and m.lower_ == "when" for m in verb.children) or (
            head.lemma_.lower() not in _HARMED):
        return []
    wanted = ("nsubj",) if head.lemma_.lower() == "die" else ("nsubjpass",)
    return [c for c in head.children if c.dep_ in wanted]
