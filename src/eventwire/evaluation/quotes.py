"""Quote attribution on hand-annotated direct quotes in real articles (tests/data/quotes_gold.tsv,
offsets into the article-extraction benchmark texts in ../shared) and on the seed gold.

Span F1: word overlap between the gold quote and the predicted direct quote that overlaps it most.
Speaker accuracy: the predicted speaker's text or name shares a name word with the gold speaker (an
unnamed speaker: a word of its description); an unattributed quote counts as wrong.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from eventwire.datafiles import parse_tsv
from eventwire.ingest.sources import article_id
from eventwire.model import Article, Quote

_WORDS = re.compile(r"\w+")


def _f1(gold: str, predicted: str) -> float:
    g, p = _WORDS.findall(gold.lower()), _WORDS.findall(predicted.lower())
    if not g or not p:
        return 0.0
    common = sum(min(g.count(w), p.count(w)) for w in set(g))
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def speaker_matches(gold_speaker: str, kind: str, quote: Quote) -> bool:
    if quote.speaker is None:
        return False
    said = set(_WORDS.findall(f"{quote.speaker.text} {quote.speaker.name}".lower()))
    # A name word of the gold speaker ("Kennedy" for "James P. Kennedy Jr.", "Liu" for "Liu Xiaming");
    # for an unnamed speaker ("a witness"), its head noun.
    words = [w.lower() for w in _WORDS.findall(gold_speaker)
             if (w[:1].isupper() or kind == "unnamed") and len(w) > 2 and w.lower() not in ("jr", "sr", "the")]
    return any(w in said for w in words)


def evaluate_quotes(pipeline: Any, gold_path: Path, extraction_truth: Path) -> dict[str, Any]:
    rows = parse_tsv(gold_path.read_text(encoding="utf-8"), str(gold_path))
    bodies = json.loads(extraction_truth.read_text(encoding="utf-8"))
    results: dict[str, tuple[Quote, ...]] = {}
    for page in {r["page_id"] for r in rows}:
        text = bodies[page]["articleBody"]
        results[page] = pipeline.run(Article(id=article_id(text), text=text)).quotes
    found = speaker_ok = 0
    f1_total = 0.0
    misses: list[dict[str, str | None]] = []
    for r in rows:
        text = bodies[r["page_id"]]["articleBody"]
        start, end = int(r["start"]), int(r["end"])
        gold_quote = text[start:end]
        direct = [q for q in results[r["page_id"]] if q.kind == "direct" and q.start < end and start < q.end]
        best = max(direct, key=lambda q: _f1(gold_quote, q.text), default=None)
        if best is None:
            misses.append({"quote": r["quote_start_words"], "why": "not found"})
            continue
        found += 1
        f1_total += _f1(gold_quote, best.text)
        if speaker_matches(r["speaker"], r.get("speaker_kind", "person"), best):
            speaker_ok += 1
        else:
            misses.append({"quote": r["quote_start_words"], "gold": r["speaker"],
                           "predicted": best.speaker.name if best.speaker else None})
    n = len(rows) or 1
    return {"quotes": len(rows), "pages": len(results), "found": found,
            "span_f1": round(f1_total / n, 3), "speaker_accuracy": round(speaker_ok / n, 3),
            "misses": misses}
