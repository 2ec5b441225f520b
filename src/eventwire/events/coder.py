"""Stage 7: clauses -> coded events (CAMEO, PLOVER, Goldstein, QuadClass) with evidence.

For every trigger the lexicon matches outside quoted speech:
- source: the clause's agent (subject, the by-phrase of a passive, the possessor or the governing
  light verb's subject of an event noun), conjuncts expanded;
- target: the patient (direct object, or the object of the row's prepositions), conjuncts expanded;
  a place in that slot stands for its country ("visited Hmeimim air base" -> SYR); with no target
  and several agents of a cooperative act, each agent is coded towards the others;
- date: a time expression in the trigger's own clause, else one scoping over it from a governing
  clause, else the publication date, flagged `date_defaulted`;
- place: a place the trigger or its clause names ("in/at/near/from X"), else one in the sentence,
  else the article's most named country;
- flags: `negated` (a negation on the clause), `hypothetical` (modal, conditional, or embedded
  under plan/threaten/want-type verbs).

Confidence (0..1) adds up the evidence behind the coding: 0.4 for the trigger, +0.1 when the row's
particle/object requirement matched, +0.2 for a syntactic source (+0.1 when it came through an
inherited subject or coreference), +0.2 for a syntactic target (+0.1 when inferred from a place or
reciprocity), +0.1 for a date stated in the text, +0.1 when the trigger is in the sentence's main
clause (what the sentence asserts, not a circumstance of it).
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from eventwire.actors.kb import ActorKB
from eventwire.actors.mentions import index_by_token
from eventwire.events.codes import CodeTable
from eventwire.events.lexicon import LexEntry, Lexicon, lemma_candidates, match_noun, match_verb
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
)
from eventwire.model import (
    ActorMention,
    Article,
    CountMention,
    Event,
    Evidence,
    PlaceMention,
    Quote,
    TimeMention,
)
from eventwire.syntax import clause_of, governing_verb, is_passive, is_under, relative_subject, subjects_of

# Verbs that only carry an event noun ("ordered the withdrawal", "staged air strikes"): the noun is
# the event, the verb lends its subject.
LIGHT_VERBS = frozenset({
    "order", "announce", "make", "carry", "conduct", "launch", "stage", "hold", "begin", "start",
    "complete", "continue", "resume", "undertake", "pay", "give", "take", "mount", "step", "call",
    "approve", "authorize", "authorise", "plan", "propose", "unveil", "end", "halt", "sign", "agree",
    "pledge", "promise", "vow", "threaten", "intensify", "escalate", "wage", "lead", "organise",
    "organize", "perform", "execute", "have", "host", "attend", "join", "go",  # "went on hunger strike"
    "open", "initiate", "institute",  # "opened an investigation into"
    # verbs of giving carry aid nouns: "provided $2 million in assistance to Fiji"
    "provide", "send", "deliver", "donate", "supply", "earmark", "extend", "allocate", "grant", "offer",
})
_HYPOTHETICAL_AUX = frozenset({"could", "would", "may", "might", "should", "will", "shall", "'ll", "can", "must"})
_HYPOTHETICAL_HEADS = frozenset({
    "threaten", "plan", "want", "intend", "seek", "hope", "vow", "propose", "consider", "aim", "expect",
    "prepare", "try", "attempt", "offer", "wish", "pledge", "promise", "warn", "urge", "demand", "call",
    "ask", "refuse", "fail", "decline",
})
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "into", "on",
                             "from", "to", "towards", "toward", "over", "along"})
_COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06"})
_QUANTITY_HEADS = frozenset({"thousand", "hundred", "dozen", "score", "million", "group", "crowd", "number",
                             "member", "part", "remnant", "unit", "faction", "wing", "delegation", "team"})
_NAMED_UNCODED_KINDS = frozenset({"organisation", "person"})


@dataclass(frozen=True)
class _Trigger:
    token: Token
    entry: LexEntry
    clause: Token  # the verb whose clause the event lives in
    stance: str = ""  # "promised": an act only promised (hypothetical); "refused"/"announced": a refusal or
    # an intent stated in the act's own clause (a fact)
    promised: _Trigger | None = None  # for an intent trigger, the act it promises (gives the target)
    demanded_of: Token | None = None  # for a demand trigger, the verb whose subject must act (the target)


def code_events(
    doc: Doc, article: Article, actors: tuple[ActorMention, ...], times: tuple[TimeMention, ...],
    places: tuple[PlaceMention, ...], quotes: tuple[Quote, ...], lexicon: Lexicon, table: CodeTable,
    kb: ActorKB, counts: tuple[CountMention, ...] = (),
) -> tuple[Event, ...]:
    in_text = tuple(p for p in places if p.start is not None)
    dateline = next((p for p in places if p.start is None), None)
    ctx = _Context(doc, article, index_by_token(actors), {t.token: t for t in times},
                   {p.token: p for p in in_text}, in_text, quotes, table, kb, dateline)
    triggers = _triggers(doc, lexicon, ctx)
    events: dict[str, Event] = {}
    by_trigger: dict[int, list[str]] = {}
    for trig in triggers:
        for event in _events_for(trig, ctx):
            events.setdefault(event.id, event)
            by_trigger.setdefault(trig.token.i, []).append(event.id)
            ctx.coded.append(event)
    for count in counts:
        for event_id in _events_counted(count, by_trigger, events, doc):
            events[event_id] = _with_count(events[event_id], count)
    ordered = sorted(_without_targetless_twins(list(events.values())), key=lambda e: (e.evidence.start, e.id))
    return tuple(_carry_places(ordered, doc))


def _without_targetless_twins(events: list[Event]) -> list[Event]:
    """"ISWAP fighters attacked a base ..., killing seven soldiers": the attack without a target and the
    killing of the soldiers are one act; an event with no target is dropped when the same sentence has
    one of the same root from the same source with a target."""
    targeted = {(e.evidence.start, e.source.code, e.source.start, e.cameo_root) for e in events if e.target}
    return [e for e in events if e.target is not None or
            (e.evidence.start, e.source.code, e.source.start, e.cameo_root) not in targeted]


def _events_counted(count: CountMention, by_trigger: dict[int, list[str]], events: dict[str, Event],
                    doc: Doc) -> list[str]:
    """The events a count belongs to: those triggered by its own word ("killed"), else the nearest
    conflict (or, for forces, military) event of its sentence."""
    if count.token in by_trigger:
        return by_trigger[count.token]
    sent = doc[count.token].sent
    roots = {"15", "08", "19", "06"} if count.category == "forces" else {"14", "15", "17", "18", "19", "20"}
    near = [(abs(i - count.token), ids) for i, ids in by_trigger.items() if sent.start <= i < sent.end
            and events[ids[0]].cameo_root in roots]
    return min(near)[1] if near else []


def _with_count(event: Event, count: CountMention) -> Event:
    if count.category == "forces":
        force = {"kind": count.victims, "min": count.count_min, "max": count.count_max}
        return event.model_copy(update={"forces": (*event.forces, force)})
    casualties = dict(event.casualties)
    previous = casualties.get(count.category)
    if previous is not None and int(previous["min"]) >= count.count_min:
        return event  # the larger figure of one event stands (a toll restated in the same sentence)
    casualties[count.category] = {"min": count.count_min, "max": count.count_max, "victims": count.victims}
    update: dict[str, object] = {"casualties": casualties}
    if count.category == "fatalities":
        update["fatalities"] = count.count_min
    return event.model_copy(update=update)


def _carry_places(events: list[Event], doc: Doc) -> list[Event]:
    """Narrative continuity: an event whose sentence names no place happened where the story's last
    placed event did, when that was at most two sentences earlier."""
    sent_starts = [s.start_char for s in doc.sents]
    out: list[Event] = []
    last: tuple[int, PlaceMention] | None = None
    for event in events:
        sent_no = bisect_right(sent_starts, event.evidence.start)
        if event.place_basis == "article" and last is not None and sent_no - last[0] <= 2:
            event = event.model_copy(update={"place": last[1], "place_basis": "previous-sentence"})
        elif event.place is not None and event.place_basis in ("clause", "sentence"):
            last = (sent_no, event.place)
        out.append(event)
    return out


@dataclass
class _Context:
    doc: Doc
    article: Article
    actors: dict[int, list[ActorMention]]
    times: dict[int, TimeMention]
    places: dict[int, PlaceMention]
    all_places: tuple[PlaceMention, ...]
    quotes: tuple[Quote, ...]
    table: CodeTable
    kb: ActorKB
    dateline: PlaceMention | None
    coded: list[Event] = field(default_factory=list)  # events of earlier triggers, for "condemned the attack"

    def in_quote(self, token: Token) -> bool:
        return any(q.kind == "direct" and q.start <= token.idx < q.end for q in self.quotes)


def _triggers(doc: Doc, lexicon: Lexicon, ctx: _Context) -> list[_Trigger]:
    found: dict[int, _Trigger] = {}
    for token in doc:
        if ctx.in_quote(token):
            continue
        entry = None
        if token.pos_ == "VERB":
            entry = match_verb(lexicon, token)
        elif token.pos_ == "NOUN" and token.i not in ctx.actors and not (
                token.dep_ in ("compound", "amod") and token.head.i in ctx.actors):
            # "opposition" the actor is not the act, nor is it in "the opposition coalition"
            entry = match_noun(lexicon, token)
        elif token.pos_ == "ADJ" and token.dep_ == "acomp":  # "was concerned", "is determined"
            entry = match_verb(lexicon, token)
        if entry is not None and (_naming_not_acting(token, entry, ctx) or _describing_participle(token)):
            entry = None
        if entry is None and token.pos_ == "VERB" and _reports_quote_to_someone(token, ctx):
            entry = STATEMENT
        if entry is not None and _phone_call(token, entry, ctx):
            entry = PHONE_CALL
        if entry is not None:
            clause = token if token.pos_ in ("VERB", "ADJ") else governing_verb(token)
            found[token.i] = _Trigger(token, entry, clause if clause is not None else token)
    # Light verb + event noun: keep the noun ("ordered the withdrawal" is a withdrawal). A verb whose
    # row demanded that object ("sign ... agreement") keeps the event and the noun is dropped.
    for i, trig in list(found.items()):
        if trig.token.pos_ != "NOUN":
            continue
        verb = governing_verb(trig.token)
        if verb is None or verb.i not in found:
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
    _code_stances(found)
    for token in doc:  # "is ready to contribute troops": a generic intent when the act itself is not coded
        if token.i not in found and bare_intent(token) and not ctx.in_quote(token):
            found[token.i] = _Trigger(token, LexEntry("030", "verb", token.lemma_.lower(), "", frozenset(), ("to",)),
                                      token)
    _code_demands(doc, found, ctx)
    return sorted(found.values(), key=lambda t: t.token.i)


def _code_demands(doc: Doc, found: dict[int, _Trigger], ctx: _Context) -> None:
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
        found[speech.i] = _Trigger(speech, entry, speech, demanded_of=verb)
        if act is not None:
            found[verb.i] = replace(act, stance="promised")


def _code_stances(found: dict[int, _Trigger]) -> None:
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
            found[head.i] = _Trigger(head, entry, head, promised=trig)
        found[i] = replace(trig, stance="promised")


def _describing_participle(verb: Token) -> bool:
    """A participle describing a noun with no agent ("militiamen armed with machetes", "the wounded
    soldiers") states what something is, not an act; "a convoy attacked by gunmen" keeps its act."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not any(c.dep_ == "agent" for c in verb.children)


def _naming_not_acting(verb: Token, entry: LexEntry, ctx: _Context) -> bool:
    """A verb naming something ("what it called serious violations": object + predicate noun) is
    not the act its row codes."""
    if verb.pos_ != "VERB" or entry.objects:
        return False
    if any(c.dep_ == "prep" and c.lower_ in entry.target_preps for c in verb.children):
        return False
    return any(c.dep_ == "oprd" for c in verb.children) and not any(
        c.dep_ == "dobj" and (c.i in ctx.actors or c.i in ctx.places) for c in verb.children
    )


# "Netanyahu called Morrison to congratulate him": calling a person with no "for"/"on" is a telephone
# call (041), not an appeal (020, "called on Iran to", "called for talks").
PHONE_CALL = LexEntry("041", "verb", "call", "", frozenset(), ())


def _phone_call(verb: Token, entry: LexEntry, ctx: _Context) -> bool:
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


# A quote addressed to another actor ("“...,” Putin told Erdogan") is a statement event, CAMEO 010; a
# quote to reporters or a crowd is not coded (no analyst codes "told reporters").
STATEMENT = LexEntry("010", "verb", "say", "", frozenset(), ("to",))
_STATEMENT_VERBS = frozenset({"tell", "say", "write", "address", "add"})
_STATEMENT_TARGET_KINDS = frozenset({"person", "government", "military", "country", "police", "armed_group",
                                     "igo", "party"})


def _reports_quote_to_someone(verb: Token, ctx: _Context) -> bool:
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
               for r in recipients for a in _actors_at(r, ctx))


