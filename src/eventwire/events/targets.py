"""Who an event is directed at: its target actors.

The patient: a passive subject, the direct object, or the object of the row's prepositions (the
light verb's, for a carried event noun), conjuncts expanded; a place in that slot stands for its
country. Else an actor in a directed prepositional phrase ("talks with Iran"), the subject of the
that-clause of a demand, the owner of the thing acted on ("rejected an Indian proposal": events/holders.py), or whoever
carried out the event a definite noun refers back to ("condemned the attack"). Protesters as targets and the
targets of protest: events/protests.py.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.descriptions import STATE_SECTORS
from eventwire.datafiles import read_tsv, split_list, word_list
from eventwire.events.codes import FORCE_ROOTS, VIOLENCE_ROOTS
from eventwire.events.context import Context, Trigger
from eventwire.events.fallen import fallen_victims
from eventwire.events.holders import (
    flag_or_owner,
    maker_named_before,
    owner_of_thing,
    owners_of_object,
    side_holding,
    things_acted_on,
)
from eventwire.events.namesakes import person_named_like_a_town
from eventwire.events.protests import protesters_at
from eventwire.events.rulings import CENSURE_CODE, RULING_CODE, ruled_parties
from eventwire.events.senses import KIN_NOUNS, PERSON_NOUNS
from eventwire.events.slots import (
    actors_at,
    bodies_named_in,
    by_agents,
    named_uncoded_at,
    owner_of,
    parties_between,
    slot,
)
from eventwire.events.triggers import carries
from eventwire.model import ActorMention
from eventwire.syntax import (
    causative_participle,
    harmed_when,
    is_passive,
    passive_conjunct,
    passive_participle,
    preposition_objects,
    shared_objects,
    subjects_of,
)


def target_tokens(trig: Trigger, ctx: Context) -> list[Token]:
    token, entry = trig.token, trig.entry
    out: list[Token] = []
    if token.pos_ == "VERB" and is_passive(token):
        for child in token.children:
            if child.dep_ == "nsubjpass" or (child.dep_ == "nsubj" and causative_participle(token)):
                # "Putin, who was welcomed by Assad": the relative pronoun stands for its antecedent.
                out.append(token.head if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl" else child)
        out.extend(parties_between(trig, ctx)[1:])  # "a truce between Israel and Hamas was agreed": Hamas
        if passive_conjunct(token) and not out:  # "were arrested and charged": the head's passive subject
            out.extend(c for c in token.head.children if c.dep_ == "nsubjpass")
        if token.dep_ == "conj" and not out and not any(c.dep_ == "nsubj" for c in token.children):
            # "the suspect fled on foot but was apprehended by a deputy": the first verb's subject
            out.extend(subjects_of(token.head))
        if token.dep_ == "relcl" and not out:
            out.append(token.head)
        if token.dep_ == "advcl" and not out and passive_participle(token):
            out.extend(subjects_of(token.head))  # "Backed by Iran, the rebels ...": the rebels
        return out
    if token.pos_ == "NOUN":  # "clashes erupted between troops and Boko Haram": the other parties
        out.extend(p for p in parties_between(trig, ctx)[1:] if p.head.head != token)
    if entry.code[:2] in VIOLENCE_ROOTS:
        # "twelve people died in a suicide bombing", "two protesters were killed when soldiers opened fire": the
        # act's victims
        out.extend(fallen_victims(token))
    holders = [token]
    carried = token.pos_ == "NOUN" and trig.clause != token and (
        token.dep_ in ("dobj", "attr") or carries(trig.clause, trig.entry.code))
    if carried:
        holders.append(trig.clause)  # "made the stopover at the base": the light verb carries the preps
        # "provided Egypt with assistance": the light verb's own recipient
        out.extend(c for c in trig.clause.children if c.dep_ in ("dative", "dobj") and c.i in ctx.actors)
    if token.pos_ == "VERB" and entry.objects:
        for child in token.children:
            if child.dep_ in ("dobj", "attr"):
                holders.append(child)
                # "pledged 50 million euros in aid to Ukraine": the sum's "in" or "of" phrase carries the preps
                holders.extend(o for p in child.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                               for o in p.children if o.dep_ == "pobj")
                # "summoned a top US diplomat": the object named is the target; "urging legislators to pass the
                # resolution": whoever is asked to act is, however the coder knows their country
                if _named_actor_at(child, ctx) or (child.i in ctx.actors and any(
                        c.dep_ == "xcomp" and c.i > child.i for c in token.children)) or _coerced_body(
                        child, entry.code, ctx):
                    out.append(child)
            if child.dep_ == "dative" and _named_actor_at(child, ctx):  # "provided Egypt aid"
                out.append(child)
            if child.dep_ == "xcomp":
                holders.extend(c for c in child.children if c.dep_ == "dobj")
            if child.dep_ == "oprd" and child.lower_ == "worth":
                holders.append(child)  # "signed deals worth $15 billion with China": the parser hangs "with" there
            if child.dep_ in ("ccomp", "xcomp") and child.pos_ == "ADJ":  # "found two officers guilty"
                out.extend(c for c in child.children if c.dep_ == "nsubj")
    if token.pos_ == "VERB" and entry.code[:2] == _REJECT_ROOT:  # "refused to join United Russia": who is refused
        out.extend(o for x in token.children if x.dep_ == "xcomp" for o in x.children
                   if o.dep_ == "dobj" and _named_actor_at(o, ctx) and any(a.code for a in ctx.actors.get(o.i, [])))
    for holder in holders:
        for child in holder.children:
            if token.pos_ == "VERB" and holder == token and not entry.objects and not _singled_out(child) and (
                    child.dep_ in ("dobj", "dative")
                    # an object the parser took for a predicate ("called Erdogan on Monday")
                    or (child.dep_ == "oprd" and not any(c.dep_ == "dobj" for c in token.children))):
                out.append(child)
            # "to" is sometimes parsed as a dative marker ("granted asylum to Julian Assange"); "on Monday" is when.
            if child.dep_ in ("prep", "dative") and child.lower_ in entry.target_preps:
                out.extend(c for c in preposition_objects(child) if c.i not in ctx.times)
            if child.dep_ == "poss" and holder != token:
                out.append(child)
            if holder != token and child.dep_ == "compound" and holder not in out and bodies_named_in(child, ctx):
                out.append(holder)  # "rejected the UN report": the body the object is named by
        if holder == token and token.pos_ == "VERB" and not entry.objects:
            # "condemned Trump's decision": the object's owner is the target when the object is no actor.
            for obj in (c for c in token.children if c.dep_ == "dobj" and c.i not in ctx.actors
                        and c.lemma_.lower() not in KIN_NOUNS):
                out.extend(c for c in obj.children if c.dep_ == "poss")
    if not out and token.pos_ == "VERB":
        # "shot and killed two officers", "arrested and charged two men": the actor or the people the joined verb
        # acts on; a thing it acts on is its own
        out.extend(t for t in shared_objects(token) if t.i in ctx.actors or t.lemma_.lower() in PERSON_NOUNS)
    if not out and token.pos_ == "VERB" and entry.code[:2] in FORCE_ROOTS:
        out.extend(harmed_when(token))  # "Allaw was wounded when policemen returned fire": Allaw
    if token.pos_ == "VERB" and token.dep_ == "relcl" and any(c.lower_ == "where" for c in token.children) and (
            entry.code[:2] == _MEETING_ROOT):
        # "Egypt, where he arrived": the antecedent is the destination; "Washington, where lawmakers expressed
        # outrage over the breakdown" is only where it was said
        out.append(token.head)
    return out


def _singled_out(obj: Token) -> bool:
    """"groups objected to the plan, most notably the Justice and Equality Movement": a list the parser hung on
    the verb as its object names the subject's own members, not whom the act is aimed at."""
    return any(c.dep_ == "advmod" and c.lower_ in _SINGLING_OUT for c in obj.children)


