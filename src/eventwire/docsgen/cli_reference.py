"""The command-line reference, read from the typer app itself: every command with its help, every argument
and option with its help and default. `undocumented` lists the ones without help, which the docs tests refuse."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import typer.main

from eventwire.docsgen.markdown import GENERATED_NOTE, table


@dataclass(frozen=True)
class CommandDoc:
    path: str  # "eventwire actors lookup"
    help: str
    params: tuple[tuple[str, str, str], ...]  # (usage: "--db PATH" or "PATHS", help, default)


def _default(param: Any) -> str:
    value = param.default
    if value is None or callable(value) or value == () or (getattr(param, "is_flag", False) and value is False):
        return ""
    return str(value)


def commands() -> Iterator[CommandDoc]:
    from eventwire.cli import app

    yield from _walk(typer.main.get_command(app), "eventwire")


def _walk(command: Any, path: str) -> Iterator[CommandDoc]:
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            yield from _walk(sub, f"{path} {name}")
        return
    params = []
    for param in command.params:
        if param.param_type_name == "argument":
            usage = param.name.upper() + (" ..." if param.nargs == -1 else "")
        else:
            usage = " / ".join(param.opts + getattr(param, "secondary_opts", []))
        params.append((usage, " ".join((getattr(param, "help", None) or "").split()), _default(param)))
    yield CommandDoc(path, (command.help or "").strip(), tuple(params))


def undocumented() -> list[str]:
    """Commands, arguments and options that have no help text."""
    missing = []
    for doc in commands():
        if not doc.help:
            missing.append(doc.path)
        missing += [f"{doc.path} {usage}" for usage, text, _ in doc.params if not text]
    return missing


def anchor(path: str) -> str:
    return path.replace(" ", "-")


def cli_page() -> str:
    parts = ["# Command-line reference\n\n", GENERATED_NOTE.format(source="the CLI's own help (eventwire/cli)"),
             "Every command, with the help `eventwire COMMAND --help` prints. Exit status: 0 all done, 1 some "
             "inputs failed (each reported), 2 usage error, 3 cannot run (see [Errors](../guide/errors.md)).\n\n"]
    for doc in commands():
        parts.append(f"## {doc.path}\n\n{' '.join(doc.help.split())}\n\n")
        if doc.params:
            parts.append(table(("argument or option", "meaning", "default"),
                               [(f"`{usage}`", text, f"`{default}`" if default else "")
                                for usage, text, default in doc.params]) + "\n")
    return "".join(parts)