def _actors_at(token: Token, ctx: _Context) -> list[ActorMention]:
    """Actors named by a noun phrase head, its conjuncts, or the "of" phrase of a quantity head."""
    out: list[ActorMention] = []
    for member in (token, *token.conjuncts):
        # Actors nobody could code (an unknown organisation) leave the slot to a place reading.
        hits = [a for a in ctx.actors.get(member.i, []) if a.code] or [
            a for c in member.children if c.dep_ == "appos" for a in ctx.actors.get(c.i, []) if a.code
        ]  # "his counterpart Hakan Fidan"
        if not hits and member.pos_ in ("NOUN", "PROPN") and member.i not in ctx.actors:
            # "the UN Migration Agency", "the U.S. Department of Justice", "the Trump administration": an
            # organisation named by its country or parent body acts for it.
            # Also the machines a force acts through: "Israeli army bulldozers demolished ...".
            hits = list({id(a): a for c in member.children if c.dep_ == "compound"
                         for a in _actors_covering(c, ctx)}.values())
        if hits:
            out.extend(hits)
            continue
        if member.lemma_.lower() in _QUANTITY_HEADS or member.pos_ == "NUM":
            for prep in member.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        out.extend(ctx.actors.get(obj.i, []))
    return out


def _actors_covering(token: Token, ctx: _Context) -> list[ActorMention]:
    """Coded actors whose mention includes `token` (a mention is keyed by its head, which the parse may
    put elsewhere in a multi-word name)."""
    found = ctx.actors.get(token.i, [])
    if not found:
        found = [a for mentions in ctx.actors.values() for a in mentions if a.start <= token.idx < a.end]
    return [a for a in found if a.code]


