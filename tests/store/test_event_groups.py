"""`event_groups`: one row per real-world event, whose fields do not depend on the order rows were stored in."""

from __future__ import annotations

import duckdb

from eventwire.store.schema import migrate


def _article(con: duckdb.DuckDBPyConnection, article_id: str, published: str) -> None:
    con.execute("INSERT INTO articles (id, source_key, published, site, story_id) VALUES (?, ?, ?, ?, ?)",
                [article_id, article_id, published, f"{article_id}.example", article_id])


def _mention(con: duckdb.DuckDBPyConnection, mention_id: str, article_id: str, source_name: str, cameo: str) -> None:
    con.execute("INSERT INTO events (id, article_id, group_key, date, date_precision, source_name, source_code, "
                "cameo, cameo_root, place_name, evidence_start) VALUES (?, ?, 'g1', '2019-05-02', 'day', ?, 'RUSGOV', "
                "?, '04', ?, 0)", [mention_id, article_id, source_name, cameo, f"place in {article_id}"])


def test_a_group_shows_its_earliest_report_and_breaks_code_ties_by_it() -> None:
    con = duckdb.connect()
    migrate(con)
    # The later report is stored first, so that the order of storage and the order of reports disagree.
    _article(con, "later", "2019-05-04")
    _article(con, "earlier", "2019-05-03")
    _mention(con, "m1", "later", "the Kremlin", "040")
    _mention(con, "m2", "earlier", "Vladimir Putin", "042")
    answers = {con.execute("SELECT source_name, place_name, cameo FROM event_groups").fetchone() for _ in range(20)}
    assert len(answers) == 1
    name, place, cameo = answers.pop()
    assert (name, place, cameo) == ("Vladimir Putin", "place in earlier", "042")
