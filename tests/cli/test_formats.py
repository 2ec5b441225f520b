"""Formats as tables, seen from the command line: the --format and --input-format help of every command lists
each row; an unknown name is a usage error naming the choices (the rows themselves: tests/ingest/test_formats.py,
Spark's split: tests/spark/test_sources.py)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from typing import Any

import pytest

from eventwire.choices import OutputFormat
from eventwire.ingest import formats
from eventwire.output.exports import EXPORT_FORMATS
from eventwire.output.results import RESULT_FORMATS
from tests.conftest import EVENTWIRE, EXAMPLES

ARTICLE = str(EXAMPLES / "attack_borno.txt")
ENV = {**os.environ, "COLUMNS": "250"}  # one help line per option: names are not wrapped


def eventwire(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=300, env=ENV)


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
