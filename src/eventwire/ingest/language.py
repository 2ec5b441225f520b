"""Language identification of article text (py3langid's offline model, loaded once)."""

from __future__ import annotations

from collections.abc import Collection
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
    """py3langid's identifier on its model's arrays as the per-user cache keeps them (cache.py): unpacking the
    packaged model (LZMA) takes seconds, a pickle of it still 0.3-0.6 s of every cold start; mapped from the
    cache file, only the pages an article's n-grams touch are read. The same numbers, so the same guesses."""
    from importlib.metadata import version

    from py3langid.langid import LanguageIdentifier

    from eventwire.cache import cached_arrays, code_digest

    arrays, classes = cached_arrays("langid", f"py3langid {version('py3langid')}; {code_digest(__file__)}",
                                    _model_arrays)
    # memoryviews index to plain ints, as the stdlib arrays and lists py3langid's own loader gives do
    return LanguageIdentifier(arrays["ptc"], arrays["pc"], classes, memoryview(arrays["nextmove"]),
                              memoryview(arrays["output"]), norm_probs=True, tk_row=memoryview(arrays["row"]))


def _model_arrays() -> tuple[dict[str, Any], list[str]]:
    """py3langid's packaged model, unpacked by its own loader, as numpy arrays (and its language labels)."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, output = load_model(MODEL_DIR / MODEL_FILE)
    return ({"ptc": np.asarray(ptc), "pc": np.asarray(pc), "nextmove": np.frombuffer(nextmove, dtype=nextmove.typecode),
             "row": np.frombuffer(row, dtype=row.typecode), "output": np.asarray(output, dtype=np.int32)},
            list(classes))


# The identifier walks its sample byte by byte in Python; ~300 words are plenty for a language's n-grams
# (on 1,059 news texts, 2,000 characters give the same confident guesses as 3,000; 1,000 lose one).
SAMPLE_CHARS = 2000
# A page that declares its language is checked on a quarter of that: a confident guess that agrees with the
# declaration is two signals saying the same. A declaration alone is not trusted (templates say "en" on
# German stories and "de" on English ones), and one the text does not bear out gets the full sample.
DECLARED_SAMPLE_CHARS = 500


def detect_language(text: str, declared: Collection[str] = ()) -> LanguageGuess:
    """The language of `text`, read from its first SAMPLE_CHARS characters, or from its first
    DECLARED_SAMPLE_CHARS when that guess is confident and one of the `declared` languages (ISO 639-1)."""
    if declared:
        quick = _guess(text[:DECLARED_SAMPLE_CHARS])
        if quick.confident and quick.language in declared:
            return quick
    return _guess(text[:SAMPLE_CHARS])


def _guess(sample: str) -> LanguageGuess:
    language, probability = _identifier().classify(sample)
    confident = len(sample.split()) >= MIN_WORDS and float(probability) >= MIN_PROBABILITY
    return LanguageGuess(str(language), float(probability), confident)
