"""The event database: one DuckDB file, written one article per transaction.

Idempotent: an article already stored (same normalised-text hash) adds nothing; an article whose
source (URL, else file path) is stored with other text replaces its old rows. A run killed mid-way
leaves only whole articles behind, and a re-run skips what is there.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlparse

import duckdb

from eventwire.errors import DatabaseTooNew, DatabaseUnavailable
from eventwire.model import Article, ExtractResult
from eventwire.store.dedup import StoryIndex, group_key, minhash_of, signature_from_values
from eventwire.store.schema import SCHEMA_VERSION, current_version, migrate


class SaveOutcome(Enum):
    ADDED = "added"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"


@dataclass(frozen=True)
class StoreCounts:
    articles: int
    stories: int
    events: int
    event_groups: int
    failures: int


def source_key(article: Article) -> str:
    if article.url:
        return article.url
    if article.source_path:
        return str(Path(article.source_path).resolve())
    return article.id


def site_of(article: Article) -> str:
    """The outlet, for counting sources: URL host, else the file's folder (saved pages are usually
    filed by site), else the credit line. A wire story on two sites is two sources, as in GDELT."""
    if article.url:
        host = urlparse(article.url).netloc.lower()
        return host.removeprefix("www.")
    if article.source_path:
        return Path(article.source_path).resolve().parent.name
    return article.credit or "unknown"


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
        self.con.execute("INSERT INTO failures (source, stage, reason) VALUES (?, ?, ?)", [source, stage, reason])

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
        old_ids = [row[0] for row in self.con.execute(
            "SELECT id FROM articles WHERE source_key = ? AND id <> ?", [key, article.id]).fetchall()]
        signature = minhash_of(article.text)
        stories = self._story_index()
        for old in old_ids:
            stories.remove(old)
        story = stories.story_of(article.id, signature)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for old in old_ids:
                self._delete_article(old)
            self._insert(result, key, story, [int(v) for v in signature.hashvalues])
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

    def _insert(self, result: ExtractResult, key: str, story: str, signature: list[int]) -> None:
        a = result.article
        self.con.execute(
            "INSERT INTO articles (id, source_key, url, title, published, sections, credit, author, language, "
            "dateline, source_path, site, story_id, minhash, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [a.id, key, a.url, a.title, a.published, list(a.sections), a.credit, a.author, a.language, a.dateline,
             a.source_path, site_of(a), story, signature, a.text],
        )
        self._bulk("events", [_event_row(a.id, e) for e in result.events])
        self._bulk("actors", [[a.id, m.text, m.name, m.code, m.country, m.kind, m.start, m.end, m.kb_id,
                               m.resolved_from] for m in result.actors])
        self._bulk("places", [[a.id, p.text, p.name, p.lat, p.lon, p.country, p.admin1, p.start, p.end, p.feature,
                               p.geonameid] for p in result.places])
        self._bulk("times", [[a.id, t.text, t.value, t.precision, t.start, t.end, t.note] for t in result.times])
        self._bulk("quotes", [[a.id, q.text, q.speaker.name if q.speaker else None,
                               q.speaker.code if q.speaker else None, q.speaker.country if q.speaker else None,
                               q.start, q.end] for q in result.quotes])

    def _bulk(self, table: str, rows: list[list[Any]]) -> None:
        """Insert rows with one multi-row statement (DuckDB's executemany goes row by row)."""
        if not rows:
            return
        width = len(self._columns(table))
        placeholders = "(" + ", ".join(["?"] * width) + ")"
        for start in range(0, len(rows), 200):
            chunk = rows[start: start + 200]
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


def _event_row(article_id: str, e: Any) -> list[Any]:
    s, t, p = e.source, e.target, e.place
    return [
        e.id, article_id, group_key(e), e.date, e.date_precision, e.date_defaulted,
        s.text, s.name, s.code, s.country, s.kind,
        t.text if t else None, t.name if t else None, t.code if t else None, t.country if t else None,
        t.kind if t else None,
        e.cameo, e.cameo_root, e.cameo_name, e.plover, e.plover_mode, e.quad_class, e.goldstein,
        p.text if p else None, p.name if p else None, p.lat if p else None, p.lon if p else None,
        p.country if p else None, p.admin1 if p else None, p.feature if p else None, e.place_basis,
        e.negated, e.hypothetical, e.confidence,
        e.evidence.sentence, e.evidence.start, e.evidence.end, e.evidence.trigger,
        e.fatalities, json.dumps(e.casualties) if e.casualties else None,
        json.dumps(list(e.forces)) if e.forces else None, e.political,
    ]
