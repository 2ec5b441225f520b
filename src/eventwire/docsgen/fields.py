"""The output reference: every field of the output contract's records and every column of the event database,
with its type from the code and its meaning (the model's own description, else data/meanings.tsv)."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from eventwire.docsgen.markdown import GENERATED_NOTE, table
from eventwire.docsgen.meanings import meaning
from eventwire.model import (
    ActorMention,
    Article,
    CountMention,
    Event,
    Evidence,
    ExtractResult,
    PlaceMention,
    Quote,
    TimeMention,
)
from eventwire.store.columns import OUTPUT_TABLES, store_columns

# In the order a reader meets them in the JSON output.
RECORDS: tuple[type[BaseModel], ...] = (ExtractResult, Article, Event, ActorMention, PlaceMention, TimeMention,
                                        Quote, CountMention, Evidence)


def type_name(annotation: Any) -> str:
    if annotation is None or annotation is type(None):
        return "None"
    if isinstance(annotation, type) and not typing.get_args(annotation):
        return annotation.__name__
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return " | ".join(type_name(a) for a in typing.get_args(annotation))
    origin = typing.get_origin(annotation)
    if origin is not None:
        args = ", ".join("..." if a is Ellipsis else type_name(a) for a in typing.get_args(annotation))
        return f"{getattr(origin, '__name__', str(origin))}[{args}]"
    return str(annotation)


def record_fields(record: type[BaseModel]) -> list[tuple[str, str, str]]:
    """(field, type, meaning) of every field the JSON output carries (internal fields left out)."""
    rows = []
    for name, info in record.model_fields.items():
        if info.exclude:
            continue
        rows.append((name, type_name(info.annotation), info.description or meaning(record.__name__, name)))
    for name, computed in record.model_computed_fields.items():
        doc = " ".join((computed.description or meaning(record.__name__, name)).split())
        rows.append((name, type_name(computed.return_type), doc))
    return rows


def table_columns(table_name: str) -> list[tuple[str, str, bool, str]]:
    return [(c.name, c.duckdb_type, c.nullable, meaning(f"table:{table_name}", c.name))
            for c in store_columns()[table_name]]


def missing_meanings() -> list[str]:
    """Every output field and table column that has no meaning written for it."""
    missing = [f"{r.__name__}.{name}" for r in RECORDS for name, _, text in record_fields(r) if not text]
    missing += [f"{t}.{name}" for t in OUTPUT_TABLES for name, _, _, text in table_columns(t) if not text]
    return missing


def fields_page() -> str:
    parts = ["# Output fields and database columns\n\n",
             GENERATED_NOTE.format(source="model.py, store/schema.py and docsgen/data/meanings.tsv"),
             "`eventwire extract --format json` prints one object per article: `article`, `events`, `actors`, "
             "`places`, `times`, `quotes`, `counts`. `--format jsonl` prints one `Event` per line. Offsets "
             "(`start`, `end`) are character offsets into `article.text`.\n\n"]
    for record in RECORDS:
        parts.append(f"## {record.__name__}\n\n"
                     + table(("field", "type", "meaning"),
                             [(f"<span id='{record.__name__.lower()}-{name}'></span>`{name}`", f"`{kind}`", text)
                              for name, kind, text in record_fields(record)]) + "\n")
    parts.append("# Database tables\n\n`eventwire ingest` writes these tables (`eventwire spark run` writes the same "
                 "as Parquet folders); `event_groups` is the view `query`, `export` and the API read: mentions "
                 "of one real-world event merged across articles.\n\n")
    for name in OUTPUT_TABLES:
        parts.append(f"## {name}\n\n"
                     + table(("column", "type", "may be NULL", "meaning"),
                             [(f"<span id='{name}-{col}'></span>`{col}`", f"`{kind}`", "yes" if null else "no", text)
                              for col, kind, null, text in table_columns(name)]) + "\n")
    return "".join(parts)
