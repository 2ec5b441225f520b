"""A deduplicated event as a row of a GDELT 2.0 event file (the `gdelt` export): GDELT's 61 columns in GDELT's
order, tab separated, no header, so that a loader written for GDELT's own files (with the column list of GDELT's
codebook) reads it. Places use FIPS 10-4 codes as GDELT does (countries.py); a column eventwire has no value
for is empty. The README lists how each column is filled."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from eventwire.countries import country_name, fips_adm1, fips_country

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

# The GDELT 2.0 Event codebook's columns, in file order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
_ORGANISATIONS = ("IGO", "NGO", "IMG")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def start_date(value: str | None) -> date | None:
    """The first day of an event date at any precision: "2019-08-04", "2019-08" (the 1st), "2019" (1 January),
    "2019-W03" (its Monday); None when undated."""
    if not value:
        return None
    week = _WEEK.match(value)
    try:
        if week:
            return date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        parts = [int(p) for p in value.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None


def _actor(prefix: str, code: str | None, name: str | None, country: str | None) -> dict[str, Any]:
    """CAMEO actor columns: the type is the role block after the country ("RUSGOV" -> GOV), an organisation's
    own type ("IGOUNO" -> IGO)."""
    code = code or ""
    kind = code[:3] if code[:3] in _ORGANISATIONS else code[3:6]
    return {f"{prefix}Code": code, f"{prefix}Name": (name or "").upper() if code else "",
            f"{prefix}CountryCode": country or "", f"{prefix}Type1Code": kind}


def _geo_type(row: dict[str, Any]) -> int:
    """GDELT's Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (admin1), 0 none."""
    feature = row.get("place_feature")
    if row.get("lat") is None or not feature:
        return 0
    us = row.get("place_country") == "USA"
    if feature in ("country", "region"):
        return 1
    if feature == "admin1":
        return 2 if us else 5
    return 3 if us else 4


def _action_geo(r: dict[str, Any]) -> dict[str, Any]:
    kind = _geo_type(r)
    if kind == 0:
        return {"ActionGeo_Type": 0}
    iso3, admin1 = r.get("place_country"), r.get("admin1")
    fips = fips_country(iso3)
    names = [r.get("place_name") or ""]
    if kind not in (1, 2, 5) and admin1:
        names.append(admin1)
    if kind != 1 and iso3:
        names.append(country_name(iso3))
    return {
        "ActionGeo_Type": kind, "ActionGeo_FullName": ", ".join(n for n in names if n),
        "ActionGeo_CountryCode": fips,
        # GDELT's ADM1 code of a country-level place is the country's own code
        "ActionGeo_ADM1Code": fips if kind == 1 else fips_adm1(iso3, admin1 or (r.get("place_name") if kind in (2, 5)
                                                                               else None)),
        "ActionGeo_Lat": round(r["lat"], 4), "ActionGeo_Long": round(r["lon"], 4),
        "ActionGeo_FeatureID": fips if kind == 1 else "",
    }


def gdelt_row(r: dict[str, Any]) -> dict[str, Any]:
    """One export row (an `event_groups` row with `date_added`) -> GDELT's columns; absent ones are empty."""
    day = start_date(r.get("date"))
    cameo = r.get("cameo") or ""
    added = re.sub(r"\D", "", str(r.get("date_added") or ""))[:14]
    row: dict[str, Any] = {
        # GDELT's id is an integer: the first 15 hex digits of eventwire's event id fit in a signed 64-bit one
        "GLOBALEVENTID": int(r["id"][:15], 16),
        "SQLDATE": day.strftime("%Y%m%d") if day else "", "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        **_actor("Actor1", r.get("source_code"), r.get("source_name"), r.get("source_country")),
        **_actor("Actor2", r.get("target_code"), r.get("target_name"), r.get("target_country")),
        "IsRootEvent": 1, "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": r.get("quad_class"), "GoldsteinScale": r.get("goldstein"),
        "NumMentions": r.get("num_mentions"), "NumSources": r.get("num_sources"),
        "NumArticles": r.get("num_articles"),
        "Actor1Geo_Type": 0, "Actor2Geo_Type": 0,  # eventwire places the event, not its actors
        **_action_geo(r),
        "DATEADDED": added, "SOURCEURL": r.get("source_url") or "",
    }
    return {c: row.get(c, "") for c in GDELT_COLUMNS}


def gdelt_line(row: dict[str, Any]) -> str:
    """A GDELT row as one tab-separated line: no quoting (GDELT's files have none), so tabs and line breaks
    inside a value become spaces."""
    return "\t".join(" ".join(str("" if v is None else v).split()) for v in (row[c] for c in GDELT_COLUMNS))
