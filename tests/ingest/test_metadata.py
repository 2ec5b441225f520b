"""eventwire's metadata reader gives trafilatura.extract_metadata's values for the fields it keeps."""

from __future__ import annotations

import gzip
import json
from typing import Any

import lxml.etree
import pytest
import trafilatura
from trafilatura.metadata import extract_author

from eventwire.ingest.html import parse_page
from eventwire.ingest.metadata import PageMetadata, declared_languages, read_author, read_metadata
from tests.conftest import SHARED

PAGES = SHARED / "data" / "article-extraction"
needs_data = pytest.mark.skipif(not PAGES.exists(), reason="../shared/data is not here")

_PAGES = {
    "meta tags and a byline": """<html><head><title>Rebels take town | Daily Planet</title>
        <meta property="og:site_name" content="dailyplanet"><meta name="date" content="2024-05-03">
        <link rel="canonical" href="https://www.dailyplanet.example/world/rebels-take-town"></head>
        <body><div class="byline"><span class="author-name">Lois Lane</span><time>May 3</time></div>
        <article><h1>Rebels take town</h1><p>Rebels took the town on Friday, officials said.</p></article>
        <div class="entry-meta"><a href="/category/world/">World</a> <a href="/tag/rebels/">Rebels</a></div>
        <footer><a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC</a></footer></body></html>""",
    "JSON-LD": """<html><head><title>Talks resume</title><script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Talks resume in Doha",
         "datePublished": "2023-11-02T08:00:00Z", "author": {"@type": "Person", "name": "Ann Smith"},
         "articleSection": "Middle East", "publisher": {"@type": "Organization", "name": "Gulf Wire"}}
        </script></head><body><h1>Talks resume in Doha</h1><p>Talks resumed on Thursday.</p></body></html>""",
    "author only in a pruned box": """<html><head><title>Strike ends</title></head><body>
        <div class="sidebar"><span class="author">Not Him</span></div>
        <p class="byline">By <time>today</time> Jane Roe</p><p>The strike ended after three weeks.</p></body></html>""",
    "a section meta tag and no category link": """<html><head><title>Floods</title>
        <meta property="article:section" content="World"></head><body><div class="post-meta">
        <a href="/world/">World news</a></div><p>Floods forced thousands from their homes.</p></body></html>""",
    "a category link outside the boxes searched": """<html><head><title>Cup final</title>
        <meta property="article:section" content="News"></head><body><p><a href="/category/sport/">Sport</a></p>
        <p>The final was played on Sunday.</p></body></html>""",
    "nothing": "<html><body><p>A page without any metadata at all, only one paragraph.</p></body></html>",
}


def _trafilatura(tree: Any, url: str | None) -> PageMetadata:
    doc = trafilatura.extract_metadata(tree, url)
    return PageMetadata(title=doc.title, site_name=doc.sitename, url=doc.url, date=doc.date,
                        categories=tuple(doc.categories or ()), author=doc.author)


@pytest.mark.parametrize("name", sorted(_PAGES))
def test_metadata_equals_trafilaturas(name: str) -> None:
    tree = parse_page(_PAGES[name])
    assert tree is not None
    before = lxml.etree.tostring(tree)
    ours = read_metadata(tree, "https://example.org/page")
    assert lxml.etree.tostring(tree) == before  # the shared tree is left unchanged
    assert ours == _trafilatura(tree, "https://example.org/page")


def test_categories_come_from_the_section_meta_tag_when_no_link_names_one() -> None:
    for name in ("a section meta tag and no category link", "a category link outside the boxes searched"):
        tree = parse_page(_PAGES[name])
        assert tree is not None
        assert read_metadata(tree).categories == (("World",) if "World" in _PAGES[name] else ("News",))


def test_metadata_reads_author_date_and_categories() -> None:
    tree = parse_page(_PAGES["meta tags and a byline"])
    assert tree is not None
    found = read_metadata(tree)
    assert found.author == "Lois Lane"
    assert found.date == "2024-05-03"
    assert found.categories == ("World",)
    assert found.url == "https://www.dailyplanet.example/world/rebels-take-town"


@needs_data
@pytest.mark.gold
def test_metadata_equals_trafilaturas_on_the_real_pages() -> None:
    gold = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in sorted(gold.items()):
        tree = parse_page(gzip.decompress((PAGES / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace"))
        assert tree is not None
        url = item.get("url") or None
        assert read_metadata(tree, url) == _trafilatura(tree, url), key


def test_declared_languages_read_from_html_lang_og_locale_and_content_language() -> None:
    tree = parse_page('<html lang="en-GB"><head><meta property="og:locale" content="pt_BR">'
                      '<meta http-equiv="Content-Language" content="de, fr-CA"><meta name="x" content="es">'
                      "</head><body><p>Text</p></body></html>")
    assert tree is not None and declared_languages(tree) == {"en", "pt", "de", "fr"}
    bare = parse_page("<html><body><p>A page that says nothing about its language.</p></body></html>")
    assert bare is not None and declared_languages(bare) == frozenset()


_BYLINES = {
    "a byline": '<div class="byline"><span class="author">Lois Lane</span></div>',
    "a date inside the byline": '<p class="byline">By <time>May 3</time>Jane Roe</p>',
    "a figure between the names": '<span class="author">Ann<figure>x</figure> Smith and Bob Jones</span>',
    "in a sidebar, then in the story": '<div class="sidebar"><a rel="author">Not Him</a></div>'
                                       '<p><a rel="author">Clark Kent</a></p>',
    "in the comments, deep down": '<section id="comments"><div><div><span class="author-name">A Reader</span>'
                                  '</div></div></section><div class="byl">Jimmy Olsen</div>',
    "the byline is itself a box": '<div class="author sidebar">Perry White</div><p class="byline">Cat Grant</p>',
    "too long, then a short one": f'<div class="author">{"word " * 40}</div><span class="byline">Ron Troupe</span>',
    "an address": "<address>Written by Steve Lombard</address>",
    "framework attributes above it": '<div @click="open" :class="c" x-on:load="f">'
                                     '<span class="author">Lucy Lane</span></div>',
    "none": "<p>No byline on this page.</p>",
}


@pytest.mark.parametrize("name", sorted(_BYLINES))
def test_the_author_is_trafilaturas_without_its_copy_of_the_page(name: str) -> None:
    tree = parse_page(f"<html><head><title>T</title></head><body><article>{_BYLINES[name]}"
                      "<p>Rebels took the town on Friday, officials said.</p></article></body></html>")
    assert tree is not None
    before = lxml.etree.tostring(tree)
    assert read_author(tree) == extract_author(tree)
    assert lxml.etree.tostring(tree) == before
