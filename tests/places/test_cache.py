"""The disk cache of built indexes: reused when present, rebuilt when damaged, never an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.cache import cached
from eventwire.datafiles import name_key
from eventwire.places.gazetteer import SmallTowns


def test_a_built_value_is_saved_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path))
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"damboa": 1}

    assert cached("test", "k1", build) == {"damboa": 1}
    assert cached("test", "k1", build) == {"damboa": 1}
    assert len(calls) == 1
    cached("test", "k2", build)  # another key is another entry
    assert len(calls) == 2 and len(list(tmp_path.glob("test-*.pickle"))) == 2


def test_a_damaged_entry_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path))
    cached("test", "k", lambda: [1, 2])
    (entry,) = tmp_path.glob("test-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert cached("test", "k", lambda: [3]) == [3]


def test_an_unwritable_cache_still_gives_the_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(blocked / "sub"))
    assert cached("test", "k", lambda: "built") == "built"


def test_small_towns_read_from_the_cache_equal_the_built_index(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path))
    built = SmallTowns({"NG": "NGA"}).candidates("zurmi")  # a Zamfara town of under 15,000
    assert built and built[0].country == "NGA"
    assert list(tmp_path.glob("small-towns-*.sqlite"))
    assert SmallTowns({"NG": "NGA"}).candidates("zurmi") == built


def test_a_place_reached_by_several_names_is_one_object_as_when_built() -> None:
    """The resolver compares places by identity ("a place in the state" is not the state itself): read back
    from the cache one key at a time, a country reached by its name, its alias or its demonym is still one."""
    from eventwire.places.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    georgia = next(p for p in gazetteer.candidates("Georgia") if p.feature == "country")
    assert gazetteer.demonyms[name_key("Georgian")] is georgia
    usa = [p for p in gazetteer.candidates("United States") if p.feature == "country"]
    assert usa and all(p is q for p, q in zip(usa, [p for p in gazetteer.candidates("USA")
                                                     if p.feature == "country"], strict=True))
