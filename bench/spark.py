"""Spark benchmark (run by `make bench`; never a timed unit test).

Corpus: the 938 real news texts bench/store.py builds from ../shared/data, written as one text file each
to a temporary folder, so that every runner reads the same files the same way. Measured in one run, so
the ratios hold on a noisy machine:
- floor: the bare spaCy parse (`nlp.pipe`, batch 16) of the texts as read, one process and n_process=2;
- eventwire in-process, one core: `Pipeline.run_many` over the read articles (parse + all stages), with
  the pipeline's load timed apart; ratio pipeline / floor;
- eventwire in-process, two cores: `code_articles(..., workers=2)`, worker start-up included;
- eventwire on Spark, local[1] and local[2], each in a fresh session: session start, a warm-up job on 8
  articles (Python workers start and load the pipeline: Spark's fixed cost), then the whole corpus
  (read, code, dedup, write Parquet) with the workers warm; articles/s and scaling local[2] / local[1];
- peak RSS of every Spark Python worker (ru_maxrss, reported by the workers) and of the in-process pool;
- CPU seconds of the corpus job in Spark's JVM and in its Python processes (/proc).
The machine's load average is recorded: its two cores are shared with other engineers' work.
Results go to bench/results/spark.json.
"""

from __future__ import annotations

import json
import os
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from eventwire.model import Article
from store import corpus, spacy_floor  # bench/store.py: the same real-news corpus and floor

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "results" / "spark.json"
WARM_UP_ARTICLES = 8
# The projection in the README: a year of news on 100 nodes of this many cores, one Python worker per core.
YEAR_OF_NEWS = 90_000_000
NODES, CORES_PER_NODE = 100, 8


def write_corpus(articles: list[Article], folder: Path) -> list[str]:
    folder.mkdir(parents=True)
    paths = []
    for i, article in enumerate(articles):
        path = folder / f"{i:04d}.txt"
        path.write_text(article.text, encoding="utf-8")
        paths.append(str(path))
    return paths


def read_all(paths: list[str]) -> tuple[list[Article], float]:
    from eventwire.ingest import read_article

    t0 = time.perf_counter()
    articles = [read_article(p) for p in paths]
    return articles, time.perf_counter() - t0