def _place_actor(token: Token, ctx: _Context) -> ActorMention | None:
    """A place in an actor slot stands for its country ("visited Hmeimim airbase" -> SYR)."""
    place = ctx.places.get(token.i)
    if place is None or place.country is None or place.start is None or place.end is None:
        return None
    country = ctx.kb.countries.get(place.country)
    name = country.name if country else place.country
    return ActorMention(text=place.text, name=name, code=place.country, country=place.country, kind="country",
                        start=place.start, end=place.end, kb_id=f"country:{place.country}",
                        resolved_from="place", token=token.i)


def _slot(token: Token, ctx: _Context) -> tuple[list[ActorMention], bool]:
    """Actors filling an argument slot, and whether they came from a place."""
    actors = _actors_at(token, ctx)
    if actors:
        return actors, False
    from_places = []
    for member in (token, *token.conjuncts):
        place = _place_in_np(member, ctx)  # "a military base in Damboa" stands for Nigeria
        if place is not None and (actor := _place_actor(ctx.doc[place.token], ctx)) is not None:
            from_places.append(actor)
    if from_places:
        return from_places, True
    # Named organisations and people the KB cannot code still act: "The Global Campaign for Equal
    # Nationality Rights called for reform" is an appeal by a named actor, with an empty code.
    return [a for member in (token, *token.conjuncts) for a in _named_uncoded_at(member, ctx)], False


