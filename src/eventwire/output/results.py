"""The formats `extract` writes coded articles in, as a table: one writer per --format name, from one coded
article to a text stream (the output contract of DESIGN.md). A new format is one writer and one row."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO

from eventwire.choices import OutputFormat, described, names
from eventwire.model import ExtractResult

ResultWriter = Callable[[ExtractResult, IO[str], bool], None]  # (result, stream, pretty: the only result)


def _json(result: ExtractResult, out: IO[str], pretty: bool) -> None:
    out.write(json.dumps(result.to_contract(), ensure_ascii=False, indent=2 if pretty else None) + "\n")


def _jsonl(result: ExtractResult, out: IO[str], pretty: bool) -> None:
    for event in result.to_contract()["events"]:  # type: ignore[attr-defined]
        out.write(json.dumps({"article_id": result.article.id, **event}, ensure_ascii=False) + "\n")


RESULT_FORMATS: tuple[OutputFormat[ResultWriter], ...] = (
    OutputFormat("json", _json, "one object per article"),
    OutputFormat("jsonl", _jsonl, "one event per line"),
)
FORMATS = names(RESULT_FORMATS)
FORMAT_HELP = described(RESULT_FORMATS)
