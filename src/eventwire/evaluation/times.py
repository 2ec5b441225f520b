"""Date normalization evaluation on hand-annotated temporal expressions in two gold sets.

- LGL local news (evaluation/data/lgl_times.tsv): spans of lgl.xml; LGL's `dltime` is the publication date;
- Wikinews 2019 (evaluation/data/wikinews_times.tsv), annotated blind after the rules were written: spans of
  the wikinews csv's `text`; its `date` is the publication date.
The texts stay in ../shared. Three readers are scored on the same expressions:
- eventwire end to end: the expressions its NER finds in the parsed article, normalized in context;
- eventwire's rules on the gold span (tense taken from the parse);
- dateparser alone on the gold span (RELATIVE_BASE = publication date, dates preferred from the past).
A value is right when it equals the gold value at the gold precision; an expression the gold leaves
empty (not normalizable) is right when the reader gives nothing.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from eventwire.datafiles import read_tsv
from eventwire.ingest.sources import article_id
from eventwire.model import Article
from eventwire.times import normalize, tense_of


@dataclass(frozen=True)
class GoldTime:
    doc_id: str  # LGL docid, or the Wikinews article's URL
    start: int
    end: int
    text: str
    value: str
    precision: str


# The gold sets: LGL local news (2009-2011), annotated with the rules; Wikinews 2019, annotated blind after them.
GOLD_FILES = {"lgl": ("lgl_times.tsv", "docid"), "wikinews": ("wikinews_times.tsv", "url")}


def read_gold(name: str = "lgl") -> list[GoldTime]:
    file, key = GOLD_FILES[name]
    return [GoldTime(r[key], int(r["start"]), int(r["end"]), r["text"], r.get("value", ""),
                     r.get("precision", "none"))
            for r in read_tsv("eventwire.evaluation", file)]


def _at_precision(day: date, precision: str) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat()


def dateparser_value(text: str, published: date, precision: str) -> str | None:
    import dateparser

    settings: Any = {"RELATIVE_BASE": datetime(published.year, published.month, published.day),
                     "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return _at_precision(parsed.date(), precision if precision != "none" else "day")


def lgl_texts(lgl_path: Path, wanted: set[str]) -> dict[str, tuple[str, date]]:
    """LGL articles by docid: the <text> string and the date part of <dltime>."""
    texts: dict[str, tuple[str, date]] = {}
    for art in ET.parse(lgl_path).getroot().findall("article"):
        doc_id = art.get("docid") or ""
        if doc_id in wanted:
            texts[doc_id] = (art.findtext("text") or "", date.fromisoformat((art.findtext("dltime") or "")[:10]))
    return texts


def wikinews_texts(csv_path: Path, wanted: set[str]) -> dict[str, tuple[str, date]]:
    """Wikinews articles by URL: the csv `text` field as the csv module returns it and the `date` field."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        return {row["url"]: (row["text"], date.fromisoformat(row["date"][:10]))
                for row in csv.DictReader(handle) if row["url"] in wanted}


def score_set(pipeline: Any, gold: list[GoldTime], texts: dict[str, tuple[str, date]]) -> dict[str, Any]:
    """eventwire end to end, its rules on the gold span, and dateparser on the gold span, over one gold set."""
    counts = {"expressions": len(gold), "found": 0, "end_to_end_right": 0, "rules_on_span_right": 0,
              "dateparser_on_span_right": 0}
    misses: list[dict[str, str | None]] = []
    by_doc: dict[str, list[GoldTime]] = {}
    for g in gold:
        by_doc.setdefault(g.doc_id, []).append(g)
    nlp = pipeline.resources.nlp
    for doc_id, items in by_doc.items():
        text, published = texts[doc_id]
        doc = nlp(text)
        result = pipeline.run_doc(Article(id=article_id(text), text=text, published=published.isoformat()), doc)
        for g in items:
            expected = g.value or None
            found = [t for t in result.times if t.start < g.end and g.start < t.end]
            if found:
                counts["found"] += 1
            ours = found[0].value if found else None
            counts["end_to_end_right"] += (ours == expected) if found else (expected is None)
            span = doc.char_span(g.start, g.end, alignment_mode="expand")
            tense = tense_of(span.root) if span is not None else "past"
            rules = normalize(g.text, published, tense)[0]
            counts["rules_on_span_right"] += rules == expected
            parsed = dateparser_value(g.text, published, g.precision)
            counts["dateparser_on_span_right"] += parsed == (expected if g.precision != "none" else None)
            if rules != expected or ((ours == expected) if found else (expected is None)) is False:
                misses.append({"text": g.text, "gold": expected, "rules": rules, "end_to_end": ours,
                               "dateparser": parsed})
    return {**counts, **_rates(counts), "rule_misses": misses}


def _rates(counts: dict[str, int]) -> dict[str, float]:
    n = counts["expressions"] or 1
    return {
        "recognition_recall": round(counts["found"] / n, 3),
        "end_to_end_accuracy": round(counts["end_to_end_right"] / n, 3),
        "rules_on_span_accuracy": round(counts["rules_on_span_right"] / n, 3),
        "dateparser_on_span_accuracy": round(counts["dateparser_on_span_right"] / n, 3),
    }


def evaluate_times(pipeline: Any, lgl_path: Path, wikinews_path: Path | None = None) -> dict[str, Any]:
    """Both gold sets (the Wikinews one when its corpus is given), each scored, and the whole."""
    lgl = read_gold("lgl")
    sets = {"lgl": score_set(pipeline, lgl, lgl_texts(lgl_path, {g.doc_id for g in lgl}))}
    if wikinews_path is not None:
        wikinews = read_gold("wikinews")
        sets["wikinews"] = score_set(pipeline, wikinews, wikinews_texts(wikinews_path, {g.doc_id for g in wikinews}))
    keys = ("expressions", "found", "end_to_end_right", "rules_on_span_right", "dateparser_on_span_right")
    total = {k: sum(int(s[k]) for s in sets.values()) for k in keys}
    return {**total, **_rates(total),
            "sets": {name: {k: v for k, v in s.items() if k != "rule_misses"} for name, s in sets.items()},
            "rule_misses": {name: s["rule_misses"][:25] for name, s in sets.items()}}
