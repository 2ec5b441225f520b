"""The contributor guide's layout page: every module of the package, one line each, from its own docstring
(read with ast, so nothing is imported), so the layout cannot drift from the code."""

from __future__ import annotations

import ast
from pathlib import Path

from eventwire.docsgen.markdown import GENERATED_NOTE, table

PACKAGE = Path(__file__).resolve().parent.parent


def first_sentence(docstring: str, limit: int = 300) -> str:
    """Up to the first full stop followed by a space (or the end), at most `limit` characters."""
    text = " ".join(docstring.split())
    end = text.find(". ")
    sentence = text if end < 0 else text[: end + 1]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def modules(package: Path = PACKAGE) -> list[tuple[str, str]]:
    """(module path relative to src/, first sentence of its docstring; empty when it has none)."""
    rows = []
    for path in sorted(package.rglob("*.py")):
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        rows.append((path.relative_to(package.parent).as_posix(), first_sentence(doc)))
    return rows


def layout_page() -> str:
    return ("# Layout of the code\n\n" + GENERATED_NOTE.format(source="each module's docstring")
            + "One line per module, the first sentence of its docstring. Tests mirror this layout under "
            "`tests/`; data files live in each package's `data/` folder.\n\n"
            + table(("module", "what it does"), [(f"`{name}`", doc) for name, doc in modules()]))
