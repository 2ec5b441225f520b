"""Fitting the relevance model (events/relevance.py) on the development half of the records gold.

Every factual event the coder proposes for a development article is a training row: its features, and
whether the gold judged it a real political event with the right CAMEO root (events matched to optional
gold events are left out: the gold does not say). A logistic regression with an L2 penalty (Newton's
method) gives the weights. The threshold is the highest probability that loses no development recall:
the gold events found with their root and dyad when every factual event is kept are still found. So the
model only removes what the gold says is not there; the held-out half is never used here.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.evaluation.records import match_article, score_articles
from eventwire.evaluation.records_gold import GoldArticle
from eventwire.events.relevance import (
    FEATURES,
    RelevanceModel,
    article_political_share,
    event_features,
    never_emitted,
)
from eventwire.model import Event


@dataclass(frozen=True)
class CodedArticle:
    """A gold article with every event the coder read in it and their features."""

    gold: GoldArticle
    events: tuple[Event, ...]
    features: tuple[dict[str, float], ...]


def code_for_fitting(pipeline: Any, articles: Sequence[Any], gold: Sequence[GoldArticle]) -> list[CodedArticle]:
    """The coder's events for every gold article (the relevance stage left out) with their features."""
    coder_only = pipeline.without("relevance")
    wanted = {g.url: g for g in gold}
    coded = []
    docs = pipeline.resources.nlp.pipe(a.text for a in articles)
    for article, doc in zip(articles, docs, strict=True):
        result = coder_only.run_doc(article, doc)
        share = article_political_share(doc, result.actors)
        coded.append(CodedArticle(wanted[article.url], result.events,
                                  tuple(event_features(e, doc, article, share) for e in result.events)))
    return coded


def training_rows(coded: Sequence[CodedArticle]) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels (real, political and rightly rooted) of the factual events of these articles."""
    x, y = [], []
    for article in coded:
        scored = match_article(article.gold, article.events)
        for outcome, features in zip(scored.outcomes, article.features, strict=True):
            event = outcome.event
            if outcome.kind == "optional" or never_emitted(event, article.gold.published):
                continue
            x.append([features[k] for k in FEATURES])
            y.append(outcome.kind == "required" and outcome.gold is not None and event.cameo_root == outcome.gold.root)
    return np.array(x, dtype=float), np.array(y, dtype=float)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> np.ndarray:
    """Weights (bias first) of an L2-penalised logistic regression; the bias is not penalised."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    penalty = l2 * np.diag(np.r_[0.0, np.ones(xb.shape[1] - 1)])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        gradient = xb.T @ (p - y) + penalty @ w
        hessian = (xb * (p * (1 - p))[:, None]).T @ xb + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return w


def _recall(coded: Sequence[CodedArticle], model: RelevanceModel | None, threshold: float) -> float:
    scores = []
    for article in coded:
        kept = [e for e, f in zip(article.events, article.features, strict=True)
                if not never_emitted(e, article.gold.published)
                and (model is None or model.probability(f) >= threshold)]
        scores.append(match_article(article.gold, kept))
    return float(score_articles(scores)["recall"]["root_dyad"] or 0.0)


def recall_keeping_threshold(coded: Sequence[CodedArticle], model: RelevanceModel) -> float:
    """The highest threshold (in steps of 0.01) at which the articles' recall of root and dyad is what it is
    with every factual event kept."""
    full = _recall(coded, None, 0.0)
    best = 0.0
    for step in range(1, 100):
        threshold = step / 100
        if _recall(coded, model, threshold) < full:
            break
        best = threshold
    return best


def fit_relevance(coded: Sequence[CodedArticle], l2: float = 1.0) -> RelevanceModel:
    development = [a for a in coded if a.gold.split == "development"]
    x, y = training_rows(development)
    w = fit_logistic(x, y, l2)
    model = RelevanceModel(dict(zip(FEATURES, map(float, w[1:]), strict=True)), float(w[0]), 0.5)
    return RelevanceModel(model.weights, model.bias, recall_keeping_threshold(development, model))


def write_model(model: RelevanceModel, path: Path, rows: int) -> None:
    today = datetime.date.today().isoformat()
    lines = [
        "# The relevance model of events/relevance.py: logistic-regression weights over its features.",
        f"# Source: fitted by eventwire on {today} with `eventwire eval records --fit` on the development half of",
        f"# evaluation/data/records_gold.jsonl ({rows} factual coded events; L2 penalty 1.0); the threshold is the",
        "# highest probability that keeps the development recall of root and dyad (evaluation/relevance_fit.py).",
        "# Rows `bias` and `threshold` (the probability at or above which an event is emitted) close the table.",
        "feature\tweight",
        *(f"{name}\t{model.weights[name]:.4f}" for name in FEATURES),
        f"bias\t{model.bias:.4f}",
        f"threshold\t{model.threshold:.2f}",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
