"""How the names of a table of formats read in help texts and usage errors, so that both follow the table."""

from __future__ import annotations

from collections.abc import Sequence


def listed(names: Sequence[str]) -> str:
    """'jsonl, csv or parquet'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def one_of(names: Sequence[str]) -> str:
    """The choices as a usage error names them: 'json or jsonl', 'one of jsonl, csv, parquet'."""
    return listed(names) if len(names) <= 2 else f"one of {', '.join(names)}"


def unknown(what: str, name: str, names: Sequence[str]) -> str:
    """"unknown format 'xml' (json or jsonl)"."""
    return f"unknown {what} '{name}' ({one_of(names)})"
