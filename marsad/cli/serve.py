"""`marsad serve`: the API and web UI over the store."""

from __future__ import annotations

from typing import Annotated

import typer

from marsad.cli.batch import AllowPrivate
from marsad.cli.options import DbOption, settings_for

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")
    ] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = DEFAULT_PORT,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="MARSAD_API_TOKEN",
            help="Bearer token that allows uploads and URL ingestion; without one the server is read-only.",
            show_default=False,
        ),
    ] = None,
    allow_private_urls: AllowPrivate = False,
) -> None:
    """Serve the web UI and the HTTP API (OpenAPI at /openapi.json) over the store."""
    import uvicorn

    from marsad.api import ApiSettings, create_app
    from marsad.api.ui import INSTALL_HINT, vendor_installed
    from marsad.store import open_store

    settings = settings_for(db, allow_private_urls=allow_private_urls or None, workers=1)
    store = open_store(settings.db_url)
    try:
        app = create_app(store, ApiSettings(pipeline=settings, token=token or None))
        shown = "127.0.0.1" if host in {"0.0.0.0", "::"} else host
        typer.echo(f"Marsad is serving {store.url}")
        typer.echo(f"  open http://{shown}:{port}/   (API: /api/..., OpenAPI: /openapi.json)")
        typer.echo(
            "  uploads and URL ingestion: " + ("enabled with the token" if token else "off (no token)")
        )
        if not vendor_installed():
            typer.echo(f"  note: {INSTALL_HINT} (the map needs them)", err=True)
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        store.close()
