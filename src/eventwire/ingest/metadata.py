"""A page's metadata (title, site name, URL, date, categories, author): the values of trafilatura's
extract_metadata, read with its own functions in its order (meta tags, JSON-LD, <title>, author, canonical
URL, htmldate as it calls it, site name, categories), without the steps whose fields eventwire does not use:
tags and licence (their XPaths run over the whole page, about a third of extract_metadata's time) and the
host name; the category XPaths are skipped on pages where they cannot find anything (see page_categories),
and the author is searched for without a copy of the page (see read_author).
tests/ingest/test_metadata.py checks the values against trafilatura.extract_metadata.
"""

from __future__ import annotations

import contextlib
import re
from copy import deepcopy
from dataclasses import dataclass
from html import unescape

from htmldate import find_date
from lxml.etree import XPath
from lxml.html import Element, HtmlElement
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_catstags,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import set_date_params
from trafilatura.utils import line_processing, trim
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS


@dataclass(frozen=True)
class PageMetadata:
    title: str | None
    site_name: str | None
    url: str | None
    date: str | None
    categories: tuple[str, ...]
    author: str | None


def _trimmed(value: str | None) -> str | None:
    """trafilatura's Document.clean_and_trim on one field."""
    if not isinstance(value, str):
        return value
    if len(value) > 10000:
        value = value[:9999] + "…"
    return line_processing(unescape(value))


# extract_catstags("category", ...) keeps only the elements its XPaths find whose href has this path in it
_CATEGORY_PATH = re.compile("/categor(?:y|ies|s)?/")
_LINK_TARGETS = XPath("//@href", smart_strings=False)


def page_categories(tree: HtmlElement) -> list[str]:
    """trafilatura's extract_catstags("category", tree). It keeps only what its six XPaths over the whole page
    (a fifth of the metadata's time) find with a category path in its href: on a page with no such href they
    give nothing, and it is run on the <head> alone, where its fallback (section meta tags) looks."""
    if any(_CATEGORY_PATH.search(target) for target in _LINK_TARGETS(tree)):
        return list(extract_catstags("category", tree))
    heads = Element("html")
    heads.extend(deepcopy(head) for head in tree.iterdescendants("head"))
    return list(extract_catstags("category", heads))


AUTHOR_MAX_CHARS = 120  # extract_author's limit: a longer match is a paragraph, not a byline


def read_author(tree: HtmlElement) -> str | None:
    """trafilatura's extract_author(tree), without its two walks of a copy of the whole page: it deletes the
    boxes no byline is taken from (AUTHOR_DISCARD_XPATHS: comments, sidebars, dates, figures) from a copy of
    the page, then searches it with AUTHOR_XPATHS. Here AUTHOR_XPATHS search the page as it is, and only
    their matches are checked against the boxes: a match is passed over when it or an element above it is
    one (the discard XPaths run on the chain of elements from the root down to it), and its text is read
    from a copy of it with the boxes inside it deleted, as trafilatura reads it. Both XPath lists test an
    element's own tag and attributes, which the chain and the copy keep."""
    for expression in AUTHOR_XPATHS:
        for element in expression(tree):
            if _in_discarded_box(element):
                continue
            content = trim(" ".join(prune_unwanted_nodes(deepcopy(element), AUTHOR_DISCARD_XPATHS).itertext()))
            if content and 2 < len(content) < AUTHOR_MAX_CHARS:
                return normalize_authors(None, content)
    return None


def _in_discarded_box(element: HtmlElement) -> bool:
    """Whether AUTHOR_DISCARD_XPATHS, run on the page, match the element or one above it: they are run on a
    chain of bare copies (tag and attributes) of the root, ..., the element, which keeps the root the root."""
    chain: HtmlElement | None = None
    for node in [element, *element.iterancestors()]:
        bare = Element(node.tag, dict(node.attrib))
        if chain is not None:
            bare.append(chain)
        chain = bare
    return chain is not None and any(expression(chain) for expression in AUTHOR_DISCARD_XPATHS)


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LANGUAGE_METAS = frozenset({"og:locale", "content-language", "language", "dc.language"})


def declared_languages(tree: HtmlElement) -> frozenset[str]:
    """The languages the page says it is in, as ISO 639-1 codes: <html lang> (or xml:lang), og:locale and
    Content-Language ("en-GB", "pt_BR", "en, fr" -> en, pt, fr). A claim, often a template's: see language.py."""
    values = [tree.get("lang"), tree.get(_XML_LANG)]
    head = tree.find("head")
    if head is not None:
        for meta in head.iter("meta"):
            kind = meta.get("property") or meta.get("http-equiv") or meta.get("name") or ""
            if kind.lower() in _LANGUAGE_METAS:
                values.append(meta.get("content"))
    codes = (re.split(r"[-_]", part.strip().lower())[0] for value in values if value for part in value.split(","))
    return frozenset(code for code in codes if len(code) == 2 and code.isalpha())


def read_metadata(tree: HtmlElement, default_url: str | None = None) -> PageMetadata:
    """The page's metadata, equal to trafilatura.extract_metadata(tree, default_url)'s fields of the same
    names; the tree is left unchanged."""
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    with contextlib.suppress(Exception):  # trafilatura's own guard around its JSON-LD reader
        metadata = extract_meta_json(tree, metadata)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.author:
        metadata.author = read_author(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, default_url)
    date_config = set_date_params(True)
    date_config["url"] = metadata.url
    date = find_date(tree, **date_config)
    sitename = metadata.sitename or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    elif metadata.url and (match := META_URL.match(metadata.url)):
        sitename = match[1]
    categories = metadata.categories or page_categories(tree)
    return PageMetadata(
        title=_trimmed(metadata.title),
        site_name=_trimmed(sitename),
        url=_trimmed(metadata.url),
        date=_trimmed(date),
        categories=tuple(str(c) for c in categories if c),
        author=_trimmed(metadata.author),
    )
