"""Worker processes coding articles: a worker that dies on an article (killed for memory, a crash in native
code) costs that article only; the others of its batch, and the batches after it, are coded."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from eventwire.batch import ArticleCoder
from eventwire.model import Article, ExtractResult, Failure
from eventwire.settings import Settings

pytestmark = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                                reason="the stand-in pipeline reaches the workers by fork")


class _StandIn:
    """A pipeline that codes instantly, and whose process dies on an article saying KILL."""

    def code(self, article: Article) -> ExtractResult:
        if "KILL" in article.text:
            os._exit(9)
        return ExtractResult(article=article, events=(), actors=(), places=(), times=(), quotes=())


def test_a_worker_dying_on_one_article_fails_that_article_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventwire.batch.pipeline_for", lambda settings: _StandIn())
    articles = [Article(id=str(n), text="KILL" if n == 5 else f"story {n}", source_path=f"{n}.txt")
                for n in range(12)]
    with ArticleCoder(Settings(), workers=2) as coder:
        first = list(coder(articles[:8]))
        second = list(coder(articles[8:]))
    results = first + second
    assert [r.article.id for r in results if isinstance(r, ExtractResult)] == [str(n) for n in range(12) if n != 5]
    [dead] = [r for r in results if isinstance(r, Failure)]
    assert dead.source == "5.txt" and dead.stage == "code" and "worker process" in dead.reason
