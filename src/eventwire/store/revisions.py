"""Whether a changed copy of an article may replace the stored one (same URL, else same file path).

News articles change for good reasons: a correction rewords a sentence or drops a wrong one, an update adds
paragraphs or a new lede, the headline changes. A re-fetched page also comes back broken: cut off part way
(a timeout, a paywall, a page still loading) or as nothing but page chrome. Replacing the stored article
by such a copy loses its events, so a new copy is refused, and the stored rows kept, when it is

- `too short`: under a quarter of the stored text's words: chrome, an error page, a stub; or
- `cut off`: at most 90% of the stored text's words, at least 80% of them the stored text's own (passages
  of 4 or more words in the same order), and the stored text going on for at least 10% of its length after
  the last passage they share, with at most half as many words of the new copy in its place: the beginning
  of the stored article, perhaps with a line of chrome, and not the rest.

Everything else replaces. A correction that drops a sentence in the middle still reaches the stored text's
end; an update with a new lede or new paragraphs brings words of its own; a rewritten last paragraph puts
words in place of the old ones. What this refuses wrongly is an edit that only deletes the closing passage
(or replaces it by one under half its length). Simulated on the 171 Wikinews articles of ../shared/data:
copies cut after 30, 50, 70 or 85% of their words, alone or with a line of chrome before or after, are
refused in 2,043 of 2,052 cases (the rest: short articles cut at 85% with chrome); copies with a paragraph
added at the end or in the middle, a middle paragraph dropped or 5% of the words edited all replace, as do
162 of 171 with a new lede and the last paragraph dropped and 151 of 171 with the last paragraph rewritten;
97 of 171 copies that only drop the last paragraph are refused.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

TOO_SHORT = 0.25      # a new copy under this share of the stored text's words is a stub
CUT_SHORTER = 0.9     # a cut-off copy has at most this share of the stored words...
CUT_OWN_WORDS = 0.8   # ...at least this share of its words in passages of the stored text...
CUT_MISSING_END = 0.1  # ...and this share of the stored text missing after the last shared passage
PASSAGE = 4           # words in a row that make a shared passage (single common words do not)

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def refusal(stored_text: str, new_text: str) -> str | None:
    """Why `new_text` must not replace `stored_text` (a one-line reason), or None when it may."""
    old, new = words(stored_text), words(new_text)
    if not old or len(new) >= len(old):
        return None  # an empty stored copy, or a copy at least as long: never a loss of text by itself
    if len(new) < TOO_SHORT * len(old):
        return (f"the new copy is too short: {len(new)} words, under a quarter of the stored copy's "
                f"{len(old)}; kept the stored copy")
    if len(new) > CUT_SHORTER * len(old):
        return None
    blocks = [b for b in SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks() if b.size >= PASSAGE]
    shared = sum(b.size for b in blocks)
    last = max(blocks, key=lambda b: b.a, default=None)
    missing = len(old) - (last.a + last.size if last else 0)  # the stored text after the last shared passage
    after = len(new) - (last.b + last.size if last else 0)     # and what the new copy has in its place
    if shared >= CUT_OWN_WORDS * len(new) and missing >= CUT_MISSING_END * len(old) and after * 2 <= missing:
        return (f"the new copy is cut off: {len(new)} words, {shared} of them the stored copy's, which goes on "
                f"for {missing} more words after them; kept the stored copy")
    return None
