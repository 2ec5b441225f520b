"""The phrase matchers built from cached token keys (phrases.py) find what matchers built from Docs find, read
the cache at the next start instead of tokenizing, and still match names the cache has not seen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.matcher import PhraseMatcher

from eventwire.actors import build_actor_matcher, load_actor_kb

TEXT = ("Vladimir Putin and the Kremlin met NATO and Nato envoys in Damascus; the US State Department, Hezbollah "
        "and the EU said Jane Roe of the Tbilisi Civic Union, with Recep Tayyip Erdogan, us and IS were there.")


def _doc_matchers(kb: Any, nlp: Any) -> tuple[PhraseMatcher, PhraseMatcher]:
    """The matchers as built before the cache: every name tokenized into a Doc."""
    by_lower, by_orth = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
    for alias, (kind, key) in kb.phrases.items():
        label = f"{kind}\t{key}"
        short = alias.isupper() and len(alias.replace(".", "")) <= 4
        (by_orth if short else by_lower).add(label, [nlp.make_doc(alias)])
        if alias.isalpha() and alias.isupper() and len(alias) == 4:
            by_orth.add(label, [nlp.make_doc(alias.capitalize())])
    return by_lower, by_orth


def _matches(matchers: tuple[Any, Any], doc: Any) -> list[tuple[str, int, int]]:
    return sorted((doc.vocab.strings[m], s, e) for matcher in matchers for m, s, e in matcher(doc))


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_the_cached_actor_matcher_matches_as_the_docs_did_and_tokenizes_nothing_next_time(
        cache: Path, nlp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    users = tmp_path / "actors.tsv"
    users.write_text("name\tcode\tkind\taliases\nJane Roe\tGEOCVL\tperson\tRoe\n"
                     "Tbilisi Civic Union\tGEONGO\tgroup\t\n", encoding="utf-8")
    kb = load_actor_kb((str(users),))
    doc = nlp(TEXT)
    first = build_actor_matcher(kb, nlp)
    expected = _matches(_doc_matchers(kb, nlp), doc)
    assert _matches((first.by_lower, first.by_orth), doc) == expected
    assert any(label.startswith("person\tJane Roe") for label, _, _ in expected)

    def no_tokenizing(text: str) -> Any:
        raise AssertionError(f"tokenized {text!r} again")

    monkeypatch.setattr(nlp, "make_doc", no_tokenizing)
    again = build_actor_matcher(kb, nlp)  # a later start: every name's keys come from the cache
    assert _matches((again.by_lower, again.by_orth), doc) == expected


def test_a_name_the_cache_lacks_is_tokenized_and_matched(cache: Path, nlp: Any, tmp_path: Path) -> None:
    build_actor_matcher(load_actor_kb(()), nlp)  # the cache knows the packaged names only
    users = tmp_path / "actors.tsv"
    users.write_text("name\tcode\tkind\taliases\nZaza Kvaratskhelia-Gelovani\tGEOOPP\tperson\t\n", encoding="utf-8")
    matcher = build_actor_matcher(load_actor_kb((str(users),)), nlp)
    doc = nlp("Zaza Kvaratskhelia-Gelovani spoke.")
    assert [doc[s:e].text for _, s, e in matcher.by_lower(doc)] == ["Zaza Kvaratskhelia-Gelovani"]
