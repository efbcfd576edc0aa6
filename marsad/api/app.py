"""`create_app(store, settings)`: the FastAPI application over one store, with the web UI at `/`.

Routes parse the request, call one function of `marsad.explore.service` (or `marsad.run.submit`)
and return its result; `errors.py` turns Marsad's errors into HTTP responses. The OpenAPI document
is at /openapi.json; the UI has no CDN dependencies, so no interactive docs page is mounted (it would
load scripts from a CDN).
"""

from __future__ import annotations

from fastapi import FastAPI

from marsad import __version__
from marsad.api import errors, ui
from marsad.api.middleware import BodyLimit, SecurityHeaders
from marsad.api.routes import ROUTERS
from marsad.api.settings import ApiSettings
from marsad.store.base import Store

DESCRIPTION = """\
Marsad's analysed conflict reports: documents, actors, places, events, claims, contradictions,
the actor network and sources, each fact with the document and character span it came from.

Lists take `offset` and `limit` and return `{items, total, offset, limit}`. Errors have one shape:
`{"error": {"code": "...", "message": "..."}}`. Reading needs nothing; the `/api/ingest/*`
endpoints need `Authorization: Bearer <token>` with the token the server was started with, and are
disabled (403) when it was started without one.
"""


def create_app(store: Store, settings: ApiSettings) -> FastAPI:
    app = FastAPI(
        title="Marsad",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.settings = settings
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.request_limit)
    app.add_middleware(SecurityHeaders)
    for router in ROUTERS:
        app.include_router(router, prefix="/api")
    app.include_router(ui.router)
    return app
