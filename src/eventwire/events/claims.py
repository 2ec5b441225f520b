"""A party's claim about its adversary's violence: "the separatists said Georgian forces attacked a village",
"Tbilisi says the separatists launched an attack".

The coding rules (docs/coding-rules.md, "Reported speech and claims") tell relaying apart from claiming. Police,
officials or witnesses telling what happened ("police said the gunman shot four people") only source the act,
which is coded. But a party to a conflict saying its adversary attacked is an accusation (112) by the speaker of
that adversary, and the attack itself is only claimed: hypothetical, not a fact of the news.

A party is a state, a state body, an armed group or a party speaking as such, of the victims' side; officials,
spokesmen, activists, witnesses, sources, newspapers and monitors relaying what happened are none. Its adversary
is a state or armed actor of another country, or of the other side of the state / non-state line in the same
country. An attack by the speaker's own side ("the army said its jets struck") is a report, and so is an attack
whose author the text does not name ("a suicide bomber").
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.codes import VIOLENCE_ROOTS
from eventwire.events.context import Context, Trigger
from eventwire.events.lexicon import LexEntry
from eventwire.events.slots import slot
from eventwire.model import ActorMention, Event
from eventwire.syntax import subjects_of

ACCUSATION = LexEntry("112", "verb", "", "", frozenset(), ())
_CLAIMING_VERBS = frozenset({"say", "tell", "add", "state", "claim", "report", "insist", "assert", "write",
                             "tweet", "post", "declare", "announce", "confirm", "note", "stress"})
_STATE = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
_NON_STATE_SIDES = frozenset({"REB", "IMG", "OPP", "PTY"})
# Who speaks as a party (police and prosecutors telling a case relay it, and so do activists); the accused must be
# able to attack as one.
_PARTIES = frozenset({"GOV", "MIL", "SPY", "LEG", "REB", "IMG", "PTY"})
# People who relay what happened, whoever employs them: "officials said", "a military spokesman said", "sources".
_RELAYING_NOUNS = frozenset({"official", "source", "spokesman", "spokeswoman", "spokesperson", "activist", "witness",
                             "resident", "monitor", "observer", "analyst", "expert", "aide", "diplomat", "officer",
                             "authority", "medic", "doctor", "journalist", "reporter"})
_ATTACKERS = frozenset({"GOV", "MIL", "COP", "SPY", "REB", "IMG"})
_OWN_SIDE_WORDS = frozenset({"its", "their", "our", "his", "her", "we", "they", "it"})
_MAX_CLAUSE_HOPS = 2


def claiming_verb(trig: Trigger) -> Token | None:
    """The speech verb whose reported clause holds the act ("said [Georgian forces attacked]"), a step or two up."""
    clause = trig.clause
    for _ in range(_MAX_CLAUSE_HOPS):
        # "said Ukrainian forces shelled Donetsk, killing three civilians": the participle is in the claim too
        while clause.dep_ in ("advcl", "conj", "xcomp") and clause.head != clause:
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.head == clause:
            return None
        clause = clause.head
        if clause.pos_ == "VERB" and clause.lemma_.lower() in _CLAIMING_VERBS:
            return clause
    return None


def claimed_accusation(trig: Trigger, event: Event, ctx: Context) -> Trigger | None:
    """The accusation (112) `event` is when it is a party's claim about its adversary's violence, else None: the
    speech verb is its trigger and its clause, the speaker its source, the accused its target."""
    if event.cameo_root not in VIOLENCE_ROOTS or event.hypothetical or event.negated:
        return None
    accused = event.source
    if accused.sector not in _ATTACKERS or not accused.country:
        return None
    if _own_side_word(accused, ctx) or _someone(accused, ctx):
        return None
    verb = claiming_verb(trig)
    if verb is None or ctx.in_quote(verb) or not _the_clause_act(trig):
        return None
    # the victim's side speaks: "Ukraine said Russian forces fired at Kharkiv"; a third country's sources relay
    victims = event.target.country if event.target is not None else accused.country
    speakers = [a for s in subjects_of(verb) for a in _named_speakers(s, ctx) if _side(a) in _PARTIES]
    speaker = next((s for s in speakers if s.country == victims and _adversaries(s, accused)), None)
    return None if speaker is None else Trigger(verb, ACCUSATION, verb, speaker=speaker, aimed_at=(accused,))


def _the_clause_act(trig: Trigger) -> bool:
    """The act the reported clause tells ("said rebels attacked", "said rebels launched an attack"), not one named
    in passing inside it ("granted asylum since last month's invasion, the embassy said")."""
    token = trig.token
    return token == trig.clause or (token.head == trig.clause and token.dep_ in ("dobj", "nsubj"))


def _named_speakers(subject: Token, ctx: Context) -> list[ActorMention]:
    """Coded actors the speech verb's subject names itself; "sources in neighbouring Pakistan" are no Pakistan."""
    actors, from_place = slot(subject, ctx)
    if from_place or (subject.lemma_.lower() in _RELAYING_NOUNS and not any(a.kb_id for a in actors)):
        return []
    return [a for a in actors if a.code]


def _own_side_word(actor: ActorMention, ctx: Context) -> bool:
    """"its jets", "they": a pronoun or possessive points back to a side, most often the speaker's own."""
    words = actor.text.lower().split()
    owners = [c.lower_ for c in ctx.doc[actor.token].children if c.dep_ == "poss"] if 0 <= actor.token < len(
        ctx.doc) else []
    return actor.resolved_from == "pronoun" or bool(set(words[:1] + owners) & _OWN_SIDE_WORDS)


def _someone(actor: ActorMention, ctx: Context) -> bool:
    """"a suicide bomber", "a gunman": one unnamed attacker is who did it, not a side accused."""
    return 0 <= actor.token < len(ctx.doc) and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in ctx.doc[actor.token].children)


def _side(actor: ActorMention) -> str | None:
    """The actor's role block; a country or its capital speaking ("Tbilisi says") speaks for its government."""
    return "GOV" if actor.code and len(actor.code) == 3 and actor.country == actor.code else actor.sector


def _adversaries(speaker: ActorMention, accused: ActorMention) -> bool:
    if speaker.code == accused.code or not speaker.country:
        return False
    if speaker.country != accused.country:
        return True
    speaking, acting = _side(speaker), accused.sector
    return (speaking in _STATE) != (acting in _STATE) and (
        speaking in _NON_STATE_SIDES or acting in _NON_STATE_SIDES)

