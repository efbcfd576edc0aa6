"""The web UI: our own files from marsad/ui/ and front-end libraries from marsad/ui/node_modules/.

Only the files named below are served, each from a fixed path: a request names a key of these
tables, never a path, so nothing outside them can be reached (no traversal, no directory listing).
The libraries come from `npm ci --prefix marsad/ui` (package-lock.json pins them); without them the
UI still works, minus the map's country outlines, and says how to install them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, Response

from marsad.api.errors import error_response

UI_DIR = Path(__file__).resolve().parent.parent / "ui"
_MODULES = UI_DIR / "node_modules"

_JS = "text/javascript; charset=utf-8"
_CSS = "text/css; charset=utf-8"
_JSON = "application/json"

# Our files: name -> media type (the file is UI_DIR / name).
UI_FILES = {
    "app.css": _CSS,
    "app.js": _JS,
    "dom.js": _JS,
    "api.js": _JS,
    "views/overview.js": _JS,
    "views/reader.js": _JS,
    "views/events.js": _JS,
    "views/timeline.js": _JS,
    "views/map.js": _JS,
    "views/actors.js": _JS,
    "views/disputes.js": _JS,
}

# Front-end libraries: name -> (path under node_modules, media type).
VENDOR_FILES = {
    "leaflet.js": ("leaflet/dist/leaflet.js", _JS),
    "leaflet.css": ("leaflet/dist/leaflet.css", _CSS),
    "topojson-client.js": ("topojson-client/dist/topojson-client.min.js", _JS),
    "countries-50m.json": ("world-atlas/countries-50m.json", _JSON),
}
INSTALL_HINT = "front-end libraries are not installed: run `npm ci --prefix marsad/ui`"

router = APIRouter(include_in_schema=False)


@router.api_route("/", methods=["GET", "HEAD"])
def index() -> Response:
    return FileResponse(UI_DIR / "index.html", media_type="text/html; charset=utf-8")


@router.get("/ui/{name:path}")
def ui_file(name: Annotated[str, PathParam(max_length=100)]) -> Response:
    media_type = UI_FILES.get(name)
    if media_type is None:
        return error_response(404, "not-found", "no such UI file")
    return FileResponse(UI_DIR / name, media_type=media_type)


@router.get("/vendor/{name}")
def vendor_file(name: Annotated[str, PathParam(max_length=100)]) -> Response:
    entry = VENDOR_FILES.get(name)
    if entry is None:
        return error_response(404, "not-found", "no such library file")
    path = _MODULES / entry[0]
    if not path.is_file():
        return error_response(404, "not-installed", INSTALL_HINT)
    return FileResponse(path, media_type=entry[1])


def vendor_installed() -> bool:
    return all((_MODULES / path).is_file() for path, _ in VENDOR_FILES.values())
