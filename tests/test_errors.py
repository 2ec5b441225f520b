"""The error contract: one exception tree, failures recorded by stage, exit codes scripts can use."""

from __future__ import annotations

import dataclasses
import inspect
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import duckdb
import pytest

import eventwire.errors as errors
from eventwire.errors import CannotRun, DatabaseTooNew, EventwireError, StageFailed
from eventwire.model import Article, ExtractResult, Failure
from tests.conftest import EVENTWIRE, EXAMPLES, ROOT

SRC = ROOT / "src" / "eventwire"


def test_every_error_is_an_eventwire_error_and_cannot_run_covers_model_data_and_database() -> None:
    defined = [obj for _, obj in inspect.getmembers(errors, inspect.isclass) if obj.__module__ == errors.__name__]
    assert all(issubclass(cls, EventwireError) for cls in defined)
    assert all(issubclass(cls, CannotRun) for cls in (errors.ModelMissing, errors.DataFileError,
                                                      errors.DatabaseUnavailable, errors.DatabaseTooNew))
    assert not issubclass(errors.UnreadableInput, CannotRun) and not issubclass(StageFailed, CannotRun)


def test_the_library_raises_no_bare_builtin_errors_for_domain_conditions() -> None:
    bare = re.compile(r"raise (ValueError|RuntimeError|KeyError|TypeError)\(")
    found = [f"{path.relative_to(SRC)}:{n}" for path in SRC.rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if bare.search(line)]
    assert not found


def _failing(pipeline: Any, name: str) -> Any:
    def boom(state: Any, resources: Any) -> Any:
        raise ZeroDivisionError("a bug met on this article")

    stages = tuple(dataclasses.replace(s, run=boom) if s.name == name else s for s in pipeline.stages)
    return type(pipeline)(pipeline.resources, stages)


def test_a_failing_stage_is_recorded_under_its_name_and_the_batch_goes_on(pipeline: Any) -> None:
    broken = _failing(pipeline, "places")
    articles = [Article(id="a", text="Russian forces left Syria on Monday.", source_path="a.txt"),
                Article(id="b", text="Protesters rallied in Tbilisi.", source_path="b.txt")]
    results = list(broken.run_many(articles))
    assert [type(r) for r in results] == [Failure, Failure]
    assert {(r.source, r.stage) for r in results if isinstance(r, Failure)} == {("a.txt", "places"),
                                                                                ("b.txt", "places")}
    assert all(r.reason == "ZeroDivisionError: a bug met on this article" for r in results
               if isinstance(r, Failure))
    coded = broken.code(articles[0])
    assert isinstance(coded, Failure) and coded.stage == "places"
    try:
        broken.run(articles[0])
    except StageFailed as exc:
        assert exc.stage == "places" and isinstance(exc.__cause__, ZeroDivisionError)
    else:
        raise AssertionError("run() must raise StageFailed")
    assert isinstance(_failing(pipeline, "relevance").code(articles[1]), Failure)
    assert isinstance(pipeline.code(articles[1]), ExtractResult)


# --- exit codes, through the console script ----------------------------------------------------------------------

GOOD = (EXAMPLES / "attack_borno.txt", EXAMPLES / "protest_tbilisi.txt")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def test_a_missing_input_among_good_ones_exits_1_with_the_good_ones_printed(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    proc = run("extract", str(GOOD[0]), str(missing), str(GOOD[1]), "--format", "json")
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"eventwire: {missing}: no such file"
    printed = [json.loads(line)["article"]["source_path"] for line in proc.stdout.splitlines()]
    assert [Path(p).name for p in printed] == [g.name for g in GOOD]


def test_a_bad_option_exits_2() -> None:
    for args in (("extract", str(GOOD[0]), "--format", "yaml"), ("extract", str(GOOD[0]), "--published", "May 5"),
                 ("query", "--near", "north of here"), ("extract",)):
        proc = run(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert "Traceback" not in proc.stderr


def _database(path: Path) -> None:
    from eventwire.store import Store

    Store(path).close()


def test_a_database_newer_than_the_code_exits_3(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    _database(db)
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    for args in (("query", "--db", str(db)), ("ingest", str(GOOD[0]), "--db", str(db), "--workers", "1"),
                 ("stats", "--db", str(db))):
        proc = run(*args)
        assert proc.returncode == 3, (args, proc.stderr)
        assert proc.stderr.startswith(f"eventwire: {db}: ") and "newer than this eventwire" in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
    with pytest.raises(DatabaseTooNew):
        _database(db)


def test_a_database_locked_by_a_writer_exits_3(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    _database(db)
    writer = duckdb.connect(str(db))  # this process holds the write lock
    try:
        for args in (("query", "--db", str(db)), ("ingest", str(GOOD[0]), "--db", str(db), "--workers", "1")):
            proc = run(*args, env={"EVENTWIRE_LOCK_WAIT": "0.5"})  # each waits that long for the file, then gives up
            assert proc.returncode == 3, (args, proc.stderr)
            assert proc.stderr.strip().splitlines() == [
                f"eventwire: {db}: another process (pid {os.getpid()}) has held the database for longer than 0.5s; "
                "try again when it is done (or set EVENTWIRE_LOCK_WAIT)"]
    finally:
        writer.close()


def test_a_missing_model_exits_3_in_process_and_in_worker_processes(tmp_path: Path) -> None:
    env = {"EVENTWIRE_MODEL": "no_such_model"}
    proc = run("extract", *map(str, GOOD), env=env)
    assert proc.returncode == 3 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == ["eventwire: spaCy model 'no_such_model' is not installed; install it "
                                                "with: pip install the package providing no_such_model"]
    db = tmp_path / "events.duckdb"
    for workers in ("1", "2"):
        proc = run("ingest", *map(str, GOOD), "--db", str(db), "--workers", workers, env=env)
        assert proc.returncode == 3, proc.stderr
        assert proc.stderr.strip().splitlines()[-1].startswith("eventwire: spaCy model 'no_such_model'")
