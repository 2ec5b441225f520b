"""eventwire on Spark, in local mode: Parquet with the store's tables, failures recorded, identical re-runs,
the same rows as the in-process pipeline and the store, dedup by the store's rules, DuckDB over the output,
and the documented spark-submit recipe. Select with `pytest -m spark`; one SparkSession for the module."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import EXAMPLES, SEED, SHARED, write_warc_record

pyspark = pytest.importorskip("pyspark")

pytestmark = pytest.mark.spark

PUBLISHED = "2017-12-11"
HTML_PAGES = SHARED / "data" / "article-extraction" / "html"
BIN = Path(sys.executable).parent
TABLES = ("articles", "events", "actors", "places", "times", "quotes", "failures", "event_groups")


def _warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    """A crawl file: HTML responses, a request, an image, a 404 and a page with no article text."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(uri: str, body: bytes, content_type: str, status: str = "200 OK") -> Any:
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        return writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for uri, body in pages:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            write_warc_record(writer, writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                                                http_headers=request))
            write_warc_record(writer, response(uri, body, "text/html; charset=utf-8"))
        write_warc_record(writer, response("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"))
        write_warc_record(writer, response("https://example.org/gone", b"<html>gone</html>", "text/html",
                                           "404 Not Found"))
        write_warc_record(writer, response("https://example.org/menu", b"<html><body><nav>Home</nav></body></html>",
                                           "text/html"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Pages in two outlets' folders (one a wire copy of the other's story), a bad file, a WARC crawl and a
    JSONL dump."""
    root = tmp_path_factory.mktemp("corpus")
    site_a, site_b, crawl = root / "site_a", root / "site_b", root / "crawl"
    for folder in (site_a, site_b, crawl):
        folder.mkdir()
    for example in sorted(EXAMPLES.glob("*.txt")):
        shutil.copy(example, site_a / example.name)
    shutil.copy(SEED, site_a / SEED.name)
    paragraphs = (EXAMPLES / "sanctions_brussels.txt").read_text(encoding="utf-8").split("\n\n")
    del paragraphs[len(paragraphs) // 2]  # a wire copy: a paragraph cut, a line added
    paragraphs.append("The ministers will meet again next month to review the measures, a diplomat said.")
    (site_b / "sanctions_copy.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    (site_a / "bad.txt").write_bytes(b"\x00\x01\x02 not text")
    pages = sorted(HTML_PAGES.glob("*.html.gz"))[:2]
    _warc(crawl / "news.warc.gz", [(f"https://news.example.org/story/{i}", gzip.decompress(p.read_bytes()))
                                   for i, p in enumerate(pages)])
    (crawl / "broken.warc").write_bytes(b"this is not a crawl file\n" * 20)
    record = {"url": "https://wire.example.org/afrin", "published": "2018-01-22", "title": "Shelling near Afrin",
              "text": "Turkish troops shelled Kurdish positions near Afrin on Monday, the Turkish army said in a "
                      "statement. The YPG militia said two of its fighters were killed in the shelling."}
    (crawl / "dump.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from eventwire.spark.job import spark_session

    session = spark_session("local[2]", {"spark.ui.enabled": "false"})
    yield session
    session.stop()


def _run(spark: Any, corpus: Path, out: Path) -> Any:
    from eventwire.spark.job import JobOptions, run_job

    return run_job(spark, JobOptions(inputs=(str(corpus), str(corpus / "missing.txt")), out=str(out),
                                     published=PUBLISHED))


@pytest.fixture(scope="module")
def runs(spark: Any, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    first, second = tmp_path_factory.mktemp("out1"), tmp_path_factory.mktemp("out2")
    summary = _run(spark, corpus, first)
    _run(spark, corpus, second)
    return first, second, summary


@pytest.fixture(scope="module")
def store(pipeline: Any, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    """The same inputs ingested in-process, in input order, into the DuckDB store."""
    from eventwire.errors import UnreadableInput
    from eventwire.ingest import read_article
    from eventwire.model import Article
    from eventwire.spark.sources import read_records, read_warc, split_inputs
    from eventwire.store import Store

    split = split_inputs([str(corpus)])
    items: list[tuple[str, Any]] = []
    for path in split.pages:
        try:
            items.append((path, read_article(path, published=PUBLISHED)))
        except UnreadableInput as exc:
            items.append((path, exc))
    for path in split.warcs:
        with open(path, "rb") as stream:
            items += [(path, item.payload) for item in read_warc(path, stream, PUBLISHED)]
    for path in split.records:
        items += [(path, item.payload) for item in read_records(path, PUBLISHED)]
    db = tmp_path_factory.mktemp("store") / "events.duckdb"
    with Store(db) as s:
        for _, item in sorted(items, key=lambda pair: pair[0]):
            if isinstance(item, Article):
                s.save(pipeline.run(item))
            elif isinstance(item, UnreadableInput):
                s.record_failure(item.source, "ingest", item.reason)
            else:
                s.record_failure(item.source, item.stage, item.reason)
        s.record_failure(str(corpus / "missing.txt"), "ingest", "no such file")
    return duckdb.connect(str(db), read_only=True)


def _rows(con: duckdb.DuckDBPyConnection, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    names = ", ".join(f'"{c}"' for c in columns)
    return sorted(con.execute(f"SELECT {names} FROM {table}").fetchall(), key=repr)


def _store_types(table: str) -> list[tuple[str, str]]:
    from eventwire.store.columns import store_columns

    return [(c.name, c.duckdb_type) for c in store_columns()[table]]


def test_every_table_is_parquet_with_the_store_columns(runs: tuple[Path, Path, Any]) -> None:
    from eventwire.spark.schema import spark_type

    out = runs[0]
    for table in TABLES:
        described = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{out / table}/**/*.parquet', "
                               "hive_partitioning = false)").fetchall()
        got = [(row[0], row[1]) for row in described]
        expected = [(name, kind.replace("UBIGINT", "BIGINT")) for name, kind in _store_types(table)]
        assert got == expected, table
        assert all(spark_type(kind) for _, kind in _store_types(table))


def test_events_are_partitioned_by_event_date(runs: tuple[Path, Path, Any]) -> None:
    out = runs[0]
    folders = sorted(p.name for p in (out / "events").iterdir() if p.is_dir())
    assert f"event_date={PUBLISHED}" in folders
    for folder in folders:
        date = folder.split("=", 1)[1]
        dates = {row[0] for row in duckdb.sql(
            f"SELECT date FROM read_parquet('{out / 'events' / folder}/*.parquet', hive_partitioning = false)"
        ).fetchall()}
        assert dates == ({None} if date == "undated" else {date})


def test_bad_inputs_are_recorded_and_the_job_goes_on(runs: tuple[Path, Path, Any], corpus: Path) -> None:
    from eventwire.spark.views import open_parquet

    out, _, summary = runs
    con = open_parquet(out)
    failures = {source: reason for source, reason in con.execute("SELECT source, reason FROM failures").fetchall()}
    assert "binary" in failures[str(corpus / "site_a" / "bad.txt")]
    assert failures[str(corpus / "missing.txt")] == "no such file"
    assert failures[str(corpus / "crawl" / "broken.warc")].startswith("not a WARC file")
    crawl = [s for s in failures if s.startswith(str(corpus / "crawl" / "news.warc.gz") + "#")]
    assert crawl == [str(corpus / "crawl" / "news.warc.gz") + "#https://example.org/menu"]  # no article text;
    # the request, the image and the 404 are not pages at all
    assert summary.failures == len(failures) == 4
    # Every readable page was coded: 5 seed/example files, the wire copy, 2 crawled pages, 1 JSONL record.
    assert summary.articles == con.execute("SELECT count(*) FROM articles").fetchone()[0] == 9
    assert con.execute("SELECT url FROM articles WHERE source_path LIKE '%dump.jsonl%'").fetchall() == [
        ("https://wire.example.org/afrin",)]
    crawled = {row[0].rsplit("#", 1)[1] for row in con.execute(
        "SELECT source_path FROM articles WHERE source_path LIKE '%.warc.gz#%'").fetchall()}
    assert crawled == {"https://news.example.org/story/0", "https://news.example.org/story/1"}


def test_pipeline_loads_once_per_executor(runs: tuple[Path, Path, Any]) -> None:
    workers = runs[2].workers
    # The executor's Python daemon loaded the pipeline before forking; every worker coded with that copy.
    loaders = {int(w["pipeline_loaded_by"]) for w in workers.values()}
    assert len(loaders) == 1 and loaders.isdisjoint(workers) and 0 not in loaders
    assert all(w["pipeline_loads"] == 1 for w in workers.values())
    assert sum(w["articles"] for w in workers.values()) == 9
    assert all(w["peak_rss_mb"] > 100 and w["pipeline_load_s"] > 0 for w in workers.values())


def test_a_worker_without_the_daemon_loads_once_for_all_its_tasks(corpus: Path) -> None:
    """The lazy cache alone (spark.python.daemon.module=pyspark.daemon): once per worker, not per task."""
    from eventwire.settings import Settings
    from eventwire.spark.sources import read_page
    from eventwire.spark.worker import code_partition, pipeline_for
    from eventwire.store.columns import column_names

    seed = corpus / "site_a" / SEED.name
    items = [read_page(str(seed), seed.read_bytes(), PUBLISHED)] * 2
    reports: list[dict[int, dict[str, float]]] = []
    first = list(code_partition(items, Settings(), reports.append))
    second = list(code_partition(items[:1], Settings(), reports.append))
    assert pipeline_for(Settings()) is pipeline_for(Settings())
    assert [r[os.getpid()]["pipeline_loads"] for r in reports] == [1.0, 1.0]
    assert [r[os.getpid()]["pipeline_loaded_by"] for r in reports] == [os.getpid()] * 2
    events = [dict(zip(column_names("events"), row, strict=True)) for row in first[0][4]]
    assert first[0][4] == second[0][4]
    assert any(e["source_code"] == "RUSGOV" and e["cameo"] == "0874" for e in events)


def test_a_rerun_writes_the_same_rows_in_the_same_files(runs: tuple[Path, Path, Any]) -> None:
    first, second, _ = runs

    def files(out: Path) -> dict[str, list[tuple[Any, ...]]]:
        found = {}
        for path in sorted(out.rglob("*.parquet")):
            part = path.name.split("-")[1]  # part-00003-<job uuid>-c000.snappy.parquet
            key = f"{path.parent.relative_to(out)}/{part}"
            found[key] = duckdb.sql(f"SELECT * FROM read_parquet('{path}', hive_partitioning = false)").fetchall()
        return found

    one, two = files(first), files(second)
    assert one.keys() == two.keys()
    assert one == two
    assert sum(len(rows) for key, rows in one.items() if key.startswith("events/")) > 20


def test_spark_rows_equal_the_in_process_store(runs: tuple[Path, Path, Any], store: duckdb.DuckDBPyConnection
                                               ) -> None:
    from eventwire.spark.views import open_parquet

    parquet = open_parquet(runs[0])
    for table in ("articles", "events", "actors", "places", "times", "quotes", "failures"):
        columns = [name for name, _ in _store_types(table) if name not in ("ingested_at", "failed_at")]
        assert _rows(parquet, table, columns) == _rows(store, table, columns), table
    # The wire copy from another site joined the original's story, as the store decided.
    stories = dict(parquet.execute("SELECT source_path, story_id FROM articles").fetchall())
    copy = next(s for p, s in stories.items() if p.endswith("sanctions_copy.txt"))
    assert copy == next(s for p, s in stories.items() if p.endswith("sanctions_brussels.txt"))


def test_event_groups_follow_the_store_rules(runs: tuple[Path, Path, Any], store: duckdb.DuckDBPyConnection) -> None:
    from eventwire.spark.views import open_parquet

    columns = ("id, date, source_code, target_code, cameo, cameo_root, plover, quad_class, round(goldstein, 9), "
               "round(lat, 9), round(lon, 9), place_country, admin1, negated, hypothetical, confidence, fatalities, "
               "num_mentions, num_articles, num_sources, list_sort(evidence), list_sort(article_ids), source_url")
    spark_groups = sorted(open_parquet(runs[0]).execute(f"SELECT {columns} FROM event_groups").fetchall(), key=repr)
    store_groups = sorted(store.execute(f"SELECT {columns} FROM event_groups").fetchall(), key=repr)
    assert spark_groups == store_groups
    merged = [g for g in spark_groups if len(g[-2]) == 2]  # article_ids: the original and its wire copy
    assert merged and all(g[-5] == 1 and g[-4] == 2 for g in merged)  # num_articles: one story; num_sources: 2


def test_seed_withdrawal_through_query_parquet(runs: tuple[Path, Path, Any], tmp_path: Path) -> None:
    done = subprocess.run([str(BIN / "eventwire"), "query", "--parquet", str(runs[0]), "--source", "RUSGOV",
                           "--cameo", "0874", "--since", PUBLISHED], capture_output=True, text=True, check=True)
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert events and all(e["source_code"] == "RUSGOV" and e["cameo"] == "0874" for e in events)
    assert any(e["date"] == PUBLISHED and "withdraw" in " ".join(e["evidence"]).lower() for e in events)
    wrong = subprocess.run([str(BIN / "eventwire"), "query", "--parquet", str(tmp_path)], capture_output=True,
                           text=True)
    assert wrong.returncode == 3 and "not the output of `eventwire spark run`" in wrong.stderr


def test_stories_are_assigned_in_input_order() -> None:
    from eventwire.spark.dedup import stories_from_pairs

    order = {"a": ("1.txt", 0), "b": ("2.txt", 0), "c": ("3.txt", 0), "d": ("4.txt", 0)}
    # c copies both a (0.6) and b (0.9); b copies a only below... b is its own story, so c joins b's.
    assert stories_from_pairs([("a", "c", 0.6), ("b", "c", 0.9), ("c", "d", 0.5)], order) == {
        "a": "a", "b": "b", "c": "b", "d": "b"}
    # On a tie the earlier article wins.
    assert stories_from_pairs([("a", "c", 0.7), ("b", "c", 0.7)], order)["c"] == "a"


def test_documented_spark_submit_runs_against_local_cores(tmp_path: Path) -> None:
    """The README's spark-submit command (driver and workers on this venv's Python)."""
    import eventwire.spark

    script = Path(eventwire.spark.__path__[0]) / "__main__.py"
    out = tmp_path / "events"
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
    done = subprocess.run([str(BIN / "spark-submit"), "--master", "local[2]", "--conf", "spark.ui.enabled=false",
                           str(script), "run", str(SEED), "--out", str(out), "--published", PUBLISHED],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    said = done.stdout + done.stderr  # spark-submit hands the Python driver's stderr to its stdout
    assert "coded in" in said and "1 articles" in said, said[-2000:]
    found = subprocess.run([str(BIN / "eventwire"), "query", "--parquet", str(out), "--cameo", "0874"],
                           capture_output=True, text=True, check=True)
    assert '"source_code": "RUSGOV"' in found.stdout


def test_the_spark_submit_entry_runs_the_library_not_the_cli(tmp_path: Path) -> None:
    """spark/__main__.py parses the options itself and calls eventwire.spark.job; a bad --conf is a usage
    error before any Spark session starts."""
    code = ("import sys, eventwire.spark.__main__ as entry\n"
            "status = entry.main(['run', 'x.txt', '--out', sys.argv[1], '--conf', 'no-equals-sign'])\n"
            "print(status, sorted(m for m in sys.modules if m.startswith('eventwire.cli')))\n")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "out")], capture_output=True, text=True,
                          timeout=120)
    assert done.stdout.strip() == "2 []", done.stderr[-2000:]
    assert "'no-equals-sign' is not KEY=VALUE" in done.stderr
    assert not (tmp_path / "out").exists()
