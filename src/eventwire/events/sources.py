"""Who carries out an event: its source actors.

The clause's agent: its subject (shared through conjunction and control, or the antecedent of a
relative clause), the by-phrase of a passive, the possessor, compound, nationality adjective or
by-phrase of an event noun, else the subject of the light verb carrying the noun; conjuncts expanded.
With no usable subject, the nearest actor before the verb heading a phrase of its own. Violence,
coercion and accusation against a coded target whose agent is not named get an unidentified source.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.datafiles import word_list
from eventwire.events.attacks import (
    TOLD_BEFORE,
    attack_noun,
    attack_told_before,
    is_attack_word,
    last_attack_before,
    side_of_the_attack_told,
)
from eventwire.events.codes import RIOT, VIOLENCE_ROOTS
from eventwire.events.context import Context, Trigger
from eventwire.events.dating import act_tense
from eventwire.events.fallen import fallen_side, harm_verb_of
from eventwire.events.holders import side_holding
from eventwire.events.slots import national_actor, parties_between, slot
from eventwire.events.targets import target_tokens
from eventwire.events.triggers import carries, speech_act_speaker
from eventwire.model import ActorMention, Event
from eventwire.syntax import (
    causative_participle,
    gerund_as_noun,
    governing_verb,
    is_definite,
    is_passive,
    linked_conjunct,
    preposition_objects,
    relative_subject,
    reported_clause_before,
    subjects_of,
    verb_of,
)


def find_sources(trig: Trigger, ctx: Context) -> tuple[list[ActorMention], bool]:
    """Source actors and whether they were found directly on the trigger (not inherited)."""
    token = trig.token
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ in ("poss", "compound", "nmod"):
                found, _ = slot(child, ctx)
                # "made 13 DUI arrests": a word nobody could code before the noun names no agent
                if found and (child.dep_ == "poss" or any(a.code for a in found)):
                    return found, True
            if child.dep_ == "amod":
                national = national_actor(child, ctx)  # "Russian air strikes"
                if national is not None:
                    return [national], True
            if child.dep_ == "prep" and child.lower_ == "by":
                for obj in child.children:
                    found, _ = slot(obj, ctx)
                    if found:
                        return found, True
        if first := _first_party(trig, ctx):  # "talks between Russia and Ukraine": Russia
            return first, True
        if found := _made_by(token, ctx):  # "a phone call made by Trump", "a protest held by Islamic Jihad"
            return found, True
        # "five policemen died in a shootout with drug traffickers": the fallen fought the side named
        violence = ctx.table.get(trig.entry.code).root in VIOLENCE_ROOTS
        if violence and (fallen := [a for t in fallen_side(token) for a in slot(t, ctx)[0] if a.code]):
            return fallen, False
        return (_light_verb_sources(token, trig.entry.code, ctx) if trig.carried else []), False
    if gerund_as_noun(token):  # "killed in shelling by the Syrian army": the army
        for obj in (o for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for o in preposition_objects(c)):
            if found := slot(obj, ctx)[0]:
                return found, True
    if causative_participle(token):  # "the army had the journalists arrested": the army
        return next((found for subj in subjects_of(token.head) if (found := slot(subj, ctx)[0])), []), True
    if is_passive(token):
        for child in token.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    found, from_place = slot(obj, ctx)
                    if found and not from_place:
                        return found, True
                    # "killed by Russian airstrikes in Idlib": the attack's nationality, not the place's country;
                    # "killed by Pakistani shelling" parsed with the nationality as the agent: that country
                    national = next((n for c in (obj, *obj.children) if c == obj or c.dep_ in ("amod", "compound")
                                     if (n := national_actor(c, ctx)) is not None), None)
                    if obj.dep_ == "pobj" and national is not None:
                        return [national], True
                    if found:
                        return found, True
        if first := _first_party(trig, ctx):  # "the agreement between Israel and the UAE was signed": Israel
            return first, True
        return _fought_in(token, ctx), False
    if relative_subject(token) is not None:
        # "the attack ... which killed nine people": the subject is the noun the clause hangs on, never
        # an actor of the main clause ("Guterres condemned").
        return slot(token.head, ctx)[0], False
    speaker = speech_act_speaker(token, ctx)
    if speaker is not None:
        return [speaker], True  # "“... we warn the Saudis ...”, Saree said": the speaker acts
    subjects = _author_of_medium(token) or subjects_of(token)
    direct = any(c.dep_ in ("nsubj", "csubj") for c in token.children)
    # "an air strike by Saudi jets killed 20 people": the attack named as the subject is its author's act
    authors = [e.source for subj in subjects if attack_noun(subj) for e in ctx.coded
               if e.evidence.token == subj.i and e.source.code]
    if authors:
        return authors[:1], False
    for subj in subjects:
        found, from_place = slot(subj, ctx)
        if found and from_place and _harm_by_a_thing(trig, subj, ctx):
            break
        if found:
            return found, direct and not any(a.resolved_from in ("pronoun", "description") for a in found)
    if token.dep_ == "conj" and not linked_conjunct(token):
        return [], False  # a verb misparsed onto a distant clause: no actor before it is its agent
    return _nearest_subject_like(token, ctx), False


# Participles that say who did what an event noun names ("a deal mediated by Qatar" names a go-between instead).
_DOING_PARTICIPLES = word_list("eventwire.events", "doing_participle")


def _made_by(noun: Token, ctx: Context) -> list[ActorMention]:
    """The agent of a participle that tells who did the act a noun names: "a phone call made by Trump"."""
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.lemma_.lower() in _DOING_PARTICIPLES:
            for obj in (o for a in clause.children if a.dep_ == "agent" for o in a.children):
                found, _ = slot(obj, ctx)
                if found:
                    return found
    return []


def _first_party(trig: Trigger, ctx: Context) -> list[ActorMention]:
    """The coded actors of the first party an act names with "between A and B"; the others are its targets."""
    parties = parties_between(trig, ctx)
    return [a for a in ctx.actors[parties[0].i] if a.code] if parties else []


def _fought_in(verb: Token, ctx: Context) -> list[ActorMention]:
    """"A policeman was killed in a shootout with drug traffickers", "died in an attack by militants": the one
    a passive's victim fought or was attacked by, named in the attack its "in" phrase names."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for attack in (o for o in prep.children if o.dep_ == "pobj" and is_attack_word(o)):
            for by in attack.children:
                if by.dep_ == "prep" and by.lower_ in ("with", "by"):
                    found = [a for o in by.children if o.dep_ == "pobj" for a in slot(o, ctx)[0] if a.code]
                    if found:
                        return found
            if is_definite(attack):
                return side_of_the_attack_told(verb, ctx)
    return []