def _named_uncoded_at(token: Token, ctx: _Context) -> list[ActorMention]:
    """Named organisations and people at `token` that the KB cannot code."""
    return [a for a in ctx.actors.get(token.i, []) if not a.code and a.kind in _NAMED_UNCODED_KINDS]


def _sources(trig: _Trigger, ctx: _Context) -> tuple[list[ActorMention], bool]:
    """Source actors and whether they were found directly on the trigger (not inherited)."""
    token = trig.token
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ in ("poss", "compound", "nmod"):
                found, _ = _slot(child, ctx)
                if found:
                    return found, True
            if child.dep_ == "amod":
                national = _national_actor(child, ctx)  # "Russian air strikes"
                if national is not None:
                    return [national], True
            if child.dep_ == "prep" and child.lower_ == "by":
                for obj in child.children:
                    found, _ = _slot(obj, ctx)
                    if found:
                        return found, True
        return _light_verb_sources(token, ctx), False
    if is_passive(token):
        for child in token.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    found, _ = _slot(obj, ctx)
                    if found:
                        return found, True
        return [], False
    if relative_subject(token) is not None:
        # "the attack ... which killed nine people": the subject is the noun the clause hangs on, never
        # an actor of the main clause ("Guterres condemned").
        return _slot(token.head, ctx)[0], False
    subjects = subjects_of(token)
    direct = any(c.dep_ in ("nsubj", "csubj") for c in token.children)
    for subj in subjects:
        found, _ = _slot(subj, ctx)
        if found:
            return found, direct and not any(a.resolved_from in ("pronoun", "description") for a in found)
    return _nearest_subject_like(token, ctx), False


# "advmod"/"dep": a name the parser misread ("USAID provided ..." with USAID as an adverb).
_SUBJECT_LIKE = frozenset({"nsubj", "nsubjpass", "ROOT", "appos", "conj", "npadvmod", "advmod", "dep"})


def _nearest_subject_like(token: Token, ctx: _Context) -> list[ActorMention]:
    """When the parse gives the verb no usable subject (a misparse of a long subject: "The Afghan
    government, a number of parties and the Taliban condemned ..."), the nearest actor before the verb
    in its sentence that heads a noun phrase of its own (not a possessor, modifier or object)."""
    sent = token.sent
    for i in range(token.i - 1, sent.start - 1, -1):
        candidate = ctx.doc[i]
        if i not in ctx.actors or candidate.dep_ not in _SUBJECT_LIKE or ctx.in_quote(candidate):
            continue
        # Never the subject of another verb ("Putin said that efforts to end ..."): only an actor the
        # parse left hanging on nouns, or one whose own clause is the trigger's.
        clause = governing_verb(candidate)
        if clause is None or clause == token or clause == governing_verb(token):
            return [a for a in ctx.actors[i] if a.code]
        return []
    return []


def _light_verb_sources(noun: Token, ctx: _Context) -> list[ActorMention]:
    """An event noun takes the subject of the light verb that carries it ("ordered the withdrawal",
    "made the stopover", "signed a directive approving an agreement"), never of a verb that reports,
    opposes or undergoes it ("repelled the assault", "accused X of orchestrating the clashes")."""
    verb = governing_verb(noun)
    for _ in range(3):
        if verb is None or not LIGHT_VERBS.intersection(lemma_candidates(verb)):
            return []
        if is_passive(verb) or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
            # "two women taken during the ambush": the noun the participle describes underwent the act;
            # only a by-phrase names who carried it.
            return [a for agent in verb.children if agent.dep_ == "agent" for obj in agent.children
                    for a in _slot(obj, ctx)[0]]
        subjects = subjects_of(verb)
        for subj in subjects:
            found, _ = _slot(subj, ctx)  # a named actor without a code still carries the act
            if found:
                return found
        if not subjects:
            return []
        verb = governing_verb(verb)  # the subject is a thing ("a directive approving ..."): go up
    return []


def _national_actor(adjective: Token, ctx: _Context) -> ActorMention | None:
    iso = ctx.kb.country_by_adjective.get(adjective.lower_)
    if iso is None:
        return None
    name = ctx.kb.countries[iso].name if iso in ctx.kb.countries else iso
    return ActorMention(text=adjective.text, name=name, code=iso, country=iso, kind="country",
                        start=adjective.idx, end=adjective.idx + len(adjective.text), kb_id=f"country:{iso}",
                        resolved_from="adjective", token=adjective.i)


