"""The fuzz suite at CI size (issue 19): a corpus of mixed valid and hostile inputs (tests/fuzz/corpus.py; small
gzip bombs, no 1 GiB ones, no minute-long articles) through `eventwire extract`, `eventwire ingest` with 1 and
2 workers, and a real `eventwire serve --allow-ingest`, each in its own process (tests/fuzz/harness.py).
`make bench` runs the same at full size (bench/fuzz.py: 2,000 inputs, 1 GiB bombs).

EVENTWIRE_FUZZ_SEED picks another corpus (the default is fixed, so a failure here is reproducible)."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

from tests.conftest import EVENTWIRE
from tests.fuzz.corpus import FAMILIES, generate
from tests.fuzz.harness import PEAK_LIMIT_MB, run_suite

pytest.importorskip("fastapi")

CI_SIZE = 100
CI_BOMB_BYTES = 32 * 1024 * 1024  # past the 20 MB page cap and the API's 5 MB body cap, packed in 32 KB
CI_MAX_CHARS = 2500               # real texts up to this long: the corpus codes in about a minute per run
SEED = int(os.environ.get("EVENTWIRE_FUZZ_SEED", "19"))
CLI_RUNS = ("extract", "ingest_1_worker", "ingest_2_workers")


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("fuzz")
    generate(root / "corpus", CI_SIZE, SEED, bomb_bytes=CI_BOMB_BYTES, slow=False, max_chars=CI_MAX_CHARS)
    found = run_suite(root / "corpus", root / "runs", EVENTWIRE, run_timeout=900, request_timeout=300)
    (root / "results.json").write_text(json.dumps(found, indent=1, ensure_ascii=False), encoding="utf-8")
    return found


def _shown(value: Any) -> str:
    return json.dumps(value, indent=1, ensure_ascii=False)[:4000]


def test_the_corpus_holds_every_kind_of_input_valid_and_hostile(results: dict[str, Any]) -> None:
    corpus = results["corpus"]
    assert corpus["inputs"] == CI_SIZE and corpus["families"] >= len(FAMILIES) - 1  # html-real: without ../shared
    assert corpus["valid_inputs"] >= 20 and corpus["hostile_inputs"] >= 20 and corpus["mixed_inputs"] >= 5
    assert {"gzip-bomb", "text-bomb", "warc-bomb", "jsonl-surrogates", "jsonl-nested", "too-long-2m"} <= set(
        corpus["by_family"])


@pytest.mark.parametrize("run", CLI_RUNS)
def test_no_run_crashes_or_loses_a_valid_article(results: dict[str, Any], run: str) -> None:
    found = results[run]
    assert not found["crashed"], found["stderr_tail"]
    assert found["exit_code"] == 1  # the hostile inputs failed, each was told, the rest was done
    assert found["valid_articles_lost"] == 0 and found["articles_found"] >= found["articles_expected"], \
        _shown(found["mismatches"])
    assert found.get("crashed_batches", 0) == 0, found.get("crashed_examples")


@pytest.mark.parametrize("run", CLI_RUNS)
def test_every_input_gives_its_articles_and_each_fault_once_with_its_stage(results: dict[str, Any], run: str) -> None:
    found = results[run]
    assert found["inputs_mismatched"] == 0, _shown(found["mismatches"])
    assert found["failures_with_wrong_stage"] == 0, _shown(found["wrong_stages"])
    assert found["unattributed_output"] == 0, found["unattributed_examples"]
    assert found.get("failures_recorded_twice", 0) == 0 and found.get("failures_without_stage", 0) == 0
    assert not found.get("stray_stderr"), found.get("stray_stderr")


def test_the_api_answers_every_body_200_or_4xx_never_5xx(results: dict[str, Any]) -> None:
    api = results["api"]
    assert api["server_errors"] == 0 and api["connection_errors"] == 0, _shown(api["mismatches"])
    assert api["mismatches_count"] == 0, _shown(api["mismatches"])
    assert api["valid_bodies_answered_200"] == api["valid_bodies"] > 0
    assert not api["traceback_on_stderr"] and api["server_exit_code"] in (0, 130, -2)


def test_no_process_holds_more_than_one_and_a_half_gigabytes(results: dict[str, Any]) -> None:
    peaks = {run: results[run]["peak_rss_mb"]["any_process"] for run in CLI_RUNS}
    peaks["serve"] = results["api"]["peak_rss_mb"]["server"]
    assert max(peaks.values()) < PEAK_LIMIT_MB, peaks
    assert results["ingest_2_workers"]["peak_rss_mb"]["largest_child"] > 0  # the workers were measured


def test_no_output_holds_a_file_an_xml_entity_names(results: dict[str, Any]) -> None:
    assert not any(results[run]["secret_leaked"] for run in (*CLI_RUNS, "api"))


def test_problems_lists_nothing(results: dict[str, Any]) -> None:
    assert results["problems"] == []
