"""Stage 5a: temporal expressions, normalized against the publication date.

Values are ISO 8601 at the precision the text gives: "2017-12-11" (day), "2017-W49" (week),
"2017-11" (month), "2015" (year). Relative expressions ("on Monday", "last month", "two weeks ago")
need the publication date; without it they stay unresolved and say why. A year missing from
"November 21" is taken from the publication date and the tense of the governing verb.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from eventwire.dateparse import MONTHS, find_full_date, month_number
from eventwire.model import TimeMention

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_LEAD_PREPS = {"on", "in", "since", "by", "until", "till", "from", "before", "after", "during", "through"}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(rf"\b(?P<month>{_MONTH_RE})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b", re.I)
_DAY_MONTH = re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_RE})\b", re.I)
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH_RE})\.?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_MONTH_ONLY = re.compile(rf"\b(?P<month>{_MONTH_RE})\b", re.I)
_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d\d)\b")
_AGO = re.compile(r"\b(?P<n>\d+|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                  r"twelve)\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)
_AHEAD = re.compile(r"(?:\bin\s+(?P<n>\d+|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
                    r"eleven|twelve)\s+(?P<unit>day|week|month|year)s?\b(?!\s+ago))"
                    r"|(?:\b(?P<n2>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit2>day|week|month|"
                    r"year)s?\s+from\s+now\b)", re.I)
_DAY_PART = re.compile(r"\b(morning|afternoon|evening|night|tonight|overnight|today|yesterday)\b", re.I)
# Verbs whose to-infinitive is a planned, future act: "is expected to vote on Wednesday".
_FUTURE_HEADS = frozenset({"expect", "plan", "schedule", "due", "set", "intend", "prepare", "aim", "hope",
                           "going", "seek", "want", "vow", "pledge", "promise", "threaten"})
_RELATIVE_UNIT = re.compile(r"\b(?P<which>last|next|this|past|coming)\s+(?P<unit>week|month|year)\b", re.I)


def extract_times(doc: Doc, published: str | None) -> tuple[TimeMention, ...]:
    """Every DATE expression in the parse, normalized against `published` (YYYY-MM-DD or None)."""
    pub = date.fromisoformat(published) if published else None
    out: list[TimeMention] = []
    for ent in doc.ents:
        if ent.label_ != "DATE" and not (ent.label_ == "TIME" and _DAY_PART.search(ent.text)):
            continue
        span = _with_preposition(ent)
        value, precision, note = normalize(ent.text, pub, tense_of(ent.root))
        out.append(TimeMention(text=span.text, value=value, precision=precision, start=span.start_char,
                               end=span.end_char, note=note, token=ent.root.i))
    return tuple(out)


def _with_preposition(ent: Span) -> Span:
    """Include a leading preposition and a time-of-day qualifier: "late on Tuesday", "early on Monday"."""
    start = ent.start
    if start > 0 and ent.doc[start - 1].lower_ in _LEAD_PREPS:
        start -= 1
    if start > 0 and ent.doc[start - 1].lower_ in ("late", "early", "later", "earlier", "overnight"):
        start -= 1
    return ent.doc[start: ent.end]


def tense_of(token: Token) -> str:
    """'future', 'past' or 'present' for the clause governing `token` (news default: past)."""
    verb: Token | None = token
    while verb is not None and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head if verb.head != verb else None
    if verb is None:
        return "past"
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "shall", "'ll"} or verb.lower_ in ("will",):
        return "future"
    if verb.tag_ == "VB" and "to" in aux and verb.head.lemma_.lower() in _FUTURE_HEADS:
        return "future"
    if any(c.lower_ == "going" for c in verb.children) or ({"is", "are", "am"} & aux and verb.tag_ == "VBG"):
        return "future"
    if verb.tag_ in ("VBD", "VBN") or aux & {"had", "has", "have", "did", "was", "were"}:
        return "past"
    return "present"


_RANGE = re.compile(r"^(?:from|between)?\s*(?P<a>.+?)\s*(?:\bto\b|\band\b|\buntil\b|\bthrough\b|[-–—])\s*"
                    r"(?P<b>[^-–—]+)$", re.I)


def normalize(text: str, pub: date | None, tense: str = "past") -> tuple[str | None, str, str | None]:
    """(value, precision, note) for one temporal expression; a range ("March 3 to 5", "between 2011
    and 2013") gives an ISO 8601 interval "start/end" at the precision of its ends."""
    ranged = _normalize_range(text, pub, tense)
    if ranged is not None:
        return ranged
    return _normalize_point(text, pub, tense)


def _normalize_range(text: str, pub: date | None, tense: str) -> tuple[str | None, str, str | None] | None:
    m = _RANGE.match(text.strip())
    full = find_full_date(text.strip())
    if not m or (full is not None and full[2] - full[1] == len(text.strip())):
        return None  # "2017-12-11" is a date, not a range of "2017" to "12-11"
    first, second = m.group("a"), m.group("b")
    start = _normalize_point(first, pub, tense)
    if start[0] is None:
        return None
    # "March 3 to 5": the end borrows the start's month (and year) when it names only a day.
    if second.strip().isdigit() and len(second.strip()) <= 2 and start[1] == "day":
        end_value: str | None = start[0][:8] + f"{int(second):02d}"
    else:
        if re.fullmatch(r"\d{4}", first.strip()) is None and re.search(r"\d{4}", second) is None and start[0]:
            second = f"{second} {start[0][:4]}" if start[1] != "year" else second
        end_value = _normalize_point(second, pub, tense)[0]
    if end_value is None or end_value < start[0]:
        return None
    return f"{start[0]}/{end_value}", start[1], "range"


def _normalize_point(text: str, pub: date | None, tense: str) -> tuple[str | None, str, str | None]:
    low = text.lower().strip()
    full = find_full_date(text)
    if full:
        return full[0].isoformat(), "day", None
    m = _MONTH_YEAR.search(low)
    if m:
        return f"{int(m.group('year')):04d}-{month_number(m.group('month')):02d}", "month", None
    m = _MONTH_DAY.search(low) or _DAY_MONTH.search(low)
    if m:
        month, day = month_number(m.group("month")), int(m.group("day"))
        if month is None:
            return None, "unresolved", "unknown month"
        if pub is None:
            return None, "unresolved", "year not stated and no publication date"
        resolved = _infer_year(month, day, pub, tense)
        if resolved is None:
            return None, "unresolved", "not a calendar date"
        return resolved.isoformat(), "day", None
    weekday = next((i for i, name in enumerate(WEEKDAYS) if re.search(rf"\b{name}\b", low)), None)
    if weekday is not None:
        if pub is None:
            return None, "unresolved", "weekday without a publication date"
        return _resolve_weekday(weekday, low, pub, tense).isoformat(), "day", None
    relative = _relative_day(low, pub)
    if relative is not None:
        return relative
    m = _AHEAD.search(low)
    if m:
        if pub is None:
            return None, "unresolved", "relative date without a publication date"
        count, unit = m.group("n") or m.group("n2"), m.group("unit") or m.group("unit2")
        n = int(count) if count.isdigit() else _NUMBER_WORDS[count.lower()]
        return _shift(pub, unit.lower(), n)
    m = _AGO.search(low)
    if m:
        if pub is None:
            return None, "unresolved", "relative date without a publication date"
        n = int(m.group("n")) if m.group("n").isdigit() else _NUMBER_WORDS[m.group("n").lower()]
        return _shift(pub, m.group("unit").lower(), -n)
    m = _RELATIVE_UNIT.search(low)
    if m:
        if pub is None:
            return None, "unresolved", "relative date without a publication date"
        step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[m.group("which").lower()]
        return _shift(pub, m.group("unit").lower(), step)
    m = _YEAR.search(low)
    if m:
        return m.group("year"), "year", None
    m = _MONTH_ONLY.search(low)
    if m and len(low.split()) <= 3:
        month = month_number(m.group("month"))
        if pub is None or month is None:
            return None, "unresolved", "year not stated and no publication date"
        year = pub.year
        if tense == "past" and month > pub.month:
            year -= 1
        elif tense == "future" and month < pub.month:
            year += 1
        return f"{year:04d}-{month:02d}", "month", None
    return None, "unresolved", "expression not normalized"


def _relative_day(low: str, pub: date | None) -> tuple[str | None, str, str | None] | None:
    offsets = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
               "yesterday": -1, "last night": -1, "tomorrow": 1}
    for word, offset in offsets.items():
        if re.search(rf"\b{word}\b", low):
            if pub is None:
                return None, "unresolved", "relative date without a publication date"
            return (pub + timedelta(days=offset)).isoformat(), "day", None
    return None


