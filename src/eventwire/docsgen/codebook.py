"""The codebook pages: every CAMEO code with its PLOVER type, QuadClass and Goldstein weight, with eventwire's
own examples; actor codes (countries, role blocks, groups) with the people the knowledge base holds."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from eventwire.actors.kb import ActorKB, PersonRole
from eventwire.datafiles import read_tsv
from eventwire.docsgen.examples import CodedExample
from eventwire.docsgen.markdown import GENERATED_NOTE, code, table
from eventwire.docsgen.meanings import meaning
from eventwire.events.codes import CodeTable

QUAD_CLASS_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                    4: "material conflict"}
EXAMPLES_PER_CODE = 3
# Codes read out at the top of the actor page: a country's bodies, its people, an organisation, an armed group.
READ_OUT = ("ISROPP", "RUSGOV", "SYRMIL", "USACVL", "IGOUNO", "IMGISW", "SYRREBYPG")
PEOPLE_EXAMPLES = 3
TRIGGERS_PER_CODE = 8


def lexicon_triggers() -> dict[str, list[str]]:
    """CAMEO code -> the trigger patterns of the packaged lexicon that give it ("pull out", "air strike")."""
    triggers: dict[str, list[str]] = defaultdict(list)
    for row in read_tsv("eventwire.events", "lexicon.tsv"):
        words = f"{row['lemma']} {row['particle']}".strip()
        if row["objects"]:
            objects = row["objects"].split("|")
            words = (f"{objects[0]} {words}" if row["pos"] == "noun" else f"{words} {objects[0]}") + (
                " ..." if len(objects) > 1 else "")
        if words not in triggers[row["code"]]:
            triggers[row["code"]].append(words)
    return triggers


def _trigger_list(words: Sequence[str]) -> str:
    shown = ", ".join(words[:TRIGGERS_PER_CODE])
    return shown + (f" (+{len(words) - TRIGGERS_PER_CODE})" if len(words) > TRIGGERS_PER_CODE else "")


def cameo_page(codes: CodeTable, examples: Sequence[CodedExample]) -> str:
    triggers = lexicon_triggers()
    by_code: dict[str, list[CodedExample]] = defaultdict(list)
    for example in examples:
        by_code[example.cameo].append(example)
    parts = ["# CAMEO and PLOVER codes\n\n", GENERATED_NOTE.format(source="events/data/cameo.tsv and plover.tsv"),
             f"All {len(codes.codes)} CAMEO codes eventwire can emit, grouped by root. PLOVER type and mode are "
             "eventwire's CAMEO-to-PLOVER map (the longest listed prefix of a code applies; an empty type: "
             "PLOVER codes no plain statements). QuadClass: "
             + ", ".join(f"{n} {name}" for n, name in QUAD_CLASS_NAMES.items())
             + ". Goldstein: from -10 (most conflictual) to +10 (most cooperative).\n\n"
             "Examples are events eventwire coded from the articles in `examples/` and `docs/samples/` when this "
             "site was built, with their evidence sentence (the trigger in bold): its output as it is, not reviewed, "
             "so its mistakes show too (see [what is known to fail](../guide/known-failures.md)). "
             "Trigger words are the lexicon's patterns for the code (lemmas; a verb's particle or object, a noun's "
             "modifier): the most specific pattern that matches a clause decides between a code and its parent, "
             "which is why \"threatened\" is 130 but \"threatened to attack\" is 138; `eventwire explain "
             "\"SENTENCE\"` shows the row that fired. "
             "`eventwire codes --root 19` prints the same table in a terminal.\n\n"]
    roots = sorted(c for c in codes.codes if len(c) == 2)
    for root in roots:
        head = codes.codes[root]
        plover, mode = codes.plover_of(root)
        # Explicit ids: the theme's scroll spy cannot select an id that starts with a digit.
        parts.append(f"## {root} {head.name} {{#root-{root}}}\n\n{head.description}\n\n"
                     f"QuadClass {head.quad_class} ({QUAD_CLASS_NAMES[head.quad_class]}); "
                     f"PLOVER {code(plover) or 'none'}.\n\n")
        rows = []
        for key in sorted(c for c in codes.codes if c.startswith(root) and len(c) > 2):
            entry = codes.codes[key]
            plover, mode = codes.plover_of(key)
            rows.append((f"<span id='cameo-{key}'></span>`{key}`", entry.name, plover or "", mode or "",
                         entry.quad_class, f"{entry.goldstein:+.1f}", entry.description,
                         _trigger_list(triggers.get(key, [])), len(by_code.get(key, ()))))
        parts.append(table(("code", "name", "PLOVER", "mode", "QuadClass", "Goldstein", "meaning",
                            "trigger words (lexicon)", "examples below"), rows) + "\n")
        shown = [c for c in sorted(by_code) if c.startswith(root)]
        if shown:
            parts.append(f"### Examples of {root} {{#examples-{root}}}\n\n")
        for key in shown:
            parts.append(f"**{key} {codes.codes[key].name}**\n\n")
            for example in by_code[key][:EXAMPLES_PER_CODE]:
                parts.append(f"- {example.markdown()}\n")
            parts.append("\n")
    return "".join(parts)


def actors_page(kb: ActorKB) -> str:
    roles_of_people = [role for roles in kb.people.values() for role in roles]
    parts = ["# Actor codes\n\n",
             GENERATED_NOTE.format(source="actors/data/countries.tsv, roles.tsv, people.tsv and groups.tsv"),
             "An actor code is a country block (ISO 3166-1 alpha-3) followed by a role block: `RUSGOV` is "
             "Russia's government, `SYRMIL` Syria's military, `USACVL` US civilians. International and armed "
             "groups have their own codes (`IGOUNO`, `IMGISI`, `SYRREBYPG`). A person is coded by the role they "
             "held on the article's date (`ELI` when they held none on that date). "
             "`eventwire actors lookup NAME --date YYYY-MM-DD` shows how a name is coded and why; "
             "[Extending actors](../guide/extending.md) adds your own.\n\n"
             f"The knowledge base holds {len(kb.countries)} countries and territories, {len(kb.people)} people "
             f"with {len(roles_of_people)} dated roles (all listed in [People](people.md)) and {len(kb.groups)} "
             "groups.\n\n"]
    parts.append("## Reading a code\n\n" + table(("code", "reads"), [(f"`{c}`", read_code(c, kb)) for c in READ_OUT])
                 + "\n")
    parts.append(_roles_section(kb, roles_of_people))
    parts.append(_countries_section(kb, roles_of_people))
    parts.append(_groups_section(kb))
    return "".join(parts)


def _people_examples(roles: Sequence[PersonRole]) -> str:
    latest = sorted(roles, key=lambda r: r.start or "", reverse=True)[:PEOPLE_EXAMPLES]
    return "; ".join(f"{r.name} ({r.title or r.role}, {r.start or '?'} - {r.end or 'now'})" for r in latest)


def role_blocks() -> dict[str, list[str]]:
    """Role block -> the role nouns that give it (roles.tsv)."""
    nouns: dict[str, list[str]] = defaultdict(list)
    for row in read_tsv("eventwire.actors", "roles.tsv"):
        noun = f"{row['modifier']} {row['head']}".strip()
        nouns[row["role"].upper()].append(noun)
    return nouns


def _roles_section(kb: ActorKB, people: Sequence[PersonRole]) -> str:
    nouns = role_blocks()
    by_role: dict[str, list[PersonRole]] = defaultdict(list)
    for role in people:
        if role.country and role.code == f"{role.country}{role.role}":
            by_role[role.role].append(role)
    rows = []
    for block in sorted(set(nouns) | set(by_role) | {"ELI"}):
        rows.append((f"`{block}`", meaning("role", block), ", ".join(nouns.get(block, [])[:8]),
                     len(by_role.get(block, ())), _people_examples(by_role.get(block, ()))))
    return ("## Role blocks\n\nThe three letters after the country. Role nouns are the words in the text that "
            "give the role (\"the Syrian army\" is `SYRMIL`); people are the knowledge base's dated roles.\n\n"
            + table(("block", "meaning", "role nouns (first 8)", "KB roles", "KB examples (latest)"), rows) + "\n")


def _countries_section(kb: ActorKB, people: Sequence[PersonRole]) -> str:
    by_country: dict[str, list[PersonRole]] = defaultdict(list)
    for role in people:
        if role.country:
            by_country[role.country].append(role)
    groups = Counter(g.country for g in kb.groups.values() if g.country)
    rows = [(f"`{c.iso3}`", c.name, len({r.name for r in by_country.get(c.iso3, ())}), groups.get(c.iso3, 0),
             _people_examples(by_country.get(c.iso3, ())))
            for c in sorted(kb.countries.values(), key=lambda c: c.iso3)]
    return ("## Countries\n\nThe country block. A country named alone (\"Russia said\") is its government "
            "(`RUSGOV`); its people (\"Russians\") are its civilians (`RUSCVL`).\n\n"
            + table(("code", "country", "KB people", "KB groups", "KB examples (latest roles)"), rows) + "\n")


def _groups_section(kb: ActorKB) -> str:
    rows = [(f"`{g.code}`", g.name, g.kind.replace("_", " "), g.country or "")
            for g in sorted(kb.groups.values(), key=lambda g: (g.code, g.name))]
    return ("## Groups\n\nInternational organisations, armed groups, parties, state bodies and media the "
            "knowledge base names.\n\n" + table(("code", "name", "kind", "country"), rows) + "\n")



def people_page(kb: ActorKB) -> str:
    """Every person of the knowledge base with each dated role and the code it gives, by country."""
    by_country: dict[str, list[PersonRole]] = defaultdict(list)
    for roles in kb.people.values():
        for role in roles:
            by_country[role.country or role.code[:3]].append(role)
    parts = ["# People in the knowledge base\n\n", GENERATED_NOTE.format(source="actors/data/people.tsv"),
             f"The {len(kb.people)} people eventwire codes by name, with every dated role it holds for them: on an "
             "article's date a person gets the code of the role they held then (`ELI` when none). A person missing "
             "here is coded from the words around the name (\"the Kenyan minister Jane Doe\"), or not at all: "
             "[add them](../guide/extending.md). Roles are listed by country, then name, then start date.\n\n"]
    for country in sorted(by_country):
        name = kb.countries[country].name if country in kb.countries else country
        rows = [(r.name, f"`{r.code}`", r.title, r.start or "", r.end or "")
                for r in sorted(by_country[country], key=lambda r: (r.name, r.start or ""))]
        parts.append(f"## {name} ({country}) {{#people-{country.lower()}}}\n\n"
                     + table(("person", "code", "role", "from", "to"), rows) + "\n")
    return "".join(parts)


def read_code(code: str, kb: ActorKB) -> str:
    """An actor code spelled out from the knowledge base: `ISROPP` -> Israel (ISR) + OPP (opposition ...);
    a group's own code (`IGOUNO`) -> the group."""
    groups = sorted(g.name for g in kb.groups.values() if g.code == code)
    country, role = code[:3], code[3:6]
    if country in kb.countries and meaning("role", role):
        reading = f"{kb.countries[country].name} (`{country}`) + `{role}`: {meaning('role', role)}"
        if len(code) > 6:  # a group inside the block: SYRREBYPG
            return reading + f"; + `{code[6:]}`: {', '.join(groups) or 'a named group'}"
        return reading + (f" (the knowledge base's {', '.join(groups)} too)" if groups else "")
    group = next((g for g in kb.groups.values() if g.code == code), None)
    if group is None:
        return ""
    where = f", {kb.countries[group.country].name}" if group.country in kb.countries else ""
    return f"{group.name} ({group.kind.replace('_', ' ')}{where}): the group's own code"
