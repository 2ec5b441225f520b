"""Country codes as users and other datasets write them: a name, ISO2 or ISO3 -> eventwire's ISO3 (the
`--country` filter), and ISO3 or an admin1 name -> the FIPS 10-4 codes of GDELT's event files."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from eventwire.datafiles import name_key, read_tsv, split_list
from eventwire.errors import InvalidValue


@dataclass(frozen=True)
class CountryCodes:
    by_key: dict[str, str]           # name_key of a name, alias, ISO2 or ISO3 -> ISO3
    names: dict[str, str]            # ISO3 -> the country's common English name
    fips: dict[str, str]             # ISO3 -> FIPS 10-4
    adm1: dict[tuple[str, str], str]  # (ISO3, name_key of an admin1 name) -> GDELT ADM1 code


@cache
def country_codes() -> CountryCodes:
    by_key: dict[str, str] = {}
    names: dict[str, str] = {}
    for row in read_tsv("eventwire.actors", "countries.tsv"):
        iso3 = row["iso3"].upper()
        names[iso3] = row["name"]
        for label in (iso3, row.get("iso2", ""), row["name"], *split_list(row.get("aliases", ""))):
            if label:
                by_key.setdefault(name_key(label), iso3)
    fips = {r["iso3"]: r["fips"] for r in read_tsv("eventwire.output", "fips_countries.tsv")}
    adm1 = {(r["iso3"], name_key(r["admin1"])): r["adm1"] for r in read_tsv("eventwire.output", "fips_admin1.tsv")}
    return CountryCodes(by_key, names, fips, adm1)


def country_iso3(text: str) -> str:
    """"Syria", "sy", "SYR" -> "SYR"; anything else is an InvalidValue saying what is wrong."""
    iso3 = country_codes().by_key.get(name_key(text.strip()))
    if iso3 is None:
        raise InvalidValue(f"'{text}' is not a country name, ISO2 or ISO3 code eventwire knows (e.g. Syria, SY, SYR)")
    return iso3


def fips_country(iso3: str | None) -> str:
    """ISO3 -> FIPS 10-4 ("DEU" -> "GM"); "" when unknown."""
    return country_codes().fips.get(iso3 or "", "")


def fips_adm1(iso3: str | None, admin1: str | None) -> str:
    """A stored admin1 name -> GDELT's ADM1 code ("NGA", "Borno" -> "NI27"); "" when not in the table."""
    if not iso3 or not admin1:
        return ""
    return country_codes().adm1.get((iso3, name_key(admin1)), "")


def country_name(iso3: str) -> str:
    return country_codes().names.get(iso3, "")
