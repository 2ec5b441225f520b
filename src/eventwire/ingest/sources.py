"""A page (scraped text or HTML, maybe gzipped) -> an `Article`, rejecting what is not an article with a clear
reason. Reading, unpacking and decoding its bytes is `raw.py`'s job."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from eventwire.dateparse import date_in_file_name
from eventwire.errors import UnreadableInput
from eventwire.ingest.language import detect_language
from eventwire.ingest.raw import MAX_BYTES, decode, gunzip, is_gzip, read_file_bytes
from eventwire.ingest.text import clean_scraped_text, word_count
from eventwire.model import Article

MIN_ARTICLE_WORDS = 6  # fewer is a menu or a stub ("Home"), not a story
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|div|p)\b", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.I)


def article_id(text: str) -> str:
    """Stable id of an article: hash of its whitespace-normalised body text."""
    normalised = " ".join(text.split())
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


def read_article(path: str | Path, published: str | None = None) -> Article:
    """Read a scraped-text or HTML file. `published` (YYYY-MM-DD) overrides a date in the file's name
    ("2019-03-05_story.txt"), which overrides any date on the page."""
    return article_from_bytes(str(path), read_file_bytes(path), published)


def article_from_bytes(source: str, data: bytes, published: str | None = None, content_type: str | None = None,
                       url: str | None = None) -> Article:
    """One page's bytes (scraped text or HTML, maybe gzipped) -> Article; `source` names it in errors.

    `content_type` (an HTTP header or WARC record's) overrides sniffing when it says HTML, and its
    charset is tried first; `url` is where the page came from (a canonical URL in the page wins).
    """
    if not data:
        raise UnreadableInput(source, "empty file")
    if len(data) > MAX_BYTES:
        raise UnreadableInput(source, f"{len(data)} bytes is larger than the {MAX_BYTES}-byte limit")
    suffixes = [s.lower() for s in Path(source.split("?")[0]).suffixes]
    if (suffixes and suffixes[-1] == ".gz") or is_gzip(data):
        data = gunzip(source, data)
        suffixes = suffixes[:-1] if suffixes and suffixes[-1] == ".gz" else suffixes
    is_html = (
        (content_type is not None and "html" in content_type.lower())
        or (bool(suffixes) and suffixes[-1] in (".html", ".htm", ".xhtml"))
        or bool(_HTML_SNIFF.search(data[:2048]))
    )
    charset = _HEADER_CHARSET.search(content_type or "")
    text = decode(source, data, is_html, charset.group(1) if charset else None)
    if not text.strip():
        raise UnreadableInput(source, "file holds only whitespace")
    article = _from_html(source, text, published, url) if is_html else _from_scraped_text(source, text, published)
    if url and not article.url:
        article = article.model_copy(update={"url": url})
    # an HTML page's language is identified by the reader, which can check it against the page's declaration
    return article if is_html else with_language(article)


def with_language(article: Article) -> Article:
    """The article with its detected language when the guess is confident (else as it was)."""
    guess = detect_language(article.text)
    return article.model_copy(update={"language": guess.language}) if guess.confident else article


def _from_scraped_text(source: str, raw: str, published: str | None) -> Article:
    cleaned = clean_scraped_text(raw)
    if word_count(cleaned.body) < MIN_ARTICLE_WORDS:
        raise UnreadableInput(source, "no article text found (only page chrome)")
    return Article(
        id=article_id(cleaned.body),
        title=cleaned.title,
        published=published or date_in_file_name(source) or cleaned.published,
        sections=cleaned.sections,
        credit=cleaned.credit,
        text=cleaned.body,
        related_headlines=cleaned.related_headlines,
        dateline=cleaned.dateline_place,
        source_path=source,
    )


def _from_html(source: str, html: str, published: str | None, url: str | None = None) -> Article:
    from eventwire.ingest.html import extract_html  # here: trafilatura takes a second to import, text needs none

    extracted = extract_html(html, url)
    if extracted is None or word_count(extracted.text) < MIN_ARTICLE_WORDS:
        raise UnreadableInput(source, "no article text found in the HTML page")
    return Article(
        id=article_id(extracted.text),
        url=extracted.url,
        title=extracted.title,
        published=published or date_in_file_name(source) or extracted.published,
        sections=extracted.sections,
        author=extracted.author,
        credit=extracted.credit,
        site_name=extracted.site_name,
        dateline=extracted.dateline,
        text=extracted.text,
        language=(extracted.language or "en").split("-")[0].lower(),
        source_path=source,
    )
