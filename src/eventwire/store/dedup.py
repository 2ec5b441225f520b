"""Duplicates: wire copies of one story across sites, and one event reported by several articles.

- Near-duplicate articles: MinHash over word 5-shingles with LSH (datasketch); an article whose
  estimated Jaccard similarity to a stored one reaches the threshold joins that one's story.
- Event groups: mentions with the same day, source code, target code, CAMEO root and place (country +
  admin1, else coordinates rounded to 0.1 degree) are one event; `event_groups` counts them per story
  so that wire copies are not double-counted.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

from eventwire.model import Event

NUM_PERM = 64
SHINGLE = 5
# Wire copies differ by a line of chrome, a dropped or edited sentence: on short stories that already
# costs a third of the 5-word shingles. Unrelated stories share almost none.
NEAR_DUPLICATE_THRESHOLD = 0.5
_WORD = re.compile(r"\w+")


def minhash_of(text: str) -> MinHash:
    words = _WORD.findall(text.lower())
    mh = MinHash(num_perm=NUM_PERM)
    shingles = {" ".join(words[i: i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh.update_batch([shingle.encode("utf-8") for shingle in shingles])  # the same values, hashed in one numpy pass
    return mh


class StoryIndex:
    """LSH over the stored articles' signatures; finds the story a new article copies."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._story: dict[str, str] = {}
        self._signature: dict[str, MinHash] = {}

    def add(self, article_id: str, story_id: str, signature: MinHash) -> None:
        if article_id in self._story:
            return
        self._lsh.insert(article_id, signature)
        self._story[article_id] = story_id
        self._signature[article_id] = signature

    def remove(self, article_id: str) -> None:
        if article_id in self._story:
            self._lsh.remove(article_id)
            del self._story[article_id]
            del self._signature[article_id]

    def story_of(self, article_id: str, signature: MinHash) -> str:
        """The story of the most similar stored article above the threshold, else a new story."""
        best: tuple[float, str] | None = None
        for other in self._lsh.query(signature):
            if other == article_id:
                continue
            # LSH proposes candidates; only an estimated similarity at the threshold makes a copy.
            similarity = signature.jaccard(self._signature[other])
            if similarity >= self.threshold and (best is None or similarity > best[0]):
                best = (similarity, other)
        return self._story[best[1]] if best is not None else article_id


def signature_from_values(values: Iterable[int]) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM)
    mh.hashvalues[:] = list(values)
    return mh


def place_key(event: Event) -> str:
    place = event.place
    if place is None:
        return ""
    if place.admin1 or place.feature == "country":
        return f"{place.country}|{place.admin1 or ''}"
    return f"{place.country}|{round(place.lat, 1)},{round(place.lon, 1)}"


def group_key(event: Event) -> str:
    """Key under which reports of one real-world event from several articles merge."""
    parts = [
        event.date or "", event.source.code, event.target.code if event.target else "", event.cameo_root,
        place_key(event), "neg" if event.negated else "", "hyp" if event.hypothetical else "",
    ]
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]
