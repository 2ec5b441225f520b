"""Stage 7: clauses -> coded events (CAMEO, PLOVER, Goldstein, QuadClass) with evidence.

For every trigger (events/triggers.py) the coder puts an event together from its source actors
(events/sources.py) and targets (events/targets.py), each source towards each target; with no target
and several agents of a cooperative act, each agent is coded towards the others. The date comes from
events/dating.py, the place from events/placing.py, `negated`/`hypothetical` from events/circumstances.py. Troop
movements to a peacekeeping mission are peacekeeping (074); casualty and force counts join the event of their
word or sentence; an event with no target is dropped beside its twin with one.

Confidence (0..1) adds up the evidence behind the coding: 0.4 for the trigger, +0.1 when the row's
particle/object requirement matched, +0.2 for a syntactic source (+0.1 when it came through an
inherited subject or coreference), +0.2 for a syntactic target (+0.1 when inferred from a place or
reciprocity), +0.1 for a date stated in the text, +0.1 when the trigger is in the sentence's main
clause (what the sentence asserts, not a circumstance of it).
"""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Token

from eventwire.actors.descriptions import plural_demonym, role_of
from eventwire.actors.kb import ActorKB
from eventwire.actors.mentions import index_by_token
from eventwire.datafiles import word_list
from eventwire.events.circumstances import is_hypothetical, is_negated
from eventwire.events.claims import claimed_accusation
from eventwire.events.codes import CodeTable
from eventwire.events.context import Context, Trigger
from eventwire.events.conventions import (
    aid_recipient,
    defendant_plea,
    impeaching_legislature,
    implicit_state_agent,
    implicit_suspects,
    implicit_victims,
    inquiry_addressee,
    known_as_suspects,
    people_of_the_place,
    private_violence,
)
from eventwire.events.crowds import unnamed_protesters
from eventwire.events.dating import after_publication, event_date
from eventwire.events.duplicates import one_record_per_act
from eventwire.events.headlines import mark_headline_passives
from eventwire.events.judged import reported_judgements
from eventwire.events.lexicon import Lexicon
from eventwire.events.placing import carry_places, dateline_place, event_place, home_places, story_place
from eventwire.events.protests import protested_actors, protested_authority, state_protest_code
from eventwire.events.quoted import quoted_criticism, quoted_sympathy
from eventwire.events.slots import NAMED_UNCODED_KINDS, NATION_AS_A_SIDE, slot
from eventwire.events.sources import find_sources, unidentified_attacker
from eventwire.events.targets import find_targets
from eventwire.events.triggers import find_triggers
from eventwire.events.violence import violence_code
from eventwire.model import ActorMention, Article, CountMention, Event, Evidence, PlaceMention, Quote, TimeMention
from eventwire.syntax import subjects_of

# Acts the co-subjects do to each other ("Russia and Egypt signed an agreement", "the chiefs discussed"):
# one record from the first named towards each other. "China, Iran and Russia pledged funds" is three
# pledges with no target.
_MUTUAL_CODE_PREFIXES = ("036", "040", "041", "044", "045", "046", "054", "057", "06")
_MUTUAL_INTENT_VERBS = word_list("eventwire.events", "mutual_intent_verb")
_MUTUAL_FIGHT_VERBS = frozenset({"exchange", "clash", "skirmish"})
_SWAP_VERBS = frozenset({"exchange", "swap", "trade"})
_RELEASE_PEOPLE = "0841"


def _mutual(code: str, trig: Trigger) -> bool:
    """Whether an act of several co-subjects is done among them: meetings, talks, agreements, joint action,
    and intent the subjects reach together ("agreed to improve coordination")."""
    if code.startswith(_MUTUAL_CODE_PREFIXES):
        return True
    if code[:2] in ("18", "19") and trig.token.lemma_.lower() in _MUTUAL_FIGHT_VERBS:
        return True  # "India and Pakistan exchanged fire", "the two armies clashed": they fought each other
    if code == _RELEASE_PEOPLE and trig.token.lemma_.lower() in _SWAP_VERBS:
        return True  # "Ukraine and Russia exchanged prisoners": each released the other's
    return code.startswith("03") and trig.token.lemma_.lower() in _MUTUAL_INTENT_VERBS


