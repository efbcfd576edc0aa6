"""One module per resource; `ROUTERS` is what the app mounts under /api, in the OpenAPI's order."""

from fastapi import APIRouter

from marsad.api.routes import (
    actors,
    claims,
    documents,
    events,
    exports,
    ingest,
    overview,
    places,
    relations,
    search,
)

ROUTERS: tuple[APIRouter, ...] = (
    overview.router,
    documents.router,
    search.router,
    actors.router,
    places.router,
    events.router,
    claims.router,
    relations.router,
    exports.router,
    ingest.router,
)

__all__ = ["ROUTERS"]
