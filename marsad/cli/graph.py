"""`marsad graph`: relations between actors over time (ally, supports, hostile, ...) as GraphML or JSON."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.options import DbOption, store_for
from marsad.export.relations import write_relations_graphml, write_relations_json
from marsad.resolve.relations import build_relations


class GraphFormat(StrEnum):
    graphml = "graphml"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command()(graph)


def graph(
    format: Annotated[GraphFormat, typer.Option("--format", help="graphml or json.")] = GraphFormat.graphml,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write here instead of standard output.", show_default=False),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export the actor relation graph read from events and statements, with dates and evidence."""
    with store_for(db) as store:
        relations = build_relations(store.iter_results())
    writer = write_relations_json if format == GraphFormat.json else write_relations_graphml
    if output is None:
        writer(relations, sys.stdout)
        return
    with output.open("w", encoding="utf-8") as out:
        writer(relations, out)
    typer.echo(f"{len(relations.nodes)} actors, {len(relations.edges)} relations → {output}", err=True)
