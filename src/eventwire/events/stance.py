"""Intent, threat and refusal: how CAMEO codes an act that is promised, threatened or refused, not done.

"Russia agreed to lift its ban" is not a lifting (081) but an expressed intent to ease sanctions
(0351), and neither is "Russia said it will lift its ban"; "Israel is willing to withdraw its troops"
is an intent to de-escalate (0356); "Britain will not lift the ban" and "al-Nusra refused to release
the soldiers" are refusals (1241, 1243). CAMEO's codebook files these under root 03 (express intent
to cooperate) and root 12 (reject), with sub-codes that follow the kind of act. A promised act stays
coded too, flagged hypothetical, so an analyst who filters hypothetical events out keeps only what
happened: the promise or the refusal. A conflictual act announced or vowed ("will extend the curfew",
"vowed to fight on", "would boycott the talks") is a threat (root 13) by the kind of act.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from eventwire.datafiles import word_list
from eventwire.events.lexicon import lemma_candidates

# Verbs and adjectives that express an intent to do what their to-clause says.
INTENT_VERBS = frozenset({"agree", "offer", "pledge", "promise", "vow", "commit", "undertake", "volunteer",
                          "plan", "intend", "swear", "threaten"})
INTENT_ADJECTIVES = frozenset({"willing", "ready", "prepared", "eager"})
# Verbs that refuse what their to-clause says.
REFUSAL_VERBS = frozenset({"refuse", "decline"})
# A negated future ("will not lift", "won't release") states a refusal.
_FUTURE_AUX = frozenset({"will", "would", "'ll", "shall", "wo"})

# Intent codes by the act's CAMEO code, most specific prefix first (CAMEO 1.1b3, root 03).
_INTENT_BY_ACT = (
    ("061", "0311"), ("062", "0312"), ("063", "0313"), ("064", "0314"), ("06", "031"),
    ("071", "0331"), ("072", "0332"), ("073", "0333"), ("074", "0334"), ("07", "033"),
    ("081", "0351"), ("082", "0352"), ("083", "034"), ("084", "0353"), ("085", "0354"), ("086", "0355"),
    ("087", "0356"), ("08", "035"),
    ("057", "030"), ("05", "032"),
    ("045", "039"), ("04", "036"),  # "offered to mediate" is an intent to mediate (039), not to meet
    ("03", None),  # already an intent
)
# Demand codes by the act demanded (root 10): "Straw said the rebels must reach an agreement" is 107.
_DEMAND_BY_ACT = (
    ("061", "1011"), ("062", "1012"), ("063", "1013"), ("064", "1014"), ("06", "101"),
    ("071", "1031"), ("072", "1032"), ("073", "1033"), ("074", "1034"), ("07", "103"),
    ("081", "1051"), ("082", "1052"), ("083", "104"), ("084", "1053"), ("085", "1054"), ("086", "1055"),
    ("087", "1056"), ("08", "105"),
    ("057", "107"), ("05", "102"),
    ("045", "108"), ("04", "106"),
)
# Verbs that report what a speaker holds another must do.
SPEECH_VERBS = frozenset({"say", "declare", "insist", "state", "tell", "warn", "stress", "add", "reiterate",
                          "write", "argue", "announce", "conclude", "repeat", "remind", "urge", "emphasize",
                          "emphasise", "maintain"})
_DEONTIC = frozenset({"must", "should"})
# Threat codes by the act's CAMEO code (root 13): a conflictual act announced or vowed, not done ("will
# extend the curfew" 1323, "would blockade Paris" 1381, "will boycott the elections" 133).
_THREAT_BY_ACT = (
    ("160", "131"), ("161", "1313"), ("162", "1311"), ("163", "1312"), ("164", "134"), ("165", "135"),
    ("166", "136"), ("16", "131"),
    ("1721", "1321"), ("1722", "1322"), ("1723", "1323"), ("1724", "1324"), ("172", "132"), ("17", "137"),
    ("14", "133"),  # not 15: "plans to send troops to help" is no threat
    ("191", "1381"), ("192", "1382"), ("19", "1384"), ("18", "1383"), ("20", "1385"),
    ("13", None),  # already a threat
)
# Heads under which a conflictual act is threatened; "agreed to", "offered to", "ready to" promise it
# instead ("agreed to postpone a protest"), and are left to the intent codes.
THREAT_HEADS = frozenset({"vow", "swear", "threaten", "plan", "intend"})
THREATEN = "threaten"
# An announced act on a condition the target must meet ("will withdraw unless ...") is an ultimatum.
ULTIMATUM = "139"
# Refusal codes by the act's CAMEO code (root 12).
_REFUSAL_BY_ACT = (
    ("061", "1211"), ("062", "1212"), ("06", "121"),
    ("07", "122"),
    ("081", "1241"), ("082", "1242"), ("083", "123"), ("084", "1243"), ("085", "1244"), ("086", "1245"),
    ("087", "1246"), ("08", "124"),
    ("057", "127"), ("05", "120"),
    ("04", "125"),
    ("03", "120"),
)


def _by_prefix(table: tuple[tuple[str, str | None], ...], code: str) -> str | None:
    return next((mapped for prefix, mapped in table if code.startswith(prefix)), None)


def intent_code(act_code: str) -> str | None:
    """The CAMEO code of promising the act `act_code`, or None when CAMEO has no intent code for it."""
    return _by_prefix(_INTENT_BY_ACT, act_code)


def threat_code(act_code: str) -> str | None:
    """The CAMEO code of threatening the act `act_code`, or None for acts that are not conflict."""
    return _by_prefix(_THREAT_BY_ACT, act_code)


def promise_code(head: Token, act_code: str) -> str | None:
    """The CAMEO code of the verb or adjective `head` promising or threatening the act `act_code`:
    "agreed to lift the ban" 0351, "vowed to fight on" 1384, "threatened to withdraw from the truce" 130."""
    lemma = head.lemma_.lower()
    if lemma == THREATEN:
        return threat_code(act_code) or "130"
    if lemma in THREAT_HEADS:
        return intent_code(act_code) or threat_code(act_code)
    return intent_code(act_code)


def conditional_on_target(verb: Token) -> bool:
    """"Nigeria will withdraw its force from Chad unless Oueddei arranges a ceasefire"."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in verb.children)


