"""Casualty counts on hand-written, hand-annotated news sentences (tests/data/casualties_gold.tsv).

Count accuracy: a predicted count of the same category with the gold min and max. Trigger accuracy:
that count hangs on the gold's casualty word. Spurious: predicted counts with no gold row.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventwire.datafiles import parse_tsv
from eventwire.ingest.sources import article_id
from eventwire.model import Article


def evaluate_numbers(pipeline: Any, gold_path: Path) -> dict[str, Any]:
    rows = parse_tsv(gold_path.read_text(encoding="utf-8"), str(gold_path))
    by_sentence: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_sentence.setdefault(row["sentence"], []).append(row)
    exact = trigger_ok = spurious = 0
    misses = []
    for sentence, golds in by_sentence.items():
        result = pipeline.run(Article(id=article_id(sentence), text=sentence, published="2024-01-15"))
        predicted = [c for c in result.counts if c.category != "forces"]
        matched: set[int] = set()
        for g in golds:
            hit = next((i for i, c in enumerate(predicted) if i not in matched and c.category == g["category"]
                        and str(c.count_min) == g["count_min"] and str(c.count_max) == g["count_max"]), None)
            if hit is None:
                misses.append({"sentence": sentence[:90], "gold": f"{g['category']} {g['count_min']}-{g['count_max']}",
                               "predicted": [f"{c.category} {c.count_min}-{c.count_max}" for c in predicted]})
                continue
            matched.add(hit)
            exact += 1
            trigger_ok += predicted[hit].trigger.lower() == g["trigger"].lower()
        spurious += len(predicted) - len(matched)
    n = len(rows) or 1
    return {"counts": len(rows), "sentences": len(by_sentence), "count_accuracy": round(exact / n, 3),
            "trigger_accuracy": round(trigger_ok / n, 3), "spurious": spurious, "misses": misses[:20]}
