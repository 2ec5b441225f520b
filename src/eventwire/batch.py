"""Batch runs: expand inputs, code articles on every core, hand results back in input order.

Each worker process loads the pipeline once (model, KB, gazetteer) and codes whole articles, parse
and stages together, so the parse - the cost that matters - runs on all cores. With one worker,
everything runs in this process.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from eventwire.ingest.inputs import INPUT_SUFFIXES, expand_inputs
from eventwire.model import Article, ExtractResult, Failure
from eventwire.settings import Settings

# Inputs are found by the ingest stage; these names stay here for callers of the batch layer.
ARTICLE_SUFFIXES = INPUT_SUFFIXES
__all__ = ["ARTICLE_SUFFIXES", "code_articles", "default_workers", "expand_inputs"]

_worker_pipeline = None


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


def _init_worker(settings: Settings) -> None:
    global _worker_pipeline
    from eventwire.pipeline import Pipeline

    _worker_pipeline = Pipeline.load(settings)


def _code_one(article: Article) -> ExtractResult | Failure:
    assert _worker_pipeline is not None
    return _worker_pipeline.code(article)


def code_articles(articles: Iterable[Article], settings: Settings, workers: int = 1
                  ) -> Iterator[ExtractResult | Failure]:
    """Code articles in input order, on `workers` processes."""
    if workers <= 1:
        from eventwire.pipeline import Pipeline

        pipeline = Pipeline.load(settings)
        yield from pipeline.run_many(articles, batch_size=settings.batch_size)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(settings,)) as pool:
        yield from pool.map(_code_one, articles, chunksize=4)
