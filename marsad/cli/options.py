"""Options shared by several commands, declared once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from marsad.settings import Settings, load_settings
from marsad.store import Store, open_store

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Store URL: sqlite:///file.db or postgresql://... [default: $MARSAD_DB, else ./marsad.db]",
        show_default=False,
    ),
]


def settings_for(db: str | None, **overrides: object) -> Settings:
    return load_settings().with_overrides(db_url=db, **overrides)


def print_rows(console: Console, columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> None:
    """A table on a terminal; tab-separated lines in a pipe, where scripts read them whole."""
    if not console.is_terminal:
        for row in (columns, *rows):
            console.file.write("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row) + "\n")
        return
    table = Table(*columns)
    for row in rows:
        table.add_row(*row)
    console.print(table)


@contextmanager
def store_for(db: str | None) -> Iterator[Store]:
    """The store named by --db (or the default), closed when the command is done with it."""
    store = open_store(settings_for(db).db_url)
    try:
        yield store
    finally:
        store.close()
