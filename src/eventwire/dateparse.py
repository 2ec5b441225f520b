"""Absolute calendar dates written in text ("14 June 2023", "March 9, 2024", "2024-02-20").

Shared by ingest (publication dates in page chrome) and times (dates inside the story).
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Ordered most specific first; each yields (year, month, day) where year may be absent.
ABSOLUTE_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
]


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def find_full_date(text: str) -> tuple[date, int, int] | None:
    """The first complete calendar date in `text`, with its character span."""
    best: tuple[date, int, int] | None = None
    for pattern in ABSOLUTE_PATTERNS:
        for m in pattern.finditer(text):
            month = m.group("month")
            month_no = int(month) if month.isdigit() else month_number(month)
            if month_no is None:
                continue
            try:
                found = date(int(m.group("year")), month_no, int(m.group("day")))
            except ValueError:
                continue
            if best is None or m.start() < best[1]:
                best = (found, m.start(), m.end())
            break
    return best


_COMPACT = re.compile(r"^(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?:T?\d{4,6}Z?)?$")


def to_iso_date(value: object) -> str | None:
    """A publication date as data feeds give it -> "YYYY-MM-DD", or None when it holds no full date.

    Takes ISO 8601 ("2017-12-11T10:00:00Z"), RFC 822 ("Mon, 11 Dec 2017 10:00:00 GMT"), GDELT's compact
    "20171211T100000Z" and dates written in words ("December 11, 2017").
    """
    from email.utils import parsedate_to_datetime

    text = str(value or "").strip()
    if not text:
        return None
    m = _COMPACT.match(text)
    if m:
        try:
            return date(int(m.group("year")), int(m.group("month")), int(m.group("day"))).isoformat()
        except ValueError:
            return None
    iso = re.match(r"^((?:19|20)\d\d-[01]\d-[0-3]\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$", text)
    if iso:
        try:
            return date.fromisoformat(iso.group(1)).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    found = find_full_date(text)
    return found[0].isoformat() if found else None


_WEEK = re.compile(r"^(?P<year>\d{4})-W(?P<week>\d\d)$")


def period_of(value: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO 8601 value covers: a day, a week ("2019-W10"), a month, a year, or an
    interval "start/end" of those; None for no value or one that is not a calendar value."""
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        start, end = period_of(first), period_of(last)
        return (start[0], end[1]) if start and end and start[0] <= end[1] else None
    try:
        week = _WEEK.match(value)
        if week:
            monday = date.fromisocalendar(int(week.group("year")), int(week.group("week")), 1)
            return monday, date.fromordinal(monday.toordinal() + 6)
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if re.fullmatch(r"\d{4}-\d\d", value):
            year, month = int(value[:4]), int(value[5:])
            following = date(year + month // 12, month % 12 + 1, 1)
            return date(year, month, 1), date.fromordinal(following.toordinal() - 1)
        day = date.fromisoformat(value)
        return day, day
    except ValueError:
        return None


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# What may stand beside the date in a written publication date: a weekday, a time, a zone, "at", "of".
_BESIDE_THE_DATE = re.compile(
    r"^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?|at|of|on|the|"
    r"\d{1,2}(?::\d\d){1,2}(?:\.\d+)?|[ap]\.?m\.?|utc|gmt|z|[ecmp][sd]t|bst|cet|cest|[+-]\d\d:?\d\d|[,;/()-])$",
    re.I)


def read_written_date(text: str) -> tuple[str | None, str]:
    """A publication date as a person or a feed writes it -> ("YYYY-MM-DD", "") or (None, why not).

    Takes ISO 8601 with or without a time, RFC 822, "3 Jan 2015", "Sat January 3, 2015", "January 3rd, 2015
    at 10:00 GMT"; refuses a date in digits whose order is a guess ("11/12/2017"), words that are no date, and
    a weekday that the date does not fall on."""
    text = " ".join(text.split())
    if re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", text):
        return None, "day and month in digits could be either way round"
    found = find_full_date(text)
    iso = to_iso_date(text)
    if iso is None:
        return None, "no day, month and year found"
    if found is not None:
        rest = (text[: found[1]] + " " + text[found[2]:]).replace(",", " , ")
        stray = [w for w in re.split(r"\s+", rest) if w and not _BESIDE_THE_DATE.match(w)]
        if stray:
            return None, f"'{' '.join(stray)}' is not part of a date"
        named = [i for i, day in enumerate(_WEEKDAY_NAMES) if re.search(rf"\b{day[:3]}", rest, re.I)]
        if named and found[0].weekday() not in named:
            return None, f"{found[0].isoformat()} is a {_WEEKDAY_NAMES[found[0].weekday()].title()}"
    return iso, ""


# A date in a file's name ("2019-03-05_story.txt", "story-2019-03-05.html"): the article's publication day.
_NAME_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")


def date_in_file_name(path: str) -> str | None:
    """The YYYY-MM-DD date a local file's name carries, if it carries one that is a calendar date."""
    if "://" in path:
        return None
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    m = _NAME_DATE.search(name)
    if m is None:
        return None
    try:
        return date(int(m.group("year")), int(m.group("month")), int(m.group("day"))).isoformat()
    except ValueError:
        return None
