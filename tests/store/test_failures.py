"""The failures table through the CLI: one row per input, stage and reason however many runs meet it, a
refused cut-off copy among them; databases of schema version 3 are migrated to it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import duckdb

from tests.conftest import EVENTWIRE, EXAMPLES


def ingest(db: Path, *inputs: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, "ingest", *map(str, inputs), "--db", str(db), "--workers", "1"],
                          capture_output=True, text=True, timeout=600)


def test_a_rerun_adds_no_failure_rows(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    missing, empty = tmp_path / "missing.txt", tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for _ in range(2):
        assert ingest(db, missing, empty).returncode == 1
    with duckdb.connect(str(db), read_only=True) as con:
        failures = con.execute("SELECT source, reason, occurrences FROM failures ORDER BY source").fetchall()
    assert failures == [(str(empty), "empty file", 2), (str(missing), "no such file", 2)]


def test_a_cut_off_copy_replaces_nothing_and_is_recorded_once(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    page = tmp_path / "ankara.txt"
    original = (EXAMPLES / "diplomacy_ankara.txt").read_text(encoding="utf-8")
    page.write_text(original, encoding="utf-8")
    assert ingest(db, page).returncode == 0
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("SELECT text, (SELECT count(*) FROM events) FROM articles").fetchall()
    page.write_text(original[: original.index("Fidan also urged")] + "Subscribe to read the full story.",
                    encoding="utf-8")
    for _ in range(2):
        proc = ingest(db, page)
        assert proc.returncode == 0, proc.stderr  # a refused copy is no error: the article is stored whole
        assert "0 added, 0 replaced" in proc.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT text, (SELECT count(*) FROM events) FROM articles").fetchall() == stored
        failures = con.execute("SELECT source, stage, occurrences FROM failures ORDER BY stage").fetchall()
    assert failures == [(str(page.resolve()), "replace", 2)]


def test_a_version_3_database_gets_one_row_per_failure(tmp_path: Path) -> None:
    from eventwire.store import Store
    from eventwire.store.schema import MIGRATIONS, SCHEMA_VERSION, current_version

    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        for version in range(3):
            MIGRATIONS[version](con)
        con.execute("INSERT INTO meta VALUES ('schema_version', '3')")
        con.execute("INSERT INTO failures VALUES ('a.txt', 'ingest', 'empty file', TIMESTAMP '2024-01-01'), "
                    "('a.txt', 'ingest', 'empty file', TIMESTAMP '2024-02-01'), "
                    "('a.txt', 'parse', 'ValueError: x', TIMESTAMP '2024-01-15')")
    with Store(path) as store:
        assert current_version(store.con) == SCHEMA_VERSION
        rows = store.con.execute("SELECT source, stage, reason, failed_at::VARCHAR, occurrences FROM failures "
                                 "ORDER BY stage").fetchall()
    assert rows == [("a.txt", "ingest", "empty file", "2024-02-01 00:00:00", 2),
                    ("a.txt", "parse", "ValueError: x", "2024-01-15 00:00:00", 1)]
