"""Whether an event is denied or only possible (when: events/dating.py; where: events/placing.py).

- flags: `negated` (a negation on the clause), `hypothetical` (modal, conditional, purpose, or
  embedded under plan/threaten/want-type verbs).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.datafiles import word_list
from eventwire.events.context import Trigger

# Auxiliaries, and verbs embedding a clause, that make it only possible (events/data/words.tsv).
_HYPOTHETICAL_AUX = word_list("eventwire.events", "hypothetical_aux")
_HYPOTHETICAL_HEADS = word_list("eventwire.events", "hypothetical_head")
_CLAIM_HEADS = word_list("eventwire.events", "claim_head")
_HYPOTHETICAL_NOUNS = word_list("eventwire.events", "hypothetical_noun")
_IMPLICATIVE_VERBS = word_list("eventwire.events", "implicative_verb")
_MEANS_VERBS = frozenset({"use", "employ"})


def is_negated(trig: Trigger) -> bool:
    for tok in (trig.token, trig.clause):
        if any(c.dep_ == "neg" for c in tok.children):
            return True
    if any(c.lower_ in ("no", "never") and c.dep_ == "det" for c in trig.token.children):
        return True
    if trig.clause.dep_ == "pcomp" and trig.clause.head.lower_ == "without":
        return True  # "will not act without consulting Israel": the consulting is not done
    # "charged in none", "arrested nobody", "killed no one": the act was done to no one
    return trig.token.pos_ == "VERB" and any(
        t.lower_ in _NO_ONE and ((t.dep_ in ("dobj", "nsubjpass") and t.head == trig.token) or (
            t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head == trig.token)) for t in trig.token.subtree)


_NO_ONE = frozenset({"none", "nobody", "noone"})


def _planned(verb: Token) -> bool:
    """An act named as what a plan, offer or bid is for ("plans to travel", "plans for traveling to
    Florida", "a bid to oust the leader"): not done."""
    head = verb.head
    if verb.dep_ in ("pcomp", "pobj") and head.dep_ == "prep":
        head = head.head
    elif verb.dep_ != "acl":
        return False
    return head.pos_ == "NOUN" and head.lemma_.lower() in _HYPOTHETICAL_NOUNS


def _only_possible(verb: Token) -> bool:
    """A clause that says what could, would or should happen, what happens if, or what something is for."""
    if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_AUX for c in verb.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return True
    to_infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if to_infinitive and verb.dep_ == "ROOT":
        return True  # a headline's future: "Obama to visit Israel", "Peres to tell EU"
    # a purpose ("a UN presence to protect them"): wanted, not done; but a means used for it says it was done
    # ("used tear gas to disperse the protest")
    if verb.dep_ in ("acl", "advcl") and to_infinitive and not (
            verb.dep_ == "advcl" and verb.head.lemma_.lower() in _MEANS_VERBS):
        return True
    # what someone was acted on for ("sued the prosecutor to block the release"), unless the verb says it
    # came about ("forced the minister to resign")
    head = verb.head
    return verb.dep_ == "xcomp" and to_infinitive and head.pos_ == "VERB" and any(
        c.dep_ == "dobj" for c in head.children) and head.lemma_.lower() not in _IMPLICATIVE_VERBS


def is_hypothetical(trig: Trigger) -> bool:
    """Wanted, planned, threatened, possible or only claimed: the clause or one it is embedded under says
    so ("threatened to strike", "a law that would allow the government to extradite", "claimed the Houthis
    had attacked")."""
    verb = trig.clause
    if _only_possible(verb) or _planned(verb):
        return True
    token = trig.token
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in _WANTING_VERBS:
        return True  # "others preferred an investigation by the Judiciary Committee": wanted, not opened
    # "Making his first visit as president, Obama is scheduled to arrive at 3 p.m.": a participle beside a planned
    # act is as planned as it is
    head = verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children) and (
            head.lemma_.lower() in _HYPOTHETICAL_HEADS and any(c.dep_ == "xcomp" for c in head.children)):
        return True
    # "could spend 98 years in prison and be fined": a verb joined with no subject of its own shares the modal
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and (
            _only_possible(verb.head)):
        return True
    current = verb
    for _ in range(3):
        if current.dep_ == "pcomp" and current.head.lower_ == "to" and current.head.head != current.head:
            current = current.head  # "committed to sending troops": as "committed to send"
        elif current.dep_ not in ("xcomp", "ccomp") or current.head == current or _relative_misread(current):
            break
        current = current.head
        if current.lemma_.lower() in _HYPOTHETICAL_HEADS or current.lemma_.lower() in _CLAIM_HEADS:
            return True
        if _only_possible(current) or _content_of_a_claim(current):
            return True
    return False


# Verbs whose object names an act only wanted; "called for", "sought" and "demanded" are appeals of their own.
_WANTING_VERBS = frozenset({"prefer", "want", "favor", "favour", "wish", "desire"})


def _relative_misread(clause: Token) -> bool:
    """"warning residents about two scams that his deputies are investigating": a that-clause right after a noun
    whose verb lacks its object is a relative clause on that noun (the deputies are investigating the scams), not
    the content of the warning, though the parser hangs it on the verb as one."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    noun = clause.doc[mark.i - 1] if mark is not None and mark.i > 0 else None
    # ... but "warned the public that police are investigating" tells the one warned what the warning says
    return (noun is not None and noun.pos_ == "NOUN" and noun.dep_ not in ("dobj", "dative")
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "nsubjpass", "auxpass")
                        for c in clause.children))


def _content_of_a_claim(verb: Token) -> bool:
    """"The accusation against Biden is that he called for ...": what "be" says an accusation or a rumour is
    is only claimed."""
    return verb.lemma_ == "be" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _CLAIM_NOUNS for c in verb.children)


_CLAIM_NOUNS = word_list("eventwire.events", "claim_noun")