_SINGLING_OUT = frozenset({"notably", "particularly", "especially", "namely", "chiefly", "mainly"})
_REJECT_ROOT = "12"
_MEETING_ROOT = "04"


def _coerced_body(obj: Token, code: str, ctx: Context) -> bool:
    """"suspended parliament", "banned the opposition party": a body a sanction or coercion is done to is its
    target, though its country comes from the story (the troops one sends are one's own, not a target)."""
    return code[:2] in ("16", "17") and any(a.sector not in ("MIL", "COP") for a in ctx.actors.get(obj.i, []))


def _named_actor_at(token: Token, ctx: Context) -> bool:
    """An actor the text names or qualifies itself ("a US diplomat"), not a bare role noun whose country
    was only guessed from context ("sent more troops": the troops are the sender's own)."""
    return any(a.resolved_from != "context" for a in ctx.actors.get(token.i, []))


def find_targets(trig: Trigger, ctx: Context, sources: list[ActorMention]) -> tuple[list[ActorMention], bool]:
    if trig.entry.code in (RULING_CODE, CENSURE_CODE) and trig.token.pos_ == "VERB":
        parties = [p for p in ruled_parties(trig.token, ctx, sources) if not _same_side(p, sources)]
        if parties:
            return parties, parties[0].resolved_from == "ruling-convention"
    found: list[ActorMention] = []
    via_place = False
    for tok in target_tokens(trig, ctx):
        actors, from_place = slot(tok, ctx)
        if from_place and (person := person_named_like_a_town(tok, trig, ctx)) is not None:
            actors, from_place = [person], False  # "Officer Eggers shot Bell": a man, not Bell, California
        elif from_place and tok.lemma_.lower() in PERSON_NOUNS:
            actors, from_place = [], False  # "shot a man in Hebron": a person (supplied later), not Palestine
        # "a Palestinian rally": the Palestinians protesting, not Palestine
        if (from_place or all(a.kind == "country" for a in actors)) and (
                protesters := protesters_at(tok, trig, ctx, sources)) is not None:
            actors, from_place = [protesters], False
        if (from_place or not actors) and (owned := flag_or_owner(tok, ctx)):
            actors, from_place = owned, False
        if (from_place or not actors) and (side := side_holding(tok, trig, ctx, sources)) is not None:
            actors, from_place = [side], False  # "bombed a rebel camp near Idlib": the rebels, not Syria
        # "seized weapons from PKK militants in Van": the thing's owner, before a place named in its phrase
        owner = owner_of_thing(tok, ctx) if from_place or not actors else []
        found.extend(owner or actors)
        via_place = via_place or from_place
    if not found and trig.token.pos_ == "VERB" and trig.entry.code[:2] in VIOLENCE_ROOTS:
        # "Israel struck targets in Gaza": force on things no one is named as holding, across a border, is force on
        # the place's country
        struck, via_place = _struck_where(trig.token, ctx)
        found = [a for a in struck if a.country not in {s.country for s in sources}]
        via_place = via_place and bool(found)
    source_codes = {s.code for s in sources}
    source_countries = {s.country for s in sources}
    if any(t.code for t in found):
        # "expressed his sympathy to the family": an unresolved possessive beside a coded target is the speaker's own
        found = [t for t in found if t.code or t.text.lower() not in _POSSESSIVE_PRONOUNS]
    found = [t for t in found if not _own_by_pronoun(t, sources, ctx)]
    distinct = [t for t in found if not _same_side(t, sources) or _official_coerced(t, trig, sources, ctx)
                or _another_office(t, trig, sources, ctx)]
    if not distinct and trig.token.pos_ == "VERB":  # "broke up an opposition march" (a row that names its objects)
        distinct = [p for obj in trig.token.children if obj.dep_ == "dobj"
                    if (p := protesters_at(obj, trig, ctx, sources)) is not None]
    if not distinct:
        distinct = [t for t in _directed_actors(trig, ctx) if t.code not in source_codes]
    if not distinct:
        distinct = [t for t in _addressee_of_that_clause(trig, ctx) + owners_of_object(trig, ctx)
                    if t.code not in source_codes]
    # "an agreement between Russia and Egypt" signed by a Russian: the partner is Egypt; but "Bajwa urged
    # Pakistan" keeps the source's own country when it is the only target.
    # "closed Italian ports to rescue ships": a state's own country named only by a thing's adjective is none
    # ("the Taliban rejected an Afghan government offer" is the Afghan state's)
    own = [t for t in distinct if t.kind == "country" and t.country in source_countries]
    state = all(s.sector in STATE_SECTORS for s in sources)
    distinct = [t for t in distinct if t not in own] or [
        t for t in own if not (state and t.resolved_from == "adjective" and _names_ground(t, ctx))]
    if not distinct:
        earlier = _actor_behind_event_noun(trig, ctx, source_codes) or maker_named_before(trig, ctx, source_codes)
        if earlier is not None:
            return [earlier], True
    return distinct, via_place


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
# Nouns for a country's ground, waters and ways ("Italian ports", "Chinese waters"): a thing, not people acted on.
_GROUND_NOUNS = word_list("eventwire.events", "ground_noun")


