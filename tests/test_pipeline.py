"""Coding that does not lose articles: a long article coded chunk by chunk with every offset into its whole
text, an article too long recorded as such, and a batched parse failing on one text failing only that one."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from eventwire.chunks import chunk_spans
from eventwire.ingest import read_article
from eventwire.model import Article, ExtractResult, Failure
from tests.conftest import EXAMPLES

STORIES = [read_article(path).text for path in sorted(EXAMPLES.glob("*.txt"))]


def test_chunks_cover_the_text_exactly_and_end_at_paragraph_breaks() -> None:
    text = "\n\n".join(STORIES)
    spans = chunk_spans(text, 3000)
    assert "".join(text[start:end] for start, end in spans) == text
    assert all(end - start <= 3000 for start, end in spans) and len(spans) > 2
    assert all(text[end - 2:end] == "\n\n" for _, end in spans[:-1])
    assert chunk_spans("x" * 2500, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]  # no break: cut anyway


def _offsets_hold(result: ExtractResult) -> None:
    text = result.article.text
    for name in ("actors", "places", "times", "quotes", "counts"):
        for record in getattr(result, name):
            if record.start is not None:
                assert text[record.start:record.end] == record.text, (name, record)
    for event in result.events:
        assert text[event.evidence.start:event.evidence.end] == event.evidence.sentence
        assert text[event.source.start:event.source.end] == event.source.text


def test_a_long_article_is_coded_in_chunks_with_offsets_into_the_whole_text(
        pipeline: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventwire.pipeline.CHUNK_CHARS", 3000)  # the four examples: a chunk each, or so
    article = Article(id="long", text="\n\n".join(STORIES), published="2024-02-08", source_path="long.txt")
    [result] = list(pipeline.run_many([article]))
    assert isinstance(result, ExtractResult) and result.article == article
    _offsets_hold(result)
    last = len(article.text) - len(STORIES[-1])
    assert any(e.evidence.start >= last for e in result.events)  # the last story's events, at its place
    assert len({e.id for e in result.events}) == len(result.events)
    alone = pipeline.code(Article(id="x", text=STORIES[-1], published="2024-02-08"))
    assert {(e.cameo, e.evidence.start + last) for e in alone.events} <= {(e.cameo, e.evidence.start)
                                                                         for e in result.events}


def test_an_article_over_the_limit_is_recorded_as_too_long(pipeline: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventwire.nlp.MAX_ARTICLE_CHARS", 5000)
    monkeypatch.setattr("eventwire.pipeline.CHUNK_CHARS", 3000)
    big = Article(id="big", text="\n\n".join(STORIES), source_path="big.txt")
    small = Article(id="small", text=STORIES[0], source_path="small.txt")
    too_long, coded = pipeline.run_many([big, small])
    assert isinstance(too_long, Failure) and (too_long.source, too_long.stage) == ("big.txt", "parse")
    assert "longer than the 5,000-character limit" in too_long.reason
    assert isinstance(coded, ExtractResult)


class _FlakyNlp:
    """The model, failing on any text holding BOOM: in a batch spaCy cannot say which text it was."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def __call__(self, text: str) -> Any:
        if "BOOM" in text:
            raise ValueError("[E088] Text of length 1500000 exceeds maximum of 1000000.")
        return self.nlp(text)

    def pipe(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Any]:
        texts = list(texts)
        if any("BOOM" in t for t in texts):
            raise ValueError("[E088] Text of length 1500000 exceeds maximum of 1000000.")
        return self.nlp.pipe(texts, batch_size=batch_size)


def test_a_parse_failing_in_a_batch_fails_only_its_article(pipeline: Any) -> None:
    flaky = type(pipeline)(dataclasses.replace(pipeline.resources, nlp=_FlakyNlp(pipeline.resources.nlp)))
    articles = [Article(id=str(n), text=text, source_path=f"{n}.txt")
                for n, text in enumerate([STORIES[0], "BOOM " + STORIES[1], STORIES[2]])]
    results = list(flaky.run_many(articles))
    assert [type(r) for r in results] == [ExtractResult, Failure, ExtractResult]
    assert isinstance(results[1], Failure) and results[1].stage == "parse" and "E088" in results[1].reason
