"""The server's database: opened per request, never held between them, also when it may ingest.

DuckDB lets one process hold a file read-write and then no other process may open it, not even to read
(store/connect.py). So the server holds nothing between requests: each request opens the file read-only, reads
and closes it, and when an `ingest` or `recode` in another process is saving a batch it waits the moment that
takes (a request finding the file held past the wait answers 503 with one line). With `--allow-ingest`,
POST /ingest opens the file read-write only while it checks and saves its article, as the command-line writers
do, so an `eventwire ingest` in another process can run while the server is up. Within the server, DuckDB
refuses a read-write and a read-only connection to one file at once: a POST /ingest waits for the requests
reading, and they for it (`_Turns`).
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


class _Turns:
    """Readers share the file; a writer has it alone. A waiting writer goes before new readers, so that a busy
    dashboard cannot keep POST /ingest waiting for good."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and not self._writers_waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            self._cond.wait_for(lambda: not self._writing and not self._readers)
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class EventDb:
    def __init__(self, path: Path, writable: bool = False) -> None:
        if not writable and not path.exists():
            raise DatabaseUnavailable(f"{path}: no such database (create it with `eventwire ingest`)")
        # DatabaseUnavailable when locked, foreign or too new; a writable one is created and migrated here
        self.store = Store(path, read_only=not writable, hold=False)
        self.path = path
        self.writable = writable
        self._turns = _Turns()
        version = current_version(self.store.con)
        self.store.close()  # checked once; requests open the file themselves
        if version != SCHEMA_VERSION:
            raise DatabaseUnavailable(f"{path}: schema version {version}, this eventwire reads {SCHEMA_VERSION} "
                                      "(open it once with `eventwire ingest` to migrate)")

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The file opened read-only for one request (waiting while a writer saves a batch), closed after."""
        with self._turns.reading():
            con = connect(str(self.path), read_only=True)
            try:
                lock_down(con)
                yield con
            finally:
                con.close()

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The store for one POST /ingest: it opens the file read-write when it checks and saves (waiting while
        another process holds it) and closes it after, so other processes get their turn."""
        with self._turns.writing():
            self.store.coded_by = None  # what codes now (the user's files may have changed): see CodedBy.current
            try:
                yield self.store
            finally:
                self.store.close()

    def close(self) -> None:
        self.store.close()
