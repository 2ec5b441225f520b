"""The store's DuckDB connection reads and writes its own database file and nothing else.

`eventwire sql` runs whatever SQL its user types, and DuckDB's SQL reaches far: `COPY ... TO` and
`EXPORT DATABASE` write files, `read_text`, `read_csv` and `glob` read any file the user can, `ATTACH`
opens other databases, `INSTALL` downloads code. A query tool over an event database should read that
database only, so every `Store` turns external access off, refuses extensions that are not built in
(json, parquet and icu are), and then locks the configuration so a `SET` cannot undo any of it.

The settings are DuckDB's own (duckdb_settings(); "Securing DuckDB" in its manual). They are set on the
open connection rather than passed to `duckdb.connect`: DuckDB refuses a second connection to a file
opened with another configuration in the same process, and the server's readers share its file.
"""

from __future__ import annotations

import threading

import duckdb

# Order matters: the lock comes last, or it would refuse the settings before it.
SANDBOX_SETTINGS: tuple[tuple[str, bool], ...] = (
    ("enable_external_access", False),      # no file but the database: COPY, EXPORT, read_*, glob, ATTACH
    ("autoinstall_known_extensions", False),
    ("autoload_known_extensions", False),
    ("allow_community_extensions", False),
    ("lock_configuration", True),           # no SET or RESET can change the settings above
)

_REFUSED = "refused: a query may read this database only"


# The server opens the file once per request, from several threads at once, and DuckDB gives every connection
# to one file in a process the same instance: two requests locking it down together would race (one reading a
# setting before the other's lock, then refused by it), so locking down is one thread at a time.
_LOCKING = threading.Lock()


def lock_down(con: duckdb.DuckDBPyConnection) -> None:
    """Confine the database instance behind `con` (every cursor of it) to its own file, for good.

    A second Store on a file this process has open shares the instance, already locked down: settings
    already as wanted are left alone (setting them again would be refused by the lock)."""
    with _LOCKING:
        for name, value in SANDBOX_SETTINGS:
            current = con.execute("SELECT current_setting(?)", [name]).fetchone()
            if current is None or current[0] != value:
                con.execute(f"SET {name} = {'true' if value else 'false'}")  # our own names and values


def refusal(exc: Exception) -> str | None:
    """A one-line reason when `exc` is the sandbox refusing a statement, else None (an ordinary SQL error)."""
    first = str(exc).splitlines()[0] if str(exc) else ""
    if isinstance(exc, duckdb.PermissionException):
        return f"{_REFUSED} ({first.removeprefix('Permission Error: ')})"
    if "configuration has been locked" in first:
        return f"{_REFUSED}, and its settings cannot be changed ({first.removeprefix('Invalid Input Error: ')})"
    return None
