"""Whole-article, whole-record evaluation: every event eventwire emits for an article, every field,
against the blind gold of `records_gold.py`.

Matching: an emitted event and a gold event are the same act when the emitted evidence sentence is one
of the gold event's sentences and the trigger words agree or the CAMEO roots do. Each gold event can be
matched once per sentence that reports it (a lead and a later paragraph are two mentions of one act);
a second emitted event for the same act in the same sentence is a duplicate. Pairs are taken best first
(trigger, root, source country, target country).

Precision is over emitted events, leaving out those matched to optional gold events (credited, never
held against the coder): real-and-political is the share matched to a required gold event; each field
is then judged on those. Recall is over required gold events: found with the same root and the same
source and target countries (the dyad), and with the full code.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from eventwire.dateparse import period_of
from eventwire.evaluation.records_gold import SPLITS, GoldActor, GoldArticle, GoldEvent, check_sentences, normalise
from eventwire.model import ActorMention, Article, Event, ExtractResult

# Acts whose two sides do the same thing to each other: the dyad may be read in either order.
_MUTUAL_PREFIXES = ("040", "044", "046", "057", "06", "19")
_CONFIDENCE_BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Outcome:
    """What one emitted event was judged to be."""

    event: Event
    kind: str  # required | optional | duplicate | spurious
    gold: GoldEvent | None = None


@dataclass
class ArticleScore:
    article: GoldArticle
    outcomes: list[Outcome] = field(default_factory=list)
    found: dict[int, list[Event]] = field(default_factory=dict)  # gold event index -> emitted events matched


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def same_sentence(emitted: str, gold: str) -> bool:
    """The sentence splitter and the annotator may cut a sentence differently: containment either way, or
    most words shared."""
    a, b = normalise(emitted).lower(), normalise(gold).lower()
    if a in b or b in a:
        return True
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.6


def trigger_agrees(emitted: str, gold: str) -> bool:
    """Trigger words agree up to inflection ("attacked" ~ "attack", "arrests" ~ "arrested")."""
    stems_e = {w[:5] for w in _words(emitted) if len(w) >= 3}
    return any(w[:5] in stems_e for w in _words(gold) if len(w) >= 3)


def _country(actor: ActorMention | None) -> str | None:
    return (actor.country or None) if actor is not None else None


def _side_right(emitted: ActorMention | None, gold: GoldActor | None) -> bool:
    if gold is None or emitted is None:
        return gold is None and emitted is None
    return _country(emitted) == gold.country


def _code_right(emitted: ActorMention | None, gold: GoldActor | None) -> bool:
    if gold is None or emitted is None:
        return gold is None and emitted is None
    return (emitted.code or "") == gold.code


def dyad_right(event: Event, gold: GoldEvent) -> tuple[bool, bool]:
    """(source country right, target country right), reading a mutual act's dyad in either order."""
    straight = (_side_right(event.source, gold.source), _side_right(event.target, gold.target))
    if all(straight) or not gold.cameo.startswith(_MUTUAL_PREFIXES) or gold.target is None:
        return straight
    swapped = (_side_right(event.target, gold.source), _side_right(event.source, gold.target))
    return swapped if all(swapped) else straight


def dyad_miss_kinds(event: Event, gold: GoldEvent) -> list[str]:
    """What is wrong with an event's dyad against the gold, side by side: "source missing" (no code where the gold
    has one), "source other" (another country), "target missing", "target extra" (one the gold does not have) or
    "target other"."""
    source_right, target_right = dyad_right(event, gold)
    kinds = []
    for side, right, ours, theirs in (("source", source_right, event.source, gold.source),
                                      ("target", target_right, event.target, gold.target)):
        if right:
            continue
        if ours is None or not ours.code:
            kinds.append(f"{side} missing")
        elif theirs is None or not theirs.code:
            kinds.append(f"{side} extra")
        else:
            kinds.append(f"{side} other")
    return kinds


def date_right(event: Event, gold: GoldEvent) -> bool:
    """The emitted date says the gold's day, month or year, at least as precisely: the days it covers lie within
    the gold's (a week, "2019-W10", inside the gold's month "2019-03" is right; one straddling two months is not)."""
    if gold.date is None:
        return event.date is None
    ours, theirs = period_of(event.date), period_of(gold.date)
    return ours is not None and theirs is not None and theirs[0] <= ours[0] and ours[1] <= theirs[1]


def fields_right(event: Event, gold: GoldEvent) -> dict[str, bool]:
    source, target = dyad_right(event, gold)
    place = (event.place.country if event.place else None) == gold.place_country
    flags = event.negated == gold.negated and event.hypothetical == gold.hypothetical
    right = {"root": event.cameo_root == gold.root, "code": event.cameo == gold.cameo,
             "source_country": source, "target_country": target,
             "source_code": _code_right(event.source, gold.source),
             "target_code": _code_right(event.target, gold.target),
             "date": date_right(event, gold), "place_country": place, "flags": flags}
    right["all_fields"] = all(right[k] for k in ("code", "source_country", "target_country", "date",
                                                 "place_country", "flags"))
    right["all_fields_with_actor_codes"] = right["all_fields"] and right["source_code"] and right["target_code"]
    return right


