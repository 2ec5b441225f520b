"""Batch runs: expand inputs, code articles on every core, hand results back in input order, a batch at a time.

Each worker process loads the pipeline once (model, KB, gazetteer) and codes whole articles, parse
and stages together, so the parse - the cost that matters - runs on all cores. With one worker,
everything runs in this process. `pipeline_for` is the one per-process cache of loaded pipelines: the
process pool's workers, Spark's Python workers and the API server all take theirs from it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from eventwire.errors import CannotRun
from eventwire.failures import CODE_STAGE, failure_of
from eventwire.ingest.inputs import INPUT_SUFFIXES, expand_inputs
from eventwire.model import Article, ExtractResult, Failure
from eventwire.settings import Settings

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

# Inputs are found by the ingest stage; these names stay here for callers of the batch layer.
ARTICLE_SUFFIXES = INPUT_SUFFIXES
__all__ = ["ARTICLE_SUFFIXES", "ArticleCoder", "PipelineLoad", "code_articles", "default_workers", "expand_inputs",
           "load_of", "pipeline_for", "pipelines_loaded"]


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


def _code_some(settings: Settings, articles: list[Article]) -> list[ExtractResult | Failure]:
    if settings in _LOAD_ERRORS:
        raise _LOAD_ERRORS[settings]
    pipeline = pipeline_for(settings)
    return [pipeline.code(article) for article in articles]


class ArticleCoder:
    """Codes batches of articles, each batch's results in its order, on `workers` processes started once for
    the whole run (each loads the pipeline once); with one worker, in this process. A context manager: leaving
    it stops the workers. Whatever fails on one article is that article's Failure: a worker that dies (killed
    for memory, a crash in native code) is replaced, and the articles it held are coded again one at a time, so
    that only the one that kills a worker on its own fails."""

    CHUNK = 4  # articles sent to a worker at a time

    def __init__(self, settings: Settings, workers: int = 1) -> None:
        self.settings = settings
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None

    @property
    def batch_size(self) -> int:
        """Articles worth handing over at a time: enough to keep every worker busy."""
        return self.settings.batch_size * self.workers

    def __enter__(self) -> ArticleCoder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __call__(self, batch: list[Article]) -> Iterator[ExtractResult | Failure]:
        """The results of `batch`, in order; with workers, the batch is handed to them before this returns, so
        that they code it while the caller reads the next one."""
        if self.workers <= 1:
            return pipeline_for(self.settings).run_many(batch, batch_size=self.settings.batch_size)
        pool = self._workers()
        sent = [(part, pool.submit(_code_some, self.settings, part))
                for part in (batch[i:i + self.CHUNK] for i in range(0, len(batch), self.CHUNK))]
        return self._collected(pool, sent)

    def _workers(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker,
                                             initargs=(self.settings,))
        return self._pool

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        """Drop a pool whose worker died (once: the futures it held all fail the same way)."""
        if self._pool is broken:
            broken.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _collected(self, pool: ProcessPoolExecutor,
                   sent: list[tuple[list[Article], Future[list[ExtractResult | Failure]]]]
                   ) -> Iterator[ExtractResult | Failure]:
        for part, future in sent:
            try:
                yield from future.result()
            except CannotRun:
                raise
            except Exception as exc:  # a dead worker, or results that could not be sent back: each coded alone
                if isinstance(exc, BrokenProcessPool):
                    self._replace(pool)
                for article in part:
                    yield self._alone(article)

    def _alone(self, article: Article) -> ExtractResult | Failure:
        """One article on its own; its failure when it fails even alone (a worker that dies on it is replaced)."""
        pool = self._workers()
        try:
            [result] = pool.submit(_code_some, self.settings, [article]).result()
            return result
        except CannotRun:
            raise
        except BrokenProcessPool as exc:
            self._replace(pool)
            return failure_of(article.source_path or article.id, CODE_STAGE, exc,
                              "the worker process coding this article stopped")
        except Exception as exc:
            return failure_of(article.source_path or article.id, CODE_STAGE, exc)


def code_articles(articles: Iterable[Article], settings: Settings, workers: int = 1
                  ) -> Iterator[ExtractResult | Failure]:
    """Code articles in input order, on `workers` processes, a batch at a time as they arrive (memory bounded by
    the batch)."""
    with ArticleCoder(settings, workers) as coder:
        iterator = iter(articles)
        while batch := list(islice(iterator, coder.batch_size)):
            yield from coder(batch)
