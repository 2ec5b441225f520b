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

from eventwire.datafiles import word_list
from eventwire.dateparse import MONTHS, find_full_date, month_number
from eventwire.holidays import HOLIDAY_PATTERN, find_holiday, holiday_near
from eventwire.model import TimeMention
from eventwire.time_spans import CLOCK, time_spans

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_LEAD_PREPS = {"on", "in", "since", "by", "until", "till", "from", "before", "after", "during", "through", "for"}
_HOLIDAY_PREPS = {"on", "at", "over", "during", "before", "after", "since", "until", "by", "for", "of"}
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
# A clock time ("at 6am", "13:40 local time", "0040 UTC"): it falls on the day the story last named.
_PART_OF_DAY_OF = re.compile(r"^(?:on\s+|in\s+)?(?:the\s+)?(?:night|morning|evening|afternoon)\s+of$", re.I)
_FORWARD_PREPS = re.compile(r"^(?:for|through|until|till|by|up to)\s", re.I)
# Verbs whose to-infinitive is a planned, future act: "is expected to vote on Wednesday".
_FUTURE_HEADS = frozenset({"expect", "plan", "schedule", "due", "set", "intend", "prepare", "aim", "hope",
                           "going", "seek", "want", "vow", "pledge", "promise", "threaten"})
# Verbs whose to-infinitive came about with them ("forced the minister to resign", "used force to disperse").
_IMPLICATIVE_HEADS = word_list("eventwire.events", "implicative_verb")
DURATION_NOTE = "a duration, not a date"
_ANNIVERSARY = re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+years?\s+"
                          r"ago\s+today\b")
_MONTH_OF = re.compile(r"^(?:(?:for|in|during|through|throughout)\s+)?the\s+month\s+of\s+")
_RELATIVE_UNIT = re.compile(r"\b(?P<which>last|next|this|past|coming)\s+(?P<unit>week|month|year)\b", re.I)
# "earlier this month", "later in the week": inside the publication's own week, month or year.
_WITHIN_UNIT = re.compile(r"\b(?:earlier|later|early|late)\s+(?:in\s+)?(?:this|the)\s+(?P<unit>week|month|year)\b",
                          re.I)
# "this past December", "last November", "next March": the month in the direction the word says.
_QUALIFIED_MONTH = re.compile(rf"\b(?P<which>this past|last|past|this coming|coming|next|this)\s+"
                              rf"(?P<month>{_MONTH_RE})\b", re.I)
# "November last year", "March of next year": a month of the year named relative to publication.
_MONTH_OF_YEAR = re.compile(rf"\b(?P<month>{_MONTH_RE})\s+(?:of\s+)?(?P<which>last|this|next)\s+year\b", re.I)
_WEEKEND = re.compile(r"\b(?P<which>over the|during the|on the|at the|this|last|next|this past|the)\s+weekend\b", re.I)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_SEASON = re.compile(r"\b(?P<which>this past|this coming|last|this|next|past)\s+"
                     r"(?P<season>spring|summer|autumn|fall)\b", re.I)
_COUNT_WORDS = (r"\d+|a few|a couple of|several|many|some|dozens of|hundreds of|an?|one|two|three|four|five|six|"
                r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                r"twenty|thirty|forty|fifty|sixty|hundred")
# A length of time ("73 months", "six-year terms", "an eleven-month-old", "the past three years"), not a
# point in time: it dates nothing.
_DURATION = re.compile(rf"^(?:(?:(?:in|during|over)\s+the|for|about|around|nearly|almost|over|under|within|"
                       rf"more than|less than|up to|"
                       rf"at least|the|an?|another|(?:the\s+)?(?:past|last|first|next|previous))\s+)*"
                       rf"(?:{_COUNT_WORDS})[\s-]+(?:hour|day|night|week|month|year|decade|centur(?:y|ie))s?"
                       rf"(?:[\s-](?:old|long))?$", re.I)
# The place of a day in a run of them ("for a sixth day", "for the 20th consecutive weekend"): how long something
# has gone on, not when; it dates nothing.
_NTH_OF_A_RUN = re.compile(r"^(?:for\s+)?(?:a|the)\s+(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|"
                           r"eighth|ninth|tenth|eleventh|twelfth|\w+teenth|\w+tieth)\s+"
                           r"(?:(?:consecutive|straight|successive|running)\s+)?(?:day|night|week|weekend|month)$",
                           re.I)
# Days named by reference to the day the story last named: "the previous day", "the same day".
_ANAPHORIC_DAYS = [
    (re.compile(r"^(?:(?:later|earlier|late|early)\s+)?(?:on\s+)?(?:the\s+(?:same|very)|that(?:\s+same)?)\s+"
                r"(?:day|night|morning|afternoon|evening)$", re.I), 0),
    (re.compile(r"^(?:on\s+)?(?:the\s+(?:previous|prior|preceding)\s+(?:day|night|evening|morning)|"
                r"the\s+(?:day|night|evening)\s+before)$", re.I), -1),
    (re.compile(r"^(?:on\s+)?(?:the\s+(?:next|following)\s+(?:day|morning|evening)|the\s+day\s+after|"
                r"a\s+day\s+later)$", re.I), 1),
]
_DAYS_LATER = re.compile(rf"^(?P<n>{_COUNT_WORDS})\s+days?\s+(?P<dir>later|earlier|before|after)$", re.I)


