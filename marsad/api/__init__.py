"""The HTTP API and web UI over a store: `create_app(store, settings)`; `marsad serve` runs it."""

from marsad.api.app import create_app
from marsad.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