# Media and messages ("on Twitter", "a statement"): what hangs on them is said by whoever posts or issues them.
_MEDIUM_WORDS = word_list("eventwire.events", "medium_word")


def _author_of_medium(verb: Token) -> list[Token]:
    """"Pompeo posted a message on Twitter blaming Iran": a participle hung on a medium or message that is the
    object of a verb is the act of that verb's subject, not of the medium."""
    medium: Token | None
    if verb.dep_ == "acl":
        medium = verb.head
    else:  # the parser may make the medium the participle's subject ("on Twitter praising Greece")
        medium = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb.dep_ == "pcomp" else None
    if medium is None or medium.lemma_.lower() not in _MEDIUM_WORDS or (
            medium is verb.head and medium.dep_ not in ("dobj", "pobj")):
        return []
    above = governing_verb(verb)
    return subjects_of(above) if above is not None else []


def _harm_by_a_thing(trig: Trigger, subj: Token, ctx: Context) -> bool:
    """"A cholera epidemic in Angola has killed 1,200 people", "a car bomb in Kabul killed twelve": the place
    named in a subject that is a thing does not stand for the country attacking (a bomb's attacker is
    unidentified, an epidemic has none)."""
    return ctx.table.get(trig.entry.code).root in VIOLENCE_ROOTS and subj.pos_ == "NOUN"


# "advmod"/"dep": a name the parser misread ("USAID provided ..." with USAID as an adverb).
_SUBJECT_LIKE = frozenset({"nsubj", "nsubjpass", "ROOT", "appos", "conj", "npadvmod", "advmod", "dep"})


