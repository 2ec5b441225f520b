"""The whole-article event-record gold: loading and checking it.

`data/records_gold.jsonl` holds one line per annotated article (its first line says what the file is),
coded blind under docs/coding-rules.md: every event an analyst codes, with source and target (text,
code, country), CAMEO code, date and precision, place, flags, whether it is required or optional, the
evidence sentence and the other sentences that report the same act. Articles are split into a
development and a held-out half by a hash of their URL.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import EventwireError

GOLD_NAME = "records_gold.jsonl"
# 51 more Wikinews articles of 2019, coded blind under the same rules after the coder's tuning on the main
# gold: scored whole, never split, fitted or read event by event (no --details, no --fit).
FRESH_GOLD_NAME = "records_gold_fresh.jsonl"
# Web news pages of ../shared/data/article-extraction (many sites, politics mixed with tech, sport, business
# and lifestyle, as a crawl has them), coded blind under the same rules; split into halves like the main gold.
WEB_GOLD_NAME = "records_gold_web.jsonl"
# Local US news of LGL (../shared/data/geoparsing/lgl.xml, March 2009): police, courts, councils and crime as a
# local paper has them, coded blind under the same rules; split into halves like the main gold.
LOCAL_GOLD_NAME = "records_gold_local.jsonl"
SPLITS = ("development", "held_out")


class BadGold(EventwireError):
    """The gold file is not what the scorer needs (a field missing, a sentence not in its article)."""


@dataclass(frozen=True)
class GoldActor:
    text: str
    code: str
    country: str | None


@dataclass(frozen=True)
class GoldEvent:
    sentences: tuple[str, ...]  # the evidence sentence first, then the others reporting the same act
    trigger: str
    source: GoldActor
    target: GoldActor | None
    cameo: str
    date: str | None
    date_precision: str | None
    place_country: str | None
    place_name: str | None
    negated: bool
    hypothetical: bool
    required: bool

    @property
    def root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True)
class GoldArticle:
    url: str
    published: str
    political: bool
    events: tuple[GoldEvent, ...]

    @property
    def split(self) -> str:
        return split_of(self.url)


def split_of(url: str) -> str:
    """Half of the gold an article belongs to, fixed by its URL so that the halves never drift."""
    return SPLITS[int(hashlib.sha1(url.encode("utf-8")).hexdigest(), 16) % 2]


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _actor(value: Any, where: str) -> GoldActor | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not {"text", "code", "country"} <= set(value):
        raise BadGold(f"{where}: an actor needs text, code and country")
    return GoldActor(str(value["text"]), str(value["code"] or ""), value["country"] or None)


def _event(raw: dict[str, Any], where: str) -> GoldEvent:
    try:
        source = _actor(raw["source"], where)
        if source is None:
            raise BadGold(f"{where}: the source may not be null")
        place = raw.get("place") or {}
        return GoldEvent(
            sentences=(raw["sentence"], *raw.get("also", [])), trigger=raw["trigger"], source=source,
            target=_actor(raw["target"], where), cameo=str(raw["cameo"]), date=raw.get("date"),
            date_precision=raw.get("date_precision"), place_country=place.get("country") or None,
            place_name=place.get("name"), negated=bool(raw["negated"]), hypothetical=bool(raw["hypothetical"]),
            required=bool(raw["required"]))
    except KeyError as exc:
        raise BadGold(f"{where}: missing field {exc.args[0]}") from None


def parse_gold(lines: list[str]) -> list[GoldArticle]:
    """Gold articles from the file's lines (the first, `about`, line skipped)."""
    articles = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        raw = json.loads(line)
        if "about" in raw:
            continue
        where = f"{GOLD_NAME}:{number}"
        events = tuple(_event(e, f"{where} event {k}") for k, e in enumerate(raw["events"]))
        articles.append(GoldArticle(raw["url"], raw["published"], bool(raw["political"]), events))
    return articles


def check_sentences(articles: list[GoldArticle], texts: dict[str, str]) -> None:
    """Raise BadGold unless every gold sentence is in its article's text (URL -> text) as eventwire reads it."""
    for article in articles:
        text = normalise(texts.get(article.url, ""))
        if not text:
            raise BadGold(f"{article.url}: no such article in the corpus")
        for event in article.events:
            missing = [s for s in event.sentences if normalise(s) not in text]
            if missing:
                raise BadGold(f"{article.url}: gold sentence not in the article: {missing[0][:70]!r}")


def gold_name(*, fresh: bool = False, web: bool = False, local: bool = False) -> str:
    """File name of the packaged gold set chosen by the options."""
    return FRESH_GOLD_NAME if fresh else WEB_GOLD_NAME if web else LOCAL_GOLD_NAME if local else GOLD_NAME


def load_gold(path: Path | None = None, *, fresh: bool = False, web: bool = False,
              local: bool = False) -> list[GoldArticle]:
    """The packaged gold (the fresh set with `fresh`, the web pages with `web`, local news with `local`), or the
    file at `path`."""
    if path is None:
        name = gold_name(fresh=fresh, web=web, local=local)
        text = resources.files("eventwire.evaluation").joinpath("data", name).read_text(encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return parse_gold(text.splitlines())
