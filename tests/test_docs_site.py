"""The documentation site: it builds with warnings as errors, its links resolve, nothing is fetched from
elsewhere, the guide's marked examples run, and every command, option, setting, output field, table column and
exported Python name is documented. The site is generated and built once, in a temporary folder."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from fastapi.testclient import TestClient

import eventwire
from eventwire.actors.kb import load_actor_kb
from eventwire.api import ApiConfig, create_app
from eventwire.docsgen import __main__ as docsgen
from eventwire.docsgen import fields
from eventwire.docsgen.accuracy import measured_at
from eventwire.docsgen.cli_reference import commands, undocumented
from eventwire.docsgen.http_reference import openapi_spec
from eventwire.docsgen.layout import modules
from eventwire.events.codes import load_code_table
from eventwire.model import Event
from eventwire.output.gdelt import GDELT_COLUMNS
from eventwire.settings import Settings
from eventwire.store.database import Store
from tests.conftest import EXAMPLES, ROOT, SCORE_FLOORS

DOCS = ROOT / "docs"
GENERATED = "reference"  # docs/reference/: written by eventwire.docsgen, not committed
# Paths of the server itself that the site may link to (it is served at /guide beside them).
SERVER_PATHS = ("/", "/docs", "/openapi.json")
RUN_MARK = "<!-- run -->"
EVAL_RESULTS = ROOT / "evaluation" / "results"  # stored `eventwire eval ... --save` runs (make eval-results)
# The evaluations whose stored run the accuracy page must show (issue 22): the record sets, places, times, ingest
# and the sentence-level event suites.
MEASURED = {"records", "records-fresh", "records-web", "records-local", "places", "times", "ingest", "events"}


def written_pages() -> dict[str, str]:
    """The hand-written pages (generated ones left out), by path relative to docs/."""
    return {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*.md"))
            if p.relative_to(DOCS).parts[0] != GENERATED}


@dataclasses.dataclass(frozen=True)
class BuiltSite:
    docs: Path  # the generated copy of docs/
    site: Path
    build: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """docs/ copied, its reference pages generated, and mkdocs.yml pointed at the copy: the checkout's own
    docs/reference and site folder are never written by the tests."""
    work = tmp_path_factory.mktemp("docs_site")
    docs = work / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns(GENERATED))
    generate = subprocess.run(
        [sys.executable, "-m", "eventwire.docsgen", str(docs / GENERATED), "--examples", str(EXAMPLES),
         "--examples", str(DOCS / "samples"), "--floors", str(SCORE_FLOORS), "--bench", str(ROOT / "bench/results"),
         "--results", str(EVAL_RESULTS)],
        capture_output=True, text=True, timeout=900, check=False)
    assert generate.returncode == 0, generate.stderr
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    moved = {"docs_dir: docs": f"docs_dir: {docs}", "site_dir: src/eventwire/api/guide": f"site_dir: {work / 'site'}",
             "custom_dir: src/eventwire/docsgen/theme": f"custom_dir: {ROOT / 'src/eventwire/docsgen/theme'}"}
    for line, replacement in moved.items():
        assert line in config, f"mkdocs.yml has no line {line!r}"
        config = config.replace(line, replacement)
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    build = subprocess.run([str(mkdocs), "build", "--strict", "-f", str(work / "mkdocs.yml")],
                           capture_output=True, text=True, timeout=600, check=False)
    return BuiltSite(docs, work / "site", build)


class _Links(HTMLParser):
    """Every link, asset reference, element id and inline script or style of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.assets: list[str] = []
        self.ids: set[str] = set()
        self.inline: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if "style" in a:
            self.inline.append(f"<{tag} style=...>")
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        elif tag == "link" and a.get("rel") != "canonical" and "href" in a:
            self.assets.append(a["href"])
        elif tag in ("script", "img", "iframe", "source") and "src" in a:
            self.assets.append(a["src"])
        if tag == "script":
            self._in_script = "src" not in a
        if tag == "style":
            self.inline.append("<style>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline.append(f"<script>{data.strip()[:40]}")


def parsed(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_the_site_builds_with_warnings_as_errors(built: BuiltSite) -> None:
    assert built.build.returncode == 0, built.build.stderr
    assert "WARNING" not in built.build.stderr
    for page in ("index.html", "reference/cameo.html", "reference/fields.html", "guide/install.html",
                 "migration/gdelt.html", "contributing/index.html", "python-api.html"):
        assert (built.site / page).is_file(), page
    scripts = parsed(built.site / "index.html").assets
    assert {"js/settings.js", "js/base.js", "search/main.js"} <= set(scripts)  # the theme's own, and search


def test_every_internal_link_resolves(built: BuiltSite) -> None:
    pages = sorted(built.site.rglob("*.html"))
    ids = {page: parsed(page).ids for page in pages}
    broken = []
    for page in pages:
        if page.name == "404.html":  # its links start /guide/: where the server mounts the site
            continue
        for href in parsed(page).links:
            url = urlsplit(href)
            if url.scheme or href.startswith("//"):
                continue  # another site: not ours to check
            if url.path.startswith("/"):
                if url.path.rstrip("/") not in {p.rstrip("/") for p in SERVER_PATHS} \
                        and not url.path.startswith("/guide/"):
                    broken.append(f"{page.name}: {href} (not a page of the server)")
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(built.site)}: {href}")
            elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in ids.get(target, set()):
                broken.append(f"{page.relative_to(built.site)}: {href} (no such anchor)")
    assert not broken


def test_headings_have_ids_the_theme_can_select_and_tables_show_no_escapes(built: BuiltSite) -> None:
    """The theme's scroll spy fails on an id starting with a digit ("01 Make public statement"); a pipe escaped
    inside code in a table shows its backslash."""
    digit_ids = [f"{p.name}#{i}" for p in built.site.rglob("*.html") for i in parsed(p).ids if i[:1].isdigit()]
    assert not digit_ids
    assert not [p.name for p in built.site.rglob("*.html") if "\\|" in p.read_text(encoding="utf-8")]


def test_nothing_is_fetched_from_elsewhere_and_no_inline_script_or_style(built: BuiltSite) -> None:
    """No CDN, fonts or scripts from the network, and nothing the server's Content-Security-Policy refuses."""
    remote, inline = [], []
    for page in built.site.rglob("*.html"):
        links = parsed(page)
        remote += [f"{page.name}: {a}" for a in links.assets if urlsplit(a).scheme or a.startswith("//")]
        inline += [f"{page.relative_to(built.site)}: {i}" for i in links.inline]
    for css in built.site.rglob("*.css"):
        remote += [f"{css.name}: {u}" for u in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)",
                                                          css.read_text(encoding="utf-8"))]
    assert not remote
    assert not inline


