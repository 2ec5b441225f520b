"""Formats as tables: the input formats' rows tell a file's format by name and content and split Spark's
inputs; the --format and --input-format help of every command lists each row; an unknown name is a usage
error naming the choices."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from eventwire.choices import OutputFormat
from eventwire.ingest import formats
from eventwire.ingest.options import IngestOptions
from eventwire.output.exports import EXPORT_FORMATS
from eventwire.output.results import RESULT_FORMATS
from eventwire.spark.sources import split_inputs
from tests.conftest import EVENTWIRE, EXAMPLES

ARTICLE = str(EXAMPLES / "attack_borno.txt")
ENV = {**os.environ, "COLUMNS": "250"}  # one help line per option: names are not wrapped


def eventwire(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=300, env=ENV)


def test_every_suffix_names_its_row_with_or_without_gzip_and_content_tells_the_rest(tmp_path: Path) -> None:
    for row in formats.FORMATS:
        for suffix in row.suffixes:
            assert formats.by_file_name(f"a{suffix}") is row
            assert formats.by_file_name(f"dir/A{suffix.upper()}.gz") is row
        for suffix in row.content_suffixes:
            assert formats.by_file_name(f"a{suffix}") is None and suffix in formats.INPUT_SUFFIXES
    assert formats.by_content(b"WARC/1.0\r\n").name == "warc"
    assert formats.by_content(b'<?xml version="1.0"?><rss version="2.0">').name == "feed"
    assert formats.by_content(b"Protesters rallied in Tbilisi.") is formats.PAGE
    feed = tmp_path / "news.xml"
    feed.write_bytes(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">')
    assert formats.of_file(str(feed), IngestOptions()).name == "feed"
    assert formats.of_file(str(feed), IngestOptions(input_format="page")) is formats.PAGE
    assert ("auto", *(row.name for row in formats.FORMATS)) == formats.INPUT_FORMATS


def test_spark_split_follows_the_rows_streamed_told_by_name_or_a_page(tmp_path: Path) -> None:
    names = {"crawl.warc.gz": "warcs", "dump.jsonl": "records", "a.tsv": "records", "feed.rss": "records",
             "page.html": "pages", "story.txt": "pages"}
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    split = split_inputs([str(tmp_path), "s3a://bucket/c.jsonl", "s3a://bucket/c.warc"])
    for name, group in names.items():
        assert str((tmp_path / name).resolve()) in getattr(split, group)
    assert split.unsupported == ["s3a://bucket/c.jsonl"] and "s3a://bucket/c.warc" in split.warcs


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_input_format_help_lists_every_input_format(command: str) -> None:
    help_text = eventwire(command, "--help").stdout
    line = next(line for line in help_text.splitlines() if "--input-format" in line)
    assert all(name in line for name in formats.INPUT_FORMATS)
    assert all(name in formats.INPUT_FORMAT_HELP for name in formats.INPUT_FORMATS)


@pytest.mark.parametrize(("command", "table"), [("extract", RESULT_FORMATS), ("export", EXPORT_FORMATS)])
def test_format_help_lists_every_output_format(command: str, table: Sequence[OutputFormat[Any]]) -> None:
    help_text = eventwire(command, "--help").stdout
    line = next(line for line in help_text.splitlines() if "--format" in line and "--input-format" not in line)
    assert all(row.name in line and row.help in line for row in table)


@pytest.mark.parametrize(("args", "choices"), [
    (["extract", ARTICLE, "--format", "xml"], "(json or jsonl)"),
    (["export", "out.csv", "--db", "no.duckdb", "--format", "xml"], "(one of jsonl, csv, parquet, geojson, gdelt)"),
    (["extract", ARTICLE, "--input-format", "xml"], "(one of auto, page, jsonl, csv, warc, feed)"),
])
def test_an_unknown_format_is_a_usage_error_naming_the_choices(args: list[str], choices: str) -> None:
    proc = eventwire(*args)
    assert proc.returncode == 2
    assert "unknown" in proc.stderr and "'xml'" in proc.stderr and choices in proc.stderr
