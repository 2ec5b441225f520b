"""eventwire from Python, as in a notebook: code one article, then read a database as pandas DataFrames.

Run: python examples/notebook_example.py [events.duckdb]
(the database from `eventwire ingest`, e.g. `eventwire ingest ../shared/data/wikinews/wikinews_2019.csv
--field published=date --db events.duckdb`). Each block below is one notebook cell.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

import eventwire

EXAMPLES = Path(__file__).resolve().parent
pd.set_option("display.width", 160)
pd.set_option("display.max_colwidth", 60)

# %% Code one article: typed records (eventwire.Event, eventwire.ActorMention, ...)
result = eventwire.extract(EXAMPLES / "diplomacy_ankara.txt", published="2024-02-08")
print(f"{len(result.events)} events coded from the text")
for event in result.events:
    target = event.target.code if event.target else "-"
    print(f"  {event.date} {event.source.code} -> {target}: CAMEO {event.cameo} ({event.cameo_name})")

# %% The same events as a DataFrame, one row per event
coded = pd.DataFrame(result.to_records())
print(coded[["date", "source_code", "target_code", "cameo", "quad_class", "confidence"]])

if len(sys.argv) < 2:
    sys.exit(0)

# %% A database: every event, codes as text ("042"), dates as dates
db = eventwire.open_db(sys.argv[1])
events = db.events()
print(f"{len(events)} events in the database, {events['date'].min():%Y-%m-%d} to {events['date'].max():%Y-%m-%d}")

# %% Filters are those of `eventwire query`: countries by name, ISO2 or ISO3
conflict = db.events(quad_class=4, facts_only=True)
print(f"{len(conflict)} material-conflict events; by country of the place:")
print(conflict["place_country"].value_counts().head(5))

# %% Events per month
print(events.set_index("date").resample("MS").size().tail(6))

# %% Who does what to whom
print("top dyads")
print(db.dyads().head(5)[["source_code", "target_code", "events", "goldstein_mean", "first_date", "last_date"]])
