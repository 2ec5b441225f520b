"""The user's own data files: actors and trigger lexicon in a user folder, loaded without any variable, and the
fingerprint that tells which of them coded a stored article.

The folder is platformdirs' user config folder for "eventwire" (on Linux `$XDG_CONFIG_HOME/eventwire`, else
`~/.config/eventwire`), or that path when platformdirs is not installed. `EVENTWIRE_ACTORS` and
`EVENTWIRE_LEXICON` (path lists) still override it: when set, they name the files used instead.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

ACTORS_FILE = "actors.tsv"
LEXICON_FILE = "lexicon.tsv"
NO_USER_FILES = "none"  # the fingerprint of a coding that used the packaged data only


def user_dir() -> Path:
    try:
        from platformdirs import user_config_dir
    except ImportError:  # optional: the same folder on Linux
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return Path(base) / "eventwire"
    return Path(user_config_dir("eventwire", appauthor=False))


def _configured(variable: str) -> tuple[str, ...] | None:
    paths = tuple(p for p in os.environ.get(variable, "").split(os.pathsep) if p)
    return paths or None


def _files(variable: str, name: str) -> tuple[str, ...]:
    configured = _configured(variable)
    if configured is not None:
        return configured
    default = user_dir() / name
    return (str(default),) if default.is_file() else ()


def user_actor_files() -> tuple[str, ...]:
    """EVENTWIRE_ACTORS's files, else the user folder's actors.tsv when it exists."""
    return _files("EVENTWIRE_ACTORS", ACTORS_FILE)


def user_lexicon_files() -> tuple[str, ...]:
    """EVENTWIRE_LEXICON's files, else the user folder's lexicon.tsv when it exists."""
    return _files("EVENTWIRE_LEXICON", LEXICON_FILE)


def actors_file_to_write() -> Path:
    """Where `actors add` / `actors import` append: the first EVENTWIRE_ACTORS file, else the user folder's."""
    configured = _configured("EVENTWIRE_ACTORS")
    return Path(configured[0]) if configured else user_dir() / ACTORS_FILE


def fingerprint(paths: Iterable[str]) -> str:
    """A short hash of the user files' contents, in order (their order decides which entry wins); a file that
    cannot be read counts as missing. "none" when there are no user files."""
    digest = hashlib.sha256()
    any_file = False
    for path in paths:
        any_file = True
        try:
            content = Path(path).read_bytes()
        except OSError:
            content = b"\0missing"
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()[:16] if any_file else NO_USER_FILES


def files_state(paths: Iterable[str]) -> tuple[tuple[str, int, int], ...]:
    """Each file's path, modification time and size (-1, -1 when missing): a change of any, a cheap stat
    apart, tells that the files were edited, added or removed."""
    state = []
    for path in paths:
        try:
            found = os.stat(path)
            state.append((path, found.st_mtime_ns, found.st_size))
        except OSError:
            state.append((path, -1, -1))
    return tuple(state)