def test_generated_codebook_has_every_code_with_real_examples(built: BuiltSite) -> None:
    cameo = (built.docs / GENERATED / "cameo.md").read_text(encoding="utf-8")
    table = load_code_table()
    assert not [code for code in table.codes if f"`{code}`" not in cameo and f"## {code} " not in cameo]
    examples = [line for line in cameo.splitlines() if line.startswith("- `")]
    assert examples and all(("(examples/" in line or "(samples/" in line) and "**" in line for line in examples)
    assert any("(samples/" in line for line in examples)
    assert any("Damboa" in line for line in examples)  # the Borno attack is coded from its own sentence
    assert re.search(r"`138` \|.*\| threaten force \.\.\.", cameo)  # the lexicon rows that give each code
    actors = (built.docs / GENERATED / "actors.md").read_text(encoding="utf-8")
    assert "| `ISROPP` | Israel (`ISR`) + `OPP`: opposition" in actors  # "what does ISROPP mean"
    assert "`IGOUNO`" in actors
    people = (built.docs / GENERATED / "people.md").read_text(encoding="utf-8")
    assert not [name for name in load_actor_kb().people if f"| {name} |" not in people]


def test_the_accuracy_page_shows_every_stored_evaluation_run_and_when(built: BuiltSite) -> None:
    page = (built.docs / GENERATED / "accuracy.md").read_text(encoding="utf-8")
    stored = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in EVAL_RESULTS.glob("*.json")}
    assert set(stored) >= MEASURED
    for name, run in stored.items():
        section = page.split(f"\n### {name}\n", 1)[1].split("\n### ", 1)[0]
        assert f"`{run['command']}`, measured {measured_at(run)} by eventwire" in section, name
        assert all(f"`{d['path']}`" in section for d in run["data"]), name
    html = (built.site / "reference" / "accuracy.html").read_text(encoding="utf-8")
    assert 'id="records-web"' in html and 'href="#records-web"' in html


