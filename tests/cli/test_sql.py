"""`eventwire sql` reads its database and nothing else: every way DuckDB's SQL reaches the filesystem, another
database or the network is refused with one line and exit status 2, and a SET cannot lift the lock."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import duckdb
import pytest

from tests.conftest import EVENTWIRE

SECRET = "s3cr3t-token-do-not-leak"


def sql(db: Path, statement: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, "sql", "--db", str(db), statement], capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with an event database, a private file beside it and another user's database."""
    from eventwire.store import Store

    folder = tmp_path_factory.mktemp("sql")
    with Store(folder / "events.duckdb") as store:
        store.record_failure("https://example.org/a", "ingest", "HTTP 404 Not Found")
    (folder / "private.txt").write_text(f"token,{SECRET}\n", encoding="utf-8")
    with duckdb.connect(str(folder / "other.duckdb")) as other:
        other.execute("CREATE TABLE secrets AS SELECT ? AS token", [SECRET])
    return folder


def refused(proc: subprocess.CompletedProcess[str], db: Path) -> None:
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert proc.stderr.startswith(f"eventwire: {db}: refused: a query may read this database only")
    assert len(proc.stderr.strip().splitlines()) == 1
    assert SECRET not in proc.stdout + proc.stderr


def test_queries_over_the_database_still_work(place: Path) -> None:
    db = place / "events.duckdb"
    proc = sql(db, "SELECT source, stage FROM failures")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"source": "https://example.org/a", "stage": "ingest"}
    typo = sql(db, "SELEC 1")
    assert typo.returncode == 2 and typo.stderr.startswith(f"eventwire: {db}: SQL error: Parser Error")


@pytest.mark.parametrize("statement", [
    "COPY failures TO '{place}/copied.csv'",
    "COPY (SELECT 1 AS x) TO '{place}/copied.csv' (FORMAT json)",
    "EXPORT DATABASE '{place}/copied'",
])
def test_nothing_is_written_outside_the_database(place: Path, statement: str) -> None:
    db = place / "events.duckdb"
    refused(sql(db, statement.format(place=place)), db)
    assert not (place / "copied.csv").exists() and not (place / "copied").exists()


@pytest.mark.parametrize("statement", [
    "SELECT content FROM read_text('/etc/passwd')",
    "SELECT content FROM read_text('{place}/private.txt')",
    "SELECT * FROM read_csv('{place}/private.txt')",
    "SELECT * FROM glob('{place}/*')",
    "ATTACH '{place}/other.duckdb' AS other; SELECT token FROM other.secrets",
])
def test_no_other_file_is_read(place: Path, statement: str) -> None:
    db = place / "events.duckdb"
    proc = sql(db, statement.format(place=place))
    refused(proc, db)
    assert "root:" not in proc.stdout and "private.txt" not in proc.stdout


def test_a_file_path_in_from_is_no_table(place: Path) -> None:
    db = place / "events.duckdb"
    proc = sql(db, f"SELECT * FROM '{place}/private.txt'")
    assert proc.returncode == 2 and SECRET not in proc.stdout
    assert proc.stderr.startswith(f"eventwire: {db}: SQL error: Catalog Error: Table with name ")


@pytest.mark.parametrize("statement", ["INSTALL httpfs", "LOAD httpfs", "INSTALL spatial FROM community",
                                       "SELECT * FROM read_json('https://example.org/x.json')"])
def test_no_extension_is_installed_or_loaded_and_nothing_is_fetched(place: Path, statement: str) -> None:
    db = place / "events.duckdb"
    proc = sql(db, statement)
    refused(proc, db)
    assert "download" not in proc.stderr.lower()


@pytest.mark.parametrize("unlock", [
    "SET enable_external_access = true",
    "SET lock_configuration = false; SET enable_external_access = true",
    "RESET enable_external_access",
    "PRAGMA enable_external_access = true",
])
def test_a_set_cannot_lift_the_lock(place: Path, unlock: str) -> None:
    db = place / "events.duckdb"
    proc = sql(db, f"{unlock}; SELECT content FROM read_text('{place}/private.txt')")
    refused(proc, db)
    assert "settings cannot be changed" in proc.stderr
