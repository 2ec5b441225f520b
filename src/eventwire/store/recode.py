"""Which stored articles `recode` codes again, and reading them back as the pipeline reads articles.

A recode goes through the ingest loop (store/ingest.py) with every selected article pending and the store's
in-place replacement (Store.save with recode=True): same text, so the same id and story; the rows replaced
only where the new coding differs, so a second run changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.model import Article
from eventwire.store.database import CodedBy, Store

READ_AT_ONCE = 64  # stored articles read back per query (the file is released between reads)
_VERSION = re.compile(r"\d+(\.\d+)*")


@dataclass(frozen=True)
class RecodeFilter:
    since: str | None = None               # published on or after (YYYY-MM-DD)
    until: str | None = None               # published on or before
    source: str | None = None              # a substring of the URL or file path
    older_than_version: str | None = None  # coded by an eventwire version before this one (or unknown)
    stale: CodedBy | None = None           # coded by another version or other user files than these


def is_version(text: str) -> bool:
    return bool(_VERSION.fullmatch(text))


def version_key(text: str | None) -> tuple[int, ...]:
    """"0.1.0" -> (0, 1, 0); an unknown version sorts before every known one."""
    return tuple(int(n) for n in re.findall(r"\d+", text)) if text else ()


def select(store: Store, wanted: RecodeFilter) -> list[str]:
    """The ids of the stored articles matching every filter given, oldest ingested first."""
    where: list[str] = []
    params: list[Any] = []
    if wanted.since:
        where.append("published >= ?")
        params.append(wanted.since)
    if wanted.until:
        where.append("published <= ?")
        params.append(wanted.until + "\uffff")  # a full timestamp on that day still counts
    if wanted.source:
        where.append("(contains(lower(coalesce(url, '')), ?) OR contains(lower(coalesce(source_path, '')), ?) "
                     "OR contains(lower(source_key), ?))")
        params += [wanted.source.lower()] * 3
    if wanted.stale is not None:
        where.append("(coded_version IS DISTINCT FROM ? OR user_files IS DISTINCT FROM ?)")
        params += [wanted.stale.version, wanted.stale.user_files]
    rows = store.con.execute(
        "SELECT id, coded_version FROM articles" + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY ingested_at, id", params).fetchall()
    if wanted.older_than_version:
        limit = version_key(wanted.older_than_version)
        rows = [row for row in rows if version_key(row[1]) < limit]
    return [str(row[0]) for row in rows]


def stored(store: Store, ids: list[str]) -> Iterator[Article]:
    """The articles of `ids` as stored, in that order, read a few at a time; the file is released after each
    read so that readers get their turn while the batch is coded. An id gone meanwhile is passed over."""
    for start in range(0, len(ids), READ_AT_ONCE):
        part = ids[start:start + READ_AT_ONCE]
        found = store.stored_articles(part)
        store.release()
        yield from (found[i] for i in part if i in found)
