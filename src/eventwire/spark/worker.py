"""What runs inside a Spark partition: the same pipeline as `eventwire ingest`, loaded once per Python
worker process, turning read items into rows of the store's tables."""

from __future__ import annotations

import os
import resource
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from eventwire import __version__
from eventwire.batch import load_of, pipeline_for, pipelines_loaded
from eventwire.ingest.language import detect_language
from eventwire.model import Article, ExtractResult, Failure
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.spark.sources import ReadItem
from eventwire.store import rows
from eventwire.store.dedup import minhash_of

# Spark reuses a Python worker across tasks (spark.python.worker.reuse, on by default), so the pipeline kept by
# batch.pipeline_for is loaded once per worker process - the model, KB and gazetteer take seconds - not once per
# task; when preloaded by daemon.py, once per executor.
__all__ = ["code_partition", "pipeline_for", "preload"]
# A coded row: kind, source, position, article row, events, actors, places, times, quotes, failure row
# (the layout of schema.coded_schema()).
CodedRow = tuple[Any, ...]
CHUNK = 64  # articles handed to spaCy's nlp.pipe at a time: bounds a worker's memory on big partitions


# Coded once by preload(): a person, a pronoun, a small town after a preposition, a date.
_SAMPLE = Article(id="eventwire-preload", published="2017-12-11", text=(
    "President Vladimir Putin ordered Russian forces to withdraw from Syria on Monday. He met Syrian officials "
    "in Damboa and said the troops would return home, according to a statement."))


def preload(settings: Settings) -> Pipeline:
    """The pipeline with everything it otherwise builds on first use: the language identifier, the small-towns
    gazetteer index (seconds of CPU, built when a toponym is missing from the main index) and whatever the
    stages read the first time they code an article. Called in the daemon before it forks its workers, so that
    no worker builds them again."""
    pipeline = pipeline_for(settings)
    detect_language(_SAMPLE.text)
    towns = pipeline.resources.gazetteer.small_towns
    if towns is not None:
        towns.candidates("")
    list(pipeline.run_many([_SAMPLE]))
    return pipeline


def peak_rss_mb() -> float:
    """Peak resident memory of this process (ru_maxrss is KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def coded_article(item: ReadItem, result: ExtractResult, settings: Settings) -> CodedRow:
    """The store's rows of one article; `story_id` starts as the article's own id and is set by the dedup step
    once every article's MinHash signature is known. Like the store, it records what coded the article."""
    article = result.article
    signature = [int(v) for v in minhash_of(article.text).hashvalues]
    row = rows.article_row(article, article.id, signature, __version__, settings.user_files_fingerprint())
    return ("article", item.source, item.position, row,
            rows.event_rows(result), rows.actor_rows(result), rows.place_rows(result), rows.time_rows(result),
            rows.quote_rows(result), None)


def coded_failure(item: ReadItem, failure: Failure) -> CodedRow:
    return ("failure", item.source, item.position, None, [], [], [], [], [], rows.failure_row(failure))


def code_partition(items: Iterable[ReadItem], settings: Settings,
                   report: Callable[[dict[int, dict[str, float]]], None] | None = None) -> Iterator[CodedRow]:
    """Code a partition's articles in chunks; failures (read or pipeline) become failure rows.
    `report` (a Spark accumulator's add) receives this worker's peak memory, load time and article count."""
    iterator = iter(items)
    coded = 0
    while chunk := list(islice(iterator, CHUNK)):
        articles = [(item, item.payload) for item in chunk if isinstance(item.payload, Article)]
        for item in chunk:
            if isinstance(item.payload, Failure):
                yield coded_failure(item, item.payload)
        if not articles:
            continue
        results = pipeline_for(settings).run_many((article for _, article in articles),
                                                  batch_size=settings.batch_size)
        for (item, _), result in zip(articles, results, strict=True):
            yield coded_failure(item, result) if isinstance(result, Failure) else coded_article(item, result, settings)
        coded += len(articles)
    if report is not None and coded:
        load = load_of(settings)
        report({os.getpid(): {"peak_rss_mb": round(peak_rss_mb(), 1), "articles": float(coded),
                              "pipeline_load_s": round(load.seconds if load else 0.0, 2),
                              "pipeline_loads": float(pipelines_loaded()),
                              "pipeline_loaded_by": float(load.pid if load else 0)}})