def _nearest_subject_like(token: Token, ctx: Context) -> list[ActorMention]:
    """When the parse gives the verb no usable subject (a misparse of a long subject: "The Afghan
    government, a number of parties and the Taliban condemned ..."), the nearest actor before the verb
    in its sentence that heads a noun phrase of its own (not a possessor, modifier or object)."""
    sent = token.sent
    # A verb with a subject of its own ("Authorities say the men killed Hankins") never borrows the
    # subject of the verb above it.
    own_subject = any(_someone_else(c) for c in token.children)
    if reported_clause_before(token) is not None:
        return []  # "A bomb exploded, police said, killing three": the reported clause had no actor, nor has this
    for i in range(token.i - 1, sent.start - 1, -1):
        candidate = ctx.doc[i]
        if i not in ctx.actors or candidate.dep_ not in _SUBJECT_LIKE or ctx.in_quote(candidate):
            continue
        if i + 1 < len(ctx.doc) and ctx.doc[i + 1].text == ":":
            return []  # "Iraqi Officials: Car Bomb Kills 20": who says it, as headlines write it
        # Never the subject of another verb ("Putin said that efforts to end ..."): only an actor the
        # parse left hanging on nouns, or one whose own clause is the trigger's.
        clause = governing_verb(candidate)
        if clause is None or clause == token or (clause == governing_verb(token) and not own_subject):
            return [a for a in ctx.actors[i] if a.code]
        return []
    return []


def _someone_else(child: Token) -> bool:
    """A subject of the verb's own that names someone ("the men"), not a pronoun or a word referring back
    that may be the reporter itself ("Putin said his country will not", "the Marines said it will not",
    "each side rejecting") nor a misparsed date ("announced the indictment Tuesday charging")."""
    return (child.dep_ in ("nsubj", "nsubjpass") and child.ent_type_ not in ("DATE", "TIME")
            and child.tag_ != "PRP" and child.lemma_.lower() not in _REFERRING_BACK
            and not any(c.tag_ == "PRP$" or c.lower_ in ("each", "both", "either") for c in child.children))


# Subjects that name an actor already in the sentence: "the country has threatened" (the words that refer
# back to a country, as coreference reads them), "each side rejecting".
_REFERRING_BACK = word_list("eventwire.actors", "country_word") | {"side"}


def _light_verb_sources(noun: Token, code: str, ctx: Context) -> list[ActorMention]:
    """An event noun takes the subject of the light verb that carries it ("ordered the withdrawal",
    "made the stopover", "signed a directive approving an agreement"), never of a verb that reports,
    opposes or undergoes it ("repelled the assault", "accused X of orchestrating the clashes")."""
    verb = governing_verb(noun)
    for _ in range(3):
        if verb is None or not carries(verb, code):
            return []
        if is_passive(verb) or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
            # "two women taken during the ambush": the noun the participle describes underwent the act;
            # only a by-phrase names who carried it.
            return [a for agent in verb.children if agent.dep_ == "agent" for obj in agent.children
                    for a in slot(obj, ctx)[0]]
        subjects = subjects_of(verb)
        for subj in subjects:
            found, _ = slot(subj, ctx)  # a named actor without a code still carries the act
            if found:
                return found
        if not subjects:
            return []
        verb = governing_verb(verb)  # the subject is a thing ("a directive approving ..."): go up
    return []


# Acts whose victim is commonly reported without the actor behind them: violence, coercion ("was
# arrested"), accusations ("has been accused of").
_UNNAMED_AGENT_ROOTS = frozenset({"11", "17", "18", "19", "20"})
_STATE_BODIES = frozenset({"GOV", "LEG", "JUD"})
_ARREST = "173"
_INTENDED_VIOLENCE = word_list("eventwire.events", "intended_violence")


def intended_violence(verb: Token) -> bool:
    """A verb that names an attack in itself ("shot", "stabbed", "bombed"), unlike "killed" or "hit",
    which storms, crashes and diseases do too."""
    return verb.lemma_.lower() in _INTENDED_VIOLENCE


