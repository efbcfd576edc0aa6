"""`marsad claims`: stored claims with speaker, stance and disputes; `marsad copies`: copied text."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from marsad.cli.options import DbOption, print_rows, store_for

console = Console()


def register(app: typer.Typer) -> None:
    app.command()(claims)
    app.command()(copies)


def claims(
    speaker: Annotated[
        str | None,
        typer.Option(help="Only claims by this speaker (name or id, substring).", show_default=False),
    ] = None,
    contradicted: Annotated[
        bool, typer.Option("--contradicted", help="Only claims another claim disputes.")
    ] = False,
    kind: Annotated[
        str | None, typer.Option(help="quote, reported, according-to, colon or cause.", show_default=False)
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10000, help="Show at most N claims.")] = 50,
    db: DbOption = None,
) -> None:
    """List claims across the stored documents: who said what, with stance, disputes and sources."""
    with store_for(db) as store:
        rows = store.claims(speaker=speaker, contradicted=contradicted, kind=kind, limit=limit)
    print_rows(
        console,
        (
            "document",
            "claim",
            "kind",
            "speaker",
            "stance",
            "cue",
            "text",
            "contradicted by",
            "confirmed by",
            "sources",
        ),
        [
            (
                r.doc_id,
                r.claim_id,
                r.kind,
                r.speaker or r.attributed_to or "",
                r.stance or "",
                r.cue or "",
                r.text,
                " ".join(r.contradicted_by),
                " ".join(r.confirmed_by),
                str(len(r.sources)),
            )
            for r in rows
        ],
    )


def copies(
    document: Annotated[
        str | None, typer.Argument(help="Only pairs with this document id.", show_default=False)
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10000, help="Show at most N pairs.")] = 50,
    db: DbOption = None,
) -> None:
    """List pairs of stored documents that share copied passages, with the aligned spans."""
    with store_for(db) as store:
        rows = store.copies(document, limit=limit)
    print_rows(
        console,
        ("document", "copied in", "words", "passages (a_start-a_end=b_start-b_end)"),
        [
            (
                r.doc_a,
                r.doc_b,
                str(r.words),
                " ".join(f"{p['a_start']}-{p['a_end']}={p['b_start']}-{p['b_end']}" for p in r.passages),
            )
            for r in rows
        ],
    )