def _names_ground(target: ActorMention, ctx: Context) -> bool:
    """Whether a nationality adjective qualifies a country's ground ("closed Italian ports"), not its people
    ("food vouchers to Australian households")."""
    return 0 <= target.token < len(ctx.doc) and ctx.doc[target.token].head.lemma_.lower() in _GROUND_NOUNS


def _same_side(target: ActorMention, sources: list[ActorMention]) -> bool:
    """A target coded like a source is the source itself ("Putin's government"), unless both are people the
    KB tells apart: a prime minister may ask the queen (GBRGOV -> GBRGOV)."""
    return any(target.code == s.code and not (
        target.kind == s.kind == "person" and target.kb_id and s.kb_id and target.kb_id != s.kb_id)
        for s in sources)


def _own_by_pronoun(target: ActorMention, sources: list[ActorMention], ctx: Context) -> bool:
    """"Nigeria will withdraw its peacekeeping force from Chad": a body the source's own possessive names, of
    the source's country, is the source's own, not a side acted on."""
    if not 0 <= target.token < len(ctx.doc) or target.sector not in STATE_SECTORS:
        return False  # "urged its residents", "thanked her supporters": people addressed are the act's target
    # "The Philippines recalled its ambassador from Canada": the pronoun's source owns the body whatever country
    # the description took from the sentence
    source_codes = {s.code for s in sources if s.code}
    own_country = target.country in {s.country for s in sources if s.country}
    return any(c.dep_ == "poss" and c.pos_ == "PRON" and any(
        a.code in source_codes or (own_country and a.country == target.country) for a in ctx.actors.get(c.i, []))
        for c in ctx.doc[target.token].children)


