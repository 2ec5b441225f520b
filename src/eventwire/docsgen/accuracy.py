"""The accuracy page: what each stored evaluation run measured (evaluation/results/*.json, written by
`eventwire eval ... --save`), on which data, when and by which version; the floors every gold suite is held to
(tests/score_floors.json, the guarantees the test suite enforces); and the stored benchmark runs
(bench/results/*.json)."""

from __future__ import annotations

import datetime
import json
import subprocess
from pathlib import Path
from typing import Any

from eventwire.docsgen.markdown import GENERATED_NOTE, table
from eventwire.evaluation.results import load_results

LONG_LIST = 12  # a longer list in the figures (misses, examples) is counted, not shown: it is in the stored file


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
    """Nested figures as (dotted.name, value); `about` texts are left out (they are shown as notes). A short
    list of records is shown item by item (`reliability[0].events`), a long one only counted."""
    if isinstance(data, dict):
        rows = []
        for key, value in data.items():
            if key != "about":
                rows += flatten(value, f"{prefix}.{key}" if prefix else str(key))
        return rows
    if isinstance(data, list):
        if len(data) > LONG_LIST:
            return [(prefix, f"{len(data)} items (in the stored file)")]
        if any(isinstance(v, dict | list) for v in data):
            return [row for i, v in enumerate(data) for row in flatten(v, f"{prefix}[{i}]")]
        return [(prefix, ", ".join(str(v) for v in data))]
    return [(prefix, "-" if data is None else data)]


def _abouts(data: Any, prefix: str = "") -> list[tuple[str, str]]:
    if not isinstance(data, dict):
        return []
    notes = [(prefix or "all", str(data["about"]))] if "about" in data else []
    for key, value in data.items():
        notes += _abouts(value, f"{prefix}.{key}" if prefix else key)
    return notes


def measured_at(result: dict[str, Any]) -> str:
    """`2026-12-05 23:26 UTC` from the stored ISO time."""
    when = datetime.datetime.fromisoformat(str(result["measured"])).astimezone(datetime.UTC)
    return when.strftime("%Y-%m-%d %H:%M UTC")


def _version(result: dict[str, Any]) -> str:
    commit = result.get("commit")
    text = f"eventwire {result.get('eventwire', '?')}" + (f" at commit `{commit[:10]}`" if commit else
                                                          " (not run from a git checkout)")
    return text + (" with uncommitted changes to the source" if result.get("uncommitted_changes") else "")


def _data_name(entry: dict[str, Any]) -> str:
    return Path(str(entry["path"])).name


def evaluation_section(result: dict[str, Any]) -> str:
    """One stored run: the command, when, by which version, the data files (with digests) and every figure."""
    name = result["evaluation"]
    data = [(f"`{d['path']}`" + (f" ({d['files']} files)" if "files" in d else ""), f"{d['bytes']:,}",
             f"`{str(d['sha256'])[:16]}`") for d in result.get("data", [])]
    return (f"### {name}\n\n`{result['command']}`, measured {measured_at(result)} by {_version(result)}; stored in "
            f"`evaluation/results/{name}.json`.\n\nData read:\n\n" + table(("file", "bytes", "sha256 (first 16)"), data)
            + "\n" + table(("figure", "value"), flatten(result["figures"])) + "\n")


def evaluations_part(results_dir: Path) -> str:
    results = load_results(results_dir) if results_dir.is_dir() else []
    head = ("## Stored evaluation runs\n\nEach `eventwire eval ... --save evaluation/results` run, the last of each "
            "kind: the figures it printed, the data it read (size and sha256, so you can tell whether your copy is "
            "the same), when and by which version. `make eval-results` measures them all again (the gold data in "
            "`../shared/data`); [measuring on your own gold](../guide/measuring.md) says what each figure means.\n\n")
    if not results:
        return head + "No evaluation run is stored yet: run `make eval-results`.\n\n"
    summary = [(f"[{r['evaluation']}](#{r['evaluation']})", f"`{r['command']}`", measured_at(r), _version(r),
                ", ".join(_data_name(d) for d in r.get("data", []))) for r in results]
    return (head + table(("evaluation", "command", "measured", "by", "data"), summary) + "\n"
            + "".join(evaluation_section(r) for r in results))


def accuracy_page(floors: Path, bench_results: Path, eval_results: Path) -> str:
    data = json.loads(floors.read_text(encoding="utf-8"))
    sources = "evaluation/results/*.json, tests/score_floors.json and bench/results/*.json"
    parts = ["# Accuracy\n\n", GENERATED_NOTE.format(source=sources),
             "How well eventwire does: what was measured, on which data, when and by which version (the stored "
             "evaluation runs), and the floors the test suite holds every change to. "
             "[What is known to fail](../guide/known-failures.md) lists the weak spots.\n\n",
             evaluations_part(eval_results),
             f"## Floors the tests enforce\n\n`tests/score_floors.json`, last changed {last_changed(floors)}. "
             "These are the guarantees: each figure is the lowest score the test suite accepts (`pytest -m gold`, "
             "on the gold data in `../shared/data`, and the bundled examples' suite), so a change that scores lower "
             "fails its test. The measured scores above are at or above them.\n\n"]
    for section, values in data.items():
        if section == "about":
            continue
        parts.append(f"### Floors of {section}\n\n")  # distinct from the run and benchmark of the same name
        for where, note in _abouts(values, section):
            parts.append(f"> {where}: {note}\n\n")
        parts.append(table(("figure", "floor"), flatten(values)) + "\n")
    parts.append("## Stored benchmark runs\n\nThe last `make bench` results (`bench/results/`), with the date "
                 "each file was last committed; speed depends on the machine each names.\n\n")
    for path in sorted(bench_results.glob("*.json")):
        figures = flatten(json.loads(path.read_text(encoding="utf-8")))
        shown = [(name, value) for name, value in figures if isinstance(value, int | float | str)][:40]
        parts.append(f"### Benchmark {path.stem}\n\n`bench/results/{path.name}`, last changed {last_changed(path)} "
                     f"(first {len(shown)} of {len(figures)} figures).\n\n" + table(("figure", "value"), shown) + "\n")
    return "".join(parts)
