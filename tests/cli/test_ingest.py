"""The input kinds through the console script: standard input, --url, skipped languages, usage errors,
failures recorded in the database; faulty inputs among valid ones (issue 19)."""

from __future__ import annotations

import io
import json
import subprocess
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.conftest import EVENTWIRE, EXAMPLES, write_warc_record

FRENCH = ("Le président russe a ordonné lundi le retrait d'une partie importante des troupes déployées en Syrie, "
          "lors d'une visite surprise sur la base aérienne de Hmeimim, a annoncé le Kremlin dans un communiqué.")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([EVENTWIRE, *args], capture_output=True, input=stdin, timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def examples_site() -> Iterator[str]:
    """The examples folder served on 127.0.0.1, as a news site would serve its pages."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(EXAMPLES)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_extract_reads_an_article_from_standard_input() -> None:
    proc = run("extract", "-", "--published", "2024-02-08", "--format", "jsonl",
               stdin=(EXAMPLES / "diplomacy_ankara.txt").read_bytes())
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line) for line in proc.stdout.splitlines()]
    assert any(e["source"]["country"] == "IRQ" and e["target"] and e["target"]["country"] == "TUR" for e in events)


def test_extract_fetches_url_and_names_a_missing_one(examples_site: str) -> None:
    proc = run("extract", "--url", f"{examples_site}/attack_borno.txt", "--url", f"{examples_site}/absent.html",
               "--format", "json", "--allow-private-urls")  # the test site is on 127.0.0.1
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data["article"]["url"] == f"{examples_site}/attack_borno.txt" and data["events"]
    assert proc.stderr.strip() == f"eventwire: {examples_site}/absent.html: HTTP 404 File not found"


def test_non_english_input_is_reported_as_skipped_without_failing_the_run(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    proc = run("extract", str(tmp_path / "fr.txt"), str(EXAMPLES / "protest_tbilisi.txt"), "--format", "jsonl")
    assert proc.returncode == 0
    assert proc.stderr.strip() == f"eventwire: {tmp_path / 'fr.txt'}: skipped: text is in 'fr', not in en"
    assert proc.stdout.strip()


def test_bad_field_mapping_is_a_usage_error() -> None:
    proc = run("extract", str(EXAMPLES / "protest_tbilisi.txt"), "--field", "body")
    assert proc.returncode == 2 and "FIELD=COLUMN" in proc.stderr
    proc = run("extract", str(EXAMPLES / "protest_tbilisi.txt"), "--field", "colour=body")
    assert proc.returncode == 2 and "unknown article field" in proc.stderr


def test_ingest_records_skipped_and_failed_inputs_and_stores_the_rest(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    lines = [json.dumps({"text": (EXAMPLES / name).read_text(encoding="utf-8"), "title": name})
             for name in ("attack_borno.txt", "sanctions_brussels.txt")]
    dump.write_text("\n".join([lines[0], "{broken", json.dumps({"text": FRENCH}), lines[1]]) + "\n",
                    encoding="utf-8")
    db = tmp_path / "events.duckdb"
    proc = run("ingest", str(dump), "--db", str(db), "--workers", "1")
    assert proc.returncode == 1, proc.stderr
    assert "2 added" in proc.stderr and "1 skipped" in proc.stderr and "1 failed" in proc.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
        failures = dict(con.execute("SELECT source, stage FROM failures").fetchall())
    assert failures == {f"{dump}:2": "ingest", f"{dump}:3": "language"}


def test_impossible_publication_date_is_a_usage_error_not_a_crash() -> None:
    proc = run("extract", str(EXAMPLES / "protest_tbilisi.txt"), "--published", "2017-13-45")
    assert proc.returncode == 2 and "is not a YYYY-MM-DD date" in proc.stderr and "Traceback" not in proc.stderr


def _faulty_inputs(folder: Path) -> dict[str, Path]:
    """One of each fault the reliability review found (issue 19), with four valid articles among them."""
    bodies = [(EXAMPLES / name).read_text(encoding="utf-8") for name in
              ("attack_borno.txt", "diplomacy_ankara.txt", "sanctions_brussels.txt", "protest_tbilisi.txt")]
    dump = folder / "dump.jsonl"
    dump.write_text("\n".join([json.dumps({"text": bodies[0]}),
                               json.dumps({"text": bodies[1] + " \ud800", "title": "Ankara \ud800",
                                           "url": "https://news.example/\udfff", "author": "\ud800"}),
                               "[" * 100_000 + "]" * 100_000]) + "\n", encoding="utf-8")
    feed = folder / "feed.rss"
    item = bodies[2].replace("&", "and").replace("<", " ")
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Sanctions'
                    f"</title><description>{item} &#55296;</description></item></channel></rss>", encoding="utf-8")
    crawl = folder / "crawl.warc"
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    paragraphs = "".join(f"<p>{p}</p>" for p in bodies[3].split("\n\n"))
    page = f"<html><body><article>{paragraphs}</article></body></html>"
    record = writer.create_warc_record("https://news.example/tbilisi", "response", payload=io.BytesIO(page.encode()),
                                       http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                                                     protocol="HTTP/1.1"))
    record.rec_headers.remove_header("WARC-Target-URI")
    write_warc_record(writer, record)
    crawl.write_bytes(buffer.getvalue())
    noise = folder / "noise.jsonl"
    noise.write_bytes(bytes(range(256)) * 4096)
    garbage = folder / "garbage.warc"
    garbage.write_bytes(b"WARC/1.0\r\n" + bytes(range(256)) * 40)
    return {"dump": dump, "feed": feed, "crawl": crawl, "noise": noise, "garbage": garbage}


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ingest_stores_every_valid_article_among_faulty_inputs_and_records_each_fault_once(
        tmp_path: Path, workers: str) -> None:
    inputs = _faulty_inputs(tmp_path)
    db = tmp_path / "events.duckdb"
    proc = run("ingest", *map(str, inputs.values()), "--db", str(db), "--workers", workers)
    assert proc.returncode == 1, proc.stderr  # some inputs failed; the rest were stored
    assert "Traceback" not in proc.stderr and "4 added" in proc.stderr and "3 failed" in proc.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        titles = sorted(str(row[0]) for row in con.execute("SELECT title FROM articles").fetchall())
        failures = con.execute("SELECT source, stage, reason FROM failures ORDER BY source").fetchall()
    assert "Ankara \ufffd" in titles and "Sanctions" in titles
    assert [(source, stage) for source, stage, _ in failures] == [(f"{inputs['dump']}:3", "ingest"),
                                                                  (f"{inputs['garbage']}#record 1", "ingest"),
                                                                  (str(inputs["noise"]), "ingest")]
    assert "nested too deeply" in failures[0][2] and "binary" in failures[2][2]
