"""One record per act: the same act found twice in an article is emitted once.

Two triggers of one act in one sentence ("opened fire, killing two"), an untargeted twin of a targeted event,
a protest told in several sentences, and an act told again (the headline and the story, a suspect described and
then named).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from eventwire.events.attacks import TOLD_BEFORE
from eventwire.events.codes import VIOLENCE_ROOTS
from eventwire.events.fallen import one_act_with_its_fallen
from eventwire.events.senses import PERSON_NOUNS
from eventwire.model import ActorMention, Event, PlaceMention


def one_record_per_act(events: list[Event], doc: Doc) -> list[Event]:
    """The article's events, in text order, with every act's repeats left out."""
    events = _attacks_told_by_their_harm(one_act_with_its_fallen(events, doc), doc)
    ordered = sorted(_without_governing_twins(_without_targetless_twins(events), doc),
                     key=lambda e: (e.evidence.start, e.evidence.token, e.id))
    return _one_record_per_act_told_twice(_one_protest_per_place(_one_per_act(_retold_attacks(ordered), doc)), doc)


def _retold_attacks(events: list[Event]) -> list[Event]:
    """"A suicide bomber blew himself up at a wedding. The explosion killed 63 people": the attack told again by its
    toll (its source found as the author of the attack told before) is one record, the first telling's, which
    takes the toll and the victims it lacked. A retelling that names other victims than the first stays its own."""
    kept: list[Event] = []
    for event in events:
        first = next((k for k in reversed(kept) if event.source.resolved_from == TOLD_BEFORE
                      and k.cameo_root in VIOLENCE_ROOTS and k.source.code == event.source.code
                      and k.evidence.start < event.evidence.start and k.hypothetical == event.hypothetical
                      and _same_or_vaguer(k.target, event.target)), None)
        if first is None or event.cameo_root not in VIOLENCE_ROOTS:
            kept.append(event)
            continue
        named = first.target if first.target is not None and first.target.kind != "country" else None
        kept[kept.index(first)] = first.model_copy(update={
            "target": named or event.target or first.target, "fatalities": first.fatalities or event.fatalities,
            "casualties": first.casualties or event.casualties, "place": first.place or event.place,
            "confidence": max(first.confidence, event.confidence)})
    return kept


def _attacks_told_by_their_harm(events: list[Event], doc: Doc) -> list[Event]:
    """"An air strike by Saudi jets killed 20 people", "a suicide bombing by the Taliban killed 12 soldiers": the
    attack named as the subject and the harm it did are one act. It is recorded once, coded as the attack (the
    means: an air strike 195, a suicide bombing 1831) with the harmed as its target and their count."""
    merged: dict[str, Event] = {}
    dropped: set[str] = set()
    for harm in events:
        if harm.target is None or not harm.source.code or not 0 <= harm.evidence.token < len(doc):
            continue
        subjects = {c.i for c in doc[harm.evidence.token].children if c.dep_ in ("nsubj", "nsubjpass")}
        attack = next((a for a in events if a.target is None and a.evidence.token in subjects and a.id not in merged
                       and a.source.code == harm.source.code and a.hypothetical == harm.hypothetical
                       and a.cameo_root in VIOLENCE_ROOTS), None)
        if attack is not None and harm.cameo_root in VIOLENCE_ROOTS:
            merged[attack.id] = attack.model_copy(update={
                "target": harm.target, "fatalities": harm.fatalities, "casualties": harm.casualties})
            dropped.add(harm.id)
    return [merged.get(e.id, e) for e in events if e.id not in dropped]


def _same_or_vaguer(first: ActorMention | None, again: ActorMention | None) -> bool:
    """Whether a side told first is the one told again, or vaguer: none, or only its country ("attacked a
    checkpoint in Sinai" then "killed five Egyptian soldiers")."""
    return first is None or _code(first) == _code(again) or (
        first.kind == "country" and again is not None and again.country == first.country)


def _without_targetless_twins(events: list[Event]) -> list[Event]:
    """"ISWAP fighters attacked a base ..., killing seven soldiers": the attack without a target and the
    killing of the soldiers are one act; an event with no target is dropped when the same sentence has
    one of the same root from the same source with a target (a place's country is none for violence)."""
    # "fired teargas to break up protests": a twin only if it happened as this one did, not merely aimed at
    targeted = {(e.evidence.start, e.source.code, e.source.start, e.cameo_root, e.hypothetical)
                for e in events if _targets(e)}
    return [e for e in events if _targets(e) or
            (e.evidence.start, e.source.code, e.source.start, e.cameo_root, e.hypothetical) not in targeted]


def _only_where(target: ActorMention) -> bool:
    """A target that is only the country a place in the object lies in ("attacked a checkpoint in Kunduz"): no
    better than none beside a twin that names whom the act hit ("..., killing seven soldiers")."""
    return target.kind == "country" and target.resolved_from == "place"


def _targets(event: Event) -> bool:
    """Whether an event names whom it hit: a place's country counts only outside violence ("blocked Rustaveli
    Avenue" keeps its obstruction beside the protest)."""
    return event.target is not None and not (event.cameo_root in VIOLENCE_ROOTS and _only_where(event.target))


def _without_governing_twins(events: list[Event], doc: Doc) -> list[Event]:
    """"Iran refused to meet Trump": the refusal to meet (125, at "meet") is the act; the bare refusal at the
    verb governing it, with the same source, target and root, is the same act again."""
    def governs_twin(event: Event) -> bool:
        return any(0 <= k.evidence.token < len(doc) and doc[k.evidence.token].dep_ == "xcomp"
                   and doc[k.evidence.token].head.i == event.evidence.token and k.source.start == event.source.start
                   and _code(k.target) == _code(event.target) and k.cameo_root == event.cameo_root
                   # "agreed to offer aid": the offer is only promised, the agreement is the act
                   and (k.hypothetical, k.negated, k.date) == (event.hypothetical, event.negated, event.date)
                   for k in events)
    return [e for e in events if not governs_twin(e)]


def _one_per_act(events: list[Event], doc: Doc) -> list[Event]:
    """Two triggers of one act in one sentence ("denounced the crime, calling it irresponsible", "opened fire,
    killing two", "shot and killed two officers"): a participle, or a verb joined with no subject of its own, that
    goes with a trigger and repeats its act (same source mention, target, root and day) is not a second record: an
    attack that "killed five and wounded 110" is one; other acts joined are one only on the very same target
    mention, so "arrested and charged him" and "arrested two men and detained a woman" stay two."""
    kept: list[Event] = []
    for event in events:
        token = doc[event.evidence.token] if 0 <= event.evidence.token < len(doc) else None
        if token is None:
            kept.append(event)
            continue
        same = next((i for i, k in enumerate(kept) if k.evidence.token == token.head.i
                     and k.source.start == event.source.start and _code(k.target) == _code(event.target)
                     and k.cameo_root == event.cameo_root and k.date == event.date), None)
        if same is not None and token.dep_ in ("advcl", "xcomp", "acl") and token.tag_ in ("VBG", "VBN"):
            continue
        if same is not None and _joined_verb_of_one_act(token, event, kept[same]):
            # "shot and killed two officers": two verbs of one act on the one object; the more specific code stands
            if len(event.cameo) > len(kept[same].cameo):
                kept[same] = event
            continue
        kept.append(event)
    return kept


def _joined_verb_of_one_act(token: Token, event: Event, first: Event) -> bool:
    """A verb joined to `first`'s with no subject of its own, on the same target mention, or on the same side for
    violence (the dead and the wounded of one attack)."""
    if token.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    if event.target is None or first.target is None:
        return False
    return event.cameo_root in VIOLENCE_ROOTS or first.target.start == event.target.start


def _one_protest_per_place(events: list[Event]) -> list[Event]:
    """A protest is told in several sentences ("thousands of teachers surrounded the Statehouse ...", "teachers
    chanted ...", "the rally was the biggest ..."): one record per target, day and place, the first told; a
    sentence that gives no date of its own tells the same day."""
    kept: list[Event] = []
    for event in events:
        if event.cameo_root == "14" and any(
                k.cameo_root == "14" and _code(k.target) == _code(event.target) and k.hypothetical == event.hypothetical
                and (k.date == event.date or k.date_defaulted or event.date_defaulted)
                and (k.place is None or event.place is None or _within(k.place, event.place)) for k in kept):
            continue
        kept.append(event)
    return kept


def _within(a: PlaceMention, b: PlaceMention) -> bool:
    """The same place, or a city and the state or province it lies in ("in Indianapolis", "Indiana's biggest
    protest")."""
    return a.name == b.name or (a.country == b.country and (
        (b.feature == "admin1" and a.admin1 == b.name) or (a.feature == "admin1" and b.admin1 == a.name)))


def _one_record_per_act_told_twice(events: list[Event], doc: Doc) -> list[Event]:
    """An act told again ("Avoyelles task force arrests 14" in the headline, "officers ... arrested 14" in
    the story): the same word for the same act by the same actor on the same side, on the same day and in
    one place (or a place told once), is one record: the one the coder is surest of (the first when equal)."""
    kept: list[Event] = []
    for event in events:
        twin = next((i for i, k in enumerate(kept) if event.source.code and _told_twice(k, event, doc)), None)
        if twin is None:
            kept.append(event)
        elif event.confidence > kept[twin].confidence:
            kept[twin] = event
    return sorted(kept, key=lambda e: (e.evidence.start, e.id))


def _told_twice(a: Event, b: Event, doc: Doc) -> bool:
    if (a.source.code, _code(a.target), a.cameo, a.date, a.negated, a.hypothetical) != (
            b.source.code, _code(b.target), b.cameo, b.date, b.negated, b.hypothetical):
        return False
    if a.place is not None and b.place is not None and a.place.name != b.place.name:
        return False
    # Two people coded alike ("Representatives Engel and Schiff") or two people arrested are two acts:
    # the actors must be named by the same last word, and the act by the same word.
    if TOLD_BEFORE in (a.source.resolved_from, b.source.resolved_from):
        return True  # "Five soldiers were killed in the attack": the attack told before, told again by its toll
    if _lemma(a, doc) != _lemma(b, doc):
        return False
    if _last_word(a.source) == _last_word(b.source) and _last_word(a.target) == _last_word(b.target):
        return True
    if a.target is None and _one_body(a.source, b.source):
        return True  # "Connecticut lawmakers consider ..." in the headline, "Connecticut legislators are considering"
    if a.target is not None and b.target is not None and a.target.kb_id and a.target.kb_id == b.target.kb_id \
            and _legal_act(a):
        return True  # "Conner was charged ..." then "He was charged with kidnapping": one person, one charge
    # "A Kansas City man was charged Monday ..." then "Issac Fisher, 26, was charged ...": a legal act on a suspect
    # told once of someone described and once of someone named is one act (the state body may be named once);
    # "arrested three" and "arrested one person" are two.
    return (_legal_act(a) and _code(a.target).endswith("CRM")
            and (_last_word(a.source) == _last_word(b.source) or not a.source.text or not b.source.text)
            and ((_described_person(a.target, doc) and _named_person(b.target, doc))
                 or (_named_person(a.target, doc) and _described_person(b.target, doc))))


def _one_body(a: ActorMention, b: ActorMention) -> bool:
    """Two descriptions of the same code that name a body or a group, not people one by one: "lawmakers" and
    "legislators" are one legislature; two people coded alike are not one."""
    return bool(a.code) and a.code == b.code and a.kind != "person" and b.kind != "person" and (
        a.resolved_from in _DESCRIBED and b.resolved_from in _DESCRIBED)


_DESCRIBED = frozenset({"context", "owner", "description"})


def _named_person(actor: ActorMention | None, doc: Doc) -> bool:
    return actor is not None and 0 <= actor.token < len(doc) and doc[actor.token].pos_ == "PROPN"


_LEGAL_ROOT, _LEGAL_CODES = "17", frozenset({"116", "1121"})  # arrests and coercion; verdicts; criminal charges


def _legal_act(event: Event) -> bool:
    return event.cameo_root == _LEGAL_ROOT or event.cameo in _LEGAL_CODES


def _described_person(actor: ActorMention | None, doc: Doc) -> bool:
    """A person told by a description ("a 24-year-old Elkhart man"), not by name; a pronoun may be someone else
    in a round-up of cases."""
    if actor is None or not 0 <= actor.token < len(doc):
        return False
    head = doc[actor.token]
    return head.lemma_.lower() in PERSON_NOUNS


def _lemma(event: Event, doc: Doc) -> str:
    token = event.evidence.token
    return doc[token].lemma_.lower() if 0 <= token < len(doc) else event.evidence.trigger.lower()


def _last_word(actor: ActorMention | None) -> str:
    words = actor.text.lower().split() if actor is not None else []
    # "Trump's" is Trump; "activists" stays plural: one activist and nine activists are two acts
    return re.sub(r"['’]s?$", "", words[-1].strip(".,")) if words else ""


def _code(actor: ActorMention | None) -> str:
    return actor.code if actor is not None else ""
