"""`marsad places`: the places named across the store, with how often and in how many documents."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from marsad.cli.options import DbOption, print_rows, store_for

console = Console()


def register(app: typer.Typer) -> None:
    app.command()(places)


def places(
    country: Annotated[
        str | None,
        typer.Option(help="Only places in this country (ISO alpha-2, e.g. SY).", show_default=False),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10000, help="Show at most N places.")] = 50,
    db: DbOption = None,
) -> None:
    """List places across the stored documents, most mentioned first."""
    with store_for(db) as store:
        rows = store.places(country=country, limit=limit)
    print_rows(
        console,
        ("place", "country", "lat", "lon", "feature", "geonames", "mentions", "documents"),
        [
            (
                p.name,
                p.country or "",
                f"{p.lat:.4f}" if p.lat is not None else "",
                f"{p.lon:.4f}" if p.lon is not None else "",
                p.feature or "",
                str(p.geonames_id or ""),
                str(p.mentions),
                str(p.documents),
            )
            for p in rows
        ],
    )
