"""Shared fixtures: the pipeline is loaded once per test session (spaCy model + data files).

Test modules import these helpers as `from tests.conftest import ...` (tests/ and its subfolders are packages,
laid out like src/eventwire/)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_ca7f5d1c64f82479.txt"
SEED_GOLD = SHARED / "seed" / "000_ca7f5d1c64f82479.gold.json"
EXAMPLES = ROOT / "examples"
SCORE_FLOORS = TESTS / "score_floors.json"  # lowest accepted scores of the gold suites and the examples
# Tests never load the user's own actor and lexicon files (userfiles.py): their user folder is an empty one.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="eventwire-test-config-")
EVENTWIRE = shutil.which("eventwire") or str(Path(sys.executable).parent / "eventwire")  # the console script


@pytest.fixture(scope="session")
def pipeline() -> Any:
    from eventwire.pipeline import Pipeline

    return Pipeline.load()


def every_event(pipeline: Any) -> Any:
    """The same pipeline without the relevance stage: every event the coder reads, with the coder's own
    confidence, for tests of the coder's reading of a sentence apart from the decision to emit it."""
    return pipeline.without("relevance")


def run_text(pipeline: Any, text: str, published: str | None = "2023-05-10") -> Any:
    """The pipeline's result for one short text written for a test, as an article dated `published`."""
    from eventwire.ingest.sources import article_id
    from eventwire.model import Article

    return pipeline.run(Article(id=article_id(text), text=text, published=published))


def coded_dyads(pipeline: Any, text: str) -> list[tuple[str, str, str | None]]:
    """(CAMEO, source code, target code) of every event `pipeline` gives for one short text."""
    return [(e.cameo, e.source.code, e.target.code if e.target else None) for e in run_text(pipeline, text).events]


@pytest.fixture(scope="session")
def nlp(pipeline: Any) -> Any:
    return pipeline.resources.nlp


def write_warc_record(writer: Any, record: Any) -> None:
    """Write a warcio record, then close its payload stream: warcio buffers a record of unknown length in a
    temporary file it never closes (a ResourceWarning, an error under the warning filters)."""
    writer.write_record(record)
    record.raw_stream.close()


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: Path, log_path: Path, *options: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """`eventwire serve --db DB [OPTIONS]` on a free 127.0.0.1 port (in `env` added to this one), yielding its
    base URL once /stats answers; stopped after. Its log goes to a file: a pipe nobody reads could fill and
    stall the server."""
    port = free_port()
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen([EVENTWIRE, "serve", "--db", str(db), "--port", str(port), *options],
                                stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/stats", timeout=30):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log_text = log_path.read_text(encoding="utf-8")
                    raise RuntimeError(f"eventwire serve did not start: {log_text}") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)
