"""Typed event dates in the store (schema 6): `date_start` and `date_end` as DATE, the days the event's date
covers, so that a week, month or year event is a range and events sort and filter by real dates; a
version-5 database gets them from its `date` text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from eventwire.filters import EventFilter
from eventwire.store import Store
from eventwire.store.query import query_events
from eventwire.store.schema import MIGRATIONS, SCHEMA_VERSION, current_version

DATES = {  # event id -> (date as coded, its first and last day)
    "day": ("2019-03-05", date(2019, 3, 5), date(2019, 3, 5)),
    "week": ("2019-W10", date(2019, 3, 4), date(2019, 3, 10)),
    "month": ("2019-02", date(2019, 2, 1), date(2019, 2, 28)),
    "year": ("2018", date(2018, 1, 1), date(2018, 12, 31)),
    "range": ("2019-03-01/2019-03-03", date(2019, 3, 1), date(2019, 3, 3)),
    "undated": (None, None, None),
}


def version_5_database(path: Path) -> None:
    con = duckdb.connect(str(path))
    for step in range(5):
        MIGRATIONS[step](con)
    con.execute("INSERT INTO meta VALUES ('schema_version', '5')")
    con.execute("INSERT INTO articles (id, source_key, story_id, published) VALUES ('a', 'a', 'a', '2019-03-06')")
    for event_id, (value, _, _) in DATES.items():
        con.execute("INSERT INTO events (id, article_id, group_key, date, date_precision, cameo, cameo_root) "
                    "VALUES (?, 'a', ?, ?, 'day', '010', '01')", [event_id, event_id, value])
    con.close()


def test_a_version_5_database_gets_each_events_days_from_its_date(tmp_path: Path) -> None:
    path = tmp_path / "v5.duckdb"
    version_5_database(path)
    with Store(path) as store:
        assert current_version(store.con) == SCHEMA_VERSION == 6
        stored = {row[0]: row[1:] for row in store.con.execute(
            "SELECT id, date_start, date_end FROM events").fetchall()}
        grouped = {row[0]: row[1:] for row in store.con.execute(
            "SELECT id, date_start, date_end FROM event_groups").fetchall()}
        types = dict(store.con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                       "WHERE table_name = 'events' AND column_name LIKE 'date_%'").fetchall())
    assert stored == grouped == {event_id: (first, last) for event_id, (_, first, last) in DATES.items()}
    assert types == {"date_start": "DATE", "date_end": "DATE", "date_precision": "VARCHAR",
                     "date_defaulted": "BOOLEAN"}


def test_events_sort_and_filter_by_their_first_day_not_their_text(tmp_path: Path) -> None:
    path = tmp_path / "v5.duckdb"
    version_5_database(path)
    with Store(path) as store:
        newest_first = [row["id"] for row in query_events(store.con, EventFilter())]
        march = {row["id"] for row in query_events(store.con, EventFilter(since="2019-03-01", until="2019-03-31"))}
    # as text "2019-W10" sorts after every day of 2019 and "2019-03-01/2019-03-03" after "2019-03-01"
    assert newest_first == ["day", "week", "range", "month", "year", "undated"]
    assert march == {"day", "week", "range"}
