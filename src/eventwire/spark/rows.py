"""One coded article as rows of the store's tables, values exactly as `Store.save` writes them.

Rows are tuples in the store's column order (see columns.py); `story_id` starts as the article's own id
and is set by the dedup step once every article's MinHash signature is known. The time columns
(`ingested_at`, `failed_at`) stay empty: a re-run over the same input must write the same rows.
"""

from __future__ import annotations

from typing import Any

from eventwire.errors import SchemaMismatch
from eventwire.model import Article, ExtractResult, Failure
from eventwire.spark.columns import column_names
from eventwire.store.database import _event_row, site_of, source_key  # the store's own row builder
from eventwire.store.dedup import minhash_of

Row = tuple[Any, ...]


def _ordered(table: str, values: dict[str, Any]) -> Row:
    names = column_names(table)
    unknown = set(values) - set(names)
    if unknown:  # a renamed store column must fail loudly here, not write a null
        raise SchemaMismatch(f"{table} has no columns {sorted(unknown)}")
    return tuple(values.get(name) for name in names)


def article_row(article: Article) -> Row:
    signature = minhash_of(article.text)
    return _ordered("articles", {
        "id": article.id, "source_key": source_key(article), "url": article.url, "title": article.title,
        "published": article.published, "sections": list(article.sections), "credit": article.credit,
        "author": article.author, "language": article.language, "dateline": article.dateline,
        "source_path": article.source_path, "site": site_of(article), "story_id": article.id,
        "minhash": [int(v) for v in signature.hashvalues], "text": article.text,
    })


def event_rows(result: ExtractResult) -> list[Row]:
    names = column_names("events")
    rows = [tuple(_event_row(result.article.id, e)) for e in result.events]
    for row in rows:
        if len(row) != len(names):
            raise SchemaMismatch(f"the store writes {len(row)} event values for {len(names)} columns")
    return rows


def actor_rows(result: ExtractResult) -> list[Row]:
    a = result.article.id
    return [_ordered("actors", {
        "article_id": a, "text": m.text, "name": m.name, "code": m.code, "country": m.country, "kind": m.kind,
        "start_char": m.start, "end_char": m.end, "kb_id": m.kb_id, "resolved_from": m.resolved_from,
    }) for m in result.actors]


def place_rows(result: ExtractResult) -> list[Row]:
    a = result.article.id
    return [_ordered("places", {
        "article_id": a, "text": p.text, "name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country,
        "admin1": p.admin1, "start_char": p.start, "end_char": p.end, "feature": p.feature,
        "geonameid": p.geonameid,
    }) for p in result.places]


def time_rows(result: ExtractResult) -> list[Row]:
    a = result.article.id
    return [_ordered("times", {
        "article_id": a, "text": t.text, "value": t.value, "precision": t.precision, "start_char": t.start,
        "end_char": t.end, "note": t.note,
    }) for t in result.times]


def quote_rows(result: ExtractResult) -> list[Row]:
    a = result.article.id
    return [_ordered("quotes", {
        "article_id": a, "text": q.text, "speaker_name": q.speaker.name if q.speaker else None,
        "speaker_code": q.speaker.code if q.speaker else None,
        "speaker_country": q.speaker.country if q.speaker else None, "start_char": q.start, "end_char": q.end,
    }) for q in result.quotes]


def failure_row(failure: Failure) -> Row:
    return _ordered("failures", {"source": failure.source, "stage": failure.stage, "reason": failure.reason})
