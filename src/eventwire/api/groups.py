"""`event_groups` merged once per request.

`event_groups` is a view that merges the mentions of each event across articles (store/schema.py), and every
query over it merges them again: a request asking several questions of the same events (a count and a page,
rankings, a timeline) would pay the merge each time. Within `event_groups_once` the view's rows are a
temporary table of the same name, which hides the view on this connection only (DuckDB looks in the
temporary schema first) and goes when the block ends; queries need no change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb


@contextmanager
def event_groups_once(cur: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Within the block, `event_groups` on this connection is a temporary table holding the view's rows."""
    cur.execute("CREATE OR REPLACE TEMP TABLE event_groups AS SELECT * FROM main.event_groups")
    try:
        yield
    finally:
        cur.execute("DROP TABLE IF EXISTS temp.event_groups")