def _another_office(target: ActorMention, trig: Trigger, sources: list[ActorMention], ctx: Context) -> bool:
    """"The state's mayors implored Mr. Sanford": a person the act is addressed to, named, by people only
    described, coded alike. Two descriptions coded alike may be one body ("the government defended its
    decision"), and a description beside a name may be that person ("Putin hosted King Salman ..., the first
    visit by a Saudi monarch"); two named people are told apart by the KB (_same_side)."""
    if target.kind != "person" or not 0 <= target.token < len(ctx.doc) or trig.entry.code[:2] > _LAST_SPOKEN_ROOT:
        return False
    word = ctx.doc[target.token]
    # the act's own object ("implored Mr. Sanford", "appealed to Governor Smith")
    addressed = word.head == trig.token or (word.head.dep_ == "prep" and word.head.head == trig.token)
    if not addressed or word.pos_ != "PROPN":
        return False
    alike = [s for s in sources if s.code == target.code]
    return bool(alike) and all(0 <= s.token < len(ctx.doc) and ctx.doc[s.token].pos_ == "NOUN" for s in alike)


# Roots 01-13, acts of word and of cooperation: force between sides coded alike is more often one side's
# country misread than one office fighting another.
_LAST_SPOKEN_ROOT = "13"


def _official_coerced(target: ActorMention, trig: Trigger, sources: list[ActorMention], ctx: Context) -> bool:
    """"The anti-graft commission arrested the governor", "prosecutors charged the minister": a state body's
    coercion or charge of an official of the same state is done to another side, coded alike or not; a pronoun or
    a possessive still stands for the source ("the government defended its decision")."""
    code = trig.entry.code
    if not (code[:2] in _COERCION_ROOTS or code.startswith(_CRIMINAL_CHARGE)) or not 0 <= target.token < len(ctx.doc):
        return False
    word = ctx.doc[target.token]
    return word.pos_ in ("NOUN", "PROPN") and word.dep_ != "poss" and all(
        s.token != target.token and s.text.lower() != target.text.lower() for s in sources)


