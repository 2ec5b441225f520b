"""The coder's reading of one sentence, as a table (coder_cases.tsv: sentence, date, CAMEO code, source,
target, flags). Rows marked "fictional" name only invented actors (fictional_actors.tsv, merged over the
KB as a user's actors file would be), so they fail on a grammar change and not on a change of world
knowledge; "world" rows use the packaged KB."""

from __future__ import annotations

import dataclasses
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import pytest

from eventwire.actors import build_actor_matcher, load_actor_kb
from eventwire.datafiles import parse_tsv
from eventwire.ingest.sources import article_id
from eventwire.model import Article, Event
from eventwire.pipeline import Pipeline
from tests.conftest import every_event

HERE = Path(__file__).parent
FICTIONAL_ACTORS = HERE / "fictional_actors.tsv"
CASES = parse_tsv((HERE / "coder_cases.tsv").read_text(encoding="utf-8"), "coder_cases.tsv")
FLAGS = ("negated", "hypothetical")


@pytest.fixture(scope="module")
def coders(pipeline: Any) -> dict[str, Any]:
    """The coder's reading (every event kept) with the packaged KB, and with the fictional actors merged."""
    resources = pipeline.resources
    kb = load_actor_kb((str(FICTIONAL_ACTORS),))
    fictional = dataclasses.replace(
        resources, actor_kb=kb, actor_matcher=build_actor_matcher(kb, resources.nlp),
        settings=dataclasses.replace(resources.settings, actor_files=(str(FICTIONAL_ACTORS),)))
    return {"world": every_event(pipeline), "fictional": every_event(Pipeline(fictional))}


def _code(actor: Any) -> str:
    return actor.code if actor is not None and actor.code else "-"


def _matches(event: Event, case: dict[str, str]) -> bool:
    if not (fnmatchcase(event.cameo, case["cameo"]) and fnmatchcase(_code(event.source), case["source"])
            and fnmatchcase(_code(event.target), case["target"])):
        return False
    if case["flags"] == "":
        return True
    wanted = set() if case["flags"] == "-" else set(case["flags"].split(","))
    return {flag for flag in FLAGS if getattr(event, flag)} == wanted


def test_the_table_is_well_formed() -> None:
    assert len(CASES) >= 40  # 23 from the inline cases of tests/test_stages.py, the rest fictional
    assert {c["actors"] for c in CASES} == {"fictional", "world"}
    assert all(c["date"] and c["sentence"] and c["note"] for c in CASES)
    assert all(f in FLAGS for c in CASES if c["flags"] not in ("", "-") for f in c["flags"].split(","))
    assert len({c["sentence"] for c in CASES}) == len(CASES)


def test_fictional_rows_name_no_actor_the_packaged_kb_knows(coders: dict[str, Any]) -> None:
    """Read with the packaged KB alone, a fictional row's sentence yields none of the invented codes."""
    invented = ("BRV", "OST")
    for case in (c for c in CASES if c["actors"] == "fictional"):
        article = Article(id=article_id(case["sentence"]), text=case["sentence"], published=case["date"])
        codes = {a.code for a in coders["world"].run(article).actors}
        assert not any(code.startswith(invented) for code in codes), (case["sentence"], codes)


@pytest.mark.parametrize("case", CASES, ids=[c["sentence"][:60] for c in CASES])
def test_the_coder_reads_the_sentence(coders: dict[str, Any], case: dict[str, str]) -> None:
    article = Article(id=article_id(case["sentence"]), text=case["sentence"], published=case["date"])
    events = coders[case["actors"]].run(article).events
    assert any(_matches(e, case) for e in events), (
        f"{case['note']}: want {case['cameo']} {case['source']}->{case['target']} [{case['flags']}]; got",
        [(e.cameo, _code(e.source), _code(e.target), e.negated, e.hypothetical) for e in events])
