"""Faulty inputs from the reliability review (issue 19), read one at a time: a fault in one input or record
is its failure (once, with the reason), the valid ones around it are read, and nothing brings the reader down."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import records
from eventwire.ingest.inputs import iter_articles
from eventwire.ingest.options import IngestOptions
from eventwire.ingest.raw import MAX_BYTES
from eventwire.model import Article, Failure
from tests.conftest import EXAMPLES, write_warc_record
from tests.ingest.test_sources import articles_of, failures_of, html_page, read_all, story

BODIES = ["\n\n".join(story(name)[1]) for name in ("attack_borno.txt", "diplomacy_ankara.txt",
                                                    "sanctions_brussels.txt")]


def test_jsonl_lone_surrogates_deep_nesting_and_long_lines_spoil_only_their_line(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    lines = [json.dumps({"text": BODIES[0], "title": "Borno \ud800", "url": "https://n.example/\udfff",
                         "author": "Jane \ud800 Doe"}),
             json.dumps({"text": BODIES[1] + " \ud800"}),
             "[" * 100_000 + "]" * 100_000,
             json.dumps({"text": "x" * (MAX_BYTES + 10)}),
             json.dumps({"text": BODIES[2]})]
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = read_all([str(dump)])
    first, second, third = articles_of(found)
    assert (first.title, first.url, first.author) == ("Borno \ufffd", "https://n.example/\ufffd", "Jane \ufffd Doe")
    assert second.text.endswith(" \ufffd") and third.text == BODIES[2]
    deep, long = failures_of(found)
    assert deep.source == f"{dump}:3" and "nested too deeply" in deep.reason
    assert long.source == f"{dump}:4" and "longer than the" in long.reason


def test_a_file_that_is_not_json_lines_is_one_failure_not_one_per_line(tmp_path: Path) -> None:
    noise = tmp_path / "noise.jsonl"
    noise.write_bytes(os.urandom(256 * 1024))
    pretty = tmp_path / "pretty.jsonl"  # a JSON array printed over many lines
    pretty.write_text(json.dumps([{"text": body} for body in BODIES], indent=2), encoding="utf-8")
    [binary] = read_all([str(noise)])
    assert isinstance(binary, Failure) and binary.source == str(noise) and "binary" in binary.reason
    [not_lines] = read_all([str(pretty)])
    assert isinstance(not_lines, Failure) and not_lines.source == str(pretty)
    assert "not a JSON-lines file" in not_lines.reason


def test_a_bad_line_before_the_first_record_is_still_told_with_its_number(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text("{broken\n" + json.dumps({"text": BODIES[0]}) + "\n", encoding="utf-8")
    found = read_all([str(dump)])
    assert [type(f) for f in found] == [Failure, Article] and found[0].source == f"{dump}:1"


def test_feed_with_a_character_reference_to_no_character_keeps_its_items(tmp_path: Path) -> None:
    items = "".join(f"<item><title>Item {n}</title><link>https://n.example/{n}</link>"
                    f"<description>{body.replace('&', 'and')}{' &#55296;' if n == 1 else ''}</description></item>"
                    for n, body in enumerate(BODIES))
    feed = tmp_path / "feed.rss"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>',
                    encoding="utf-8")
    found = read_all([str(feed)], fetch_links=False)
    assert [a.title for a in articles_of(found)] == ["Item 0", "Item 1", "Item 2"] and not failures_of(found)


def _response(writer: WARCWriter, uri: str, body: bytes) -> object:
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)


def test_warc_response_without_a_target_uri_is_read_and_the_crawl_goes_on(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for n, name in enumerate(("attack_borno.txt", "diplomacy_ankara.txt", "sanctions_brussels.txt")):
        record = _response(writer, f"https://n.example/{n}", html_page(name).encode())
        if n == 1:
            record.rec_headers.remove_header("WARC-Target-URI")  # type: ignore[attr-defined]
        write_warc_record(writer, record)
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(buffer.getvalue())
    found = read_all([str(crawl)])
    assert [a.source_path for a in articles_of(found)] == [f"{crawl}#https://n.example/0", f"{crawl}#record 2",
                                                         f"{crawl}#https://n.example/2"]


def test_a_warc_version_line_followed_by_garbage_is_a_failure(tmp_path: Path) -> None:
    crawl = tmp_path / "garbage.warc"
    crawl.write_bytes(b"WARC/1.0\r\n" + bytes(range(256)) * 40)
    [failure] = read_all([str(crawl)])
    assert isinstance(failure, Failure) and failure.source.startswith(str(crawl)) and "WARC" in failure.reason


def test_standard_input_over_the_page_limit_is_refused_without_reading_it_all() -> None:
    stdin = io.BytesIO(b"word " * (2 * MAX_BYTES // 5))  # twice the page limit
    [failure] = list(iter_articles(["-"], IngestOptions(), stdin=stdin))
    assert isinstance(failure, Failure) and failure.source == "<stdin>" and "limit" in failure.reason
    assert stdin.tell() < MAX_BYTES * 1.2


def test_jsonl_on_standard_input_is_read_line_by_line() -> None:
    stdin = io.BytesIO("\n".join(json.dumps({"text": body}) for body in BODIES).encode() + b"\n")
    found = list(iter_articles(["-"], IngestOptions(input_format="jsonl"), stdin=stdin))
    assert [a.source_path for a in articles_of(found)] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]


def test_utf16_without_a_bom_and_stray_nul_bytes_are_articles(tmp_path: Path) -> None:
    text = (EXAMPLES / "attack_borno.txt").read_text(encoding="utf-8")
    (tmp_path / "wide.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "nul.txt").write_bytes(text.encode().replace(b"Borno", b"Bor\0no", 1))
    wide, nul = read_all([str(tmp_path / "wide.txt"), str(tmp_path / "nul.txt")])
    assert isinstance(wide, Article) and isinstance(nul, Article) and wide.text == nul.text


# Found by the fuzz suite (tests/fuzz): a CSV file with no rows was dropped without a word; a CSV line was held
# whole however long (a 1 MB gzip of one 1 GiB line took 2.2 GB); a dump of bad records was a failure row each
# (a 3 MB file of "{}" lines: a million rows, 868 MB in `extract`, hours of `ingest`).

def test_a_csv_file_with_a_header_and_no_rows_is_a_failure(tmp_path: Path) -> None:
    header_only = tmp_path / "header.csv"
    header_only.write_text("url,date,title,text\n", encoding="utf-8")
    odd = tmp_path / "odd.tsv"
    odd.write_bytes(b"a\tb\tc")  # one line, no line break
    for path in (header_only, odd):
        [failure] = read_all([str(path)])
        assert isinstance(failure, Failure) and failure.source == str(path) and "no rows" in failure.reason


def test_a_csv_line_over_the_line_limit_is_refused_and_the_rows_before_it_are_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records, "MAX_LINE_CHARS", 5_000)
    dump = tmp_path / "dump.csv"
    with dump.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([("title", "text"), ("Borno", BODIES[0].replace("\n", " ")),
                                      ("Long", "a" * 6_000), ("Ankara", BODIES[1].replace("\n", " "))])
    found = read_all([str(dump)])
    [article] = articles_of(found)
    [failure] = failures_of(found)
    assert article.title == "Borno" and failure.source == f"{dump}:3" and "longer than the 5000" in failure.reason


def test_a_dump_of_many_bad_records_tells_the_first_ones_then_how_many_more(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    bad = records.MAX_FAILURES_TOLD + 150
    dump.write_text("{}\n" * bad + json.dumps({"text": BODIES[0]}) + "\n", encoding="utf-8")
    found = read_all([str(dump)])
    assert len(articles_of(found)) == 1
    failures = failures_of(found)
    assert [f.source for f in failures[:2]] == [f"{dump}:1", f"{dump}:2"]
    assert len(failures) == records.MAX_FAILURES_TOLD + 1 and failures[-1].source == str(dump)
    assert "150 more bad records" in failures[-1].reason


def _crawl(gz: bool) -> tuple[bytes, list[int]]:
    """Three pages as WARC bytes, and where each record ends."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    ends = []
    for n, name in enumerate(("attack_borno.txt", "diplomacy_ankara.txt", "sanctions_brussels.txt")):
        write_warc_record(writer, _response(writer, f"https://n.example/{n}", html_page(name).encode()))
        ends.append(buffer.tell())
    return buffer.getvalue(), ends