def _reciprocal(act: Token) -> bool:
    """"accused each other of violating the ceasefire", "attacked each other's policies", "fired on one another":
    the co-subjects did it to one another."""
    for word in act.subtree:
        if word.lower_ not in ("other", "another") or word.i == 0 or word.doc[word.i - 1].lower_ not in ("each", "one"):
            continue
        # "each other": "other" heads the phrase; "one another" is parsed either way round
        token = word.doc[word.i - 1] if word.head.i == word.i - 1 else word
        head = token.head
        if (token.dep_ == "dobj" and head == act) or (token.dep_ in ("poss", "pobj") and head.head == act
                                                      and head.dep_ in ("dobj", "prep")):
            return True
    return False


def code_events(
    doc: Doc, article: Article, actors: tuple[ActorMention, ...], times: tuple[TimeMention, ...],
    places: tuple[PlaceMention, ...], quotes: tuple[Quote, ...], lexicon: Lexicon, table: CodeTable,
    kb: ActorKB, counts: tuple[CountMention, ...] = (),
) -> tuple[Event, ...]:
    mark_headline_passives(doc)  # "Woman stabbed while jogging": the woman was stabbed
    in_text = tuple(p for p in places if p.start is not None)
    dateline = dateline_place(doc, places)
    ctx = Context(doc, article, index_by_token(actors), {t.token: t for t in times},
                  {p.token: p for p in in_text}, in_text, quotes, table, kb, dateline)
    triggers = find_triggers(doc, lexicon, ctx)
    triggers += quoted_criticism(ctx, {t.token.i for t in triggers if t.entry.code[:2] in ("11", "12", "13")})
    triggers += reported_judgements(ctx, {t.token.i for t in triggers if t.entry.code[:2] in ("11", "12", "13")})
    triggers += quoted_sympathy(ctx, {t.token.i for t in triggers if t.entry.code[:2] in ("01", "11")})
    events: dict[str, Event] = {}
    by_trigger: dict[int, list[str]] = {}
    triggered = {t.token.i for t in triggers}
    for trig in triggers:  # an accusation appended below is coded later in this same loop
        for event in _events_for(trig, ctx):
            claim = claimed_accusation(trig, event, ctx)
            if claim is not None:
                # "Ukraine said Russian forces fired at Kharkiv": the attack is only claimed; the claim is the
                # speaker's accusation, unless the speech verb is already an act of its own ("alleged")
                event = event.model_copy(update={"hypothetical": True})
                if claim.token.i not in triggered:
                    triggers.append(claim)
                    triggered.add(claim.token.i)
            events.setdefault(event.id, event)
            by_trigger.setdefault(trig.token.i, []).append(event.id)
            ctx.coded.append(event)
    for count in counts:
        for event_id in _events_counted(count, by_trigger, events, doc):
            events[event_id] = _with_count(events[event_id], count)
    ordered = one_record_per_act(list(events.values()), doc)
    placed = home_places(carry_places(ordered, doc), ctx)
    # the victims' country follows the act's place, else the story's, once the story has placed every act
    scene = story_place(ctx)
    return tuple(e if e.target is None else e.model_copy(update={
        "target": people_of_the_place(e.target, e.place or scene, e.cameo_root)}) for e in placed)


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


