"""The event filters `query` and `export` share: one option type each, one function turning them into an
`EventFilter` (a bad value is a usage error naming the option)."""

from __future__ import annotations

from typing import Annotated

import typer

from eventwire.cli.common import check_date, usage_error
from eventwire.errors import InvalidValue
from eventwire.filters import EventFilter, Near

ActorOption = Annotated[str | None, typer.Option(help="Actor code prefix, source or target (RUS, RUSGOV).")]
SourceOption = Annotated[str | None, typer.Option(help="Source actor code prefix.")]
TargetOption = Annotated[str | None, typer.Option(help="Target actor code prefix.")]
CameoOption = Annotated[str | None, typer.Option(help="CAMEO code prefix (19, 195).")]
CameoRootOption = Annotated[str | None, typer.Option("--cameo-root", help="CAMEO root (08).")]
QuadClassOption = Annotated[int | None, typer.Option("--quad-class", min=1, max=4, help="1-4.")]
CountryOption = Annotated[str | None, typer.Option(
    help="Country of the event's place: a name, ISO2 or ISO3 code (Syria, SY, SYR).")]
SinceOption = Annotated[str | None, typer.Option(
    help="Events dated on or after YYYY-MM-DD: a week, month or year event only if it begins on or after it.",
    callback=check_date)]
UntilOption = Annotated[str | None, typer.Option(
    help="Events dated on or before YYYY-MM-DD: a week, month or year event only if it ends on or before it.",
    callback=check_date)]
NearOption = Annotated[str | None, typer.Option(help="LAT,LON,RADIUSkm around the event's place.")]
TextOption = Annotated[str | None, typer.Option(help="Words in the evidence sentences.")]
FactsOnlyOption = Annotated[bool, typer.Option("--facts-only", help="Leave out negated and hypothetical events.")]
MinConfidenceFilter = Annotated[float | None, typer.Option(
    "--min-confidence", min=0.0, max=1.0, help="Only events at least this confident.")]


def event_filter(actor: str | None = None, source: str | None = None, target: str | None = None,
                 cameo: str | None = None, cameo_root: str | None = None, quad_class: int | None = None,
                 country: str | None = None, since: str | None = None, until: str | None = None,
                 near: str | None = None, text: str | None = None, facts_only: bool = False,
                 min_confidence: float | None = None, limit: int | None = None) -> EventFilter:
    """The command line's filters as an EventFilter; a country is resolved to its ISO3 code here."""
    from eventwire.countries import country_iso3

    try:
        where = Near.parse(near) if near else None
    except InvalidValue as exc:
        raise typer.BadParameter(str(exc), param_hint="--near") from None
    try:
        iso3 = country_iso3(country) if country else None
    except InvalidValue as exc:
        usage_error("--country", str(exc))
    if cameo_root is not None:
        check_root(cameo_root, "--cameo-root")
    return EventFilter(actor=actor, source=source, target=target, cameo=cameo, cameo_root=cameo_root,
                       quad_class=quad_class, country=iso3, since=since, until=until, near=where, text=text,
                       include_hypothetical=not facts_only, include_negated=not facts_only,
                       min_confidence=min_confidence, limit=limit)


def check_root(root: str, option: str) -> str:
    """A CAMEO root as given ("8", "08", "19") -> its two digits; anything but 01-20 is a usage error."""
    if not (root.isdigit() and 1 <= int(root) <= 20):
        usage_error(option, f"'{root}' is not a CAMEO root (01 to 20)")
    return root.zfill(2)