def names_an_attack(act: Token) -> bool:
    """Whether the text tells a violent act as an attack: a verb that is one ("shot", "stabbed"), a subject or
    by-phrase naming the attack or weapon ("a car bomb killed", "killed by a roadside bomb"), or the attack it
    happened in ("wounded in the shootout")."""
    if intended_violence(act) or (act.pos_ == "NOUN" and attack_noun(act)):
        return True
    if act.dep_ in ("advcl", "conj") and act.head.pos_ == "VERB" and intended_violence(act.head):
        return True  # "armed men attacked a bus, killing seven": the clause it is hung on tells the attack
    named = [c for c in act.children if c.dep_ == "nsubj"] or (subjects_of(act) if act.dep_ == "xcomp" else [])
    named = named or participle_subjects(act)
    named += [o for c in act.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("in", "during"))
              for o in c.children if o.dep_ == "pobj"]
    # "were killed when a roadside bomb struck their car": the clause of the moment names the weapon
    named += [s for c in act.children if c.dep_ == "advcl" and harm_verb_of(c) == act
              for s in c.children if s.dep_ == "nsubj"]
    return any(attack_noun(n) for n in named)


def unnamed_attack(event: Event, token: Token | None) -> bool:
    """"A car bomb killed a Yemeni journalist", "two officers were shot": the coding rules code violence by
    anyone against people, with an unidentified source when the text names no perpetrator. Such an attack on
    people of a coded side (not on a country: a place name is too often misread as one) is political news
    whatever the rest of the article is about, so the model, which learned that unidentified sources are often
    accidents, does not judge it: the text names it as an attack. Told in the past perfect ("had been shot"),
    it is more often the background of the news, and the model judges it."""
    words = event.source.text.lower().split() or [""]
    # "Gunmen opened fire in a market, killing 12 people", "armed men attacked a bus": attackers no one identifies
    unknown = event.source.kind == "unidentified" or (event.source.sector == "CRM" and (
        words[-1] in _UNKNOWN_ATTACKERS or " ".join(words[-2:]) in _UNKNOWN_ATTACKERS))
    return (token is not None and unknown
            and (event.cameo_root in VIOLENCE_ROOTS or event.cameo == RIOT)
            and event.target is not None and bool(event.target.code) and event.target.kind != "country"
            and names_an_attack(token) and act_tense(verb_of(token)) != "past perfect")


# Words for attackers the text does not identify (events/data/words.tsv).
_UNKNOWN_ATTACKERS = word_list("eventwire.events", "unknown_attacker")


def participle_subjects(verb: Token) -> list[Token]:
    """"A bomb exploded in a market, killing 12 people": the subject of a participle hung on a clause is the
    clause's."""
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in verb.children):
        return [c for c in verb.head.children if c.dep_ == "nsubj"]
    return []


