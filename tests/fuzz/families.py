"""The kinds of input in a fuzz corpus, valid and hostile: each maker writes one input (a file in the corpus's
inputs/ folder, maybe bodies for the API beside it) and says what eventwire must make of it - how many
articles and failure rows (`Outcome`), the stage of those failures, and what each POST to the API must get.

Hostile inputs are those of issue 19: lone surrogates in JSON fields, deeply nested JSON lines, random bytes
under every input suffix, a WARC version line followed by garbage, a WARC response without WARC-Target-URI,
an RSS feed with `&#55296;`, UTF-16/32 without a BOM, NUL bytes, gzip bombs, truncated gzip, empty files,
articles over one parse (1,000,000 characters) and over the coding limit (2,000,000), Arabic, Chinese and
Russian text, CSV with ragged rows, HTML with script only, and more of the same kind.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from tests.fuzz.texts import Text, TextPool, html_of, page_html, record_of

Expect = Literal["ok", "refused", "any"]  # an API answer: 200 on both routes / 4xx on both / 200 or 4xx
FULL_TEXT_WORDS = 160  # feed items at least this long are read as the article itself (eventwire: 150)


@dataclass(frozen=True)
class ApiCall:
    body: str    # file under the corpus folder ("inputs/NAME" or "api/NAME")
    media: str   # Content-Type of the POST
    expect: Expect


@dataclass(frozen=True)
class Outcome:
    articles: int  # articles read from the input and coded (and stored by `ingest`)
    failures: int  # failure rows (`ingest`) / failure lines on stderr (`extract`) naming the input


@dataclass
class Input:
    name: str                  # file name under inputs/
    family: str
    outcomes: list[Outcome]    # what eventwire may make of it (most inputs: exactly one)
    stage: str | None = None   # the stage of its failure rows
    api: list[ApiCall] = field(default_factory=list)

    @property
    def kind(self) -> str:
        first = self.outcomes[0]
        return "mixed" if first.articles and first.failures else "valid" if first.articles else "hostile"


@dataclass
class Corpus:
    """Where inputs are written and what they draw on; `bomb_bytes` is what a gzip bomb unpacks to."""
    root: Path
    rng: random.Random
    pool: TextPool
    bomb_bytes: int
    inputs: list[Input] = field(default_factory=list)
    _blobs: dict[str, bytes] = field(default_factory=dict)

    def write(self, index: int, family: str, suffix: str, data: bytes, outcomes: list[Outcome],
              stage: str | None = None, api: list[tuple[bytes | None, str, Expect]] | None = None) -> Input:
        """Write one input; each API call's body is `data` itself when given as None."""
        name = f"{index:05d}-{family}{suffix}"
        (self.root / "inputs" / name).write_bytes(data)
        calls = []
        for number, (body, media, expect) in enumerate(api or []):
            if body is None:
                calls.append(ApiCall(f"inputs/{name}", media, expect))
                continue
            body_name = f"api/{index:05d}-{number}.body"
            (self.root / body_name).write_bytes(body)
            calls.append(ApiCall(body_name, media, expect))
        found = Input(name, family, outcomes, stage, calls)
        self.inputs.append(found)
        return found

    def blob(self, key: str, make: Callable[[], bytes]) -> bytes:
        """Bytes made once per corpus (a gzip bomb takes seconds to pack), reused by every input holding them."""
        if key not in self._blobs:
            self._blobs[key] = make()
        return self._blobs[key]


Maker = Callable[[Corpus, int], None]
ONE_ARTICLE = [Outcome(1, 0)]
ONE_FAILURE = [Outcome(0, 1)]


def _json_call(record: dict[str, str], expect: Expect = "ok") -> tuple[bytes, str, Expect]:
    body = {"text": record["text"], **{k: v for k, v in record.items() if k in ("url", "published")}}
    return json.dumps(body).encode(), "application/json", expect


# ---- valid inputs: real or synthetic English news in every format --------------------------------------------

def html_page(c: Corpus, i: int) -> None:
    page = c.pool.page(english=True)
    if page is None:
        text = c.pool.text()
        data = html_of(text).encode()
        c.write(i, "html", ".html", data, ONE_ARTICLE, api=[(None, "text/html", "ok")])
    elif c.rng.random() < 0.5:
        c.write(i, "html-real", ".html.gz", page.path.read_bytes(), ONE_ARTICLE, api=[(None, "text/html", "ok")])
    else:
        c.write(i, "html-real", ".html", page_html(page), ONE_ARTICLE, api=[(None, "text/html", "ok")])


def scraped_text(c: Corpus, i: int) -> None:
    text = c.pool.text()
    data = f"{text.title}\n\n{text.body}\n".encode()
    if c.rng.random() < 0.3:
        c.write(i, "txt", ".txt.gz", gzip.compress(data), ONE_ARTICLE, api=[(None, "text/plain", "ok")])
    else:
        c.write(i, "txt", ".txt", data, ONE_ARTICLE, api=[(None, "text/plain", "ok")])


