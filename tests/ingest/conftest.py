"""Fixtures for the readers: settings, realistic report texts, and a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from marsad.settings import Settings

from .reports import FRENCH, REPORT_HTML, WITHDRAWAL


@pytest.fixture
def settings() -> Settings:
    return Settings(db_url="sqlite://", max_bytes=64 * 1024, fetch_timeout_s=5.0, max_redirects=3)


@dataclass(frozen=True, slots=True)
class Route:
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    body: bytes = b""
    location: str | None = None
    send_length: bool = True
    delay_s: float = 0.0


ROUTES: dict[str, Route] = {
    "/report.html": Route(body=REPORT_HTML.encode()),
    "/report.txt": Route(content_type="text/plain; charset=utf-8", body=WITHDRAWAL.encode()),
    "/french.txt": Route(content_type="text/plain; charset=windows-1252", body=FRENCH.encode("cp1252")),
    "/report.pdf": Route(content_type="application/pdf", body=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
    "/big": Route(body=b"<p>" + WITHDRAWAL.encode() * 2000 + b"</p>"),
    "/big-unsized": Route(body=b"<p>" + WITHDRAWAL.encode() * 2000 + b"</p>", send_length=False),
    "/slow": Route(body=REPORT_HTML.encode(), delay_s=1.0),
    "/moved": Route(status=301, location="/report.html"),
    "/loop": Route(status=302, location="/loop"),
    **{f"/hop/{n}": Route(status=302, location=f"/hop/{n - 1}") for n in range(1, 10)},
    "/hop/0": Route(body=REPORT_HTML.encode()),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        route = ROUTES.get(self.path, Route(status=404, content_type="text/plain", body=b"not found"))
        time.sleep(route.delay_s)
        self.send_response(route.status)
        if route.content_type:
            self.send_header("Content-Type", route.content_type)
        if route.location:
            self.send_header("Location", route.location)
        if route.send_length:
            self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        self.wfile.write(route.body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """Base URL of a threaded HTTP server on 127.0.0.1 serving ROUTES."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
