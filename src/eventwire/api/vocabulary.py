"""GET /vocabulary: the names behind the codes the filters take (CAMEO event types, countries, PLOVER types), so the
dashboard's pickers can offer "Use conventional military force" and "Syria" rather than 190 and SYR."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from eventwire.api.deps import Codes
from eventwire.api.errors import ERROR_RESPONSES
from eventwire.datafiles import parse_tsv

router = APIRouter(tags=["vocabulary"], responses=ERROR_RESPONSES)


class Named(BaseModel):
    code: str
    name: str


class Country(Named):
    lat: float | None = Field(description="a rough centre point, to find the country on a map")
    lon: float | None


class Vocabulary(BaseModel):
    cameo: list[Named]
    countries: list[Country]
    plover: list[str]


@cache
def countries() -> tuple[dict[str, Any], ...]:
    """Code (ISO3), name and rough centre of every country and territory the actor knowledge base knows."""
    # Read beside the package, not through it: importing eventwire.actors loads spaCy, seconds the server's
    # first dashboard would wait for.
    path = resources.files("eventwire").joinpath("actors", "data", "countries.tsv")
    rows = parse_tsv(path.read_text(encoding="utf-8"), "eventwire.actors/data/countries.tsv")
    return tuple(sorted(({"code": r["iso3"].upper(), "name": r["name"], "lat": _number(r.get("lat", "")),
                          "lon": _number(r.get("lon", ""))} for r in rows), key=lambda c: str(c["name"])))


def _number(cell: str) -> float | None:
    try:
        return float(cell)
    except ValueError:
        return None


@router.get("/vocabulary", response_model=Vocabulary, summary="CAMEO event types and countries by name")
def get_vocabulary(codes: Codes) -> dict[str, Any]:
    return {"cameo": [{"code": c.code, "name": c.name} for c in sorted(codes.codes.values(), key=lambda c: c.code)],
            "countries": list(countries()),
            "plover": sorted({kind for kind, _ in codes.plover.values() if kind})}
