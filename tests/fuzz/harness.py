"""The fuzz suite's checks: a written corpus (corpus.py) through `eventwire extract`, `eventwire ingest` with 1
and 2 workers (fresh databases), and the API (`eventwire serve --allow-ingest`, every input POSTed to /extract
and /ingest), each in its own process, measured (process.py).

What is checked, per run:
- no crash: exit status 0 or 1, never a traceback on stderr; no failure of stage `code` (a batch or worker that
  broke); every line on stderr is `eventwire: INPUT...: reason` or the ingest summary;
- every input gives what its manifest says: its valid articles all there (extract's output, the articles
  table), its faults each told once (extract's stderr lines, failure rows: one per source, stage and reason,
  with the stage the manifest names);
- the API answers every POST: 200 where the body holds a valid article, 4xx where the manifest says it is
  refused, never a 5xx or a dropped connection;
- the memory of every process (the command, each worker, the server) stays under PEAK_LIMIT_MB;
- no output holds the contents of /etc/passwd (an XML external entity in a feed).
"""

from __future__ import annotations

import http.client
import json
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.fuzz.corpus import load, summary
from tests.fuzz.families import Input, Outcome
from tests.fuzz.hostile import SECRET
from tests.fuzz.process import TRACEBACK, Measured, Started, free_port, run

PEAK_LIMIT_MB = 1536.0  # 1.5 GB per process (issue 19)
KNOWN_STAGES = {"ingest", "language", "parse", "times", "places", "actors", "quotes", "counts", "events",
                "relevance", "code", "save", "replace"}
_SUMMARY = re.compile(r"^ingested in [\d.]+s: ")
SHOWN = 25  # mismatches listed in the results


@dataclass
class Tally:
    """What one run made of each input: articles and failures, by input index."""
    articles: Counter[int] = field(default_factory=Counter)
    failures: Counter[int] = field(default_factory=Counter)
    stages: dict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    stray: list[str] = field(default_factory=list)  # output naming no input of the corpus, or not understood


def index_of(source: str | None, inputs_dir: str) -> int | None:
    """The corpus input a source names ("DIR/00012-jsonl.jsonl:3" -> 12)."""
    if not source or not source.startswith(inputs_dir + "/"):
        return None
    head = source[len(inputs_dir) + 1:][:5]
    return int(head) if head.isdigit() else None


def check_inputs(inputs: list[Input], tally: Tally, check_stage: bool) -> dict[str, Any]:
    """Per input, whether the articles and failures found are an outcome its manifest allows."""
    mismatches, lost, wrong_stage = [], 0, []
    expected_articles = found_articles = expected_failures = found_failures = 0
    for index, item in enumerate(inputs):
        found = Outcome(tally.articles[index], tally.failures[index])
        expected_articles += item.outcomes[0].articles
        expected_failures += item.outcomes[0].failures
        found_articles += found.articles
        found_failures += found.failures
        if found not in item.outcomes:
            lost += max(0, item.outcomes[0].articles - found.articles)
            mismatches.append({"input": item.name, "expected": [o.__dict__ for o in item.outcomes],
                               "found": found.__dict__, "stages": dict(tally.stages.get(index, {}))})
        stages = set(tally.stages.get(index, {}))
        if check_stage and item.stage and found.failures and stages != {item.stage}:
            wrong_stage.append({"input": item.name, "expected": item.stage, "found": sorted(stages)})
    return {"articles_expected": expected_articles, "articles_found": found_articles, "valid_articles_lost": lost,
            "failures_expected": expected_failures, "failures_found": found_failures,
            "inputs_mismatched": len(mismatches), "mismatches": mismatches[:SHOWN],
            "failures_with_wrong_stage": len(wrong_stage), "wrong_stages": wrong_stage[:SHOWN],
            "unattributed_output": len(tally.stray), "unattributed_examples": tally.stray[:10]}


def _stderr_failures(text: str, inputs_dir: str, tally: Tally) -> None:
    """Count `eventwire: SOURCE: reason` lines per input; anything else on stderr is stray."""
    prefix = "eventwire: "
    for line in text.splitlines():
        if not line.strip() or _SUMMARY.match(line):
            continue
        index = index_of(line[len(prefix):], inputs_dir) if line.startswith(prefix) else None
        if index is None:
            tally.stray.append(line[:300])
            continue
        rest = line[len(prefix) + len(inputs_dir) + 1:]
        reason = rest.split(": ", 1)[1] if ": " in rest else ""
        tally.failures[index] += 1
        first = reason.split(":", 1)[0]
        tally.stages[index]["language" if first == "skipped" else first if first in KNOWN_STAGES else "ingest"] += 1


