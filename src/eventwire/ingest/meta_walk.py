"""trafilatura's author and category steps (extract_author, extract_catstags("category", ...)) in one walk
over the page, with the same results.

trafilatura reads them with about ten whole-page XPath passes, most of them calling a Python regex on every
element, after a deep copy of the page for the author: two thirds of the metadata's time. The walk tests the
same selectors on each element once, in document order, and reads the author's text as trafilatura's pruned
copy would show it (see `_pruned_texts`), without making the copy.

The selectors are mirrored from trafilatura.xpaths (AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS, CATEGORIES_XPATHS);
`MIRRORED_SELECTORS` is the digest of the version mirrored. With another version's selectors, or on a page
the walk cannot mirror exactly (a <rel> element, which AUTHOR_XPATHS tests by its text; a namespaced or
non-element node), trafilatura's own functions are used. tests/ingest/test_meta_walk.py compares the two.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml.html import HtmlElement
from trafilatura.baseline import block_text
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import extract_author, extract_catstags
from trafilatura.utils import line_processing, trim
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS, CATEGORIES_XPATHS

# sha1 of the selectors' XPath texts (see `_selectors_digest`) in trafilatura 2.3.1, the version mirrored below.
MIRRORED_SELECTORS = "0f741f95bba6842b63a99149370a34bbe19b900b"

# AUTHOR_DISCARD_XPATHS: what extract_author prunes from its copy before looking for the author.
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_ALWAYS = frozenset({"time", "figure"})
_DISCARD_EXACT = frozenset({"comments", "title", "date"})  # @class values; @id only 'comments'
_DISCARD_ID = re.compile(r"^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
                            r"|article-(?:share|support)|print|category|meta-date|meta-reviewer")
# AUTHOR_XPATHS, tried in this order: specific, almost generic, any element.
_AUTHOR_TAGS = (frozenset({"a", "address", "div", "link", "p", "span", "strong"}),
                frozenset({"a", "div", "h3", "h4", "p", "span"}))
_AUTHOR_CLASS = (re.compile(r"author-?name|AuthorName|authorName"),
                 re.compile(r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"),
                 re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline"))
_AUTHOR_ID = (re.compile(r"author|zuozhe|bianji|xiaobian"), re.compile(r"[Aa]uthor"))
_BYLINE_CLASSES = frozenset({"byline", "username", "byl", "BBL"})
AUTHOR_MAX_CHARS = 120  # extract_author's len_limit
# CATEGORIES_XPATHS: links inside these containers, by the first selector that finds one to a category page.
_CATEGORY_DIV_CLASS = re.compile(r"^(?:post-?info|post-?meta|meta|entry-meta|entry-info|entry-utility)")
_CATEGORY_SPAN_CLASSES = frozenset({"post-category", "postcategory", "entry-category"})
_CATEGORY_HREF = re.compile("/categor(?:y|ies|s)?/")  # extract_catstags' pattern for "category"
_CATEGORY_CONTAINER_TAGS = frozenset({"div", "p", "footer", "li", "span", "header"})
_SECTION_META = './/head//meta[@property="article:section" or contains(@name, "subject")][@content]'


class _CannotMirror(Exception):
    """The page holds a node the walk does not mirror: trafilatura's functions read it."""


def _selectors_digest() -> str:
    paths = [x.path for x in (*AUTHOR_DISCARD_XPATHS, *AUTHOR_XPATHS, *CATEGORIES_XPATHS)]
    return hashlib.sha1("\n".join(paths).encode("utf-8")).hexdigest()


SELECTORS_MIRRORED = _selectors_digest() == MIRRORED_SELECTORS


def _discarded(tag: str, cls: str, ident: str, element: HtmlElement) -> bool:
    """Pruned by AUTHOR_DISCARD_XPATHS (`cls` and `ident` are the element's class and id, "" when missing)."""
    if tag in _DISCARD_ALWAYS:
        return True
    if tag not in _DISCARD_TAGS:
        return False
    return (ident == "comments" or cls in _DISCARD_EXACT or (bool(ident) and bool(_DISCARD_ID.search(ident)))
            or (bool(cls) and bool(_DISCARD_CLASS.search(cls))) or "Figure" in (element.get("data-component") or ""))


def _author_selectors(tag: str, cls: str, ident: str, element: HtmlElement) -> int:
    """The AUTHOR_XPATHS (0, 1, 2) that select the element, as a bit set (none of their patterns matches an
    empty or missing attribute)."""
    itemprop = element.get("itemprop") or ""
    selectors = 0
    if tag == "author" or (tag in _AUTHOR_TAGS[0] and (
            element.get("rel") == "author" or ident == "author" or cls == "author" or itemprop == "author name"
            or element.get("data-testid") in ("AuthorCard", "AuthorURL") or (cls and _AUTHOR_CLASS[0].search(cls)))):
        selectors |= 1
    if tag in _AUTHOR_TAGS[1] and (cls in _BYLINE_CLASSES or "author" in itemprop or (
            ident and _AUTHOR_ID[0].search(ident)) or (cls and _AUTHOR_CLASS[1].search(cls))):
        selectors |= 2
    if ("Byline" in (element.get("data-component") or "") or "author" in itemprop
            or (ident and _AUTHOR_ID[1].search(ident)) or (cls and _AUTHOR_CLASS[2].search(cls))):
        selectors |= 4
    return selectors


