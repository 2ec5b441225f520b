"""Where quotation marks open and close in a text: the quoted passages, before any parse.

Used by the quotes stage (who said them) and by actor resolution (pronouns inside a quote are seen
from the speaker, so coreference leaves them alone).
"""

from __future__ import annotations

import re

# Shortest quote kept: a scare-quoted single word ("interference") is still a quote of that speaker.
_MIN_CHARS = 2


# Double quotes, curly or straight, in any mix ("...” happens in scraped text), and ’’ or '' as a
# closing mark; a quote left open at the end of a paragraph ends there.
_QUOTE = re.compile(r"[“\"]([^“”\"\n]*?)([”\"]|’’|''|$)", re.M)
# Single curly quotes (British style, headlines): an opening mark not inside a word, a closing mark not
# followed by a letter, so apostrophes ("Russia’s", "don’t") are never taken for quote marks.
_SINGLE_QUOTE = re.compile(r"(?<![\w’])‘([^‘\n]{2,}?)’(?![A-Za-z])")


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages, marks excluded. A quote left open at the end of a
    paragraph ends there (the next paragraph reopens it, by print convention)."""
    out: list[tuple[int, int]] = []
    for m in _QUOTE.finditer(text):
        inner_start, inner_end = m.start(1), m.end(1)
        if inner_end - inner_start >= _MIN_CHARS:
            out.append((inner_start, inner_end))
    for m in _SINGLE_QUOTE.finditer(text):
        if not any(start <= m.start() < end for start, end in out):  # ‘nested’ inside a double quote
            out.append((m.start(1), m.end(1)))
    return sorted(out)
