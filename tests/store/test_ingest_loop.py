"""The ingest loop (store/ingest.py) without a model: inputs stream through a batch at a time, and whatever
goes wrong with one article (its coding, its save) is its failure row while the others are stored."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import pytest

from eventwire.model import Article, ExtractResult, Failure
from eventwire.store import Store
from eventwire.store.ingest import ingest


def article(n: int) -> Article:
    return Article(id=f"a{n:03d}", text=f"Article number {n} about talks in Geneva.", source_path=f"in/{n}.txt")


def coded(item: Article) -> ExtractResult:
    return ExtractResult(article=item, events=(), actors=(), places=(), times=(), quotes=())


def failures(db: Path) -> list[tuple[str, str, str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT source, stage, reason FROM failures ORDER BY source").fetchall()
    return [(str(a), str(b), str(c)) for a, b, c in rows]


def stored(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT count(*) FROM articles").fetchone()
    return int(row[0]) if row else 0


def test_articles_are_coded_and_saved_a_batch_at_a_time_as_they_are_read(tmp_path: Path) -> None:
    read: list[int] = []

    def items() -> Iterator[Article]:
        for n in range(50):
            read.append(n)
            yield article(n)

    read_when_coded: list[int] = []

    def code(batch: list[Article]) -> Iterator[ExtractResult]:
        read_when_coded.append(len(read))
        return (coded(a) for a in batch)

    with Store(tmp_path / "e.duckdb") as store:
        counts = ingest(store, items(), code, batch_size=8)
    assert counts.added == 50 and stored(tmp_path / "e.duckdb") == 50
    assert read_when_coded[0] <= 16  # the first batch was coded long before the last input was read


def test_a_coder_failing_mid_batch_fails_only_the_article_at_fault(tmp_path: Path) -> None:
    def code(batch: list[Article]) -> Iterator[ExtractResult]:
        for item in batch:
            if item.id == "a003":
                raise MemoryError("out of memory parsing this one")
            yield coded(item)

    with Store(tmp_path / "e.duckdb") as store:
        counts = ingest(store, [article(n) for n in range(6)], code, batch_size=4)
    assert (counts.added, counts.failed) == (5, 1)
    assert failures(tmp_path / "e.duckdb") == [("in/3.txt", "code", "MemoryError: out of memory parsing this one")]


def test_an_article_the_database_refuses_is_a_save_failure_and_the_rest_are_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save = Store.save

    def refusing(self: Store, result: ExtractResult, recode: bool = False) -> object:
        if result.article.id == "a001":
            raise duckdb.InvalidInputException("Invalid Input Error: cannot encode str as UTF-8")
        return save(self, result, recode)

    monkeypatch.setattr(Store, "save", refusing)
    with Store(tmp_path / "e.duckdb") as store:
        counts = ingest(store, [article(n) for n in range(3)], lambda batch: map(coded, batch))
    assert (counts.added, counts.failed) == (2, 1)
    [(source, stage, reason)] = failures(tmp_path / "e.duckdb")
    assert (source, stage) == ("in/1.txt", "save") and reason.startswith("InvalidInputException: ")


def test_one_input_gets_one_failure_row_per_reason_in_a_run(tmp_path: Path) -> None:
    bad = Failure(source="dump.jsonl", stage="ingest", reason="not a JSON-lines file (binary data)")
    items: Iterable[Article | Failure] = [bad, article(1), bad, Failure(source="dump.jsonl", stage="ingest",
                                                                         reason="another reason")]
    with Store(tmp_path / "e.duckdb") as store:
        counts = ingest(store, items, lambda batch: map(coded, batch))
    assert counts.failed == 2 and len(failures(tmp_path / "e.duckdb")) == 2
