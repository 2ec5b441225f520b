"""Named days ("Christmas", "New Year's Eve", "Easter", "Thanksgiving") as calendar dates of a given year.

Computed by rule, never listed per year: fixed days of the month, nth or last weekdays of a month, and
Easter's moveable feasts from the Gregorian computus.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month = (h + weekday_shift - 7 * m + 114) // 31
    day = (h + weekday_shift - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th `weekday` (Monday = 0) of a month; n = -1 is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


# Longest names first, so that "Christmas Eve" is not read as "Christmas".
HOLIDAYS: dict[str, Callable[[int], date]] = {
    r"new year'?s eve": _fixed(12, 31),
    r"new year'?s(?: day)?": _fixed(1, 1),
    r"christmas eve": _fixed(12, 24),
    r"christmas(?: day)?|xmas": _fixed(12, 25),
    r"boxing day": _fixed(12, 26),
    r"valentine'?s day": _fixed(2, 14),
    r"halloween": _fixed(10, 31),
    r"good friday": lambda y: easter_sunday(y) - timedelta(days=2),
    r"easter monday": lambda y: easter_sunday(y) + timedelta(days=1),
    r"easter(?: sunday)?": easter_sunday,
    r"palm sunday": lambda y: easter_sunday(y) - timedelta(days=7),
    # US days (news in English names them most); a country's own "Independence Day" or "Labour Day" differs.
    r"thanksgiving(?: day)?": lambda y: _nth_weekday(y, 11, 3, 4),  # 4th Thursday of November
    r"memorial day": lambda y: _nth_weekday(y, 5, 0, -1),  # last Monday of May
    r"labor day": lambda y: _nth_weekday(y, 9, 0, 1),  # the US spelling: 1st Monday of September ("Labour Day"
    # is 1 May in most countries, so it is not read)
    r"(?:the )?fourth of july": _fixed(7, 4),
}
HOLIDAY_PATTERN = re.compile(r"\b(?:" + "|".join(f"(?P<h{i}>{p})" for i, p in enumerate(HOLIDAYS)) + r")\b", re.I)
_RULES = list(HOLIDAYS.values())


def find_holiday(text: str) -> Callable[[int], date] | None:
    """The rule giving the date, in any year, of the named day that `text` mentions, if any."""
    m = HOLIDAY_PATTERN.search(text)
    if m is None:
        return None
    index = next(i for i in range(len(_RULES)) if m.group(f"h{i}") is not None)
    return _RULES[index]


def holiday_near(rule: Callable[[int], date], pub: date, tense: str, year: int | None = None) -> date:
    """The named day in `year` if given, else the one the tense points to: the latest on or before the
    publication day in a past clause, the next on or after it in a future one, the nearer otherwise."""
    if year is not None:
        return rule(year)
    before = rule(pub.year) if rule(pub.year) <= pub else rule(pub.year - 1)
    after = rule(pub.year) if rule(pub.year) >= pub else rule(pub.year + 1)
    if tense == "past":
        return before
    if tense == "future":
        return after
    return before if (pub - before) <= (after - pub) else after
