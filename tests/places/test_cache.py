"""The gazetteer's indexes read back from the per-user cache (cache.py, disktable.py) equal the built ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.datafiles import name_key
from eventwire.places.gazetteer import SmallTowns


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
