"""eventwire: news articles to coded political events with evidence.

The Python API (docs/python-api.md), for notebooks and scripts:

    import eventwire
    result = eventwire.extract("Russia's foreign minister met ...", published="2024-02-08")
    db = eventwire.open_db("events.duckdb")
    frame = db.events(country="Syria", cameo_root="19", since="2017-12-01")

Importing eventwire loads nothing heavy: the names below are imported on first use, spaCy on the first
`extract` call.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from eventwire.analysis.database import EventDatabase, open_db
    from eventwire.analysis.extract import extract
    from eventwire.analysis.frames import read_csv
    from eventwire.errors import (
        CannotRun,
        DatabaseUnavailable,
        EventwireError,
        InvalidValue,
        StageFailed,
        UnreadableInput,
    )
    from eventwire.model import ActorMention, Article, Event, ExtractResult, PlaceMention, Quote, TimeMention

# public name -> the module that defines it
_LAZY = {
    "extract": "eventwire.analysis.extract",
    "open_db": "eventwire.analysis.database",
    "EventDatabase": "eventwire.analysis.database",
    "read_csv": "eventwire.analysis.frames",
    **dict.fromkeys(("ExtractResult", "Article", "Event", "ActorMention", "PlaceMention", "TimeMention", "Quote"),
                    "eventwire.model"),
    **dict.fromkeys(("EventwireError", "UnreadableInput", "StageFailed", "InvalidValue", "CannotRun",
                     "DatabaseUnavailable"), "eventwire.errors"),
}

__all__ = [
    "ActorMention", "Article", "CannotRun", "DatabaseUnavailable", "Event", "EventDatabase", "EventwireError",
    "ExtractResult", "InvalidValue", "PlaceMention", "Quote", "StageFailed", "TimeMention", "UnreadableInput",
    "__version__", "extract", "open_db", "read_csv",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value  # the next access is a plain attribute
        return value
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
