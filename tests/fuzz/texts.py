"""Article texts for the fuzz corpus: real news read at run time from ../shared/data (never copied into the
repository), each handed out once, then short synthetic English articles, each unique, when the real ones run
out or ../shared is absent.

A text is handed out once so that no two inputs of a corpus hold the same article: `ingest` stores an article
once (by the hash of its text) and a second copy would look like a lost article.
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = ROOT.parent / "shared" / "data"  # ../shared beside the checkout
MIN_WORDS = 60  # a real text shorter than this may be judged page chrome or too short to tell its language


@dataclass(frozen=True)
class Text:
    title: str
    body: str  # paragraphs separated by blank lines
    url: str | None
    published: str | None  # YYYY-MM-DD


@dataclass(frozen=True)
class Page:
    """A real saved HTML page (gzipped, as crawled) and the language eventwire reads it in."""
    path: Path
    language: str
    chars: int  # of the article text eventwire reads from it


class TextPool:
    """Texts handed out once each: real ones (shuffled by the seed) first, then synthetic ones."""

    def __init__(self, rng: random.Random, data: Path | None = SHARED_DATA, max_chars: int | None = None) -> None:
        self.rng = rng
        self.max_chars = max_chars
        self.real = _real_texts(data, max_chars) if data is not None and data.is_dir() else []
        rng.shuffle(self.real)
        self.pages = _real_pages(data) if data is not None and data.is_dir() else []
        rng.shuffle(self.pages)
        self.synthetic = 0
        self.real_used = 0

    def text(self, min_words: int = 0) -> Text:
        """A text not handed out before, with at least `min_words` words."""
        for i, text in enumerate(self.real):
            if len(text.body.split()) >= min_words:
                self.real_used += 1
                return self.real.pop(i)
        self.synthetic += 1
        return synthetic_text(self.rng, self.synthetic, min_words)

    def page(self, english: bool) -> Page | None:
        """A real HTML page not handed out before, in English or not; None when none is left."""
        for i, page in enumerate(self.pages):
            if (page.language == "en") == english and (self.max_chars is None or page.chars <= self.max_chars):
                return self.pages.pop(i)
        return None


def _real_texts(data: Path, max_chars: int | None) -> list[Text]:
    texts: list[Text] = []
    wikinews = data / "wikinews" / "wikinews_2019.csv"
    if wikinews.is_file():
        with wikinews.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                texts.append(Text(row["title"], row["text"].strip(), row["url"] or None, row["date"] or None))
    for name in ("lgl.xml", "GeoVirus.xml"):
        path = data / "geoparsing" / name
        if not path.is_file():
            continue
        for node in ET.parse(path).getroot().iter("article"):
            body = (node.findtext("text") or "").strip()
            url = node.findtext("url") or node.findtext("source") or None
            title = node.findtext("title") or body.split(". ")[0][:120]
            texts.append(Text(title, body, url, (node.findtext("dltime") or "")[:10] or None))
    seen_bodies: set[str] = set()
    seen_urls: set[str] = set()
    kept = []
    for text in texts:
        key = " ".join(text.body.split())
        if len(text.body.split()) < MIN_WORDS or key in seen_bodies or (text.url and text.url in seen_urls):
            continue
        if max_chars is not None and len(text.body) > max_chars:
            continue
        if not _english(text.body):
            continue
        seen_bodies.add(key)
        if text.url:
            seen_urls.add(text.url)
        kept.append(text)
    return kept


def _english(text: str) -> bool:
    from eventwire.ingest.language import detect_language

    guess = detect_language(text)
    return guess.confident and guess.language == "en"


def _real_pages(data: Path) -> list[Page]:
    """The article-extraction pages eventwire reads as an article on their own, with their language: a page it
    cannot read alone (none today) is no test of reading it among hostile inputs."""
    from eventwire.errors import UnreadableInput
    from eventwire.ingest.sources import article_from_bytes

    folder = data / "article-extraction" / "html"
    truth_file = data / "article-extraction" / "ground-truth.json"
    if not folder.is_dir() or not truth_file.is_file():
        return []
    pages = []
    for path in sorted(folder.glob("*.html.gz")):
        try:
            article = article_from_bytes(str(path), path.read_bytes())
        except UnreadableInput:
            continue
        pages.append(Page(path, article.language, len(article.text)))
    return pages


def page_html(page: Page) -> bytes:
    return gzip.decompress(page.path.read_bytes())


# Synthetic articles: English wire copy from templates, unique by a serial number and random details.
_CITIES = ("Nairobi", "Lima", "Manila", "Kyiv", "Ankara", "Bogota", "Dhaka", "Accra", "Tbilisi", "Hanoi",
           "Amman", "Quito", "Riga", "Dakar", "Lusaka", "Yerevan")
_COUNTRIES = ("Kenya", "Peru", "the Philippines", "Ukraine", "Turkey", "Colombia", "Bangladesh", "Ghana",
              "Georgia", "Vietnam", "Jordan", "Ecuador", "Latvia", "Senegal", "Zambia", "Armenia")
_OFFICIALS = ("the interior minister", "the prime minister", "a government spokesman", "the foreign minister",
              "the police chief", "the defence ministry")
_ACTS = ("met opposition leaders to discuss the disputed election", "condemned an attack on a police station",
         "announced new sanctions against the neighbouring government", "signed a trade agreement with the EU",
         "accused rebels of shelling a border village", "called for talks with striking teachers",
         "rejected demands for an inquiry into the shooting", "promised aid to families displaced by floods")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def synthetic_text(rng: random.Random, serial: int, min_words: int = 0) -> Text:
    """A short English news article, unique by `serial`, at least `min_words` words long."""
    i = rng.randrange(len(_CITIES))
    city, country = _CITIES[i], _COUNTRIES[i]
    month, day = rng.choice(_MONTHS), rng.randint(1, 28)
    paragraphs = [f"{city.upper()}, {month} {day} - The government of {country} said on Tuesday that "
                  f"{rng.choice(_OFFICIALS)} had {rng.choice(_ACTS)}, in a statement read on state television."]
    while sum(len(p.split()) for p in paragraphs) < max(120, min_words):
        paragraphs.append(
            f"{rng.choice(_OFFICIALS).capitalize()} {rng.choice(_ACTS)} on {rng.choice(_MONTHS)} "
            f"{rng.randint(1, 28)}, officials in {city} told reporters, adding that {rng.randint(2, 900)} people "
            f"had been questioned. Case number {serial}-{len(paragraphs)} remains under review by the courts, "
            f"and protesters said they would return to the streets of {city} next week.")
    return Text(f"{country}: statement number {serial}", "\n\n".join(paragraphs),
                f"https://news.example/fuzz/{serial}", f"2019-{_MONTHS.index(month) + 1:02d}-{day:02d}")


def html_of(text: Text, charset: str = "utf-8") -> str:
    """A plain news page holding the text: headline, paragraphs, a little chrome around them."""
    paragraphs = "".join(f"<p>{_escape(p)}</p>\n" for p in text.body.split("\n\n") if p.strip())
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{_escape(text.title)} | News</title>'
            f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
            f"<h1>{_escape(text.title)}</h1>\n{paragraphs}</article><footer>Copyright News Example</footer>"
            "</body></html>")


def record_of(text: Text, names: tuple[str, str, str, str] = ("title", "text", "url", "published")) -> dict[str, str]:
    """The text as a JSONL/CSV record under the given column names (title, text, url, published)."""
    return {k: v for k, v in zip(names, (text.title, text.body, text.url, text.published), strict=True) if v}


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def as_json(record: dict[str, str]) -> str:
    return json.dumps(record)
