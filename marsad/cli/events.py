"""`marsad events`: the events merged across the store, filtered, one line per real-world event."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer
from rich.console import Console

from marsad.cli.options import DbOption, print_rows, store_for
from marsad.store.events import EventFilter

console = Console()


def register(app: typer.Typer) -> None:
    app.command("events")(list_events)


def list_events(
    type: Annotated[
        str | None, typer.Option("--type", help="PLOVER type: FIGHT, RETREAT, CONSULT ...")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Actor or target name contains this.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name contains this.")] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before this day (YYYY-MM-DD).")] = None,
    status: Annotated[
        str | None, typer.Option(help="happened, ongoing, announced, ordered, planned, denied, ...")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10000)] = 100,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON with every source.")] = False,
    db: DbOption = None,
) -> None:
    """List events merged across documents: who did what to whom, where and when, with sources."""
    where = EventFilter(type=type, actor=actor, place=place, since=since, until=until, status=status)
    with store_for(db) as store:
        page = store.event_clusters(where, limit=limit)
    if json_output:
        items = [asdict(item) for item in page.items]
        typer.echo(json.dumps({"total": page.total, "events": items}, indent=2, default=_plain))
        return
    print_rows(
        console,
        ("id", "date", "type", "status", "actor", "target", "place", "sources", "trigger"),
        [
            (
                c.id,
                _date(c.date.start, c.date.end) if c.date else "",
                f"{c.type}.{c.mode}" if c.mode else c.type,
                c.status,
                c.actor or "",
                c.target or "",
                c.place or "",
                str(c.documents),
                c.sources[0].trigger.text if c.sources else "",
            )
            for c in page.items
        ],
    )
    console.print(f"{len(page.items)} of {page.total} events", highlight=False)


def _date(start: str, end: str) -> str:
    return start if start == end else f"{start}..{end}"


def _plain(value: object) -> object:
    dump = getattr(value, "model_dump", None)
    return dump() if dump else str(value)
