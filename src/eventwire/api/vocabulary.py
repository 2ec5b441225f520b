"""GET /vocabulary: the names behind the codes the filters take (CAMEO event types, countries, PLOVER types), so the
dashboard's pickers can offer "Use conventional military force" and "Syria" rather than 190 and SYR."""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from eventwire.api.deps import Codes
from eventwire.api.errors import ERROR_RESPONSES
from eventwire.datafiles import read_tsv

router = APIRouter(tags=["vocabulary"], responses=ERROR_RESPONSES)


class Named(BaseModel):
    code: str
    name: str


class Vocabulary(BaseModel):
    cameo: list[Named]
    countries: list[Named]
    plover: list[str]


@cache
def country_names() -> tuple[tuple[str, str], ...]:
    """(ISO3 code, name) of every country and territory the actor knowledge base knows."""
    rows = read_tsv("eventwire.actors", "countries.tsv")
    return tuple(sorted(((r["iso3"].upper(), r["name"]) for r in rows), key=lambda pair: pair[1]))


@router.get("/vocabulary", response_model=Vocabulary, summary="CAMEO event types and countries by name")
def get_vocabulary(codes: Codes) -> dict[str, Any]:
    return {"cameo": [{"code": c.code, "name": c.name} for c in sorted(codes.codes.values(), key=lambda c: c.code)],
            "countries": [{"code": code, "name": name} for code, name in country_names()],
            "plover": sorted({kind for kind, _ in codes.plover.values() if kind})}