def run_extract(inputs: list[Input], root: Path, work: Path, eventwire: str, timeout: float) -> dict[str, Any]:
    inputs_dir = str(root / "inputs")
    measured = run([eventwire, "extract", inputs_dir, "--format", "json", "--no-fetch-links"], work, "extract",
                   timeout)
    tally = Tally()
    leaked = False
    with measured.stdout.open(encoding="utf-8") as out:
        for line in out:
            leaked = leaked or SECRET in line
            try:
                source = json.loads(line)["article"]["source_path"]
            except (ValueError, KeyError, TypeError):
                tally.stray.append(f"stdout: {line[:200]}")
                continue
            index = index_of(source, inputs_dir)
            if index is None:
                tally.stray.append(f"article from {source}")
            else:
                tally.articles[index] += 1
    _stderr_failures(measured.stderr_text(), inputs_dir, tally)
    return {**measured.summary(), **_crash(measured), **check_inputs(inputs, tally, check_stage=True),
            "secret_leaked": leaked}


def run_ingest(inputs: list[Input], root: Path, work: Path, eventwire: str, workers: int,
               timeout: float) -> dict[str, Any]:
    import duckdb

    inputs_dir = str(root / "inputs")
    db = work / f"ingest-{workers}.duckdb"
    db.unlink(missing_ok=True)
    measured = run([eventwire, "ingest", inputs_dir, "--db", str(db), "--workers", str(workers), "--no-fetch-links"],
                   work, f"ingest-{workers}", timeout)
    tally = Tally()
    with duckdb.connect(str(db), read_only=True) as con:
        for (source,) in con.execute("SELECT source_path FROM articles").fetchall():
            index = index_of(source, inputs_dir)
            if index is None:
                tally.stray.append(f"article from {source}")
            else:
                tally.articles[index] += 1
        rows = con.execute("SELECT source, stage, reason, occurrences FROM failures").fetchall()
        leaked = any(con.execute("SELECT count(*) FROM articles WHERE text LIKE ?", [f"%{SECRET}%"]).fetchone() or [0])
    repeated = [r for r in rows if (r[3] or 1) != 1]
    duplicates = len(rows) - len({(r[0], r[1], r[2]) for r in rows})
    no_stage = [r for r in rows if not r[1]]
    crashed = [r for r in rows if r[1] == "code"]
    for source, stage, _reason, _ in rows:
        index = index_of(source, inputs_dir)
        if index is None:
            tally.stray.append(f"failure of {source}")
            continue
        tally.failures[index] += 1
        tally.stages[index][stage or ""] += 1
    stray_stderr = [line for line in measured.stderr_text().splitlines()
                    if line.strip() and not line.startswith("eventwire: ") and not _SUMMARY.match(line)]
    summary_line = next((line for line in measured.stderr_text().splitlines() if _SUMMARY.match(line)), "")
    return {**measured.summary(), **_crash(measured), **check_inputs(inputs, tally, check_stage=True),
            "crashed_batches": len(crashed), "crashed_examples": [list(r[:3]) for r in crashed[:5]],
            "failure_rows": len(rows), "failures_without_stage": len(no_stage),
            "failures_recorded_twice": duplicates + len(repeated), "stray_stderr": stray_stderr[:10],
            "summary": summary_line, "secret_leaked": bool(leaked)}


def _crash(measured: Measured) -> dict[str, Any]:
    crashed = measured.exit_code not in (0, 1) or TRACEBACK in measured.stderr_text()
    return {"crashed": crashed, "stderr_tail": measured.stderr_text()[-2000:] if crashed else ""}


