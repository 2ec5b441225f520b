"""The CAMEO code table with Goldstein weights, QuadClass, and the CAMEO -> PLOVER map."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.datafiles import read_tsv
from eventwire.errors import DataFileError

_PKG = "eventwire.events"
# A defendant's plea: admitting (015) or denying (016) the charges before the court.
PLEA_CODES = frozenset({"015", "016"})
# CAMEO roots of violence (assault, fighting, mass violence), and of force at large with coercion (arrests, raids).
VIOLENCE_ROOTS = frozenset({"18", "19", "20"})
# A violent protest: a riot (CAMEO 145).
RIOT = "145"
FORCE_ROOTS = frozenset({"17"}) | VIOLENCE_ROOTS


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    description: str

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        """1 verbal cooperation (01-05), 2 material cooperation (06-09), 3 verbal conflict (10-14),
        4 material conflict (15-20)."""
        root = int(self.root)
        if root <= 5:
            return 1
        if root <= 9:
            return 2
        if root <= 14:
            return 3
        return 4


@dataclass(frozen=True)
class CodeTable:
    codes: dict[str, CameoCode]
    plover: dict[str, tuple[str, str]]  # CAMEO prefix -> (PLOVER type, mode)

    def get(self, code: str) -> CameoCode:
        try:
            return self.codes[code]
        except KeyError:
            raise DataFileError(f"CAMEO code {code!r} is not in the code table") from None

    def plover_of(self, code: str) -> tuple[str | None, str | None]:
        for length in range(len(code), 1, -1):
            hit = self.plover.get(code[:length])
            if hit is not None:
                return (hit[0] or None, hit[1] or None)
        return (None, None)


def load_code_table() -> CodeTable:
    codes = {}
    for row in read_tsv(_PKG, "cameo.tsv"):
        try:
            goldstein = float(row["goldstein"])
        except ValueError:
            raise DataFileError(f"cameo.tsv: code {row['code']}: Goldstein {row['goldstein']!r}") from None
        codes[row["code"]] = CameoCode(row["code"], row["name"], goldstein, row.get("description", ""))
    plover = {row["cameo_prefix"]: (row["plover_type"], row.get("plover_mode", ""))
              for row in read_tsv(_PKG, "plover.tsv")}
    return CodeTable(codes, plover)
