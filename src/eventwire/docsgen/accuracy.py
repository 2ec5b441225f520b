"""The accuracy page: the floors every gold suite is held to (tests/score_floors.json, enforced by the test
suite) and the figures of the stored benchmark runs (bench/results/*.json), each with where it came from."""

from __future__ import annotations

import datetime
import json
import subprocess
from pathlib import Path
from typing import Any

from eventwire.docsgen.markdown import GENERATED_NOTE, table


def last_changed(path: Path) -> str:
    """The date of the last commit that touched `path`, else its file date."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path.name], cwd=path.parent,
                             capture_output=True, text=True, timeout=30, check=False).stdout.strip()
    except OSError:
        out = ""
    if out:
        return out
    return datetime.date.fromtimestamp(path.stat().st_mtime).isoformat()


def flatten(data: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """Nested figures as (dotted.name, value); `about` texts are left out (they are shown as notes)."""
    if isinstance(data, dict):
        rows = []
        for key, value in data.items():
            if key != "about":
                rows += flatten(value, f"{prefix}.{key}" if prefix else str(key))
        return rows
    if isinstance(data, list):
        return [(prefix, ", ".join(str(v) for v in data))]
    return [(prefix, data)]


def _abouts(data: Any, prefix: str = "") -> list[tuple[str, str]]:
    if not isinstance(data, dict):
        return []
    notes = [(prefix or "all", str(data["about"]))] if "about" in data else []
    for key, value in data.items():
        notes += _abouts(value, f"{prefix}.{key}" if prefix else key)
    return notes


def accuracy_page(floors: Path, bench_results: Path) -> str:
    data = json.loads(floors.read_text(encoding="utf-8"))
    parts = ["# Accuracy\n\n", GENERATED_NOTE.format(source="tests/score_floors.json and bench/results/*.json"),
             "How well eventwire does, from the files the project measures itself with. The "
             "[guide to measuring](../guide/measuring.md) says how to run each evaluation on your own gold, and "
             "[what is known to fail](../guide/known-failures.md) lists the weak spots.\n\n"
             f"## Floors of the gold suites\n\n`tests/score_floors.json`, last changed {last_changed(floors)}. "
             "Each figure is the lowest score the test suite accepts (`pytest -m gold`, on the gold data in "
             "`../shared/data`, and the bundled examples' suite): a change that scores lower fails its test. "
             "The measured scores are at or above these; `eventwire eval ...` prints them.\n\n"]
    for section, values in data.items():
        if section == "about":
            continue
        parts.append(f"### {section}\n\n")
        for where, note in _abouts(values, section):
            parts.append(f"> {where}: {note}\n\n")
        parts.append(table(("figure", "floor"), flatten(values)) + "\n")
    parts.append("## Stored benchmark runs\n\nThe last `make bench` results (`bench/results/`), with the date "
                 "each file was last committed; speed depends on the machine each names.\n\n")
    for path in sorted(bench_results.glob("*.json")):
        figures = flatten(json.loads(path.read_text(encoding="utf-8")))
        shown = [(name, value) for name, value in figures if isinstance(value, int | float | str)][:40]
        parts.append(f"### {path.stem}\n\n`bench/results/{path.name}`, last changed {last_changed(path)} "
                     f"(first {len(shown)} of {len(figures)} figures).\n\n" + table(("figure", "value"), shown) + "\n")
    return "".join(parts)
