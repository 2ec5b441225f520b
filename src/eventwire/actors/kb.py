"""The actor knowledge base: countries, named people with dated roles, groups and role nouns.

Loaded once from the package's TSV files (`load_actor_kb`) and passed to the resolver.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.actors.user import UserActor, read_user_actors
from eventwire.datafiles import name_key, read_tsv, split_list

_PKG = "eventwire.actors"


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class PersonRole:
    name: str
    country: str | None
    role: str
    title: str
    start: str
    end: str
    code: str  # the actor code this role gives: country + role, or the organisation's own code

    def active_on(self, day: str) -> bool:
        """Whether the role held on `day` (YYYY-MM-DD). Partial bounds compare at their precision."""
        start_ok = not self.start or self.start[: len(day)] <= day[: len(self.start)]
        end_ok = not self.end or day[: len(self.end)] <= self.end
        return start_ok and end_ok


@dataclass(frozen=True)
class Group:
    name: str
    code: str
    country: str | None
    kind: str


@dataclass(frozen=True)
class ActorKB:
    countries: dict[str, Country]
    country_by_name: dict[str, str]
    country_by_adjective: dict[str, str]
    country_by_seat: dict[str, str]
    people: dict[str, tuple[PersonRole, ...]]
    person_by_alias: dict[str, str]
    groups: dict[str, Group]
    group_by_alias: dict[str, str]
    roles: dict[tuple[str, str], str]
    plural_roles: frozenset[str]
    # (head, modifier) rows that hold only in a given written form: "capital" (a name: "Representative
    # Jane Doe", "the Federal Aviation Office") or "chamber" (a name qualified by no other name: "the
    # House", "the U.S. House", not "the Opera House").
    role_forms: dict[tuple[str, str], str] = field(default_factory=dict)
    # alias text -> (kind, key) for the phrase matcher, kinds: person, group, country, seat
    phrases: dict[str, tuple[str, str]] = field(default_factory=dict)
    # country names that are initials ("CAR", "UAE"): a country only when written in capitals
    initials_only: frozenset[str] = frozenset()
    # lowercase seats that are offices, not cities ("white house", "kremlin"): "a letter to the White House"
    # is to the government, where "a flight to Damascus" is to a city
    office_seats: frozenset[str] = frozenset()

    def country_named(self, text: str) -> str | None:
        """ISO3 of a country's name or alias; initials only in capitals ("the driver of the car" is no
        Central African Republic)."""
        key = text.strip().lower()
        if key in self.initials_only and not text.strip().isupper():
            return None
        return self.country_by_name.get(key)

    def person_role(self, person: str, day: str | None) -> PersonRole | None:
        """The role `person` held on `day`; the latest role when no date is known; None when the
        person held no role that day."""
        roles = self.people.get(person, ())
        if not roles:
            return None
        if day is None:
            return max(roles, key=lambda r: r.start)
        active = [r for r in roles if r.active_on(day)]
        if active:
            # Head of state/government roles outrank ministries when periods overlap.
            return max(active, key=lambda r: (r.role == "GOV", r.start))
        return None

    def former_country(self, person: str) -> str | None:
        """The country of a person's earliest role (None for organisation leaders)."""
        roles = self.people.get(person, ())
        return roles[0].country if roles else None

    def country_of_word(self, word: str) -> str | None:
        """ISO3 for a country name, alias or nationality adjective ("Russian", "Syria", "U.S.")."""
        key = word.strip().lower()
        return self.country_by_adjective.get(key) or self.country_named(word)


def _float(cell: str) -> float | None:
    try:
        return float(cell)
    except ValueError:
        return None


def _person_role(row: dict[str, str], group_by_code: dict[str, Group]) -> PersonRole:
    """Leaders of organisations and armed groups take the organisation's code (note "group=IGOEUR");
    office holders of a state take country + role."""
    country, role = row["country"].upper(), (row["role"].upper() or "GOV")
    note = row.get("note", "")
    org = next((part.split("=", 1)[1].strip().upper() for part in note.split(";")
                if part.strip().startswith("group=")), None)
    if org:
        group = group_by_code.get(org)
        return PersonRole(row["name"], group.country if group else None, role, row.get("title", ""),
                          row.get("start", ""), row.get("end", ""), org)
    return PersonRole(row["name"], country, role, row.get("title", ""), row.get("start", ""), row.get("end", ""),
                      country + role)


def load_actor_kb(user_files: tuple[str, ...] = ()) -> ActorKB:
    """The packaged KB with users' actor files merged over it (a user row wins for its name)."""
    kb = _load_packaged()
    for path in user_files:
        _merge_user(kb, read_user_actors(path))
    return kb


