"""Ingest measured on real pages with known main text (../shared/data/article-extraction, 121 pages).

HTML: eventwire's page reader beside trafilatura's defaults on the same bytes, in the same run:
- body precision/recall/F1 over lower-cased whitespace tokens (bag of words), averaged over pages, as the
  scrapinghub benchmark scores them; pages with an empty result;
- title: exact match after normalising case, whitespace, quotes and dashes, against the hand-annotated
  visible headline (evaluation/data/article_meta.tsv); date: exact match with the annotated
  publication date;
- pages/s.

Scraped text: each page rendered to text as a scraper copies it, chrome and all (evaluation/render.py);
the scraped-text cleaner must keep the story and drop the rest. Chrome-removal precision/recall/F1 over
tokens against the known main text, beside keeping everything (the score with no cleaning); title
accuracy as above.
"""

from __future__ import annotations

import gzip
import json
import re
import time
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.datafiles import read_tsv
from eventwire.errors import UnreadableInput
from eventwire.evaluation.render import render_page_text
from eventwire.ingest.sources import article_from_bytes
from eventwire.ingest.text import clean_scraped_text

META_FILE = "article_meta.tsv"  # in evaluation/data


@dataclass(frozen=True)
class Page:
    id: str
    html: bytes
    body: str
    url: str
    title: str
    published: str


@dataclass(frozen=True)
class Reading:
    text: str
    title: str | None
    published: str | None


def load_pages(data_dir: Path) -> list[Page]:
    folder = data_dir / "article-extraction"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    meta = {row["id"]: row for row in read_tsv("eventwire.evaluation", META_FILE)}
    return [
        Page(key, gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()), value["articleBody"],
             value.get("url", ""), meta[key]["title"], meta[key]["published"])
        for key, value in sorted(truth.items())
    ]


def token_scores(gold: str, predicted: str) -> tuple[float, float, float]:
    """Precision, recall, F1 of the predicted text's tokens against the gold text's (bags of words)."""
    g, p = Counter(gold.lower().split()), Counter(predicted.lower().split())
    if not g and not p:
        return 1.0, 1.0, 1.0
    common = sum((g & p).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def normalise_title(text: str | None) -> str:
    folded = unicodedata.normalize("NFKC", text or "").lower()
    folded = re.sub(r"[‘’`´]", "'", folded)
    folded = re.sub(r"[“”„]", '"', folded)
    folded = re.sub(r"[‐‑‒–—―]", "-", folded)
    return " ".join(folded.split()).strip(" .")


def _eventwire(page: Page) -> Reading:
    try:
        article = article_from_bytes(page.id, page.html, url=page.url or None, content_type="text/html")
    except UnreadableInput:
        return Reading("", None, None)
    return Reading(article.text, article.title, article.published)


def _trafilatura_default(page: Page) -> Reading:
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        body = trafilatura.extract(page.html, url=page.url or None) or ""
        meta = trafilatura.extract_metadata(page.html, default_url=page.url or None)
    return Reading(body, meta.title if meta else None, meta.date if meta else None)


def _means(scores: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    n = max(len(scores), 1)
    return (round(sum(s[0] for s in scores) / n, 4), round(sum(s[1] for s in scores) / n, 4),
            round(sum(s[2] for s in scores) / n, 4))


def _title_accuracy(pages: list[Page], titles: list[str | None]) -> float:
    right = sum(normalise_title(p.title) == normalise_title(t) for p, t in zip(pages, titles, strict=True))
    return round(right / max(len(pages), 1), 4)


def _score(pages: list[Page], read: Callable[[Page], Reading]) -> dict[str, Any]:
    started = time.perf_counter()
    readings = [read(page) for page in pages]
    elapsed = time.perf_counter() - started
    scores = [token_scores(p.body, r.text) for p, r in zip(pages, readings, strict=True)]
    dated = [(p, r) for p, r in zip(pages, readings, strict=True) if p.published]
    n = len(pages)
    precision, recall, f1 = _means(scores)
    return {
        "pages": n,
        "body_precision": precision,
        "body_recall": recall,
        "body_f1": f1,
        "empty": sum(1 for r in readings if not r.text.strip()),
        "title_accuracy": _title_accuracy(pages, [r.title for r in readings]),
        "date_accuracy": round(sum(p.published == r.published for p, r in dated) / max(len(dated), 1), 4),
        "pages_per_second": round(n / elapsed, 1),
    }


def evaluate_html(data_dir: Path) -> dict[str, Any]:
    pages = load_pages(data_dir)
    return {"eventwire": _score(pages, _eventwire), "trafilatura_default": _score(pages, _trafilatura_default)}


def evaluate_scraped_text(data_dir: Path) -> dict[str, Any]:
    pages = load_pages(data_dir)
    rendered = [render_page_text(page.html.decode("utf-8", errors="replace")) for page in pages]
    started = time.perf_counter()
    cleaned = [clean_scraped_text(text) for text in rendered]
    elapsed = time.perf_counter() - started
    kept = [token_scores(p.body, c.body) for p, c in zip(pages, cleaned, strict=True)]
    everything = [token_scores(p.body, text) for p, text in zip(pages, rendered, strict=True)]
    n = len(pages)
    kept_p, kept_r, kept_f = _means(kept)
    all_p, all_r, all_f = _means(everything)
    return {
        "pages": n,
        "sites": len({re.sub(r"^www\.", "", p.url.split("/")[2]) for p in pages if p.url.count("/") >= 2}),
        "lines_per_page": round(sum(len(t.splitlines()) for t in rendered) / n, 1),
        "cleaner": {
            "precision": kept_p,
            "recall": kept_r,
            "f1": kept_f,
            "empty": sum(1 for c in cleaned if not c.body.strip()),
            "title_accuracy": _title_accuracy(pages, [c.title for c in cleaned]),
            "pages_per_second": round(n / elapsed, 1),
        },
        "keep_everything": {"precision": all_p, "recall": all_r, "f1": all_f},
    }
