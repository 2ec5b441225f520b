"""Which words are event triggers, and what each codes.

Verbs, event nouns and predicative adjectives that a lexicon row matches, outside quoted speech; a
light verb and its event noun are one trigger (the noun: "ordered the withdrawal"), unless the verb's
row asked for that object ("signed an agreement"). Special cases recode or add triggers: a participle
describing a noun or a verb naming something is no act; "called Morrison" is a telephone call (041);
a quote addressed to another actor is a statement (010); promises, refusals and announced intents
(events/stance.py); "X said Y must ..." is a demand by X of Y (root 10), the act demanded hypothetical.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.datafiles import word_list
from eventwire.events.context import Context, Trigger
from eventwire.events.lexicon import LexEntry, Lexicon, match_noun, match_verb
from eventwire.events.naming import named_thing, naming_code, naming_predicate, opinion_not_act
from eventwire.events.rulings import ruling_entry
from eventwire.events.slots import actors_at
from eventwire.events.stance import (
    ULTIMATUM,
    announced,
    bare_intent,
    conditional_on_target,
    demand_code,
    demanding_speech,
    intent_code,
    intent_head,
    promise_code,
    refusal_code,
    refused,
    threat_code,
    warning_code,
)
from eventwire.model import ActorMention
from eventwire.syntax import governing_verb, nominal_participle, passive_conjunct, subjects_of

# Verbs that only carry an event noun ("ordered the withdrawal", "staged air strikes"): the noun is
# the event, the verb lends its subject.
LIGHT_VERBS = word_list("eventwire.events", "light_verb")
PERSON_NOUNS = word_list("eventwire.events", "person_noun")


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
            entry = match_verb(lexicon, token)
            if entry is not None and (opinion_not_act(token, entry) or _seeking_not_asking(token, entry, ctx)
                                      or _other_sense(token, entry) or _fighting_to_do(token, entry, ctx)
                                      or _force_on_a_thing(token, entry, ctx)):
                entry = None
            if entry is not None and _verbal_attack(token, entry, lexicon):
                entry = replace(entry, code=CRITICISM_CODE)
            if entry is not None and entry.code == "130" and (
                    warned := warning_code(token, lambda t: t.i in ctx.actors)) is not None:
                entry = replace(entry, code=warned)
        elif token.pos_ == "NOUN" and token.i not in ctx.actors and not _modifies_an_actor(token, ctx) and not (
                named_thing(token)):
            # "opposition" the actor is not the act, nor is it in "the opposition coalition"
            entry = match_noun(lexicon, token)
        elif token.pos_ == "ADJ" and token.dep_ == "acomp" and token.head.lemma_.lower() not in _STAYING_VERBS:
            entry = match_verb(lexicon, token)  # "was concerned", "is determined"; "remained committed" is a state
        if entry is not None and not naming and (_naming_not_acting(token, entry, ctx)
                                                 or _describing_participle(token) or _reason_given(token)
                                                 or _travellers_described(token, entry)):
            entry = None
        if entry is None and token.pos_ == "VERB" and _reports_quote_to_someone(token, ctx):
            entry = STATEMENT
        if entry is not None and ctx.in_quote(token) and entry.code[:2] not in _SPEECH_ACT_ROOTS:
            entry = None  # in a quote, only what the speaking itself does ("we warn", "I urge")
        if entry is not None and _phone_call(token, entry, ctx):
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
        elif verb.lemma_.lower() in LIGHT_VERBS:
            del found[verb.i]
    # "declined to comment": a row that required the to-infinitive's verb as its object took it in.
    for i, trig in list(found.items()):
        head = trig.token.head
        if trig.token.dep_ == "xcomp" and head.i in found and trig.token.lemma_.lower() in found[head.i].entry.objects:
            del found[i]
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
        speech = demanding_speech(verb)
        if speech is None:
            continue
        act = found.get(verb.i)
        existing = found.get(speech.i)
        if existing is not None and existing.entry.objects:
            continue  # a specific row on the speech verb ("declared a ceasefire") stays
        code = demand_code(act.entry.code if act is not None else None)
        entry = LexEntry(code, "verb", speech.lemma_.lower(), "", frozenset(), ())
        found[speech.i] = Trigger(speech, entry, speech, demanded_of=verb)
        if act is not None:
            found[verb.i] = replace(act, stance="promised")


def _code_stances(found: dict[int, Trigger]) -> None:
    """Promised and refused cooperation (see events/stance.py): the promise becomes an intent event on
    its verb, the refusal recodes the act; the promised act stays, hypothetical."""
    for i, trig in list(found.items()):
        if refused(trig.token):
            code = refusal_code(trig.entry.code)
            if code is not None:
                found[i] = replace(trig, entry=replace(trig.entry, code=code), stance="refused")
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


def _describing_participle(verb: Token) -> bool:
    """A participle describing a noun with no agent ("militiamen armed with machetes", "the wounded
    soldiers") states what something is, not an act; "a convoy attacked by gunmen" keeps its act."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not any(c.dep_ == "agent" for c in verb.children)


def _seeking_not_asking(verb: Token, entry: LexEntry, ctx: Context) -> bool:
    """"Seek" asks for something only with a thing sought: "officials sought to show they are serious" is
    trying (the act, if any, is the infinitive's), and "police seek missing woman" is a search."""
    if verb.lemma_.lower() != "seek" or entry.objects:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children)
    return all(o.ent_type_ == "PERSON" or o.lemma_.lower() in PERSON_NOUNS
               or any(a.kind == "person" for a in ctx.actors.get(o.i, [])) for o in objects)


