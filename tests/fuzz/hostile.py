"""Hostile inputs for the fuzz corpus (see families.py for what a maker writes and promises)."""

from __future__ import annotations

import csv
import gzip
import io
import json

from tests.fuzz.families import (
    ONE_FAILURE,
    Corpus,
    Expect,
    Outcome,
    gzip_stream,
    html_of,
    record_of,
    rss_of,
    warc_of,
)

SUFFIXES = (".jsonl", ".ndjson", ".txt", ".html", ".htm", ".warc", ".csv", ".tsv", ".rss", ".atom", ".xml", ".gz",
            ".jsonl.gz", ".warc.gz", ".html.gz", ".csv.gz")
BOMB_SUFFIXES = (".html.gz", ".txt.gz", ".jsonl.gz", ".ndjson.gz", ".csv.gz", ".tsv.gz", ".warc.gz", ".xml.gz",
                 ".rss.gz", ".gz")
NESTING = 100_000  # brackets deep: far past the json module's recursion limit
TOO_LONG_CHARS = 2_100_000  # over the 2,000,000-character coding limit
SECRET = "root:x:0:0"  # what /etc/passwd holds: never in any output (an XML external entity must not be read)


def _media(suffix: str) -> str:
    return "text/html" if ".htm" in suffix else "text/plain"


def _raw(suffix: str, expect: Expect = "refused") -> list[tuple[bytes | None, str, Expect]]:
    return [(None, _media(suffix), expect)]


def random_bytes(c: Corpus, i: int) -> None:
    suffix = c.rng.choice(SUFFIXES)
    data = c.rng.randbytes(c.rng.choice((1, 7, 64, 1000, 20_000, 200_000)))
    c.write(i, "random-bytes", suffix, data, ONE_FAILURE, "ingest", _raw(suffix))


def empty_file(c: Corpus, i: int) -> None:
    suffix = c.rng.choice(SUFFIXES)
    data = c.rng.choice((b"", b" ", b"\n\n\t \r\n", b"\x00"))
    c.write(i, "empty", suffix, data, ONE_FAILURE, "ingest", _raw(suffix))


def _nested(c: Corpus) -> str:
    return c.rng.choice(("[" * NESTING + "]" * NESTING, '{"text": ' + "[" * NESTING + "]" * NESTING + "}",
                         '{"a": ' * NESTING + "1" + "}" * NESTING))


def jsonl_nested(c: Corpus, i: int) -> None:
    lines = [_nested(c) for _ in range(c.rng.randint(1, 3))]
    c.write(i, "jsonl-nested", ".jsonl", ("\n".join(lines) + "\n").encode(), [Outcome(0, len(lines))], "ingest",
            [(line.encode(), "application/json", "refused") for line in lines])


def jsonl_not_json(c: Corpus, i: int) -> None:
    lines = [f"Line {n} of a text file that someone named .jsonl by mistake." for n in range(c.rng.randint(6, 12))]
    c.write(i, "jsonl-not-json", ".jsonl", "\n".join(lines).encode(), ONE_FAILURE, "ingest",
            [(lines[0].encode(), "application/json", "refused")])


_BAD_LINES = ('{"title": "a record without its text"}', '{"text": 5}', '{"text": ""}', '{"text": ["a", "b"]}',
              '{"text": NaN}', "[1, 2, 3]", '"just a string"', "{broken json", '{"text": "unterminated')


def jsonl_mixed(c: Corpus, i: int) -> None:
    """Good records and bad lines in one dump: each good one read, each bad one its own failure."""
    good = [record_of(c.pool.text()) for _ in range(c.rng.randint(1, 3))]
    bad: list[bytes] = [c.rng.choice(_BAD_LINES).encode() for _ in range(c.rng.randint(1, 3))]
    if c.rng.random() < 0.5:
        bad.append(_nested(c).encode())
    if c.rng.random() < 0.5:
        bad.append(b'{"text": "\xff\xfe not utf-8"}')
    lines: list[tuple[bytes, Expect]] = [(json.dumps(r).encode(), "ok") for r in good[1:]] + \
        [(line, "refused") for line in bad]
    c.rng.shuffle(lines)
    lines.insert(0, (json.dumps(good[0]).encode(), "ok"))  # a record first: the file is a dump, bad lines its own
    api: list[tuple[bytes | None, str, Expect]] = [
        (json.dumps({k: v for k, v in json.loads(line).items() if k in ("text", "url", "published")}).encode()
         if expect == "ok" else line, "application/json", expect) for line, expect in lines]
    c.write(i, "jsonl-mixed", ".jsonl", b"\n".join(line for line, _ in lines) + b"\n",
            [Outcome(len(good), len(bad))], "ingest", api)


