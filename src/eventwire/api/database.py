"""The server's one DuckDB connection and a cursor per request.

Without `--allow-ingest` the file is opened read-only, so DuckDB itself refuses any write and other
processes may read it at the same time. With it, one read-write `Store` is held and only POST /ingest
writes, one article at a time under a lock.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from eventwire.errors import DatabaseUnavailable
from eventwire.store import Store
from eventwire.store.schema import SCHEMA_VERSION, current_version

__all__ = ["DatabaseUnavailable", "EventDb"]

class EventDb:
    def __init__(self, path: Path, writable: bool = False) -> None:
        if not writable and not path.exists():
            raise DatabaseUnavailable(f"{path}: no such database (create it with `eventwire ingest`)")
        self.store = Store(path, read_only=not writable)  # DatabaseUnavailable when locked, foreign or too new
        self.path = path
        self.writable = writable
        self.write_lock = threading.Lock()
        version = current_version(self.store.con)
        if version != SCHEMA_VERSION:
            self.store.close()
            raise DatabaseUnavailable(f"{path}: schema version {version}, this eventwire reads {SCHEMA_VERSION} "
                                      "(open it once with `eventwire ingest` to migrate)")

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the shared connection: DuckDB's way to query from several threads."""
        cur = self.store.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def close(self) -> None:
        self.store.close()