def _target_tokens(trig: _Trigger, ctx: _Context) -> list[Token]:
    token, entry = trig.token, trig.entry
    out: list[Token] = []
    if token.pos_ == "VERB" and is_passive(token):
        for child in token.children:
            if child.dep_ == "nsubjpass":
                # "Putin, who was welcomed by Assad": the relative pronoun stands for its antecedent.
                out.append(token.head if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl" else child)
        if token.dep_ == "relcl" and not out:
            out.append(token.head)
        return out
    holders = [token]
    carried = token.pos_ == "NOUN" and trig.clause != token and (
        token.dep_ in ("dobj", "attr") or LIGHT_VERBS.intersection(lemma_candidates(trig.clause)))
    if carried:
        holders.append(trig.clause)  # "made the stopover at the base": the light verb carries the preps
        # "provided Egypt with assistance": the light verb's own recipient
        out.extend(c for c in trig.clause.children if c.dep_ in ("dative", "dobj") and c.i in ctx.actors)
    if token.pos_ == "VERB" and entry.objects:
        for child in token.children:
            if child.dep_ in ("dobj", "attr"):
                holders.append(child)
                if _named_actor_at(child, ctx):  # "summoned a top US diplomat": the object named is the target
                    out.append(child)
            if child.dep_ == "dative" and _named_actor_at(child, ctx):  # "provided Egypt aid"
                out.append(child)
            if child.dep_ == "xcomp":
                holders.extend(c for c in child.children if c.dep_ == "dobj")
    for holder in holders:
        for child in holder.children:
            if token.pos_ == "VERB" and holder == token and not entry.objects and (
                    child.dep_ in ("dobj", "dative")
                    # an object the parser took for a predicate ("called Erdogan on Monday")
                    or (child.dep_ == "oprd" and not any(c.dep_ == "dobj" for c in token.children))):
                out.append(child)
            # "to" is sometimes parsed as a dative marker ("granted asylum to Julian Assange").
            if child.dep_ in ("prep", "dative") and child.lower_ in entry.target_preps:
                out.extend(c for c in child.children if c.dep_ == "pobj")
            if child.dep_ == "poss" and holder != token:
                out.append(child)
        if holder == token and token.pos_ == "VERB" and not entry.objects:
            # "condemned Trump's decision": the object's owner is the target when the object is no actor.
            for obj in (c for c in token.children if c.dep_ == "dobj" and c.i not in ctx.actors):
                out.extend(c for c in obj.children if c.dep_ == "poss")
    if token.pos_ == "VERB" and token.dep_ == "relcl" and any(c.lower_ == "where" for c in token.children):
        out.append(token.head)  # "Egypt, where he arrived": the antecedent is the destination
    return out


def _named_actor_at(token: Token, ctx: _Context) -> bool:
    """An actor the text names or qualifies itself ("a US diplomat"), not a bare role noun whose country
    was only guessed from context ("sent more troops": the troops are the sender's own)."""
    return any(a.resolved_from != "context" for a in ctx.actors.get(token.i, []))


def _targets(trig: _Trigger, ctx: _Context, sources: list[ActorMention]) -> tuple[list[ActorMention], bool]:
    found: list[ActorMention] = []
    via_place = False
    for tok in _target_tokens(trig, ctx):
        actors, from_place = _slot(tok, ctx)
        found.extend(actors)
        via_place = via_place or from_place
    source_codes = {s.code for s in sources}
    source_countries = {s.country for s in sources}
    distinct = [t for t in found if t.code not in source_codes]
    if not distinct:
        distinct = [t for t in _directed_actors(trig, ctx) if t.code not in source_codes]
    if not distinct:
        distinct = [t for t in _addressee_of_that_clause(trig, ctx) + _owners_of_object(trig, ctx)
                    if t.code not in source_codes]
    # "an agreement between Russia and Egypt" signed by a Russian: the partner is Egypt; but "Bajwa urged
    # Pakistan" keeps the source's own country when it is the only target.
    distinct = [t for t in distinct if not (t.kind == "country" and t.country in source_countries)] or distinct
    if not distinct:
        earlier = _actor_behind_event_noun(trig, ctx, source_codes)
        if earlier is not None:
            return [earlier], True
    return distinct, via_place


# Acts whose that-clause names who is to act: "demanded that the United States match the EU's support".
_ADDRESSING_ROOTS = frozenset({"02", "10"})
_ADDRESSING_VERBS = frozenset({"demand", "insist", "urge", "ask", "appeal", "press", "request"})


def _addressee_of_that_clause(trig: _Trigger, ctx: _Context) -> list[ActorMention]:
    token = trig.token
    if token.pos_ != "VERB" or not (trig.entry.code[:2] in _ADDRESSING_ROOTS
                                    or token.lemma_.lower() in _ADDRESSING_VERBS):
        return []
    return [a for clause in token.children if clause.dep_ == "ccomp"
            for subj in clause.children if subj.dep_ in ("nsubj", "nsubjpass") for a in _slot(subj, ctx)[0]]


def _owners_of_object(trig: _Trigger, ctx: _Context) -> list[ActorMention]:
    """Whose is the thing acted on: "rejected an Indian proposal" (IND), "a US offer", "calls by Belarus's
    rulers", "an appeal from President Gbagbo", "the demands of the protesters"."""
    token = trig.token
    objects = [c for c in token.children if c.dep_ == "dobj" and c.i not in ctx.actors] if token.pos_ == "VERB" \
        else []
    out: list[ActorMention] = []
    for obj in objects:
        for child in obj.children:
            if child.dep_ == "poss":
                out.extend(_slot(child, ctx)[0])
            elif child.dep_ in ("amod", "compound") and (national := _national_actor(child, ctx)) is not None:
                out.append(national)
            elif child.dep_ == "compound":
                out.extend(_actors_covering(child, ctx))
            elif child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out.extend(_actors_at(pobj, ctx))
    return out


# Event nouns that, with a definite determiner, refer back to an event already reported ("condemned the
# attack", "repelled the assault"), and the CAMEO roots that event may have (empty: any).
_ANAPHORIC_EVENT_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("attack", "assault", "raid", "bombing", "strike", "airstrike", "killing", "massacre",
                     "shelling", "ambush", "offensive", "invasion", "incursion", "violence", "atrocity"),
                    frozenset({"18", "19", "20"})),
    **dict.fromkeys(("arrest", "detention", "crackdown", "expulsion"), frozenset({"17"})),
    **dict.fromkeys(("decision", "move", "announcement", "statement", "remark", "comment", "measure"),
                    frozenset()),
}


