"""A page's metadata (title, site name, URL, date, categories, author): the values of trafilatura's
extract_metadata, read with its own functions in its order (meta tags, JSON-LD, <title>, author, canonical
URL, htmldate as it calls it, site name, categories), without the steps whose fields eventwire does not use:
tags and licence (their XPaths run over the whole page, about a third of extract_metadata's time) and the
host name. tests/test_ingest_metadata.py checks the values against trafilatura.extract_metadata.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from html import unescape

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_catstags,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import set_date_params
from trafilatura.utils import line_processing


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
        metadata.author = extract_author(tree)
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
    categories = metadata.categories or extract_catstags("category", tree)
    return PageMetadata(
        title=_trimmed(metadata.title),
        site_name=_trimmed(sitename),
        url=_trimmed(metadata.url),
        date=_trimmed(date),
        categories=tuple(str(c) for c in categories if c),
        author=_trimmed(metadata.author),
    )
