"""How a server runs: the pipeline settings, the write token and the request size limit."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.settings import Settings

# Room for multipart framing around a file of the largest allowed size.
REQUEST_OVERHEAD_BYTES = 1024 * 1024
# Files in one upload request: each is analysed in turn while the request waits.
MAX_UPLOAD_FILES = 20
MAX_URLS = 20


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiSettings:
    pipeline: Settings
    token: str | None = None  # None: the server is read-only
    max_request_bytes: int | None = None  # None: pipeline.max_bytes plus multipart overhead

    @property
    def request_limit(self) -> int:
        if self.max_request_bytes is not None:
            return self.max_request_bytes
        return self.pipeline.max_bytes + REQUEST_OVERHEAD_BYTES
