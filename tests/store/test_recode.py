"""Coding stored articles again in place (Store.save with recode, the ingest loop's new-date rule, the recode
selection), without a model: a fake coder whose event date is the article's publication date."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb

from eventwire.model import ActorMention, Article, Event, Evidence, ExtractResult
from eventwire.store import SaveOutcome, Store
from eventwire.store.database import CodedBy
from eventwire.store.ingest import ingest
from eventwire.store.recode import RecodeFilter, select, stored
from eventwire.store.schema import MIGRATIONS, SCHEMA_VERSION

OLD = CodedBy("0.0.9", "none")
NOW = CodedBy("0.1.0", "abc")


def article(n: int, published: str | None = None, title: str | None = None) -> Article:
    return Article(id=f"a{n:03d}", text=f"Article number {n}: Russia met Ukraine in Geneva.", published=published,
                   title=title, source_path=f"/in/{n}.txt", url=f"https://news.example/{n}")


def coded(item: Article, code: str = "RUS") -> ExtractResult:
    """One event dated by the article's date; its source actor's code as given."""
    actor = ActorMention(text="Russia", name="Russia", code=code, country="RUS", kind="state", start=0, end=6)
    event = Event(id=f"{item.id}-e1", date=item.published, date_precision="day" if item.published else "unknown",
                  date_defaulted=True, source=actor, target=None, cameo="036", cameo_root="03", cameo_name="meet",
                  plover="CONSULT", plover_mode=None, quad_class=1, goldstein=4.0, place=None,
                  place_basis="article", negated=False, hypothetical=False, confidence=0.8,
                  evidence=Evidence(sentence=item.text, start=0, end=len(item.text), trigger="met"))
    return ExtractResult(article=item, events=(event,), actors=(actor,), places=(), times=(), quotes=())


def table(path: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_a_recode_replaces_what_changed_in_place_and_a_second_one_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    with Store(db, coded_by=OLD) as store:
        assert store.save(coded(article(1))) is SaveOutcome.ADDED
    first = table(db, "SELECT id, story_id, ingested_at FROM articles")
    with Store(db, coded_by=NOW) as store:
        assert store.save(coded(article(1), "RUSGOV"), recode=True) is SaveOutcome.RECODED
        assert store.save(coded(article(1), "RUSGOV"), recode=True) is SaveOutcome.UNCHANGED
    assert table(db, "SELECT id, story_id, ingested_at FROM articles") == first  # same article, story, time
    assert table(db, "SELECT id, source_code FROM events") == [("a001-e1", "RUSGOV")]
    assert table(db, "SELECT code FROM actors") == [("RUSGOV",)]
    assert table(db, "SELECT coded_version, user_files FROM articles") == [("0.1.0", "abc")]


def test_a_stored_article_given_a_date_is_recoded_with_it_and_keeps_its_title(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    with Store(db) as store:
        ingest(store, [article(n, title=f"Title {n}") for n in range(3)], lambda batch: map(coded, batch))
        counts = ingest(store, [article(n, published="2019-01-07") for n in range(3)],
                        lambda batch: map(coded, batch))
        again = ingest(store, [article(n, published="2019-01-07") for n in range(3)],
                       lambda batch: map(coded, batch))
    assert (counts.recoded, counts.unchanged, counts.added) == (3, 0, 0)
    assert (again.recoded, again.unchanged) == (0, 3)
    assert table(db, "SELECT DISTINCT published, title FROM articles WHERE id = 'a001'") == [("2019-01-07", "Title 1")]
    assert table(db, "SELECT DISTINCT date FROM events") == [("2019-01-07",)]
    assert table(db, "SELECT count(*) FROM event_groups") == [(1,)]  # the dedup groups follow the new date


def test_a_copy_of_a_stored_text_from_another_file_does_not_recode_it(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    first = article(1, title="Wire headline")
    copy = first.model_copy(update={"title": "Site headline", "source_path": "/site/1.txt", "url": None})
    with Store(db) as store:
        runs = [ingest(store, [first, copy], lambda batch: map(coded, batch)) for _ in range(2)]
    assert [(c.added, c.recoded, c.unchanged) for c in runs] == [(1, 0, 1), (0, 0, 2)]
    assert table(db, "SELECT title FROM articles") == [("Wire headline",)]


def test_the_recode_selection_follows_every_filter(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    with Store(db, coded_by=OLD) as store:
        store.save(coded(article(1, "2019-01-01")))
        store.save(coded(article(2, "2019-02-01")))
    with Store(db, coded_by=NOW) as store:
        store.save(coded(article(3, "2019-03-01")))
        assert select(store, RecodeFilter()) == ["a001", "a002", "a003"]
        assert select(store, RecodeFilter(since="2019-01-15", until="2019-02-01")) == ["a002"]
        assert select(store, RecodeFilter(source="EXAMPLE/3")) == ["a003"]
        assert select(store, RecodeFilter(older_than_version="0.1.0")) == ["a001", "a002"]
        assert select(store, RecodeFilter(stale=NOW)) == ["a001", "a002"]
        assert [a.published for a in stored(store, ["a003", "a001"])] == ["2019-03-01", "2019-01-01"]
        counts = ingest(store, stored(store, select(store, RecodeFilter(stale=NOW))),
                        lambda batch: map(coded, batch), recode=True)
        assert (counts.recoded, counts.unchanged) == (2, 0)  # only what coded them changed: the rows are rewritten
        assert select(store, RecodeFilter(stale=NOW)) == []


def test_a_version_4_database_is_migrated_and_its_articles_are_stale(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as con:
        for version in range(4):
            MIGRATIONS[version](con)
        con.execute("INSERT INTO meta VALUES ('schema_version', '4')")
        con.execute("INSERT INTO articles (id, source_key, story_id, text, published) "
                    "VALUES ('a001', '/in/1.txt', 'a001', 'Russia met Ukraine.', '2019-01-01')")
    with Store(db, coded_by=NOW) as store:
        assert table_version(store) == SCHEMA_VERSION
        assert select(store, RecodeFilter(stale=NOW)) == ["a001"]
        assert select(store, RecodeFilter(older_than_version="0.0.1")) == ["a001"]


def table_version(store: Store) -> int:
    row = store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def test_a_writer_that_does_not_hold_the_file_lets_another_connection_open_it_between_batches(
        tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    seen: list[int] = []

    def code(batch: list[Article]) -> Iterator[ExtractResult]:
        # coding happens with the file released: another (here: read-only) connection can open it
        with duckdb.connect(str(db), read_only=True) as reader:
            row = reader.execute("SELECT count(*) FROM articles").fetchone()
            seen.append(int(row[0]) if row else -1)
        return (coded(a) for a in batch)

    with Store(db, hold=False) as store:
        store.release()
        counts = ingest(store, [article(n) for n in range(6)], code, batch_size=2)
    assert counts.added == 6 and seen == [0, 0, 2]  # a batch goes to the coder before the one before it is saved
