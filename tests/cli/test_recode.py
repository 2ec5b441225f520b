"""`eventwire recode`, dates given to stored articles, and actors in the user folder, through the console script
on a database of real articles (Wikinews 2019, ../shared/data)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from tests.cli.wikinews import write_undated
from tests.conftest import EVENTWIRE


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})})


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def undated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five Wikinews articles ingested from files without a date (article 4 names Francis Rooney)."""
    folder = tmp_path_factory.mktemp("wikinews")
    write_undated(folder / "articles", 0, 5)
    db = folder / "undated.duckdb"
    proc = run("ingest", str(folder / "articles"), "--db", str(db), "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    return db


@pytest.fixture()
def db(undated_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "events.duckdb"
    shutil.copy(undated_db, copy)
    return copy


def everything(db: Path) -> list[list[tuple[object, ...]]]:
    return [rows(db, f"SELECT * FROM {table} ORDER BY ALL")
            for table in ("articles", "events", "actors", "places", "times", "quotes")]


def test_ingest_published_dates_stored_articles_and_recode_run_again_changes_nothing(db: Path) -> None:
    folder = Path(str(rows(db, "SELECT any_value(source_path) FROM articles")[0][0])).parent
    assert rows(db, "SELECT count(*) FROM articles WHERE published IS NULL") == [(5,)]
    undated = rows(db, "SELECT count(*) FROM events WHERE date IS NULL")[0][0]
    assert isinstance(undated, int) and undated > 0

    dated = run("ingest", str(folder), "--db", str(db), "--workers", "1", "--published", "2019-01-07")
    assert dated.returncode == 0, dated.stderr
    assert "5 recoded with a new date or title, 0 already stored" in dated.stderr
    assert rows(db, "SELECT DISTINCT published FROM articles") == [("2019-01-07",)]
    # every act is dated now but background in the past perfect, which stays undated ("Pelosi had agreed ...")
    assert rows(db, "SELECT trigger FROM events WHERE date IS NULL") == [("agreed",)]
    assert rows(db, "SELECT count(*) FROM event_groups WHERE date IS NULL") == [(1,)]

    before = everything(db)
    again = run("recode", "--db", str(db), "--workers", "1")
    assert again.returncode == 0, again.stderr
    assert "recoded 5 articles" in again.stderr and "0 changed, 5 unchanged, 0 failed" in again.stderr
    assert everything(db) == before  # idempotent: not a row, not an ingest time, not an event id changed


def test_an_actor_added_goes_to_the_user_folder_and_recode_stale_applies_it(db: Path, tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config")}
    # Before: a legislator, acting with Senator Cruz (one USALEG record of their joint proposal).
    rooney = "SELECT DISTINCT code FROM actors WHERE text LIKE '%Francis Rooney'"
    assert rows(db, rooney) == [("USALEG",)]
    rooney_acts = "SELECT e.source_code FROM events e WHERE e.source_text LIKE '%Francis Rooney'"
    added = run("actors", "add", "Francis Rooney", "--code", "USAOPP", "--start", "2000-01-01", env=env)
    assert added.returncode == 0, added.stderr
    assert (tmp_path / "config" / "eventwire" / "actors.tsv").is_file() and "used from now on" in added.stdout

    stale = run("recode", "--db", str(db), "--stale", "--workers", "1", env=env)
    assert stale.returncode == 0, stale.stderr
    assert "recoded 5 articles" in stale.stderr
    assert rows(db, rooney) == [("USAOPP",)]
    assert rows(db, rooney_acts) == [("USAOPP",)]  # now coded apart, his own record of the proposal
    assert len(rows(db, "SELECT DISTINCT user_files FROM articles WHERE user_files <> 'none'")) == 1

    nothing = run("recode", "--db", str(db), "--stale", env=env)
    assert nothing.returncode == 0 and "nothing to recode" in nothing.stderr


def test_recode_filters_and_its_errors(db: Path, tmp_path: Path) -> None:
    one = run("recode", "--db", str(db), "--source", "001.TXT", "--workers", "1")
    assert one.returncode == 0 and "recoded 1 articles" in one.stderr, one.stderr
    none = run("recode", "--db", str(db), "--since", "2019-01-01")
    assert none.returncode == 0 and "nothing to recode" in none.stderr  # every article is undated
    bad_date = run("recode", "--db", str(db), "--since", "2019-13-01")
    assert bad_date.returncode == 2 and "not a YYYY-MM-DD date" in bad_date.stderr
    bad_version = run("recode", "--db", str(db), "--older-than-version", "latest")
    assert bad_version.returncode == 2 and "not a version" in bad_version.stderr
    missing = run("recode", "--db", str(tmp_path / "nothing.duckdb"))
    assert missing.returncode == 3 and missing.stderr.strip().endswith("no such database")
    assert len(missing.stderr.strip().splitlines()) == 1
