"""The ingest loop, shared by `eventwire ingest` and the API's POST /ingest: articles already stored are
skipped, the rest coded and saved one article per transaction, every failure (unreadable input, skipped
language, failing stage, an article the database refuses) recorded in the failures table, and everything
counted.

Inputs stream through a batch at a time: a batch is read, handed to the coder, and saved while the next one is
read, so memory is bounded by the batch, never by the corpus, and a crash or kill loses at most the batches in
hand. Whatever goes wrong with one article (reading, coding or saving it) is that article's failure row and
the run goes on; one input gets one row per reason in a run, however often it comes up. Only what stops every
article (`CannotRun`: the model missing; the database failing even to record a failure) ends the run.

Coding is handed in (`code`: a batch of pending articles -> their results in the same order), so the caller
picks how: an `ArticleCoder` (batch.py: worker processes kept for the run), or one article on the server's
loaded pipeline. What happens is handed back through an `IngestWatcher` (progress bars, one-line messages),
never printed here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from eventwire.errors import CannotRun
from eventwire.failures import CODE_STAGE, failure_of
from eventwire.model import Article, ExtractResult, Failure
from eventwire.store.database import SaveOutcome, Store, merged, redated

Coder = Callable[[list[Article]], Iterable[ExtractResult | Failure]]
SAVE_STAGE = "save"  # the stage of a failure the database raised while saving one article
BATCH_SIZE = 64      # articles read ahead and handed to the coder at a time


@dataclass
class IngestCounts:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0  # already stored with the same text (and date and title): not coded again, or recoded the same
    recoded: int = 0    # stored, coded again in place (a new date or title, or `recode`) and changed
    kept: int = 0       # a changed copy refused as cut off or chrome-only (store/revisions.py): the stored one stays
    skipped: int = 0    # read and deliberately not coded (e.g. its language): not an error
    failed: int = 0     # unreadable, or a stage failed on it, or the database refused it
    events: int = 0     # events of the articles added, replaced or recoded


class IngestWatcher(Protocol):
    """What the loop reports as it goes; a caller implements what it shows (every method does nothing here)."""

    def failed(self, failure: Failure) -> None:
        """An input or an article that failed or was skipped; already recorded in the failures table."""
        return None

    def coding(self, total: int) -> None:
        """`total` more articles are read and not stored yet: they are coded now (once per batch, as the inputs
        are read: the total grows as the run goes)."""
        return None

    def stored(self, result: ExtractResult, outcome: SaveOutcome) -> None:
        """One coded article saved (or found unchanged by the save itself)."""
        return None

    def coded(self) -> None:
        """One pending article coded (or failed); a batch's articles are saved once all of them are coded."""
        return None


def ingest(store: Store, items: Iterable[Article | Failure], code: Coder,
           watcher: IngestWatcher | None = None, batch_size: int = BATCH_SIZE, recode: bool = False) -> IngestCounts:
    """Store what `items` holds that the store does not, a batch at a time; what was saved before an error that
    stops the run stays saved. A stored article that comes with a new date or title is coded again in place;
    with `recode`, every article is (the `recode` command hands in stored articles). The store is released
    while a batch is coded (Store.release)."""
    run = _Run(store, watcher or _Silent(), code, recode)
    waiting: tuple[list[Article], Iterator[ExtractResult | Failure] | None] | None = None
    for batch in run.pending(items, max(1, batch_size)):
        started = run.start(batch)  # with worker processes, coded while the next batch is read
        if waiting is not None:
            run.finish(*waiting)
        waiting = (batch, started)
    if waiting is not None:
        run.finish(*waiting)
    return run.counts


class _Silent(IngestWatcher):
    pass


