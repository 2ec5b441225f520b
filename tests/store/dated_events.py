"""A small event database built by hand: one event at each kind of date, around March 2019, so that tests can
say exactly which events a day, week or month bin, a date range or a sort should give."""

from __future__ import annotations

from pathlib import Path

import duckdb

from eventwire.dateparse import period_of
from eventwire.store.schema import migrate

EVENTS = {  # event id -> (date as coded, its precision, QuadClass)
    "day_0301": ("2019-03-01", "day", 1),      # a Friday: in the week of 25 February
    "day_0304": ("2019-03-04", "day", 4),      # a Monday
    "day_0305": ("2019-03-05", "day", 3),
    "week_in_march": ("2019-W11", "week", 2),  # 11-17 March
    "week_across": ("2019-W09", "week", 1),    # 25 February - 3 March
    "days_0301_0303": ("2019-03-01/2019-03-03", "day", 1),  # a range has the precision of its ends
    "march": ("2019-03", "month", 4),
    "february": ("2019-02", "month", 3),
    "year": ("2019", "year", 1),
    "undated": (None, "unresolved", 2),
}


def dated_events_db(path: Path) -> Path:
    con = duckdb.connect(str(path))
    migrate(con)
    con.execute("INSERT INTO articles (id, source_key, story_id, published, site) "
                "VALUES ('a', 'a', 'a', '2019-03-31', 'a.example')")
    for event_id, (value, precision, quad_class) in EVENTS.items():
        first, last = period_of(value) or (None, None)
        con.execute("INSERT INTO events (id, article_id, group_key, date, date_precision, date_start, date_end, "
                    "source_code, cameo, cameo_root, quad_class, goldstein, evidence_start, evidence_end, sentence) "
                    "VALUES (?, 'a', ?, ?, ?, ?, ?, 'USA', '010', '01', ?, 1.0, 0, 20, ?)",
                    [event_id, event_id, value, precision, first, last, quad_class, f"Sentence of {event_id}."])
    con.close()
    return path