_STAYING_VERBS = frozenset({"remain", "stay"})
_PROTEST_INTRANSITIVE = word_list("eventwire.events", "protest_intransitive")
_QUESTION_WORDS = word_list("eventwire.events", "question_word")


def _other_sense(verb: Token, entry: LexEntry) -> bool:
    """A protest verb with a direct object ("demonstrating a belief", "rallied supporters", "walked out the
    door") or "ask" with an indirect question and no act asked for ("asked detectives how anyone could ...")
    is not the act coded."""
    if entry.objects:
        return False
    lemma = verb.lemma_.lower()
    if lemma in _PROTEST_INTRANSITIVE and entry.code[:2] == "14":
        # "walked out the back door" (the parser's "out" a preposition with an object) leaves a place
        return any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "out" and any(
            o.dep_ == "pobj" for o in c.children)) for c in verb.children)
    if lemma in _CLAIMING_SENSE and entry.code[:2] in ("02", "10"):
        return _a_claim(verb)
    if lemma in _URGING_VERBS and entry.code[:2] == "02":
        # "pushed the crowd back", "pressed his weapon into Bell's back": a body or a thing moved, not an appeal
        # ("pushed for reform", "pressed them to resign", "are pushing peace talks")
        if any((c.dep_ in ("prt", "advmod") and c.lower_ in _MOVING_PARTICLES) or (
                c.dep_ == "prep" and c.lower_ == "into" and any(o.dep_ == "pobj" for o in c.children))
               for c in verb.children):
            return True  # ("pressed Serb forces into allowing convoys" still presses them)
        return not any((c.dep_ == "prep" and c.lower_ == "for") or c.dep_ in ("xcomp", "ccomp", "dobj")
                       or _for_to_clause(c) for c in verb.children)
    if lemma == "complain":  # "complained of neck and back injuries": a symptom, not a grievance
        return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in _AILMENTS for o in c.children)
                   for c in verb.children)
    if lemma == "admit" and entry.code == "015":
        return _admits_a_state(verb)
    if lemma in _PROMISING_VERBS and entry.code == "030":
        # "committed 500 soldiers to the war": a thing sent, which no specific row codes, is no promise;
        # "committed to sending", "committed itself to" are (a thing offered is left to the lexicon's rows)
        return any(c.dep_ == "dobj" and c.lemma_.lower() not in _SELF for c in verb.children) and not any(
            c.dep_ == "xcomp" for c in verb.children)
    if lemma == "ask" and entry.code[:2] == "02":
        asked_to_act = any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children)
        # "asked how ...", "asked them about the effect", "“What is the contingency?” Aderholt asked"
        # the parser may hang "if the city is looking ..." as an adverbial clause, and a quoted question may
        # come before or after "asked"
        question = any((c.dep_ in ("ccomp", "advcl") and c.left_edge.lower_ in _QUESTION_WORDS)
                       or (c.dep_ == "prep" and c.lower_ == "about") for c in verb.children) or any(
            t.text == "?" for t in verb.doc[max(verb.sent.start, verb.i - 4): verb.sent.end])
        return question and not asked_to_act
    return False


_PROMISING_VERBS = frozenset({"commit"})
_SELF = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself"})