def _category_containers(tag: str, cls: str | None, ident: str) -> int:
    """The CATEGORIES_XPATHS (0-5) whose container the element is, as a bit set (`cls` None when missing:
    @class='...' tests differ from an empty class there)."""
    if tag not in _CATEGORY_CONTAINER_TAGS:
        return 0
    if tag == "div":
        return (int(bool(cls is not None and _CATEGORY_DIV_CLASS.search(cls)) or ident.startswith("postpath"))
                | (cls in ("row", "tags")) << 5)
    if tag == "p":
        return int((cls is not None and (cls.startswith(("postmeta", "entry-categories")) or cls == "postinfo"))
                   or ident == "filedunder") << 1
    if cls is None:
        return 0
    if tag == "footer":
        return int(cls.startswith(("entry-meta", "entry-footer"))) << 2
    if tag == "header":
        return int(cls == "entry-header") << 4
    return int(cls in _CATEGORY_SPAN_CLASSES or "cat-links" in cls) << 3  # li, span


def _tag(element: HtmlElement) -> str:
    tag = element.tag
    if not isinstance(tag, str) or ":" in tag or tag == "rel":
        raise _CannotMirror(repr(tag))
    return tag


@dataclass
class _Found:
    """Per selector, the elements it selects, in document order."""
    authors: list[list[HtmlElement]] = field(default_factory=lambda: [[] for _ in AUTHOR_XPATHS])
    category_links: list[list[HtmlElement]] = field(default_factory=lambda: [[] for _ in CATEGORIES_XPATHS])


def _walk(root: HtmlElement, authors: bool, categories: bool) -> _Found:
    """The author candidates outside the pruned boxes and the links in category containers, in one pass over
    the elements."""
    found = _Found()
    pruned: set[HtmlElement] = set()
    containers: list[list[HtmlElement]] = [[] for _ in CATEGORIES_XPATHS]
    for element in root.iter():
        tag = _tag(element)
        cls, ident = element.get("class"), element.get("id") or ""
        if authors:
            # the root is never pruned: trafilatura's prune reads descendants and cannot delete a root
            if element is not root and _discarded(tag, cls or "", ident, element):
                pruned.add(element)
            elif selectors := _author_selectors(tag, cls or "", ident, element):
                for index, elements in enumerate(found.authors):
                    if selectors >> index & 1:
                        elements.append(element)
        if categories and (kinds := _category_containers(tag, cls, ident)):
            for index, elements in enumerate(containers):
                if kinds >> index & 1:
                    elements.append(element)
    if pruned:
        # a candidate inside a pruned box is not in trafilatura's pruned copy
        found.authors = [[e for e in elements if not any(a in pruned for a in e.iterancestors())]
                         for elements in found.authors]
    for index, elements in enumerate(containers):
        # //container//a[@href]: each link once, in document order (nested containers list it again)
        links = {link: None for container in elements for link in container.iter("a") if link.get("href") is not None}
        found.category_links[index] = list(links)
    return found


def _pruned_texts(element: HtmlElement) -> Iterator[str]:
    """element.itertext() as it reads in extract_author's pruned copy: the pruned boxes inside are left out,
    and each one's tail text is joined, without a space, to the text before it at its level (trafilatura's
    delete_element appends it to the previous sibling's tail or the parent's text)."""
    slots: list[str | None] = [element.text]
    last = 0  # the slot a pruned child's tail joins: the parent's text or the previous kept child's tail
    for child in element:
        if _discarded(_tag(child), child.get("class") or "", child.get("id") or "", child):
            if child.tail:
                slots[last] = (slots[last] or "") + child.tail
            continue
        slots.extend(_pruned_texts(child))
        slots.append(child.tail)
        last = len(slots) - 1
    return (text for text in slots if text is not None)


def _author(found: _Found) -> str | None:
    """extract_author's value: extract_metainfo over the candidates, then normalize_authors."""
    for elements in found.authors:
        for element in elements:
            content = trim(" ".join(_pruned_texts(element)))
            if content and 2 < len(content) < AUTHOR_MAX_CHARS:
                return normalize_authors(None, content)
    return None


def _categories(found: _Found, tree: HtmlElement) -> list[str]:
    """extract_catstags("category", tree)'s value."""
    results: list[str] = []
    for links in found.category_links:
        results.extend(block_text(link) for link in links if _CATEGORY_HREF.search(link.attrib["href"]))
        if results:
            break
    if not results:
        results.extend(element.attrib["content"] for element in tree.xpath(_SECTION_META))
    return [r for r in dict.fromkeys(line_processing(x) for x in results if x) if r]


def author_and_categories(tree: HtmlElement, authors: bool = True, categories: bool = True
                          ) -> tuple[str | None, list[str]]:
    """(extract_author(tree), extract_catstags("category", tree)), each read only when asked for (else None
    and []); the tree is left unchanged."""
    if not (authors or categories):
        return None, []
    if SELECTORS_MIRRORED:
        try:
            found = _walk(tree, authors, categories)
            return (_author(found) if authors else None), (_categories(found, tree) if categories else [])
        except _CannotMirror:
            pass
    return (extract_author(tree) if authors else None), (extract_catstags("category", tree) if categories else [])
