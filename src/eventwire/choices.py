"""Tables of formats: the row of an output format (`extract --format`, `export --format`), and how the names of
a table read in help texts and usage errors, so that both follow the table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from eventwire.errors import InvalidValue

W = TypeVar("W")


def listed(names: Sequence[str]) -> str:
    """'jsonl, csv or parquet'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def one_of(names: Sequence[str]) -> str:
    """The choices as a usage error names them: 'json or jsonl', 'one of jsonl, csv, parquet'."""
    return listed(names) if len(names) <= 2 else f"one of {', '.join(names)}"


def unknown(what: str, name: str, names: Sequence[str]) -> str:
    """"unknown format 'xml' (json or jsonl)"."""
    return f"unknown {what} '{name}' ({one_of(names)})"


@dataclass(frozen=True)
class OutputFormat(Generic[W]):
    """One row of a table of output formats: its --format name, its writer, and what it writes (for help
    texts that describe each format)."""
    name: str
    write: W
    help: str = ""


def names(table: Sequence[OutputFormat[W]]) -> tuple[str, ...]:
    return tuple(row.name for row in table)


def described(table: Sequence[OutputFormat[W]]) -> str:
    """'json: one object per article; jsonl: one event per line.'"""
    return "; ".join(f"{row.name}: {row.help}" for row in table) + "."


def find(table: Sequence[OutputFormat[W]], name: str, what: str = "format") -> OutputFormat[W]:
    """The row named `name`; an unknown name is an `InvalidValue` naming the choices."""
    for row in table:
        if row.name == name:
            return row
    raise InvalidValue(unknown(what, name, names(table)))
