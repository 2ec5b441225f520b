"""Fixtures the event tests share."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import every_event


@pytest.fixture(scope="module")
def coder(pipeline: Any) -> Any:
    """Every event the coder reads (no relevance stage), so that no test passes by a low confidence."""
    return every_event(pipeline)
