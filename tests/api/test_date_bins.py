"""The timeline and the date filters of the HTTP API over week, month and year events (a database built by
hand, tests/store/dated_events.py): an event is in a day, week or month bin only when all of its date is, and
the others are counted as undated or not placeable, so that the bars and the counts add up to the matches."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from tests.api.clients import api_client, get
from tests.store.dated_events import EVENTS, dated_events_db


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = dated_events_db(tmp_path_factory.mktemp("dated") / "events.duckdb")
    with api_client(db) as c:
        yield c


def bars(series: dict[str, Any]) -> dict[str, int]:
    return {b["start"]: b["events"] for b in series["bins"]}


def test_a_month_event_is_in_its_month_bin_and_never_in_a_day_or_week_bin(client: TestClient) -> None:
    days = get(client, "/series", bin="day")
    weeks = get(client, "/series", bin="week")
    months = get(client, "/series", bin="month")
    assert bars(days) == {"2019-03-01": 1, "2019-03-04": 1, "2019-03-05": 1}
    # the week of 25 February holds that week, 1 March and the 1-3 March range; weeks begin on Monday
    assert bars(weeks) == {"2019-02-25": 3, "2019-03-04": 2, "2019-03-11": 1}
    # March: its three days, the week of 11-17 March, the range and the month; the week of 25 February runs
    # over two months and the year over twelve: in no month
    assert bars(months) == {"2019-02-01": 1, "2019-03-01": 6}
    assert [(s["undated"], s["not_placeable"]) for s in (days, weeks, months)] == [(1, 6), (1, 3), (1, 2)]
    for series in (days, weeks, months):
        assert sum(bars(series).values()) + series["undated"] + series["not_placeable"] == len(EVENTS)
    assert (months["first"], months["last"]) == ("2019-02-01", "2019-03-31")
    assert (days["first"], days["last"]) == ("2019-03-01", "2019-03-05")
    # auto: February to March is two months of dates, so day bars (the year event does not stretch the range)
    assert get(client, "/series") == days
    march = next(b for b in months["bins"] if b["start"] == "2019-03-01")
    assert march["by_quad_class"] == {"1": 2, "2": 1, "3": 1, "4": 2}


def test_since_and_until_keep_the_events_whose_whole_date_is_inside(client: TestClient) -> None:
    rows = get(client, "/events", since="2019-03-01", until="2019-03-31", limit=100)["events"]
    assert {r["id"] for r in rows} == {"day_0301", "day_0304", "day_0305", "week_in_march", "days_0301_0303", "march"}
    weeks = get(client, "/series", bin="week", since="2019-03-04", until="2019-03-17")
    assert bars(weeks) == {"2019-03-04": 2, "2019-03-11": 1}  # the month straddles both bounds: out
    assert (weeks["undated"], weeks["not_placeable"]) == (0, 0)


def test_events_carry_their_days_and_sort_by_the_first(client: TestClient) -> None:
    newest = get(client, "/events", limit=100)["events"]
    assert [r["id"] for r in newest][:6] == [
        "week_in_march", "day_0305", "day_0304", "day_0301", "days_0301_0303", "march"]
    oldest = get(client, "/events", sort="date", limit=100)["events"]
    assert [r["id"] for r in oldest] == [
        "year", "february", "week_across", "day_0301", "days_0301_0303", "march", "day_0304", "day_0305",
        "week_in_march", "undated"]
    week = next(r for r in newest if r["id"] == "week_across")
    assert (week["date"], week["date_precision"], week["date_start"], week["date_end"]) == (
        "2019-W09", "week", "2019-02-25", "2019-03-03")
    detail = get(client, "/events/march")
    assert (detail["date_start"], detail["date_end"]) == ("2019-03-01", "2019-03-31")
    exported = list(csv.DictReader(io.StringIO(client.get("/export.csv").text)))
    assert [row["id"] for row in exported] == [r["id"] for r in newest]
    assert {row["id"]: (row["date_start"], row["date_end"]) for row in exported}["year"] == ("2019-01-01",
                                                                                             "2019-12-31")
    lines = client.get("/export.jsonl").text.splitlines()
    assert len(lines) == len(EVENTS) and '"date_end": "2019-03-31"' in lines[5]


def test_stats_by_day_hold_only_day_events_and_count_the_rest(client: TestClient) -> None:
    stats = get(client, "/stats")
    assert {(d["date"], d["count"]) for d in stats["by_day"]} == {("2019-03-01", 1), ("2019-03-04", 1),
                                                                  ("2019-03-05", 1)}
    assert (stats["matching"], stats["undated"], stats["not_placeable"]) == (len(EVENTS), 1, 6)
