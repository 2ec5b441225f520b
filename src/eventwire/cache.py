"""A per-user disk cache for what eventwire builds from package data at start-up (the gazetteer, the
language identifier, the phrase matchers' token keys): built once, then read back by the next processes.

Only an optimisation: an unreadable, stale or unwritable entry means the value is built again, never an error.
Every entry is written to a temporary file and renamed into place, so a reader (another process) sees the old
entry or the whole new one, never half of it. Entries are keyed by everything they are built from (package
versions, the packaged tables' own bytes), so an upgrade or an edited data file builds afresh.

Location: $EVENTWIRE_CACHE_DIR, else $XDG_CACHE_HOME/eventwire, else ~/.cache/eventwire.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import mmap
import os
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import StaleCacheEntry

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    explicit = os.environ.get("EVENTWIRE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


def entry_path(name: str, key: str, suffix: str) -> Path:
    """The file of the entry for (name, key): a short digest of the key in its name."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return cache_dir() / f"{name}-{digest}{suffix}"


def data_digest(*tables: tuple[str, str]) -> str:
    """A digest of packaged data files ((package, file name) under its data/ folder): an editable install
    changes them without a version change."""
    digest = hashlib.sha1()
    for package, name in tables:
        digest.update(resources.files(package).joinpath("data", name).read_bytes())
    return digest.hexdigest()


def code_digest(module_file: str) -> str:
    """A digest of a module's own source: an entry built by code that has since changed is not reused, even
    when nobody remembered to raise its format number."""
    try:
        return hashlib.sha1(Path(module_file).read_bytes()).hexdigest()
    except OSError:  # installed without its source: the package version in the key stands for it
        return ""


def write_atomically(path: Path, write: Callable[[Path], None]) -> bool:
    """`write(tmp)` fills a temporary file beside `path`, which then replaces `path` in one rename. False (and
    nothing left behind) when the cache folder cannot be written."""
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
        os.close(fd)
        tmp = Path(name)
        write(tmp)
        os.replace(tmp, path)
        return True
    except OSError as exc:
        log.debug("cache entry %s not written (%s)", path, exc)
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        return False


_ALIGN = 64


def cached_arrays(name: str, key: str, build: Callable[[], tuple[dict[str, Any], Any]]) -> tuple[dict[str, Any], Any]:
    """The (numpy arrays, small JSON-able extra) that `build()` gives, read back from the cache entry for (name,
    key) when it is there and whole: the arrays mapped from the file (read-only, pages read as they are used),
    so a 70 MB model costs nothing until it is consulted. A missing, damaged or differently keyed entry is built
    and written again."""
    path = entry_path(name, key, ".arrays")
    if path.exists():
        try:
            return _map_arrays(path, key)
        except Exception as exc:  # damaged, truncated, foreign: built again below
            log.debug("cache entry %s unreadable (%s): rebuilding", path, exc)
    arrays, extra = build()

    def write(tmp: Path) -> None:
        import numpy as np

        contiguous = {n: np.ascontiguousarray(a) for n, a in arrays.items()}
        layout: dict[str, list[Any]] = {}
        offsets: dict[str, int] = {}
        offset = 0
        for n, a in contiguous.items():
            layout[n], offsets[n] = [a.dtype.str, list(a.shape), offset], offset
            offset += -(-a.nbytes // _ALIGN) * _ALIGN
        header = json.dumps({"key": key, "arrays": layout, "extra": extra}).encode("utf-8")
        start = -(-(8 + len(header)) // _ALIGN) * _ALIGN
        with tmp.open("wb") as fh:
            fh.write(len(header).to_bytes(8, "little") + header)
            for n, a in contiguous.items():
                fh.seek(start + offsets[n])
                fh.write(a.tobytes())
            fh.truncate(start + offset)  # the whole aligned length, so that an empty last array is in range

    if write_atomically(path, write):
        return _map_arrays(path, key)
    return arrays, extra


def _map_arrays(path: Path, key: str) -> tuple[dict[str, Any], Any]:
    import numpy as np

    with path.open("rb") as fh:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)  # stays valid once the file is closed
    size = int.from_bytes(mapped[:8], "little")
    header = json.loads(mapped[8:8 + size].decode("utf-8"))
    if header["key"] != key:
        raise StaleCacheEntry("written for another key")
    start = -(-(8 + size) // _ALIGN) * _ALIGN
    arrays = {}
    for name, (dtype, shape, offset) in header["arrays"].items():
        count = math.prod(shape)  # frombuffer refuses a range past the end: a truncated file is an error
        arrays[name] = np.frombuffer(mapped, dtype=np.dtype(dtype), count=count, offset=start + offset).reshape(shape)
    return arrays, header["extra"]
