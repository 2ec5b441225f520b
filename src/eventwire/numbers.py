"""Stage 6b: casualty and detention counts, and troop and equipment numbers.

A count is read from the noun phrase a casualty word governs: the object of "killed", the passive
subject of "were wounded", the subject of "died", the head of "12 dead", the object of "death toll
rose to". Quantities follow ACLED's conservative rule: a number, "at least N", "more than N" and
"about N" give N; vague words give a documented range (see VAGUE); `count_min` is the figure to add up.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from eventwire.model import CountMention
from eventwire.syntax import predicate_subject

# Casualty words by category (lemmas; adjectives and nouns included).
CATEGORIES: dict[str, str] = {
    "kill": "fatalities", "die": "fatalities", "dead": "fatalities", "death": "fatalities",
    "fatality": "fatalities", "massacre": "fatalities", "execute": "fatalities", "behead": "fatalities",
    "injure": "injured", "wound": "injured", "hurt": "injured", "injured": "injured", "wounded": "injured",
    "injury": "injured", "missing": "missing",
    "abduct": "abducted", "kidnap": "abducted", "abduction": "abducted",
    "arrest": "arrested", "detain": "arrested", "arrested": "arrested", "detained": "arrested",
    "displace": "displaced", "displaced": "displaced", "flee": "displaced", "evacuate": "displaced",
    "body": "fatalities", "lose": "fatalities",
}
# Words that report a state of the counted people ("27 dead", "40 missing", "14 injured").
_STATE_WORDS = frozenset({"dead", "injured", "wounded", "missing", "displaced", "hurt"})
# (min, max) for quantities without a number.
VAGUE: dict[str, tuple[int, int]] = {
    "dozen": (12, 12), "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
    "thousands": (2000, 9999), "tens of thousands": (20000, 99999), "several": (3, 9), "a few": (2, 4),
    "few": (2, 4), "many": (2, 99), "some": (2, 9), "couple": (2, 2), "a couple": (2, 2),
}
_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
VICTIMS: dict[str, str] = {
    "civilian": "civilians", "villager": "civilians", "resident": "civilians", "worshipper": "civilians",
    "passenger": "civilians", "farmer": "civilians", "woman": "civilians", "man": "people",
    "soldier": "soldiers", "troop": "soldiers", "serviceman": "soldiers", "servicemen": "soldiers",
    "marine": "soldiers", "sailor": "soldiers", "officer": "police", "police": "police",
    "policeman": "police", "policemen": "police", "militant": "militants", "fighter": "militants",
    "insurgent": "militants", "rebel": "militants", "gunman": "militants", "gunmen": "militants",
    "jihadist": "militants", "terrorist": "militants", "attacker": "militants", "protester": "protesters",
    "protestor": "protesters", "demonstrator": "protesters", "journalist": "journalists",
    "reporter": "journalists", "child": "children", "children": "children", "student": "civilians",
    "person": "people", "people": "people", "migrant": "civilians", "refugee": "civilians",
}
FORCE_NOUNS = frozenset({"troop", "soldier", "tank", "jet", "warplane", "aircraft", "helicopter", "ship",
                         "warship", "drone", "missile", "rocket", "vehicle", "personnel", "marine"})
_BOUND_WORDS = {"at least", "more than", "over", "about", "around", "some", "nearly", "almost", "roughly",
                "up to", "as many as", "approximately"}


def parse_quantity(tokens: list[Token]) -> tuple[int, int] | None:
    """(min, max) of a quantity phrase's tokens: "at least 12", "more than 1,000", "dozens", "two"."""
    words = [t.lower_ for t in tokens]
    text = " ".join(words)
    has_number = any(w.replace(",", "").isdigit() or (w in _WORD_NUMBERS and w not in ("a", "an")) for w in words)
    if not has_number:  # "some 20,000" is a number; "some" alone is vague
        for phrase, bounds in sorted(VAGUE.items(), key=lambda kv: -len(kv[0])):
            if re.search(rf"\b{phrase}\b", text):
                return bounds
    total: int | None = None
    for t in tokens:
        w = t.lower_.replace(",", "")
        if w.isdigit():
            total = int(w) if total is None else total * int(w) if int(w) in _SCALE.values() else int(w)
        elif w in _SCALE and total is not None:
            total *= _SCALE[w]
        elif w in _WORD_NUMBERS and w not in ("a", "an"):
            total = _WORD_NUMBERS[w] if total is None else total + _WORD_NUMBERS[w]
    if total is None:
        if words and words[0] in ("a", "an", "one"):
            return (1, 1)
        return None
    if "up to" in text or "as many as" in text:
        return (1, total)
    if re.search(r"\b(nearly|almost)\b", text):
        return (max(1, total - total // 10), total)
    return (total, total)


def _is_quantity_head(noun: Token) -> bool:
    """The noun is itself the number: "killing 12", "dozens of people", "hundreds"."""
    return noun.pos_ == "NUM" or noun.lower_ in VAGUE or noun.lemma_.lower() in ("dozen", "score", "hundred",
                                                                                "thousand")


def _quantity_tokens(noun: Token) -> list[Token]:
    """Tokens quantifying a noun: nummod and its modifiers ("at least 12 people"), a determiner
    ("a soldier"), or the noun itself when it is the number ("killing 12", "dozens of people")."""
    out: list[Token] = []
    for child in noun.children:
        if child.dep_ in ("nummod", "quantmod") or (child.dep_ == "det" and child.lower_ in ("a", "an", "one")):
            out.extend(sorted(child.subtree, key=lambda t: t.i))
        if child.dep_ == "amod" and child.lower_ in VAGUE:
            out.append(child)
    if _is_quantity_head(noun):
        out.extend(sorted(noun.subtree, key=lambda t: t.i)[: noun.i - noun.left_edge.i + 1])
    return out


def _counted(noun: Token) -> tuple[Token, tuple[int, int]] | None:
    """(the victims' noun, (min, max)) for a noun phrase, looking through "dozens of civilians"."""
    quantity = _quantity_tokens(noun)
    victim = noun
    if _is_quantity_head(noun):
        of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        victim = next((o for p in of for o in p.children if o.dep_ == "pobj"), noun)
    bounds = parse_quantity(quantity) if quantity else None
    if bounds is None:
        return None
    return victim, bounds


def _victim_kind(noun: Token) -> str:
    return VICTIMS.get(noun.lemma_.lower(), VICTIMS.get(noun.lower_, "people"))


def _count_phrase_for(trigger: Token) -> Token | None:
    """The noun phrase whose size the casualty word reports."""
    lemma = trigger.lemma_.lower()
    if lemma == "body":
        return trigger if any(c.dep_ == "nummod" for c in trigger.children) else None  # "eight bodies"
    if lemma == "lose":  # "losing one soldier", not "lost the vote"
        obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
        return obj if obj is not None and obj.lemma_.lower() in VICTIMS else None
    if trigger.lower_ in _STATE_WORDS and trigger.pos_ == "VERB" and not any(
            c.dep_ in ("nsubjpass", "dobj") for c in trigger.children):
        return predicate_subject(trigger)
    if trigger.pos_ == "VERB":
        passive = [c for c in trigger.children if c.dep_ == "nsubjpass"]
        if passive:
            return passive[0]
        if lemma in ("die", "flee"):
            return next((c for c in trigger.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
        if trigger.dep_ in ("acl", "relcl") and trigger.tag_ == "VBN":
            return trigger.head  # "12 people killed in the attack"
        return None
    if trigger.pos_ in ("ADJ", "NOUN") and lemma in ("dead", "injured", "wounded", "missing", "displaced"):
        if trigger.dep_ == "amod":
            return trigger.head  # "12 wounded soldiers"
        if trigger.dep_ in ("acomp", "oprd"):
            return next((c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return trigger  # "12 dead", "the dead numbered 40"
    if lemma in ("death", "fatality", "injury"):
        # "the death toll rose to 45", "45 deaths"
        if any(c.dep_ == "nummod" for c in trigger.children):
            return trigger
        toll = trigger.head if trigger.dep_ == "compound" else trigger
        verb = toll.head
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "at"):
                return next((o for o in prep.children if o.dep_ == "pobj"), None)
        return next((c for c in verb.children if c.dep_ in ("attr", "dobj")), None) if verb != toll else None
    return None


def _number_before(trigger: Token) -> list[Token]:
    """Quantity tokens just left of a state word, when the parse hangs them elsewhere: "left 27 dead
    and 40 missing", "three were killed and 14 injured", "over 50 people dead"."""
    doc = trigger.doc
    i = trigger.i - 1
    if i >= 0 and doc[i].lemma_.lower() in VICTIMS:
        i -= 1
    tokens: list[Token] = []
    while i >= 0 and (doc[i].like_num or doc[i].lower_ in ("over", "more", "than", "at", "least", "about",
                                                             "some", "nearly", "almost", "around", "up", "to")
                      or doc[i].lower_ in VAGUE):
        tokens.insert(0, doc[i])
        i -= 1
    return tokens if any(t.like_num or t.lower_ in VAGUE for t in tokens) else []


def extract_counts(doc: Doc) -> tuple[CountMention, ...]:
    out: list[CountMention] = []
    for token in doc:
        category = CATEGORIES.get(token.lemma_.lower()) or CATEGORIES.get(token.lower_)
        if category is None:
            continue
        phrase = _count_phrase_for(token)
        counted = _counted(phrase) if phrase is not None else None
        if counted is None and token.lower_ in _STATE_WORDS | {"killed", "injured", "wounded"}:
            before = _number_before(token)
            bounds = parse_quantity(before) if before else None
            if bounds is not None:
                victim_token = doc[token.i - 1] if doc[token.i - 1].lemma_.lower() in VICTIMS else token
                counted, phrase = (victim_token, bounds), before[0]
        if counted is None or phrase is None:
            continue
        victim, (low, high) = counted
        if any(c.category == category and c.start <= phrase.idx < c.end for c in out):
            continue
        span_tokens = sorted({*phrase.subtree, token} if phrase.i >= token.i or phrase.head != phrase
                             else {phrase, token}, key=lambda t: t.i)
        span_tokens = [t for t in doc[min(t.i for t in span_tokens): max(t.i for t in span_tokens) + 1]]
        left, right = span_tokens[0], span_tokens[-1]
        out.append(CountMention(
            category=category, count_min=low, count_max=high, victims=_victim_kind(victim),
            text=doc.text[left.idx: right.idx + len(right.text)], start=left.idx, end=right.idx + len(right.text),
            trigger=token.text, token=token.i,
        ))
    return tuple(out)


def extract_forces(doc: Doc, casualties: tuple[CountMention, ...] = ()) -> tuple[CountMention, ...]:
    """Troop and equipment numbers: "withdraw 2,000 troops", "deployed 40 tanks" (not soldiers counted
    as casualties)."""
    out: list[CountMention] = []
    for token in doc:
        if token.lemma_.lower() not in FORCE_NOUNS or token.pos_ != "NOUN":
            continue
        if any(c.start <= token.idx < c.end for c in casualties):
            continue
        counted = _counted(token)
        if counted is None or not any(c.dep_ == "nummod" for c in token.children):
            continue
        _, (low, high) = counted
        head = token.head if token.head.pos_ == "VERB" else token
        left = min(t.i for t in token.subtree)
        out.append(CountMention(
            category="forces", count_min=low, count_max=high, victims=token.lemma_.lower(),
            text=doc[left: token.i + 1].text, start=doc[left].idx, end=token.idx + len(token.text),
            trigger=head.text, token=head.i,
        ))
    return tuple(out)