_NAMES = (("title", "text", "url", "published"), ("headline", "body", "link", "date"),
          ("title", "content", "source_url", "date_publish"))


def jsonl_records(c: Corpus, i: int) -> None:
    records = [record_of(c.pool.text(), c.rng.choice(_NAMES)) for _ in range(c.rng.randint(1, 3))]
    calls = [_json_call(record_of_any(r)) for r in records]
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    gz = c.rng.random() < 0.3
    c.write(i, "jsonl", ".jsonl.gz" if gz else ".jsonl", gzip.compress(data) if gz else data,
            [Outcome(len(records), 0)], api=calls)


def record_of_any(record: dict[str, str]) -> dict[str, str]:
    """A record under any of the column names of _NAMES, under the API's names."""
    found: dict[str, str] = {}
    for names in _NAMES:
        for api_name, name in zip(("title", "text", "url", "published"), names, strict=True):
            if name in record:
                found.setdefault(api_name, record[name])
    return found


def jsonl_html_column(c: Corpus, i: int) -> None:
    text = c.pool.text()
    record = {"html": html_of(text), "url": text.url or f"https://news.example/html/{i}"}
    data = (json.dumps(record) + "\n").encode()
    c.write(i, "jsonl-html", ".jsonl", data, ONE_ARTICLE,
            api=[(json.dumps({"text": record["html"], "content_type": "html"}).encode(), "application/json", "ok")])


def csv_rows(c: Corpus, i: int) -> None:
    texts = [c.pool.text() for _ in range(c.rng.randint(1, 3))]
    tab = c.rng.random() < 0.3
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t" if tab else ",", lineterminator="\n")
    writer.writerow(["url", "date", "title", "text"])
    for text in texts:
        writer.writerow([text.url or "", text.published or "", text.title, text.body])
    c.write(i, "csv", ".tsv" if tab else ".csv", buffer.getvalue().encode(), [Outcome(len(texts), 0)],
            api=[_json_call(record_of(t)) for t in texts])


def warc_pages(c: Corpus, i: int) -> None:
    texts = [c.pool.text() for _ in range(c.rng.randint(1, 2))]
    gz = c.rng.random() < 0.5
    buffer, _ = warc_of([("page", t) for t in texts] + [("request", None), ("image", None), ("notfound", None)],
                        gz, i)
    c.write(i, "warc", ".warc.gz" if gz else ".warc", buffer, [Outcome(len(texts), 0)],
            api=[(html_of(t).encode(), "text/html", "ok") for t in texts] + [(None, "text/plain", "any")])


def warc_without_target_uri(c: Corpus, i: int) -> None:
    text = c.pool.text()
    data, _ = warc_of([("page-no-uri", text)], gzip_records=False, serial=i)
    c.write(i, "warc-no-uri", ".warc", data, ONE_ARTICLE, api=[(html_of(text).encode(), "text/html", "ok")])


def feed_full_text(c: Corpus, i: int, char_ref: bool = False) -> None:
    texts = [c.pool.text(min_words=FULL_TEXT_WORDS) for _ in range(c.rng.randint(1, 2))]
    family = "rss-charref" if char_ref else "rss"
    c.write(i, family, c.rng.choice((".rss", ".xml")), rss_of(texts, char_ref), [Outcome(len(texts), 0)],
            api=[(None, "text/plain", "any")])


def feed_with_char_ref(c: Corpus, i: int) -> None:
    feed_full_text(c, i, char_ref=True)


