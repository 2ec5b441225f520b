"""`python -m eventwire.docsgen OUT_DIR [--examples DIR ...] [--floors FILE] [--bench DIR] [--results DIR]`:
writes the generated pages of the documentation site into OUT_DIR (docs/reference when `make docs` runs it).
Exit status 3 when a field, column, role, command or option has no meaning or help written for it: the site would
be incomplete."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventwire.actors.kb import load_actor_kb
from eventwire.docsgen.accuracy import accuracy_page
from eventwire.docsgen.cli_reference import cli_page, undocumented
from eventwire.docsgen.codebook import actors_page, cameo_page, people_page, role_blocks
from eventwire.docsgen.examples import code_samples
from eventwire.docsgen.fields import fields_page, missing_meanings
from eventwire.docsgen.http_reference import http_page, openapi_spec
from eventwire.docsgen.layout import layout_page
from eventwire.docsgen.meanings import meaning
from eventwire.evaluation.results import RESULTS_DIR
from eventwire.events.codes import load_code_table

EXIT_INCOMPLETE = 3


def gaps() -> list[str]:
    """Everything the generated pages would show without a meaning or help text."""
    roles = [f"role {block}" for block in (*role_blocks(), "ELI") if not meaning("role", block)]
    return [*missing_meanings(), *roles, *undocumented()]


def write_pages(out: Path, examples: list[Path], floors: Path, bench: Path, results: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    kb = load_actor_kb()
    pages = {
        "cameo.md": cameo_page(load_code_table(), code_samples([p for d in examples for p in sorted(d.glob("*.txt"))])),
        "actors.md": actors_page(kb),
        "people.md": people_page(kb),
        "fields.md": fields_page(),
        "cli.md": cli_page(),
        "http-api.md": http_page(openapi_spec()),
        "accuracy.md": accuracy_page(floors, bench, results),
        "layout.md": layout_page(),
    }
    written = []
    for name, text in pages.items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventwire.docsgen", description=__doc__)
    parser.add_argument("out", type=Path, help="folder the generated pages are written to")
    parser.add_argument("--examples", type=Path, action="append",
                        help="a folder of sample articles (*.txt), repeatable (default: examples and docs/samples)")
    parser.add_argument("--floors", type=Path, default=Path("tests/score_floors.json"))
    parser.add_argument("--bench", type=Path, default=Path("bench/results"))
    parser.add_argument("--results", type=Path, default=RESULTS_DIR,
                        help="stored evaluation runs (eventwire eval ... --save)")
    args = parser.parse_args(argv)
    missing = gaps()
    if missing:
        print(f"eventwire.docsgen: undocumented: {', '.join(missing)}", file=sys.stderr)
        return EXIT_INCOMPLETE
    examples = args.examples or [Path("examples"), Path("docs/samples")]
    for path in write_pages(args.out, examples, args.floors, args.bench, args.results):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
