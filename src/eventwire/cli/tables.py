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
_WIDE = {"evidence": 100, "source_url": 40, "place_name": 20, "source_name": 24, "target_name": 24}
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
    console = Console(highlight=False)
    cells = [[cell(row[c]) for c in columns] for row in rows]
    widths = _widths(columns, cells, console.width)
    table = Table(title=f"{len(rows)} {what}", title_justify="left")
    for name, width in zip(columns, widths, strict=True):
        table.add_column(name, no_wrap=True, overflow="ellipsis", min_width=width, max_width=width)
    for line in cells:
        table.add_row(*[Text(_cut(text, width)) for text, width in zip(line, widths, strict=True)])  # not markup
    console.print(table)


def _widths(columns: tuple[str, ...], cells: list[list[str]], screen: int) -> list[int]:
    """Each column as wide as its header and longest cell, up to its cap; the evidence (or, without it, the
    last column) takes what the screen has left, so that a row is one line."""
    widths = [min(max(len(name), *(len(line[i]) for line in cells)), _WIDE.get(name, _CELL))
              for i, name in enumerate(columns)]
    flexible = columns.index("evidence") if "evidence" in columns else len(columns) - 1
    borders = 3 * len(columns) + 1
    left = screen - borders - sum(w for i, w in enumerate(widths) if i != flexible)
    widths[flexible] = max(len(columns[flexible]), min(widths[flexible], left))
    return widths


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def cell(value: Any) -> str:
    """One line of text: a list shows its first item and how many more; floats two decimals."""
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else f"{value[0]} (+{len(value) - 1})" if value else ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return "" if value is None else " ".join(str(value).split())
