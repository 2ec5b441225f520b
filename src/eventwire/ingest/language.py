"""Language identification of article text (py3langid's offline model, loaded once)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Below these, a guess is not trusted enough to skip an article: short texts (headlines, captions) and
# mixed pages are kept and coded as English.
MIN_WORDS = 12
MIN_PROBABILITY = 0.90


@dataclass(frozen=True)
class LanguageGuess:
    language: str      # ISO 639-1, e.g. "en"
    probability: float
    confident: bool    # long enough and probable enough to act on


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's identifier, read back from the per-user cache (places/cache.py) after the first process:
    unpacking its compressed model file takes seconds of every cold start, reading the pickle a fraction."""
    from importlib.metadata import version

    from eventwire.places.cache import cached

    return cached("langid", f"py3langid {version('py3langid')}; norm_probs", _load_identifier)


def _load_identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# The identifier walks its sample byte by byte in Python; ~300 words are plenty for a language's n-grams
# (on 1,059 news texts, 2,000 characters give the same confident guesses as 3,000; 1,000 lose one).
SAMPLE_CHARS = 2000


def detect_language(text: str) -> LanguageGuess:
    """The language of `text`, read from its first SAMPLE_CHARS characters."""
    sample = text[:SAMPLE_CHARS]
    language, probability = _identifier().classify(sample)
    confident = len(sample.split()) >= MIN_WORDS and float(probability) >= MIN_PROBABILITY
    return LanguageGuess(str(language), float(probability), confident)
