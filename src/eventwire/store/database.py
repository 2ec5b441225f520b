"""The event database: one DuckDB file, written one article per transaction.

Idempotent: an article already stored (same normalised-text hash) adds nothing; an article whose
source (URL, else file path) is stored with other text replaces its old rows, unless it is a cut-off or
chrome-only copy of them (store/revisions.py), which is refused and recorded. The same text with a new
date or title, or recoded on purpose, is coded again in place (same id and story). A run killed mid-way
leaves only whole articles behind, and a re-run skips what is there. A failure met again on a re-run
counts on its row instead of adding one. The connection reads and writes this file only (store/sandbox.py),
and a writer may release it between batches (store/connect.py). Each article records the eventwire version and
the user files' fingerprint that coded it (`CodedBy`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum
from types import TracebackType
from typing import Any

import duckdb

from eventwire.errors import DatabaseTooNew
from eventwire.model import Article, ExtractResult
from eventwire.settings import Settings
from eventwire.store import rows
from eventwire.store.connect import connect
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
    RECODED = "recoded"  # the same text coded again (recode, or a new date or title): its rows replaced in place


@dataclass(frozen=True)
class StoreCounts:
    articles: int
    stories: int
    events: int
    event_groups: int
    failures: int


@dataclass(frozen=True)
class CodedBy:
    """What codes the articles a store saves: the eventwire version and the user files' fingerprint."""

    version: str
    user_files: str

    @classmethod
    def current(cls, settings: Settings | None = None) -> CodedBy:
        from eventwire import __version__

        return cls(__version__, (settings or Settings()).user_files_fingerprint())


# Article columns a recode may change in place (the text, and with it the id, story and signature, stay).
_METADATA = ("url", "title", "published", "sections", "credit", "author", "language", "dateline")
_CHILD_TABLES = ("events", "actors", "places", "times", "quotes")


def redated(new: Article, stored: Article) -> bool:
    """Whether `new`, the same text as `stored` from the same source (URL, else file), brings a publication date
    or title of its own (a value it leaves out keeps the stored one). A copy from elsewhere changes nothing:
    two files of one text with two titles would otherwise recode each other on every run."""
    if (new.url or new.source_path) and source_key(new) != source_key(stored):
        return False
    return ((new.published is not None and new.published != stored.published)
            or (new.title is not None and new.title != stored.title))


def merged(new: Article, stored: Article) -> Article:
    """`new` with what it leaves out (no date, no title...) taken from `stored`."""
    update = {name: getattr(stored, name) for name in (*_METADATA, "source_path") if not getattr(new, name)}
    return new.model_copy(update=update) if update else new


