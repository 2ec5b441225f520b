"""`eventwire extract` end to end through the installed console script, as a user runs it (the seed
checked by ../shared/tools/seedcheck.py)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EVENTWIRE, EXAMPLES, SEED, SEED_GOLD, SHARED

SEEDCHECK = SHARED / "tools" / "seedcheck.py"
needs_shared = pytest.mark.skipif(not SEED.exists(), reason="../shared (seed and gold) is not beside the checkout")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def seed_result(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "seed.json"
    proc = run("extract", str(SEED), "--published", "2017-12-11", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    out.write_text(proc.stdout, encoding="utf-8")
    return out


@needs_shared
def test_seed_passes_the_seed_check(seed_result: Path) -> None:
    proc = subprocess.run([sys.executable, str(SEEDCHECK), str(SEED_GOLD), str(seed_result)],
                          capture_output=True, text=True, timeout=60)
    summary = proc.stdout.strip().splitlines()[-1]
    assert proc.returncode == 0, proc.stdout
    assert "required events 6/6" in summary
    assert "forbidden 0" in summary


@needs_shared
def test_seed_output_contract_fields(seed_result: Path) -> None:
    data = json.loads(seed_result.read_text(encoding="utf-8"))
    assert set(data) >= {"article", "events", "actors", "places", "times", "quotes"}
    assert set(data["article"]) >= {"id", "url", "title", "published", "sections", "credit", "text", "language"}
    text = data["article"]["text"]
    for event in data["events"]:
        assert set(event) >= {"id", "date", "date_precision", "source", "target", "cameo", "cameo_root", "plover",
                              "quad_class", "goldstein", "place", "negated", "hypothetical", "confidence",
                              "evidence"}
        ev = event["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["sentence"]
        assert 0.0 <= event["confidence"] <= 1.0
        assert event["cameo"].startswith(event["cameo_root"])
    for key in ("actors", "places", "times", "quotes"):
        for item in data[key]:
            assert text[item["start"]:item["end"]] == item["text"], (key, item)
    for actor in data["actors"]:
        assert set(actor) >= {"text", "name", "code", "country", "kind", "start", "end"}
    for place in data["places"]:
        assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180


@needs_shared
def test_jsonl_prints_one_event_per_line_with_article_id() -> None:
    proc = run("extract", str(SEED), "--published", "2017-12-11", "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert lines and all("article_id" in e and "cameo" in e for e in lines)


@needs_shared
def test_without_published_a_bare_weekday_stays_unresolved() -> None:
    proc = run("extract", str(SEED), "--format", "json")
    data = json.loads(proc.stdout)
    monday = next(t for t in data["times"] if t["text"].lower() == "on monday")
    assert monday["value"] is None and monday["precision"] == "unresolved"
    assert "weekday" in monday["note"]


def test_bad_inputs_fail_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    truncated = tmp_path / "page.html.gz"
    packed = gzip.compress((EXAMPLES / "attack_borno.txt").read_bytes())
    truncated.write_bytes(packed[: len(packed) // 2])
    latin = tmp_path / "latin.txt"  # a legacy encoding is read, not refused
    latin.write_bytes("Protesters rallied in S\u00e3o Paulo against the reform, police said.".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    good = EXAMPLES / "protest_tbilisi.txt"
    proc = run("extract", str(missing), str(empty), str(good), str(binary), str(latin), str(truncated),
               "--format", "jsonl")
    assert proc.returncode == 1  # some inputs failed, the others were coded
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 4, proc.stderr
    for path, reason in ((missing, "no such file"), (empty, "empty"), (binary, "binary"), (truncated, "gzip")):
        line = next(e for e in errors if str(path) in e)
        assert line.startswith(f"eventwire: {path}: ") and reason in line
    events = [json.loads(line) for line in proc.stdout.splitlines()]
    assert events, "the good article in the batch was still coded"


def test_bad_published_date_is_a_usage_error() -> None:
    proc = run("extract", str(EXAMPLES / "protest_tbilisi.txt"), "--published", "11/12/2017")
    assert proc.returncode == 2
    assert "YYYY-MM-DD" in proc.stderr


def test_missing_model_names_the_install_command() -> None:
    proc = run("extract", str(EXAMPLES / "protest_tbilisi.txt"), "--model", "en_core_web_lg")
    if proc.returncode == 0:
        pytest.skip("en_core_web_lg happens to be installed here")
    assert proc.returncode == 3  # cannot run
    assert "spacy download en_core_web_lg" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


@needs_shared
def test_all_events_and_min_confidence_on_extract(seed_result: Path) -> None:
    default = json.loads(seed_result.read_text(encoding="utf-8"))["events"]
    proc = run("extract", str(SEED), "--published", "2017-12-11", "--format", "json", "--all-events")
    everything = json.loads(proc.stdout)["events"]
    assert len(everything) > len(default)
    assert all(e["political"] for e in default)
    assert any(not e["political"] for e in everything)
    strict = json.loads(run("extract", str(SEED), "--published", "2017-12-11", "--format", "json",
                            "--min-confidence", "0.6").stdout)["events"]
    assert all(e["confidence"] >= 0.6 for e in strict) and len(strict) < len(default)
    bad = run("extract", str(SEED), "--min-confidence", "2")
    assert bad.returncode == 2 and "--min-confidence" in bad.stderr


def test_an_article_over_a_million_characters_is_coded_in_chunks_among_the_others(tmp_path: Path) -> None:
    story = (EXAMPLES / "attack_borno.txt").read_text(encoding="utf-8").split("\n\n")
    filler = " ".join(["notwithstanding", "counterbalancing", "institutionalisation", "comprehensiveness"] * 15) + "."
    lead, last = story[3], story[8]  # real paragraphs before and after a million characters of filler
    long_text = "\n\n".join([lead, *[filler] * (1_010_000 // len(filler)), last])
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps({"text": text}) for text in [
        (EXAMPLES / "protest_tbilisi.txt").read_text(encoding="utf-8"), long_text, "word " * 400_001,
        (EXAMPLES / "sanctions_brussels.txt").read_text(encoding="utf-8")]) + "\n", encoding="utf-8")
    proc = run("extract", str(dump), "--format", "json")
    assert proc.returncode == 1, proc.stderr  # the one article over the limit failed; the others are printed
    assert proc.stderr.strip() == (f"eventwire: {dump}:3: parse: ArticleTooLong: article of 2,000,004 characters "
                                   "is longer than the 2,000,000-character limit")
    printed = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [p["article"]["source_path"] for p in printed] == [f"{dump}:1", f"{dump}:2", f"{dump}:4"]
    long = printed[1]
    text = long["article"]["text"]
    assert len(text) > 1_000_000 and all(e["evidence"]["sentence"] == text[e["evidence"]["start"]:e["evidence"]["end"]]
                                         for e in long["events"])
    assert any(e["evidence"]["start"] > 1_000_000 for e in long["events"])  # the last paragraph's events


def test_utf16_text_nul_bytes_and_non_latin_pages_are_read(tmp_path: Path) -> None:
    english = (EXAMPLES / "diplomacy_ankara.txt").read_text(encoding="utf-8")
    (tmp_path / "wide.txt").write_bytes(english.encode("utf-16-le"))
    (tmp_path / "nul.txt").write_bytes((EXAMPLES / "attack_borno.txt").read_bytes().replace(b" ", b" \0", 3))
    (tmp_path / "ru.txt").write_text(
        "Главная » Новости\n\nТысячи человек вышли на акцию протеста у здания парламента в Тбилиси\n\n"
        "Тысячи человек в понедельник вечером вышли на акцию протеста у здания парламента Грузии в Тбилиси, "
        "требуя отозвать законопроект об иностранных агентах.\n", encoding="utf-8")
    (tmp_path / "zh.txt").write_text(
        "首页 » 新闻\n\n数千人在第比利斯议会大楼外抗议\n\n"
        "周一晚上，数千人聚集在第比利斯的格鲁吉亚议会大楼外抗议，要求撤回外国代理人法案。\n", encoding="utf-8")
    names = ["wide.txt", "nul.txt", "ru.txt", "zh.txt"]
    proc = run("extract", *(str(tmp_path / n) for n in names), "--language", "all", "--format", "json")
    assert proc.returncode == 0 and not proc.stderr, proc.stderr
    printed = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [Path(p["article"]["source_path"]).name for p in printed] == names
    assert printed[2]["article"]["text"].startswith("Тысячи человек в понедельник")
    assert printed[3]["article"]["title"] == "数千人在第比利斯议会大楼外抗议"
