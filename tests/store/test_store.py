"""The event database through the CLI, as an analyst uses it: ingest, resume, query, export."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from eventwire.output.gdelt import GDELT_COLUMNS
from tests.conftest import EVENTWIRE, EXAMPLES


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=600)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def table_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                for t in ("articles", "events", "actors", "places", "times", "quotes", "event_groups")}
    finally:
        con.close()


def distinct_articles(folder: Path, n: int) -> list[Path]:
    """n distinct article files: the examples, each made unique by a sentence after its first paragraph."""
    sources = sorted(EXAMPLES.glob("*.txt"))
    paths = []
    for i in range(n):
        lines = sources[i % len(sources)].read_text(encoding="utf-8").split("\n")
        first_prose = next(k for k, line in enumerate(lines) if len(line.split()) > 20)
        lines.insert(first_prose + 1, f"\nOfficials confirmed the account on day {i} of the inquiry, the report said.")
        path = folder / f"article_{i:02d}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "events.duckdb"
    cli("ingest", str(EXAMPLES), "--db", str(path), "--workers", "1")
    return path


def test_ingest_is_idempotent(db: Path) -> None:
    before = table_counts(db)
    proc = cli("ingest", str(EXAMPLES), "--db", str(db), "--workers", "1")
    assert table_counts(db) == before
    assert "0 added" in proc.stderr and "4 already stored" in proc.stderr


def test_changed_article_replaces_its_rows(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    article = tmp_path / "story.txt"
    original = (EXAMPLES / "diplomacy_ankara.txt").read_text(encoding="utf-8")
    article.write_text(original, encoding="utf-8")
    cli("ingest", str(article), "--db", str(db), "--workers", "1")
    first = table_counts(db)
    article.write_text(original.replace("held talks with", "met"), encoding="utf-8")
    proc = cli("ingest", str(article), "--db", str(db), "--workers", "1")
    assert "1 replaced" in proc.stderr
    assert table_counts(db)["articles"] == first["articles"] == 1


def test_kill_9_mid_ingest_then_resume_gives_exact_counts(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    distinct_articles(inputs, 10)
    clean = tmp_path / "clean.duckdb"
    cli("ingest", str(inputs), "--db", str(clean), "--workers", "1")

    killed = tmp_path / "killed.duckdb"
    with subprocess.Popen([EVENTWIRE, "ingest", str(inputs), "--db", str(killed), "--workers", "1", "--verbose"],
                          stderr=subprocess.PIPE, text=True) as proc:
        assert proc.stderr is not None
        stored = 0
        for line in proc.stderr:
            if line.startswith("added "):
                stored += 1
                if stored == 3:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    partial = table_counts(killed)["articles"]
    assert 3 <= partial < 10
    resumed = cli("ingest", str(inputs), "--db", str(killed), "--workers", "1")
    assert "0 replaced" in resumed.stderr and "0 failed" in resumed.stderr
    assert table_counts(killed) == table_counts(clean)


def test_wire_copies_are_one_story_and_one_event(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    text = (EXAMPLES / "protest_tbilisi.txt").read_text(encoding="utf-8")
    (tmp_path / "site_a").mkdir()
    (tmp_path / "site_b").mkdir()
    (tmp_path / "site_a" / "story.txt").write_text(text, encoding="utf-8")
    copy = text.replace("Share\n", "Share\n\nListen to this article\n").replace(
        "Opposition leaders urged supporters", "Opposition leaders, meanwhile, urged supporters")
    (tmp_path / "site_b" / "story.txt").write_text(copy, encoding="utf-8")
    cli("ingest", str(tmp_path / "site_a"), str(tmp_path / "site_b"), "--db", str(db), "--workers", "1",
        "--published", "2024-04-16")
    con = duckdb.connect(str(db), read_only=True)
    try:
        stories = con.execute("SELECT count(DISTINCT story_id), count(*) FROM articles").fetchone()
        assert stories == (1, 2)
        merged = con.execute(
            "SELECT num_mentions, num_articles, num_sources FROM event_groups WHERE cameo_root = '14'").fetchall()
        # each copy reports the protest; one story, two outlets, mentions from both
        assert merged and all(mentions % 2 == 0 and articles == 1 and sources == 2
                              for mentions, articles, sources in merged), merged
    finally:
        con.close()


def test_query_filters_compose_and_are_parameters(db: Path) -> None:
    rows = [json.loads(line) for line in cli("query", "--db", str(db), "--actor", "NGA", "--cameo-root", "19",
                                             "--country", "NGA", "--since", "2023-06-01").stdout.splitlines()]
    assert rows
    assert all(r["cameo_root"] == "19" and r["place_country"] == "NGA" and r["date"] >= "2023-06-01" and
               ((r["source_code"] or "").startswith("NGA") or (r["target_code"] or "").startswith("NGA"))
               for r in rows)
    near = [json.loads(line) for line in cli("query", "--db", str(db), "--near", "11.85,13.16,150km").stdout
            .splitlines()]
    assert near and all(abs(r["lat"] - 11.85) < 2 for r in near)
    hostile = cli("query", "--db", str(db), "--actor", "NGA' OR 1=1 --")
    assert hostile.stdout.strip() == ""


def test_sql_is_read_only(db: Path) -> None:
    before = table_counts(db)
    proc = cli("sql", "--db", str(db), "DELETE FROM events", check=False)
    assert proc.returncode == 2 and proc.stderr.startswith("eventwire: ")
    assert table_counts(db) == before
    rows = cli("sql", "--db", str(db), "SELECT count(*) AS n FROM event_groups").stdout
    assert json.loads(rows)["n"] == before["event_groups"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "geojson", "gdelt"])
def test_every_export_reads_back(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    cli("export", "--db", str(db), "--format", fmt, str(out))
    n = table_counts(db)["event_groups"]
    if fmt == "jsonl":
        frame = pd.read_json(out, lines=True)
    elif fmt == "csv":
        frame = pd.read_csv(out)
    elif fmt == "parquet":
        frame = pd.read_parquet(out)
    elif fmt == "gdelt":  # a GDELT 2.0 event file: no header (tests/analyst/test_exports.py reads it as GDELT's)
        frame = pd.read_csv(out, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=str)
        assert all(code.startswith(root) for code, root in zip(frame["EventCode"], frame["EventRootCode"], strict=True))
    else:
        features = json.loads(out.read_text(encoding="utf-8"))["features"]
        assert features and all(f["geometry"]["type"] == "Point" for f in features)
        assert len(features) <= n
        return
    assert len(frame) == n
    if fmt in ("parquet", "csv"):
        assert duckdb.sql(f"SELECT count(*) FROM '{out}'").fetchall() == [(n,)]


def test_a_version_1_database_is_migrated(tmp_path: Path) -> None:
    from eventwire.store import Store
    from eventwire.store.schema import MIGRATIONS, SCHEMA_VERSION, current_version

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    MIGRATIONS[0](con)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.close()
    with Store(path) as store:
        assert current_version(store.con) == SCHEMA_VERSION
        columns = {row[0] for row in store.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()}
        assert {"fatalities", "casualties", "forces", "political"} <= columns


def test_all_events_are_stored_marked_and_min_confidence_filters_query_and_export(tmp_path: Path) -> None:
    path = tmp_path / "all.duckdb"
    cli("ingest", str(EXAMPLES), "--db", str(path), "--workers", "1", "--all-events")
    con = duckdb.connect(str(path), read_only=True)
    try:
        kept = con.execute("SELECT count(*) FILTER (WHERE political), count(*) FILTER (WHERE NOT political) "
                           "FROM events").fetchone()
        cut = con.execute("SELECT median(confidence) FROM event_groups").fetchone()[0]  # type: ignore[index]
        above = con.execute("SELECT count(*) FROM event_groups WHERE confidence >= ?", [cut]).fetchone()[0]  # type: ignore[index]
    finally:
        con.close()
    assert kept is not None and kept[0] > 0 and kept[1] > 0  # political events and the ones kept beside them
    rows = [json.loads(line) for line in cli("query", "--db", str(path), "--min-confidence", str(cut),
                                             "--limit", "1000").stdout.splitlines()]
    assert len(rows) == above and all(r["confidence"] >= cut for r in rows)
    out = tmp_path / "confident.jsonl"
    cli("export", "--db", str(path), "--format", "jsonl", "--min-confidence", str(cut), str(out))
    assert len(out.read_text(encoding="utf-8").splitlines()) == above
