"""The event database: one DuckDB file, written one article per transaction.

Idempotent: an article already stored (same normalised-text hash) adds nothing; an article whose
source (URL, else file path) is stored with other text replaces its old rows, unless it is a cut-off or
chrome-only copy of them (store/revisions.py), which is refused and recorded. A run killed mid-way
leaves only whole articles behind, and a re-run skips what is there. A failure met again on a re-run
counts on its row instead of adding one. The connection reads and writes this file only (store/sandbox.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum
from types import TracebackType

import duckdb

from eventwire.errors import DatabaseTooNew, DatabaseUnavailable
from eventwire.model import ExtractResult
from eventwire.store import rows
from eventwire.store.dedup import StoryIndex, minhash_of, signature_from_values
from eventwire.store.revisions import refusal
from eventwire.store.rows import source_key
from eventwire.store.sandbox import lock_down
from eventwire.store.schema import SCHEMA_VERSION, current_version, migrate

REPLACE_STAGE = "replace"  # the failures row of a changed copy refused (SaveOutcome.KEPT)


class SaveOutcome(Enum):
    ADDED = "added"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"
    KEPT = "kept"  # a changed copy refused as cut off or chrome-only: the stored rows stay, the reason is a failure


@dataclass(frozen=True)
class StoreCounts:
    articles: int
    stories: int
    events: int
    event_groups: int
    failures: int


class Store:
    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:  # locked by a writer, or not a DuckDB file
            raise DatabaseUnavailable(f"{self.path}: cannot open database: {str(exc).splitlines()[0]}") from None
        version = current_version(self.con)
        if version > SCHEMA_VERSION:
            self.con.close()
            raise DatabaseTooNew(f"{self.path}: database schema version {version} is newer than this eventwire "
                                 f"({SCHEMA_VERSION}): upgrade eventwire to open it")
        if not read_only:
            migrate(self.con)
        lock_down(self.con)
        self._stories: StoryIndex | None = None
        self._column_cache: dict[str, list[str]] = {}

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def has_article(self, article_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    def record_failure(self, source: str, stage: str, reason: str) -> None:
        """One row per source, stage and reason: met again, the row counts it and takes the new time."""
        key = [source, stage, reason]
        seen = self.con.execute(
            "UPDATE failures SET occurrences = coalesce(occurrences, 1) + 1, failed_at = current_timestamp "
            "WHERE source IS NOT DISTINCT FROM ? AND stage IS NOT DISTINCT FROM ? AND reason IS NOT DISTINCT FROM ?",
            key).fetchone()
        if not seen or not seen[0]:
            self.con.execute("INSERT INTO failures (source, stage, reason) VALUES (?, ?, ?)", key)

    def _story_index(self) -> StoryIndex:
        if self._stories is None:
            index = StoryIndex()
            for article_id, story_id, values in self.con.execute(
                "SELECT id, story_id, minhash FROM articles WHERE minhash IS NOT NULL"
            ).fetchall():
                index.add(article_id, story_id, signature_from_values(values))
            self._stories = index
        return self._stories

    def save(self, result: ExtractResult) -> SaveOutcome:
        """Store one article and everything extracted from it, in one transaction."""
        article = result.article
        if self.has_article(article.id):
            return SaveOutcome.UNCHANGED
        key = source_key(article)
        stored = self.con.execute(
            "SELECT id, text FROM articles WHERE source_key = ? AND id <> ?", [key, article.id]).fetchall()
        for _, stored_text in stored:
            reason = refusal(stored_text or "", article.text)
            if reason is not None:  # a cut-off or chrome-only copy would lose the stored article's events
                self.record_failure(key, REPLACE_STAGE, reason)
                return SaveOutcome.KEPT
        old_ids = [row[0] for row in stored]
        signature = minhash_of(article.text)
        stories = self._story_index()
        for old in old_ids:
            stories.remove(old)
        story = stories.story_of(article.id, signature)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for old in old_ids:
                self._delete_article(old)
            self._insert(result, story, [int(v) for v in signature.hashvalues])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        stories.add(article.id, story, signature)
        return SaveOutcome.REPLACED if old_ids else SaveOutcome.ADDED

    def _delete_article(self, article_id: str) -> None:
        for table in ("events", "actors", "places", "times", "quotes"):
            self.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        self.con.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def _insert(self, result: ExtractResult, story: str, signature: list[int]) -> None:
        article = rows.article_values(result.article, story, signature)  # by name: ingested_at takes its default
        self.con.execute(f"INSERT INTO articles ({', '.join(article)}) VALUES ({', '.join(['?'] * len(article))})",
                         list(article.values()))
        self._bulk("events", rows.event_rows(result))
        self._bulk("actors", rows.actor_rows(result))
        self._bulk("places", rows.place_rows(result))
        self._bulk("times", rows.time_rows(result))
        self._bulk("quotes", rows.quote_rows(result))

    def _bulk(self, table: str, table_rows: list[rows.Row]) -> None:
        """Insert rows with one multi-row statement (DuckDB's executemany goes row by row)."""
        if not table_rows:
            return
        width = len(self._columns(table))
        placeholders = "(" + ", ".join(["?"] * width) + ")"
        for start in range(0, len(table_rows), 200):
            chunk = table_rows[start: start + 200]
            self.con.execute(f"INSERT INTO {table} VALUES " + ", ".join([placeholders] * len(chunk)),
                             [value for row in chunk for value in row])

    def _columns(self, table: str) -> list[str]:
        if table not in self._column_cache:
            self._column_cache[table] = [row[0] for row in self.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table]).fetchall()]
        return self._column_cache[table]

    def counts(self) -> StoreCounts:
        def one(sql: str) -> int:
            row = self.con.execute(sql).fetchone()
            return int(row[0]) if row else 0

        return StoreCounts(
            articles=one("SELECT count(*) FROM articles"),
            stories=one("SELECT count(DISTINCT story_id) FROM articles"),
            events=one("SELECT count(*) FROM events"),
            event_groups=one("SELECT count(*) FROM event_groups"),
            failures=one("SELECT count(*) FROM failures"),
        )

