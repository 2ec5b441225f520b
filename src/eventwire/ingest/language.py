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
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> LanguageGuess:
    """The language of `text` (its first ~3,000 characters are enough and keep this fast)."""
    sample = text[:3000]
    language, probability = _identifier().classify(sample)
    confident = len(sample.split()) >= MIN_WORDS and float(probability) >= MIN_PROBABILITY
    return LanguageGuess(str(language), float(probability), confident)
