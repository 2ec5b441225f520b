"""The one-walk author and category reader gives trafilatura's extract_author and extract_catstags values."""

from __future__ import annotations

import gzip
import json
from typing import Any

import lxml.etree
import pytest
from trafilatura.metadata import extract_author, extract_catstags

from eventwire.ingest import meta_walk
from eventwire.ingest.html import parse_page
from eventwire.ingest.meta_walk import author_and_categories
from tests.conftest import SHARED

PAGES = SHARED / "data" / "article-extraction"
needs_data = pytest.mark.skipif(not PAGES.exists(), reason="../shared/data is not here")

_PAGES = {
    # extract_author prunes <time> from its copy and joins the tail to the text before it, without a space
    "byline with a date inside": '<html><body><p class="byline">By<time>May 3</time>Jane Roe, Kabul</p>'
                                 "<p>Story text.</p></body></html>",
    "pruned boxes in and around the byline": """<html><body>
        <div class="sidebar"><span class="author">Not Him</span></div>
        <div class="author-box">Ann <span class="date">3 May</span>Lee<span class="print">Print</span> and
        <figure>photo</figure>Bo <b>Kim</b><time>x</time><time>y</time>, Reuters</div></body></html>""",
    "first selector's text too long, the next one's taken": f"""<html><body>
        <span class="author-name">{"word " * 40}</span><div class="byline">Omar Haddad</div></body></html>""",
    "an <author> element": "<html><body><author>Li Wei</author><p>Text.</p></body></html>",
    "the last-resort selector": '<html><body><div data-component="Byline-block">By Sam Doe</div></body></html>',
    "author inside a comment list": """<html><body><div id="comments-list"><span class="author">Reader</span></div>
        <section class="writer-card">Maria Santos</section></body></html>""",
    "categories in nested containers": """<html><body>
        <div class="post-meta"><div class="meta"><a href="/category/world/">World</a></div>
        <a href="/categories/asia/">Asia</a><a href="/tag/x/">X</a></div>
        <div class="row" id="postpath-1"><a href="/category/world/">World</a></div></body></html>""",
    "a later category selector": """<html><body><div class="post-meta"><a href="/tag/x/">X</a></div>
        <span class="cat-links"><a href="/category/politics/">Politics</a></span>
        <header class="entry-header"><a href="/category/ignored/">Ignored</a></header></body></html>""",
    "categories from the section meta tag": """<html><head><meta property="article:section" content="Business">
        </head><body><p class="postinfo"><a href="/about/">About</a></p></body></html>""",
    "nothing to find": "<html><body><p>Only a paragraph.</p></body></html>",
    # AUTHOR_XPATHS test a <rel> child's text: trafilatura reads such a page itself
    "a <rel> element": '<html><body><span class="x">Tom Ray<rel>me</rel></span></body></html>',
}


def _trafilatura(tree: Any) -> tuple[str | None, list[str]]:
    return extract_author(tree), extract_catstags("category", tree)


@pytest.mark.parametrize("name", sorted(_PAGES))
def test_author_and_categories_equal_trafilaturas(name: str) -> None:
    tree = parse_page(_PAGES[name])
    assert tree is not None
    before = lxml.etree.tostring(tree)
    ours = author_and_categories(tree)
    assert lxml.etree.tostring(tree) == before  # the shared tree is left unchanged
    assert ours == _trafilatura(tree)


def test_the_pages_hold_what_they_are_named_for() -> None:
    """The hand-built pages above reach the cases they are meant to (else they would pass for nothing)."""
    def read(name: str) -> tuple[str | None, list[str]]:
        tree = parse_page(_PAGES[name])
        assert tree is not None
        return author_and_categories(tree)

    assert read("byline with a date inside")[0] == "ByJane Roe; Kabul"  # the pruned <time>'s tail joined to "By"
    assert read("first selector's text too long, the next one's taken")[0] == "Omar Haddad"
    assert read("author inside a comment list")[0] == "Maria Santos"
    assert read("categories in nested containers")[1] == ["World", "Asia"]
    assert read("a later category selector")[1] == ["Politics"]
    assert read("categories from the section meta tag")[1] == ["Business"]


def test_only_what_is_asked_for_is_read() -> None:
    tree = parse_page(_PAGES["categories in nested containers"].replace("<body>", '<body><p class="byline">A B</p>'))
    assert tree is not None
    assert author_and_categories(tree, authors=False) == (None, ["World", "Asia"])
    assert author_and_categories(tree, categories=False) == ("A B", [])


def test_other_selectors_are_read_by_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    """With another trafilatura's selectors (the digest differs), the walk that mirrors these is not used."""
    def no_walk(*_: Any) -> None:
        raise AssertionError("the walk mirrors other selectors")

    monkeypatch.setattr(meta_walk, "SELECTORS_MIRRORED", False)
    monkeypatch.setattr(meta_walk, "_walk", no_walk)
    tree = parse_page(_PAGES["byline with a date inside"])
    assert tree is not None
    assert author_and_categories(tree) == _trafilatura(tree)


def test_the_installed_selectors_are_the_mirrored_ones() -> None:
    assert meta_walk.SELECTORS_MIRRORED, "trafilatura's selectors changed: update meta_walk.py to mirror them"


@needs_data
@pytest.mark.gold
def test_author_and_categories_equal_trafilaturas_on_the_real_pages() -> None:
    gold = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        tree = parse_page(gzip.decompress((PAGES / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace"))
        assert tree is not None
        assert author_and_categories(tree) == _trafilatura(tree), key
