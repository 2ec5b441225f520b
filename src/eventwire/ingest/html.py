"""HTML page -> article body and metadata, through trafilatura (main text) and htmldate (its dates).

Tuning, measured by `eventwire eval ingest` against trafilatura's defaults on the same pages:
- precision mode first: it leaves out teasers, captions and link lists that default mode keeps;
- tables kept: news pages put body paragraphs in layout tables more often than data tables;
- when precision mode returns a short text, default mode is run too, and its text is taken if precision
  mode kept less than a third of it: precision mode sometimes drops most of an article. Default mode is not
  run when precision mode already kept a third of the page's running text (see `running_text_words`):
  there is then no article three times as long on the page for it to find.

Speed (bench/ingest.py): the page is parsed once, with lxml's own element classes (see _page_parser);
metadata (once, not per mode; see metadata.py), the headline, the language declaration and both passes share
that tree; the precision pass reads a copy without the page chrome trafilatura would delete unread (see
without_chrome); the language is identified here, on a short sample when it bears out the page's declaration.
"""

from __future__ import annotations

import contextlib
import re
import warnings
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

import trafilatura
from lxml.etree import ElementDefaultClassLookup, XPath, strip_elements
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring
from trafilatura.settings import MANUALLY_CLEANED
from trafilatura.utils import is_dubious_html, repair_faulty_html

from eventwire.ingest.headline import visible_headline
from eventwire.ingest.language import detect_language
from eventwire.ingest.metadata import declared_languages, read_metadata
from eventwire.ingest.text import credit_from_line, normalize_spaces, split_dateline

_BYLINE_PARAGRAPH = re.compile(r"^(?i:by)\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}$")
SHORT_RESULT_WORDS = 300       # below this, precision mode's result is checked against default mode
KEEP_IF_FRACTION_OF_DEFAULT = 1 / 3
# A run of text this long reads as (part of) a sentence, not a menu item or button; the length in characters
# is for scripts written without spaces, whose sentence is one "word".
RUN_MIN_WORDS = 5
RUN_MIN_CHARS = 25
_TEXT_RUNS = XPath("//text()", smart_strings=False)
# The precision pass reads the page without the elements trafilatura's cleaning deletes whole before it looks
# for the body (its MANUALLY_CLEANED list: nav, footer, aside, svg, iframe, button, ...): they only weighed on
# the readability comparison it runs on the raw tree, and its XPaths walked them there (a third of the page's
# elements). Not these, which it reads first: a form with much text becomes a <div>, a figure holding a table
# too, formulas are saved from <math>, and JSON-LD (<script>, in <head> or not) tells a forum thread. The
# default pass, whose fallbacks read the whole page, keeps everything.
_READ_BEFORE_CLEANING = frozenset({"form", "figure", "math", "head", "script"})


@dataclass(frozen=True)
class ExtractedHtml:
    title: str | None
    text: str
    published: str | None
    sections: tuple[str, ...]
    url: str | None
    language: str | None
    author: str | None
    site_name: str | None = None
    credit: str | None = None
    dateline: str | None = None