def _actor_behind_event_noun(trig: _Trigger, ctx: _Context, source_codes: set[str]) -> ActorMention | None:
    """"Zulum condemned the attack": the target is who carried out the attack, the source of the most
    recent earlier event of that kind in the article."""
    token = trig.token
    if token.pos_ != "VERB":
        return None
    nouns = [c for c in token.children if c.dep_ == "dobj"] + [
        o for c in token.children if c.dep_ == "prep" and c.lower_ in trig.entry.target_preps
        for o in c.children if o.dep_ == "pobj"]
    for noun in nouns:
        roots = _ANAPHORIC_EVENT_NOUNS.get(noun.lemma_.lower())
        if roots is None or not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these",
                                                                              "those", "its", "their")
                                    for c in noun.children):
            continue
        candidates = [e for e in reversed(ctx.coded)
                      if (not roots or e.cameo_root in roots) and e.source.code and e.source.code not in source_codes
                      and not (e.evidence.start >= token.sent.start_char and e.evidence.trigger == noun.text)]
        # The same word first ("the attack" after "attacked"), else the most recent event of the kind.
        stem = noun.lemma_.lower()[:5]
        same_word = [e for e in candidates if e.evidence.trigger.lower().startswith(stem)]
        if same_word or candidates:
            return (same_word or candidates)[0].source
    return None


# Prepositions that point an act at someone, whatever the lexicon row lists ("handed over to Britain",
# "talks with Iran", "sanctions against Moscow"); locative ones ("in", "at") never give a target.
_DIRECTED_PREPS = frozenset({"to", "with", "against", "toward", "towards", "on", "upon", "over", "between", "among"})


def _directed_actors(trig: _Trigger, ctx: _Context) -> list[ActorMention]:
    """Fallback target: an actor (never a place) in a directed prepositional phrase of the trigger,
    its particle verb or its object."""
    token = trig.token
    holders = [token] + [c for c in token.children if c.dep_ in ("dobj", "xcomp", "prt")]
    out: list[ActorMention] = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ in _DIRECTED_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        # Named people and organisations nobody could code still receive the act ("granted
                        # asylum to Julian Assange").
                        out.extend(_actors_at(obj, ctx) or _named_uncoded_at(obj, ctx))
    return out


