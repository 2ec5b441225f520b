"""Week, month and year events as ranges of days in `query`, `export` and `stats`: a date range selects the
events whose whole date lies inside it, events sort by their first day, and counts by day or month hold only
the events that lie inside one day or month."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.filters import EventFilter
from eventwire.store import Store
from eventwire.store.export import export_rows
from eventwire.store.query import query_events, stats
from tests.store.dated_events import dated_events_db


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(dated_events_db(tmp_path / "dated.duckdb"), read_only=True)


def ids(store: Store, **filters: str) -> set[str]:
    return {row["id"] for row in query_events(store.con, EventFilter(limit=None, **filters))}


def test_a_range_selects_the_events_whose_whole_date_lies_inside_it(store: Store) -> None:
    with store:
        march = ids(store, since="2019-03-01", until="2019-03-31")
        from_the_5th = ids(store, since="2019-03-05")
        to_the_4th = ids(store, until="2019-03-04")
        one_day = ids(store, since="2019-03-04", until="2019-03-04")
    # the week from 25 February and the year straddle the bounds of March: out, as the month is from the 5th
    assert march == {"day_0301", "day_0304", "day_0305", "week_in_march", "days_0301_0303", "march"}
    assert from_the_5th == {"day_0305", "week_in_march"}
    assert to_the_4th == {"day_0301", "day_0304", "week_across", "days_0301_0303", "february"}
    assert one_day == {"day_0304"}


def test_query_sorts_by_first_day_and_puts_a_day_before_the_longer_dates_that_begin_with_it(store: Store) -> None:
    with store:
        rows = query_events(store.con, EventFilter(limit=None))
        oldest_first = [row["id"] for row in export_rows(store.con, EventFilter())]
    assert [row["id"] for row in rows] == [
        "week_in_march", "day_0305", "day_0304", "day_0301", "days_0301_0303", "march", "week_across", "february",
        "year", "undated"]
    assert oldest_first == [
        "year", "february", "week_across", "day_0301", "days_0301_0303", "march", "day_0304", "day_0305",
        "week_in_march", "undated"]
    march = next(row for row in rows if row["id"] == "march")
    assert (march["date"], march["date_precision"], march["date_start"], march["date_end"]) == (
        "2019-03", "month", date(2019, 3, 1), date(2019, 3, 31))


def test_stats_count_a_day_only_the_events_of_that_day_and_a_month_those_inside_it(store: Store) -> None:
    with store:
        counts = stats(store.con)
    assert counts["by_day"] == [("2019-03-05", 1), ("2019-03-04", 1), ("2019-03-01", 1)]
    # March: its three days, the week of 11-17 March, the 1-3 March range and the month itself
    assert counts["by_month"] == [("2019-03", 6), ("2019-02", 1)]
    assert dict(counts["not_dated_to_a_day"]) == {"week": 2, "range": 1, "month": 2, "year": 1, "undated": 1}