def _events_for(trig: Trigger, ctx: Context) -> list[Event]:
    if trig.speaker is not None:
        return _build(trig, ctx, [trig.speaker], True, list(trig.aimed_at), False)
    sources, direct_source = find_sources(trig, ctx)
    supplied: list[ActorMention] = []
    defendants, court = defendant_plea(trig, ctx, sources)  # "Zhukovskyy pleaded not guilty"
    if defendants:
        return _build(trig, ctx, defendants, direct_source, court, False)
    if not sources:
        sources, supplied = implicit_state_agent(trig, ctx)  # "Zhukovskyy was arrested Monday"
        if not sources:
            sources = unidentified_attacker(trig, ctx)
        if not sources:
            sources, supplied = private_violence(trig, ctx)  # "a man stabbed his neighbour"
        if not sources:
            sources = unnamed_protesters(trig, ctx)  # "Protests erupted in Hong Kong"
        direct_source = False
        if not sources:
            return []
    targets, target_via_place = (supplied, False) if supplied else find_targets(trig, ctx, sources)
    return _build(trig, ctx, sources, direct_source, targets, target_via_place)


def _build(trig: Trigger, ctx: Context, sources: list[ActorMention], direct_source: bool,
           targets: list[ActorMention], target_via_place: bool) -> list[Event]:
    """The events of a trigger whose sides are known: one per source and target pair."""
    if trig.demanded_of is not None:
        demanded = [a for subj in subjects_of(trig.demanded_of) for a in slot(subj, ctx)[0] if a.code]
        targets = [t for t in demanded if t.code not in {s.code for s in sources}] or targets
    if trig.promised is not None and not targets:
        targets, target_via_place = find_targets(trig.promised, ctx, sources)  # "agreed to lift its ban on US poultry"
    targets = [t for t in targets if t.code or t.kind in NAMED_UNCODED_KINDS]
    code = ctx.table.get(_peacekeeping_code(trig, sources) or trig.entry.code)
    pairs: list[tuple[ActorMention, ActorMention | None, str]] = []
    if not targets:
        targets = implicit_suspects(trig, ctx, sources) or implicit_victims(trig, ctx, sources) or aid_recipient(
            trig, ctx, sources) or inquiry_addressee(trig, ctx, sources) or impeaching_legislature(trig, ctx, sources)
    targets = known_as_suspects(trig, sources, targets)
    if not targets and code.root == "14":
        targets = [t for t in protested_actors(trig, ctx) if t.code not in {s.code for s in sources}]
        if not targets:
            targets = protested_authority(sources, ctx)
            target_via_place = True
    reciprocal = _reciprocal(trig.token)  # "Johnson and Corbyn attacked each other's policies"
    if targets and not (reciprocal and len({s.code for s in sources}) > 1):
        pairs = [(s, t, "syntax") for s in sources for t in targets]
    elif len({s.code for s in sources}) > 1 and (reciprocal or _mutual(code.code, trig)):
        # One record of the act, from the first named to the next: "Xi and Biden met" is one meeting, not a
        # meeting of Xi with Biden and another of Biden with Xi; five ministers agreeing is one agreement.
        ordered = sorted(sources, key=lambda s: (s.start, s.token))  # "Taliban and US negotiators": the Taliban
        first = ordered[0]
        second: ActorMention | None = next(t for t in ordered if t.code != first.code)
        pairs = [(first, second, "reciprocal")]
    else:
        pairs = [(s, None, "none") for s in sources]
    pairs = _one_per_dyad(pairs)
    date, precision, defaulted = event_date(trig, ctx)
    place, place_how = event_place(trig, ctx)
    main_clause = trig.clause.dep_ == "ROOT" or (trig.clause.dep_ == "conj" and trig.clause.head.dep_ == "ROOT")
    stated = trig.stance in ("refused", "announced")  # the statement of a refusal or intent is the fact
    negated = not stated and is_negated(trig)
    hypothetical = trig.stance == "promised" or (not stated and (is_hypothetical(trig)
                                                                  or after_publication(date, ctx.article.published)))
    sent = trig.token.sent
    sentence = sent.text.rstrip()
    events = []
    for source, target, how in pairs:
        pair_code = ctx.table.get(violence_code(state_protest_code(code.code, trig.token, source), trig.token, source,
                                                 target))
        source = _nation_as_a_side(_acting_state(source, trig, pair_code.code, ctx), pair_code.code, ctx)
        if target is not None:
            target = _nation_as_a_side(target, pair_code.code, ctx)
        if target is not None and not target_via_place and _a_side_not_a_place(target, pair_code.code, how, ctx):
            target = _acting_state(target, trig, pair_code.code, ctx)
        elif target is not None and pair_code.code == _VISIT and _bare_country(target):
            # "an official visit to Prague", "visited Hmeimim airbase": a visit is to the host country's state
            target = target.model_copy(update={"code": target.code + "GOV"})
        plover, mode = ctx.table.plover_of(pair_code.code)
        confidence = 0.4 + (0.1 if trig.entry.specificity else 0.0)
        confidence += (0.2 if direct_source else 0.1) if source.code else 0.0  # an uncoded source adds nothing
        if target is not None:
            confidence += 0.1 if (how == "reciprocal" or target_via_place) else 0.2
        confidence += 0.0 if defaulted else 0.1
        confidence += 0.1 if main_clause else 0.0
        key = f"{ctx.article.id}|{trig.token.idx}|{source.code}|{source.start}|" \
              f"{target.code if target else ''}|{target.start if target else ''}|{pair_code.code}"
        events.append(Event(
            id=hashlib.sha1(key.encode()).hexdigest()[:16],
            date=date, date_precision=precision, date_defaulted=defaulted,
            source=source, target=target,
            cameo=pair_code.code, cameo_root=pair_code.root, cameo_name=pair_code.name,
            plover=plover, plover_mode=mode, quad_class=pair_code.quad_class, goldstein=pair_code.goldstein,
            place=place, place_basis=place_how, negated=negated, hypothetical=hypothetical,
            confidence=round(min(confidence, 1.0), 2),
            evidence=Evidence(sentence=sentence, start=sent.start_char, end=sent.start_char + len(sentence),
                              trigger=trig.token.text, token=trig.token.i),
        ))
    return events


