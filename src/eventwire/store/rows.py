"""Records as rows of the store's tables: the one mapping from a coded article to table rows, used by the
DuckDB store (`Store.save`) and by Spark (spark/worker.py) alike.

Each row is built as column name -> value and returned as a tuple in the store's column order (columns.py,
read from the schema itself), so a renamed column fails here loudly instead of shifting values. Columns a
row leaves out are empty: the time stamps (`ingested_at`, `failed_at`), which the store fills on insert and
Spark leaves empty so that a re-run writes the same rows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from eventwire.dateparse import period_of
from eventwire.errors import SchemaMismatch
from eventwire.model import Article, Event, ExtractResult, Failure
from eventwire.store.columns import column_names
from eventwire.store.dedup import group_key

Row = tuple[Any, ...]


def source_key(article: Article) -> str:
    """An article's identity across revisions: URL, else absolute file path, else its id."""
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


def ordered(table: str, values: dict[str, Any]) -> Row:
    """`values` as a row of `table` in the store's column order; a name the table lacks is a SchemaMismatch."""
    names = column_names(table)
    unknown = set(values) - set(names)
    if unknown:
        raise SchemaMismatch(f"{table} has no columns {sorted(unknown)}")
    return tuple(values.get(name) for name in names)


def article_values(article: Article, story_id: str, minhash: list[int], coded_version: str | None = None,
                   user_files: str | None = None) -> dict[str, Any]:
    """The article's columns by name (the store inserts them by name, so `ingested_at` takes its default);
    `coded_version` and `user_files` say what coded it (the store and Spark alike)."""
    return {
        "id": article.id, "source_key": source_key(article), "url": article.url, "title": article.title,
        "published": article.published, "sections": list(article.sections), "credit": article.credit,
        "author": article.author, "language": article.language, "dateline": article.dateline,
        "source_path": article.source_path, "site": site_of(article), "story_id": story_id, "minhash": minhash,
        "text": article.text, "coded_version": coded_version, "user_files": user_files,
    }


def article_row(article: Article, story_id: str, minhash: list[int], coded_version: str | None = None,
                user_files: str | None = None) -> Row:
    return ordered("articles", article_values(article, story_id, minhash, coded_version, user_files))


def event_row(article_id: str, e: Event) -> Row:
    s, t, p = e.source, e.target, e.place
    period = period_of(e.date)
    return ordered("events", {
        "date_start": period[0] if period else None, "date_end": period[1] if period else None,
        "id": e.id, "article_id": article_id, "group_key": group_key(e), "date": e.date,
        "date_precision": e.date_precision, "date_defaulted": e.date_defaulted,
        "source_text": s.text, "source_name": s.name, "source_code": s.code, "source_country": s.country,
        "source_kind": s.kind,
        "target_text": t.text if t else None, "target_name": t.name if t else None,
        "target_code": t.code if t else None, "target_country": t.country if t else None,
        "target_kind": t.kind if t else None,
        "cameo": e.cameo, "cameo_root": e.cameo_root, "cameo_name": e.cameo_name, "plover": e.plover,
        "plover_mode": e.plover_mode, "quad_class": e.quad_class, "goldstein": e.goldstein,
        "place_text": p.text if p else None, "place_name": p.name if p else None, "lat": p.lat if p else None,
        "lon": p.lon if p else None, "place_country": p.country if p else None,
        "admin1": p.admin1 if p else None, "place_feature": p.feature if p else None,
        "place_basis": e.place_basis, "negated": e.negated, "hypothetical": e.hypothetical,
        "confidence": e.confidence, "sentence": e.evidence.sentence, "evidence_start": e.evidence.start,
        "evidence_end": e.evidence.end, "trigger": e.evidence.trigger, "fatalities": e.fatalities,
        "casualties": json.dumps(e.casualties) if e.casualties else None,
        "forces": json.dumps(list(e.forces)) if e.forces else None, "political": e.political,
    })


def event_rows(result: ExtractResult) -> list[Row]:
    return [event_row(result.article.id, e) for e in result.events]


def actor_rows(result: ExtractResult) -> list[Row]:
    a = result.article.id
    return [ordered("actors", {
        "article_id": a, "text": m.text, "name": m.name, "code": m.code, "country": m.country, "kind": m.kind,
        "start_char": m.start, "end_char": m.end, "kb_id": m.kb_id, "resolved_from": m.resolved_from,
    }) for m in result.actors]


def place_rows(result: ExtractResult) -> list[Row]:
    a = result.article.id
    return [ordered("places", {
        "article_id": a, "text": p.text, "name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country,
        "admin1": p.admin1, "start_char": p.start, "end_char": p.end, "feature": p.feature,
        "geonameid": p.geonameid,
    }) for p in result.places]


def time_rows(result: ExtractResult) -> list[Row]:
    a = result.article.id
    return [ordered("times", {
        "article_id": a, "text": t.text, "value": t.value, "precision": t.precision, "start_char": t.start,
        "end_char": t.end, "note": t.note,
    }) for t in result.times]


def quote_rows(result: ExtractResult) -> list[Row]:
    a = result.article.id
    return [ordered("quotes", {
        "article_id": a, "text": q.text, "speaker_name": q.speaker.name if q.speaker else None,
        "speaker_code": q.speaker.code if q.speaker else None,
        "speaker_country": q.speaker.country if q.speaker else None, "start_char": q.start, "end_char": q.end,
    }) for q in result.quotes]


def failure_row(failure: Failure) -> Row:
    return ordered("failures", {"source": failure.source, "stage": failure.stage, "reason": failure.reason,
                                "occurrences": 1})