def jsonl_long_line(c: Corpus, i: int) -> None:
    """A line over the 20 MB line limit between two good records, gzipped (it packs to a few KB)."""
    first, last = record_of(c.pool.text()), record_of(c.pool.text())
    head = (json.dumps(first) + '\n{"text": "').encode()
    tail = ('"}\n' + json.dumps(last) + "\n").encode()
    data = gzip_stream(b"a", 21 * 1024 * 1024, head) + gzip.compress(tail)  # two members: one stream
    c.write(i, "jsonl-long-line", ".jsonl.gz", data, [Outcome(2, 1)], "ingest",
            [(json.dumps(r).encode(), "application/json", "ok") for r in (first, last)])


def jsonl_bad_dump(c: Corpus, i: int) -> None:
    """Hundreds of records without text, then a good one: the good one is read; the failures told are bounded."""
    from eventwire.ingest.records import MAX_FAILURES_TOLD

    bad = c.rng.randint(MAX_FAILURES_TOLD + 1, MAX_FAILURES_TOLD * 3)
    good = record_of(c.pool.text())
    data = ("{}\n" * bad + json.dumps(good) + "\n").encode()
    c.write(i, "jsonl-bad-dump", ".jsonl", data, [Outcome(1, MAX_FAILURES_TOLD + 1)], "ingest",
            [(json.dumps(good).encode(), "application/json", "ok")])


def csv_ragged(c: Corpus, i: int) -> None:
    texts = [c.pool.text() for _ in range(c.rng.randint(1, 2))]
    ragged = c.rng.randint(1, 2)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["url", "date", "title", "text"])
    rows = [[t.url or "", t.published or "", t.title, t.body] for t in texts]
    rows += [["https://news.example/ragged", "2019-01-01", "Ragged", "A row with too many cells", "x", "y"]] * ragged
    c.rng.shuffle(rows)
    writer.writerows(rows)
    c.write(i, "csv-ragged", ".csv", buffer.getvalue().encode(), [Outcome(len(texts), ragged)], "ingest",
            [(json.dumps({"text": t.body, "url": t.url}).encode(), "application/json", "ok") for t in texts])


def csv_header_only(c: Corpus, i: int) -> None:
    header = c.rng.choice(("url,date,title,text\n", "text\n", "a\tb\tc\n", "url,date,title,text"))
    c.write(i, "csv-header-only", c.rng.choice((".csv", ".tsv")), header.encode(), ONE_FAILURE, "ingest",
            _raw(".csv"))


def csv_without_text(c: Corpus, i: int) -> None:
    rows = c.rng.randint(1, 3)
    data = "id,name,value\n" + "".join(f"{n},name {n},{n * 7}\n" for n in range(rows))
    c.write(i, "csv-no-text-column", ".csv", data.encode(), [Outcome(0, rows)], "ingest", _raw(".csv", "any"))


def warc_garbage(c: Corpus, i: int) -> None:
    data = b"WARC/1.0\r\n" + c.rng.randbytes(c.rng.choice((10, 500, 20_000)))
    c.write(i, "warc-garbage", c.rng.choice((".warc", ".warc.gz")), data, ONE_FAILURE, "ingest", _raw(".warc"))


def warc_truncated(c: Corpus, i: int) -> None:
    """Two pages, then a third cut short: the two are read, the damage is one failure."""
    texts = [c.pool.text() for _ in range(3)]
    gz = c.rng.random() < 0.5
    data, ends = warc_of([("page", t) for t in texts], gz, i)
    cut = ends[1] + (ends[2] - ends[1]) // 2 if gz else ends[1] + 40  # gzip: inside the member; plain: the header
    c.write(i, "warc-truncated", ".warc.gz" if gz else ".warc", data[:cut], [Outcome(2, 1)], "ingest",
            [(html_of(t).encode(), "text/html", "ok") for t in texts[:2]])