@pytest.mark.parametrize(("gz", "into_third"), [(False, 40), (False, 420), (False, -30), (True, 30), (True, -40)])
def test_a_crawl_cut_short_keeps_its_whole_records_and_says_the_last_is_cut(
        tmp_path: Path, gz: bool, into_third: int) -> None:
    """Cut in the third record's WARC headers, its HTTP headers or its page (plain or gzipped): it was dropped
    without a word, or read as an article of the part that arrived."""
    data, ends = _crawl(gz)
    crawl = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    crawl.write_bytes(data[:ends[1] + into_third if into_third > 0 else ends[2] + into_third])
    found = read_all([str(crawl)])
    assert [a.source_path for a in articles_of(found)] == [f"{crawl}#https://n.example/0",
                                                         f"{crawl}#https://n.example/1"]
    [failure] = failures_of(found)
    assert failure.source.startswith(str(crawl)) and "cut short" in failure.reason


def test_a_whole_crawl_has_no_record_cut_short(tmp_path: Path) -> None:
    for gz in (False, True):
        data, _ = _crawl(gz)
        crawl = tmp_path / ("whole.warc.gz" if gz else "whole.warc")
        crawl.write_bytes(data)
        found = read_all([str(crawl)])
        assert len(articles_of(found)) == 3 and not failures_of(found)
