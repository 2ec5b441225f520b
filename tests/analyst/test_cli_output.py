"""What the database commands print for a person at a terminal (issue 20): a `query` table that fits, country
names, empty results said, one-line usage errors, `stats` days sorted as dates."""

from __future__ import annotations

import json
import os
import pty
import subprocess
from datetime import date
from pathlib import Path

from tests.analyst.conftest import run
from tests.conftest import EVENTWIRE

WIDTH = 140


def in_terminal(*args: str) -> str:
    """The command's standard output as a terminal `WIDTH` columns wide shows it."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": str(WIDTH), "LINES": "50", "TERM": "dumb", "NO_COLOR": "1"}
    proc = subprocess.Popen([EVENTWIRE, *args], stdout=follower, stderr=subprocess.PIPE, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=300) == 0, proc.stderr.read() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_query_in_a_terminal_is_a_table_of_key_columns_that_fits(wikinews_db: Path) -> None:
    screen = in_terminal("query", "--db", str(wikinews_db), "--limit", "15")
    lines = screen.splitlines()
    assert lines[0].strip() == "15 events"
    assert all(len(line) <= WIDTH for line in lines)
    header = next(line for line in lines if "source_code" in line)
    for name in ("date", "source_code", "target_code", "cameo", "plover", "place_name", "place_country",
                 "confidence", "evidence"):
        assert name in header  # whole, not wrapped letter by letter
    assert "num_mentions" not in header and "source_url" not in header
    rows = [line for line in lines if line.startswith("│")]
    assert len(rows) == 15  # one line per event: the evidence cut, not wrapped
    assert any("…" in row for row in rows)


def test_columns_chooses_what_the_table_and_json_show(wikinews_db: Path) -> None:
    screen = in_terminal("query", "--db", str(wikinews_db), "--limit", "5", "--columns", "date,cameo,source_name")
    header = next(line for line in screen.splitlines() if "cameo" in line)
    assert [cell.strip() for cell in header.strip("┃ ").split("┃")] == ["date", "cameo", "source_name"]
    piped = run("query", "--db", str(wikinews_db), "--limit", "5", "--columns", "date,cameo")
    assert [list(json.loads(line)) for line in piped.stdout.splitlines()] == [["date", "cameo"]] * 5
    proc = run("query", "--db", str(wikinews_db), "--columns", "date,colour")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("eventwire: --columns: unknown column 'colour'; columns are id, date")


def test_country_takes_names_iso2_and_iso3(wikinews_db: Path) -> None:
    outputs = [run("query", "--db", str(wikinews_db), "--country", given).stdout for given in ("Germany", "de", "DEU")]
    assert outputs[0] and outputs[0] == outputs[1] == outputs[2]
    assert {json.loads(line)["place_country"] for line in outputs[0].splitlines()} == {"DEU"}
    britain = run("query", "--db", str(wikinews_db), "--country", "united kingdom").stdout
    assert {json.loads(line)["place_country"] for line in britain.splitlines()} == {"GBR"}
    proc = run("query", "--db", str(wikinews_db), "--country", "Narnia")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == ("eventwire: --country: 'Narnia' is not a country name, ISO2 or ISO3 code eventwire knows "
                           "(e.g. Syria, SY, SYR)\n")


def test_an_empty_result_says_so(wikinews_db: Path) -> None:
    proc = run("query", "--db", str(wikinews_db), "--country", "Iceland")
    assert proc.returncode == 0 and proc.stdout == ""
    assert proc.stderr == "eventwire: no events match these filters\n"
    assert in_terminal("query", "--db", str(wikinews_db), "--country", "Iceland").strip() == ""


def test_codes_root_out_of_range_is_a_one_line_usage_error() -> None:
    for bad in ("99", "0", "x"):
        proc = run("codes", "--root", bad)
        assert proc.returncode == 2 and proc.stdout == ""
        assert proc.stderr == f"eventwire: --root: '{bad}' is not a CAMEO root (01 to 20)\n"
    rows = [json.loads(line) for line in run("codes", "--root", "8").stdout.splitlines()]
    assert rows and all(r["cameo"].startswith("08") for r in rows)


def test_stats_lists_days_newest_first_as_dates(wikinews_db: Path) -> None:
    data = json.loads(run("stats", "--db", str(wikinews_db)).stdout)
    days = [date.fromisoformat(day) for day, _ in data["by_day"]]  # each a real day, no week or year strings
    assert days and days == sorted(days, reverse=True)
    coarse = dict(data["not_dated_to_a_day"])
    assert set(coarse) & {"week", "month", "year"}