def warc_chrome_page(c: Corpus, i: int) -> None:
    text = c.pool.text()
    data, _ = warc_of([("chrome", None), ("page", text)], gzip_records=False, serial=i)
    c.write(i, "warc-chrome", ".warc", data, [Outcome(1, 1)], "ingest", [(html_of(text).encode(), "text/html", "ok")])


def warc_bomb(c: Corpus, i: int) -> None:
    """A WARC response whose page unpacks to `bomb_bytes` of zeros."""
    def make() -> bytes:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
        head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/bomb\r\n"
                b"WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\n"
                b"WARC-Date: 2019-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
                + f"Content-Length: {len(http) + c.bomb_bytes}\r\n\r\n".encode() + http)
        return gzip_stream(b"\x00", c.bomb_bytes, head, tail=b"\r\n\r\n")  # one record, one gzip member

    c.write(i, "warc-bomb", ".warc.gz", c.blob("warc-bomb", make), ONE_FAILURE, "ingest", _raw(".warc"))


def gzip_bomb(c: Corpus, i: int) -> None:
    suffix = c.rng.choice(BOMB_SUFFIXES)
    data = c.blob("zeros", lambda: gzip_stream(b"\x00", c.bomb_bytes))
    c.write(i, "gzip-bomb", suffix, data, ONE_FAILURE, "ingest", _raw(suffix))


def text_bomb(c: Corpus, i: int) -> None:
    """A gzip bomb of text, not zeros: one line of letters (a CSV field, a JSON line, a page) or of tags."""
    suffix = c.rng.choice((".csv.gz", ".tsv.gz", ".jsonl.gz", ".txt.gz", ".html.gz"))
    unit = b"<p>" if suffix == ".html.gz" else b"a"
    data = c.blob(f"text-{unit!r}", lambda: gzip_stream(unit, c.bomb_bytes))
    c.write(i, "text-bomb", suffix, data, ONE_FAILURE, "ingest", _raw(suffix))


