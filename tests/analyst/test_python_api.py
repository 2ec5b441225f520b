"""The Python API as a notebook uses it (issue 20): its public names, a cheap import, `extract` returning typed
records, `open_db` reading a real database as DataFrames with codes as text and dates as dates."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import eventwire
from eventwire.model import ActorMention, Event, ExtractResult
from tests.analyst.conftest import run
from tests.conftest import EXAMPLES, ROOT

PUBLIC = ["ActorMention", "Article", "CannotRun", "DatabaseUnavailable", "Event", "EventDatabase", "EventwireError",
          "ExtractResult", "InvalidValue", "PlaceMention", "Quote", "StageFailed", "TimeMention", "UnreadableInput",
          "__version__", "extract", "open_db", "read_csv"]


def test_the_public_names_are_exactly_these_and_all_resolve() -> None:
    assert sorted(eventwire.__all__) == PUBLIC
    assert all(getattr(eventwire, name) is not None for name in PUBLIC)
    with pytest.raises(AttributeError):
        _ = eventwire.no_such_name  # type: ignore[attr-defined]


def test_importing_eventwire_loads_neither_spacy_nor_pandas_nor_duckdb() -> None:
    code = "import sys, eventwire; print(json.dumps([m in sys.modules for m in ('spacy', 'pandas', 'duckdb')]))"
    proc = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True, text=True,
                          timeout=120, check=True)
    assert json.loads(proc.stdout) == [False, False, False]


def test_extract_codes_a_text_into_typed_records(seeded_extract: Any) -> None:
    text = (EXAMPLES / "diplomacy_ankara.txt").read_text(encoding="utf-8")
    result = seeded_extract(text, published="2024-02-08", title="Iraq and Turkey", url="https://example.org/a")
    assert isinstance(result, ExtractResult) and result.events
    assert all(isinstance(e, Event) and isinstance(e.source, ActorMention) for e in result.events)
    assert result.article.title == "Iraq and Turkey" and result.article.url == "https://example.org/a"
    assert any(e.source.country == "IRQ" and e.target and e.target.country == "TUR" for e in result.events)
    contract = result.to_dict()
    assert json.loads(json.dumps(contract))["article"]["published"] == "2024-02-08"
    frame = pd.DataFrame(result.to_records())
    assert len(frame) == len(result.events)
    assert list(frame["cameo"]) == [e.cameo for e in result.events]
    assert all(isinstance(code, str) for code in frame["cameo"])


def test_extract_reads_a_path_like_the_command_line(seeded_extract: Any) -> None:
    result = seeded_extract(EXAMPLES / "attack_borno.txt", published="2024-03-04")
    assert result.article.published == "2024-03-04"  # given, it wins over the page's own date line
    assert result.article.source_path == str(EXAMPLES / "attack_borno.txt")
    assert any(e.cameo_root in ("18", "19") and e.place and e.place.country == "NGA" for e in result.events)
    same = seeded_extract(str(EXAMPLES / "attack_borno.txt"), published="2024-03-04")  # a string naming a file
    assert same.article.id == result.article.id


def test_extract_says_what_is_wrong_with_its_input(seeded_extract: Any) -> None:
    with pytest.raises(eventwire.UnreadableInput, match=r"^<text>: no article text found"):
        seeded_extract("Home")
    with pytest.raises(eventwire.InvalidValue, match="published: '2024-13-01' is not a YYYY-MM-DD date"):
        seeded_extract("Russian troops shelled the town of Avdiivka on Monday, officials said.", published="2024-13-01")


def test_events_keep_codes_as_text_and_dates_as_dates(wikinews_db: Path) -> None:
    events = eventwire.open_db(wikinews_db).events()
    listed = run("query", "--db", str(wikinews_db), "--limit", "10000").stdout
    cli_rows = [json.loads(line) for line in listed.splitlines()]
    assert len(events) == len(cli_rows) > 20
    assert list(events["id"]) == [r["id"] for r in cli_rows]  # the same events, in the same order
    assert list(events["cameo"]) == [r["cameo"] for r in cli_rows]
    assert any(code.startswith("0") for code in events["cameo"])  # "042" stays "042"
    assert pd.api.types.is_datetime64_any_dtype(events["date"])
    by_id = {r["id"]: r["date"] for r in cli_rows}
    for row in events.itertuples():
        stated = by_id[row.id]
        if row.date_precision == "day":
            assert row.date.strftime("%Y-%m-%d") == stated
        elif row.date_precision in ("month", "year"):
            assert row.date.strftime("%Y-%m-%d").startswith(stated) and row.date.day == 1
    assert set(events["date_precision"].dropna()) > {"day"}  # the database holds weeks or months too
    assert all(len(ev) == len(set(ev)) for ev in events["evidence"])


def test_events_take_the_filters_of_query(wikinews_db: Path) -> None:
    db = eventwire.open_db(wikinews_db)
    germany = db.events(country="Germany")
    assert len(germany) and set(germany["place_country"]) == {"DEU"}
    assert list(db.events(country="de")["id"]) == list(db.events(country="DEU")["id"]) == list(germany["id"])
    for filters, args in (({"cameo_root": "1"}, ["--cameo-root", "01"]),
                          ({"since": "2019-03-01", "until": "2019-06-30"}, ["--since", "2019-03-01", "--until",
                                                                           "2019-06-30"]),
                          ({"actor": "USA", "facts_only": True}, ["--actor", "USA", "--facts-only"])):
        ids = [json.loads(line)["id"] for line in run("query", "--db", str(wikinews_db), "--limit", "10000",
                                                       *args).stdout.splitlines()]
        assert list(db.events(**filters)["id"]) == ids and ids, filters
    assert len(db.events(limit=3)) == 3
    with pytest.raises(eventwire.InvalidValue, match="'Narnia' is not a country"):
        db.events(country="Narnia")


def test_dyads_actors_and_articles(wikinews_db: Path) -> None:
    db = eventwire.open_db(wikinews_db)
    events = db.events()
    dyads = db.dyads()
    paired = events[events["source_code"].notna() & events["target_code"].notna()
                    & (events["source_code"] != "") & (events["target_code"] != "")]
    assert dyads["events"].sum() == len(paired)
    top = dyads.iloc[0]
    assert top["events"] == ((paired["source_code"] == top["source_code"])
                             & (paired["target_code"] == top["target_code"])).sum()
    assert (dyads[["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]].sum(axis=1)
            == dyads["events"]).all()
    assert len(db.dyads(country="USA")) < len(dyads)
    actors = db.actors()
    assert {"USAGOV", "USA"} <= set(actors["code"]) and actors["events_as_source"].sum() <= len(events)
    articles = db.articles()
    assert len(articles) == 27 and pd.api.types.is_datetime64_any_dtype(articles["published"])
    assert articles["published"].min() == pd.Timestamp("2019-01-04")


def test_open_db_names_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(eventwire.DatabaseUnavailable, match="no such database"):
        eventwire.open_db(tmp_path / "absent.duckdb")


def test_the_notebook_example_runs(wikinews_db: Path) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "examples" / "notebook_example.py"), str(wikinews_db)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "events in the database" in proc.stdout and "top dyads" in proc.stdout
    assert "events coded from the text" in proc.stdout
