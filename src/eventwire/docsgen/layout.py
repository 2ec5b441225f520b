"""The contributor guide's layout page: every module of the package, one line each, from its own docstring
(read with ast, so nothing is imported), so the layout cannot drift from the code."""

from __future__ import annotations

import ast
from pathlib import Path

from eventwire.docsgen.markdown import GENERATED_NOTE, table

PACKAGE = Path(__file__).resolve().parent.parent


def first_sentence(docstring: str) -> str:
    text = " ".join(docstring.split())
    for end in (". ", ": "):
        if end in text[:300]:
            return text[: text.index(end) + 1].rstrip(":") if end == ". " else text[: text.index(end)]
    return text[:300]


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
