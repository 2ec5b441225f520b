"""RSS and Atom feeds: each item becomes an article, from its own full text when the feed carries it,
else from its linked page (fetched over HTTP) when fetching is allowed.

A feed that only summarises ("Read more...") is common; coding a two-line summary would lose most events,
so the linked page is preferred unless the item's content is already article-length.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from eventwire.dateparse import to_iso_date
from eventwire.errors import CannotRun, UnreadableInput
from eventwire.failures import failure_of
from eventwire.ingest.fetch import Fetched, FetchPolicy, fetch, is_url
from eventwire.ingest.options import IngestOptions
from eventwire.ingest.raw import valid_text
from eventwire.ingest.sources import article_from_bytes, article_id, with_language
from eventwire.ingest.text import join_paragraphs
from eventwire.model import Article, Failure

FULL_TEXT_WORDS = 150  # item content at least this long is taken as the article itself
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "br", "tr")
_FEED_SNIFF = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.I)
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")

Fetcher = Callable[[str, FetchPolicy], Fetched]  # fetch.fetch: the same guarded GET as a URL input


def looks_like_feed(data: bytes) -> bool:
    return bool(_FEED_SNIFF.search(data[:4096]))


def fragment_text(html: str) -> str:
    """An HTML fragment (feed content) -> paragraphs separated by blank lines."""
    if "<" not in html:
        return join_paragraphs(html)
    import lxml.html  # here, as feedparser below: an extract of a plain article never loads them

    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for bad in root.xpath(".//script|.//style|.//figure|.//figcaption"):
        bad.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
        if element.tag == "br":
            continue
        element.text = "\n\n" + (element.text or "")
    text = root.text_content()
    return join_paragraphs(text)


def _content(entry: Any) -> str:
    for item in entry.get("content") or []:
        if item.get("value"):
            return valid_text(str(item["value"]))
    return valid_text(str(entry.get("summary") or entry.get("description") or ""))


def iter_feed(name: str, data: bytes, options: IngestOptions, fetcher: Fetcher = fetch
              ) -> Iterator[Article | Failure]:
    """Articles of the feed document `data`; `name` (path or URL) names it in failures."""
    import feedparser

    try:
        parsed = feedparser.parse(_valid_char_refs(data))
    except Exception as exc:  # feedparser's own fault on odd input: the feed's failure, the run goes on
        yield failure_of(name, "ingest", exc, "unreadable feed")
        return
    if not parsed.entries:
        reason = f"not a readable RSS/Atom feed ({parsed.bozo_exception})" if parsed.bozo else "feed has no items"
        yield Failure(source=name, stage="ingest", reason=reason)
        return
    for number, entry in enumerate(parsed.entries, start=1):
        link = str(entry.get("link") or "")
        source = f"{name}#item-{number}" + (f" ({link})" if link else "")
        try:
            yield _entry_article(entry, source, link, options, fetcher)
        except UnreadableInput as exc:
            yield Failure(source=exc.source, stage="ingest", reason=exc.reason)
        except CannotRun:
            raise
        except Exception as exc:  # one odd item is that item's failure, not the feed's
            yield failure_of(source, "ingest", exc, "unreadable item")


def _valid_char_refs(data: bytes) -> bytes:
    """The feed with character references to no character (`&#55296;`, a lone surrogate; past U+10FFFF) made
    U+FFFD: feedparser fails on the whole document for one of them."""
    def fixed(m: re.Match[bytes]) -> bytes:
        value = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        return m.group(0) if 0 < value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else b"&#xFFFD;"

    return _CHAR_REF.sub(fixed, data) if b"&#" in data else data


def _entry_article(entry: Any, source: str, link: str, options: IngestOptions, fetcher: Fetcher) -> Article:
    content = fragment_text(_content(entry))
    parsed_date = entry.get("published_parsed") or entry.get("updated_parsed")
    published = options.published or (
        f"{parsed_date.tm_year:04d}-{parsed_date.tm_mon:02d}-{parsed_date.tm_mday:02d}" if parsed_date
        else to_iso_date(entry.get("published") or entry.get("updated")))
    article: Article | None = None
    if len(content.split()) < FULL_TEXT_WORDS and options.fetch_links and is_url(link):
        page = fetcher(link, FetchPolicy.of(options))
        article = article_from_bytes(link, page.data, published, page.content_type, url=page.url)
    elif content.strip():
        article = with_language(Article(id=article_id(content), text=content, url=link or None))
    if article is None:
        raise UnreadableInput(source, "item has no text and no link to fetch")
    tags = tuple(str(t.get("term")) for t in entry.get("tags") or [] if t.get("term"))
    return article.model_copy(update={
        "title": str(entry.get("title") or "").strip() or article.title,
        "published": published or article.published,
        "author": str(entry.get("author") or "").strip() or article.author,
        "sections": article.sections or tags,
        "url": article.url or link or None,
        "source_path": source,
    })