@dataclass
class _Run:
    store: Store
    watch: IngestWatcher
    code: Coder
    recode: bool = False
    counts: IngestCounts = field(default_factory=IngestCounts)
    recorded: set[tuple[str, str, str]] = field(default_factory=set)

    def pending(self, items: Iterable[Article | Failure], size: int) -> Iterator[list[Article]]:
        """Batches of the articles to code (not stored yet, or stored and given a new date or title), as the
        items are read; failures are recorded on the way."""
        batch: list[Article] = []
        for item in items:
            if isinstance(item, Failure):
                self.record(item)
                continue
            batch.append(item)
            if len(batch) >= size:
                yield from self.to_code(batch)
                batch = []
        if batch:
            yield from self.to_code(batch)

    def to_code(self, batch: list[Article]) -> Iterator[list[Article]]:
        """The batch without the articles stored as they are (counted unchanged), checked in one query."""
        if not self.recode:
            stored = self.store.stored_articles([a.id for a in batch])
            self.store.release()
            keep = []
            for item in batch:
                before = stored.get(item.id)
                if before is None:
                    keep.append(item)
                elif redated(item, before):
                    keep.append(merged(item, before))  # coded with its new date, the rest as stored
                else:
                    self.counts.unchanged += 1
            batch = keep
        if batch:
            self.watch.coding(len(batch))
            yield batch

    def start(self, batch: list[Article]) -> Iterator[ExtractResult | Failure] | None:
        """The batch handed to the coder; None when the coder fails on it as a whole."""
        try:
            return iter(self.code(batch))
        except CannotRun:
            raise
        except Exception:  # every article of the batch is coded alone when its results are taken
            return None

    def finish(self, batch: list[Article], results: Iterator[ExtractResult | Failure] | None) -> None:
        """Each article's result saved or its failure recorded. When the coder fails in the middle of a batch,
        the articles it did not answer for are coded one at a time, so only the one at fault fails. The whole
        batch is coded before the store is opened to save it, and released after."""
        self.store.release()
        done: list[ExtractResult | Failure] = []
        for article in batch:
            result: ExtractResult | Failure | None = None
            if results is not None:
                try:
                    result = next(results)
                except CannotRun:
                    raise
                except Exception:  # StopIteration included: a coder answering for fewer articles than it got
                    results = None
            done.append(result if result is not None else self.alone(article))
            self.watch.coded()
        for article, result in zip(batch, done, strict=True):
            self.take(article, result)
        self.store.release()

    def alone(self, article: Article) -> ExtractResult | Failure:
        try:
            found = list(self.code([article]))
        except CannotRun:
            raise
        except Exception as exc:
            return failure_of(_source(article), CODE_STAGE, exc)
        if len(found) != 1:
            return Failure(source=_source(article), stage=CODE_STAGE,
                           reason=f"the coder gave {len(found)} results for one article")
        return found[0]

    def take(self, article: Article, result: ExtractResult | Failure) -> None:
        if isinstance(result, Failure):
            self.record(result)
            return
        try:
            outcome = self.store.save(result, recode=self.recode)
        except CannotRun:
            raise
        except Exception as exc:  # the database refusing this article's values; rolled back, the run goes on
            self.record(failure_of(_source(article), SAVE_STAGE, exc))
            return
        setattr(self.counts, outcome.value, getattr(self.counts, outcome.value) + 1)
        if outcome in (SaveOutcome.ADDED, SaveOutcome.REPLACED, SaveOutcome.RECODED):
            self.counts.events += len(result.events)
        self.watch.stored(result, outcome)

    def record(self, failure: Failure) -> None:
        """Record a failure once per source, stage and reason in this run (an input named twice, a reason met
        again, is not a second row)."""
        key = (failure.source, failure.stage, failure.reason)
        if key in self.recorded:
            return
        self.recorded.add(key)
        self.store.record_failure(failure.source, failure.stage, failure.reason)
        if failure.skipped:
            self.counts.skipped += 1
        else:
            self.counts.failed += 1
        self.watch.failed(failure)


def _source(article: Article) -> str:
    return article.source_path or article.url or article.id