def _events_for(trig: _Trigger, ctx: _Context) -> list[Event]:
    sources, direct_source = _sources(trig, ctx)
    if not sources:
        sources = _unidentified_attacker(trig, ctx)
        direct_source = False
        if not sources:
            return []
    targets, target_via_place = _targets(trig, ctx, sources)
    if trig.demanded_of is not None:
        demanded = [a for subj in subjects_of(trig.demanded_of) for a in _slot(subj, ctx)[0] if a.code]
        targets = [t for t in demanded if t.code not in {s.code for s in sources}] or targets
    if trig.promised is not None and not targets:
        targets, target_via_place = _targets(trig.promised, ctx, sources)  # "agreed to lift its ban on US poultry"
    targets = [t for t in targets if t.code or t.kind in _NAMED_UNCODED_KINDS]
    code = ctx.table.get(_peacekeeping_code(trig, sources) or trig.entry.code)
    pairs: list[tuple[ActorMention, ActorMention | None, str]] = []
    if not targets and code.root == "14":
        targets = _protested_authority(sources, ctx)
        target_via_place = True
    if targets:
        pairs = [(s, t, "syntax") for s in sources for t in targets]
    elif len({s.code for s in sources}) > 1 and code.root in _COOPERATIVE_ROOTS:
        pairs = [(s, t, "reciprocal") for s in sources for t in sources if s.code != t.code]
    else:
        pairs = [(s, None, "none") for s in sources]
    date, precision, defaulted = _date(trig, ctx)
    place, place_how = _place(trig, ctx)
    main_clause = trig.clause.dep_ == "ROOT" or (trig.clause.dep_ == "conj" and trig.clause.head.dep_ == "ROOT")
    stated = trig.stance in ("refused", "announced")  # the statement of a refusal or intent is the fact
    negated = not stated and _negated(trig)
    hypothetical = trig.stance == "promised" or (not stated and _hypothetical(trig))
    sent = trig.token.sent
    sentence = sent.text.rstrip()
    plover, mode = ctx.table.plover_of(code.code)
    events = []
    for source, target, how in pairs:
        confidence = 0.4 + (0.1 if trig.entry.specificity else 0.0)
        confidence += (0.2 if direct_source else 0.1) if source.code else 0.0  # an uncoded source adds nothing
        if target is not None:
            confidence += 0.1 if (how == "reciprocal" or target_via_place) else 0.2
        confidence += 0.0 if defaulted else 0.1
        confidence += 0.1 if main_clause else 0.0
        key = f"{ctx.article.id}|{trig.token.idx}|{source.code}|{source.start}|" \
              f"{target.code if target else ''}|{target.start if target else ''}|{code.code}"
        events.append(Event(
            id=hashlib.sha1(key.encode()).hexdigest()[:16],
            date=date, date_precision=precision, date_defaulted=defaulted,
            source=source, target=target,
            cameo=code.code, cameo_root=code.root, cameo_name=code.name,
            plover=plover, plover_mode=mode, quad_class=code.quad_class, goldstein=code.goldstein,
            place=place, place_basis=place_how, negated=negated, hypothetical=hypothetical,
            confidence=round(min(confidence, 1.0), 2),
            evidence=Evidence(sentence=sentence, start=sent.start_char, end=sent.start_char + len(sentence),
                              trigger=trig.token.text),
        ))
    return events


# Troop movements that are peacekeeping, not a visit or a build-up: "British troops arrived in Mali to join
# the UN peacekeeping mission", "Britain is deploying 300 troops to the peacekeeping mission".
_TROOP_MOVEMENT_CODES = frozenset({"042", "043", "154"})
_PEACEKEEPING_WORDS = frozenset({"peacekeeping", "peacekeeper", "peace-keeping", "peacekeepers"})
_PEACEKEEPING = "074"


def _peacekeeping_code(trig: _Trigger, sources: list[ActorMention]) -> str | None:
    if trig.entry.code not in _TROOP_MOVEMENT_CODES:
        return None
    military = any(s.code.endswith("MIL") or s.kind == "military" for s in sources) or trig.entry.code == "154"
    if military and any(t.lemma_.lower() in _PEACEKEEPING_WORDS or t.lower_ in _PEACEKEEPING_WORDS
                        for t in trig.token.sent):
        return _PEACEKEEPING
    return None


# Acts whose victim is commonly reported without the actor behind them: violence, coercion ("was
# arrested"), accusations ("has been accused of").
_UNNAMED_AGENT_ROOTS = frozenset({"11", "17", "18", "19", "20"})


def _unidentified_attacker(trig: _Trigger, ctx: _Context) -> list[ActorMention]:
    """"Three US servicemen were killed by a roadside bomb": violence (also coercion, "was arrested", and
    accusation, "has been accused of") against a coded target whose agent is not named is still an
    event, with an unidentified source (ACLED's "unidentified armed group"), so that counts of acts
    against an actor do not depend on the reporter naming who did them: a passive clause with no coded
    agent, or, for violence, an active one whose subject is the attack or weapon itself ("a car bomb
    killed ...")."""
    code = ctx.table.get(trig.entry.code)
    if code.root not in _UNNAMED_AGENT_ROOTS or trig.token.pos_ != "VERB":
        return []
    victims = [t for tok in _target_tokens(trig, ctx) for t in _slot(tok, ctx)[0] if t.code]
    if not victims:
        return []
    if is_passive(trig.token):
        agent = next((obj for child in trig.token.children if child.dep_ == "agent" for obj in child.children
                      if obj.dep_ == "pobj"), None)
    elif code.root in ("18", "19", "20"):
        # "A suicide attack on a convoy killed eight people": the weapon or act is the subject.
        agent = next((c for c in trig.token.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"
                      and not ctx.actors.get(c.i)), None)
        if agent is None and relative_subject(trig.token) is not None and not ctx.actors.get(trig.token.head.i):
            agent = trig.token.head  # "a blast which killed eight people"
        if agent is None:
            return []
    else:
        return []
    span = ctx.doc[agent.left_edge.i: agent.right_edge.i + 1] if agent is not None else ctx.doc[trig.token.i:
                                                                                                  trig.token.i + 1]
    return [ActorMention(text=span.text if agent is not None else "", name="unidentified", code="", country=None,
                         kind="unidentified", start=span.start_char, end=span.end_char if agent is not None
                         else span.start_char, kb_id=None, resolved_from="unidentified", token=span.root.i)]