def test_every_cli_command_and_option_has_help_and_is_in_the_reference(built: BuiltSite) -> None:
    assert not undocumented()
    reference = (built.docs / GENERATED / "cli.md").read_text(encoding="utf-8")
    for doc in commands():
        assert f"## {doc.path}\n" in reference
        assert not [usage for usage, _, _ in doc.params if f"`{usage}`" not in reference]


def test_every_http_endpoint_and_parameter_is_in_the_reference(built: BuiltSite) -> None:
    page = (built.docs / GENERATED / "http-api.md").read_text(encoding="utf-8")
    spec = openapi_spec()
    assert "/ingest" in spec["paths"]
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            assert f"## {method.upper()} `{path}`" in page
            assert not [p["name"] for p in op.get("parameters", []) if f"| `{p['name']}` |" not in page]


def test_every_command_is_used_in_the_written_guide() -> None:
    text = "\n".join(written_pages().values())
    assert not [doc.path for doc in commands() if doc.path not in text]


def test_every_setting_is_documented() -> None:
    settings = written_pages()["guide/settings.md"]
    variables = set()
    for path in (ROOT / "src" / "eventwire").rglob("*.py"):
        variables |= set(re.findall(r"EVENTWIRE_[A-Z_]+", path.read_text(encoding="utf-8")))
    assert variables  # EVENTWIRE_MODEL at least
    missing = [f for f in Settings.__dataclass_fields__ if f"`{f}`" not in settings]
    assert not missing + [v for v in sorted(variables) if v not in settings]


def test_every_output_field_and_column_has_a_meaning(built: BuiltSite) -> None:
    assert not docsgen.gaps()
    page = (built.docs / GENERATED / "fields.md").read_text(encoding="utf-8")
    assert not [f for f in Event.model_fields if f"`{f}`" not in page]


