"""Batch runs: expand inputs, code articles on every core, hand results back in input order.

Each worker process loads the pipeline once (model, KB, gazetteer) and codes whole articles, parse
and stages together, so the parse - the cost that matters - runs on all cores. With one worker,
everything runs in this process. `pipeline_for` is the one per-process cache of loaded pipelines: the
process pool's workers, Spark's Python workers and the API server all take theirs from it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from eventwire.errors import CannotRun
from eventwire.ingest.inputs import INPUT_SUFFIXES, expand_inputs
from eventwire.model import Article, ExtractResult, Failure
from eventwire.settings import Settings

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

# Inputs are found by the ingest stage; these names stay here for callers of the batch layer.
ARTICLE_SUFFIXES = INPUT_SUFFIXES
__all__ = ["ARTICLE_SUFFIXES", "PipelineLoad", "code_articles", "default_workers", "expand_inputs", "load_of",
           "pipeline_for", "pipelines_loaded"]


@dataclass(frozen=True)
class PipelineLoad:
    """How a cached pipeline came to be: seconds it took, and the pid of the process that loaded it (a parent
    that forked this one shares it copy-on-write, as Spark's daemon does)."""

    seconds: float
    pid: int


# Module state on purpose: one loaded pipeline per process and settings (the model, KB and gazetteer take
# seconds and hundreds of MB), reused across every batch, task or request this process serves.
_PIPELINES: dict[Settings, Pipeline] = {}
_LOADS: dict[Settings, PipelineLoad] = {}
_LOAD_ERRORS: dict[Settings, CannotRun] = {}


def pipeline_for(settings: Settings) -> Pipeline:
    """This process's pipeline for `settings`, loaded on first use."""
    if settings not in _PIPELINES:
        from eventwire.pipeline import Pipeline  # spaCy is imported only when something is coded

        started = time.perf_counter()
        _PIPELINES[settings] = Pipeline.load(settings)
        _LOADS[settings] = PipelineLoad(time.perf_counter() - started, os.getpid())
    return _PIPELINES[settings]


def load_of(settings: Settings) -> PipelineLoad | None:
    return _LOADS.get(settings)


def pipelines_loaded() -> int:
    return len(_PIPELINES)


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


def _init_worker(settings: Settings) -> None:
    try:
        pipeline_for(settings)
    except CannotRun as exc:  # kept, and raised by the first article: the parent then sees why, not a broken pool
        _LOAD_ERRORS[settings] = exc


def _code_one(settings: Settings, article: Article) -> ExtractResult | Failure:
    if settings in _LOAD_ERRORS:
        raise _LOAD_ERRORS[settings]
    return pipeline_for(settings).code(article)


def code_articles(articles: Iterable[Article], settings: Settings, workers: int = 1
                  ) -> Iterator[ExtractResult | Failure]:
    """Code articles in input order, on `workers` processes."""
    if workers <= 1:
        yield from pipeline_for(settings).run_many(articles, batch_size=settings.batch_size)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(settings,)) as pool:
        yield from pool.map(partial(_code_one, settings), articles, chunksize=4)
