"""Read one input path as an `Article`, rejecting what is not an article with a clear reason."""

from __future__ import annotations

import gzip
import hashlib
import re
import zlib
from pathlib import Path

import charset_normalizer

from eventwire.errors import UnreadableInput
from eventwire.ingest.html import extract_html
from eventwire.ingest.language import detect_language
from eventwire.ingest.text import clean_scraped_text
from eventwire.model import Article

MAX_BYTES = 20 * 1024 * 1024
MIN_ARTICLE_WORDS = 6  # fewer is a menu or a stub ("Home"), not a story
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|div|p)\b", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.I)


def article_id(text: str) -> str:
    """Stable id of an article: hash of its whitespace-normalised body text."""
    normalised = " ".join(text.split())
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


def _decode(source: str, data: bytes, is_html: bool, declared: str | None = None) -> str:
    """Bytes -> text: a BOM, the declared charset (HTTP header, <meta>), UTF-8, then a detected legacy
    encoding (cp1252, latin-1, cp1251, Shift-JIS... through charset_normalizer)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise UnreadableInput(source, "binary file (NUL bytes), not an article")
    encodings = ["utf-8-sig"]
    if is_html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            encodings.insert(0, m.group(1).decode("ascii"))
    if declared:
        encodings.insert(0, declared)
    for enc in encodings:
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is None or best.chaos > 0.3:
        raise UnreadableInput(source, "not text in any encoding that could be detected")
    return data.decode(best.encoding, errors="replace")


def gunzip(source: str, data: bytes, limit: int = MAX_BYTES) -> bytes:
    """Gzipped bytes unpacked; a broken stream or one unpacking past `limit` is refused with the reason."""
    try:
        out = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise UnreadableInput(source, f"broken gzip file ({exc})") from exc
    if len(out) > limit:
        raise UnreadableInput(source, f"unpacks to more than the {limit}-byte limit")
    return out


def unpacked_head(head: bytes) -> bytes | None:
    """The first bytes of a file, unpacked when they start a gzip stream (None when it is broken): enough
    to tell its kind by content."""
    if head[:2] != b"\x1f\x8b":
        return head
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
    except zlib.error:
        return None


def read_file_bytes(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """A file's bytes, refusing a missing, empty, unreadable or over-`limit` file with the reason."""
    source = str(path)
    p = Path(path)
    if not p.exists():
        raise UnreadableInput(source, "no such file")
    if p.is_dir():
        raise UnreadableInput(source, "is a directory, not a file")
    size = p.stat().st_size
    if size == 0:
        raise UnreadableInput(source, "empty file")
    if size > limit:
        raise UnreadableInput(source, f"file of {size} bytes is larger than the {limit}-byte limit")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise UnreadableInput(source, f"cannot read: {exc.strerror or exc}") from exc


def read_article(path: str | Path, published: str | None = None) -> Article:
    """Read a scraped-text or HTML file. `published` (YYYY-MM-DD) overrides any date on the page."""
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
    if (suffixes and suffixes[-1] == ".gz") or data[:2] == b"\x1f\x8b":
        data = gunzip(source, data)
        suffixes = suffixes[:-1] if suffixes and suffixes[-1] == ".gz" else suffixes
    is_html = (
        (content_type is not None and "html" in content_type.lower())
        or (bool(suffixes) and suffixes[-1] in (".html", ".htm", ".xhtml"))
        or bool(_HTML_SNIFF.search(data[:2048]))
    )
    charset = _HEADER_CHARSET.search(content_type or "")
    text = _decode(source, data, is_html, charset.group(1) if charset else None)
    if not text.strip():
        raise UnreadableInput(source, "file holds only whitespace")
    article = _from_html(source, text, published, url) if is_html else _from_scraped_text(source, text, published)
    if url and not article.url:
        article = article.model_copy(update={"url": url})
    return with_language(article)


def with_language(article: Article) -> Article:
    """The article with its detected language when the guess is confident (else as it was)."""
    guess = detect_language(article.text)
    return article.model_copy(update={"language": guess.language}) if guess.confident else article


def _from_scraped_text(source: str, raw: str, published: str | None) -> Article:
    cleaned = clean_scraped_text(raw)
    if len(cleaned.body.split()) < MIN_ARTICLE_WORDS:
        raise UnreadableInput(source, "no article text found (only page chrome)")
    return Article(
        id=article_id(cleaned.body),
        title=cleaned.title,
        published=published or cleaned.published,
        sections=cleaned.sections,
        credit=cleaned.credit,
        text=cleaned.body,
        related_headlines=cleaned.related_headlines,
        dateline=cleaned.dateline_place,
        source_path=source,
    )


def _from_html(source: str, html: str, published: str | None, url: str | None = None) -> Article:
    extracted = extract_html(html, url)
    if extracted is None or len(extracted.text.split()) < MIN_ARTICLE_WORDS:
        raise UnreadableInput(source, "no article text found in the HTML page")
    return Article(
        id=article_id(extracted.text),
        url=extracted.url,
        title=extracted.title,
        published=published or extracted.published,
        sections=extracted.sections,
        author=extracted.author,
        credit=extracted.credit,
        site_name=extracted.site_name,
        dateline=extracted.dateline,
        text=extracted.text,
        language=(extracted.language or "en").split("-")[0].lower(),
        source_path=source,
    )
