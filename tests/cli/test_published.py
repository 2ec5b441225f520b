"""Publication dates as an analyst has them: `--published` in any common written form, and a date in each
file's name for a folder of scraped texts, so that one run dates every article (README "Publication dates")."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EVENTWIRE

STORY = "Police in the capital detained five activists on Monday, a spokesman said. They were released later.\n"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=300)


def dated(proc: subprocess.CompletedProcess[str]) -> dict[str, tuple[str | None, list[str | None]]]:
    """File name -> (publication date, values of its time expressions)."""
    assert proc.returncode == 0, proc.stderr
    out, decoder, text, at = {}, json.JSONDecoder(), proc.stdout.strip(), 0
    while at < len(text):  # one JSON object per article, one after another
        result, end = decoder.raw_decode(text, at)
        at = end + len(text[end:]) - len(text[end:].lstrip())
        name = Path(result["article"]["source_path"]).name
        out[name] = (result["article"]["published"], [t["value"] for t in result["times"]])
    return out


@pytest.mark.parametrize("written", ["Sat January 3, 2015", "3 Jan 2015", "Sat, 03 Jan 2015 10:00:00 GMT",
                                     "2015-01-03T10:00:00+02:00"])
def test_published_takes_a_date_as_people_and_feeds_write_it(tmp_path: Path, written: str) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    assert dated(run("extract", str(story), "--published", written, "--format", "json")) == {
        "story.txt": ("2015-01-03", ["2014-12-29"])}  # the Monday before Saturday 3 January 2015


@pytest.mark.parametrize(("written", "why"), [("11/12/2017", "either way round"), ("next Tuesday", "no day"),
                                              ("Friday, January 3, 2015", "2015-01-03 is a Saturday")])
def test_an_unreadable_published_date_is_one_line_naming_it(tmp_path: Path, written: str, why: str) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    for command in (["extract", str(story)], ["ingest", str(story), "--db", str(tmp_path / "x.duckdb")]):
        proc = run(*command, "--published", written)
        assert proc.returncode == 2
        assert proc.stderr.strip().splitlines() == [proc.stderr.strip()]
        assert proc.stderr.startswith(f"eventwire: --published: '{written}' is not") and why in proc.stderr
    assert not (tmp_path / "x.duckdb").exists()


def test_a_folder_of_texts_is_dated_file_by_file_from_their_names(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, count in (("2019-03-05_arrests.txt", "five"), ("arrests-2019-03-13.txt", "six"), ("undated.txt", "ten")):
        (folder / name).write_text(STORY.replace("five", count), encoding="utf-8")  # three articles, not one
    assert dated(run("extract", str(folder), "--format", "json")) == {
        "2019-03-05_arrests.txt": ("2019-03-05", ["2019-03-04"]),
        "arrests-2019-03-13.txt": ("2019-03-13", ["2019-03-11"]),
        "undated.txt": (None, [None]),
    }
    # --published is for every input and wins over the names
    everyone = dated(run("extract", str(folder), "--format", "json", "--published", "2020-06-01"))
    assert {published for published, _ in everyone.values()} == {"2020-06-01"}
