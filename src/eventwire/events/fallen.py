"""People killed or hurt "in" an attack or a fight, or "when" it was done: the harm and the act are one event.

"Ten civilians were killed in a US airstrike", "three soldiers died in clashes with militants", "20 people were
killed in fighting between government forces and al-Shabab", "two protesters were killed when soldiers opened
fire": the verb tells the harm, the noun of its "in" phrase or the verb of its "when" clause tells the act (who did
it, and how). The act takes its sides from the harm clause: the fallen are the victims of an attack, or one side
of a fight that names the other ("a shootout with drug traffickers").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.datafiles import word_list
from eventwire.events.codes import VIOLENCE_ROOTS
from eventwire.model import Event
from eventwire.syntax import gerund_as_noun, is_passive

# Verbs telling that people were killed or hurt (events/data/words.tsv).
_FALLEN_VERBS = word_list("eventwire.events", "fallen_verb")
# Verbs with no agent at all: their subject is the fallen in the active ("died in an air strike").
_INTRANSITIVE = frozenset({"die", "perish"})
# Conjunctions that put an act at the moment of the harm ("were killed when soldiers opened fire").
_WHEN_MARKS = frozenset({"when", "as"})
# Prepositions naming the other side of a fight ("a shootout with police", "fighting against the army").
_OTHER_SIDE_PREPS = frozenset({"with", "against"})


def harm_verb_of(act: Token) -> Token | None:
    """The verb telling people killed or hurt ("were killed", "died") whose "in" or "during" phrase names the act
    ("were killed in clashes", "died in an air strike"), whose "by" agent is it ("were killed by Russian
    airstrikes") or whose "when" clause tells it ("two protesters were
    killed when soldiers opened fire"); else None."""
    if act.pos_ == "VERB" and not gerund_as_noun(act):  # "in army shelling", "in shelling by the army"
        told_when = act.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _WHEN_MARKS
                                                  for c in act.children)
        verb = act.head if told_when else None
    else:
        prep = act.head
        in_phrase = act.dep_ in ("pobj", "pcomp") and prep.dep_ == "prep" and prep.lower_ in ("in", "during")
        # "were killed by Russian airstrikes": the attack as the passive's agent
        by_phrase = act.dep_ == "pobj" and prep.dep_ == "agent"
        verb = prep.head if in_phrase or by_phrase else _result_of(act)
    if verb is None:
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _FALLEN_VERBS or _generic_present(verb):
        return None
    if verb.lemma_.lower() in _INTRANSITIVE or is_passive(verb):
        return verb
    return None


def _result_of(act: Token) -> Token | None:
    """"were killed as a result of government shelling": the verb the act is told as the cause of."""
    prep, result = act.head, act.head.head
    if act.dep_ != "pobj" or prep.lower_ != "of" or result.lemma_.lower() != "result" or result.dep_ != "pobj":
        return None
    return result.head.head if result.head.lower_ == "as" else None


def _generic_present(verb: Token) -> bool:
    """"Stormtroopers, many of whom die in a single strike": the simple present tells what happens, not what
    happened; a headline's present ("Three soldiers die in clash") tells the news."""
    present = verb.tag_ in ("VBP", "VBZ") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ")
                                                 and c.lemma_ != "have" for c in verb.children)
    return present and verb.sent.start != 0


def the_fallen(verb: Token) -> list[Token]:
    """The people the harm verb says were killed or hurt: its (passive) subject and their conjuncts."""
    return [s for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for s in (c, *c.conjuncts)]


def other_side_named(act: Token) -> bool:
    """Whether the act names a side fought ("clashes with militants", "fighting between A and B")."""
    return any(c.dep_ == "prep" and (c.lower_ in _OTHER_SIDE_PREPS or c.lower_ == "between")
               and any(o.dep_ == "pobj" for o in c.children) for c in act.children)


def fallen_side(act: Token) -> list[Token]:
    """"Five policemen died in a shootout with drug traffickers": the fallen are the side that fought the one
    the act names, so its source; none where the act names both sides ("between") or none."""
    verb = harm_verb_of(act)
    if verb is None or not any(c.dep_ == "prep" and c.lower_ in _OTHER_SIDE_PREPS for c in act.children):
        return []
    return the_fallen(verb)


def fallen_victims(act: Token) -> list[Token]:
    """"Twelve people died in a suicide bombing", "five soldiers died when militants attacked their checkpoint":
    the fallen are the attack's victims, its target, where the act names no side fought."""
    verb = harm_verb_of(act)
    if verb is None or other_side_named(act):
        return []
    return the_fallen(verb)


def one_act_with_its_fallen(events: list[Event], doc: Doc) -> list[Event]:
    """The harm verb's event and the event of the act its "in" phrase or "when" clause names are one record: told
    at the verb (the clause's own word, with the counts of the dead), coded as the act codes it unless that is
    only its root ("190" fighting beside a "killed" the coder read as 190 already), with the sides the verb found,
    else the act's ("20 people were killed in fighting between government forces and al-Shabab": the two forces,
    with the toll)."""
    merged: dict[str, Event] = {}
    dropped: set[str] = set()
    for act in events:
        if act.cameo_root not in VIOLENCE_ROOTS or not 0 <= act.evidence.token < len(doc):
            continue
        verb = harm_verb_of(doc[act.evidence.token])
        if verb is None:
            continue
        for harm in events:
            if harm.evidence.token != verb.i or harm.cameo_root not in VIOLENCE_ROOTS or harm.id in dropped or (
                    harm.hypothetical, harm.negated) != (act.hypothetical, act.negated):
                continue
            merged[harm.id] = _merge(merged.get(harm.id, harm), act)
            dropped.add(act.id)
    return [merged.get(e.id, e) for e in events if e.id not in dropped]


def _merge(harm: Event, act: Event) -> Event:
    # The act's noun codes the record where it says more: a kind of the same act ("a suicide bombing" for
    # "killed") or who did it ("a US airstrike"); "wounded in the shootout" with nobody named stays an assault.
    generic = act.cameo == act.cameo_root + "0" and harm.cameo_root == act.cameo_root
    says_more = act.cameo_root == harm.cameo_root or bool(act.source.code)
    base = act if says_more and not generic else harm
    if harm.source.code:
        source, target = harm.source, harm.target
    elif act.source.code:
        source, target = act.source, act.target or harm.target
    else:
        source, target = harm.source, harm.target or act.target
    return base.model_copy(update={
        "id": harm.id, "evidence": harm.evidence, "source": source, "target": target,
        "fatalities": harm.fatalities, "casualties": harm.casualties, "forces": harm.forces,
        "date": harm.date, "date_precision": harm.date_precision, "date_defaulted": harm.date_defaulted,
        "place": harm.place or act.place, "place_basis": harm.place_basis if harm.place else act.place_basis,
        "confidence": max(harm.confidence, act.confidence)})