# Roots of force and its show (posture, violence, fighting, mass violence): a country doing them is its military.
_ARMED_ROOTS = frozenset({"15", "18", "19", "20"})
_BLOCKADE = "191"
_JUDICIAL_KILLING = frozenset({"execute", "hang", "behead"})
_VISIT = "042"


# Prepositions whose object is where an act happens or lands ("arrived in Mali", "fired at Gaza").
_PLACE_PREPS = frozenset({"in", "into", "inside", "at", "across", "near", "within", "throughout"})
_LEFT_PREPS = frozenset({"from", "of"})  # "pulled out of Afghanistan"
_WITHDRAWAL = "087"


def _a_side_not_a_place(target: ActorMention, code: str, how: str, ctx: Context) -> bool:
    """Whether a country named as a target is a side of the act, not the ground it happens on: "troops arrived in
    Mali", "forces fired at Gaza", "shelled Syria" or "withdrew from Syria" strike, enter or leave a territory;
    "exchanged fire" with it, or talks, sanctions and accusations, are with its state."""
    token = ctx.doc[target.token] if target.token is not None and 0 <= target.token < len(ctx.doc) else None
    if code[:2] in _ARMED_ROOTS and code != _BLOCKADE and how != "reciprocal":
        # "shot down a US drone", "downed a Turkish helicopter": a state's war machine is its armed forces
        return token is not None and token.dep_ in ("amod", "compound", "nmod") and (
            token.head.lemma_.lower() in _WAR_CRAFT)
    # "withdrew its troops from Syria": a retreat leaves a territory
    preps = _PLACE_PREPS | _LEFT_PREPS if code.startswith(_WITHDRAWAL) else _PLACE_PREPS
    return token is None or not (token.dep_ == "pobj" and token.head.lower_ in preps)


_WAR_CRAFT = word_list("eventwire.events", "war_craft")


def _bare_country(actor: ActorMention) -> bool:
    """A country's name coded with no role block yet ("IRN")."""
    return actor.kind == "country" and len(actor.code) == 3