def run_api(inputs: list[Input], root: Path, work: Path, eventwire: str, request_timeout: float) -> dict[str, Any]:
    """Every input's POSTs to /extract and /ingest of one `eventwire serve --allow-ingest`."""
    port = free_port()
    db = work / "api.duckdb"
    db.unlink(missing_ok=True)
    server = Started([eventwire, "serve", "--db", str(db), "--port", str(port), "--allow-ingest"],
                     work / "serve.out", work / "serve.err")
    statuses: Counter[int] = Counter()
    mismatches: list[dict[str, Any]] = []
    server_errors = connection_errors = ok_expected = ok_answered = 0
    leaked = False
    started = time.perf_counter()
    try:
        _wait_until_up(port, server)
        for item in inputs:
            for call in item.api:
                body = (root / call.body).read_bytes()
                answers = [_post(port, route, call.media, body, request_timeout) for route in ("/extract", "/ingest")]
                codes = [status for status, _ in answers]
                statuses.update(codes)
                leaked = leaked or any(SECRET in text for _, text in answers)
                server_errors += sum(1 for c in codes if c >= 500)
                connection_errors += sum(1 for c in codes if c == 0)
                ok_expected += call.expect == "ok"
                ok_answered += call.expect == "ok" and codes == [200, 200]
                if not _as_expected(call.expect, codes):
                    mismatches.append({"input": item.name, "body": call.body, "media": call.media,
                                       "expect": call.expect, "statuses": codes,
                                       "message": next((text[:300] for c, text in answers if c != 200), "")})
        seconds = time.perf_counter() - started
        server_peak = server.main_peak_mb()
    finally:
        server.interrupt()
        measured = server.finish(60)
    return {"requests": sum(statuses.values()), "seconds": round(seconds, 1),
            "statuses": dict(sorted(statuses.items())),
            "server_errors": server_errors, "connection_errors": connection_errors,
            "valid_bodies": ok_expected, "valid_bodies_answered_200": ok_answered,
            "mismatches_count": len(mismatches), "mismatches": mismatches[:SHOWN],
            "peak_rss_mb": {"server": max(server_peak, measured.peak_mb)},
            "server_exit_code": measured.exit_code, "traceback_on_stderr": TRACEBACK in measured.stderr_text(),
            "secret_leaked": leaked}


def _as_expected(expect: str, codes: list[int]) -> bool:
    if any(c >= 500 or c == 0 for c in codes):
        return False
    if expect == "ok":
        return codes == [200, 200]
    if expect == "refused":
        return all(400 <= c < 500 for c in codes)
    return all(c == 200 or 400 <= c < 500 for c in codes)


def _post(port: int, route: str, media: str, body: bytes, timeout: float) -> tuple[int, str]:
    """Status and body of one POST; status 0 when the connection failed."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", route, body=body, headers={"Content-Type": media})
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", errors="replace")
    except (OSError, http.client.HTTPException) as exc:
        return 0, f"{type(exc).__name__}: {exc}"
    finally:
        conn.close()


def _wait_until_up(port: int, server: Started, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not server.alive():
            raise RuntimeError(f"eventwire serve stopped: {server.stderr.read_text(errors='replace')[-2000:]}")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            conn.request("GET", "/openapi.json")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            conn.close()
        time.sleep(0.3)
    raise RuntimeError("eventwire serve did not answer in time")


def run_suite(root: Path, work: Path, eventwire: str, run_timeout: float, request_timeout: float = 600
              ) -> dict[str, Any]:
    """The corpus at `root` through every way in; the results and the problems found (none: the suite passes)."""
    manifest, inputs = load(root)
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "corpus": {**summary(inputs), "seed": manifest["seed"], "bomb_bytes": manifest["bomb_bytes"],
                   "texts": manifest["texts"], "by_family": dict(sorted(Counter(i.family for i in inputs).items()))},
        "extract": run_extract(inputs, root, work, eventwire, run_timeout),
        "ingest_1_worker": run_ingest(inputs, root, work, eventwire, 1, run_timeout),
        "ingest_2_workers": run_ingest(inputs, root, work, eventwire, 2, run_timeout),
        "api": run_api(inputs, root, work, eventwire, request_timeout),
    }
    results["problems"] = problems(results)
    return results


def problems(results: dict[str, Any]) -> list[str]:
    """Each check the results fail, as one line."""
    found = []
    for name in ("extract", "ingest_1_worker", "ingest_2_workers"):
        run_ = results[name]
        for key in ("inputs_mismatched", "valid_articles_lost", "failures_with_wrong_stage", "unattributed_output",
                    "crashed_batches", "failures_without_stage", "failures_recorded_twice"):
            if run_.get(key):
                found.append(f"{name}: {key} = {run_[key]}")
        if run_["crashed"]:
            found.append(f"{name}: crashed (exit {run_['exit_code']}): {run_['stderr_tail'][-300:]}")
        if run_.get("stray_stderr"):
            found.append(f"{name}: stray lines on stderr: {run_['stray_stderr'][:3]}")
        if run_["peak_rss_mb"]["any_process"] >= PEAK_LIMIT_MB:
            found.append(f"{name}: peak RSS {run_['peak_rss_mb']} MB")
        if run_["secret_leaked"]:
            found.append(f"{name}: /etc/passwd in the output")
    api = results["api"]
    for key in ("server_errors", "connection_errors", "mismatches_count"):
        if api[key]:
            found.append(f"api: {key} = {api[key]}")
    if api["peak_rss_mb"]["server"] >= PEAK_LIMIT_MB:
        found.append(f"api: server peak RSS {api['peak_rss_mb']['server']} MB")
    if api["traceback_on_stderr"] or api["secret_leaked"]:
        found.append("api: traceback on the server's stderr or /etc/passwd in an answer")
    return found
