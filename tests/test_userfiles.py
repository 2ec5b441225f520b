"""The user folder: actors.tsv and lexicon.tsv there are loaded without any variable, the variables still win,
and the fingerprint recorded per article follows the files' contents."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.settings import Settings


def test_user_folder_files_are_loaded_unless_a_variable_names_others(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("EVENTWIRE_ACTORS", raising=False)
    monkeypatch.delenv("EVENTWIRE_LEXICON", raising=False)
    assert (Settings().actor_files, Settings().lexicons) == ((), ())
    assert Settings().user_files_fingerprint() == "none"
    folder = tmp_path / "config" / "eventwire"
    folder.mkdir(parents=True)
    (folder / "actors.tsv").write_text("name\taliases\tcode\tkind\nJane Doe\t\tKENGOV\tperson\n", encoding="utf-8")
    (folder / "lexicon.tsv").write_text("lemma\tcameo\n", encoding="utf-8")
    found = Settings()
    assert found.actor_files == (str(folder / "actors.tsv"),) and found.lexicons == (str(folder / "lexicon.tsv"),)
    before = found.user_files_fingerprint()
    (folder / "actors.tsv").write_text("name\taliases\tcode\tkind\nJane Doe\t\tKENMIL\tperson\n", encoding="utf-8")
    assert Settings().user_files_fingerprint() not in (before, "none")

    mine = tmp_path / "mine.tsv"
    monkeypatch.setenv("EVENTWIRE_ACTORS", str(mine))
    assert Settings().actor_files == (str(mine),)
