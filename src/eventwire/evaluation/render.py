"""HTML page -> the text a scraper gets by copying the whole rendered page: site chrome and all.

Used to build the scraped-text evaluation set from pages whose main text is known: navigation,
breadcrumbs, share buttons, related-story lists, comment forms and footers come out as lines, as in
the seed article, and the cleaner has to find the story among them.
"""

from __future__ import annotations

import re

import lxml.html

# Elements a browser does not show as text.
_HIDDEN = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select")
# Elements that start a new line when rendered.
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "td", "th", "ul", "button",
    "label", "option", "caption", "menu",
})
_BREAK = "\u2028"  # a line break that cannot occur in page text after whitespace is normalised


def render_page_text(html: str) -> str:
    """Visible text of `html`, one rendered block per line, blank-line free."""
    root = lxml.html.document_fromstring(html)
    for element in root.xpath("|".join(f"//{tag}" for tag in _HIDDEN)):
        element.drop_tree()
    for element in root.xpath('//*[@hidden or contains(translate(@style, " ", ""), "display:none")]'):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK:
            element.text = _BREAK + (element.text or "")
            element.tail = _BREAK + (element.tail or "")
    text = root.text_content()
    lines = (re.sub(r"\s+", " ", part).strip() for part in text.split(_BREAK))
    return "\n".join(line for line in lines if line)
