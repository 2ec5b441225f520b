"""Events on a terminal: a table of a few key columns that fits the screen (the others on request with
`--columns`), evidence cut to one short line; JSON lines when the output is piped."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from eventwire.cli.common import usage_error
from eventwire.filters import EVENT_COLUMNS

KEY_COLUMNS = ("date", "source_code", "target_code", "cameo", "plover", "place_name", "place_country",
               "confidence", "evidence")
_WIDE = {"evidence": 60, "source_url": 40, "place_name": 20, "source_name": 24, "target_name": 24}
_CELL = 24  # characters of any other column


def parse_columns(text: str | None) -> tuple[str, ...]:
    """"date,cameo" -> ("date", "cameo"); None -> the key columns; an unknown name is a usage error."""
    if text is None:
        return KEY_COLUMNS
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    unknown = [n for n in names if n not in EVENT_COLUMNS]
    if unknown or not names:
        usage_error("--columns", f"unknown column {', '.join(repr(n) for n in unknown) or '(none given)'}; "
                                 f"columns are {', '.join(EVENT_COLUMNS)}")
    return names


def emit_events(rows: list[dict[str, Any]], columns: tuple[str, ...], what: str = "events") -> None:
    """A table in a terminal, JSON lines of the chosen columns when piped; no rows at all says so on stderr."""
    if not rows:
        typer.echo(f"eventwire: no {what} match these filters", err=True)
        return
    if not sys.stdout.isatty():
        for row in rows:
            sys.stdout.write(json.dumps({c: row[c] for c in columns}, ensure_ascii=False, default=str) + "\n")
        return
    table = Table(title=f"{len(rows)} {what}", title_justify="left")
    for name in columns:  # headers whole; the evidence takes the width left and is cut with an ellipsis
        wide = _WIDE.get(name, _CELL)
        table.add_column(name, no_wrap=True, overflow="ellipsis", min_width=min(len(name), wide), max_width=wide,
                         ratio=1 if name == "evidence" else None)
    for row in rows:
        table.add_row(*[Text(cell(row[c])) for c in columns])  # text, not rich markup
    Console(highlight=False).print(table)


def cell(value: Any) -> str:
    """One line of text: a list shows its first item and how many more; floats two decimals."""
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else f"{value[0]} (+{len(value) - 1})" if value else ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return "" if value is None else " ".join(str(value).split())
