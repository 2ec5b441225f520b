"""A deduplicated event as a row of GDELT-2.0-like columns (the `gdelt` export).

| column | meaning |
|---|---|
| GLOBALEVENTID | eventwire's event group id (hex) |
| SQLDATE | event date YYYYMMDD (month/year precision padded with 00) |
| MonthYear, Year | YYYYMM, YYYY |
| Actor1Code, Actor1Name, Actor1CountryCode | source actor: CAMEO-style code, name, ISO3 |
| Actor2Code, Actor2Name, Actor2CountryCode | target actor (empty when none) |
| IsRootEvent | 1 (every eventwire event is coded from its own clause) |
| EventCode, EventBaseCode, EventRootCode | CAMEO code, its 3-digit base, its 2-digit root |
| QuadClass | 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict |
| GoldsteinScale | Goldstein weight of the code |
| NumMentions | event mentions in all stored articles |
| NumSources | distinct outlets reporting it |
| NumArticles | distinct stories reporting it (wire copies of one story count once) |
| AvgTone | empty: eventwire does not score tone |
| ActionGeo_Type | 1 country, 2 US state, 3 US city or place, 4 world city or place, 5 world region/admin1, 0 none |
| ActionGeo_FullName, ActionGeo_CountryCode, ActionGeo_ADM1Code | place name, ISO3, admin1 name |
| ActionGeo_Lat, ActionGeo_Long | coordinates of the place |
| DATEADDED | first ingest time of a reporting article, YYYYMMDDHHMMSS |
| SOURCEURL | URL of one reporting article (the first), else empty |
"""

from __future__ import annotations

from typing import Any

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "Actor1Code", "Actor1Name", "Actor1CountryCode",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "IsRootEvent", "EventCode", "EventBaseCode",
    "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_Lat",
    "ActionGeo_Long", "DATEADDED", "SOURCEURL",
)


def _geo_type(row: dict[str, Any]) -> int:
    """GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state/region."""
    feature = row.get("place_feature")
    if row.get("lat") is None or not feature:
        return 0
    us = row.get("place_country") == "USA"
    if feature == "country":
        return 1
    if feature in ("admin1", "region"):
        return 2 if us else 5
    return 3 if us else 4


def gdelt_row(r: dict[str, Any]) -> dict[str, Any]:
    date = (r.get("date") or "").replace("-", "")
    sqldate = (date + "0000")[:8] if date and date[:4].isdigit() and "W" not in date else ""
    cameo = r.get("cameo") or ""
    added = r.get("date_added") or ""
    return {
        "GLOBALEVENTID": r["id"], "SQLDATE": sqldate, "MonthYear": sqldate[:6], "Year": sqldate[:4],
        "Actor1Code": r.get("source_code") or "", "Actor1Name": r.get("source_name") or "",
        "Actor1CountryCode": r.get("source_country") or "",
        "Actor2Code": r.get("target_code") or "", "Actor2Name": r.get("target_name") or "",
        "Actor2CountryCode": r.get("target_country") or "",
        "IsRootEvent": 1, "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": r.get("quad_class"), "GoldsteinScale": r.get("goldstein"),
        "NumMentions": r.get("num_mentions"), "NumSources": r.get("num_sources"),
        "NumArticles": r.get("num_articles"), "AvgTone": "",
        "ActionGeo_Type": _geo_type(r), "ActionGeo_FullName": r.get("place_name") or "",
        "ActionGeo_CountryCode": r.get("place_country") or "", "ActionGeo_ADM1Code": r.get("admin1") or "",
        "ActionGeo_Lat": r.get("lat") if r.get("lat") is not None else "",
        "ActionGeo_Long": r.get("lon") if r.get("lon") is not None else "",
        "DATEADDED": str(added).replace("-", "").replace(":", "").replace(" ", "")[:14],
        "SOURCEURL": r.get("source_url") or "",
    }
