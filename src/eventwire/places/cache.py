"""A per-user disk cache for indexes eventwire builds from package data (the small-towns index takes ~3 s
to build and ~0.7 s to read back). Only an optimisation: an unreadable, stale or unwritable cache means
the index is built again, never an error.

Location: $EVENTWIRE_CACHE_DIR, else $XDG_CACHE_HOME/eventwire, else ~/.cache/eventwire. Entries are keyed
by what they are built from (package versions), so an upgrade builds afresh.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


def cache_dir() -> Path:
    explicit = os.environ.get("EVENTWIRE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """`build()`'s value, read from the cache entry for (name, key) when one is there, else built and saved."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    path = cache_dir() / f"{name}-{digest}.pickle"
    try:
        with path.open("rb") as fh:
            value: T = pickle.load(fh)  # our own file, written below by this same code
        return value
    except FileNotFoundError:
        pass
    except Exception as exc:  # a damaged entry is rebuilt
        log.debug("cache entry %s unreadable (%s): rebuilding", path, exc)
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{name}-", delete=False) as tmp:
            pickle.dump(value, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)  # atomic: a concurrent reader sees the old entry or the whole new one
    except OSError as exc:
        log.debug("cache entry %s not written (%s)", path, exc)
    return value
