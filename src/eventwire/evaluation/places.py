"""Geoparsing evaluation on LGL (local US news) and GeoVirus (WikiNews on epidemics).

Recognition: predicted place spans against gold toponym spans (overlap counts as a match).
Resolution, on gold toponyms that have coordinates: exact GeoNames id (LGL only), distance within
161 km (100 miles, the usual threshold), country, median error; reported over the toponyms eventwire
recognised and end to end over all gold toponyms (an unrecognised one counts as wrong).

Halves: "development" is the articles at even positions of each corpus file (0, 2, 4, ...), the ones read
when looking at errors; "held-out" is the odd positions, reported so that a gain is not tuned to what
was read.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.ingest.sources import article_id
from eventwire.model import Article, PlaceMention
from eventwire.places import km_between

WITHIN_KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    country: str | None  # country name as the corpus gives it (LGL), else None


@dataclass(frozen=True)
class GoldArticle:
    doc_id: str
    text: str
    published: str | None
    toponyms: tuple[GoldToponym, ...]


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def read_lgl(path: Path) -> Iterator[GoldArticle]:
    for art in ET.parse(path).getroot().findall("article"):
        text = art.findtext("text") or ""
        published = (art.findtext("dltime") or "")[:10] or None
        tops = []
        for t in art.find("toponyms") or []:
            tag = t.find("gaztag")
            tops.append(GoldToponym(
                int(t.findtext("start") or 0), int(t.findtext("end") or 0), t.findtext("phrase") or "",
                _float(tag.findtext("lat")) if tag is not None else None,
                _float(tag.findtext("lon")) if tag is not None else None,
                int(tag.get("geonameid") or 0) or None if tag is not None else None,
                tag.findtext("country") if tag is not None else None,
            ))
        yield GoldArticle(art.get("docid") or "", text, published, tuple(tops))


def read_geovirus(path: Path) -> Iterator[GoldArticle]:
    for i, art in enumerate(ET.parse(path).getroot().findall("article")):
        text = art.findtext("text") or ""
        tops = tuple(
            GoldToponym(int(loc.findtext("start") or 0), int(loc.findtext("end") or 0), loc.findtext("name") or "",
                        _float(loc.findtext("lat")), _float(loc.findtext("lon")), None, None)
            for loc in art.find("locations") or []
        )
        yield GoldArticle(str(i), text, None, tops)


@dataclass
class PlaceScores:
    gold: int = 0
    predicted: int = 0
    gold_matched: int = 0
    predicted_matched: int = 0
    resolvable: int = 0          # gold toponyms with coordinates
    recognised_resolvable: int = 0
    exact: int = 0
    exact_possible: int = 0      # gold toponyms with a GeoNames id
    within: int = 0
    country_ok: int = 0
    country_possible: int = 0
    errors_km: list[float] = field(default_factory=list)

    def report(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        precision = ratio(self.predicted_matched, self.predicted)
        recall = ratio(self.gold_matched, self.gold)
        f1 = round(2 * precision * recall / (precision + recall), 3) if precision and recall else None
        return {
            "toponyms": self.gold, "predicted": self.predicted,
            "recognition_precision": precision, "recognition_recall": recall, "recognition_f1": f1,
            "resolvable": self.resolvable, "recognised_resolvable": self.recognised_resolvable,
            "exact_id_of_recognised": ratio(self.exact, self.exact_possible),
            "within_161km_of_recognised": ratio(self.within, self.recognised_resolvable),
            "within_161km_end_to_end": ratio(self.within, self.resolvable),
            "country_of_recognised": ratio(self.country_ok, self.country_possible),
            "median_error_km": round(statistics.median(self.errors_km), 1) if self.errors_km else None,
        }


def score_article(gold: GoldArticle, predicted: tuple[PlaceMention, ...], scores: PlaceScores,
                  country_names: dict[str, str]) -> None:
    spans = [p for p in predicted if p.start is not None and p.end is not None]
    scores.gold += len(gold.toponyms)
    scores.predicted += len(spans)
    matched_pred: set[int] = set()
    for top in gold.toponyms:
        hits = [i for i, p in enumerate(spans) if p.start is not None and p.end is not None
                and p.start < top.end and top.start < p.end]
        if hits:
            scores.gold_matched += 1
            matched_pred.update(hits)
        if top.lat is None or top.lon is None:
            continue
        scores.resolvable += 1
        if not hits:
            continue
        best = spans[hits[0]]
        scores.recognised_resolvable += 1
        same_feature = top.geonameid is not None and best.geonameid == top.geonameid
        # A country or state is the same place whatever point each gazetteer gives it.
        distance = 0.0 if same_feature else km_between(best.lat, best.lon, top.lat, top.lon)
        scores.errors_km.append(distance)
        scores.within += distance <= WITHIN_KM
        if top.geonameid is not None:
            scores.exact_possible += 1
            scores.exact += same_feature
        if top.country:
            iso = country_names.get(top.country.lower())
            if iso:
                scores.country_possible += 1
                scores.country_ok += best.country == iso
    scores.predicted_matched += len(matched_pred)


HALVES = ("all", "development", "held-out")


def in_half(position: int, half: str) -> bool:
    """Whether the article at this position of its corpus file belongs to the half."""
    if half == "all":
        return True
    return position % 2 == (0 if half == "development" else 1)


def evaluate_places(pipeline: Any, corpus: str, path: Path, limit: int | None = None,
                    half: str = "all") -> dict[str, Any]:
    """Run the pipeline over a geoparsing corpus ("lgl" or "geovirus") and score its places."""
    reader = read_lgl if corpus == "lgl" else read_geovirus
    golds = [g for i, g in enumerate(reader(path)) if in_half(i, half)][:limit]
    scores = PlaceScores()
    names = pipeline.resources.actor_kb.country_by_name
    articles = [Article(id=article_id(g.text), text=g.text, published=g.published) for g in golds]
    for gold, result in zip(golds, pipeline.run_many(articles), strict=True):
        if hasattr(result, "places"):
            score_article(gold, result.places, scores, names)
    return {"corpus": corpus, "half": half, "articles": len(golds), **scores.report()}