CRITICISM_CODE = "111"
# "attacked the US over its sanctions", "attacked Johnson for his remarks": a reason of words, not a battle.
_VERBAL_REASON_PREPS = frozenset({"over", "for"})


def _verbal_attack(verb: Token, entry: LexEntry, lexicon: Lexicon) -> bool:
    """"Russia attacked the US over its sanctions policy", "attacked Johnson for his remarks" or "for failing
    to act": an attack with a reason given is verbal criticism (111), not force. "Over" gives a reason unless
    it names a time; "for" only with a gerund or a thing said or decided (the objects of the lexicon's verbal
    attack row), since "attacked a camp for refugees" or "for three hours" is force."""
    if entry.code[:2] != "19" or entry.objects or verb.lemma_.lower() != "attack" or not any(
            c.dep_ == "dobj" for c in verb.children):
        return False
    said = {w for row in lexicon.verbs.get("attack", ()) if row.code == CRITICISM_CODE for w in row.objects}
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _VERBAL_REASON_PREPS):
        for obj in prep.children:
            if obj.dep_ == "pcomp" and prep.lower_ == "for":
                return True
            if obj.dep_ == "pobj" and obj.ent_type_ not in ("DATE", "TIME") and (
                    prep.lower_ == "over" or obj.lemma_.lower() in said):
                return True
    return False


def _fighting_to_do(verb: Token, entry: LexEntry, ctx: Context) -> bool:
    """"Doctors fought to save his life", "the family battled to clear his name": striving, not combat; an
    armed force fighting to retake a town still fights."""
    if entry.code[:2] != "19" or verb.lemma_.lower() not in _STRIVING_VERBS or not any(
            c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in verb.children):
        return False
    return not any(a.sector in _ARMED for subj in subjects_of(verb) for a in ctx.actors.get(subj.i, []))


_STRIVING_VERBS = frozenset({"fight", "battle", "struggle"})
_WAR_WORDS = word_list("eventwire.events", "attack_noun") | {"war", "insurgency", "campaign", "duel", "offensive"}
_WITHDRAWAL = "0874"


def _force_on_a_thing(verb: Token, entry: LexEntry, ctx: Context) -> bool:
    """"London has been fighting dirty air", "the force required to pull out Apple's cable", "withdrew $500": a
    fight or a withdrawal whose object is a thing (no actor, place or war) is another sense. Armies withdraw
    troops (the rows with those objects) or withdraw from a place; they fight enemies, wars and battles."""
    if entry.objects or not (entry.code == _WITHDRAWAL or (entry.code[:2] == "19"
                                                           and verb.lemma_.lower() in _STRIVING_VERBS)):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(
        o.pos_ == "NOUN" and o.i not in ctx.actors and o.i not in ctx.places and o.lemma_.lower() not in _WAR_WORDS
        and not any(c.i in ctx.actors or c.i in ctx.places for c in o.subtree) for o in objects)
_ARMED = frozenset({"MIL", "REB", "IMG", "COP", "SPY"})


# Verbs of appeal or demand that also state a claim: "figures suggest 7.5 million need aid", "the lawyer insisted
# that his client had no role".
_CLAIMING_SENSE = frozenset({"suggest", "insist"})
_DOCUMENT_NOUNS = word_list("eventwire.events", "document_noun")
# A modal makes the clause a proposal ("suggested a broader probe may be required"), not a fact claimed.
_MODALS_OF_DUTY = frozenset({"should", "must", "ought", "need", "shall", "may", "might", "could", "would", "can"})


_URGING_VERBS = frozenset({"push", "press"})
_MOVING_PARTICLES = frozenset({"back", "away", "down", "out", "aside", "through", "forward"})
_AILMENTS = word_list("eventwire.events", "ailment")
_OWNING_UP = frozenset({"wrong", "responsible", "guilty", "mistaken", "liable", "culpable", "unable", "negligent",
                        "unprepared", "late", "slow"})