def _extract(tree: HtmlElement, url: str | None, **options: Any) -> str | None:
    """trafilatura's main text of the parsed page (it works on its own copy of `tree`), or None."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        doc = trafilatura.bare_extraction(tree, url=url, include_comments=False, **options)
    text = getattr(doc, "text", None) if doc is not None else None
    return str(text) if text and str(text).strip() else None


def running_text_words(tree: HtmlElement) -> int:
    """Words of the page's sentence-like text runs (text between two tags; see RUN_MIN_WORDS): the prose an
    article is made of, without menu items, buttons, link labels and short table cells. Inline tags inside
    a sentence split it into shorter runs, so this undercounts link-dense prose a little; what default mode
    finds beyond it is short lines, not a dropped story."""
    total = 0
    for run in _TEXT_RUNS(tree):
        words = len(run.split())
        if words >= RUN_MIN_WORDS or (words and len(run.strip()) >= RUN_MIN_CHARS):
            total += words
    return total


def without_chrome(tree: HtmlElement) -> HtmlElement:
    """A copy of the page without the elements trafilatura's cleaning deletes unread (see _READ_BEFORE_CLEANING),
    their tails kept as its cleaning keeps them. Removed by lxml in one walk: an XPath union of some forty
    tags took longer than the time it saved."""
    chrome = [tag for tag in MANUALLY_CLEANED if tag not in _READ_BEFORE_CLEANING]
    pruned = deepcopy(tree)
    strip_elements(pruned, *chrome, with_tail=False)
    return pruned


def main_text(tree: HtmlElement, url: str | None = None) -> str | None:
    """The page's body text with eventwire's settings (see the module note), or None."""
    precise = _extract(without_chrome(tree), url, favor_precision=True)
    precise_words = len(precise.split()) if precise else 0
    if precise_words >= SHORT_RESULT_WORDS:
        return precise
    # Default mode's text is only taken at three times precision mode's; a page without that much running
    # text holds no such story. (When precision mode found nothing, default mode's short lines are all there is.)
    if precise is not None and precise_words >= KEEP_IF_FRACTION_OF_DEFAULT * running_text_words(tree):
        return precise
    default = _extract(tree, url)
    if default is None:
        return precise
    if precise is None or precise_words < KEEP_IF_FRACTION_OF_DEFAULT * len(default.split()):
        return default
    return precise


def _page_parser() -> HTMLParser:
    """trafilatura's parser settings (comments and processing instructions dropped, no default doctype), with
    every element an HtmlElement given by lxml's own lookup: lxml.html's default lookup asks a Python method
    for the class of each element object created (a form's, an input's ...), a call per element each time
    a step walks the tree, about 5% of the reader's time. Nothing here or in trafilatura uses those classes."""
    parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                        remove_pis=True)
    parser.set_element_class_lookup(ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
    return parser


_PARSER = _page_parser()


def parse_page(html: str) -> HtmlElement | None:
    """The page's tree, parsed once and shared by every step: trafilatura.load_html's tree, the common case
    (a page that says it is HTML and parses) read with the parser above after load_html's own repair step;
    any other page is left to load_html and its fallbacks."""
    beginning = html[:50].lower()
    if not is_dubious_html(beginning):
        # any error (e.g. a str with an encoding declaration) or an empty tree: load_html's fallbacks handle it
        with contextlib.suppress(Exception):
            tree = fromstring(repair_faulty_html(html, beginning), parser=_PARSER)
            if tree is not None and len(tree):
                return tree
    return trafilatura.load_html(html)


def drop_code(tree: HtmlElement) -> HtmlElement:
    """The tree without what no body-text path of trafilatura reads, removed in place (tails kept) so that
    each of its passes walks a smaller tree: <script> and <style> (its readability step and its cleaning
    drop them first thing), bar the JSON ones (its forum check and baseline read JSON-LD), and the <head>'s
    <meta> and <link>. The metadata and the headline are read before this."""
    for element in list(tree.iter("script", "style")):
        if element.getparent() is not None and (
                element.tag == "style" or "json" not in (element.get("type") or "").lower()):
            element.drop_tree()
    head = tree.find("head")
    if head is not None:
        for element in list(head.iter("meta", "link")):
            element.drop_tree()
    return tree


def extract_html(html: str, url: str | None = None) -> ExtractedHtml | None:
    """Main text and metadata of a page, or None when trafilatura finds no article in it."""
    tree = parse_page(html)
    if tree is None:
        return None
    # Metadata does not depend on the extraction mode: read once, not once per mode.
    meta = read_metadata(tree, url)
    declared = declared_languages(tree)  # read before drop_code takes the <meta> tags
    title = _clean(visible_headline(tree, _clean(meta.title), _clean(meta.site_name), meta.url or url))
    text = main_text(drop_code(tree), url or meta.url)
    if text is None:
        return None
    # trafilatura separates paragraphs with single newlines; the pipeline expects blank lines.
    paragraphs = [normalize_spaces(p) for p in text.split("\n") if p.strip()]
    # The headline and byline above the story are metadata, not its first paragraphs.
    while paragraphs and (_same_text(paragraphs[0], title) or _BYLINE_PARAGRAPH.match(paragraphs[0])):
        paragraphs.pop(0)
    credit: str | None = None
    dateline: str | None = None
    if paragraphs:
        # "KABUL, May 3 (Reuters) - ...": the agency is the credit, the place the dateline.
        agency, place, rest = split_dateline(paragraphs[0])
        if agency:
            credit, dateline, paragraphs[0] = agency, place, rest
    # "Reporting by ...; Editing by ..." / "(AFP)" closing the body is a credit line, not text.
    while paragraphs and len(paragraphs[-1]) < 200 and (found := credit_from_line(paragraphs[-1])):
        credit = credit or found
        paragraphs.pop()
    if not paragraphs:
        return None
    body = "\n\n".join(paragraphs)
    return ExtractedHtml(
        title=title,
        text=body,
        published=meta.date,
        sections=meta.categories,
        url=meta.url or url,
        language=_language(body, declared),
        author=_clean(meta.author),
        site_name=_clean(meta.site_name),
        credit=credit,
        dateline=dateline,
    )


def _language(text: str, declared: frozenset[str]) -> str | None:
    """The text's language when the guess is confident (as sources.with_language), checked against the
    page's declared languages, else None."""
    guess = detect_language(text, declared)
    return guess.language if guess.confident else None


def _same_text(a: str, b: str | None) -> bool:
    return b is not None and " ".join(a.lower().split()) == " ".join(b.lower().split())


def _clean(value: Any) -> str | None:
    text = normalize_spaces(str(value)) if value else ""
    return text or None