class Store:
    """The database file. `hold=False` (the CLI's writers) closes the file whenever `release()` is called, between
    batches, so that readers in other processes get their turn (store/connect.py); the next use reopens it."""

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False, hold: bool = True,
                 coded_by: CodedBy | None = None) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.hold = hold
        self.coded_by = coded_by
        self._con: duckdb.DuckDBPyConnection | None = None
        self._migrated = False
        self._open()
        self._stories: StoryIndex | None = None
        self._column_cache: dict[str, list[str]] = {}

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._open()
        assert self._con is not None
        return self._con

    def _open(self) -> None:
        con = connect(self.path, self.read_only)  # waits while another process holds the file
        try:
            version = current_version(con)
            if version > SCHEMA_VERSION:
                raise DatabaseTooNew(f"{self.path}: database schema version {version} is newer than this "
                                     f"eventwire ({SCHEMA_VERSION}): upgrade eventwire to open it")
            if not self.read_only and not self._migrated:
                migrate(con)
                self._migrated = True
            lock_down(con)
        except BaseException:
            con.close()
            raise
        self._con = con

    def release(self) -> None:
        """Let other processes open the file until this store is used again (a no-op for a store that holds it)."""
        if not self.hold and self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def has_article(self, article_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    def stored_articles(self, ids: list[str]) -> dict[str, Article]:
        """The stored articles among `ids`, as the pipeline reads them (text, title, date, url...)."""
        if not ids:
            return {}
        found = self.con.execute(
            f"SELECT id, {', '.join(_METADATA)}, source_path, text FROM articles WHERE id IN (SELECT unnest(?))",
            [ids]).fetchall()
        names = ("id", *_METADATA, "source_path", "text")
        out = {}
        for row in found:
            values = dict(zip(names, row, strict=True))
            values["sections"] = tuple(values["sections"] or ())
            values["language"] = values["language"] or "en"
            values["text"] = values["text"] or ""
            out[str(values["id"])] = Article(**values)
        return out

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

    def save(self, result: ExtractResult, recode: bool = False) -> SaveOutcome:
        """Store one article and everything extracted from it, in one transaction. An article already stored
        (same text) is left as it is, unless it brings a new date or title or `recode` is set: then its rows are
        replaced in place when the new coding differs (SaveOutcome.RECODED), and left alone when it does not."""
        article = result.article
        same_text = self.stored_articles([article.id]).get(article.id)
        if same_text is not None:
            if recode or redated(article, same_text):
                return self._recode(result)
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

    def _recode(self, result: ExtractResult) -> SaveOutcome:
        """Replace a stored article's coding by `result`'s, keeping its id, story, signature and ingest time;
        nothing is written when the coding and what coded it are the same (a recode run twice changes nothing)."""
        article = result.article
        coded_by = self._coded_by()
        metadata = rows.article_values(article, "", [], coded_by.version, coded_by.user_files)
        values = [metadata[name] for name in (*_METADATA, "coded_version", "user_files")]
        new = {table: _multiset(self._rows_of(table, result)) for table in _CHILD_TABLES}
        row = self.con.execute(f"SELECT {', '.join(_METADATA)}, coded_version, user_files FROM articles WHERE id = ?",
                               [article.id]).fetchone()
        if row is not None and _values_equal(list(row), values) and all(
                _multiset(self.con.execute(f"SELECT * FROM {table} WHERE article_id = ?", [article.id]).fetchall())
                == new[table] for table in _CHILD_TABLES):
            return SaveOutcome.UNCHANGED
        self.con.execute("BEGIN TRANSACTION")
        try:
            assignments = ", ".join(f"{name} = ?" for name in (*_METADATA, "coded_version", "user_files"))
            self.con.execute(f"UPDATE articles SET {assignments} WHERE id = ?", [*values, article.id])
            for table in _CHILD_TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article.id])
                self._bulk(table, self._rows_of(table, result))
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return SaveOutcome.RECODED

    @staticmethod
    def _rows_of(table: str, result: ExtractResult) -> list[rows.Row]:
        return {"events": rows.event_rows, "actors": rows.actor_rows, "places": rows.place_rows,
                "times": rows.time_rows, "quotes": rows.quote_rows}[table](result)

    def _coded_by(self) -> CodedBy:
        if self.coded_by is None:  # the default settings': what a caller without settings of its own codes with
            self.coded_by = CodedBy.current()
        return self.coded_by

    def _delete_article(self, article_id: str) -> None:
        for table in ("events", "actors", "places", "times", "quotes"):
            self.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        self.con.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def _insert(self, result: ExtractResult, story: str, signature: list[int]) -> None:
        coded_by = self._coded_by()
        article = rows.article_values(result.article, story, signature, coded_by.version,  # by name: ingested_at
                                      coded_by.user_files)                                 # takes its default
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



def _multiset(table_rows: list[Any]) -> list[str]:
    """Rows compared as an unordered list (a row's repr: None, floats and lists compare as written)."""
    return sorted(repr(tuple(_plain(v) for v in row)) for row in table_rows)


def _plain(value: Any) -> Any:
    return tuple(value) if isinstance(value, list | tuple) else value


def _values_equal(stored: list[Any], new: list[Any]) -> bool:
    return [_plain(v) for v in stored] == [_plain(v) for v in new]
