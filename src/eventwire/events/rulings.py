"""A court's ruling that something breaks the law, and a body holding someone in contempt.

"The Court of Session ruled the prorogation was unlawful", "a judge found that the order was
unconstitutional", "the mask ban was ruled illegal by the court", "the Supreme Court struck down the
state's abortion law", "a judge blocked the asylum rule": a court's finding against a party (CAMEO 116, as
"ruled against the government").
The party is whoever owns or made the thing ruled on ("Trump's order", "the ban by the city"); a
government measure whose maker the sentence does not name ("the prorogation", "the mask ban") is the
government's of the court's own country. Said by anyone but a court, "unlawful" is an opinion, not a
ruling. "The House voted to hold Barr in contempt" is a censure (111), by a court a finding (116).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.datafiles import word_list
from eventwire.events.context import Context
from eventwire.events.lexicon import LexEntry
from eventwire.events.slots import government_of, owners_named_in, slot
from eventwire.model import ActorMention
from eventwire.syntax import is_passive, subjects_of

RULING_CODE = "116"
CENSURE_CODE = "111"
_RULING_VERBS = word_list("eventwire.events", "ruling_verb")
_ANNULLING_VERBS = word_list("eventwire.events", "annulling_verb")
_UNLAWFUL_WORDS = word_list("eventwire.events", "unlawful_word")
_JUDICIAL_NOUNS = word_list("eventwire.events", "judicial_noun")
_GOVERNMENT_MEASURES = word_list("eventwire.events", "government_measure")
_HALTING_VERBS = frozenset({"block", "halt", "suspend", "freeze"})
_PROSECUTING_WORDS = frozenset({"prosecutor", "prosecutors", "attorney", "attorneys", "lawyer", "lawyers", "counsel"})


def ruling_entry(verb: Token, ctx: Context) -> LexEntry | None:
    """116 for a court's ruling against something, 111/116 for holding someone in contempt, else None."""
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if _held_in_contempt(verb):
        code = RULING_CODE if _by_a_court(verb, ctx) else CENSURE_CODE
        return LexEntry(code, "verb", lemma, "", frozenset(), ())
    if ruled_thing(verb) is not None and _by_a_court(verb, ctx):
        return LexEntry(RULING_CODE, "verb", lemma, "", frozenset(), ())
    if _case_thrown_out(verb) and _by_a_court(verb, ctx):
        return LexEntry(DISMISSAL_CODE, "verb", lemma, "", frozenset(), ())
    return None


def _case_thrown_out(verb: Token) -> bool:
    """"dismissed the claims", "rejected the appeal", "threw out the lawsuit": a court turning down what a party
    brought, not a denial of an accusation (016)."""
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    if lemma not in _DISMISSING_VERBS and not (lemma == "throw" and particle == "out"):
        return False
    slot_dep = "nsubjpass" if is_passive(verb) else "dobj"
    return any(c.dep_ == slot_dep and c.lemma_.lower() in _CASE_NOUNS for c in verb.children)


DISMISSAL_CODE = "120"
_DISMISSING_VERBS = frozenset({"dismiss", "reject", "deny", "quash"})
_CASE_NOUNS = frozenset({"claim", "lawsuit", "suit", "case", "appeal", "petition", "motion", "complaint",
                         "charge", "request", "challenge", "bid"})


