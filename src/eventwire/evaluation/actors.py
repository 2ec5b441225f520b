"""Actor coding evaluation.

- PLOVER GSR: every gold source/target actor (its text and code) is looked for among eventwire's actor
  mentions of the sentence (a mention overlapping the gold actor text); scored: found, exact code
  (country + role, e.g. "RUSGOV" against "RUSGOV"; a bare-country gold code "RUS" against the mention's
  country) and country match;
- CAMEO source/target spans: the country of a mention overlapping the gold span, against the country a
  nationality word or country name inside the span names (spans naming no country are skipped);
- the seed gold's actors: mention text -> code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from eventwire.evaluation.events import _read_spans
from eventwire.ingest.sources import article_id
from eventwire.model import ActorMention, Article


def _mentions(pipeline: Any, text: str, published: str | None = None) -> tuple[ActorMention, ...]:
    result = pipeline.run(Article(id=article_id(text), text=text, published=published or "2000-06-01"))
    return tuple(a for a in result.actors if a.code)


def _overlapping(mentions: tuple[ActorMention, ...], start: int, end: int) -> list[ActorMention]:
    return [m for m in mentions if m.start < end and start < m.end]


def evaluate_plover_actors(pipeline: Any, path: Path) -> dict[str, Any]:
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    gold = found = exact = country = 0
    for record in records:
        text = record["text"]
        mentions = _mentions(pipeline, text)
        for side in ("source", "target"):
            items = record.get(side) or []
            for item in items if isinstance(items, list) else [items]:
                if not isinstance(item, dict) or not item.get("code") or not item.get("actorText"):
                    continue
                gold += 1
                at = text.find(item["actorText"])
                hits = _overlapping(mentions, at, at + len(item["actorText"])) if at >= 0 else []
                if not hits:
                    continue
                found += 1
                code = str(item["code"]).upper()
                exact += any(m.code == code or (len(code) == 3 and m.country == code) for m in hits)
                country += any((m.country or m.code[:3]) == code[:3] for m in hits)
    n = gold or 1
    return {"gold_actors": gold, "found": round(found / n, 3), "exact_code": round(exact / n, 3),
            "country": round(country / n, 3)}


def evaluate_span_countries(pipeline: Any, path: Path, kb: Any) -> dict[str, Any]:
    checked = found = agree = 0
    for sentence, sources, targets in _read_spans(path):
        mentions = None
        for start, end in sources + targets:
            named = {kb.country_of_word(w) for w in re.findall(r"[A-Z][\w.'-]+", sentence[start:end])} - {None}
            if len(named) != 1:
                continue
            checked += 1
            mentions = mentions if mentions is not None else _mentions(pipeline, sentence)
            hits = _overlapping(mentions, start, end)
            if hits:
                found += 1
                agree += any(m.country in named for m in hits)
    n = checked or 1
    return {"spans_naming_a_country": checked, "found": round(found / n, 3), "country": round(agree / n, 3)}


def evaluate_seed_actors(pipeline: Any, seed_text: Path, gold_path: Path) -> dict[str, Any]:
    from eventwire.ingest import read_article

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    result = pipeline.run(read_article(seed_text, published=gold["published"]))
    rows = [g for g in gold["actors"] if "code" in g or "codes" in g]
    right = 0
    for g in rows:
        wanted = set(g.get("codes") or [g["code"]])
        mentions = [a for a in result.actors if g["mention"].lower() in a.text.lower()
                    or (a.text.lower() in g["mention"].lower() and len(a.text) > 3)]
        right += wanted <= {a.code for a in mentions}
    return {"seed_actors_with_codes": len(rows), "coded_right": right}
