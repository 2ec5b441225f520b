"""Language identification from the cached model arrays (cache.py) gives py3langid's own guesses, the first
time (cache written) and the next (cache mapped back), and again after the entry is damaged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from eventwire.ingest import language

TEXTS = [
    "The ministers met in Geneva on Tuesday and agreed to extend the ceasefire for another month.",
    "Les ministres se sont réunis à Genève mardi et ont convenu de prolonger le cessez-le-feu d'un mois.",
    "Die Minister trafen sich am Dienstag in Genf und vereinbarten, die Waffenruhe um einen Monat zu verlängern.",
    "Министры встретились во вторник в Женеве и договорились продлить перемирие ещё на месяц.",
    "Los ministros se reunieron el martes en Ginebra y acordaron prolongar el alto el fuego un mes más.",
    "وزراء الخارجية اجتمعوا في جنيف يوم الثلاثاء", "OK", "",
]


@pytest.fixture()
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path))
    language._identifier.cache_clear()  # as a new process would
    yield tmp_path
    language._identifier.cache_clear()  # later tests load from their own cache again


def test_guesses_from_the_cached_model_are_py3langids_own(fresh: Path) -> None:
    own = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    expected = [own.classify(t) for t in TEXTS]
    first = [language._identifier().classify(t) for t in TEXTS]  # unpacked, written to the cache
    (entry,) = fresh.glob("langid-*")
    language._identifier.cache_clear()
    mapped = [language._identifier().classify(t) for t in TEXTS]  # read back from the cache file
    assert first == expected and mapped == expected
    assert [language.detect_language(t).language for t in TEXTS[:5]] == ["en", "fr", "de", "ru", "es"]
    entry.write_bytes(entry.read_bytes()[:4096])  # cut short: unusable, so built again
    language._identifier.cache_clear()
    assert [language._identifier().classify(t) for t in TEXTS] == expected


ENGLISH = ("The ministers met in Geneva on Tuesday and agreed to extend the ceasefire for another month, "
           "officials said, after two days of talks between the delegations. ")
GERMAN = ("Die Minister trafen sich am Dienstag in Genf und vereinbarten nach zwei Tagen Gesprächen, "
          "die Waffenruhe um einen weiteren Monat zu verlängern, wie Beamte mitteilten. ")


def test_a_declared_language_the_start_of_the_text_bears_out_is_taken_from_that_start() -> None:
    # an English lead (over DECLARED_SAMPLE_CHARS) above a German story
    text = ENGLISH * 4 + GERMAN * 12
    assert len(ENGLISH * 4) > language.DECLARED_SAMPLE_CHARS
    assert language.detect_language(text).language == "de"  # the full sample is mostly German
    quick = language.detect_language(text, declared={"en"})
    assert quick.language == "en" and quick.confident


def test_a_declaration_the_text_does_not_bear_out_is_not_trusted() -> None:
    # templates that say "de" on an English story, or nothing useful
    text = ENGLISH * 12
    for declared in ({"de"}, {"fr", "de"}, set()):
        guess = language.detect_language(text, declared=declared)
        assert guess == language.detect_language(text) and guess.language == "en"
    short = "Talks resume in Geneva."  # too few words to be confident, whatever the page says
    assert not language.detect_language(short, declared={"en"}).confident
