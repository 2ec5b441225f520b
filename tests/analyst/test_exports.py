"""`export` on a real database (issue 20): the filters of `query`, a CSV whose codes stay text, evidence once per
sentence, and a `gdelt` export that a loader written for GDELT 2.0's own event files reads."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

import eventwire
from tests.analyst.conftest import run

# The columns of a GDELT 2.0 event file, in order, as GDELT's Event Codebook V2.0 lists them (typed here from the
# codebook, not taken from eventwire, so that a change of eventwire's column list fails this test).
GDELT_2_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name", "Actor1CountryCode",
    "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code",
    "Actor1Type2Code", "Actor1Type3Code", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type", "Actor1Geo_FullName",
    "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long",
    "Actor1Geo_FeatureID", "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
]
# GDELT's types for its numeric columns (the rest are text)
GDELT_NUMERIC = {"GLOBALEVENTID": "int64", "SQLDATE": "Int64", "MonthYear": "Int64", "Year": "Int64",
                 "FractionDate": "float64", "IsRootEvent": "int64", "QuadClass": "int64", "GoldsteinScale": "float64",
                 "NumMentions": "int64", "NumSources": "int64", "NumArticles": "int64", "AvgTone": "float64",
                 "ActionGeo_Type": "int64", "ActionGeo_Lat": "float64", "ActionGeo_Long": "float64",
                 "DATEADDED": "int64"}


def query_ids(db: Path, *args: str) -> list[str]:
    proc = run("query", "--db", str(db), "--limit", "10000", *args)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line)["id"] for line in proc.stdout.splitlines()]


def test_export_takes_the_filters_of_query(wikinews_db: Path, tmp_path: Path) -> None:
    for args in (["--country", "Germany"], ["--cameo-root", "1", "--facts-only"], ["--since", "2019-09-01"],
                 ["--actor", "USA", "--min-confidence", "0.5"]):
        out = tmp_path / "events.jsonl"
        proc = run("export", str(out), "--db", str(wikinews_db), *args)
        assert proc.returncode == 0, proc.stderr
        exported = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
        expected = query_ids(wikinews_db, *args)
        assert sorted(exported) == sorted(expected) and expected, args
        assert f"wrote {len(expected)} events" in proc.stderr
    proc = run("export", str(tmp_path / "x.csv"), "--db", str(wikinews_db), "--country", "Narnia")
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert "--country: 'Narnia' is not a country" in proc.stderr


def test_csv_keeps_codes_as_text_with_the_shipped_reader(wikinews_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert run("export", str(out), "--db", str(wikinews_db), "--format", "csv").returncode == 0
    naive = pd.read_csv(out)
    assert not pd.api.types.is_string_dtype(naive["cameo"])  # why the reader exists: pandas reads "042" as 42
    frame = eventwire.read_csv(out)
    events = eventwire.open_db(wikinews_db).events()
    assert sorted(frame["cameo"]) == sorted(events["cameo"])
    assert any(code.startswith("0") for code in frame["cameo"])
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert set(frame["id"]) == set(events["id"])
    by_id = dict(zip(events["id"], events["date"], strict=True))
    assert all(row.date == by_id[row.id] or (pd.isna(row.date) and pd.isna(by_id[row.id]))
               for row in frame.itertuples())


def test_evidence_is_each_sentence_once(tmp_path: Path) -> None:
    """A story syndicated on two sites is one story: its events' groups hold each sentence twice in the store, and
    exports and queries give it once."""
    body = ("Kenyan police arrested two opposition leaders in Nairobi on Monday, a police spokesman said.\n\n"
            "The opposition condemned the arrests and called for their release.")
    copies = tmp_path / "copies.jsonl"
    copies.write_text("".join(json.dumps({"url": url, "text": f"{byline}\n\n{body}", "published": "2019-06-04"}) + "\n"
                              for url, byline in (("https://one.example/news/1", "By Staff Reporter"),
                                                  ("https://two.example/world/2", "By Wire Service"))),
                      encoding="utf-8")
    db = tmp_path / "copies.duckdb"
    assert run("ingest", str(copies), "--db", str(db), "--workers", "1").returncode == 0
    repeated = run("sql", "--db", str(db), "SELECT id, evidence FROM event_groups "
                   "WHERE len(evidence) > len(list_distinct(evidence))").stdout.splitlines()
    assert repeated  # the store keeps each copy's sentence
    ids = {json.loads(line)["id"] for line in repeated}
    out = tmp_path / "events.csv"
    run("export", str(out), "--db", str(db), "--format", "csv")
    frame = eventwire.read_csv(out)
    for evidence in frame[frame["id"].isin(ids)]["evidence"]:
        assert len(evidence) == len(set(evidence)) >= 1
    queried = [json.loads(line) for line in run("query", "--db", str(db), "--limit", "1000").stdout.split("\n")
               if line]
    assert [r for r in queried if r["id"] in ids]
    assert all(len(r["evidence"]) == len(set(r["evidence"])) for r in queried if r["id"] in ids)


def test_gdelt_export_loads_with_gdelts_own_column_list(wikinews_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.export.CSV"
    assert run("export", str(out), "--db", str(wikinews_db), "--format", "gdelt").returncode == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert lines[0].split("\t")[0].isdigit()  # no header row
    frame = pd.read_csv(out, sep="\t", header=None, names=GDELT_2_COLUMNS, quoting=3,
                        dtype={c: GDELT_NUMERIC.get(c, "string") for c in GDELT_2_COLUMNS})
    events = eventwire.open_db(wikinews_db).events()
    assert len(frame) == len(events)
    assert frame["GLOBALEVENTID"].is_unique
    assert all(code.startswith(root) for code, root in zip(frame["EventCode"], frame["EventRootCode"], strict=True))
    assert any(code.startswith("0") for code in frame["EventCode"])
    dated = frame["SQLDATE"].dropna().astype(str)
    assert len(dated) and dated.str.fullmatch(r"20(18|19)\d{4}").all()
    assert frame["DATEADDED"].astype(str).str.fullmatch(r"\d{14}").all()
    placed = frame[frame["ActionGeo_Type"] > 0]
    # FIPS 10-4, not ISO: the United Kingdom is UK (ISO GB), Germany GM (ISO DE); a US county's state is its
    # ADM1 code
    countries = set(placed["ActionGeo_CountryCode"])
    assert {"UK", "GM", "US"} <= countries and not {"GB", "GBR", "DE", "DEU"} & countries
    riverside = placed[placed["ActionGeo_FullName"].str.startswith("Riverside County")]
    assert len(riverside) and set(riverside["ActionGeo_ADM1Code"]) == {"USCA"}  # GDELT's US state code
    country_level = placed[placed["ActionGeo_Type"] == 1]
    assert (country_level["ActionGeo_ADM1Code"] == country_level["ActionGeo_CountryCode"]).all()
    # what eventwire does not have is empty
    assert frame["AvgTone"].isna().all() and frame["Actor1Geo_FullName"].isna().all()