def in_process(articles: list[Article]) -> dict[str, Any]:
    from eventwire.batch import code_articles
    from eventwire.pipeline import Pipeline
    from eventwire.settings import Settings

    t0 = time.perf_counter()
    pipeline = Pipeline.load()
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    one = list(pipeline.run_many(articles))
    one_s = time.perf_counter() - t0
    del pipeline
    t0 = time.perf_counter()
    two = list(code_articles(articles, Settings(), workers=2))
    two_s = time.perf_counter() - t0
    assert len(one) == len(two) == len(articles)
    return {"pipeline_load_s": round(load_s, 2), "one_core_s": round(one_s, 2), "two_workers_s": round(two_s, 2),
            "one_core_articles_per_s": round(len(articles) / one_s, 2),
            "two_workers_articles_per_s": round(len(articles) / two_s, 2),
            "events": sum(len(getattr(r, "events", ())) for r in one),
            "pool_worker_max_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (Linux /proc), 0 once it has gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _descendants(pid: int) -> list[int]:
    """Every process below `pid`: the Python daemon under Spark's JVM and the workers it forked."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _cpu_by_side(jvm: int) -> dict[int, float]:
    return {pid: _cpu_seconds(pid) for pid in [jvm, *_descendants(jvm)]}


def on_spark(master: str, folder: Path, warm_up: list[str], out: Path) -> dict[str, Any]:
    from eventwire.spark.job import JobOptions, run_job, spark_session

    t0 = time.perf_counter()
    session = spark_session(master, {"spark.ui.enabled": "false"})
    session.sparkContext.parallelize([0], 1).count()  # the JVM and its scheduler are up
    start_s = time.perf_counter() - t0
    try:
        t0 = time.perf_counter()
        warm = run_job(session, JobOptions(inputs=tuple(warm_up), out=str(out / "warm-up")))
        warm_s = time.perf_counter() - t0
        gateway = session.sparkContext._gateway
        assert gateway is not None
        jvm = gateway.proc.pid  # spark-submit execs the JVM in the process it starts
        cpu_before = _cpu_by_side(jvm)
        t0 = time.perf_counter()
        full = run_job(session, JobOptions(inputs=(str(folder),), out=str(out / "corpus")))
        full_s = time.perf_counter() - t0
        cpu_after = _cpu_by_side(jvm)
    finally:
        session.stop()
    workers = {**warm.workers}
    for pid, stats in full.workers.items():
        workers[pid] = {k: max(v, workers.get(pid, {}).get(k, 0.0)) for k, v in stats.items()}
    return {
        "session_start_s": round(start_s, 2), "warm_up_job_s": round(warm_s, 2),
        "fixed_cost_s": round(start_s + warm_s, 2), "corpus_job_s": round(full_s, 2),
        "corpus_job_phases_s": full.phases,
        # CPU seconds the corpus job took in Spark's JVM and in the Python daemon and workers (two cores: the
        # JVM's share is taken from the workers').
        "corpus_job_cpu_s": {
            "jvm": round(cpu_after[jvm] - cpu_before.get(jvm, 0.0), 2),
            "python": round(sum(c - cpu_before.get(pid, 0.0) for pid, c in cpu_after.items() if pid != jvm), 2)},
        "articles": full.articles, "events": full.events, "event_groups": full.event_groups,
        "failures": full.failures, "articles_per_s": round(full.articles / full_s, 2),
        "python_workers": len(workers),
        "worker_peak_rss_mb": max(w["peak_rss_mb"] for w in workers.values()),
        "worker_pipeline_load_s": max(w["pipeline_load_s"] for w in workers.values()),
        "workers": {str(pid): w for pid, w in sorted(workers.items())},
    }


def main() -> None:
    load_at_start = os.getloadavg()
    built = corpus()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        paths = write_corpus(built, folder)
        articles, read_s = read_all(paths)
        texts = [a.text for a in articles]
        parse = spacy_floor(texts)
        local = in_process(articles)
        spark1 = on_spark("local[1]", folder, paths[:WARM_UP_ARTICLES], Path(tmp) / "spark1")
        spark2 = on_spark("local[2]", folder, paths[:WARM_UP_ARTICLES], Path(tmp) / "spark2")
    per_core = spark1["articles_per_s"]
    hours = YEAR_OF_NEWS / (NODES * CORES_PER_NODE * per_core) / 3600
    result = {
        "machine": {"cores": os.cpu_count(), "load_average_at_start": [round(x, 2) for x in load_at_start],
                    "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
                    "note": "two cores shared with other engineers' work: compare the ratios within one run"},
        "corpus": {"articles": len(articles), "words": sum(len(t.split()) for t in texts),
                   "read_s": round(read_s, 2)},
        **parse,
        "floor_1core_articles_per_s": round(len(texts) / parse["floor_1core_s"], 2),
        "in_process": local,
        "pipeline_over_floor": round(local["one_core_s"] / parse["floor_1core_s"], 2),
        "spark_local1": spark1,
        "spark_local2": spark2,
        "spark_scaling_local2_over_local1": round(spark2["articles_per_s"] / spark1["articles_per_s"], 2),
        # What two cores gave the bare parse in the same run: on a shared machine, the most Spark could get.
        "floor_scaling_2core_over_1core": round(parse["floor_1core_s"] / parse["floor_2core_s"], 2),
        "spark_local1_over_in_process_1core": round(spark1["articles_per_s"] / local["one_core_articles_per_s"], 2),
        "projection": {"articles": YEAR_OF_NEWS, "nodes": NODES, "cores_per_node": CORES_PER_NODE,
                       "per_core_articles_per_s": per_core, "hours": round(hours, 2)},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