def extract_times(doc: Doc, published: str | None) -> tuple[TimeMention, ...]:
    """Every DATE expression in the parse, normalized against `published` (YYYY-MM-DD or None)."""
    pub = date.fromisoformat(published) if published else None
    out: list[TimeMention] = []
    for found in time_spans(doc):
        ent, clock = found.span, found.clock
        span = _with_preposition(ent)
        if _PART_OF_DAY_OF.match(span.text.strip()):
            continue  # "on the night of" before "Monday": the day is the next expression's
        value: str | None
        note: str | None
        if clock:
            value, precision, note = None, "unresolved", "a clock time"
        else:
            value, precision, note = normalize(span.text, pub, tense_of(ent.root))
        if value is None and (clock or CLOCK.search(ent.text)):
            offset: int | None = 0  # "at 6am", "0040 UTC": on the day the story is telling
        else:
            offset = anaphoric_offset(span.text)
        if value is None and not _names_an_event_after(ent):
            anchor = next((t for t in reversed(out) if t.precision == "day" and t.value and "/" not in t.value),
                          None)
            if offset is not None and anchor is not None and anchor.value is not None:
                value = (date.fromisoformat(anchor.value) + timedelta(days=offset)).isoformat()
                precision, note = "day", f"counted from '{anchor.text.strip()}'"
        out.append(TimeMention(text=span.text, value=value, precision=precision, start=span.start_char,
                               end=span.end_char, note=note, token=ent.root.i))
    out.extend(_unrecognised_holidays(doc, pub, out))
    return tuple(sorted(out, key=lambda t: t.start))


def _unrecognised_holidays(doc: Doc, pub: date | None, found: list[TimeMention]) -> list[TimeMention]:
    """Named days the model did not tag as dates ("on Easter Sunday" read as a name)."""
    extra = []
    for m in HOLIDAY_PATTERN.finditer(doc.text):
        before = doc.text[max(0, m.start() - 8): m.start()].lower().split()
        if any(t.start < m.end() and m.start() < t.end for t in found) or not before \
                or before[-1] not in _HOLIDAY_PREPS:
            continue  # only "on Easter Sunday", "over Christmas": "Easter Island" and "Christmas trees" are no days
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        span = _with_preposition(span)
        value, precision, note = normalize(m.group(0), pub, tense_of(span.root))
        extra.append(TimeMention(text=span.text, value=value, precision=precision, start=span.start_char,
                                 end=span.end_char, note=note, token=span.root.i))
    return extra


def anaphoric_offset(text: str) -> int | None:
    """Days from the day the story last named, for "the previous day" (-1), "that day" (0), "two days later" (2)."""
    low = " ".join(text.lower().split())
    first, _, rest = low.partition(" ")
    low = rest if first in _LEAD_PREPS and rest else low
    for pattern, offset in _ANAPHORIC_DAYS:
        if pattern.match(low):
            return offset
    m = _DAYS_LATER.match(low)
    if m and m.group("n").lower() in _NUMBER_WORDS | {str(i): i for i in range(1, 32)}:
        n = int(m.group("n")) if m.group("n").isdigit() else _NUMBER_WORDS[m.group("n").lower()]
        return n if m.group("dir").lower() in ("later", "after") else -n
    return None


