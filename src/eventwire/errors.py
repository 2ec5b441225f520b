"""Every error eventwire raises on purpose, one type per failure kind, in one tree.

    EventwireError
    ├── UnreadableInput        an input is not an article; recorded per input, the run goes on
    ├── StageFailed            a pipeline stage failed on one article; recorded with the stage's name
    ├── InvalidValue           a value a user gave is malformed (also a ValueError)
    ├── CannotRun              nothing can be coded or read until this is fixed
    │   ├── ModelMissing       the spaCy model is not installed
    │   ├── DataFileError      a data file (packaged or the user's actors/lexicon) is malformed
    │   └── DatabaseUnavailable  missing, locked by a writer, or not an eventwire database
    │       └── DatabaseTooNew   written by a newer eventwire (schema version above this code's)
    └── SchemaMismatch         the code's row mapping and the store's columns disagree (a bug, not a user error)

The command line turns them into one line `eventwire: PATH: reason` and an exit code (cli/common.py):
input failures 1, usage errors 2, `CannotRun` 3. The HTTP API turns them into its JSON error shape.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class UnreadableInput(EventwireError):
    """An input cannot be read as an article (missing, empty, binary, undecodable)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StageFailed(EventwireError):
    """A stage of the pipeline (its name in pipeline.STAGES, or "parse") raised on one article."""

    def __init__(self, stage: str, cause: BaseException) -> None:
        self.stage = stage
        self.reason = f"{type(cause).__name__}: {cause}"
        super().__init__(f"{stage}: {self.reason}")


class InvalidValue(EventwireError, ValueError):
    """A value given by a user (a radius, a box, a format name) is malformed."""


class CannotRun(EventwireError):
    """Something the run needs is missing or unusable: no article can be coded or read until it is fixed."""


class ModelMissing(CannotRun):
    """The configured spaCy model is not installed."""


class DataFileError(CannotRun):
    """A data file (packaged lexicon, KB, gazetteer, or a user's actors or lexicon file) is malformed."""


class DatabaseUnavailable(CannotRun):
    """The database file is missing, locked by a writer, or not an eventwire database."""


class DatabaseTooNew(DatabaseUnavailable):
    """The database was written by a newer eventwire: its schema version is above this code's."""


class SchemaMismatch(EventwireError):
    """The row mapping and the store's columns disagree (a renamed or added column not mapped)."""


class StaleCacheEntry(EventwireError):
    """A cache entry was written for other data, code or versions: it is built again, never used."""


class MissingKey(EventwireError, KeyError):
    """A name looked up in a packaged table (the gazetteer's names) that the table does not hold."""