def gzip_truncated(c: Corpus, i: int) -> None:
    text = c.pool.text()
    suffix = c.rng.choice((".txt.gz", ".html.gz", ".jsonl.gz", ".csv.gz", ".gz"))
    body = {".html.gz": html_of(text), ".jsonl.gz": json.dumps(record_of(text)) + "\n",
            ".csv.gz": "title,text\n" + json.dumps(text.title) + "," + json.dumps(text.body) + "\n"
            }.get(suffix, f"{text.title}\n\n{text.body}\n")
    packed = gzip.compress(body.encode())
    c.write(i, "gzip-truncated", suffix, packed[:len(packed) // 2], ONE_FAILURE, "ingest", _raw(suffix))


def too_long(c: Corpus, i: int) -> None:
    """One record over the 2,000,000-character limit: read, then refused at the parse."""
    base = c.pool.text().body
    parts, size, n = [], 0, 0
    while size < TOO_LONG_CHARS:
        n += 1
        parts.append(f"{base} ({n})")
        size += len(parts[-1]) + 2
    record = {"title": "Too long", "text": "\n\n".join(parts)}
    line = json.dumps(record)
    # The API reads a JSON text as a page: its scraped-text reader keeps one story's run of prose (200).
    c.write(i, "too-long-2m", ".jsonl", (line + "\n").encode(), ONE_FAILURE, "parse",
            [(line.encode(), "application/json", "any")])


def html_script_only(c: Corpus, i: int) -> None:
    script = "document.write('<p>' + 'Breaking news from the wire today'.repeat(3) + '</p>');\n" * 200
    data = f"<html><head><script>{script}</script></head><body><script>{script}</script></body></html>".encode()
    c.write(i, "html-script-only", ".html", data, ONE_FAILURE, "ingest", _raw(".html"))


def html_deep_nesting(c: Corpus, i: int) -> None:
    depth = c.rng.choice((5_000, 200_000))
    words = "The minister said the talks would resume next week in the capital."
    data = f"<html><body>{'<div>' * depth}<p>{words}</p>{'</div>' * depth}</body></html>".encode()
    c.write(i, "html-deep-nesting", ".html", data, [Outcome(0, 1), Outcome(1, 0)], "ingest", _raw(".html", "any"))


_CHROME = ("Home", "News | World | Sports | Weather", "Sign in", "Subscribe to our newsletter", "Cookie policy",
           "Accept all cookies", "Share on Facebook", "Tweet", "Related articles", "Most read", "Back to top",
           "Advertisement", "© 2019 News Example. All rights reserved.")


def chrome_only(c: Corpus, i: int) -> None:
    """Menus, buttons and footers only. Telling chrome from a story is the readers' judgement, measured by
    `eventwire eval ingest`: here either outcome will do, but never both, nor nothing."""
    lines = [c.rng.choice(_CHROME) for _ in range(c.rng.randint(5, 40))] + [f"Page {i}"]
    either = [Outcome(0, 1), Outcome(1, 0)]
    if c.rng.random() < 0.5:
        data = ("<html><body>" + "".join(f"<div class='menu'><a href='/'>{line}</a></div>" for line in lines)
                + "</body></html>").encode()
        c.write(i, "html-chrome-only", ".html", data, either, "ingest", _raw(".html", "any"))
    else:
        c.write(i, "txt-chrome-only", ".txt", "\n".join(lines).encode(), either, "ingest", _raw(".txt", "any"))


def odd_text_shapes(c: Corpus, i: int) -> None:
    """One endless word; thousands of one-letter lines; a sitemap-like XML file that is no feed."""
    shape = c.rng.randrange(3)
    if shape == 0:
        c.write(i, "one-long-word", ".txt", b"x" * 300_000, ONE_FAILURE, "ingest", _raw(".txt"))
    elif shape == 1:  # one-letter "paragraphs": the scraped-text reader may keep them (judgement, as above)
        data = "\n".join(c.rng.choice("abcdefghij") for _ in range(5_000)).encode()
        c.write(i, "tiny-lines", ".txt", data, [Outcome(0, 1), Outcome(1, 0)], "ingest", _raw(".txt", "any"))
    else:
        urls = "".join(f"<url><loc>https://news.example/{n}</loc></url>" for n in range(200))
        data = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/">{urls}</urlset>'.encode()
        c.write(i, "sitemap-xml", ".xml", data, ONE_FAILURE, "ingest", _raw(".xml"))


def paragraph_flood(c: Corpus, i: int) -> None:
    """50,000 one-letter paragraphs (100 KB): read as an article of 150,000 characters, it takes a minute and
    about 1 GB to code (spaCy checks the whole parse for each paragraph break it marks). Full size only."""
    data = "\n".join(c.rng.choice("abcdefghij") for _ in range(50_000)).encode()
    c.write(i, "paragraph-flood", ".txt", data, [Outcome(0, 1), Outcome(1, 0)], "ingest", _raw(".txt", "any"))


def many_nuls(c: Corpus, i: int) -> None:
    text = c.pool.text()
    data = bytearray(f"{text.title}\n\n{text.body}\n".encode())
    for _ in range(len(data) // 20):
        data.insert(c.rng.randrange(len(data)), c.rng.choice((0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0x1b, 0x7f)))
    c.write(i, "many-nuls", ".txt", bytes(data), ONE_FAILURE, "ingest", _raw(".txt"))


def feed_broken(c: Corpus, i: int) -> None:
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Broken' + c.rng.randbytes(300)
    c.write(i, "rss-broken", ".rss", data, ONE_FAILURE, "ingest", _raw(".rss", "any"))


def feed_without_items(c: Corpus, i: int) -> None:
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing here</title></channel></rss>'
    c.write(i, "rss-no-items", c.rng.choice((".rss", ".xml")), data, ONE_FAILURE, "ingest", _raw(".rss", "any"))


def feed_items_without_text(c: Corpus, i: int) -> None:
    items = c.rng.randint(1, 3)
    data = ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            + "".join(f"<item><title>Headline {n}</title></item>" for n in range(items)) + "</channel></rss>")
    c.write(i, "rss-items-without-text", ".rss", data.encode(), [Outcome(0, items)], "ingest", _raw(".rss", "any"))


def feed_billion_laughs(c: Corpus, i: int) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10))
    data = (f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>t</title>'
            f"<item><title>Laughs {i}</title><description>&lol9; {i}</description></item></channel></rss>")
    # The entity is never expanded (expat refuses it; feedparser's loose parser keeps the text "&lol9;"), and
    # a feed item's text has no minimum length: one failure or a two-word article.
    c.write(i, "rss-billion-laughs", ".rss", data.encode(), [Outcome(0, 1), Outcome(1, 0)], "ingest",
            _raw(".rss", "any"))


