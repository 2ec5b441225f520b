"""Criticism reported as what someone said of another's act: "Germany said the Russian annexation of Crimea was
illegal", "Vindman told lawmakers that Trump's request was inappropriate".

A speech verb whose reported clause says, with "be", that a thing is one of the judging words (events/data/
words.tsv, `condemning_word` and `judging_adjective`), that it is not one of the approving words (`fitting_word`:
"was not in line with US goals"), that someone failed a duty (`kept_duty`: "had failed to meet their
commitments"), or that it breaks or harms what should be kept (`harming_verb`: "the US decision violates
international law") is a criticism (CAMEO 111) by the speaker of whoever owns
or did that thing ("Trump's request", "the Russian annexation", "the decision by the United States"), or of the
actor the clause is about ("Trump was wrong"). A negated judgement ("was not illegal") is none; the act is the
saying, so the speech verb's clause dates and places it.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.datafiles import word_list
from eventwire.events.context import Context, Trigger
from eventwire.events.lexicon import LexEntry
from eventwire.events.slots import actors_at, owners_named_in, slot
from eventwire.model import ActorMention
from eventwire.syntax import SPEECH_VERBS, subjects_of

JUDGED = LexEntry("111", "verb", "", "", frozenset(), ())
_JUDGING_WORDS = word_list("eventwire.events", "condemning_word") | word_list("eventwire.events", "judging_adjective")
_FITTING_WORDS = word_list("eventwire.events", "fitting_word")
_HARMING_VERBS = word_list("eventwire.events", "harming_verb")
_DUTIES = word_list("eventwire.events", "kept_duty")


def reported_judgements(ctx: Context, taken: set[int]) -> list[Trigger]:
    """A criticism trigger per speech verb that reports a judgement of another's act; `taken` holds the tokens
    of triggers already found, whose sentences are left alone ("condemned the move, saying it was illegal" is
    one act)."""
    out: list[Trigger] = []
    for verb in ctx.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS or ctx.in_quote(verb):
            continue
        speakers = [a for s in subjects_of(verb) for a in slot(s, ctx)[0] if a.code]
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            word = _judging_predicate(clause)
            if word is None or not speakers:
                continue
            # an act named in what is judged ("Trump's request was inappropriate") is the thing judged, not the
            # saying's own act; one elsewhere in the sentence is ("condemned the move, saying it was illegal")
            judged_words = {t.i for t in clause.subtree}
            if any(t.i in taken and t.i not in judged_words for t in verb.sent):
                continue
            judged = _judged_actors(clause, ctx)
            speaker_codes = {s.code for s in speakers}
            # a speaker judges another: one coded alike only when named as someone else ("US diplomats said
            # Trump's request was inappropriate")
            judged = [a for a in judged if a.code and (a.code not in speaker_codes or (
                a.kind == "person" and all(a.name != s.name for s in speakers)))]
            if judged:
                # "Vindman and Williams told lawmakers ...": each speaker judged
                # The act is the saying: the speech verb is the trigger, its clause the event's.
                out.extend(Trigger(verb, JUDGED, verb, aimed_at=tuple(judged[:1]), speaker=s)
                           for s in {s.code: s for s in speakers}.values())
    return out


def _judging_predicate(clause: Token) -> Token | None:
    """"was [illegal]", "is [a provocation]": the judging word a "be" clause predicates, unless negated; "was not
    [helpful]", "is not [in line] with": a word that approves, negated; "[violates] international law": a verb
    that says the act breaks or harms what should be kept, not negated."""
    negated = any(c.dep_ == "neg" for c in clause.children)
    if clause.lemma_ != "be" and _failed_a_duty(clause):
        return None if negated else clause
    if clause.lemma_ != "be":
        return clause if clause.pos_ == "VERB" and clause.lemma_.lower() in _HARMING_VERBS and not negated else None
    if negated:
        return next((c for c in clause.children if _fitting(c)), None)
    for child in clause.children:
        if child.dep_ in ("acomp", "attr") and (child.lemma_.lower() in _JUDGING_WORDS
                                                 or child.lower_ in _JUDGING_WORDS):
            return child
        if child.dep_ in ("acomp", "attr") and any(
                c.dep_ == "amod" and (c.lemma_.lower() in _JUDGING_WORDS or c.lower_ in _JUDGING_WORDS)
                for c in child.children):
            return child  # "was a reckless provocation"
    return None


def _failed_a_duty(clause: Token) -> bool:
    """"had failed to meet their commitments", "failed to protect civilians": a duty said to be left undone (the
    verbs of keeping one, `kept_duty`), which criticises whoever left it; "failed to capture the town" is a
    report of an attempt."""
    return clause.pos_ == "VERB" and clause.lemma_.lower() == "fail" and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in _DUTIES for c in clause.children)


def _fitting(child: Token) -> bool:
    """"(not) [appropriate]", "(not) [in] line with": a word approving of the act, as the clause's predicate."""
    if child.dep_ in ("acomp", "attr"):
        return child.lemma_.lower() in _FITTING_WORDS or child.lower_ in _FITTING_WORDS
    return child.dep_ == "prep" and child.lower_ == "in" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in _FITTING_WORDS for o in child.children)


def _judged_actors(clause: Token, ctx: Context) -> list[ActorMention]:
    """Who the judged thing belongs to: the subject itself if an actor ("Trump was wrong"), else its owner,
    its nationality, or the agent of a "by" phrase. Of a verb that breaks a rule only a thing's owner: "said the
    Indians violated their visa norms" accuses people of an act, it judges no act of theirs."""
    out: list[ActorMention] = []
    for subject in (c for c in clause.children if c.dep_ == "nsubj"):
        if _failed_a_duty(clause):
            out.extend(actors_at(subject, ctx))  # "said the Europeans had failed to meet their commitments"
            continue
        if clause.lemma_ != "be" and ctx.actors.get(subject.i):
            continue  # people said to have broken a rule, not a thing of theirs
        named = actors_at(subject, ctx)
        if named:
            out.extend(named)
            continue
        out.extend(owners_named_in(subject, ctx))
    return out
