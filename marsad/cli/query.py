"""Commands that read the store: show, search, export, quarantine."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from marsad.cli.options import DbOption, print_rows, store_for
from marsad.export import EXPORTERS

console = Console()


def register(app: typer.Typer) -> None:
    app.command()(show)
    app.command()(search)
    app.command()(export)
    app.command()(quarantine)


def show(
    doc_id: Annotated[
        str | None, typer.Argument(help="Document id; omit to list the stored documents.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Print one stored document as marsad/1 JSON, or list the stored documents."""
    with store_for(db) as store:
        if doc_id is not None:
            result = store.get(doc_id)
            if result is None:
                typer.echo(f"marsad: no document with id {doc_id}", err=True)
                raise typer.Exit(1)
            typer.echo(result.model_dump_json(by_alias=True, indent=2))
            return
        docs = [result.doc for result in store.iter_results()]
        print_rows(
            console,
            ("id", "title", "outlet", "published", "language", "source"),
            [(d.id, d.title or "", d.outlet or "", d.published or "", d.language, d.source) for d in docs],
        )
        counts = store.counts()
        console.print(
            f"{counts.documents} documents, {counts.sentences} sentences, {counts.removed} removed blocks, "
            f"{counts.near_duplicates} near-duplicates, {counts.non_english} not English, "
            f"{counts.quarantined} quarantined",
            highlight=False,
        )


def search(
    query: Annotated[str, typer.Argument(help="Words to find (all of them).")],
    sentences: Annotated[bool, typer.Option("--sentences", help="Match single sentences.")] = False,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
    db: DbOption = None,
) -> None:
    """Full-text search over the stored documents or sentences."""
    with store_for(db) as store:
        hits = store.search(query, limit=limit, sentences=sentences)
    print_rows(
        console,
        ("doc", "title", "span", "snippet"),
        [
            (
                h.doc_id,
                h.title or "",
                f"{h.sentence_start}-{h.sentence_end}" if h.sentence_start is not None else "",
                h.snippet,
            )
            for h in hits
        ],
    )
    console.print(f"{len(hits)} hits", highlight=False)


def export(
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="; ".join(f"{name}: {exporter.description}" for name, exporter in EXPORTERS.items()),
        ),
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; stdout if omitted.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export every stored document (jsonl), event (csv, geojson, parquet) or the actor network (graphml)."""
    exporter = EXPORTERS.get(format)
    if exporter is None:
        raise typer.BadParameter(f"unknown format {format!r}; choose from {', '.join(EXPORTERS)}")
    with store_for(db) as store:
        if output is None:
            sys.stdout.flush()
            count = exporter.write(store.iter_results(), sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with output.open("wb") as out:
                count = exporter.write(store.iter_results(), out)
    typer.echo(f"exported {count} {exporter.unit}", err=True)


def quarantine(db: DbOption = None) -> None:
    """List inputs that could not be read or analysed, with their reasons."""
    with store_for(db) as store:
        entries = store.quarantined()
    print_rows(
        console,
        ("when", "reason", "source", "message"),
        [(e.created_at, e.reason, e.source, e.message) for e in entries],
    )
