"""Packaged TSV data: comment lines start with '#', then a header row, then rows."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

from eventwire.errors import DataFileError


def read_tsv(package: str, name: str) -> list[dict[str, str]]:
    """Rows of a packaged TSV file as dicts keyed by its header; malformed rows are an error."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    return parse_tsv(text, f"{package}/data/{name}")


def parse_tsv(text: str, label: str) -> list[dict[str, str]]:
    return [row for _, row in parse_numbered_tsv(text, label)]


def parse_numbered_tsv(text: str, label: str) -> list[tuple[int, dict[str, str]]]:
    """Rows with their line numbers in the file, for errors that name the line."""
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.rstrip("\n").split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))
        if len(cells) > len(header):
            raise DataFileError(f"{label}:{lineno}: {len(cells)} fields, header has {len(header)}")
        rows.append((lineno, dict(zip(header, cells, strict=True))))
    if header is None:
        raise DataFileError(f"{label}: no header row")
    return rows


@cache
def word_lists(package: str) -> dict[str, frozenset[str]]:
    """The closed word lists of a package's data/words.tsv (columns list, word, note), by list name;
    read once per process."""
    lists: dict[str, set[str]] = {}
    for row in read_tsv(package, "words.tsv"):
        if not row["list"] or not row["word"]:
            raise DataFileError(f"{package}/data/words.tsv: a row without list or word: {row}")
        lists.setdefault(row["list"], set()).add(row["word"])
    return {name: frozenset(words) for name, words in lists.items()}


def word_list(package: str, name: str) -> frozenset[str]:
    """One list of a package's data/words.tsv; a list the file lacks is an error."""
    lists = word_lists(package)
    if name not in lists:
        raise DataFileError(f"{package}/data/words.tsv: no list {name!r}")
    return lists[name]


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


_NOT_KEY = re.compile(r"[^0-9a-z]+")


def name_key(name: str) -> str:
    """Spelling-insensitive key of a Latin-script name: "Deir ez-Zor", "Deir Ezzor" -> "deirezzor";
    accents are dropped ("Ţarţūs" -> "tartus")."""
    ascii_form = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NOT_KEY.sub("", ascii_form.lower())
