"""Real articles for the database tests: Wikinews 2019 (../shared/data/wikinews) written as text files without
their date line, so that a file alone gives no publication date."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from tests.conftest import SHARED

WIKINEWS = SHARED / "data" / "wikinews" / "wikinews_2019.csv"


def write_undated(folder: Path, first: int, count: int) -> list[Path]:
    """Articles first .. first + count - 1 of the file as title + text files in `folder`; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    with WIKINEWS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[first:first + count]
    paths = []
    for n, row in enumerate(rows, start=first):
        lines = row["text"].strip().split("\n")
        if re.search(r"\b\d{4}\s*$", lines[0]):  # "Friday, January 4, 2019": the date line goes
            lines = lines[1:]
        path = folder / f"{n:03d}.txt"
        path.write_text(row["title"] + "\n\n" + "\n".join(lines).strip() + "\n", encoding="utf-8")
        paths.append(path)
    return paths
