"""`marsad actors`: the actors across the store, with how often and in how many documents they appear."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from marsad.cli.options import DbOption, print_rows, store_for
from marsad.store.base import DocumentFilter

console = Console()


def register(app: typer.Typer) -> None:
    app.command("actors")(list_actors)


def list_actors(
    type: Annotated[
        str | None,
        typer.Option("--type", help="Only this type: state, person, armed group, military, government..."),
    ] = None,
    name: Annotated[str | None, typer.Option(help="Only names containing this text.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10000)] = 50,
    db: DbOption = None,
) -> None:
    """List actors across the store, most mentioned first, with mention and document counts."""
    with store_for(db) as store:
        page = store.actors(DocumentFilter(), name=name, type=type, limit=limit)
    print_rows(
        console,
        ("actor", "type", "kb id", "mentions", "documents"),
        [(a.name, a.type, a.kb_id or "", str(a.mentions), str(a.documents)) for a in page.items],
    )
    console.print(f"{len(page.items)} of {page.total} actors", highlight=False)
