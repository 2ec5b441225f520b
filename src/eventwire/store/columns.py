"""The store's tables and column types, read from the DuckDB schema itself (a fresh in-memory database), so
rows (rows.py) and the Parquet output cannot drift from the database: a column added to schema.py appears here too."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import duckdb

from eventwire.store.schema import migrate

STORE_TABLES = ("articles", "events", "actors", "places", "times", "quotes", "failures")
OUTPUT_TABLES = (*STORE_TABLES, "event_groups")  # the store's tables and its deduplicated-events view


@dataclass(frozen=True)
class Column:
    name: str
    duckdb_type: str  # as information_schema spells it: VARCHAR, INTEGER, UBIGINT[], ...
    nullable: bool


@cache
def store_columns() -> dict[str, tuple[Column, ...]]:
    """Table (or view) name -> its columns in the store's order (from a fresh in-memory database)."""
    con = duckdb.connect()
    try:
        migrate(con)
        rows = con.execute(
            "SELECT table_name, column_name, data_type, is_nullable = 'YES' FROM information_schema.columns "
            "WHERE table_name IN (SELECT unnest(?)) ORDER BY table_name, ordinal_position",
            [list(OUTPUT_TABLES)],
        ).fetchall()
    finally:
        con.close()
    tables: dict[str, list[Column]] = {name: [] for name in OUTPUT_TABLES}
    for table, name, kind, nullable in rows:
        tables[table].append(Column(name, kind, bool(nullable)))
    return {name: tuple(columns) for name, columns in tables.items()}


def column_names(table: str) -> tuple[str, ...]:
    return tuple(c.name for c in store_columns()[table])
