"""Opening the database file within DuckDB's one-writer rule: a process holding it read-write excludes every
other process, even readers. So no eventwire process holds it for long - the writer (`ingest`, `recode`) opens
it per batch it saves and closes it while it codes the next one, readers (`query`, `stats`, `sql`, `export`,
the server) per command or request - and whoever finds it locked waits a moment and tries again, for up to
`LOCK_WAIT` seconds, before it gives up with a one-line error naming the process that holds it.
"""

from __future__ import annotations

import os
import re
import time

import duckdb

from eventwire.errors import DatabaseUnavailable

LOCK_WAIT = 30.0    # seconds to wait for another process to release the file (a writer saving a batch)
_RETRY_EVERY = 0.05
_HOLDER = re.compile(r"held in (.+?) \(PID (\d+)\)")


def lock_wait() -> float:
    """LOCK_WAIT, or EVENTWIRE_LOCK_WAIT (seconds) when set to a number."""
    try:
        return max(0.0, float(os.environ.get("EVENTWIRE_LOCK_WAIT", LOCK_WAIT)))
    except ValueError:
        return LOCK_WAIT


def is_lock_error(exc: BaseException) -> bool:
    """DuckDB refusing the file because another process holds it (its lock, or a read-only/read-write clash)."""
    text = str(exc)
    return isinstance(exc, duckdb.Error) and ("Could not set lock" in text or "Conflicting lock" in text)


def connect(path: str, read_only: bool, wait: float | None = None) -> duckdb.DuckDBPyConnection:
    """A connection to `path`, waiting up to `wait` seconds (default lock_wait()) while another process holds
    it. DatabaseUnavailable, in one line, when it stays locked or is not a DuckDB file."""
    deadline = time.monotonic() + (lock_wait() if wait is None else wait)
    delay = _RETRY_EVERY
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            if not is_lock_error(exc):  # not a DuckDB file, a directory, no permission...
                raise DatabaseUnavailable(f"{path}: cannot open database: {str(exc).splitlines()[0]}") from None
            if time.monotonic() >= deadline:
                raise DatabaseUnavailable(f"{path}: {_holder(str(exc))} has held the database for longer than "
                                          f"{wait if wait is not None else lock_wait():g}s; try again when it is "
                                          "done (or set EVENTWIRE_LOCK_WAIT)") from None
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


def _holder(message: str) -> str:
    found = _HOLDER.search(message)
    return f"another process (pid {found.group(2)})" if found else "another process"
