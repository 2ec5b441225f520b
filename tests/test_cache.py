"""The per-user disk cache's formats: an SQLite table read by key, and mapped numpy arrays. Each is
read back equal to what was built, built again when damaged or written for another key, and never an error."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import numpy as np
import pytest

from eventwire.cache import cached_arrays, entry_path
from eventwire.disktable import DiskTable, cached_table


def _upper(blob: bytes) -> str:
    return blob.decode("utf-8").upper()


def _table(calls: list[int]) -> tuple[dict[str, str], dict[str, int]]:
    calls.append(1)
    return {"damboa": "borno", "zurmi": "zamfara"}, {"towns": 2}


def _encode(value: str) -> bytes:
    return value.encode("utf-8")


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_a_table_is_written_once_and_read_back_by_key(cache: Path) -> None:
    calls: list[int] = []
    cached_table("towns", "k", lambda: _table(calls), _encode, _upper)
    table, extra = cached_table("towns", "k", lambda: _table(calls), _encode, _upper)
    assert calls == [1] and isinstance(table, DiskTable)
    assert (table.get("damboa"), table["zurmi"], table.get("lagos", ()), extra) == ("BORNO", "ZAMFARA", (),
                                                                                     {"towns": 2})
    assert "lagos" not in table and sorted(table) == ["damboa", "zurmi"] and len(table) == 2
    copy = pickle.loads(pickle.dumps(table))  # a worker given the table opens the file itself
    assert copy.get("damboa") == "BORNO"


def test_a_damaged_or_foreign_table_is_built_again(cache: Path) -> None:
    calls: list[int] = []
    cached_table("towns", "k", lambda: _table(calls), _encode, _upper)
    path = entry_path("towns", "k", ".sqlite")
    path.write_bytes(b"not a database")
    table, _ = cached_table("towns", "k", lambda: _table(calls), _encode, _upper)
    assert table.get("damboa") == "BORNO" and len(calls) == 2
    os.replace(entry_path("towns", "k", ".sqlite"), entry_path("towns", "other", ".sqlite"))
    cached_table("towns", "other", lambda: _table(calls), _encode, _upper)  # its file says it is "k"'s
    assert len(calls) == 3


def test_an_unwritable_cache_still_gives_the_built_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(blocked / "sub"))
    table, extra = cached_table("towns", "k", lambda: _table([]), _encode, _upper)
    assert table.get("damboa") == "borno" and extra == {"towns": 2}  # the built values, not decoded ones
    arrays, _ = cached_arrays("model", "k", lambda: ({"a": np.arange(3)}, None))
    assert arrays["a"].tolist() == [0, 1, 2]


def _arrays(calls: list[int]) -> tuple[dict[str, np.ndarray], list[str]]:
    calls.append(1)
    return {"ptc": np.arange(12, dtype=np.float16).reshape(4, 3), "row": np.array([7, 9], dtype=np.uint16),
            "empty": np.zeros(0, dtype=np.int32)}, ["en", "fr"]


def test_arrays_are_mapped_back_equal_and_rebuilt_when_damaged(cache: Path) -> None:
    calls: list[int] = []
    cached_arrays("model", "k", lambda: _arrays(calls))
    arrays, extra = cached_arrays("model", "k", lambda: _arrays(calls))
    assert calls == [1] and extra == ["en", "fr"]
    assert arrays["ptc"].dtype == np.float16 and arrays["ptc"].tolist() == _arrays([])[0]["ptc"].tolist()
    assert memoryview(arrays["row"])[1] == 9 and arrays["empty"].shape == (0,)
    path = entry_path("model", "k", ".arrays")
    path.write_bytes(path.read_bytes()[:100])  # cut short, as by a full disk
    arrays, _ = cached_arrays("model", "k", lambda: _arrays(calls))
    assert len(calls) == 2 and arrays["row"].tolist() == [7, 9]