# Sanctions, arrests and criminal charges: acts of the state on its own officials too (blame or fighting between
# sides coded alike is more often one side's country misread than a quarrel within one state).
_COERCION_ROOTS = frozenset({"16", "17"})
_CRIMINAL_CHARGE = "1121"


# Acts whose that-clause names who is to act ("demanded that the United States match the EU's support"), who is
# threatened ("warned that Iran would face consequences") or
# whom the act is aimed at ("alleged Mahan had contributed to human suffering", "blamed that Iran ...").
_ADDRESSING_ROOTS = frozenset({"02", "10", "11", "13"})
_ADDRESSING_VERBS = word_list("eventwire.events", "addressing_verb")


def _addressee_of_that_clause(trig: Trigger, ctx: Context) -> list[ActorMention]:
    token = trig.token
    noun = token.pos_ == "NOUN" and trig.entry.code[:2] in _ADDRESSING_ROOTS  # "reiterated calls for Israel to"
    if not noun and (token.pos_ != "VERB" or not (trig.entry.code[:2] in _ADDRESSING_ROOTS
                                                  or token.lemma_.lower() in _ADDRESSING_VERBS)):
        return []
    # "called for NATO members to increase spending": the subject of a for-to clause is who is to act.
    out: list[ActorMention] = []
    for clause in token.children:
        if (noun or clause.dep_ != "ccomp") and not _for_to_clause(clause):
            continue
        # "charged that the election had been rigged by the ruling party": who did it, by the passive's agent
        agents = [a for a in by_agents(clause, ctx) if a.code]
        # "alleging that Trump's call was an abuse of office": a thing's owner is whom the clause is about.
        out.extend(agents or [a for subj in clause.children if subj.dep_ in ("nsubj", "nsubjpass")
                              for a in (slot(subj, ctx)[0] or owner_of_thing(subj, ctx))])
    return out


def _struck_where(verb: Token, ctx: Context) -> tuple[list[ActorMention], bool]:
    """The country of the place a blow lands in ("struck targets in Gaza", "shelled positions near Idlib"), when
    what it hit is a thing no actor owns."""
    if not any(c.dep_ == "dobj" and c.pos_ == "NOUN" and not any(a.code for a in ctx.actors.get(c.i, []))
               for c in verb.children):
        return [], False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "near", "across", "around", "outside"):
            for obj in prep.children:
                actors, from_place = slot(obj, ctx) if obj.dep_ == "pobj" else ([], False)
                if actors and (from_place or all(a.kind == "country" for a in actors)):
                    return actors, True
    return [], False