def _admits_a_state(verb: Token) -> bool:
    """"The sheriff admitted there have been few leads", "admitted he was surprised": conceding how things are,
    not owning up to an act (015); "admitted he was wrong" or "responsible" still owns up."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if clause.lemma_ not in ("be", "have"):
            continue
        if any(c.dep_ == "expl" for c in clause.children):
            return True
        states = [c for c in clause.children if c.dep_ in ("acomp", "attr")]
        if states and not any(s.lower_ in _OWNING_UP for s in states):
            return True
    return False


def _for_to_clause(clause: Token) -> bool:
    """"pushed for Congress to update the law": a clause its "for" opens."""
    return clause.dep_ in ("advcl", "ccomp", "xcomp") and any(
        m.dep_ == "mark" and m.lower_ == "for" for m in clause.children)


def _a_claim(verb: Token) -> bool:
    """"A UN report suggested the government is ...": a document or figure suggests nothing to anyone, and a
    that-clause told as a fact (no "should" or "must", not the bare subjunctive of "insisted that he resign") is a
    claim, not an appeal or a demand; "suggested talks", "suggested a probe may be needed" or "insisted on a recount"
    ask for something."""
    if any(s.lemma_.lower() in _DOCUMENT_NOUNS for s in subjects_of(verb)):
        return True
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    asks_for = any(c.dep_ in ("dobj", "xcomp") or (c.dep_ == "prep" and c.lower_ == "on" and any(
        o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in c.children)) for c in verb.children)
    if not clauses or asks_for:
        return False
    return all(c.tag_ in ("VBD", "VBZ", "VBP", "VBG", "VBN") and not any(
        a.dep_ == "aux" and a.lower_ in _MODALS_OF_DUTY for a in c.children) for c in clauses)


def _travellers_described(verb: Token, entry: LexEntry) -> bool:
    """"passengers arriving at Cairo airport", "people living in or visiting Hong Kong": an -ing form of a
    visit describing whom a noun means, not a visit made."""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return entry.code == "042" and verb.tag_ == "VBG" and verb.dep_ == "acl"


_REASON_PREPS = frozenset({"for", "of", "with"})


def _reason_given(verb: Token) -> bool:
    """The act an arrest, a charge, praise or blame is for ("arrested Smith for assaulting a woman",
    "accused Iran of attacking tankers", "praised Jordan for hosting refugees") is the reason or the charge,
    done by the object, not the subject, and told as the claim it is: no event of its own."""
    # "is guilty of violating", "was responsible for killing": the subject did it, as judged or reported
    return (verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in _REASON_PREPS
            and verb.head.head.pos_ != "ADJ" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _naming_not_acting(verb: Token, entry: LexEntry, ctx: Context) -> bool:
    """A verb naming something ("what it called serious violations": object + predicate noun) is
    not the act its row codes."""
    if verb.pos_ != "VERB" or entry.objects:
        return False
    if any(c.dep_ == "prep" and c.lower_ in entry.target_preps for c in verb.children):
        return False
    # "were shot dead", "beaten unconscious": the state the act leaves its victim in, not a name given
    return any(c.dep_ == "oprd" and c.lower_ not in _RESULT_STATES for c in verb.children) and not any(
        c.dep_ == "dobj" and (c.i in ctx.actors or c.i in ctx.places) for c in verb.children
    )


_RESULT_STATES = frozenset({"dead", "unconscious", "senseless"})


# "Netanyahu called Morrison to congratulate him": calling a person with no "for"/"on" is a telephone
# call (041), not an appeal (020, "called on Iran to", "called for talks").
PHONE_CALL = LexEntry("041", "verb", "call", "", frozenset(), ())


def _phone_call(verb: Token, entry: LexEntry, ctx: Context) -> bool:
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "call" or entry.objects or entry.particle:
        return False
    children = list(verb.children)
    appeal = [c for c in children if c.dep_ == "prep" and c.lower_ in ("for", "on", "upon")
              and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)]  # "on Wednesday" is a date
    objects = [c for c in children if c.dep_ == "dobj"]
    predicates = [c for c in children if c.dep_ == "oprd" or (c.dep_ == "xcomp" and c.pos_ != "VERB")]
    if appeal or any(c.dep_ == "prt" for c in children) or (objects and predicates):
        return False  # "called on", "called off", "called him a liar", "called it a mistake"
    # The parser sometimes takes the person called for a predicate ("called Erdogan on Monday").
    return any(any(a.kind == "person" for a in ctx.actors.get(c.i, [])) for c in objects or predicates)


# What a speaker does by saying it, in the first person and the present ("we warn the Saudis", "I urge Lam
# to resign", "we condemn"): statements, appeals, praise, demands, criticism, rejections and threats.
_SPEECH_ACT_ROOTS = frozenset({"01", "02", "05", "10", "11", "12", "13"})
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
