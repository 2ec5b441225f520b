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


def every_event(pipeline: Any) -> Any:
    """The same pipeline without the relevance stage: every event the coder reads, with the coder's own
    confidence, for tests of the coder's reading of a sentence apart from the decision to emit it."""
    return pipeline.without("relevance")


@pytest.fixture(scope="session")
def nlp(pipeline: Any) -> Any:
    return pipeline.resources.nlp


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
