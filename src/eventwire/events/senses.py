"""Which sense a lexicon match is used in: the word-sense checks that keep a verb or noun the lexicon matched from
coding an act it does not report. A participle describing a noun, a verb naming something or giving the reason for
another act, striving rather than fighting, force on a thing, a claim rather than an appeal, a symptom rather than a
grievance, travellers described rather than a visit: no act. An attack with a reason given is criticism (111) and
calling a person is a telephone call (041).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.datafiles import word_list
from eventwire.events.context import Context
from eventwire.events.lexicon import LexEntry, Lexicon
from eventwire.syntax import subjects_of

# Kin ("Bakari's wife", "the minister's son") are people of their own, never their relative's actor.
KIN_NOUNS = word_list("eventwire.events", "kin_noun")
PERSON_NOUNS = word_list("eventwire.events", "person_noun") | KIN_NOUNS


def describing_participle(verb: Token) -> bool:
    """A participle describing a noun with no agent ("militiamen armed with machetes", "the wounded
    soldiers") states what something is, not an act; "a convoy attacked by gunmen" keeps its act. So does
    a war's verb in "-ing" after its noun ("a Saudi-led coalition fighting the Houthis", "forces battling
    Islamic State"): who the side is, not a fight on one day."""
    if verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.lemma_.lower() in _WARRING_VERBS:
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not any(c.dep_ == "agent" for c in verb.children)


_WARRING_VERBS = frozenset({"fight", "battle", "combat"})


def seeking_not_asking(verb: Token, entry: LexEntry, ctx: Context) -> bool:
    """"Seek" asks for something only with a thing sought: "officials sought to show they are serious" is
    trying (the act, if any, is the infinitive's), and "police seek missing woman" is a search."""
    if verb.lemma_.lower() != "seek" or entry.objects:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children)
    return all(o.ent_type_ == "PERSON" or o.lemma_.lower() in PERSON_NOUNS
               or any(a.kind == "person" for a in ctx.actors.get(o.i, [])) for o in objects)


_PROTEST_INTRANSITIVE = word_list("eventwire.events", "protest_intransitive")
_QUESTION_WORDS = word_list("eventwire.events", "question_word")


def other_sense(verb: Token, entry: LexEntry) -> bool:
    """A protest verb with a direct object ("demonstrating a belief", "rallied supporters", "walked out the
    door") or "ask" with an indirect question and no act asked for ("asked detectives how anyone could ...")
    is not the act coded."""
    if entry.objects:
        return False
    lemma = verb.lemma_.lower()
    if lemma in _PROTEST_INTRANSITIVE and entry.code[:2] == "14":
        # "walked out the back door" (the parser's "out" a preposition with an object) leaves a place
        return any((c.dep_ == "dobj" and not _place_read_as_object(c)) or (
            c.dep_ == "prep" and c.lower_ == "out" and any(o.dep_ == "pobj" for o in c.children))
            for c in verb.children)
    if lemma in _CLAIMING_SENSE and entry.code[:2] in ("02", "10"):
        return _a_claim(verb)
    if entry.code.startswith("087") and entry.particle and any(c.dep_ == "dobj" for c in verb.children):
        return True  # "pull out the charging cable": a thing moved; troops pulled out have their own rows
    if lemma in _URGING_VERBS and entry.code[:2] == "02":
        # "pushed the crowd back", "pressed his weapon into Bell's back": a body or a thing moved, not an appeal
        # ("pushed for reform", "pressed them to resign", "are pushing peace talks")
        if any((c.dep_ in ("prt", "advmod") and c.lower_ in _MOVING_PARTICLES) or (
                c.dep_ == "prep" and c.lower_ == "into" and any(o.dep_ == "pobj" for o in c.children))
               for c in verb.children):
            return True  # ("pressed Serb forces into allowing convoys" still presses them)
        return not any((c.dep_ == "prep" and c.lower_ == "for") or c.dep_ in ("xcomp", "ccomp", "dobj")
                       or _for_to_clause(c) for c in verb.children)
    if (lemma in _VOTING_STANCES or verb.lower_ == "opposed") and _vote_count(verb):
        return True
    if lemma == "complain":  # "complained of neck and back injuries": a symptom, not a grievance
        # the ailment may sit anywhere in the phrase ("of neck and back injuries": the parser's object is "neck")
        return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in _AILMENTS for o in c.subtree)
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
        question = any((c.dep_ in ("ccomp", "advcl") and _first_word(c).lower_ in _QUESTION_WORDS)
                       or (c.dep_ == "prep" and c.lower_ == "about") for c in verb.children) or any(
            t.text == "?" for t in verb.doc[max(verb.sent.start, verb.i - 4): verb.sent.end])
        # "“What is the contingency?” Aderholt asked.": asked nothing of anyone, a question however far its mark
        bare = not any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "prep") for c in verb.children)
        return (question or bare) and not asked_to_act
    return False