def _acting_state(actor: ActorMention, trig: Trigger, code: str, ctx: Context) -> ActorMention:
    """A country named as a side of an act is its state: "Germany banned Mahan Air", "blaming Iran" are the German
    and Iranian governments (GOV), as analysts code them, and its armed forces in a use or show of force
    ("Turkey began a military offensive": MIL); a protest a country's name modifies ("Hong Kong
    protests") is its people's (OPP), and a nationality takes the role of what it qualifies ("Iranian airline"
    BUS). A place standing in for its country ("bombed a base in Idlib") keeps the bare country code: no one
    there acted."""
    if not _bare_country(actor) or actor.resolved_from == "place":
        return actor
    root = code[:2]
    # closing a border is the government's, and so is putting the condemned to death ("Saudi Arabia executed 37")
    armed = root in _ARMED_ROOTS and code != _BLOCKADE and trig.token.lemma_.lower() not in _JUDICIAL_KILLING
    role = "OPP" if root == "14" and trig.token.pos_ == "NOUN" else "MIL" if armed else "GOV"
    if actor.resolved_from == "adjective" and actor.token is not None:
        role = role_of(ctx.doc[actor.token].head, ctx.kb) or role
    return actor.model_copy(update={"code": actor.code + role})


def _nation_as_a_side(actor: ActorMention, code: str, ctx: Context) -> ActorMention:
    """"offered the Russians a deal", "warn the Saudis", "told the Ukrainians": a nation named with "the" as a side
    of talk, offers, threats or pressure is its state (GOV), as analysts code it; people of a country in a protest or
    struck by force stay its people ("Palestinians protested", "killed the Palestinians")."""
    if code[:2] in _PEOPLES_ROOTS or not actor.code.endswith("CVL") or actor.token is None or not (
            0 <= actor.token < len(ctx.doc)):
        return actor
    word = ctx.doc[actor.token]
    if plural_demonym(word, ctx.kb) is None or [c.lower_ for c in word.children if c.dep_ != "punct"] != ["the"]:
        return actor
    return actor.model_copy(update={"code": actor.code[:3] + "GOV", "resolved_from": NATION_AS_A_SIDE})


# Roots whose sides are people as much as states: protest, force, violence.
_PEOPLES_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})


def _one_per_dyad(pairs: list[tuple[ActorMention, ActorMention | None, str]]
                  ) -> list[tuple[ActorMention, ActorMention | None, str]]:
    """"charging Angela Martin-Mulu and Edward Bosire with mail fraud": one act on two people coded alike is
    one record of that dyad, not two. Co-subjects coded alike ("Senator Cruz and Representative Rooney
    proposed") are one record too: the gold's rules list one per co-subject, but two identical dyads of one
    act would count it twice in every table an analyst makes from the codes."""
    seen: set[tuple[str, str]] = set()
    out = []
    for source, target, how in pairs:
        key = (source.code, target.code if target is not None else "")
        if source.code and (target is None or target.code) and key in seen:
            continue
        seen.add(key)
        out.append((source, target, how))
    return out


# Troop movements that are peacekeeping, not a visit or a build-up: "British troops arrived in Mali to join
# the UN peacekeeping mission", "Britain is deploying 300 troops to the peacekeeping mission".
_TROOP_MOVEMENT_CODES = frozenset({"042", "043", "154"})
_PEACEKEEPING_WORDS = word_list("eventwire.events", "peacekeeping_word")
_PEACEKEEPING = "074"


def _peacekeeping_code(trig: Trigger, sources: list[ActorMention]) -> str | None:
    if trig.entry.code not in _TROOP_MOVEMENT_CODES:
        return None
    military = any(s.code.endswith("MIL") or s.kind == "military" for s in sources) or trig.entry.code == "154"
    if military and any(t.lemma_.lower() in _PEACEKEEPING_WORDS or t.lower_ in _PEACEKEEPING_WORDS
                        for t in trig.token.sent):
        return _PEACEKEEPING
    return None
