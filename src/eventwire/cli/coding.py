"""`eventwire codes` and `eventwire explain`: the code table, and why a sentence codes as it does."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli.common import check_date, load_pipeline
from eventwire.cli.filters import check_root

if TYPE_CHECKING:
    from eventwire.model import Event


def codes(
    root: Annotated[str | None, typer.Option(help="Only this CAMEO root (e.g. 19).")] = None,
) -> None:
    """List the CAMEO codes with their PLOVER type, QuadClass and Goldstein weight."""
    from eventwire.events.codes import load_code_table

    if root is not None:
        root = check_root(root, "--root")
    table_data = load_code_table()
    rows = []
    for code in sorted(table_data.codes.values(), key=lambda c: c.code):
        if root and code.root != root:
            continue
        plover, mode = table_data.plover_of(code.code)
        rows.append({"cameo": code.code, "name": code.name, "plover": plover, "plover_mode": mode,
                     "quad_class": code.quad_class, "goldstein": code.goldstein})
    if not sys.stdout.isatty():
        for row in rows:
            sys.stdout.write(json.dumps(row) + "\n")
        return
    table = Table(title=f"{len(rows)} CAMEO codes")
    for name in ("cameo", "name", "plover", "plover_mode", "quad_class", "goldstein"):
        table.add_column(name)
    for row in rows:
        table.add_row(*[str(v) if v is not None else "" for v in row.values()])
    Console().print(table)


def explain(
    sentence: Annotated[str, typer.Argument(help="A news sentence or short text.")],
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD, '3 Jan 2015', RFC 822).",
                                                                 callback=check_date)] = None,
) -> None:
    """Show the parse, the actors, places and times found, the lexicon rows that fired and the events."""
    from eventwire.events.lexicon import match_noun, match_verb
    from eventwire.ingest.sources import article_id
    from eventwire.model import Article

    # every event the coder reads, each left out by default saying why: an analyst asking why a sentence gave
    # nothing needs to tell a trigger that never fired from an event judged not political
    pipeline = load_pipeline(None, all_events=True)
    resources = pipeline.resources
    doc = resources.nlp(sentence)
    result = pipeline.run_doc(Article(id=article_id(sentence), text=sentence, published=published), doc)
    console = Console(soft_wrap=True, highlight=False)

    def say(text: str) -> None:
        console.print(text, markup=False)  # article text is not rich markup

    console.print("[bold]parse[/bold]")
    for t in doc:
        if t.is_space:
            continue
        lex = pipeline.resources.lexicon
        row = match_verb(lex, t) if t.pos_ == "VERB" else match_noun(lex, t) if t.pos_ == "NOUN" else None
        fired = f"  <- lexicon {row.code} {row.pos} '{row.lemma}'" + (f" +{row.particle}" if row.particle else "") + (
            f" objects={sorted(row.objects)}" if row.objects else "") if row else ""
        say(f"  {t.i:3} {t.text:<15} {t.lemma_:<12} {t.pos_:<5} {t.dep_:<10} -> {t.head.i:3}{fired}")
    console.print("[bold]actors[/bold]")
    for a in result.actors:
        how = f" ({a.resolved_from})" if a.resolved_from else ""
        say(f"  {a.text!r} -> {a.code or '(none)'} {a.name}{how}")
    console.print("[bold]places[/bold]")
    for p in result.places:
        say(f"  {p.text!r} -> {p.name}, {p.country} ({p.lat}, {p.lon}) {p.feature}")
    console.print("[bold]times[/bold]")
    for when in result.times:
        say(f"  {when.text!r} -> {when.value} ({when.precision})" + (f" {when.note}" if when.note else ""))
    console.print("[bold]events[/bold]")
    if not result.events:
        say("  none: no lexicon row fired with an actor as its source")
    for e in result.events:
        target = e.target.code if e.target else "-"
        say(f"  {e.cameo} {e.cameo_name} | {e.source.code} -> {target} | {e.plover or '-'} | "
                      f"date {e.date} ({'defaulted' if e.date_defaulted else 'stated'}) | place "
                      f"{e.place.name if e.place else '-'} [{e.place_basis}] | negated={e.negated} "
                      f"hypothetical={e.hypothetical} confidence={e.confidence} | trigger '{e.evidence.trigger}'"
            + ("" if e.political else f" | left out by default: {_why_left_out(e, resources.relevance.threshold)}"))


def _why_left_out(event: Event, threshold: float) -> str:
    if event.hypothetical or event.negated:
        return "hypothetical or negated (--all-events keeps it)"
    if event.confidence < threshold:
        return f"judged not political news (confidence under the threshold {threshold}; --all-events keeps it)"
    return "told as background, a standing state, a plain statement or an act aimed at no one (--all-events keeps it)"