# Prepositions of place the parser can take for an adjective of the noun after them ("rallied outside parliament").
_PLACE_WORDS_READ_AS_ADJECTIVES = frozenset({"outside", "inside", "near", "opposite", "beside", "across", "around"})


def _place_read_as_object(obj: Token) -> bool:
    """"Thousands rallied outside parliament", parsed with "outside" an adjective of the object: where, not what."""
    return any(c.dep_ in ("amod", "advmod") and c.i < obj.i and c.lower_ in _PLACE_WORDS_READ_AS_ADJECTIVES
               for c in obj.children)


def _first_word(clause: Token) -> Token:
    """The clause's first word, past an opening quotation mark: "“What is the contingency,” Aderholt asked"."""
    return next((t for t in clause.subtree if not t.is_punct), clause)


# Stances a vote records: "194 Republicans opposing it", "It was opposed by six Democrats", "McKinney and
# Lawrence were opposed".
_VOTING_STANCES = frozenset({"oppose", "support", "favor", "favour"})


def _vote_count(verb: Token) -> bool:
    """A stance counted by heads ("231 Democrats supporting the resolution", "opposed by six Democrats and 87
    Republicans") or stated as the voters' state ("three commissioners were opposed") tells how a vote went, not
    an act toward anyone."""
    voters = subjects_of(verb) + [o for a in verb.children if a.dep_ == "agent" for o in a.children
                                  if o.dep_ == "pobj"]
    voters += [c for v in list(voters) for c in v.conjuncts]
    if any(c.dep_ == "nummod" for v in voters for c in v.children):
        return True
    be = {c.lemma_ for c in verb.children if c.dep_ in ("auxpass", "aux")}
    if verb.dep_ == "acomp" and verb.head.lemma_ == "be":  # "were opposed", as the parser may read it
        be.add("be")
    return (verb.tag_ == "VBN" or verb.dep_ == "acomp") and "be" in be and not any(
        c.dep_ in ("agent", "dobj", "prep", "xcomp", "ccomp") for c in verb.children)


_PROMISING_VERBS = frozenset({"commit"})
_SELF = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself"})

CRITICISM_CODE = "111"
# "attacked the US over its sanctions", "attacked Johnson for his remarks": a reason of words, not a battle.
_VERBAL_REASON_PREPS = frozenset({"over", "for"})


def verbal_attack(verb: Token, entry: LexEntry, lexicon: Lexicon) -> bool:
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


def fighting_to_do(verb: Token, entry: LexEntry, ctx: Context) -> bool:
    """"Doctors fought to save his life", "the family battled to clear his name": striving, not combat; an
    armed force fighting to retake a town still fights."""
    if entry.code[:2] != "19" or verb.lemma_.lower() not in _STRIVING_VERBS or not any(
            c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in verb.children):
        return False
    return not any(a.sector in _ARMED for a in ctx.subject_actors(verb))


_STRIVING_VERBS = frozenset({"fight", "battle", "struggle"})
_WAR_WORDS = word_list("eventwire.events", "attack_noun") | {"war", "insurgency", "campaign", "duel", "offensive"}
_WITHDRAWAL = "0874"


def force_on_a_thing(verb: Token, entry: LexEntry, ctx: Context) -> bool:
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
    # "insists his tactics will be worth it": a prediction is claimed too
    return all((c.tag_ in ("VBD", "VBZ", "VBP", "VBG", "VBN") or (c.tag_ == "VB" and any(
        a.dep_ == "aux" and a.lower_ in ("will", "'ll") for a in c.children))) and not any(
        a.dep_ == "aux" and a.lower_ in _MODALS_OF_DUTY for a in c.children) for c in clauses)


def travellers_described(verb: Token, entry: LexEntry) -> bool:
    """"passengers arriving at Cairo airport", "people living in or visiting Hong Kong": an -ing form of a
    visit describing whom a noun means, not a visit made."""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return entry.code == "042" and verb.tag_ == "VBG" and verb.dep_ == "acl"


_REASON_PREPS = frozenset({"for", "of", "with"})


