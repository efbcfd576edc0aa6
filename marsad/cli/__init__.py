"""The `marsad` command: a thin layer that parses arguments, calls the library and prints."""

from __future__ import annotations

import json

import typer

from marsad.cli import actors, batch, claims, evaluate, events, graph, places, query, serve
from marsad.errors import MarsadError
from marsad.model import json_schema

app = typer.Typer(
    name="marsad",
    help="Turn conflict reporting into a sourced, queryable model of a conflict.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
batch.register(app)
evaluate.register(app)
query.register(app)
places.register(app)
actors.register(app)
events.register(app)
claims.register(app)
graph.register(app)
serve.register(app)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the marsad/1 output contract."""
    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


def main() -> None:
    """Console entry point: Marsad's own errors end as one clear line and exit status 1."""
    try:
        app()
    except MarsadError as error:
        typer.echo(f"marsad: error: {error}", err=True)
        raise SystemExit(1) from None
