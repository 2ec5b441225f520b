"""The article's headline as the page shows it, not its <title> or SEO title.

Metadata titles carry the outlet ("... | Al Bawaba", "TechCrunch – ...", "Opinion | ...") and are often
rewritten for search engines; the headline a reader sees is the page's <h1>. The <h1> is trusted when
it reads like a headline and shares words with the metadata title (so a site-name <h1> or a stray
heading of another block is not taken); else the metadata title is used without the outlet's name.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import lxml.html

_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·|•)\s+")
_WORD = re.compile(r"\w+")
MIN_SHARED = 0.3     # share of the <h1>'s words found in the metadata title
MAX_HEADLINE_WORDS = 40


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _is_outlet(segment: str, site_names: list[str]) -> bool:
    key = re.sub(r"\W+", "", segment.lower())
    return bool(key) and any(
        key == name or (len(key) > 3 and (key in name or name in key)) for name in site_names if name)


def _site_names(site_name: str | None, url: str | None) -> list[str]:
    names = [re.sub(r"\W+", "", (site_name or "").lower())]
    host = urlparse(url or "").netloc.lower().removeprefix("www.")
    if host:
        names.append(re.sub(r"\W+", "", host.split(".")[0]))
        names.append(re.sub(r"\W+", "", host))
    return names


def strip_outlet(title: str, site_name: str | None, url: str | None) -> str:
    """"Sweden drops probe | Al Bawaba" -> "Sweden drops probe" (also a leading "TechCrunch - ")."""
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    names = _site_names(site_name, url)
    spans = [m.span() for m in _SEPARATORS.finditer(title)]
    # Trailing: "Headline - Site" or "Headline - Site - Site's motto": cut at the first outlet segment.
    for index in range(1, len(parts)):
        if _is_outlet(parts[index], names):
            return title[: spans[index - 1][0]].strip()
    if _is_outlet(parts[0], names):
        return title[spans[0][1]:].strip()
    return title


_HIDDEN = frozenset({"script", "style", "noscript", "template"})


def _visible_text(element: lxml.html.HtmlElement) -> str:
    """The element's text without what sits in script/style/noscript/template (tails kept), read without
    changing the tree, which the caller shares with the body extractor."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _HIDDEN:
            parts.append(_visible_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _candidates(root: lxml.html.HtmlElement) -> list[str]:
    texts = []
    for h1 in root.iter("h1"):
        if any(parent.tag in _HIDDEN for parent in h1.iterancestors()):
            continue
        text = " ".join(_visible_text(h1).split())
        if 3 <= len(text.split()) <= MAX_HEADLINE_WORDS:
            texts.append(text)
    return texts


def visible_headline(page: str | lxml.html.HtmlElement, meta_title: str | None, site_name: str | None,
                     url: str | None) -> str | None:
    """The page's headline: its matching <h1>, else the metadata title without the outlet's name. `page` is
    the HTML or its parsed tree (left unchanged)."""
    fallback = strip_outlet(meta_title, site_name, url) if meta_title else None
    if isinstance(page, str):
        try:
            root = lxml.html.document_fromstring(page)
        except (ValueError, lxml.etree.ParserError):
            return fallback
    else:
        root = page
    names = _site_names(site_name, url)
    reference = set(_words(meta_title or ""))
    best: tuple[float, str] | None = None
    for text in _candidates(root):
        if _is_outlet(text, names):
            continue
        words = _words(text)
        shared = sum(1 for w in words if w in reference) / max(len(words), 1)
        if reference and shared < MIN_SHARED:
            continue
        if best is None or shared > best[0]:
            best = (shared, text)
    return best[1] if best else fallback
