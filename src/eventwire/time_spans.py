"""Which spans of a parse are time expressions.

The model's DATE entities, its TIME entities that name a day or a clock time, clock numbers it reads as
counts ("0040 UTC") and holidays it reads as events; mended where the model cut an expression short
("Memorial Day, Monday, May 25" tagged "Monday"; "15 years ago today" tagged "15 years ago"; "This year's
count" tagged "year"); and day words the model did not tag at all ("the armed robbery Friday", "later
Thursday", "“Today I am with him”", "a meeting that day").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from eventwire.dateparse import MONTHS
from eventwire.holidays import find_holiday

CLOCK = re.compile(r"\b(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)|\d{1,2}:\d\d|[0-2]\d[0-5]\d\s*(?:UTC|GMT|Z)\b)", re.I)
_WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_DAY_PART = re.compile(r"\b(morning|afternoon|evening|night|tonight|overnight|today|yesterday)\b", re.I)
_WEEKDAY_NAMES = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Day words the model sometimes leaves untagged. Weekday names only capitalised ("Friday", not a name's
# lowercase word); "that day" and its kin are counted from the day the story last named.
_UNTAGGED_DAY = re.compile(
    rf"(?:\b(?i:later|earlier|early|late|last|next|this|on)\s+)?\b{_WEEKDAY_NAMES}\b"
    r"|\b(?i:today|yesterday|tomorrow|tonight)\b"
    r"|\b(?i:that|the same|the previous|the next|the following)\s+(?i:day)\b")
_MONTH_DAY_AFTER = re.compile(r"^,\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+[0-3]?\d\b", re.I)
_AGO = re.compile(r"\bago$", re.I)


@dataclass(frozen=True)
class TimeSpan:
    span: Span
    clock: bool  # a number the model read as a count that is a clock time


def time_spans(doc: Doc) -> list[TimeSpan]:
    """Every span of the parse that names a time, in text order."""
    out: list[TimeSpan] = []
    for ent in doc.ents:
        timed = ent.label_ == "TIME" and (_DAY_PART.search(ent.text) or CLOCK.search(ent.text)
                                          or _WEEKDAY.search(ent.text))
        clock = ent.label_ == "CARDINAL" and _is_clock_number(ent)
        if _an_age(ent):
            continue
        if ent.label_ == "DATE" or timed or clock or (ent.label_ == "EVENT" and find_holiday(ent.text) is not None):
            out.append(TimeSpan(_mended(ent), clock))
    out.extend(TimeSpan(span, False) for span in _untagged_days(doc, out))
    return sorted(out, key=lambda t: t.span.start)


def _an_age(ent: Span) -> bool:
    """A bare number set off by commas after a name ("Krystal Hall, 19, of Gaston") is the person's age, which
    the model often tags as a date."""
    doc = ent.doc
    return ent.text.isdigit() and len(ent.text) <= 3 and ent.start > 0 and doc[ent.start - 1].text == "," \
        and ent.end < len(doc) and doc[ent.end].text == ","


def _mended(ent: Span) -> Span:
    """An entity the model cut short, made whole: a day followed by its calendar date ("Monday, May 25",
    "today, March 31"), "N years ago" followed by "today", a bare "year" after "this", "last" or "next"."""
    doc = ent.doc
    start, end = ent.start, ent.end
    after = doc.text[ent.end_char: ent.end_char + 20]
    if (_WEEKDAY.fullmatch(ent.text) or ent.text.lower() in ("today", "tomorrow", "yesterday")) \
            and (m := _MONTH_DAY_AFTER.match(after)) is not None:
        span = doc.char_span(ent.start_char, ent.end_char + m.end(), alignment_mode="expand")
        if span is not None:
            start, end = span.start, span.end
    if _AGO.search(ent.text) and end < len(doc) and doc[end].lower_ == "today":
        end += 1
    if ent.text.lower() in ("year", "week", "month") and start > 0 \
            and doc[start - 1].lower_ in ("this", "last", "next"):
        start -= 1
    return doc[start:end]


def _untagged_days(doc: Doc, tagged: list[TimeSpan]) -> list[Span]:
    """Day words no entity covers, outside other names ("Friday" of "Black Friday Sale" is a name's)."""
    out = []
    for m in _UNTAGGED_DAY.finditer(doc.text):
        if any(t.span.start_char < m.end() and m.start() < t.span.end_char for t in tagged):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or any(t.ent_type_ for t in span) or _inside_a_name(span):
            continue
        out.append(span)
    return out


def _inside_a_name(span: Span) -> bool:
    """A capitalised word beside the day word makes it part of a name ("Black Friday Sale", "Good Friday
    Agreement"), unless it opens the sentence or is itself a date word."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return any(t is not None and t.is_title and t.pos_ != "PRON" and not t.is_sent_start
               and not _WEEKDAY.fullmatch(t.text) and t.lower_ not in MONTHS for t in (before, after))


def _is_clock_number(ent: Span) -> bool:
    """A number the model reads as a count that is a clock time: "0040 UTC", "about 13:40 local time"."""
    nxt = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    zoned = nxt in ("utc", "gmt", "local", "z") and re.fullmatch(r"(?:about\s+|around\s+)?[0-2]\d[0-5]\d|"
                                                                  r"(?:about\s+|around\s+)?\d{1,2}:\d\d", ent.text)
    return bool(zoned) or bool(re.fullmatch(r"(?:about\s+|around\s+)?\d{1,2}:\d\d", ent.text) and
                               ent.start > 0 and ent.doc[ent.start - 1].lower_ == "at")
