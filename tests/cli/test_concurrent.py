"""Reading while writing (issue 20): `serve`, `query`, `stats` and `sql` keep answering, and see new articles,
while an `ingest` or a `recode` runs on the same database - two processes really at once, on Wikinews
articles - with nothing lost and no DuckDB message reaching the user; a file held for good is a one-line error."""

from __future__ import annotations

import json
import os
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.cli.wikinews import write_undated
from tests.conftest import EVENTWIRE, serving

RAW_DUCKDB = ("IO Error", "Could not set lock", "Conflicting lock", "readonly", "Traceback")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})})


def get(base: str, path: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(base + path, timeout=120) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A database of two articles, and `eventwire serve` on it."""
    write_undated(tmp_path / "first", 0, 2)
    db = tmp_path / "events.duckdb"
    first = run("ingest", str(tmp_path / "first"), "--db", str(db), "--workers", "1")
    assert first.returncode == 0, first.stderr
    with serving(db, tmp_path / "serve.log") as base:
        yield db, base


def read_everything(db: Path, base: str) -> tuple[int, int]:
    """The article count the CLI readers and the server each see; every one must answer."""
    stats = run("stats", "--db", str(db))
    assert stats.returncode == 0 and not any(raw in stats.stderr for raw in RAW_DUCKDB), stats.stderr
    query = run("query", "--db", str(db), "--limit", "5")
    assert query.returncode == 0 and not any(raw in query.stderr for raw in RAW_DUCKDB), query.stderr
    sql = run("sql", "SELECT count(*) AS n FROM articles", "--db", str(db))
    assert sql.returncode == 0, sql.stderr
    status, served = get(base, "/stats")
    assert status == 200, served
    events_status, _ = get(base, "/events?limit=5")
    assert events_status == 200
    assert json.loads(stats.stdout)["articles"] <= json.loads(sql.stdout)["n"]  # read one after the other
    return int(json.loads(sql.stdout)["n"]), int(served["articles"])


def test_readers_keep_working_and_see_new_articles_while_ingest_and_recode_run(
        served: tuple[Path, str], tmp_path: Path) -> None:
    db, base = served
    write_undated(tmp_path / "more", 2, 40)
    writer = subprocess.Popen([EVENTWIRE, "ingest", str(tmp_path / "more"), "--db", str(db), "--workers", "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: list[tuple[int, int]] = []
    while writer.poll() is None:
        seen.append(read_everything(db, base))
    _, err = writer.communicate()
    assert writer.returncode == 0, err
    assert "40 added" in err and not any(raw in err for raw in RAW_DUCKDB)
    final = read_everything(db, base)
    assert final == (42, 42)  # nothing lost
    assert len(seen) >= 2 and all(a[0] <= b[0] and a[1] <= b[1] for a, b in pairwise(seen))  # counts only grow
    assert any(2 < n < 42 for pair in seen for n in pair), seen  # readers saw articles arrive mid-run

    recoder = subprocess.Popen([EVENTWIRE, "recode", "--db", str(db), "--source", "/more/01", "--workers", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    readings = 0
    while recoder.poll() is None:
        assert read_everything(db, base) == (42, 42)
        readings += 1
    _, err = recoder.communicate()
    assert recoder.returncode == 0 and "recoded 10 articles" in err, err
    assert readings >= 1


@pytest.fixture()
def impatient(monkeypatch: pytest.MonkeyPatch) -> None:
    """Processes started from here on (the server too, when asked for before it) wait 2 s for a held file."""
    monkeypatch.setenv("EVENTWIRE_LOCK_WAIT", "2")


def test_a_database_held_for_good_is_a_one_line_error(impatient: None, served: tuple[Path, str]) -> None:
    db, base = served
    holder = duckdb.connect(str(db))  # this process holds it read-write until the end of the test
    try:
        for args in (("stats",), ("query",), ("sql", "SELECT 1"), ("recode",)):
            proc = run(*args, "--db", str(db))
            assert proc.returncode == 3, (args, proc.stderr)
            [line] = proc.stderr.strip().splitlines()
            assert "has held the database for longer than 2s" in line and f"pid {os.getpid()}" in line
            assert not any(raw in line for raw in RAW_DUCKDB)
        status, body = get(base, "/stats")  # the server waits 2 s too, then answers 503 in one line
        assert status == 503 and "has held the database" in json.dumps(body)
    finally:
        holder.close()
    assert get(base, "/stats")[0] == 200