def unidentified_attacker(trig: Trigger, ctx: Context) -> list[ActorMention]:
    """"Three US servicemen were killed by a roadside bomb": violence (also coercion, "was arrested", and
    accusation, "has been accused of") against a coded target whose agent is not named is still an
    event, with an unidentified source (ACLED's "unidentified armed group"), so that counts of acts
    against an actor do not depend on the reporter naming who did them: a passive clause with no coded
    agent, for violence an active one whose subject is the attack or weapon itself ("a car bomb
    killed ..."), or an attack noun with its victim ("the shooting of two soldiers", "clashes with police")."""
    code = ctx.table.get(trig.entry.code)
    if code.root not in _UNNAMED_AGENT_ROOTS:
        return []
    places = target_tokens(trig, ctx)
    victims = [t for tok in places for t in slot(tok, ctx)[0] if t.code] or [
        side for tok in places if (side := side_holding(tok, trig, ctx, [])) is not None]  # "outside a military base"
    if not victims:
        return []
    violence = code.root in VIOLENCE_ROOTS
    if trig.token.pos_ == "NOUN":
        # "the shooting of two soldiers angered the army": an attack named by its noun, with its victim (not a
        # country the place gives: "the shooting of a man near West Columbia" is the man's) and no author; fighting
        # "between police and insurgents" is theirs, not an unknown's on both.
        between = any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in trig.token.children)
        return [unidentified(trig.token)] if violence and attack_noun(trig.token) and not between and any(
            v.kind != "country" for v in victims) and not told_of_an_actor(trig.token, ctx) else []
    if trig.token.pos_ != "VERB":
        return []
    # "Parliament was suspended", "the council was dissolved": a state body put under an administrative
    # act with no agent named is procedure, not coercion by someone unknown ("ministers were detained" is).
    if code.root == "17" and code.code != _ARREST and all(v.sector in _STATE_BODIES for v in victims):
        return []
    if is_passive(trig.token):
        agent = next((obj for child in trig.token.children if child.dep_ == "agent" for obj in child.children
                      if obj.dep_ == "pobj"), None)
        # "were killed by the storm", "have been confirmed killed" in a hurricane story: no attack at all.
        if violence and not (is_attack_word(agent) if agent is not None else
                             intended_violence(trig.token) or any(is_attack_word(t) for t in trig.token.sent)):
            return []
    elif violence:
        # "A suicide attack on a convoy killed eight people": the weapon or act is the subject; "a road
        # accident killed five children" is no attack.
        # "A bomb exploded, police said, killing three": the participle's subject is the reported clause's.
        # "A bombing was reported to have killed ...": the passive's subject is the to-clause's.
        subjects = [c for c in trig.token.children if c.dep_ == "nsubj"] or (
            subjects_of(trig.token) if reported_clause_before(trig.token) is not None or trig.token.dep_ == "xcomp"
            else [])
        subjects = subjects or participle_subjects(trig.token)
        agent = next((c for c in subjects if c.pos_ == "NOUN" and not ctx.actors.get(c.i)), None)
        if agent is None and relative_subject(trig.token) is not None and not ctx.actors.get(trig.token.head.i):
            agent = trig.token.head  # "a blast which killed eight people"
        if agent is not None and attack_told_before(agent, ctx):
            # "A suicide bomber blew himself up at a wedding. The explosion killed 63 people": the bomber's act,
            # told again by its toll (events/duplicates.py makes them one record)
            earlier = last_attack_before(agent, ctx)
            told = {"resolved_from": TOLD_BEFORE}
            if earlier is not None and earlier.source.code:
                return [earlier.source.model_copy(update=told)]
            return [unidentified(trig.token, agent).model_copy(update=told)]
        if agent is None or not (is_attack_word(agent) or intended_violence(trig.token)):
            return []
    else:
        return []
    return [unidentified(trig.token, agent)]


def told_of_an_actor(noun: Token, ctx: Context) -> bool:
    """"Iraqi warplanes carried out a raid ..., in the second such strike on the jihadists": an attack noun in the
    clause of an armed force or group, or fought by anyone named, is their act or a word about it, not an attack
    by someone unknown ("detectives arrested a teenager over the shooting of a woman" is another act: the
    shooting's author is unknown)."""
    verb = governing_verb(noun)
    if verb is None:
        return False
    # "his supporters fought running battles with police": the battles fought are the fighters' own act
    waged = noun.dep_ == "dobj" and verb.lemma_.lower() in _WAGING_VERBS
    return any((waged and a.code) or a.sector in _ARMED_SECTORS for subj in subjects_of(verb)
               if subj.dep_ == "nsubj" and subj != noun for a in slot(subj, ctx)[0])


_ARMED_SECTORS = frozenset({"MIL", "REB", "IMG", "SPY"})
_WAGING_VERBS = frozenset({"fight", "wage"})


def unidentified(act: Token, agent: Token | None = None) -> ActorMention:
    """The unidentified source of an act: spanning the attack or weapon that the text names as its agent ("a
    car bomb"), else an empty span at the act."""
    span = act.doc[agent.left_edge.i: agent.right_edge.i + 1] if agent is not None else act.doc[act.i: act.i + 1]
    return ActorMention(text=span.text if agent is not None else "", name="unidentified", code="", country=None,
                        kind="unidentified", start=span.start_char, end=span.end_char if agent is not None
                        else span.start_char, kb_id=None, resolved_from="unidentified", token=span.root.i)
