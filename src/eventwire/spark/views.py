"""DuckDB over the Parquet output of `eventwire spark run`: views named and typed like the store's tables
(and its `event_groups` view), so every store query runs on it unchanged. Needs no Spark."""

from __future__ import annotations

from pathlib import Path

import duckdb

from eventwire.errors import UnreadableInput
from eventwire.store.columns import OUTPUT_TABLES, store_columns


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _view(table: str, files: list[str]) -> str:
    columns = store_columns()[table]
    if not files:  # Spark writes no file for a partitioned table without rows: an empty view, typed
        nulls = ", ".join(f'CAST(NULL AS {c.duckdb_type}) AS "{c.name}"' for c in columns)
        return f"CREATE VIEW {table} AS SELECT {nulls} WHERE false"
    casts = ", ".join(f'CAST("{c.name}" AS {c.duckdb_type}) AS "{c.name}"' for c in columns)
    # The event_date folders are a layout for readers that prune by them; the rows carry `date` themselves.
    source = f"read_parquet([{', '.join(_literal(f) for f in files)}], hive_partitioning = false)"
    return f"CREATE VIEW {table} AS SELECT {casts} FROM {source}"


def open_parquet(out: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with a view per output table over OUT/TABLE/**/*.parquet."""
    root = Path(out)
    if not (root / "events").is_dir() or not (root / "event_groups").is_dir():
        raise UnreadableInput(str(out), "not the output of `eventwire spark run` (no events/ and event_groups/)")
    con = duckdb.connect()
    for table in OUTPUT_TABLES:
        folder = root / table
        files = sorted(str(p) for p in folder.rglob("*.parquet")) if folder.is_dir() else []
        con.execute(_view(table, files))
    return con
