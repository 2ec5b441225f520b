"""A fuzz corpus: N mixed valid and hostile inputs written to a folder, with a manifest saying what each holds.

    ROOT/inputs/00000-html-real.html.gz ...   the inputs (`eventwire extract ROOT/inputs`, `ingest ROOT/inputs`)
    ROOT/api/00007-0.body ...                 request bodies for the API where an input is not one itself
    ROOT/manifest.json                        per input: family, the articles and failures it must give, the
                                              stage of those failures, and the POSTs to send with what they get

Every kind of input (families.py, hostile.py) is in a corpus of at least as many inputs as there are kinds;
the rest are drawn by weight, about 45% of them holding valid articles. Deterministic for a seed and the data
found in ../shared.

    python -m tests.fuzz.corpus FOLDER [--size N] [--seed S] [--bomb-mib MiB]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from dataclasses import asdict
from pathlib import Path
from typing import Any

from tests.fuzz import families as v
from tests.fuzz import hostile as h
from tests.fuzz.families import Corpus, Input, Maker
from tests.fuzz.texts import SHARED_DATA, TextPool

GIB = 1 << 30
# (maker, weight): valid articles in every format, then hostile inputs; a weight of 0 is only there once.
FAMILIES: tuple[tuple[Maker, int], ...] = (
    (v.html_page, 8), (v.scraped_text, 8), (v.jsonl_records, 6), (v.jsonl_html_column, 2), (v.csv_rows, 4),
    (v.warc_pages, 4), (v.warc_without_target_uri, 2), (v.feed_full_text, 3), (v.feed_with_char_ref, 2),
    (v.wide_encoding, 3), (v.legacy_encoding, 2), (v.stray_nuls, 2), (v.odd_unicode, 2), (v.lone_surrogates, 3),
    (h.random_bytes, 10), (h.empty_file, 4), (h.jsonl_nested, 3), (h.jsonl_not_json, 2), (h.jsonl_mixed, 5),
    (h.jsonl_long_line, 1), (h.jsonl_bad_dump, 1), (h.csv_ragged, 3), (h.csv_header_only, 2),
    (h.csv_without_text, 1), (h.warc_garbage, 2), (h.warc_truncated, 2), (h.warc_chrome_page, 2),
    (h.warc_bomb, 1), (h.gzip_bomb, 2), (h.text_bomb, 1), (h.gzip_truncated, 3), (h.too_long, 1),
    (h.html_script_only, 2), (h.html_deep_nesting, 1), (h.chrome_only, 3), (h.odd_text_shapes, 2),
    (h.many_nuls, 2), (h.feed_broken, 1), (h.feed_without_items, 1), (h.feed_items_without_text, 1),
    (h.feed_billion_laughs, 1), (h.feed_external_entity, 1), (h.foreign_text, 4),
)
# Inputs that take a minute or more each to code, in a full-size corpus only: articles over 1,000,000 characters,
# and a flood of one-letter paragraphs.
SLOW: tuple[Maker, ...] = (v.long_article, v.long_article, h.paragraph_flood)


def generate(root: Path, size: int, seed: int = 19, bomb_bytes: int = GIB, slow: bool = True,
             data: Path | None = SHARED_DATA, max_chars: int | None = None) -> list[Input]:
    """Write a corpus of `size` inputs under `root` (emptied first) and its manifest; the inputs' expectations.
    `slow` adds the SLOW inputs; `max_chars` leaves out real texts longer than that (a quicker corpus)."""
    if root.exists():
        shutil.rmtree(root)
    (root / "inputs").mkdir(parents=True)
    (root / "api").mkdir()
    rng = random.Random(seed)
    corpus = Corpus(root, rng, TextPool(rng, data, max_chars), bomb_bytes)
    makers = [maker for maker, _ in FAMILIES]
    if slow:
        makers += SLOW
    makers = makers[:size]
    weights = [weight for _, weight in FAMILIES]
    makers += rng.choices([maker for maker, _ in FAMILIES], weights, k=size - len(makers))
    rng.shuffle(makers)
    for index, maker in enumerate(makers):
        maker(corpus, index)
    manifest = {"size": size, "seed": seed, "bomb_bytes": bomb_bytes,
                "texts": {"real": corpus.pool.real_used, "synthetic": corpus.pool.synthetic},
                "inputs": [asdict(found) for found in corpus.inputs]}
    (root / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return corpus.inputs


def load(root: Path) -> tuple[dict[str, Any], list[Input]]:
    """A written corpus's manifest and its inputs."""
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    inputs = [Input(name=item["name"], family=item["family"], stage=item["stage"],
                    outcomes=[v.Outcome(**o) for o in item["outcomes"]],
                    api=[v.ApiCall(**call) for call in item["api"]]) for item in manifest["inputs"]]
    return manifest, inputs


def summary(inputs: list[Input]) -> dict[str, int]:
    """How many inputs of each kind, and the articles the valid ones hold."""
    kinds = {"valid": 0, "hostile": 0, "mixed": 0}
    for found in inputs:
        kinds[found.kind] += 1
    return {"inputs": len(inputs), **{f"{k}_inputs": n for k, n in kinds.items()},
            "valid_articles": sum(found.outcomes[0].articles for found in inputs),
            "families": len({found.family for found in inputs}),
            "api_requests": sum(len(found.api) for found in inputs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--bomb-mib", type=int, default=1024, help="what a gzip bomb unpacks to")
    args = parser.parse_args()
    inputs = generate(args.folder, args.size, args.seed, args.bomb_mib << 20)
    print(json.dumps(summary(inputs)))


if __name__ == "__main__":
    main()
