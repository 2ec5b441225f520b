"""How a sentence frames an act so that it is no act of the news, whatever the relevance model says: a
question, a measure already in force, an act named only to describe it, a caption beside the story, a generic
claim about many people."""

from __future__ import annotations

import re

from spacy.tokens import Token

from eventwire.datafiles import word_list
from eventwire.events.lexicon import relative_antecedent
from eventwire.syntax import misread_present, subjects_of, verb_of


def direct_question(token: Token) -> bool:
    """"What tariffs has the United States imposed?": a question asks about acts, it reports none. The mark
    that ends the act's own clause decides (a heading the parser ran into the next sentence still asks)."""
    end = next((t for t in token.doc[token.i: token.sent.end] if t.text in _TERMINAL_MARKS), None)
    return end is not None and end.text == "?"


_TERMINAL_MARKS = frozenset({".", "?", "!"})


def standing_measure(token: Token) -> bool:
    """A measure someone has in force, or breaks or applies, is no act of the news: "Israel has a blockade
    on Gaza", "the ship breached a UN ban on Iranian arms exports" ("imposed a blockade" is one)."""
    if token.pos_ != "NOUN" or token.dep_ != "dobj":
        return False
    head = token.head
    if head.lemma_.lower() in _BREACHING_VERBS:
        return True
    present = head.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in head.children)
    return head.lemma_.lower() in _HOLDING_VERBS and present


_HOLDING_VERBS = word_list("eventwire.events", "holding_verb")
_BREACHING_VERBS = word_list("eventwire.events", "breaching_verb")


def described_act(token: Token) -> bool:
    """An event noun that is the subject of a copula: "Hong Kong's street battles are an existential threat",
    "the protest was the largest in years", "Trump's tariffs remain a source of uncertainty" describe an act
    reported elsewhere, or none."""
    if token.pos_ != "NOUN" or token.dep_ != "nsubj":
        return False
    head = token.head
    return head.lemma_ in _COPULAS and any(c.dep_ in ("attr", "acomp") for c in head.children)


_COPULAS = frozenset({"be", "remain", "stay", "become", "seem", "appear"})


def caption_fragment(token: Token) -> bool:
    """A line with no finite verb whose act is a bare -ing form ("—Zinichev calling a temporary halt to
    rescue work") is a caption or pull quote beside the story, not a report of an act; so is one that opens
    with a dash, the typographic mark of a quote's attribution line."""
    if token.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False
    return token.sent.text.lstrip().startswith(("—", "―")) or not any(t.tag_ in _FINITE_TAGS for t in token.sent)


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def not_the_first_time(token: Token) -> bool:
    """"It is not the first time Crolley has been arrested": the clause says the act has happened before, told
    to give the news its history; the news itself is in another sentence."""
    clause = token
    while clause.dep_ not in ("relcl", "ROOT") and clause.head != clause:
        clause = clause.head
    time = clause.head
    if clause.dep_ != "relcl" or time.lemma_.lower() != "time" or not any(
            c.lower_ == "first" for c in time.children):
        return False
    return any(c.dep_ == "neg" for c in time.head.children)


def told_of_a_past_office(token: Token) -> bool:
    """"Paulk was invited to a prayer breakfast by then-President Ronald Reagan": an actor named by the office
    they held then acts in a past the story looks back on, not in its news."""
    clause = token if token.pos_ in ("VERB", "AUX") else token.head
    parties = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "agent", "dobj")]
    # (the parser may hang a sentence-initial "Then-" on the verb)
    words = [t for p in parties for t in p.subtree] + list(clause.children)
    return any(t.lower_ == "then" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].tag_ == "HYPH" for t in words)


