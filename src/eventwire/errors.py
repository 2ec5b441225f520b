"""One exception type per failure kind; the CLI prints them as `eventwire: PATH: reason`."""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class UnreadableInput(EventwireError):
    """An input cannot be read as an article (missing, empty, binary, undecodable)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelMissing(EventwireError):
    """The configured spaCy model is not installed."""


class DataFileError(EventwireError):
    """A packaged data file (lexicon, KB, gazetteer) is malformed."""
