"""Which kind of violence a dyad makes of a generic use of force.

The lexicon gives "killed", "shot", "opened fire", "attacked" the code of their most frequent news sense,
conventional military force (190, 193). CAMEO keeps that root (19) for fighting between armed forces; the
same verbs outside combat are something else, and an analyst counting war and crime apart needs them told
apart (cameo.tsv: 182 "attacks people physically outside military combat", 1823 "kills people outside
military combat"; 175 the state's violent repression of protest):
- the police using force on protesters is repression (175);
- anyone who is not an armed force or a government (police, a criminal, a civilian, an unnamed gunman)
  attacking people who are not an armed force is assault (182), or killing by assault (1823) when they die;
- the police using force at no one named is assault (182, 1823 when it kills), or repression in a protest;
- a criminal or a civilian using force at no one named, or at a place, is unconventional violence (180);
- a government, police or army blocking a road or an area restricts movement (191); protesters block (144);
- the police raiding or storming a home or a building coerce (170), unless it is an armed group's;
- force done with a bomb that is no army's weapon ("a suicide bomber killed 20 people", "killed by a roadside
  bomb") is the bombing (183, 1831 suicide, 1832 car, 1833 roadside), whoever it hits;
- a criminal, a civilian or an unnamed attacker shooting or killing police is assault (182, 1823): crime, not war;
- protesters or people clashing with the police, or an unnamed side at a protest, is a riot (145).
Attacks on soldiers and rebels, police attacked by an armed group, and whatever armed forces or governments do,
stay 19.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.datafiles import word_list
from eventwire.events.codes import RIOT
from eventwire.events.lexicon import LexEntry
from eventwire.model import ActorMention, Event

FORCE_UNSPECIFIED = "190"
_GENERIC_FORCE = frozenset({FORCE_UNSPECIFIED, "193"})
# Who uses conventional force by what they are.
_ARMED_OR_STATE = frozenset({"MIL", "REB", "GOV", "SPY", "IMG"})
# Whom an attack is combat against.
_COMBATANTS = frozenset({"MIL", "REB", "COP", "SPY", "GOV", "IMG"})
_KILLING = word_list("eventwire.events", "killing_verb")
# Verbs of force that harm people themselves; raids, storming and ambushes are told apart by who does them.
HARM_TO_PEOPLE = _KILLING | word_list("eventwire.events", "harm_verb")
_PROTESTERS = frozenset({"OPP"})
_MILITARY_WEAPONS = word_list("eventwire.events", "military_weapon")
REPRESSION, ASSAULT, KILLING_BY_ASSAULT, UNCONVENTIONAL, COERCION = "175", "182", "1823", "180", "170"
# Fighting that two sides do to each other; with the police at a protest, by an unnamed side, it is a riot.
_CLASHING = frozenset({"clash", "fight", "fighting", "battle", "skirmish", "scuffle"})
# Entering a place by force; done by the police to anyone but an armed group, it is coercion (17).
_RAIDING = frozenset({"raid", "storm"})
_ARMED_FORCES = frozenset({"MIL", "REB", "IMG"})
_BLOCKING, _BLOCKADE = "144", "191"
_STATE_FORCES = frozenset({"GOV", "COP", "MIL"})
# Protesters and the people at large: fighting the police, they riot.
_PEOPLE_AT_LARGE = frozenset({"OPP", "CVL"})
# Criminals and civilians: whatever force they use is not a military's.
_PRIVATE_PEOPLE = frozenset({"CRM", "CVL"})


def violence_code(code: str, trigger: Token, source: ActorMention, target: ActorMention | None) -> str:
    """The code of a generic use of force (`code` 190/193) or a blocking (144) for this source and target; other
    codes as given."""
    if code == _BLOCKING and source.sector in _STATE_FORCES:
        return _BLOCKADE  # "officials blocked off an area of Dresden": the state restricting movement, no protest
    if code == _NON_MILITARY_BOMBING:  # "a suicide bomber blew himself up": which kind of bombing
        return _bombing(trigger, source) or code
    if code not in _GENERIC_FORCE:
        return code
    if target is not None and target.sector == "COP" and trigger.lemma_.lower() in _CLASHING and (
            source.sector in _PEOPLE_AT_LARGE or (source.kind == "unidentified" and _in_a_protest(trigger))):
        # "hundreds were injured in clashes with riot police" at a protest, "his supporters fought running battles
        # with police": people, not an armed group, fighting the police are rioting
        return RIOT
    bombing = _bombing(trigger, source)
    if bombing is not None:
        return bombing
    source_sector = source.sector
    if source_sector == "COP" and trigger.lemma_.lower() in _RAIDING and (
            target is None or target.sector not in _ARMED_FORCES):
        return COERCION  # "police raided the home of a suspect": the law's coercion, not an army's combat
    if source_sector in _PRIVATE_PEOPLE and (target is None or target.kind == "country"):
        return UNCONVENTIONAL  # "the gunman opened fire at a mosque in Christchurch": no army's combat
    if target is None:
        # police shooting at no one named: police do not fight wars; in a protest it is repression
        return _police_force(trigger) if source_sector == "COP" else code
    target_sector = target.sector
    if source_sector == "COP" and target_sector in _PROTESTERS:
        return REPRESSION
    if target_sector == "COP" and source_sector not in _ARMED_OR_STATE | {"COP"} and (
            trigger.lemma_.lower() in HARM_TO_PEOPLE):
        # "a gunman shot two police officers", "two officers were shot dead": crime's violence, no war's
        return KILLING_BY_ASSAULT if _kills(trigger) else ASSAULT
    if source_sector in _ARMED_OR_STATE or source.kind == "country" or target_sector in _COMBATANTS or (
            target.kind == "country"):
        return code  # a country named as the one who used force used it through its state ("Russian airstrikes")
    if source.kind == "unidentified" and _MILITARY_WEAPONS & {w.lower().rstrip("s") for w in source.text.split()}:
        return code  # "an airstrike killed nine civilians": fighting, whoever flew it
    if trigger.lemma_.lower() not in HARM_TO_PEOPLE:  # a police raid on homes is no assault
        return code
    return KILLING_BY_ASSAULT if _kills(trigger) else ASSAULT


_BOMB_WORDS = frozenset({"bomb", "bomber", "bombing", "ied", "explosive"})
_BOMB_KINDS = (({"suicide"}, "1831"), ({"car", "truck", "vehicle"}, "1832"), ({"roadside", "ied"}, "1833"))
_NON_MILITARY_BOMBING = "183"


def _bombing(trigger: Token, source: ActorMention) -> str | None:
    """The bombing code when the force was a bomb's: named as the source ("a suicide bomber killed"), as the means
    ("killed by a roadside bomb", "killed in a car bombing") or as what went off ("killed when a bomb exploded")."""
    words = set(source.text.lower().split())
    for child in trigger.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "in", "with"):
            words |= {t.lemma_.lower() for o in child.children if o.dep_ == "pobj" for t in o.subtree}
        if child.dep_ == "advcl" and any(m.lower_ == "when" for m in child.children):
            words |= {t.lemma_.lower() for s in child.children if s.dep_ == "nsubj" for t in s.subtree}
    words |= {w.rstrip("s") for w in words}
    if not words & _BOMB_WORDS:
        return None
    return next((code for kinds, code in _BOMB_KINDS if words & kinds), _NON_MILITARY_BOMBING)


# What goes off ("a car bomb exploded"), and the verbs by which it does.
_CHARGES = _BOMB_WORDS | frozenset({"grenade", "mine", "landmine", "vest"})
_GOING_OFF = frozenset({"explode", "detonate"})
# Where a bomb that went off was set: its "outside a military base" names whom it was meant for.
_BOMB_SITE_PREPS = ("outside", "near", "at", "inside")


def bomb_going_off(verb: Token) -> LexEntry | None:
    """"A car bomb exploded outside a military base", "a grenade went off near a police post": a bomb that goes
    off was set by someone, so the clause is a bombing (183, 1831 suicide, 1832 car, 1833 roadside) by whoever
    set it; "a gas cylinder exploded" or "a transformer blew up" is no attack."""
    lemma = verb.lemma_.lower()
    off = lemma == "go" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    if verb.pos_ != "VERB" or not (lemma in _GOING_OFF or off) or any(c.dep_ == "dobj" for c in verb.children):
        return None
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        words = {t.lemma_.lower() for t in subject.subtree if t.i <= subject.i}
        if subject.lemma_.lower() in _CHARGES or (subject.lemma_.lower() == "device" and "explosive" in words):
            code = next((code for kinds, code in _BOMB_KINDS if words & kinds), _NON_MILITARY_BOMBING)
            return LexEntry(code, "verb", lemma, "", frozenset(), _BOMB_SITE_PREPS)
    return None


# Who storms a building as an attack, not as a crowd: armed forces and groups, and gunmen.
_ARMED_STORMERS = frozenset({"MIL", "REB", "IMG", "CRM", "SPY"})


def stormed_by_arms(verb: Token, entry: LexEntry, sides: list[ActorMention]) -> bool:
    """"Gunmen stormed a police station", "militants stormed a hotel": a building stormed by an armed side is
    attacked (190, as the coder then codes it for who attacked whom), not stormed by a crowd in protest (145)."""
    return entry.code == RIOT and verb.lemma_.lower() == "storm" and bool(sides) and all(
        a.sector in _ARMED_STORMERS for a in sides)


# A protest's own nouns (events/data/words.tsv) and the people in it.
_PROTEST_WORDS = word_list("eventwire.events", "protest_noun") | frozenset({
    "protester", "protestor", "demonstrator", "riot", "rioter", "marcher"})


def _kills(trigger: Token) -> bool:
    """"killed", "gunned down", "shot dead" and "a fatal shooting": the act took a life."""
    return trigger.lemma_.lower() in _KILLING or any(c.lower_ in ("dead", "fatal", "deadly") for c in trigger.children)


def _police_force(trigger: Token) -> str:
    """"Trooper Ledbetter opened fire when the car came toward him": a police shooting, assault; "police fired
    a live round" in a protest: repression."""
    if _in_a_protest(trigger):
        return REPRESSION
    return KILLING_BY_ASSAULT if _kills(trigger) else ASSAULT


def police_cordon(event: Event, token: Token) -> bool:
    """"Ozark police cordoned off Ozark Dodge to investigate the death", "SWAT officers surrounded the home": a
    police cordon or standoff is a step of an investigation or an arrest, no blockade; around a protest it is
    (191, "police laid siege to a university")."""
    return event.cameo == _BLOCKADE and event.source.sector == "COP" and not _in_a_protest(token)


def _in_a_protest(trigger: Token) -> bool:
    return any(t.lemma_.lower() in _PROTEST_WORDS for t in trigger.sent)
