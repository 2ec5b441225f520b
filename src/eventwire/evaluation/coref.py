"""Coreference measured on real news: pronouns and definite descriptions against hand-annotated antecedents.

Gold (evaluation/data/coref_gold.tsv): 347 candidates in the first 14 sentences of 48 real articles (24 of
../shared/data/article-extraction that name political actors, 24 of the LGL geoparsing corpus), each annotated
by a reader with the text of the actor it refers to, or "-" when it refers to no actor (a thing, an event, a
dummy "it", a first mention). Candidates inside quotations are left out: there "he" is seen from the speaker.

Scored for eventwire's rule pass and, in the same run, for a recency baseline (the nearest earlier actor
mention whose kind fits the pronoun: a person for he/she, not a person for it/they), over the same mentions:
- precision: of the candidates given an antecedent, the share given the right one;
- recall: of the candidates that refer to an actor, the share given the right one;
- false on "-": candidates that refer to no actor yet were given one;
- code: of the candidates that refer to an actor eventwire codes, the share carrying that actor's code
  (what an event's source or target would get).
A resolution is right when it names an actor that eventwire found at an earlier occurrence of the gold
antecedent's text, or shares a capitalised word with that text. Documents alternate between a development
half and a held-out half.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.datafiles import read_tsv
from eventwire.ingest.sources import article_id
from eventwire.model import ActorMention, Article

GOLD_FILE = "coref_gold.tsv"  # in evaluation/data
# The candidates were listed over each article's first 6,000 characters.
TEXT_LIMIT = 6000
_COREF_SOURCES = ("pronoun", "description")
_RESOLVING = (*_COREF_SOURCES, "context", "owner")
_PERSON_WORDS = {"he", "him", "his", "she", "her", "hers"}
_THING_WORDS = {"it", "its"}
_PLURAL_WORDS = {"they", "them", "their"}


@dataclass(frozen=True)
class Candidate:
    dataset: str
    doc: str
    offset: int
    word: str
    antecedents: tuple[str, ...]  # empty: refers to no actor


Resolver = Callable[[Candidate, list[ActorMention]], list[ActorMention]]


def load_candidates() -> list[Candidate]:
    out = []
    for row in read_tsv("eventwire.evaluation", GOLD_FILE):
        if row["antecedent"] == "?":
            continue
        parts = () if row["antecedent"] == "-" else tuple(p.strip() for p in row["antecedent"].split(" | "))
        out.append(Candidate(row["dataset"], row["doc"], int(row["offset"]), row["word"], parts))
    return out


def load_texts(data_dir: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(dataset, doc) -> (text, publication date) for the gold's articles."""
    texts: dict[tuple[str, str], tuple[str, str | None]] = {}
    truth = json.loads((data_dir / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    meta = {row["id"]: row["published"] or None for row in read_tsv("eventwire.evaluation", "article_meta.tsv")}
    for key, value in truth.items():
        texts[("article-extraction", key)] = (value["articleBody"][:TEXT_LIMIT], meta.get(key))
    for article in ET.parse(data_dir / "geoparsing" / "lgl.xml").getroot():
        docid = article.get("docid") or ""
        day = (article.findtext("dltime") or "")[:10] or None
        texts[("lgl", docid)] = ((article.findtext("text") or "")[:TEXT_LIMIT], day)
    return texts


def eventwire_resolution(candidate: Candidate, mentions: list[ActorMention]) -> list[ActorMention]:
    """The actors eventwire gives the word by coreference, or, for a description ("the government"), by
    the country of its context."""
    return [m for m in mentions if m.resolved_from in _RESOLVING and m.start <= candidate.offset < m.end]


def recency_resolution(candidate: Candidate, mentions: list[ActorMention]) -> list[ActorMention]:
    """The nearest earlier mention (not itself resolved by coreference) whose kind fits the word."""
    word = candidate.word.lower()
    earlier = [m for m in mentions if m.resolved_from not in _COREF_SOURCES and m.end <= candidate.offset]
    if word in _PERSON_WORDS:
        fits = [m for m in earlier if m.kind == "person"]
    elif word in _THING_WORDS or word in _PLURAL_WORDS:
        fits = [m for m in earlier if m.kind != "person"]
    else:  # a description: any actor
        fits = earlier
    return fits[-1:]


def _capitalised_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Z][\w'-]+", text) if len(w) > 2}


def _antecedent_mentions(text: str, gold: str, before: int, mentions: list[ActorMention]) -> list[ActorMention]:
    """eventwire's own mentions over the earlier occurrences of the gold antecedent's text."""
    out = []
    for match in re.finditer(re.escape(gold), text[:before]):
        out += [m for m in mentions if m.resolved_from not in _COREF_SOURCES
                and m.start < match.end() and match.start() < m.end]
    return out


def _right(found: ActorMention, gold: str, text: str, before: int, mentions: list[ActorMention]) -> bool:
    named = {(m.name, m.code) for m in _antecedent_mentions(text, gold, before, mentions)}
    return (found.name, found.code) in named or bool(_capitalised_words(found.name) & _capitalised_words(gold))


@dataclass
class _Tally:
    referring: int = 0
    no_actor: int = 0
    resolved: int = 0
    right: int = 0
    false_on_none: int = 0
    codable: int = 0
    code_right: int = 0

    def report(self) -> dict[str, Any]:
        precision = self.right / self.resolved if self.resolved else 0.0
        recall = self.right / self.referring if self.referring else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"referring": self.referring, "no_actor": self.no_actor, "resolved": self.resolved,
                "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                "false_on_no_actor": self.false_on_none,
                "code": round(self.code_right / self.codable, 3) if self.codable else 0.0,
                "codable": self.codable}


def score(candidates: Iterable[Candidate], texts: dict[tuple[str, str], tuple[str, str | None]],
          mentions_of: dict[tuple[str, str], list[ActorMention]], resolver: Resolver) -> dict[str, Any]:
    tally = _Tally()
    for c in candidates:
        text, _ = texts[(c.dataset, c.doc)]
        mentions = mentions_of[(c.dataset, c.doc)]
        found = resolver(c, mentions)
        if not c.antecedents:
            tally.no_actor += 1
            tally.false_on_none += bool(found)
            continue
        tally.referring += 1
        tally.resolved += bool(found)
        tally.right += bool(found) and all(any(_right(f, g, text, c.offset, mentions) for g in c.antecedents)
                                           for f in found)
        gold_codes = {m.code for g in c.antecedents for m in _antecedent_mentions(text, g, c.offset, mentions)
                      if m.code}
        if gold_codes:
            tally.codable += 1
            tally.code_right += any(f.code in gold_codes for f in found)
    return tally.report()


def evaluate_coreference(pipeline: Any, data_dir: Path) -> dict[str, Any]:
    candidates = load_candidates()
    texts = load_texts(data_dir)
    mentions_of: dict[tuple[str, str], list[ActorMention]] = {}
    for key in sorted({(c.dataset, c.doc) for c in candidates}):
        text, day = texts[key]
        result = pipeline.run(Article(id=article_id(text), text=text, published=day or "2019-11-20"))
        mentions_of[key] = list(result.actors)
    docs = sorted(mentions_of)
    halves = {"development": set(docs[0::2]), "held_out": set(docs[1::2])}
    report: dict[str, Any] = {}
    for half, keys in halves.items():
        subset = [c for c in candidates if (c.dataset, c.doc) in keys]
        report[half] = {"candidates": len(subset),
                        "eventwire_rules": score(subset, texts, mentions_of, eventwire_resolution),
                        "recency_baseline": score(subset, texts, mentions_of, recency_resolution)}
    return report
