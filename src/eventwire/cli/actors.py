"""`eventwire actors lookup | add | import`: the actor knowledge base from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.common import EXIT_INPUT_FAILED, cannot_run, check_date, fail, load_pipeline
from eventwire.errors import CannotRun, DataFileError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Look up, add and import actors.")


def default_user_file() -> Path:
    """The first file of EVENTWIRE_ACTORS, else the user folder's actors.tsv (loaded by every command)."""
    from eventwire.userfiles import actors_file_to_write

    return actors_file_to_write()


@app.command()
def lookup(
    text: Annotated[str, typer.Argument(help="A name or phrase: 'Vladimir Putin', 'the Syrian army'.")],
    date: Annotated[str | None, typer.Option(help="Resolve roles as of YYYY-MM-DD.", callback=check_date)] = None,
) -> None:
    """How eventwire codes a name or phrase on a date, and why."""
    from eventwire.ingest.sources import article_id
    from eventwire.model import Article

    pipeline = load_pipeline(None)
    kb = pipeline.resources.actor_kb
    result = pipeline.run(Article(id=article_id(text), text=text, published=date))
    if not result.actors:
        typer.echo(f"{text!r}: no actor (not in the knowledge base, and no role noun with a country)")
        raise typer.Exit(EXIT_INPUT_FAILED)
    for actor in result.actors:
        how = actor.resolved_from or ("knowledge base" if actor.kb_id else "description")
        typer.echo(f"{actor.text!r} -> {actor.code or '(no code)'} ({actor.name}; kind {actor.kind}; "
                   f"sector {actor.sector}; {how}; kb id {actor.kb_id})")
        if actor.kb_id and actor.kb_id.startswith("person:"):
            person = actor.kb_id.split(":", 1)[1]
            for role in sorted(kb.people.get(person, ()), key=lambda r: r.start):
                mark = "*" if date and role.active_on(date) else " "
                typer.echo(f"  {mark} {role.code:<10} {role.start or '...'} to {role.end or 'now'}  {role.title}")
            if date and not any(r.active_on(date) for r in kb.people.get(person, ())):
                typer.echo(f"    no role held on {date}: coded as a former office holder (ELI)")


@app.command()
def add(
    name: Annotated[str, typer.Argument(help="Canonical name.")],
    code: Annotated[str, typer.Option(help="CAMEO-style code: RUSGOV, SYRREBYPG, IGOUNO.")],
    alias: Annotated[list[str] | None, typer.Option(help="Another name (repeatable).")] = None,
    kind: Annotated[str, typer.Option(help="person (dated roles) or a group kind.")] = "person",
    start: Annotated[str, typer.Option(help="Role start (YYYY-MM-DD).")] = "",
    end: Annotated[str, typer.Option(help="Role end (YYYY-MM-DD).")] = "",
    file: Annotated[Path | None, typer.Option(help="User actors file (default: EVENTWIRE_ACTORS, else "
                                                   "actors.tsv in the user folder).")] = None,
) -> None:
    """Add an actor (or a role period of a person) to your actors file."""
    from eventwire.actors.user import UserActor, append_user_actors

    target = file or default_user_file()
    actor = UserActor(name, tuple(alias or ()), code.upper(), kind, start, end, "added")
    try:
        actor.row()
    except DataFileError as exc:  # a name or alias that cannot be stored: a usage error
        raise typer.BadParameter(str(exc)) from None
    try:
        append_user_actors(target, [actor])
    except DataFileError as exc:
        cannot_run(exc)
    except OSError as exc:
        cannot_run(CannotRun(f"{target}: {exc}"))
    typer.echo(f"added {name} ({code.upper()}) to {target}; {_used(target)}")


@app.command(name="import")
def import_(
    dictionary: Annotated[Path, typer.Argument(help="A CAMEO/Phoenix-format actor dictionary.")],
    file: Annotated[Path | None, typer.Option(help="User actors file to append to.")] = None,
) -> None:
    """Import a Phoenix/PETRARCH actor dictionary ('NAME_ [CODE YYMMDD-YYMMDD]', '+SYNONYM')."""
    from eventwire.actors.user import append_user_actors, parse_phoenix

    try:
        actors = parse_phoenix(dictionary.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        fail(str(dictionary), f"cannot read: {exc}")
        raise typer.Exit(EXIT_INPUT_FAILED) from None
    if not actors:
        fail(str(dictionary), "no actors in Phoenix format found")
        raise typer.Exit(EXIT_INPUT_FAILED)
    target = file or default_user_file()
    append_user_actors(target, actors)
    typer.echo(f"imported {len(actors)} actor codes from {dictionary} into {target}; {_used(target)}")


def _used(target: Path) -> str:
    """Whether the file written is one every command loads, or only when named."""
    from eventwire.userfiles import user_actor_files

    loaded = {str(Path(p).resolve()) for p in user_actor_files()}
    if str(target.resolve()) in loaded:
        return "used from now on (`eventwire recode --stale` recodes stored articles with it)"
    return f"used when {target} is in EVENTWIRE_ACTORS"