def refusal_code(act_code: str) -> str | None:
    """The CAMEO code of refusing the act `act_code`, or None for acts that are not cooperation."""
    return _by_prefix(_REFUSAL_BY_ACT, act_code)


def demand_code(act_code: str | None) -> str:
    """The CAMEO code of demanding the act `act_code` (100 for an act the lexicon does not code)."""
    return (_by_prefix(_DEMAND_BY_ACT, act_code) if act_code else None) or "100"


def demanding_speech(verb: Token) -> Token | None:
    """The speech verb reporting that `verb`'s subject must act ("Britain said Libya must hand over the
    suspects" -> "said"), when `verb` is such a must/should clause with a subject of its own."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in _DEONTIC for c in verb.children):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return verb.head


# "should have looked at", "ought to have acted": what someone failed to do, told by a speaker.
_HINDSIGHT_SPEAKERS = SPEECH_VERBS | frozenset({"suggest", "think", "believe", "feel", "complain", "contend"})
CRITICISM = "111"


def hindsight_speech(verb: Token) -> Token | None:
    """The verb of a speaker saying that `verb`'s subject should have acted otherwise ("Harrison suggested the
    government should have looked at reducing the tax"): a criticism of the subject (111), no demand, and the act
    itself was not done."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ != "ccomp" or verb.tag_ != "VBN" or (
            verb.head.lemma_.lower() not in _HINDSIGHT_SPEAKERS):
        return None
    aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    # "could have been bloodier" weighs what might have happened; only "should have acted" faults someone
    if "have" not in aux or not {"should", "ought"} & set(aux) or verb.lemma_.lower() == "be":
        return None
    return verb.head if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) else None


