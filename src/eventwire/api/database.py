"""The server's database: opened per request when it only reads, held when it may ingest.

DuckDB lets one process hold a file read-write and then no other process may open it, not even to read
(store/connect.py). Without `--allow-ingest` the server therefore holds nothing between requests: each request
opens the file read-only, reads and closes it, and when an `ingest` or `recode` is saving a batch it waits the
moment that takes (a request finding the file held past the wait answers 503 with one line). So the dashboard
stays open while articles come in, and each request sees the events saved so far. With `--allow-ingest` one
read-write `Store` is held and only POST /ingest writes, one article at a time under a lock; a command-line
writer then waits for the server, so run one or the other.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from eventwire.errors import DatabaseUnavailable
from eventwire.store import Store
from eventwire.store.connect import connect
from eventwire.store.sandbox import lock_down
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
        if not writable:
            self.store.close()  # checked once; requests open the file themselves
        if version != SCHEMA_VERSION:
            self.store.close()
            raise DatabaseUnavailable(f"{path}: schema version {version}, this eventwire reads {SCHEMA_VERSION} "
                                      "(open it once with `eventwire ingest` to migrate)")

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one request: the held store's cursor (DuckDB's way to query from several threads),
        else the file opened read-only for this request (waiting while a writer saves a batch)."""
        if self.writable:
            cur = self.store.con.cursor()
            try:
                yield cur
            finally:
                cur.close()
            return
        con = connect(str(self.path), read_only=True)
        try:
            lock_down(con)
            yield con
        finally:
            con.close()

    def close(self) -> None:
        self.store.close()
