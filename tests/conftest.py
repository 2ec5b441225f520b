"""Shared fixtures: the pipeline is loaded once per test session (spaCy model + data files)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_ca7f5d1c64f82479.txt"
SEED_GOLD = SHARED / "seed" / "000_ca7f5d1c64f82479.gold.json"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def pipeline() -> Any:
    from eventwire.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def nlp(pipeline: Any) -> Any:
    return pipeline.resources.nlp


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
