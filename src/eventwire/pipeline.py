"""The pipeline: resources loaded once, one spaCy parse per article, stages in order.

Each stage is a pure function of the article state and the loaded resources. The list below is the
only place that knows the order; it is checked when the pipeline is built, so a stage can never run
before what it needs exists.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors import ActorKB, ActorMatcher, build_actor_matcher, load_actor_kb, resolve_actors
from eventwire.chunks import chunk_article, chunk_spans, merge_chunks, shifted
from eventwire.errors import EventwireError, StageFailed
from eventwire.events.coder import code_events
from eventwire.events.codes import CodeTable, load_code_table
from eventwire.events.lexicon import Lexicon, load_lexicon
from eventwire.events.relevance import RelevanceModel, judge_events, load_relevance_model
from eventwire.failures import CODE_STAGE, failure_of
from eventwire.model import (
    ActorMention,
    Article,
    CountMention,
    Event,
    ExtractResult,
    Failure,
    PlaceMention,
    Quote,
    TimeMention,
)
from eventwire.nlp import CHUNK_CHARS, ArticleTooLong, check_length, load_nlp
from eventwire.numbers import extract_counts, extract_forces
from eventwire.places import Gazetteer, PlaceMatcher, build_place_matcher, load_gazetteer, resolve_places
from eventwire.quotes import extract_quotes
from eventwire.settings import Settings
from eventwire.times import extract_times


@dataclass(frozen=True)
class Resources:
    """Everything loaded once per process and shared by every article."""

    nlp: Language
    actor_kb: ActorKB
    actor_matcher: ActorMatcher
    gazetteer: Gazetteer
    place_matcher: PlaceMatcher
    lexicon: Lexicon
    codes: CodeTable
    relevance: RelevanceModel
    settings: Settings


def load_resources(settings: Settings) -> Resources:
    nlp = load_nlp(settings)
    kb = load_actor_kb(settings.actor_files)
    gazetteer = load_gazetteer()
    return Resources(nlp, kb, build_actor_matcher(kb, nlp), gazetteer, build_place_matcher(gazetteer, nlp),
                     load_lexicon(settings.lexicons), load_code_table(), load_relevance_model(), settings)


@dataclass(frozen=True)
class ArticleState:
    article: Article
    doc: Doc
    times: tuple[TimeMention, ...] | None = None
    places: tuple[PlaceMention, ...] | None = None
    actors: tuple[ActorMention, ...] | None = None
    quotes: tuple[Quote, ...] | None = None
    counts: tuple[CountMention, ...] | None = None
    events: tuple[Event, ...] | None = None
    judged: tuple[Event, ...] | None = None


def _times(s: ArticleState, r: Resources) -> ArticleState:
    return dataclasses.replace(s, times=extract_times(s.doc, s.article.published))


def _places(s: ArticleState, r: Resources) -> ArticleState:
    return dataclasses.replace(s, places=resolve_places(s.doc, r.gazetteer, r.place_matcher, s.article.dateline))


def _actors(s: ArticleState, r: Resources) -> ArticleState:
    assert s.places is not None
    return dataclasses.replace(
        s, actors=resolve_actors(s.doc, r.actor_kb, r.actor_matcher, s.article.published, s.places)
    )


def _quotes(s: ArticleState, r: Resources) -> ArticleState:
    assert s.actors is not None
    return dataclasses.replace(s, quotes=extract_quotes(s.doc, s.actors))


def _counts(s: ArticleState, r: Resources) -> ArticleState:
    casualties = extract_counts(s.doc)
    return dataclasses.replace(s, counts=casualties + extract_forces(s.doc, casualties))


def _events(s: ArticleState, r: Resources) -> ArticleState:
    assert s.actors is not None and s.times is not None and s.places is not None and s.quotes is not None
    assert s.counts is not None
    events = code_events(s.doc, s.article, s.actors, s.times, s.places, s.quotes, r.lexicon, r.codes, r.actor_kb,
                         s.counts)
    return dataclasses.replace(s, events=events)


def _relevance(s: ArticleState, r: Resources) -> ArticleState:
    assert s.events is not None and s.actors is not None
    judged = judge_events(s.doc, s.article, s.events, s.actors, r.relevance)
    kept = tuple(e for e in judged if (e.political or r.settings.all_events)
                 and e.confidence >= r.settings.min_confidence)
    return dataclasses.replace(s, judged=kept)


@dataclass(frozen=True)
class Stage:
    name: str
    requires: frozenset[str]
    provides: str
    run: Callable[[ArticleState, Resources], ArticleState]


STAGES: tuple[Stage, ...] = (
    Stage("times", frozenset({"doc"}), "times", _times),
    Stage("places", frozenset({"doc"}), "places", _places),
    Stage("actors", frozenset({"doc", "places"}), "actors", _actors),
    Stage("quotes", frozenset({"doc", "actors"}), "quotes", _quotes),
    Stage("counts", frozenset({"doc"}), "counts", _counts),
    Stage("events", frozenset({"doc", "actors", "times", "places", "quotes", "counts"}), "events", _events),
    Stage("relevance", frozenset({"doc", "events", "actors"}), "judged", _relevance),
)


def check_stages(stages: tuple[Stage, ...]) -> None:
    """Fail at build time when a stage needs something no earlier stage provides."""
    available = {"article", "doc"}
    for stage in stages:
        missing = stage.requires - available
        if missing:
            raise EventwireError(f"stage '{stage.name}' needs {sorted(missing)} before it runs")
        available.add(stage.provides)


class Pipeline:
    def __init__(self, resources: Resources, stages: tuple[Stage, ...] = STAGES) -> None:
        check_stages(stages)
        self.resources = resources
        self.stages = stages

    @classmethod
    def load(cls, settings: Settings | None = None) -> Pipeline:
        return cls(load_resources(settings or Settings()))

    def with_user_files(self, settings: Settings) -> Pipeline:
        """The same pipeline coding with `settings`' user actor and lexicon files (a running server's user
        edited them): the knowledge base, its matcher and the lexicon loaded again, the model, gazetteer and
        tables shared."""
        r = self.resources
        kb = load_actor_kb(settings.actor_files)
        resources = dataclasses.replace(r, actor_kb=kb, actor_matcher=build_actor_matcher(kb, r.nlp),
                                        lexicon=load_lexicon(settings.lexicons), settings=settings)
        return Pipeline(resources, self.stages)

    def without(self, stage: str) -> Pipeline:
        """The same pipeline with one stage left out (e.g. "relevance": every event the coder reads, with the
        coder's own confidence), sharing the loaded resources."""
        return Pipeline(self.resources, tuple(s for s in self.stages if s.name != stage))

    def run_doc(self, article: Article, doc: Doc) -> ExtractResult:
        """Every stage over one parsed article; a stage that raises becomes StageFailed naming it."""
        state = ArticleState(article=article, doc=doc)
        for stage in self.stages:
            try:
                state = stage.run(state, self.resources)
            except Exception as exc:  # the one place a stage's failure is caught: named, then recorded by code_doc
                raise StageFailed(stage.name, exc) from exc
        return ExtractResult(
            article=article, events=state.judged if state.judged is not None else state.events or (),
            actors=state.actors or (), places=state.places or (),
            times=state.times or (), quotes=state.quotes or (), counts=state.counts or (),
        )

    def parse(self, article: Article) -> Doc:
        """The one parse of an article no longer than CHUNK_CHARS (run() cuts longer ones)."""
        try:
            check_length(article.text)
            return self.resources.nlp(article.text)
        except Exception as exc:
            raise StageFailed(PARSE_STAGE, exc) from exc

    def run(self, article: Article) -> ExtractResult:
        """One article, parse and stages; StageFailed when one of them fails. A long article is coded chunk by
        chunk (nlp.chunk_spans), its records' offsets pointing into the whole article.text."""
        if len(article.text) <= CHUNK_CHARS:
            return self.run_doc(article, self.parse(article))
        try:
            check_length(article.text)
        except ArticleTooLong as exc:
            raise StageFailed(PARSE_STAGE, exc) from exc
        parts = []
        for start, end in chunk_spans(article.text, CHUNK_CHARS):
            chunk = chunk_article(article, start, end)
            parts.append(shifted(self.run_doc(chunk, self.parse(chunk)), start))
        return merge_chunks(article, parts)

    def code_doc(self, article: Article, doc: Doc) -> ExtractResult | Failure:
        """Like run_doc, with a failing stage recorded as a Failure naming it: the batch goes on."""
        try:
            return self.run_doc(article, doc)
        except Exception as exc:  # a StageFailed names its stage; anything else is a fault of the coding itself
            return stage_failure(article, exc)

    def code(self, article: Article) -> ExtractResult | Failure:
        """Like run, with a failing stage (or parse) recorded as a Failure naming it."""
        try:
            return self.run(article)
        except Exception as exc:
            return stage_failure(article, exc)

    def run_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ExtractResult | Failure]:
        """Parse in batches (spaCy's nlp.pipe) as the articles arrive, a batch at a time; whatever fails on one
        article (a stage, its parse) is recorded as its failure, not fatal to the others."""
        iterator = iter(articles)
        while batch := list(islice(iterator, batch_size)):
            yield from self._code_batch(batch, batch_size)

    def _code_batch(self, batch: list[Article], batch_size: int) -> Iterator[ExtractResult | Failure]:
        """One batch in order: short articles parsed together, long ones chunked alone. When the batched parse
        fails (spaCy does not say on which text), the rest of the batch is parsed one article at a time, so that
        only the article at fault fails."""
        short = [a.text for a in batch if len(a.text) <= CHUNK_CHARS]
        docs: Iterator[Doc] | None = None
        with contextlib.suppress(Exception):  # when it fails, each article is parsed alone below
            docs = iter(self.resources.nlp.pipe(short, batch_size=batch_size))
        for article in batch:
            if len(article.text) > CHUNK_CHARS:
                yield self.code(article)
                continue
            doc = None
            if docs is not None:
                try:
                    doc = next(docs)
                except Exception:  # the article at fault is found below, by parsing each one alone
                    docs = None
            yield self.code(article) if doc is None else self.code_doc(article, doc)


PARSE_STAGE = "parse"  # the stage name a failure of the spaCy parse itself is recorded under


def stage_failure(article: Article, exc: Exception) -> Failure:
    source = article.source_path or article.id
    if isinstance(exc, StageFailed):
        return Failure(source=source, stage=exc.stage, reason=exc.reason)
    return failure_of(source, CODE_STAGE, exc)