def wide_encoding(c: Corpus, i: int) -> None:
    text = c.pool.text()
    encoding = c.rng.choice(("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
    data = f"{text.title}\n\n{text.body}\n".encode(encoding)
    c.write(i, f"{encoding}-nobom", ".txt", data, ONE_ARTICLE, api=[(None, "text/plain", "ok")])


def legacy_encoding(c: Corpus, i: int) -> None:
    text = c.pool.text()
    body = text.body.replace('"', "\u201c", 1) + "\n\nPrices rose by 5\u20ac, the caf\u00e9 owners said."
    encoding = c.rng.choice(("cp1252", "latin-1", "cp1251"))
    page = Text(text.title, body.replace("\u20ac", "") if encoding != "cp1252" else body, text.url, text.published)
    if c.rng.random() < 0.5:
        data = html_of(page, charset=c.rng.choice((encoding, "utf-8", "no-such-charset"))).encode(
            encoding, errors="replace")
        c.write(i, f"{encoding}", ".html", data, ONE_ARTICLE, api=[(None, "text/html", "ok")])
    else:
        data = f"{page.title}\n\n{page.body}\n".encode(encoding, errors="replace")
        c.write(i, f"{encoding}", ".txt", data, ONE_ARTICLE, api=[(None, "text/plain", "ok")])


def stray_nuls(c: Corpus, i: int) -> None:
    text = c.pool.text()
    data = bytearray(f"{text.title}\n\n{text.body}\n".encode())
    for _ in range(c.rng.randint(1, 3)):
        data.insert(c.rng.randrange(len(data)), 0)
    c.write(i, "stray-nuls", ".txt", bytes(data) + b"\x00" * c.rng.randint(0, 64), ONE_ARTICLE,
            api=[(None, "text/plain", "ok")])


def odd_unicode(c: Corpus, i: int) -> None:
    """Zero-width, bidi overrides, emoji, combining marks, non-characters and a BOM inside the text."""
    text = c.pool.text()
    oddities = ("\u200b", "\u202e", "\u2066", "\U0001f4a5", "e\u0301", "\ufeff", "\uffff", "\U0010fffd", "\u2028")
    words = text.body.split(" ")
    for _ in range(20):
        spot = c.rng.randrange(len(words))
        words[spot] = words[spot] + c.rng.choice(oddities)
    data = f"{text.title}\u202e\n\n{' '.join(words)}\n".encode()
    c.write(i, "odd-unicode", ".txt", data, ONE_ARTICLE, api=[(None, "text/plain", "ok")])


def lone_surrogates(c: Corpus, i: int) -> None:
    text = c.pool.text()
    record = {"title": text.title + " \ud800", "text": text.body + " \udfff end \ud83d",
              "url": f"https://news.example/surrogate/{i}/\udc00", "author": "\ud800\udc00\ud800"}
    line = json.dumps(record)  # ASCII escapes: "\ud800", as dumps of broken strings carry them
    # The API's JSON parser refuses a lone surrogate escape outright (422); the CLI reads it as U+FFFD.
    c.write(i, "jsonl-surrogates", ".jsonl", (line + "\n").encode(), ONE_ARTICLE,
            api=[(line.encode(), "application/json", "any")])


def long_article(c: Corpus, i: int) -> None:
    """Over 1,000,000 characters (one spaCy parse): coded in chunks by the CLI."""
    paragraphs: list[str] = []
    while sum(len(p) + 2 for p in paragraphs) < 1_050_000:
        paragraphs.extend(c.pool.text().body.split("\n\n"))
    record = {"title": "A very long article", "text": "\n\n".join(paragraphs), "url": f"https://news.example/long/{i}"}
    # The API reads a JSON text as a page: the scraped-text reader keeps the story's run of prose, which may be
    # under its 1,000,000-character limit (200) or not (413).
    c.write(i, "long-1m", ".jsonl", (json.dumps(record) + "\n").encode(), ONE_ARTICLE,
            api=[_json_call(record, "any")])


# ---- helpers building WARC and RSS bytes ----------------------------------------------------------------------

def warc_of(records: list[tuple[str, Text | None]], gzip_records: bool, serial: int) -> tuple[bytes, list[int]]:
    """WARC bytes of pages and other records, and the offset where each record ends."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)
    ends = []
    for number, (kind, text) in enumerate(records):
        url = f"https://news.example/warc/{serial}/{number}"
        status, content_type, payload = "200 OK", "text/html; charset=utf-8", b""
        if text is not None:
            payload = html_of(text).encode()
        if kind == "image":
            content_type, payload = "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256))
        elif kind == "notfound":
            status, payload = "404 Not Found", b"<html><body><p>Not found</p></body></html>"
        elif kind == "chrome":
            payload = b"<html><body><nav><a href='/'>Home</a></nav><p>Subscribe</p></body></html>"
        if kind == "request":
            headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            record = writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=headers)
        else:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
        if kind == "page-no-uri":
            record.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(record)
        record.raw_stream.close()  # warcio leaves a record's temporary buffer open
        ends.append(buffer.tell())
    return buffer.getvalue(), ends


def rss_of(texts: list[Text], char_ref: bool = False, atom: bool = False) -> bytes:
    items = []
    for text in texts:
        paragraphs = "".join(f"<p>{p}</p>" for p in text.body.split("\n\n"))
        escaped = paragraphs.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if char_ref:
            escaped = escaped.replace(" ", " &#55296; ", 1) + " &#xDFFF; &#1114112;"
        items.append(f"<item><title>{_xml(text.title)}</title><description>{escaped}</description>"
                     f"<pubDate>Mon, 11 Dec 2017 10:00:00 GMT</pubDate></item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Fuzz news</title>'
            f"<link>https://news.example/</link>{''.join(items)}</channel></rss>").encode()


def _xml(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def gzip_stream(unit: bytes, total: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    """`head`, `unit` repeated up to `total` bytes, `tail`, gzipped as it is made (a bomb never held unpacked)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    out = [packer.compress(head)]
    chunk = unit * max(1, (1 << 20) // len(unit))
    written = 0
    while written < total:
        part = chunk[:total - written]
        out.append(packer.compress(part))
        written += len(part)
    out.append(packer.compress(tail))
    out.append(packer.flush())
    return b"".join(out)
