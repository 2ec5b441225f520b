"""Scraped page text -> article body and metadata.

A scraped page is a column of lines: breadcrumbs, headline, byline/date, body paragraphs, then related
headlines, credit line, share/comment/cookie chrome. Each line is classified from its own features
(length, final punctuation, capitalisation, separators, known chrome vocabulary of many site styles)
and its position relative to the body, which is the longest run of prose lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from eventwire.dateparse import find_full_date

MAX_CHROME_IN_BODY = 1  # chrome lines in a row between two paragraphs of one story (an "Advertisement" slot)


class LineKind(Enum):
    PROSE = "prose"
    HEADLINE = "headline"
    SHORT = "short"
    CHROME = "chrome"
    END_MARKER = "end_marker"
    CREDIT = "credit"
    BYLINE = "byline"


# Chrome vocabulary seen across news site templates (WordPress themes, wire sites, regional portals).
# Matched against the whole lowercased line; these are site furniture, never story text.
_CHROME_PATTERNS = [
    r"^(leave a (reply|comment)|post a comment|add a comment|\d+ comments?|comments?)\b",
    r"your email address will not be published",
    r"required fields are marked",
    r"^back to top",
    r"^(share|share this( article| story)?|share on \w+|tweet|print|email|copy link)\s*:?$",
    # Rows of social buttons, optionally led by "Share this:".
    r"^((share|share this( article| story)?|share on)\s*:?\s*)?((facebook|twitter|whatsapp|telegram|"
    r"linkedin|reddit|pinterest|email|x|print|copy link|messenger)\b\s*[|·,/]?\s*)+$",
    r"\b(subscribe|sign up|newsletter|unsubscribe)\b",
    r"all rights reserved|^©|^copyright\b|\(c\) \d{4}",
    r"^advertisement$|^sponsored( content)?$|^ad$",
    r"^comments are (closed|disabled)",
    r"^(skip to (main )?content|menu|search|home|log ?in|sign in|register)$",
    r"^(follow us|follow) on\b|^follow us\b",
    r"our standards:|trust principles",
    r"^(click|tap) here\b",
    r"^(photo|image|file photo|video|watch)\s*:",
    r"^(listen to (this )?article|\d+ min(ute)? read)",
    r"^(previous|next) (article|post|story)\b",
    r"^(you may also like|recommended|trending( now)?|popular|editor'?s picks?)$",
]
_CHROME = re.compile("|".join(f"(?:{p})" for p in _CHROME_PATTERNS), re.I)
# Consent and comment-form notices run long but are unmistakable at any length.
_LONG_CHROME = re.compile(
    r"\bcookies?\b.*\b(accept|consent|policy|use|agree|settings)\b|\b(accept|consent)\b.*\bcookies?\b"
    r"|your email address will not be published|by signing up,? you agree|privacy policy and terms",
    re.I,
)

# Lines after which the article is over: what follows is lists of other stories or reader comments.
_END_MARKERS = re.compile(
    r"^(related( articles| posts| stories| news| content| coverage)?|read (more|also|next)|see also|"
    r"more (on this|from|stories)|most (read|popular|viewed)|latest( news| stories)?|"
    r"leave a (reply|comment)|comments?|tags?|topics?|filed under|also read)\b\s*:?",
    re.I,
)

_AGENCIES = [
    "AFP", "Reuters", "AP", "Associated Press", "Agence France-Presse", "Xinhua", "TASS", "Anadolu",
    "dpa", "EFE", "ANSA", "Kyodo", "Yonhap", "IANS", "PTI", "UNI", "Bloomberg", "RIA Novosti",
    "Interfax", "IRNA", "SANA", "WAFA", "Bernama", "Antara", "Al Jazeera", "BBC", "CNN",
]
_AGENCY_ALT = "|".join(re.escape(a) for a in sorted(_AGENCIES, key=len, reverse=True))
# "Read more: <another story's headline>": a teaser line of any length.
_TEASER = re.compile(r"^(read (more|also|next)|also read|related|see also|more on this|watch)\s*:\s*\S", re.I)
_CREDIT = re.compile(
    r"^(?:with\s+)?(?:additional\s+)?(?:reporting|writing|compiled|editing|reported)\s+by\s+(?P<who>.+?)\.?$"
    r"|^(?:source|sources|credit|courtesy)\s*:\s*(?P<src>.+?)\.?$"
    rf"|^[-—–(]*\s*(?P<agency>{_AGENCY_ALT})\s*[)]?\.?$",
    re.I,
)
# "TBILISI, March 9 (Reuters) - " / "KABUL (AP) — " at the start of the first paragraph.
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Za-z .'-]{{1,40}}?)(?:,\s*[^()\n]{{1,40}}?)?\s*\((?P<agency>{_AGENCY_ALT})\)\s*[-—–]+\s*"
)
_BYLINE = re.compile(
    r"^(by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}(\s*(,|and|&|\|)\s*.*)?"
    r"|(published|updated|posted|last updated|first published)\b.*)$",
    re.I,
)
_BREADCRUMB_SEP = re.compile(r"\s*(?:»|›|>|/|\||·|•)\s*")
_TERMINAL = re.compile(r"[.!?…:;。！？؟۔][”\"’')\]»」』]*$|[”\"»」』]$")
# Chinese and Japanese are written without spaces between words: every two characters count as a word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_WORD = re.compile(f"[{_CJK}]{{1,2}}")
# A word starts with a letter or digit of any script (Arabic and Cyrillic lines are text, not chrome).
_WORD = re.compile(rf"[{_CJK}]{{1,2}}|[^\W_{_CJK}](?:[^\W{_CJK}]|['’.-])*")
_SECTION_NOISE = {"home", "homepage", "main", "index", "start"}  # site roots, not sections


@dataclass(frozen=True)
class CleanedText:
    title: str | None
    sections: tuple[str, ...]
    credit: str | None
    body: str
    related_headlines: tuple[str, ...]
    published: str | None
    dateline_place: str | None


# No-break, thin and zero-width spaces from web pages become plain spaces (or nothing), so that the
# parser and every offset see ordinary text.
_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


def normalize_spaces(line: str) -> str:
    return re.sub(r"[ \t]+", " ", _ZERO_WIDTH.sub("", _ODD_SPACES.sub(" ", line))).strip()


def join_paragraphs(text: str) -> str:
    """Text whose paragraphs are separated by blank lines -> the same paragraphs, spaces collapsed, one
    blank line between them (the form the pipeline reads)."""
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def word_count(text: str) -> int:
    """How many words a text holds: what whitespace separates, plus Chinese and Japanese words (written without
    spaces, so counted by their characters)."""
    return len(text.split()) + len(_CJK_WORD.findall(text))


def classify_line(line: str) -> LineKind:
    """The kind of one scraped line, from its own features only."""
    stripped = line.strip()
    n_words = len(words(stripped))
    if (_END_MARKERS.match(stripped) and n_words <= 4) or _TEASER.match(stripped):
        return LineKind.END_MARKER
    if _CREDIT.match(stripped) and n_words <= 14:
        return LineKind.CREDIT
    if (_CHROME.search(stripped) and n_words <= 25) or (_LONG_CHROME.search(stripped) and n_words <= 80):
        return LineKind.CHROME
    if _BYLINE.match(stripped) and n_words <= 14:
        return LineKind.BYLINE
    if n_words == 0:
        return LineKind.CHROME
    if n_words <= 14 and find_full_date(stripped) and not _TERMINAL.search(stripped):
        return LineKind.BYLINE  # a dateline or timestamp line: "Brussels, 20 February 2024"
    ends_like_sentence = bool(_TERMINAL.search(stripped))
    if (ends_like_sentence and n_words >= 6) or n_words >= 25:
        return LineKind.PROSE
    if n_words >= 4 and not ends_like_sentence:
        return LineKind.HEADLINE
    if stripped.endswith("?") and n_words >= 4:
        return LineKind.HEADLINE
    return LineKind.SHORT


def split_sections(line: str) -> tuple[str, ...]:
    """Breadcrumb line -> section names: "Home » World » Africa", "Middle EastWar" (menu items run
    together by the scraper, split at a lower-to-upper case junction)."""
    parts: list[str] = []
    for chunk in _BREADCRUMB_SEP.split(line.strip()):
        chunk = chunk.strip()
        if not chunk:
            continue
        parts.extend(p.strip() for p in re.split(r"(?<=[a-z])(?=[A-Z])", chunk) if p.strip())
    return tuple(p for p in parts if p.lower() not in _SECTION_NOISE)


def credit_from_line(line: str) -> str | None:
    m = _CREDIT.match(line.strip())
    if not m:
        return None
    who = m.group("who") or m.group("src") or m.group("agency") or ""
    # "Reporting by A; Editing by B" -> the reporters; an agency named in it wins.
    agency = re.search(rf"\b({_AGENCY_ALT})\b", who)
    if agency:
        return agency.group(1)
    return re.split(r"\s*;\s*", who)[0].strip().rstrip(".") or None


def _headline_index(lines: list[str], kinds: list[LineKind], head: list[int]) -> int | None:
    """The story's headline among the headline-like lines above the body: not a line the page repeats
    (menus and share bars repeat, a headline rarely does), preferably one with a byline or date line
    right under it, else the last one."""
    seen: dict[str, int] = {}
    for line in lines:
        seen[line] = seen.get(line, 0) + 1
    candidates = [i for i in head if kinds[i] is LineKind.HEADLINE and seen[lines[i]] == 1]
    for i in reversed(candidates):
        if any(kinds[j] is LineKind.BYLINE for j in range(i + 1, min(i + 4, len(lines)))):
            return i
    if candidates:
        return candidates[-1]
    return next((i for i in reversed(head) if kinds[i] is LineKind.HEADLINE), None)


def split_dateline(paragraph: str) -> tuple[str | None, str | None, str]:
    """"TBILISI, March 9 (Reuters) - Text" -> ("Reuters", "TBILISI", "Text"); else (None, None, paragraph)."""
    m = _DATELINE.match(paragraph)
    if not m:
        return None, None, paragraph
    return m.group("agency"), m.group("place").strip(), paragraph[m.end():]


def _body_run(kinds: list[LineKind]) -> tuple[int, int] | None:
    """Indices [first, last] of the main body: prose lines, allowing short non-chrome lines (subheads,
    one-line quotes) between them, stopping at an end marker or credit line."""
    best: tuple[int, int] | None = None
    best_score = 0
    i = 0
    while i < len(kinds):
        if kinds[i] is not LineKind.PROSE:
            i += 1
            continue
        start, end, score = i, i, 0
        j = i
        chrome_gap = 0
        while j < len(kinds) and kinds[j] in (LineKind.PROSE, LineKind.SHORT, LineKind.HEADLINE, LineKind.CHROME):
            if kinds[j] is LineKind.PROSE:
                end = j
                score += 1
                chrome_gap = 0
            elif kinds[j] is LineKind.CHROME:
                # In-story furniture ("Advertisement", a row of share buttons) is stepped over; a longer
                # run of it is the page's chrome after the story.
                chrome_gap += 1
                if chrome_gap > MAX_CHROME_IN_BODY:
                    break
            j += 1
        if score > best_score:
            best, best_score = (start, end), score
        i = j + 1
    return best


def clean_scraped_text(raw: str) -> CleanedText:
    """Separate a scraped page's story from its chrome."""
    lines = [normalize_spaces(ln) for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    kinds = [classify_line(ln) for ln in lines]
    run = _body_run(kinds)
    if run is None:
        body_lines = [ln for ln, k in zip(lines, kinds, strict=True) if k is not LineKind.CHROME]
        return CleanedText(None, (), None, "\n\n".join(body_lines), (), None, None)
    first, last = run

    title: str | None = None
    sections: tuple[str, ...] = ()
    published: str | None = None
    credit: str | None = None
    head = list(range(first))
    # The headline is the last headline-like line before the body (standfirsts are prose).
    title_idx = _headline_index(lines, kinds, head)
    if title_idx is None:
        title_idx = next((i for i in head if kinds[i] is LineKind.SHORT and len(words(lines[i])) >= 3), None)
    if title_idx is not None:
        title = lines[title_idx]
        # Breadcrumbs: the run of short lines right above the headline ("World" / "Europe").
        crumbs: list[str] = []
        for i in reversed(head[:title_idx]):
            if kinds[i] is not LineKind.SHORT:
                break
            crumbs.insert(0, lines[i])
        sections = tuple(s for line in crumbs for s in split_sections(line))
    dateline_place: str | None = None
    for i in head:
        found = find_full_date(lines[i])
        if found and kinds[i] in (LineKind.BYLINE, LineKind.SHORT, LineKind.HEADLINE) and i != title_idx:
            published = found[0].isoformat()
            # "Brussels, 20 February 2024": a place before the date is the dateline.
            lead = lines[i][: found[1]].strip(" ,-–—|")
            if lead and len(words(lead)) <= 3 and lead[:1].isupper() and not _BYLINE.match(lead) \
                    and not re.search(r"\d", lead):
                dateline_place = lead
            break

    body_lines = [lines[i] for i in range(first, last + 1) if kinds[i] is LineKind.PROSE]
    if body_lines:
        agency, place, rest = split_dateline(body_lines[0])
        if agency:
            credit, dateline_place, body_lines[0] = agency, place, rest

    # After the body, every headline-like line is another story's headline (related/most-read lists).
    related: list[str] = []
    for i in range(last + 1, len(lines)):
        kind = kinds[i]
        if kind is LineKind.CREDIT:
            # An agency named in the dateline outranks the reporters' names of the credit line.
            credit = credit or credit_from_line(lines[i])
        elif kind in (LineKind.HEADLINE, LineKind.PROSE) and not _looks_like_comment(lines[i]):
            related.append(lines[i])
        elif kind is LineKind.END_MARKER and (teaser := _TEASER.match(lines[i])):
            related.append(lines[i][teaser.end() - 1:].strip())
    if published is None:
        for i in range(last + 1, len(lines)):
            found = find_full_date(lines[i])
            if found and kinds[i] is LineKind.BYLINE:
                published = found[0].isoformat()
                break
    return CleanedText(title, sections, credit, "\n\n".join(body_lines), tuple(related), published,
                       dateline_place)


def _looks_like_comment(line: str) -> bool:
    return bool(re.match(r"^(reply|report|like|\d+ (likes?|replies))$", line, re.I))