def _names_an_event_after(ent: Span) -> bool:
    """ "the day before the blast" counts from the blast, not from the day the story last named."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return ent[-1].lower_ in ("before", "after") and nxt is not None and not nxt.is_punct


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
    # A participle with no auxiliary ("When announcing it on Monday, he called ...") has the tense of its clause.
    for _ in range(3):
        if aux or verb.tag_ not in ("VBG", "VBN") or verb.dep_ not in ("advcl", "acl", "pcomp", "conj", "relcl"):
            break
        head = verb.head if verb.head.pos_ in ("VERB", "AUX") else None
        if head is None:
            break
        verb, aux = head, {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VB" and "to" in aux and verb.dep_ in ("advcl", "xcomp") and \
            verb.head.lemma_.lower() in _IMPLICATIVE_HEADS and verb.head.pos_ in ("VERB", "AUX"):
        # "used tear gas to disperse the protest on Saturday", "was forced to resign on Monday": the act came
        # about when its head did, so it has the head's tense
        return tense_of(verb.head)
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
    low = _MONTH_OF.sub("", text.lower().strip())  # "for the month of January" is January
    full = find_full_date(text)
    if full:
        return full[0].isoformat(), "day", None
    if _DURATION.match(low) or _NTH_OF_A_RUN.match(low):
        return None, "unresolved", DURATION_NOTE
    holiday = find_holiday(low)
    if holiday is not None:
        year_named = _YEAR.search(low)
        if year_named is None and pub is None:
            return None, "unresolved", "holiday without a year or a publication date"
        try:
            named_day = holiday_near(holiday, pub or date.min, tense,
                                     int(year_named.group("year")) if year_named else None)
        except ValueError:
            return None, "unresolved", "not a calendar date"
        return named_day.isoformat(), "day", None
    named_month = _month_named_relative(low, pub, tense)
    if named_month is not None:
        return named_month
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
        # "scheduled for March 24", "open through June 1": a day up to half a year ahead, whatever the tense
        resolved = _infer_year(month, day, pub, "present" if _FORWARD_PREPS.match(low) else tense)
        if resolved is None:
            return None, "unresolved", "not a calendar date"
        return resolved.isoformat(), "day", None
    weekday = next((i for i, name in enumerate(WEEKDAYS) if re.search(rf"\b{name}\b", low)), None)
    if weekday is not None:
        if pub is None:
            return None, "unresolved", "weekday without a publication date"
        return _resolve_weekday(weekday, low, pub, tense).isoformat(), "day", None
    anniversary = _ANNIVERSARY.search(low)
    if anniversary and pub is not None:  # "15 years ago today": the same day that many years back
        n = int(anniversary.group("n")) if anniversary.group("n").isdigit() else _NUMBER_WORDS[anniversary.group("n")]
        return _same_day_years_back(pub, n), "day", None
    relative = _relative_day(low, pub)
    if relative is not None:
        return relative
    loose = _loose_period(low, pub, tense)
    if loose is not None:
        return loose
    m = _AHEAD.search(low)
    if m:
        if pub is None:
            return None, "unresolved", "relative date without a publication date"
        count, unit = m.group("n") or m.group("n2"), m.group("unit") or m.group("unit2")
        n = int(count) if count.isdigit() else _NUMBER_WORDS[count.lower()]
        return _shift(pub, unit.lower(), n)
    m = _AGO.search(low)
    if m:
        if m.group("n").lower() in ("a few", "several"):
            return None, "unresolved", "a vague count back from publication"  # "several years ago"
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


def _month_named_relative(low: str, pub: date | None, tense: str) -> tuple[str | None, str, str | None] | None:
    """ "November last year" and "this past December": a month whose year the words, not the tense, fix."""
    of_year = _MONTH_OF_YEAR.search(low)
    qualified = _QUALIFIED_MONTH.search(low)
    if of_year is None and qualified is None:
        return None
    if pub is None:
        return None, "unresolved", "relative date without a publication date"
    if of_year is not None:
        month = month_number(of_year.group("month")) or 1
        year = pub.year + {"last": -1, "this": 0, "next": 1}[of_year.group("which").lower()]
        return f"{year:04d}-{month:02d}", "month", None
    assert qualified is not None
    month = month_number(qualified.group("month")) or 1
    which = " ".join(qualified.group("which").lower().split())
    if which in ("last", "past", "this past"):
        year = pub.year if month < pub.month else pub.year - 1
    elif which in ("next", "coming", "this coming"):
        year = pub.year if month > pub.month else pub.year + 1
    else:  # "this December": this year's, whatever the tense
        year = pub.year
    return f"{year:04d}-{month:02d}", "month", None


def _loose_period(low: str, pub: date | None, tense: str) -> tuple[str | None, str, str | None] | None:
    """ "earlier this month", "over the weekend", "last summer": a week, month or year around publication."""
    within = _WITHIN_UNIT.search(low)
    weekend = _WEEKEND.search(low)
    season = _SEASON.search(low)
    if within is None and weekend is None and season is None:
        return None
    if pub is None:
        return None, "unresolved", "relative date without a publication date"
    if within is not None:
        return _shift(pub, within.group("unit").lower(), 0)
    if weekend is not None:
        which = weekend.group("which").lower()
        ahead = which == "next" or (tense == "future" and which != "last" and "past" not in which)
        if pub.weekday() >= 5 and which not in ("last", "next"):
            saturday = pub - timedelta(days=pub.weekday() - 5)  # the weekend publication falls in
        elif ahead:
            saturday = pub + timedelta(days=5 - pub.weekday())
        else:
            saturday = pub - timedelta(days=pub.weekday() + 2)
        year, week, _ = saturday.isocalendar()
        return f"{year:04d}-W{week:02d}", "week", None
    assert season is not None
    first, last = _SEASONS[season.group("season").lower()]
    which = " ".join(season.group("which").lower().split())
    if which in ("last", "past", "this past"):
        year = pub.year if pub.month > last else pub.year - 1
    elif which in ("next", "this coming"):
        year = pub.year if pub.month < first else pub.year + 1
    else:
        year = pub.year
    return f"{year:04d}", "year", None


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
    if re.search(r"\b(?:next|coming)\b", low):
        return pub + timedelta(days=forward or 7)
    if tense == "future":
        return pub + timedelta(days=forward)
    if tense == "present":
        # "The council meets Tuesday", "police say the man fled Friday": the nearer of the two.
        return pub + timedelta(days=forward) if forward < back else pub - timedelta(days=back)
    return pub - timedelta(days=back)


def _same_day_years_back(pub: date, n: int) -> str:
    try:
        return pub.replace(year=pub.year - n).isoformat()
    except ValueError:  # 29 February in a year that has none
        return pub.replace(year=pub.year - n, day=28).isoformat()


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