def feed_external_entity(c: Corpus, i: int) -> None:
    """An XML external entity naming /etc/passwd beside a full-text item: the item may be read, the file never."""
    [text] = [c.pool.text(min_words=160)]
    feed = rss_of([text]).decode()
    feed = feed.replace('<?xml version="1.0" encoding="utf-8"?>',
                        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM '
                        '"file:///etc/passwd">]>').replace("</description>", " &xxe;</description>", 1)
    c.write(i, "rss-external-entity", ".rss", feed.encode(), [Outcome(1, 0), Outcome(0, 1)], "ingest",
            _raw(".rss", "any"))


FOREIGN = {
    "ar": "قال وزير الخارجية يوم الثلاثاء إن الحكومة ستعقد محادثات مع قادة المعارضة الأسبوع المقبل في العاصمة. "
          "وأضاف أن الاتفاق الجديد سيساعد على إنهاء الأزمة السياسية التي بدأت بعد الانتخابات. وخرج آلاف المتظاهرين "
          "إلى الشوارع للمطالبة بإجراء تحقيق مستقل في أعمال العنف التي شهدتها المدينة.",
    "ru": "Министр иностранных дел заявил во вторник, что правительство проведёт переговоры с лидерами оппозиции на "
          "следующей неделе в столице. Он добавил, что новое соглашение поможет положить конец политическому кризису, "
          "который начался после выборов. Тысячи протестующих вышли на улицы, требуя независимого расследования.",
    "zh": "外交部发言人周二表示，政府将于下周在首都与反对派领导人举行会谈。"
          "他说，新协议将有助于结束选举后开始的政治危机。数千名抗议者走上街头，要求对暴力事件进行独立调查。警方说，有十二人在冲突中受伤，其中包括三名警察。",
    "es": "El ministro de Asuntos Exteriores dijo el martes que el gobierno celebrará conversaciones con los líderes "
          "de la oposición la próxima semana en la capital. Añadió que el nuevo acuerdo ayudará a poner fin a la "
          "crisis política que comenzó tras las elecciones.",
}


def foreign_text(c: Corpus, i: int) -> None:
    """News in Arabic, Russian, Chinese or Spanish, or a real page in another language: skipped and recorded
    (stage language) by the CLI, coded by the API (which codes what it is sent)."""
    page = c.pool.page(english=False) if c.rng.random() < 0.3 else None
    if page is not None:
        c.write(i, "foreign-page", ".html.gz", page.path.read_bytes(), ONE_FAILURE, "language",
                _raw(".html", "any"))
        return
    language = c.rng.choice(sorted(FOREIGN))
    body = "\n\n".join([FOREIGN[language]] * 3) + f"\n\n{i}"
    suffix = c.rng.choice((".txt", ".html", ".jsonl"))
    if suffix == ".jsonl":
        data = json.dumps({"text": body, "url": f"https://news.example/{language}/{i}"}).encode() + b"\n"
        api: list[tuple[bytes | None, str, Expect]] = [(data.strip(), "application/json", "any")]
    elif suffix == ".html":
        data = f"<html><body><article><h1>{language}</h1>" + "".join(
            f"<p>{p}</p>" for p in body.split("\n\n")) + "</article></body></html>"
        data, api = data.encode(), _raw(suffix, "any")
    else:
        data, api = body.encode(), _raw(suffix, "any")
    # Chinese has no spaces between words: too few "words" to be sure of its language, it is coded as English.
    outcomes = [Outcome(0, 1), Outcome(1, 0)] if language == "zh" else ONE_FAILURE
    c.write(i, f"foreign-{language}", suffix, data, outcomes, "language", api)