def _infer_year(month: int, day: int, pub: date, tense: str) -> date | None:
    try:
        candidate = date(pub.year, month, day)
    except ValueError:
        return None
    if tense == "past" and candidate > pub + timedelta(days=7):
        candidate = candidate.replace(year=pub.year - 1)
    elif tense == "future" and candidate < pub - timedelta(days=7):
        candidate = candidate.replace(year=pub.year + 1)
    elif tense == "present" and candidate < pub - timedelta(days=183):
        candidate = candidate.replace(year=pub.year + 1)  # "the fair opens May 5", read in December
    return candidate


def _resolve_weekday(weekday: int, low: str, pub: date, tense: str) -> date:
    """News convention: a bare weekday is the nearest one in the direction of the verb's tense,
    the publication day itself included; "last"/"next" exclude it."""
    back = (pub.weekday() - weekday) % 7
    forward = (weekday - pub.weekday()) % 7
    if re.search(r"\blast\b", low):
        return pub - timedelta(days=back or 7)
    if re.search(r"\bnext\b", low):
        return pub + timedelta(days=forward or 7)
    if tense == "future":
        return pub + timedelta(days=forward)
    if tense == "present":
        # "The council meets Tuesday", "police say the man fled Friday": the nearer of the two.
        return pub + timedelta(days=forward) if forward < back else pub - timedelta(days=back)
    return pub - timedelta(days=back)


def _shift(pub: date, unit: str, n: int) -> tuple[str, str, str | None]:
    if unit == "day":
        return (pub + timedelta(days=n)).isoformat(), "day", None
    if unit == "week":
        year, week, _ = (pub + timedelta(weeks=n)).isocalendar()
        return f"{year:04d}-W{week:02d}", "week", None
    if unit == "month":
        total = pub.year * 12 + (pub.month - 1) + n
        return f"{total // 12:04d}-{total % 12 + 1:02d}", "month", None
    return f"{pub.year + n:04d}", "year", None