def reason_given(verb: Token) -> bool:
    """The act an arrest, a charge, praise or blame is for ("arrested Smith for assaulting a woman",
    "accused Iran of attacking tankers", "praised Jordan for hosting refugees") is the reason or the charge,
    done by the object, not the subject, and told as the claim it is: no event of its own."""
    # "is guilty of violating", "was responsible for killing": the subject did it, as judged or reported
    return (verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in _REASON_PREPS
            and verb.head.head.pos_ != "ADJ" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def naming_not_acting(verb: Token, entry: LexEntry, ctx: Context) -> bool:
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


def phone_call(verb: Token, entry: LexEntry, ctx: Context) -> bool:
    if told_by_phone(verb, entry):
        return True
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


_TELEPHONE = frozenset({"phone", "telephone"})


def told_by_phone(verb: Token, entry: LexEntry) -> bool:
    """"In a phone call last week, Peres told Mubarak that ...": telling someone something in a phone call is
    the call (041), a consultation, not a plain statement (010)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "tell" or entry.code != "010":
        return False
    # the phrase may hang on any verb of the sentence ("In a phone call to mark the anniversary, Peres told ...")
    return any(call.lemma_.lower() in ("call", "conversation") and call.dep_ == "pobj"
               and call.head.lower_ in ("in", "during") and any(c.lemma_.lower() in _TELEPHONE for c in call.children)
               for call in verb.sent)


# "jailed for 11 months", "imprisoned for life": a term served is a court's sentence (116), not an arrest (173).
SENTENCE_CODE = "116"
_CONFINING_VERBS = frozenset({"jail", "imprison"})
_TERMS = frozenset({"day", "week", "month", "year", "decade", "life"})


def jailed_for_a_term(verb: Token, entry: LexEntry) -> bool:
    """"A failed asylum seeker was jailed for 11 months", "a court jailed him for six years": a confinement
    for a term is a sentence; "jailed without charge" or "jailed on Monday" is a detention."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _CONFINING_VERBS or entry.code[:2] != "17":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(o.dep_ == "pobj" and o.lemma_.lower() in _TERMS
                                                              for o in c.children) for c in verb.children)


ACCUSATION_CODE = "112"


def charged_that(verb: Token, entry: LexEntry) -> bool:
    """"Amnesty charged that the crackdown had killed hundreds": a charge made in a that-clause is an
    accusation, not a criminal charge, which is laid "with" a crime."""
    return entry.code == "1121" and verb.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in verb.children) and not any(
        c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)


_MILITARY_ALERT = "152"
HAZARD_WORDS = word_list("eventwire.events", "hazard_word")


def civil_alert(verb: Token, entry: LexEntry) -> bool:
    """"The WHO raised its pandemic alert level", "raised the flood alert": an alert against a disease or the
    weather is no military alert (152)."""
    return entry.code == _MILITARY_ALERT and verb.pos_ == "VERB" and any(
        t.lemma_.lower() in HAZARD_WORDS for c in verb.children if c.dep_ == "dobj" for t in c.subtree)


def help_on_the_scene(verb: Token, entry: LexEntry) -> bool:
    """"The first officers on the scene called for backup": help sent for at work is no appeal."""
    return entry.code[:2] == "02" and verb.lemma_.lower() == "call" and any(
        o.lemma_.lower() in _HELP_ON_THE_SCENE for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
        for o in c.children if o.dep_ == "pobj")


_HELP_ON_THE_SCENE = frozenset({"backup", "reinforcement", "ambulance", "paramedic"})


# Welcoming a thing rather than a visitor endorses it (051): "welcomed Yevdokimov's resignation".
ENDORSEMENT_CODE = "051"
_HOSTING = "043"


def welcoming_a_thing(verb: Token, entry: LexEntry, ctx: Context) -> bool:
    """"Medvedev welcomed Yevdokimov's resignation": the lexicon's general row of "welcome" hosts a visitor (043);
    with an object that is no one (a thing, an act, a decision) it is an endorsement."""
    if verb.lemma_.lower() != "welcome" or entry.code != _HOSTING or entry.objects:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]

    def someone(word: Token) -> bool:  # "the Chinese delegation", "Xi", "them"; whose the thing is does not count
        return word.ent_type_ in _PEOPLE_ENTITIES or word.i in ctx.actors or word.pos_ in ("PRON", "PROPN") or (
            word.lemma_.lower() in PERSON_NOUNS) or any(someone(c) for c in word.children if c.dep_ in _QUALIFYING_DEPS)

    return bool(objects) and not any(someone(o) for o in objects)


_PEOPLE_ENTITIES = frozenset({"PERSON", "NORP", "GPE", "ORG"})
_QUALIFYING_DEPS = frozenset({"amod", "compound", "nmod", "appos", "conj"})
