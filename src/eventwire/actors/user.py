"""Users' own actors: a TSV file merged over the packaged KB, written by `eventwire actors add` and
`eventwire actors import` (CAMEO/Phoenix dictionaries).

One row per actor and role period; columns: name, aliases ("|"-separated), code (CAMEO-style, e.g.
"RUSGOV", "IGOUNO", "SYRREBYPG"), kind ("person" for people with dated roles, else a group kind),
start, end (YYYY-MM-DD, YYYY-MM or YYYY; blank = open), note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from eventwire.datafiles import parse_tsv
from eventwire.errors import DataFileError

COLUMNS = ("name", "aliases", "code", "kind", "start", "end", "note")
_HEADER = ("# eventwire user actors: one row per actor and role period (see eventwire/actors/user.py)\n"
           + "\t".join(COLUMNS) + "\n")


@dataclass(frozen=True)
class UserActor:
    name: str
    aliases: tuple[str, ...]
    code: str
    kind: str
    start: str = ""
    end: str = ""
    note: str = ""

    def row(self) -> str:
        cells = (self.name, "|".join(self.aliases), self.code, self.kind, self.start, self.end, self.note)
        if any("\t" in c or "\n" in c for c in cells):
            raise DataFileError(f"actor {self.name!r}: tabs and line breaks cannot be stored")
        return "\t".join(cells) + "\n"


def read_user_actors(path: str | Path) -> list[UserActor]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{p}: cannot read user actors ({exc.strerror or exc})") from exc
    out = []
    for row in parse_tsv(text, str(p)):
        if not row.get("name") or not row.get("code"):
            raise DataFileError(f"{p}: a row needs name and code: {row}")
        out.append(UserActor(row["name"], tuple(a for a in row.get("aliases", "").split("|") if a),
                             row["code"].upper(), row.get("kind") or "group", row.get("start", ""),
                             row.get("end", ""), row.get("note", "")))
    return out


def append_user_actors(path: str | Path, actors: list[UserActor]) -> None:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    new = not p.exists() or p.stat().st_size == 0
    with p.open("a", encoding="utf-8") as handle:
        if new:
            handle.write(_HEADER)
        for actor in actors:
            handle.write(actor.row())


# Phoenix/PETRARCH dictionaries: "VLADIMIR_PUTIN_  [RUSGOV 000507-080507] [RUSELI 080508-120506]",
# synonyms on following lines starting with "+", comments after "#", codes optionally dated with
# "YYMMDD-YYMMDD", ">YYMMDD" (from) or "<YYMMDD" (until).
_CODE = re.compile(r"\[\s*~?([A-Z0-9]{3,15})\s*(?:(\d{6})?\s*-\s*(\d{6})?|>\s*(\d{6})|<\s*(\d{6}))?\s*\]")


def _date(yymmdd: str | None) -> str:
    if not yymmdd:
        return ""
    year = int(yymmdd[:2])
    century = 1900 if year >= 50 else 2000
    return f"{century + year:04d}-{yymmdd[2:4]}-{yymmdd[4:6]}"


def _phrase(entry: str) -> str:
    return " ".join(entry.strip().strip("_").replace("_", " ").split()).title()


def parse_phoenix(text: str) -> list[UserActor]:
    """Actors of a CAMEO/Phoenix-format dictionary, one UserActor per dated code."""
    out: list[UserActor] = []
    name: str | None = None
    codes: list[tuple[str, str, str]] = []
    aliases: list[str] = []

    def flush() -> None:
        if name is not None:
            for code, start, end in codes:
                kind = "person" if (start or end or len(codes) > 1) and len(code) > 3 else "group"
                out.append(UserActor(name, tuple(aliases), code, kind, start, end, "imported (Phoenix format)"))

    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.lstrip().startswith("+"):
            if name is not None:
                aliases.append(_phrase(line.lstrip()[1:].split("[")[0]))
            continue
        found = _CODE.findall(line)
        head = line.split("[", 1)[0]
        if not head.strip():  # a code line continuing the current actor
            codes.extend((c, _date(a or f), _date(b or u)) for c, a, b, f, u in found)
            continue
        flush()
        name, aliases = _phrase(head), []
        codes = [(c, _date(a or f), _date(b or u)) for c, a, b, f, u in found]
    flush()
    return [a for a in out if a.code]
