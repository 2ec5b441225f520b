"""What each output field, table column and actor role block means, for the generated reference pages.

The meanings are written by hand in data/meanings.tsv (scope, name, meaning); the names they describe come
from the code (model.py's records, the store's schema, the role nouns), so a field, column or role added
without a meaning is listed by `missing_meanings` and fails `make docs` and the docs tests."""

from __future__ import annotations

from functools import cache

from eventwire.datafiles import read_tsv

_PKG = "eventwire.docsgen"


@cache
def meanings() -> dict[tuple[str, str], str]:
    """(scope, name) -> meaning. Scopes: a record class (`Event`), `table:NAME`, `role`, `sector`."""
    return {(row["scope"], row["name"]): row["meaning"] for row in read_tsv(_PKG, "meanings.tsv")}


def meaning(scope: str, name: str) -> str:
    """The meaning of `name` in `scope`; a `table:*` row covers a column every table shares (`article_id`)."""
    table_wide = meanings().get(("table:*", name), "") if scope.startswith("table:") else ""
    return meanings().get((scope, name), table_wide)
