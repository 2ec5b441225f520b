"""Headline passives: "Woman stabbed while jogging", "Three soldiers killed in Kabul blast", "Suspect charged
with murder". Headlines drop the auxiliary of a passive, and the parser then reads the one acted on as the subject
who acts (the woman stabbing). A verb that cannot go without an object (stab, kill, arrest, charge ...) written as
a bare past form with a subject, no auxiliary and no object is such a passive; its subject is relabelled as the
passive subject, so that every later rule reads it as the one the act was done to."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.datafiles import word_list
from eventwire.syntax import shared_objects

_TRANSITIVE_ACTS = word_list("eventwire.events", "transitive_act")


def mark_headline_passives(doc: Doc) -> None:
    """Relabel the subject of every headline passive in `doc` as `nsubjpass` (in place)."""
    for verb in doc:
        if _headline_passive(verb):
            for child in verb.children:
                if child.dep_ == "nsubj":
                    child.dep_ = "nsubjpass"


def _headline_passive(verb: Token) -> bool:
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN") or verb.lemma_.lower() not in _TRANSITIVE_ACTS:
        return False
    deps = {c.dep_ for c in verb.children}
    if deps & {"aux", "auxpass", "dobj", "nsubjpass", "ccomp", "xcomp", "dative"} or "nsubj" not in deps:
        return False
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    if subject.pos_ not in ("NOUN", "PROPN", "NUM") or subject.tag_ == "PRP":
        return False
    if shared_objects(verb):
        return False  # "Police arrested and charged two men": the object is the joined verb's and this one's too
    # A headline drops the article too ("Woman stabbed"); a story's sentence with "The man stabbed ..." and no
    # object is the parser's slip more often than a passive, so only bare or numbered subjects count.
    return not any(c.dep_ == "det" and c.lower_ in ("the", "a", "an", "this", "that") for c in subject.children)