def _for_to_clause(clause: Token) -> bool:
    return clause.dep_ in ("advcl", "xcomp", "acl") and any(
        m.dep_ == "mark" and m.lower_ == "for" for m in clause.children)


# Event nouns that, with a definite determiner, refer back to an event already reported ("condemned the
# attack", "repelled the assault"), and the CAMEO roots that event may have (empty: any):
# events/data/anaphoric_nouns.tsv.
_ANAPHORIC_EVENT_NOUNS: dict[str, frozenset[str]] = {
    row["noun"]: frozenset(split_list(row["cameo_roots"]))
    for row in read_tsv("eventwire.events", "anaphoric_nouns.tsv")
}


def _actor_behind_event_noun(trig: Trigger, ctx: Context, source_codes: set[str]) -> ActorMention | None:
    """"Zulum condemned the attack": the target is who carried out the attack, the source of the most
    recent earlier event of that kind in the article."""
    token = trig.token
    if token.pos_ != "VERB":
        return None
    for noun in things_acted_on(trig):
        roots = _ANAPHORIC_EVENT_NOUNS.get(noun.lemma_.lower())
        if roots is None or not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these",
                                                                              "those", "its", "their")
                                    for c in noun.children):
            continue
        candidates = [e for e in reversed(ctx.coded)
                      if (not roots or e.cameo_root in roots) and e.source.code not in source_codes
                      and not (e.evidence.start >= token.sent.start_char and e.evidence.trigger == noun.text)]
        # The same word first ("the attack" after "attacked"), else the most recent event of the kind. When the
        # act of the same word has an author no code names ("Lezana accused the WHO"), no other act stands in.
        stem = noun.lemma_.lower()[:5]
        same_word = [e for e in candidates if e.evidence.trigger.lower().startswith(stem)]
        chosen = same_word[:1] or [e for e in candidates if e.source.code][:1]
        if chosen and chosen[0].source.code:
            return chosen[0].source
    return None


# Prepositions that point an act at someone, whatever the lexicon row lists ("handed over to Britain",
# "talks with Iran", "sanctions against Moscow"); locative ones ("in", "at") never give a target.
_DIRECTED_PREPS = word_list("eventwire.events", "directed_prep")


_MATTER_PREPS = frozenset({"into", "over", "about"})


def _directed_actors(trig: Trigger, ctx: Context) -> list[ActorMention]:
    """Fallback target: an actor (never a place) in a directed prepositional phrase of the trigger,
    its particle verb or its object."""
    token = trig.token
    holders = [token] + [c for c in token.children if c.dep_ in ("dobj", "xcomp", "prt")]
    # "dropped its investigation into an allegation against Assange": the matter the object is about
    holders += [o for h in list(holders) for prep in h.children if prep.dep_ == "prep" and prep.lower_ in _MATTER_PREPS
                for o in prep.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
    # "called for talks with Ukraine", "called for sanctions on Russia": the act wanted names whom it is aimed at.
    holders += [obj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "for"
                for obj in prep.children if obj.dep_ == "pobj" and obj.pos_ == "NOUN"]
    out: list[ActorMention] = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ in ("prep", "dative") and (prep.lower_ in _DIRECTED_PREPS
                                                    or prep.lower_ in trig.entry.target_preps):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and not _absolute_with(prep, obj):
                        # Named people and organisations nobody could code still receive the act ("granted
                        # asylum to Julian Assange").
                        out.extend(actors_at(obj, ctx) or named_uncoded_at(obj, ctx) or owner_of(obj, ctx))
    return out


def _absolute_with(prep: Token, obj: Token) -> bool:
    """"banned the airline, with officials saying ...": a "with" phrase whose noun has its own verb is a
    circumstance, not a partner of the act."""
    return prep.lower_ == "with" and any(c.dep_ in ("acl", "relcl") and c.tag_ in ("VBG", "VBN")
                                         for c in obj.children)