def _pair_score(event: Event, gold: GoldEvent) -> int | None:
    if not any(same_sentence(event.evidence.sentence, s) for s in gold.sentences):
        return None
    trigger, root = trigger_agrees(event.evidence.trigger, gold.trigger), event.cameo_root == gold.root
    if not (trigger or root):
        return None
    source, target = dyad_right(event, gold)
    return 4 * trigger + 2 * root + source + target


def _slot_of(event: Event, gold: GoldEvent) -> int:
    return next(k for k, s in enumerate(gold.sentences) if same_sentence(event.evidence.sentence, s))


def match_article(article: GoldArticle, events: Sequence[Event]) -> ArticleScore:
    """Judge every emitted event of one article against its gold events."""
    pairs = []
    for i, event in enumerate(events):
        for j, gold in enumerate(article.events):
            score = _pair_score(event, gold)
            if score is not None:
                pairs.append((score, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    taken_slots: set[tuple[int, int]] = set()
    judged: dict[int, Outcome] = {}
    result = ArticleScore(article)
    for _, i, j in pairs:
        if i in judged:
            continue
        gold, event = article.events[j], events[i]
        slot = (j, _slot_of(event, gold))
        if slot in taken_slots:
            continue
        taken_slots.add(slot)
        judged[i] = Outcome(event, "required" if gold.required else "optional", gold)
        result.found.setdefault(j, []).append(event)
    for i, event in enumerate(events):
        if i not in judged:
            duplicate = any(score is not None for score, k, _ in pairs if k == i)
            judged[i] = Outcome(event, "duplicate" if duplicate else "spurious")
    result.outcomes = [judged[i] for i in range(len(events))]
    return result


def _share(n: int, d: int) -> float | None:
    return round(n / d, 3) if d else None


def _reliability(outcomes: Iterable[Outcome]) -> list[dict[str, Any]]:
    """Confidence against what was observed: the share of events real, political and rightly rooted."""
    rows = []
    scored = [o for o in outcomes if o.kind != "optional"]
    for low, high in pairwise(_CONFIDENCE_BINS):
        inside = [o for o in scored if low <= o.event.confidence < high]
        good = sum(o.kind == "required" and o.gold is not None and o.event.cameo_root == o.gold.root
                   for o in inside)
        rows.append({"confidence": f"{low:.1f}-{min(high, 1.0):.1f}", "events": len(inside),
                     "mean_confidence": round(sum(o.event.confidence for o in inside) / len(inside), 3)
                     if inside else None, "observed": _share(good, len(inside))})
    return rows


def score_articles(scores: Sequence[ArticleScore]) -> dict[str, Any]:
    """Precision, field accuracy, recall, confusion and reliability over some scored articles."""
    outcomes = [o for s in scores for o in s.outcomes]
    kinds = Counter(o.kind for o in outcomes)
    scored = len(outcomes) - kinds["optional"]
    real = [o for o in outcomes if o.kind == "required" and o.gold is not None]
    field_counts: Counter[str] = Counter()
    confusion: Counter[str] = Counter()
    for o in real:
        assert o.gold is not None
        field_counts.update(k for k, ok in fields_right(o.event, o.gold).items() if ok)
        if o.event.cameo_root != o.gold.root:
            confusion[f"{o.gold.root}->{o.event.cameo_root}"] += 1
    required = [(s, j, g) for s in scores for j, g in enumerate(s.article.events) if g.required]
    recall: Counter[str] = Counter()
    dyad_misses: Counter[str] = Counter()
    for s, j, gold in required:
        found = s.found.get(j, [])
        checks = [fields_right(e, gold) for e in found]
        rooted = [e for e, c in zip(found, checks, strict=True) if c["root"]]
        if rooted and not any(c["root"] and c["source_country"] and c["target_country"] for c in checks):
            dyad_misses.update(dyad_miss_kinds(rooted[0], gold))
        recall["found"] += bool(found)
        recall["root"] += any(c["root"] for c in checks)
        recall["root_dyad"] += any(c["root"] and c["source_country"] and c["target_country"] for c in checks)
        recall["code_dyad"] += any(c["code"] and c["source_country"] and c["target_country"] for c in checks)
    quiet = [s for s in scores if not s.article.political]
    return {
        "articles": len(scores), "gold_required": len(required),
        "gold_optional": sum(not g.required for s in scores for g in s.article.events),
        "emitted": len(outcomes), "matched_optional": kinds["optional"],
        "precision": {"real_political": _share(len(real), scored),
                      "duplicates": _share(kinds["duplicate"], scored),
                      "all_fields_of_emitted": _share(field_counts["all_fields"], scored),
                      **{f"{k}_of_real": _share(field_counts[k], len(real))
                         for k in ("root", "code", "source_country", "target_country", "source_code", "target_code",
                                   "date", "place_country", "flags", "all_fields", "all_fields_with_actor_codes")}},
        "recall": {k: _share(recall[k], len(required)) for k in ("found", "root", "root_dyad", "code_dyad")},
        # Events an annotator listed as optional (a tribute, a background act) are not held against the coder
        # here either; the count with them is kept beside.
        "non_political_articles": {
            "articles": len(quiet),
            "events_per_article": _share(sum(o.kind != "optional" for s in quiet for o in s.outcomes), len(quiet)),
            "with_optional": _share(sum(len(s.outcomes) for s in quiet), len(quiet))},
        # Why events found with the right root miss their dyad: which side, and whether it was missing or another.
        "dyad_misses": dict(dyad_misses.most_common()),
        "root_confusion": dict(confusion.most_common(12)),
        "spurious_roots": dict(Counter(o.event.cameo_root for o in outcomes if o.kind == "spurious").most_common(12)),
        "reliability": _reliability(outcomes),
    }


def report_by_split(scores: Sequence[ArticleScore]) -> dict[str, Any]:
    return {split: score_articles([s for s in scores if s.article.split == split]) for split in SPLITS}


def detail_rows(scores: Sequence[ArticleScore]) -> Iterable[dict[str, Any]]:
    """One row per emitted event and per missed required gold event, for reading the development half."""
    for s in scores:
        for o in s.outcomes:
            ev = o.event
            row: dict[str, Any] = {"url": s.article.url, "outcome": o.kind, "sentence": ev.evidence.sentence,
                                   "trigger": ev.evidence.trigger, "cameo": ev.cameo, "source": ev.source.code,
                                   "target": ev.target.code if ev.target else None, "date": ev.date,
                                   "confidence": ev.confidence, "hypothetical": ev.hypothetical,
                                   "negated": ev.negated,
                                   "place": [ev.place.name, ev.place.country] if ev.place else None}
            if o.gold is not None:
                row["gold"] = {"cameo": o.gold.cameo, "source": o.gold.source.code,
                               "target": o.gold.target.code if o.gold.target else None, "date": o.gold.date,
                               "place": [o.gold.place_name, o.gold.place_country] if o.gold.place_country else None}
                row["wrong"] = sorted(k for k, ok in fields_right(ev, o.gold).items() if not ok)
            yield row
        for j, gold in enumerate(s.article.events):
            if gold.required and j not in s.found:
                yield {"url": s.article.url, "outcome": "missed", "sentence": gold.sentences[0],
                       "trigger": gold.trigger, "cameo": gold.cameo, "source": gold.source.code,
                       "target": gold.target.code if gold.target else None, "date": gold.date}


def read_gold_articles(corpus: Path, gold: Sequence[GoldArticle]) -> list[Article]:
    """The gold's articles read from the corpus as `eventwire extract` reads them, checked against the gold."""
    from eventwire.ingest.inputs import iter_articles

    wanted = {g.url for g in gold}
    articles = [a for a in iter_articles([str(corpus)]) if isinstance(a, Article) and a.url in wanted]
    check_sentences(list(gold), {a.url or "": a.text for a in articles})
    return articles


def read_web_gold_articles(ground_truth: Path, gold: Sequence[GoldArticle]) -> list[Article]:
    """The web gold's articles: the benchmark's main text of each page (what a perfect body extractor gives),
    dated as the gold dates it, so that the score is the coder's and not the extractor's."""
    pages = json.loads(ground_truth.read_text(encoding="utf-8"))
    bodies = {page["url"]: page["articleBody"] for page in pages.values()}
    articles = [Article(id=hashlib.sha1(g.url.encode("utf-8")).hexdigest()[:16], url=g.url, published=g.published,
                        text=bodies.get(g.url, "")) for g in gold]
    check_sentences(list(gold), {a.url or "": a.text for a in articles})
    return articles


def read_local_gold_articles(lgl: Path, gold: Sequence[GoldArticle]) -> list[Article]:
    """The local-news gold's articles: LGL's text of each story (its title is the first sentence), dated by its
    download time, which is the day the feed published it."""
    import xml.etree.ElementTree as ET

    wanted = {g.url for g in gold}
    articles = []
    for story in ET.parse(lgl).getroot().findall("article"):
        url = story.findtext("url") or ""
        if url in wanted:
            articles.append(Article(id=hashlib.sha1(url.encode("utf-8")).hexdigest()[:16], url=url,
                                    published=(story.findtext("dltime") or "")[:10] or None,
                                    text=story.findtext("text") or ""))
    check_sentences(list(gold), {a.url or "": a.text for a in articles})
    return articles


def code_gold_articles(pipeline: Any, articles: Sequence[Article], gold: Sequence[GoldArticle]) -> list[ArticleScore]:
    """Code the gold's articles and judge their events."""
    wanted = {g.url: g for g in gold}
    scores = []
    for result in pipeline.run_many(articles):
        if isinstance(result, ExtractResult) and result.article.url in wanted:
            scores.append(match_article(wanted[result.article.url], result.events))
    return scores
