"""The ingest loop, shared by `eventwire ingest` and the API's POST /ingest: articles already stored are
skipped, the rest coded and saved one article per transaction, every failure (unreadable input, skipped
language, failing stage) recorded in the failures table, and everything counted.

Coding is handed in (`code`: pending articles -> results in the same order), so the caller picks how: a
process pool (`batch.code_articles`), or one article on the server's loaded pipeline. What happens is handed
back through an `IngestWatcher` (progress bars, one-line messages), never printed here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from eventwire.model import Article, ExtractResult, Failure
from eventwire.store.database import SaveOutcome, Store

Coder = Callable[[list[Article]], Iterable[ExtractResult | Failure]]


@dataclass
class IngestCounts:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0  # already stored with the same text: not coded again
    kept: int = 0       # a changed copy refused as cut off or chrome-only (store/revisions.py): the stored one stays
    skipped: int = 0    # read and deliberately not coded (e.g. its language): not an error
    failed: int = 0     # unreadable, or a stage failed on it
    events: int = 0     # events of the articles added or replaced


class IngestWatcher(Protocol):
    """What the loop reports as it goes; a caller implements what it shows (every method does nothing here)."""

    def failed(self, failure: Failure) -> None:
        """An input or an article that failed or was skipped; already recorded in the failures table."""
        return None

    def coding(self, total: int) -> None:
        """The inputs are read: `total` articles are not stored yet and will be coded now."""
        return None

    def stored(self, result: ExtractResult, outcome: SaveOutcome) -> None:
        """One coded article saved (or found unchanged by the save itself)."""
        return None

    def coded(self) -> None:
        """One pending article done, stored or failed."""
        return None


def ingest(store: Store, items: Iterable[Article | Failure], code: Coder,
           watcher: IngestWatcher | None = None) -> IngestCounts:
    """Store what `items` holds that the store does not; errors other than per-article failures (the model
    missing, the database unwritable) are raised, and what was saved before them stays saved."""
    watch = watcher or _Silent()
    counts = IngestCounts()
    pending: list[Article] = []
    for item in items:
        if isinstance(item, Failure):
            _record(store, item, counts, watch)
        elif store.has_article(item.id):
            counts.unchanged += 1
        else:
            pending.append(item)
    if not pending:
        return counts
    watch.coding(len(pending))
    for result in code(pending):
        if isinstance(result, Failure):
            _record(store, result, counts, watch)
        else:
            outcome = store.save(result)
            setattr(counts, outcome.value, getattr(counts, outcome.value) + 1)
            if outcome in (SaveOutcome.ADDED, SaveOutcome.REPLACED):
                counts.events += len(result.events)
            watch.stored(result, outcome)
        watch.coded()
    return counts


class _Silent(IngestWatcher):
    pass


def _record(store: Store, failure: Failure, counts: IngestCounts, watch: IngestWatcher) -> None:
    store.record_failure(failure.source, failure.stage, failure.reason)
    if failure.skipped:
        counts.skipped += 1
    else:
        counts.failed += 1
    watch.failed(failure)
