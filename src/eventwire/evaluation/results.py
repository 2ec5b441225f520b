"""Stored evaluation runs: `eventwire eval ... --save DIR` writes what one run measured (its figures) with what
it was measured on (each data file's name, size and digest), when, by which eventwire and git commit, and the
command that repeats it. The documentation's accuracy page is generated from these files."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import subprocess
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import eventwire

RESULTS_DIR = Path("evaluation/results")  # in the checkout, beside bench/results
_SOURCE = Path(eventwire.__file__).resolve().parent


def _git(*args: str) -> str:
    """A git answer about the checkout eventwire runs from; empty when it is not a git checkout."""
    try:
        proc = subprocess.run(["git", *args], cwd=_SOURCE, capture_output=True, text=True, timeout=30, check=False)
    except OSError:
        return ""
    return proc.stdout.strip() if proc.returncode == 0 else ""


def code_version() -> dict[str, Any]:
    """Which eventwire measured: its version, the git commit and whether the source had uncommitted changes."""
    commit = _git("rev-parse", "HEAD")
    changed = bool(_git("status", "--porcelain", "--untracked-files=no", "--", ".")) if commit else False
    return {"eventwire": eventwire.__version__, "commit": commit or None, "uncommitted_changes": changed}


def packaged(name: str) -> Path:
    """A gold file shipped in eventwire.evaluation/data."""
    return Path(str(resources.files("eventwire.evaluation").joinpath("data", name)))


def _files(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]


def _shown(path: Path) -> str:
    """Packaged gold is named from the checkout; the shared data as given (it is not part of the checkout)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def data_file(path: Path) -> dict[str, Any]:
    """One file (or folder) a run read, with its size and sha256 (a folder's over its files' names and bytes in
    order), so a later reader can tell whether the same data is meant."""
    sha, size, files = hashlib.sha256(), 0, _files(path)
    for file in files:
        if path.is_dir():
            sha.update(file.relative_to(path).as_posix().encode() + b"\0")
        with file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                sha.update(block)
                size += len(block)
    entry: dict[str, Any] = {"path": _shown(path), "bytes": size, "sha256": sha.hexdigest()}
    if path.is_dir():
        entry["files"] = len(files)
    return entry


def result_name(command: str, options: Sequence[str] = ()) -> str:
    """`records` + ["--web"] -> `records-web`: one file per distinct measurement, the last run of each kept."""
    parts = (re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-") for part in (command, *options))
    return "-".join(part for part in parts if part)


def save_result(folder: Path, command: str, options: Sequence[str], data: Sequence[Path], figures: Any,
                now: datetime.datetime | None = None) -> Path:
    """Write `folder/<command>[-options].json` and return its path. `options` are the ones that change what is
    measured, as typed (["--half", "development"]); `data` every file the run read."""
    name = result_name(command, options)
    record = {
        "evaluation": name,
        "command": " ".join(["eventwire", "eval", command, *options]),
        "measured": (now or datetime.datetime.now(datetime.UTC)).isoformat(timespec="seconds"),
        **code_version(),
        "data": [data_file(p) for p in data],
        "figures": figures,
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def load_results(folder: Path) -> list[dict[str, Any]]:
    """Every stored run in `folder`, by name."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"), key=lambda p: p.stem)]
