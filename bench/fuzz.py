"""Fuzz benchmark, full size (run by `make bench`; the CI-sized run is tests/fuzz/test_fuzz.py).

Corpus (tests/fuzz/corpus.py), written at run time into a temporary folder: 2,000 inputs (`--size`), about
45% holding valid articles - the real pages of ../shared/data/article-extraction, Wikinews 2019 rows and LGL /
GeoVirus texts, read from ../shared (never copied into the repository), then synthetic English articles - in
every input format, and the rest hostile: gzip bombs unpacking to 1 GiB (zeros, text, a WARC record), random
bytes under every suffix, empty and truncated files, deeply nested and lone-surrogate JSON lines, broken WARCs,
hostile feeds, UTF-16/32 without a BOM, NUL bytes, articles over 1,000,000 and 2,000,000 characters, Arabic,
Chinese and Russian text, ragged CSV, script-only HTML, and more (tests/fuzz/hostile.py).

Run (tests/fuzz/harness.py): `eventwire extract`, `eventwire ingest --workers 1` and `--workers 2` (fresh
databases), then `eventwire serve --allow-ingest` with every input POSTed to /extract and /ingest, each command
in its own process, timed, and its peak RSS and its workers' read from the kernel. Checked: no crashed run or
batch, no valid article lost, every failure recorded once with its stage, 4xx (never 5xx) from the API, peak
RSS under 1.5 GB per process. Results (counts, problems, peak memory, seconds) go to bench/results/fuzz.json;
the exit status is 1 when a check failed.

    python bench/fuzz.py [--size N] [--seed S] [--bomb-mib MiB] [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the corpus and the checks live with the tests (tests/fuzz)
OUT = ROOT / "bench" / "results" / "fuzz.json"


def main() -> int:
    from tests.fuzz.corpus import generate, summary
    from tests.fuzz.harness import run_suite

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--bomb-mib", type=int, default=1024, help="what each gzip bomb unpacks to")
    parser.add_argument("--keep", type=Path, help="write the corpus and the runs' outputs here and keep them")
    args = parser.parse_args()
    beside = Path(sys.executable).parent / "eventwire"  # this environment's console script, not another on PATH
    eventwire = str(beside) if beside.exists() else shutil.which("eventwire") or "eventwire"
    folder = args.keep or Path(tempfile.mkdtemp(prefix="eventwire-fuzz-"))
    try:
        started = time.perf_counter()
        inputs = generate(folder / "corpus", args.size, args.seed, bomb_bytes=args.bomb_mib << 20, slow=True)
        generated = time.perf_counter() - started
        print(f"corpus: {json.dumps(summary(inputs))} in {generated:.0f}s", flush=True)
        results = run_suite(folder / "corpus", folder / "runs", eventwire, run_timeout=4 * 3600)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    results["corpus"]["generated_s"] = round(generated, 1)
    results["seconds"] = round(time.perf_counter() - started, 1)
    results["python"] = platform.python_version()
    OUT.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for name in ("extract", "ingest_1_worker", "ingest_2_workers"):
        run = results[name]
        print(f"{name}: exit {run['exit_code']}, {run['seconds']}s, peak RSS {run['peak_rss_mb']} MB, articles "
              f"{run['articles_found']}/{run['articles_expected']}, failures {run['failures_found']}/"
              f"{run['failures_expected']}, inputs mismatched {run['inputs_mismatched']}")
    api = results["api"]
    print(f"api: {api['requests']} requests in {api['seconds']}s, statuses {api['statuses']}, server peak RSS "
          f"{api['peak_rss_mb']['server']} MB, mismatched {api['mismatches_count']}")
    print("problems:" if results["problems"] else "no problems found", *results["problems"], sep="\n  ")
    return 1 if results["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