def _protested_authority(sources: list[ActorMention], ctx: _Context) -> list[ActorMention]:
    """Protest with no named target: by the usual coding convention it addresses the government of
    the protesters' country."""
    out = []
    for iso in dict.fromkeys(s.country for s in sources if s.country and not s.code.endswith("GOV")):
        name = ctx.kb.countries[iso].name if iso in ctx.kb.countries else iso
        src = next(s for s in sources if s.country == iso)
        out.append(ActorMention(text=src.text, name=f"{name} government", code=iso + "GOV", country=iso,
                                kind="government", start=src.start, end=src.end, kb_id=f"country:{iso}",
                                resolved_from="protest-convention", token=src.token))
    return out


def _date(trig: _Trigger, ctx: _Context) -> tuple[str | None, str, bool]:
    own = [t for t in ctx.times.values() if clause_of(ctx.doc[t.token]) == trig.clause
           or (trig.token.pos_ == "NOUN" and is_under(ctx.doc[t.token], trig.token))]
    chosen = own[0] if own else None
    if chosen is None:
        # A time on a governing clause scopes over the clauses it embeds or coordinates.
        verb: Token = trig.clause
        for _ in range(4):
            if verb.head == verb or verb.dep_ not in ("conj", "xcomp", "advcl", "ccomp", "relcl", "acl"):
                break
            verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else (governing_verb(verb.head) or verb)
            scoped = [t for t in ctx.times.values() if clause_of(ctx.doc[t.token]) == verb]
            if scoped:
                chosen = scoped[0]
                break
    if chosen is not None and chosen.value is not None:
        return chosen.value, chosen.precision, False
    if chosen is not None:
        return None, "unresolved", False
    if ctx.article.published:
        return ctx.article.published, "day", True
    return None, "unresolved", True


def _place(trig: _Trigger, ctx: _Context) -> tuple[PlaceMention | None, str]:
    """The event's place and how it was found: "clause" (named on the trigger's clause or a clause
    governing it), "sentence" (nearest in the sentence), "article" (dateline, else most named country)."""
    holders = [trig.token]
    verb: Token = trig.clause
    for _ in range(3):
        if verb not in holders:
            holders.append(verb)
        if verb.dep_ not in ("advcl", "conj", "xcomp", "acl", "relcl") or verb.head == verb:
            break
        verb = verb.head
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in _LOCATIVE_PREPS:
                for obj in child.children:
                    place = _place_in_np(obj, ctx)
                    if place is not None:
                        return place, "clause"
            if child.dep_ in ("dobj", "npadvmod"):
                place = _place_in_np(child, ctx)
                if place is not None:
                    return place, "clause"
        if holder.dep_ == "relcl" and any(c.lower_ == "where" for c in holder.children):
            hit = ctx.places.get(holder.head.i)
            if hit is not None:
                return hit, "clause"
    sent = trig.token.sent
    in_sentence = [p for i, p in ctx.places.items() if sent.start <= i < sent.end]
    if in_sentence:
        nearest = min(in_sentence, key=lambda p: abs(p.token - trig.token.i))
        return _refine_by_dateline(nearest, ctx), "sentence"
    if ctx.dateline is not None:
        return ctx.dateline, "article"
    return _dominant_place(ctx), "article"


def _refine_by_dateline(place: PlaceMention, ctx: _Context) -> PlaceMention:
    """A country named loosely in the sentence ("outside Georgia's parliament") is, in a story
    datelined in one of its cities, that city."""
    line = ctx.dateline
    if place.feature == "country" and line is not None and line.country == place.country:
        return line
    return place


def _place_in_np(token: Token, ctx: _Context) -> PlaceMention | None:
    """The place a noun phrase names: itself, or a place inside it ("the base in Latakia province")."""
    if token.i in ctx.places:
        return ctx.places[token.i]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "near"):
            for obj in child.children:
                if obj.i in ctx.places:
                    return ctx.places[obj.i]
    return None


def _dominant_place(ctx: _Context) -> PlaceMention | None:
    countries = Counter(p.country for p in ctx.all_places if p.country)
    if not countries:
        return None
    top = countries.most_common(1)[0][0]
    national = [p for p in ctx.all_places if p.country == top and p.feature == "country"]
    return (national or [p for p in ctx.all_places if p.country == top])[0]


def _negated(trig: _Trigger) -> bool:
    for tok in (trig.token, trig.clause):
        if any(c.dep_ == "neg" for c in tok.children):
            return True
    return any(c.lower_ in ("no", "never") and c.dep_ == "det" for c in trig.token.children)


def _hypothetical(trig: _Trigger) -> bool:
    verb = trig.clause
    if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_AUX for c in verb.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return True
    if verb.dep_ in ("acl", "advcl") and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                   for c in verb.children):
        return True  # a purpose ("a UN presence to protect them"): wanted, not done
    current = verb
    for _ in range(3):
        if current.dep_ not in ("xcomp", "ccomp") or current.head == current:
            break
        current = current.head
        if current.lemma_.lower() in _HYPOTHETICAL_HEADS:
            return True
    return False