def intent_head(trigger: Token) -> Token | None:
    """The verb or adjective promising the act at `trigger`: "agreed to lift", "willing to withdraw",
    "agreed to a ceasefire", "committed to talks"."""
    if trigger.pos_ in ("VERB", "AUX") and trigger.dep_ == "xcomp":
        head = trigger.head
        lemma = head.lemma_.lower()
        if (head.pos_ == "VERB" and lemma in INTENT_VERBS) or (head.pos_ == "ADJ" and lemma in INTENT_ADJECTIVES):
            return head
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "to":
        head = trigger.head.head
        if head.pos_ in ("VERB", "ADJ") and head.lemma_.lower() in INTENT_VERBS | INTENT_ADJECTIVES:
            return head
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.dep_ == "xcomp":
        # "agreed to undertake joint military exercises": the light verb's noun is the act promised
        return intent_head(trigger.head)
    return None


def bare_intent(token: Token) -> bool:
    """"France is ready to contribute troops": an intent adjective with a to-clause, whatever the clause's
    act (an intent verb with no act the lexicon codes has its own lexicon row)."""
    return token.pos_ == "ADJ" and token.lemma_.lower() in INTENT_ADJECTIVES and token.dep_ == "acomp" and any(
        c.dep_ == "xcomp" for c in token.children)


def announced(trigger: Token) -> bool:
    """Whether the act at `trigger` is announced for the future ("it will release the hostages", "they
    would allow access"): CAMEO codes such a statement as an intent, not as the act."""
    future, negated = _future_and_negation(trigger)
    # "he will be charged": what will be done to someone is no intent of theirs.
    return future and not negated and not any(c.dep_ == "auxpass" for c in trigger.children) and not (
        _predicted(trigger))


# Heads under which a future act is someone's forecast or wish, not the actor's announcement ("hoped that the
# Duma would soon ratify", "it was unlikely that the presidency would hold a summit", "analysts expect Iran
# will retaliate").
_FORECAST_HEADS = word_list("eventwire.events", "forecast_head")


def _predicted(verb: Token) -> bool:
    head = verb.head
    if verb.dep_ not in ("ccomp", "xcomp") or head == verb:
        return False
    if _FORECAST_HEADS.intersection(lemma_candidates(head)):  # the parser's lemma of "hoped" can be "hop"
        return True
    # "it was unlikely that ...": the clause hangs on "be" whose predicate is the forecast word
    return head.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in _FORECAST_HEADS
                                       for c in head.children)


def refused(trigger: Token) -> bool:
    """Whether the act at `trigger` is refused: under refuse/decline, vowed not to be done, or a negated
    future of its own."""
    if trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in REFUSAL_VERBS:
        return True
    if vowed_not_to(trigger):
        return True
    future, negated = _future_and_negation(trigger)
    return future and negated


def vowed_not_to(trigger: Token) -> bool:
    """"Abbas vowed not to resume negotiations": a vow or a pledge not to do something refuses it."""
    return trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in _VOWING_VERBS and any(
        c.dep_ == "neg" for c in trigger.children)


_VOWING_VERBS = frozenset({"vow", "pledge", "promise", "swear"})


def _future_and_negation(verb: Token) -> tuple[bool, bool]:
    """Whether `verb` has a future/conditional auxiliary ("will", "would", "won't"), and a negation."""
    children = list(verb.children)
    return (any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in children),
            any(c.dep_ == "neg" for c in children))


# What a bare "warn" does, by its complement: advice to someone ("warned the WHO to be cautious") is an
# appeal; a warning about how things stand, with no one addressed and nothing anyone will do ("warned that
# migrants are not the only people at risk") is a gloomy assessment, and so is a warning of what no actor
# does ("the virus could spread", "the death toll may rise": three blind reviews of emitted events found
# no threat in them). A warning of what someone will or could do stays a threat: the blind web gold codes
# "warned that the Chinese government will not sit idly by" 137.
APPEAL, PESSIMISM, ADVISORY = "020", "012", "010"
_MODALS = word_list("eventwire.events", "hypothetical_aux")  # compared by lemma too: "ca"(n't), "wo"(n't)
_PUBLIC_WORDS = word_list("eventwire.events", "public_word")
# What the one who warns may do themselves: "warned Gaza residents of coming airstrikes" threatens.
_FORCE_TO_COME = frozenset({"attack", "airstrike", "strike", "bombing", "shelling", "raid", "offensive", "operation",
                            "retaliation", "consequence", "response", "action", "force", "reprisal", "evacuation"})