def ruled_thing(verb: Token) -> Token | None:
    """What a ruling verb finds unlawful: "ruled [the prorogation] was unlawful", "[the ban] was ruled
    illegal", "declared [the results] invalid", "struck down [the law]"."""
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    if lemma in _ANNULLING_VERBS and (lemma != "strike" or particle == "down"):
        slot_dep = "nsubjpass" if is_passive(verb) else "dobj"
        return next((c for c in verb.children if c.dep_ == slot_dep), None)
    if lemma in _HALTING_VERBS:
        # "a federal judge blocked the administration's asylum rule": a measure a court halts is ruled against
        slot_dep = "nsubjpass" if is_passive(verb) else "dobj"
        return next((c for c in verb.children if c.dep_ == slot_dep
                     and c.lemma_.lower() in _GOVERNMENT_MEASURES), None)
    if lemma not in _RULING_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "ccomp":
            # "ruled (that) the prorogation was unlawful" / "declared the results invalid"
            judged = [c for c in child.children if c.dep_ == "acomp"] if child.pos_ == "AUX" else [child]
            if any(_unlawful(j) for j in judged) or (lemma == "rule" and _bound_by_the_ruling(child)):
                return next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if child.dep_ in ("oprd", "xcomp", "acomp") and _unlawful(child):
            # "was ruled illegal" (the passive subject), "found the order unlawful" (the object)
            slot_dep = "nsubjpass" if is_passive(verb) else "dobj"
            thing = next((c for c in verb.children if c.dep_ == slot_dep), None)
            return thing or next((c for c in child.children if c.dep_ == "nsubj"), None)
    return None


def _unlawful(word: Token) -> bool:
    return word.lemma_.lower() in _UNLAWFUL_WORDS or any(
        c.dep_ == "conj" and c.lemma_.lower() in _UNLAWFUL_WORDS for c in word.children)


def _held_in_contempt(verb: Token) -> bool:
    return verb.lemma_.lower() == "hold" and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_.lower() == "contempt" for o in c.children)
        for c in verb.children)


def _bound_by_the_ruling(clause: Token) -> bool:
    """"ruled that Facebook must remove the posts", "ruled that Facebook can be ordered to remove them": a ruling
    that binds a party to act is against that party."""
    aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & {"must", "shall"}) or clause.lemma_.lower() in _BINDING_VERBS


_BINDING_VERBS = frozenset({"order", "require", "compel", "oblige", "force"})


def _by_a_court(verb: Token, ctx: Context) -> bool:
    """Whether whoever rules is a court or a judge ("the Court of Session", "the Hong Kong court system",
    "Judge Marrero"), not a prosecutor, a lawyer or anyone else calling a thing unlawful."""
    if is_passive(verb):
        deciders = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    else:
        deciders = subjects_of(verb)
    for decider in deciders:
        words = {decider.lemma_.lower(), *(c.lemma_.lower() for c in decider.children if c.dep_ == "compound")}
        if words & _JUDICIAL_NOUNS:
            return True
        for actor in ctx.actors.get(decider.i, []):
            if actor.sector == "JUD" and not _PROSECUTING_WORDS.intersection(actor.text.lower().split()):
                return True
    return False


def ruled_parties(verb: Token, ctx: Context, courts: list[ActorMention]) -> list[ActorMention]:
    """Whom a ruling is against: the owner or maker of the thing ruled on, else, for a government measure,
    the government of the court's country. A contempt finding is against its object."""
    if _held_in_contempt(verb):
        slot_dep = "nsubjpass" if is_passive(verb) else "dobj"
        return [a for c in verb.children if c.dep_ == slot_dep for a in slot(c, ctx)[0]]
    thing = ruled_thing(verb)
    if thing is None:
        return []
    named, _ = slot(thing, ctx)
    if named:
        return named  # "struck down Trump's executive order" has no actor there; "ruled against Facebook" does
    owners = owners_named_in(thing, ctx)
    owners += [a for clause in thing.children if clause.dep_ in ("relcl", "acl")
               for s in subjects_of(clause) if s != thing and s.tag_ not in ("WP", "WDT") for a in slot(s, ctx)[0]]
    if owners:
        return [a for a in owners if a.code]
    if thing.lemma_.lower() in _GOVERNMENT_MEASURES:
        return _government_of(courts, ctx)
    return []


def _government_of(courts: list[ActorMention], ctx: Context) -> list[ActorMention]:
    court = next((c for c in courts if c.country), None)
    if court is None or court.country is None:
        return []
    return [government_of(court.country, court, ctx, "ruling-convention")]