def _merge_user(kb: ActorKB, actors: list[UserActor]) -> None:
    replaced: set[str] = set()
    for actor in actors:
        if actor.kind == "person":
            if actor.name not in replaced:
                kb.people[actor.name] = ()
                replaced.add(actor.name)
            country = actor.code[:3] if actor.code[:3] not in ("IGO", "NGO", "IMG") else None
            role = PersonRole(actor.name, country, actor.code[3:6] or "GOV", actor.note, actor.start, actor.end,
                              actor.code)
            kb.people[actor.name] = (*kb.people[actor.name], role)
            for alias in (actor.name, *actor.aliases):
                kb.person_by_alias[alias.lower()] = actor.name
                kb.phrases[alias] = ("person", actor.name)
        else:
            country = actor.code[:3] if actor.code[:3] in kb.countries else None
            kb.groups[actor.name] = Group(actor.name, actor.code, country, actor.kind)
            for alias in (actor.name, *actor.aliases):
                kb.group_by_alias[alias.lower()] = actor.name
                kb.phrases[alias] = ("group", actor.name)


def _load_packaged() -> ActorKB:
    countries: dict[str, Country] = {}
    by_name: dict[str, str] = {}
    by_adj: dict[str, str] = {}
    by_seat: dict[str, str] = {}
    office_seats: set[str] = set()
    phrases: dict[str, tuple[str, str]] = {}
    initials: set[str] = set()
    written: set[str] = set()
    for row in read_tsv(_PKG, "countries.tsv"):
        iso3 = row["iso3"].upper()
        countries[iso3] = Country(iso3, row.get("iso2", ""), row["name"], _float(row.get("lat", "")),
                                  _float(row.get("lon", "")))
        for alias in [row["name"], *split_list(row.get("aliases", ""))]:
            by_name.setdefault(alias.lower(), iso3)
            phrases.setdefault(alias, ("country", iso3))
            (initials if alias.isupper() else written).add(alias.lower())
        for adj in split_list(row.get("adjectives", "")):
            by_adj.setdefault(adj.lower(), iso3)
        for seat in [*split_list(row.get("capital", "")), *split_list(row.get("seats", ""))]:
            by_seat.setdefault(seat.lower(), iso3)
            phrases.setdefault(seat, ("seat", iso3))
        # a seat that is the capital again in another spelling ("San José") is a city, not an office
        office_seats.update(seat.lower() for seat in split_list(row.get("seats", ""))
                            if name_key(seat) != name_key(row.get("capital", "")))

    groups: dict[str, Group] = {}
    group_by_alias: dict[str, str] = {}
    for row in read_tsv(_PKG, "groups.tsv"):
        name = row["name"]
        groups[name] = Group(name, row["code"].upper(), row.get("country", "").upper() or None,
                             row.get("kind", "group"))
        for alias in [name, *split_list(row.get("aliases", ""))]:
            group_by_alias.setdefault(alias.lower(), name)
            phrases.setdefault(alias, ("group", name))
    group_by_code = {g.code: g for g in groups.values()}

    people: dict[str, list[PersonRole]] = {}
    person_by_alias: dict[str, str] = {}
    for row in read_tsv(_PKG, "people.tsv"):
        name = row["name"]
        people.setdefault(name, []).append(_person_role(row, group_by_code))
        for alias in [name, *split_list(row.get("aliases", ""))]:
            person_by_alias.setdefault(alias.lower(), name)
            phrases[alias] = ("person", name)

    roles: dict[tuple[str, str], str] = {}
    role_forms: dict[tuple[str, str], str] = {}
    plural: set[str] = set()
    for row in read_tsv(_PKG, "roles.tsv"):
        key = (row["head"].lower(), row.get("modifier", "").lower())
        roles[key] = row["role"].upper()
        if row.get("form", ""):
            role_forms[key] = row["form"]
        if row.get("plural", "") == "yes":
            plural.add(row["head"].lower())

    return ActorKB(
        countries=countries,
        country_by_name=by_name,
        initials_only=frozenset(initials - written),
        country_by_adjective=by_adj,
        country_by_seat=by_seat,
        office_seats=frozenset(office_seats),
        people={k: tuple(v) for k, v in people.items()},
        person_by_alias=person_by_alias,
        groups=groups,
        group_by_alias=group_by_alias,
        roles=roles,
        plural_roles=frozenset(plural),
        role_forms=role_forms,
        phrases=phrases,
    )


__all__ = ["ActorKB", "Country", "Group", "PersonRole", "load_actor_kb"]