# Who a danger or an agent belongs to: "an Iranian attack", "Russia's forces".
_OWNER_DEPS = frozenset({"poss", "compound", "amod"})


def warning_code(verb: Token, is_actor: Callable[[Token], bool] = lambda _: True) -> str | None:
    """The code of a bare "warn" (lexicon 130) read from its complement; None keeps the threat. A warning
    of what no actor does ("warned that the death toll may rise", "that the virus could spread") is a
    pessimistic comment, not a threat: nobody threatens a flood."""
    if verb.lemma_.lower() == "issue":
        return _issued_warning_code(verb, is_actor)
    if verb.lemma_.lower() != "warn":
        return None
    children = list(verb.children)
    if any(c.dep_ == "dobj" for c in children) and any(c.dep_ == "xcomp" for c in children):
        return APPEAL
    told = [c for c in children if c.dep_ in ("dobj", "dative")]
    # "warned of a humanitarian crisis", "warning of a growing threat of measles": a danger no actor poses
    # (the parser may hang the danger on the people told: "warned motorists of icy roads")
    dangers = [o for c in (*children, *(g for t in told for g in t.children)) if c.dep_ == "prep"
               and c.lower_ in ("of", "about") for o in c.children if o.dep_ == "pobj"]
    posed_by = [t for d in dangers for t in (d, *d.children) if t is d or t.dep_ in _OWNER_DEPS]
    unposed = bool(dangers) and not any(is_actor(t) for t in posed_by)
    if unposed and told and all(c.lemma_.lower() in _PUBLIC_WORDS for c in told) and not any(
            d.lemma_.lower() in _FORCE_TO_COME for d in dangers):
        return ADVISORY  # "the sheriff is warning residents about two scams": advice to the public
    clause = next((c for c in children if c.dep_ == "ccomp"), None)
    if clause is None and not told:
        return PESSIMISM if unposed else None
    if clause is None or any(c.dep_ in ("dobj", "dative") for c in children):
        return None
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and not any(is_actor(t) for s in subjects for t in s.subtree):
        return PESSIMISM
    if subjects and all(s.dep_ == "nsubjpass" for s in subjects):
        # "750,000 people could be hit by heavy flooding": those it befalls are not who does it
        agents = [o for c in clause.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        if not any(is_actor(t) for a in agents for t in (a, *a.children) if t is a or t.dep_ in _OWNER_DEPS):
            return PESSIMISM
    if any(c.dep_ == "aux" and (c.lower_ in _MODALS or c.lemma_.lower() in _MODALS) for c in clause.children) \
            or clause.tag_ == "VB":
        return None
    return PESSIMISM


def _issued_warning_code(verb: Token, is_actor: Callable[[Token], bool]) -> str | None:
    """"The FDA has issued a warning on cantaloupes from a Honduran company": a warning about a thing no actor
    poses, to no one named, is advice to the public (010), not a threat; "issued a warning to Iran" stays one."""
    warning = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "warning"), None)
    if warning is None:
        return None
    preps = [c for c in (*verb.children, *warning.children) if c.dep_ in ("prep", "dative")]
    if any(p.lower_ in ("to", "against") for p in preps):
        return None
    about = [o for p in preps if p.lower_ in ("on", "about", "of", "over") for o in p.children if o.dep_ == "pobj"]
    if not about or any(is_actor(t) for o in about for t in (o, *o.children) if t is o or t.dep_ in _OWNER_DEPS):
        return None
    return ADVISORY