def test_a_field_without_a_meaning_stops_the_generator(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(fields, "meaning", lambda scope, name: "" if name == "place_basis" else "known")
    assert "events.place_basis" in docsgen.gaps()
    assert docsgen.main([str(tmp_path / "out")]) == docsgen.EXIT_INCOMPLETE
    assert not (tmp_path / "out").exists()


def test_every_module_has_its_line_in_the_layout(built: BuiltSite) -> None:
    """The contributor's layout page is the modules' own docstrings: a module without one has no line."""
    assert not [name for name, line in modules() if not line]
    page = (built.docs / GENERATED / "layout.md").read_text(encoding="utf-8")
    assert not [name for name, _ in modules() if f"`{name}`" not in page]


def test_every_exported_python_name_is_documented() -> None:
    text = "\n".join(written_pages().values())
    assert not [name for name in getattr(eventwire, "__all__", ()) if f"`{name}`" not in text]


def test_every_gdelt_column_is_on_the_gdelt_page() -> None:
    page = written_pages()["migration/gdelt.md"]
    assert not [c for c in GDELT_COLUMNS if f"| {c} |" not in page]


def test_the_icews_page_maps_each_root_to_its_plover_type() -> None:
    """The CAMEO-PLOVER table of the ICEWS/POLECAT page, row by row, against the packaged map."""
    page = written_pages()["migration/icews-polecat.md"]
    table = load_code_table()
    rows = re.findall(r"^\| ([A-Z]+(?: / [A-Z]+)?) \| (.+) \|$", page, flags=re.M)
    assert {t for types, _ in rows for t in types.split(" / ")} == {t for t, _ in table.plover.values() if t}
    for types, roots in rows:
        # every code the row names, except a range's start and an exception told in words ("163 is COERCE")
        for cameo in re.findall(r"\b(\d{2,4})\b(?!-| is | are )", roots):
            assert table.plover_of(cameo)[0] in types.split(" / "), (types, cameo)


def test_the_acled_page_names_only_real_cameo_codes() -> None:
    page = written_pages()["migration/acled.md"]
    cameo_cells = re.findall(r"^\| [A-Z][^|]+ \| (.+) \|$", page, flags=re.M)
    named = {c for cell in cameo_cells for c in re.findall(r"\b(\d{2,4})\b", cell)}
    assert named and not named - set(load_code_table().codes)


def run_blocks(markdown: str) -> list[list[str]]:
    """What the fenced blocks marked `<!-- run -->` run, in page order: each `$ ` line of a console block as a
    shell command, each python block as a whole (`python -c`)."""
    blocks = re.findall("^" + re.escape(RUN_MARK) + r"\n```(\w*)\n(.*?)```", markdown, flags=re.S | re.M)
    steps: list[list[str]] = []
    for kind, body in blocks:
        if kind == "console":
            steps += [["bash", "-c", f"set -o pipefail; {line[2:]}"] for line in body.splitlines()
                      if line.startswith("$ ")]
        elif kind == "python":
            steps.append([sys.executable, "-c", body])
    return steps


def marks(markdown: str) -> int:
    return sum(line == RUN_MARK for line in markdown.splitlines())


RUNNABLE = sorted(name for name, text in written_pages().items() if marks(text))


def test_the_guide_has_runnable_examples() -> None:
    assert {"guide/first-ten-minutes.md", "guide/extending.md"} <= set(RUNNABLE)
    for name in RUNNABLE:  # a mark on any other kind of block would run nothing
        text = written_pages()[name]
        runnable = re.findall("^" + re.escape(RUN_MARK) + r"\n```(?:console|python)\n", text, flags=re.M)
        assert marks(text) == len(runnable), name


@pytest.mark.parametrize("page", RUNNABLE)
def test_the_guide_examples_run(page: str, tmp_path: Path) -> None:
    """Each page's marked commands and Python blocks, in order, in a fresh folder holding a copy of examples/."""
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "HOME": str(tmp_path)}  # `actors add` without --file writes under ~/.config
    for step in run_blocks(written_pages()[page]):
        proc = subprocess.run(step, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600, check=False)
        assert proc.returncode == 0, f"{page}: {step[-1]}\n{proc.stderr[-2000:]}"


def test_the_server_serves_the_site_at_guide_and_links_both_ways(built: BuiltSite, tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    Store(db).close()
    app = create_app(ApiConfig(db=db, static_dir=tmp_path / "no_dashboard", guide_dir=built.site))
    try:
        with TestClient(app, base_url="http://127.0.0.1:8000") as client:
            moved = client.get("/guide", follow_redirects=False)
            assert moved.status_code in (301, 302, 307) and moved.headers["location"] == "/guide/"
            index = client.get("/guide/")
            assert index.status_code == 200 and "<title>" in index.text and 'href="/docs"' in index.text
            assert client.get("/guide/reference/cameo.html").status_code == 200
            assert client.get("/guide/js/settings.js").headers["content-type"].startswith("text/javascript")
            assert client.get("/guide/no-such-page.html").status_code == 404
            assert "/guide/" in client.get("/openapi.json").json()["info"]["description"]
            # HEAD answers as GET does (link checkers and `curl -I` ask with HEAD)
            head = client.head("/guide", follow_redirects=False)
            assert head.status_code == moved.status_code and head.headers["location"] == "/guide/"
            assert client.head("/guide/").status_code == 200
            assert client.head("/guide/reference/cameo.html").status_code == 200
    finally:
        app.state.db.close()


def test_without_a_built_site_guide_says_how_to_build_it(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    Store(db).close()
    app = create_app(ApiConfig(db=db, static_dir=tmp_path / "none", guide_dir=tmp_path / "none"))
    try:
        with TestClient(app, base_url="http://127.0.0.1:8000") as client:
            answer = client.get("/guide/")
            assert answer.status_code == 404 and "make docs" in answer.text
            assert client.head("/guide", follow_redirects=False).status_code == 307
            assert client.head("/guide/").status_code == 404
    finally:
        app.state.db.close()


def test_the_readme_links_the_site_and_stays_the_front_door() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [line for line in readme.splitlines()[:6] if line.startswith("make ")] == ["make demo", "make test"]
    assert "make docs" in readme and "/guide" in readme
