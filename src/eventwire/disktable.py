"""A large built index kept on disk as an SQLite table and read one key at a time (cache.py's other format).

Reading a 200,000-name gazetteer back whole from a pickle took 0.4 s of every cold start; an article looks up
a few dozen names, each a millisecond-free indexed read. The file is written once (atomically, by
`cached_table`) and never changed in place, so it is opened read-only and immutable, without locks; a process
that forks (the batch and Spark workers) opens its own connection, as SQLite requires.
"""

from __future__ import annotations

import logging
import os
import pickle
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from eventwire.cache import entry_path, write_atomically
from eventwire.errors import MissingKey, StaleCacheEntry

V = TypeVar("V")
log = logging.getLogger(__name__)
_MISSING = object()


class DiskTable(Mapping[str, V]):
    """A read-only mapping over an SQLite entry written by `cached_table`; values decoded by `decode` (a
    picklable callable) and remembered per process."""

    def __init__(self, path: Path, decode: Callable[[bytes], V]) -> None:
        self.path = path
        self.decode = decode
        self._memo: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._con: sqlite3.Connection | None = None
        self._pid = 0

    def __getstate__(self) -> dict[str, Any]:  # a connection does not pickle: the copy opens its own
        return {"path": self.path, "decode": self.decode}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"], state["decode"])  # type: ignore[misc]

    def _connection(self) -> sqlite3.Connection:
        if self._con is None or self._pid != os.getpid():  # never use a parent's connection after fork
            self._con = _open(self.path)
            self._pid = os.getpid()
        return self._con

    def get(self, key: str, default: Any = None) -> Any:
        value = self._memo.get(key, _MISSING)
        if value is _MISSING:
            with self._lock:
                row = self._connection().execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
            value = self._memo[key] = None if row is None else self.decode(row[0])
        return default if value is None else value

    def __getitem__(self, key: str) -> V:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise MissingKey(key)
        result: V = value
        return result

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            keys = [row[0] for row in self._connection().execute("SELECT key FROM entries ORDER BY rowid")]
        return iter(keys)

    def __len__(self) -> int:
        with self._lock:
            count: int = self._connection().execute("SELECT count(*) FROM entries").fetchone()[0]
        return count


def _open(path: Path) -> sqlite3.Connection:
    # immutable: the file is replaced, never edited, so SQLite may skip its locks and change checks
    return sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def cached_table(name: str, key: str, build: Callable[[], tuple[Mapping[str, V], Any]],
                 encode: Callable[[V], bytes], decode: Callable[[bytes], V]) -> tuple[Mapping[str, V], Any]:
    """The (table, extra) that `build()` gives, read back from the cache entry for (name, key) when it is
    there and whole: the table as a DiskTable, `extra` (small, pickled) as it was. A missing, damaged or
    differently keyed entry is built and written again; when it cannot be written, the built values serve."""
    path = entry_path(name, key, ".sqlite")
    if path.exists():
        try:
            return DiskTable(path, decode), _read_extra(path, key)
        except Exception as exc:  # damaged, truncated, foreign: built again below
            log.debug("cache entry %s unreadable (%s): rebuilding", path, exc)
    table, extra = build()

    def write(tmp: Path) -> None:
        with sqlite3.connect(tmp) as con:
            con.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
            con.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)")
            con.executemany("INSERT INTO entries VALUES (?, ?)", ((k, encode(v)) for k, v in table.items()))
            con.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("key", key.encode("utf-8")), ("extra", pickle.dumps(extra, protocol=pickle.HIGHEST_PROTOCOL))])
        con.close()

    if write_atomically(path, write):
        return DiskTable(path, decode), extra
    return table, extra


def _read_extra(path: Path, key: str) -> Any:
    con = _open(path)
    try:
        meta = dict(con.execute("SELECT name, value FROM meta").fetchall())
        if meta.get("key") != key.encode("utf-8"):
            raise StaleCacheEntry("written for another key")
        return pickle.loads(meta["extra"])  # our own entry, written above by this same code
    finally:
        con.close()