def generic_claim(token: Token) -> bool:
    """"Many public officials are willing to accept the tradeoffs", "many businesses support Mr. Trump's efforts",
    "people sympathize with the stoned target": the simple present of a quantified or generic plural says what
    people in general do or think, no act of anyone on one occasion ("many protesters were arrested" and "many
    are marching" tell what happened)."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    simple_present = (verb.tag_ in ("VBZ", "VBP") or misread_present(verb)) and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)
    # a headline tells the news in the present ("Many flee as rebels advance"): prose only, ending in a period
    prose = token.sent.text.rstrip().rstrip("\"'”’)").endswith(".")
    if not simple_present or not prose:
        return False
    # "many businesses agree ... and support": the subject the conjunct shares
    return any(c.tag_ == "NNS" and (c.lower_ == "people" or any(
        d.dep_ in ("amod", "det") and d.lower_ in _GENERIC_QUANTIFIERS for d in c.children))
        for c in subjects_of(verb))


_GENERIC_QUANTIFIERS = frozenset({"many", "most", "few", "all"})


def task_described(token: Token) -> bool:
    """"another special prosecutor entrusted to investigate", "a panel set up to probe the crash": what someone is
    described as charged with doing is their task, not an act the news reports done."""
    return (token.pos_ == "VERB" and token.dep_ in ("xcomp", "advcl")
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
            and token.head.tag_ == "VBN" and token.head.dep_ in ("acl", "amod"))


def thing_described(token: Token) -> bool:
    """"might examine a deal that he struck with Musharraf", "approve the agreement they signed with Gov. Crist": an
    act told in a relative clause on the thing it made, itself the matter of another act, says which thing is meant;
    it is not the news."""
    return token.pos_ == "VERB" and token.head.dep_ in ("dobj", "pobj") and relative_antecedent(token) is not None


def lasting_state(token: Token) -> bool:
    """An act told in the perfect as lasting months or years is a standing state, not an act of the news: "the
    army has fought the insurgency for more than a decade", "Saudi Arabia has been bombing Yemen for four years",
    "has detained activists since 2017" ("has been detained since Sunday" is this week's news)."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if not any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in verb.children):
        return False
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "since", "over"):
            continue
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            if prep.lower_ == "since":
                if any(_YEARS.fullmatch(t.text) for t in obj.subtree):
                    return True
            elif obj.lemma_.lower() in _LONG_SPANS:
                return True
    return False


def many_occasions(token: Token) -> bool:
    """Acts summed up in the perfect are a record, not an act of the news: "rebels have attacked army posts
    several times this year", "Turkey has launched several offensives against the YPG"."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    for child in verb.children:
        counted = child.lemma_.lower() == "time" and child.tag_ == "NNS" and child.dep_ in ("npadvmod", "advmod",
                                                                                          "dobj")
        many = child.dep_ == "dobj" and child.tag_ == "NNS" and any(
            c.dep_ in ("amod", "nummod", "quantmod") and c.lower_ in _MANY for c in child.children)
        if counted or many:
            return True
    return False


_MANY = frozenset({"several", "many", "numerous", "multiple", "dozens", "hundreds", "repeated", "countless"})
_YEARS = re.compile(r"(1[89]|20)\d\d")
# Spans of time that make an act told as lasting them a state ("for four years", "over the past decade").
_LONG_SPANS = frozenset({"year", "decade", "month", "century"})


# Adverbs that put an act in the past before the news ("previously committed", "once told").
_BACKGROUND_ADVERBS = word_list("eventwire.events", "background_adverb")
_HABITUAL_ADVERBS = word_list("eventwire.events", "habitual_adverb")


def told_as_background(token: Token) -> bool:
    """ "McConnell previously committed to a trial", "Mendez once told the Post": told as background;
    "Johnson has repeatedly stated", "has long called for": a habit or a standing position, not one act."""
    verb = verb_of(token)
    adverbs = {c.lower_ for c in (*token.children, *verb.children) if c.dep_ == "advmod"}
    if adverbs & _BACKGROUND_ADVERBS:
        return True
    # A habit told in the present or the perfect; "repeatedly called it a witch hunt" in the simple past
    # reports what was said in the news.
    if bool(adverbs & _HABITUAL_ADVERBS) and _present_or_perfect(token):
        return True
    # "Security forces often use tear gas to disperse protesters": the habit of the verb the act is the aim of
    purpose = verb.head if verb.dep_ in ("xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) else None
    if purpose is not None and purpose.pos_ == "VERB" and _present_or_perfect(purpose) and bool(
            {c.lower_ for c in purpose.children if c.dep_ == "advmod"} & _HABITUAL_ADVERBS):
        return True
    # "Obama repeatedly has said he opposes reinstating it": what a habitual saying says is a standing position
    speech = verb.head
    return verb.dep_ == "ccomp" and speech.pos_ == "VERB" and _present_or_perfect(speech) and bool(
        {c.lower_ for c in speech.children if c.dep_ == "advmod"} & _HABITUAL_ADVERBS)


def _present_or_perfect(verb: Token) -> bool:
    # "Police routinely arrest journalists": a base form with its own subject and no auxiliary is a present the
    # tagger misread
    bare_present = verb.tag_ == "VB" and verb.dep_ in ("ROOT", "conj", "ccomp") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children) and any(c.dep_ == "nsubj" for c in verb.children)
    return verb.tag_ in ("VBZ", "VBP") or bare_present or any(
        c.dep_ == "aux" and (c.lemma_ == "have" or c.tag_ in ("VBZ", "VBP")) for c in verb.children)
