"""Which words are event triggers, and what each codes.

Verbs, event nouns and predicative adjectives that a lexicon row matches, outside quoted speech; a
light verb and its event noun are one trigger (the noun: "ordered the withdrawal"), unless the verb's
row asked for that object ("signed an agreement"). Special cases recode or add triggers: a match used in
another sense is no act, an attack with a reason given is criticism and "called Morrison" a telephone call
(events/senses.py);
a quote addressed to another actor is a statement (010); promises, refusals and announced intents
(events/stance.py); "X said Y must ..." is a demand by X of Y (root 10), the act demanded hypothetical.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.actors.descriptions import STATE_SECTORS, role_of
from eventwire.datafiles import word_list
from eventwire.events.context import Context, Trigger
from eventwire.events.lexicon import LexEntry, Lexicon, lemma_candidates, match_noun, match_verb, verb_row
from eventwire.events.naming import named_thing, naming_code, naming_predicate, opinion_not_act
from eventwire.events.rulings import ruling_entry
from eventwire.events.senses import (
    ACCUSATION_CODE,
    CRITICISM_CODE,
    ENDORSEMENT_CODE,
    PHONE_CALL,
    SENTENCE_CODE,
    charged_that,
    civil_alert,
    describing_participle,
    fighting_to_do,
    force_on_a_thing,
    help_on_the_scene,
    jailed_for_a_term,
    naming_not_acting,
    other_sense,
    phone_call,
    reason_given,
    seeking_not_asking,
    travellers_described,
    verbal_attack,
    welcoming_a_thing,
)
from eventwire.events.slots import actors_at, slot
from eventwire.events.stance import (
    CRITICISM,
    ULTIMATUM,
    announced,
    bare_intent,
    conditional_on_target,
    demand_code,
    demanding_speech,
    hindsight_speech,
    intent_code,
    intent_head,
    promise_code,
    refusal_code,
    refused,
    threat_code,
    vowed_not_to,
    warning_code,
)
from eventwire.events.strikes import LABOUR_STRIKE, on_strike, workers_striking
from eventwire.events.violence import FORCE_UNSPECIFIED, bomb_going_off, stormed_by_arms
from eventwire.model import ActorMention
from eventwire.syntax import governing_verb, nominal_participle, passive_conjunct

# Verbs that only carry an event noun ("ordered the withdrawal", "staged air strikes"): the noun is
# the event, the verb lends its subject.
LIGHT_VERBS = word_list("eventwire.events", "light_verb")
# Verbs that say again what was said ("reiterated calls for Israel to accept", "renewed its offer of talks"): they
# carry the noun of a speech act or an intent as a light verb does, never an act of another kind ("reiterated its
# opposition to the visit" is no visit).
_RESTATING_VERBS = frozenset({"reiterate", "repeat", "renew", "restate"})
# What a speaker does by saying it, in the first person and the present ("we warn the Saudis", "I urge Lam
# to resign", "we condemn"): statements, appeals, praise, demands, criticism, rejections and threats.
_SPEECH_ACT_ROOTS = frozenset({"01", "02", "05", "10", "11", "12", "13"})
_RESTATED_ROOTS = _SPEECH_ACT_ROOTS | {"03"}  # ... and intents ("renewed its offer")


def carries(verb: Token, code: str) -> bool:
    """Whether `verb` carries an event noun of CAMEO `code` as a light verb, lending it its subject."""
    lemmas = set(lemma_candidates(verb))
    return bool(LIGHT_VERBS & lemmas) or (bool(_RESTATING_VERBS & lemmas) and code[:2] in _RESTATED_ROOTS)


_STAYING_VERBS = frozenset({"remain", "stay"})


def find_triggers(doc: Doc, lexicon: Lexicon, ctx: Context) -> list[Trigger]:
    found: dict[int, Trigger] = {}
    for token in doc:
        if ctx.in_quote(token) and speech_act_speaker(token, ctx) is None:
            continue
        entry = None
        naming = token.pos_ == "VERB" and naming_predicate(token) is not None
        if naming:
            entry = naming_code(token)
        elif token.pos_ == "VERB" and (ruling := ruling_entry(token, ctx)) is not None:
            entry = ruling  # "the court ruled the prorogation unlawful" (events/rulings.py)
        elif token.pos_ == "VERB" and not nominal_participle(token):  # "visited the wounded": people
            entry = match_verb(lexicon, token) or bomb_going_off(token)
            if entry is not None and (opinion_not_act(token, entry) or seeking_not_asking(token, entry, ctx)
                                      or other_sense(token, entry) or fighting_to_do(token, entry, ctx)
                                      or force_on_a_thing(token, entry, ctx)
                                      or civil_alert(token, entry) or help_on_the_scene(token, entry)):
                entry = None
            if entry is not None and jailed_for_a_term(token, entry):
                entry = replace(entry, code=SENTENCE_CODE)
            if entry is not None and charged_that(token, entry):
                entry = replace(entry, code=ACCUSATION_CODE)
            if entry is not None and verbal_attack(token, entry, lexicon):
                entry = replace(entry, code=CRITICISM_CODE)
            if entry is not None and welcoming_a_thing(token, entry, ctx):
                entry = replace(entry, code=ENDORSEMENT_CODE)
            if entry is not None and workers_striking(token, entry, ctx):
                entry = replace(entry, code=LABOUR_STRIKE)
            if entry is not None and stormed_by_arms(token, entry, ctx.subject_actors(token)):
                entry = replace(entry, code=FORCE_UNSPECIFIED, objects=frozenset())  # the building is a target
            if entry is not None and entry.code == "130" and (
                    warned := warning_code(token, lambda t: t.i in ctx.actors)) is not None:
                entry = replace(entry, code=warned)
        elif token.pos_ == "NOUN" and token.i not in ctx.actors and not _modifies_an_actor(token, ctx) and not (
                named_thing(token)):
            # "opposition" the actor is not the act, nor is it in "the opposition coalition"
            entry = match_noun(lexicon, token)
            if entry is not None and on_strike(token, entry, ctx):
                entry = replace(entry, code=LABOUR_STRIKE)
        elif token.pos_ == "ADJ" and token.dep_ == "acomp" and token.head.lemma_.lower() not in _STAYING_VERBS:
            entry = match_verb(lexicon, token)  # "was concerned", "is determined"; "remained committed" is a state
            if entry is not None and other_sense(token, entry):
                entry = None  # "three commissioners were opposed": how a vote went
        if entry is not None and not naming and (naming_not_acting(token, entry, ctx)
                                                 or describing_participle(token) or reason_given(token)
                                                 or travellers_described(token, entry)):
            entry = None
        if entry is None and token.pos_ == "VERB" and _reports_quote_to_someone(token, ctx):
            entry = STATEMENT
        if entry is not None and ctx.in_quote(token) and entry.code[:2] not in _SPEECH_ACT_ROOTS:
            entry = None  # in a quote, only what the speaking itself does ("we warn", "I urge")
        if entry is not None and not naming and phone_call(token, entry, ctx):  # "called Omar a terrorist": a name
            entry = PHONE_CALL
        if entry is not None:
            clause = token if token.pos_ in ("VERB", "ADJ") else governing_verb(token)
            found[token.i] = Trigger(token, entry, clause if clause is not None else token)
    # Light verb + event noun: keep the noun ("ordered the withdrawal" is a withdrawal). A verb whose
    # row demanded that object ("sign ... agreement") keeps the event and the noun is dropped.
    for i, trig in list(found.items()):
        if trig.token.pos_ != "NOUN":
            continue
        verb = governing_verb(trig.token)
        if verb is None:
            continue
        between = _path_between(trig.token, verb)
        if any(t.dep_ == "nsubj" for t in (trig.token, *between)):
            continue  # "opposition leader Guaido called on the army": a noun in the subject is not the verb's act
        wanted = any(t.dep_ == "prep" and t.lower_ == "for" for t in between)
        if wanted or any(t.i in found and t.pos_ == "NOUN" for t in between):
            # "called for an investigation": the appeal is the act, the investigation only wanted; "opened an
            # investigation into the shooting": the shooting is someone else's act, the opener did not shoot.
            if wanted and verb.i in found:
                del found[i]
            else:
                found[i] = replace(trig, carried=False)
            continue
        if verb.i not in found:
            continue
        if found[verb.i].entry.objects:
            del found[i]
        elif carries(verb, trig.entry.code):
            del found[verb.i]
    # "declined to comment": a row that required the to-infinitive's verb as its object took it in; "refused to
    # discuss what prompted the beating" matched a row that makes the refusal no event: the discussing refused is
    # only a word about the matter (010), no talks refused.
    for i, trig in list(found.items()):
        head = trig.token.head
        if trig.token.dep_ != "xcomp":
            continue
        if head.i in found and trig.token.lemma_.lower() in found[head.i].entry.objects:
            del found[i]
        elif head.i not in found and head.pos_ == "VERB" and (row := verb_row(lexicon, head)) is not None and (
                trig.token.lemma_.lower() in row.objects and not _with_partner(trig.token)):
            found[i] = replace(trig, entry=replace(trig.entry, code=STATEMENT.code))
    _drop_statements_that_act(found)
    for i, trig in list(found.items()):
        head = trig.token.head
        # "were arrested and charged", "was convicted and sentenced": one legal step of one kind, one record
        if passive_conjunct(trig.token) and head.i in found and found[head.i].entry.code[:2] == trig.entry.code[:2]:
            del found[i]
    _code_stances(found)
    for token in doc:  # "is ready to contribute troops": a generic intent when the act itself is not coded
        if token.i not in found and bare_intent(token) and not ctx.in_quote(token):
            found[token.i] = Trigger(token, LexEntry("030", "verb", token.lemma_.lower(), "", frozenset(), ("to",)),
                                     token)
    _code_demands(doc, found, ctx)
    return sorted(found.values(), key=lambda t: t.token.i)


def _with_partner(verb: Token) -> bool:
    """"refused to discuss the program with the United States": talks refused, not a comment."""
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.subtree)


def _modifies_an_actor(noun: Token, ctx: Context) -> bool:
    """"the opposition coalition", "opposition leader Juan Guaido": a noun in the name or title of an actor
    says who they are, not what they did."""
    current = noun
    for _ in range(4):
        if current.dep_ not in ("compound", "amod") or current.head == current:
            return False
        current = current.head
        if current.i in ctx.actors:
            return True
    return False


def _drop_statements_that_act(found: dict[int, Trigger]) -> None:
    """"issued a statement condemning the attack": the statement is the condemnation, one act; the plain 010 of
    issuing it would count it twice."""
    for i, trig in list(found.items()):
        if trig.entry.code != STATEMENT.code or trig.token.pos_ != "VERB" or not trig.entry.objects:
            continue  # only the rows of issuing a statement, report or communiqué
        said = [c for obj in trig.token.children if obj.dep_ == "dobj" for c in obj.children
                if c.dep_ in ("acl", "relcl") and c.i in found]
        if said:
            del found[i]


def _path_between(token: Token, ancestor: Token) -> list[Token]:
    """The tokens strictly between `token` and its ancestor `ancestor` on the way up the parse."""
    out: list[Token] = []
    current = token.head
    while current != ancestor and current.head != current:
        out.append(current)
        current = current.head
    return out


def _code_demands(doc: Doc, found: dict[int, Trigger], ctx: Context) -> None:
    """"Britain said Libya must hand over the suspects": a demand (root 10) by the speaker of the one who
    must act, coded by the act demanded; the act itself stays, hypothetical."""
    for verb in doc:
        if ctx.in_quote(verb):
            continue
        speech = hindsight_speech(verb)
        if speech is not None and (speech.i not in found or not found[speech.i].entry.objects):
            # "suggested the government should have looked at reducing the tax": criticism; nothing was done
            entry = LexEntry(CRITICISM, "verb", speech.lemma_.lower(), "", frozenset(), ())
            found[speech.i] = Trigger(speech, entry, speech, demanded_of=verb)
            found.pop(verb.i, None)
            continue
        speech = demanding_speech(verb)
        if speech is None:
            continue
        act = found.get(verb.i)
        existing = found.get(speech.i)
        if existing is not None and existing.entry.objects:
            continue  # a specific row on the speech verb ("declared a ceasefire") stays
        if act is not None:
            found[verb.i] = replace(act, stance="promised")
        if not _demanded_of_a_side(verb, found, ctx):
            continue  # "she must pay $342,991, the attorney's office said": a sentence or advice reported
        code = demand_code(act.entry.code if act is not None else None)
        entry = LexEntry(code, "verb", speech.lemma_.lower(), "", frozenset(), ())
        found[speech.i] = Trigger(speech, entry, speech, demanded_of=verb)


def _demanded_of_a_side(verb: Token, found: dict[int, Trigger], ctx: Context) -> bool:
    """Whether what must be done is asked of an actor a code names ("Libya must hand over the suspects") or is an
    act that must end or be avoided ("the oppression of the Venezuelan people must end", "military intervention must
    be avoided"), or of a state body a role noun names with no country ("the government must ensure security");
    what an unnamed person, a pronoun for one or a thing must do ("she must pay $342,991, the attorney's office
    said", "cantaloupes should be thrown away") is no demand of a side."""
    subjects = [t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in (c, *c.conjuncts)]
    return any(_a_side_or_an_act(s, found, ctx) for s in subjects)


def _a_side_or_an_act(subject: Token, found: dict[int, Trigger], ctx: Context) -> bool:
    if subject.i in found or role_of(subject, ctx.kb) in STATE_SECTORS:
        return True
    if any(a.code for a in slot(subject, ctx)[0]):
        return True
    # "the oppression of the Venezuelan people must end": an act on a side named in its own phrase
    return any(a.code for t in subject.subtree for a in ctx.actors.get(t.i, []))


def _code_stances(found: dict[int, Trigger]) -> None:
    """Promised and refused cooperation (see events/stance.py): the promise becomes an intent event on
    its verb, the refusal recodes the act; the promised act stays, hypothetical."""
    for i, trig in list(found.items()):
        if refused(trig.token):
            code = refusal_code(trig.entry.code)
            if code is not None:
                found[i] = replace(trig, entry=replace(trig.entry, code=code), stance="refused")
                vow = found.get(trig.token.head.i)
                if vowed_not_to(trig.token) and vow is not None and not vow.entry.objects:
                    del found[trig.token.head.i]  # the vow is the refusal, not a promise besides it
            continue
        # The verb that states the act: its own, or the verb an event noun is the object of ("will
        # extend the curfew", "will hold talks").
        token = trig.token
        carrier = token if token.pos_ == "VERB" else (
            token.head if token.dep_ == "dobj" and token.head.pos_ == "VERB" else None)
        if carrier is not None and announced(carrier):
            code = intent_code(trig.entry.code) or threat_code(trig.entry.code)
            if conditional_on_target(carrier) and not trig.entry.code.startswith("13"):
                code = ULTIMATUM
            if code is not None:
                found[i] = replace(trig, entry=replace(trig.entry, code=code), stance="announced")
            continue
        head = intent_head(trig.token)
        code = promise_code(head, trig.entry.code) if head is not None else None
        if head is None or code is None:
            continue
        existing = found.get(head.i)
        if existing is None or not existing.entry.objects:  # a specific row ("pledged aid to") stays
            entry = LexEntry(code, "verb", head.lemma_.lower(), "", frozenset(), ("to", "with"))
            found[head.i] = Trigger(head, entry, head, promised=trig)
        found[i] = replace(trig, stance="promised")


_FIRST_PERSON = frozenset({"i", "we"})


def speech_act_speaker(verb: Token, ctx: Context) -> ActorMention | None:
    """The coded speaker of a quote in which `verb` is a first-person present speech act, else None."""
    quote = ctx.quote_of(verb)
    if quote is None or quote.speaker is None or not quote.speaker.code or verb.pos_ != "VERB" \
            or verb.tag_ != "VBP":
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in verb.children):
        return None
    return quote.speaker


# A quote addressed to another actor ("“...,” Putin told Erdogan") is a statement event, CAMEO 010; a
# quote to reporters or a crowd is not coded (no analyst codes "told reporters").
STATEMENT = LexEntry("010", "verb", "say", "", frozenset(), ("to",))
_STATEMENT_VERBS = word_list("eventwire.events", "statement_verb")
_STATEMENT_TARGET_KINDS = frozenset({"person", "government", "military", "country", "police", "armed_group",
                                     "igo", "party"})


def _reports_quote_to_someone(verb: Token, ctx: Context) -> bool:
    if verb.lemma_.lower() not in _STATEMENT_VERBS:
        return False
    sent = verb.sent
    if not any(sent.start_char <= q.start < sent.end_char or q.start <= sent.start_char < q.end for q in ctx.quotes):
        return False
    # "told X", "addressed X" take an object; "said to X", "wrote to X" a to-phrase ("said troops ..." is
    # reported content, never the addressee).
    lemma = verb.lemma_.lower()
    recipients = [c for c in verb.children if c.dep_ in ("dobj", "dative")] if lemma in ("tell", "address") else []
    recipients += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children
                   if o.dep_ == "pobj"]
    return any(a.code and a.kind in _STATEMENT_TARGET_KINDS and not a.code.endswith(("MED", "CVL"))
               for r in recipients for a in actors_at(r, ctx))
