"""Run-time settings: defaults here, overridden by MARSAD_* environment variables and CLI flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_DB_FILE = "marsad.db"

# A single report is rarely over 1 MB of text; 20 MB leaves room for bloated HTML while stopping
# accidental multi-gigabyte inputs before they are read into memory.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    db_url: str
    max_bytes: int = DEFAULT_MAX_BYTES
    allow_private_urls: bool = False
    fetch_timeout_s: float = 20.0
    max_redirects: int = 5
    workers: int = 0  # 0: one worker per core

    def with_overrides(self, **changes: object) -> Settings:
        """Apply CLI flags; a None value keeps the current setting."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]


def default_db_url() -> str:
    """MARSAD_DB if set, else a SQLite file in the working directory."""
    return os.environ.get("MARSAD_DB") or f"sqlite:///{Path.cwd() / DEFAULT_DB_FILE}"


def load_settings() -> Settings:
    env = os.environ
    return Settings(
        db_url=default_db_url(),
        max_bytes=int(env.get("MARSAD_MAX_BYTES", DEFAULT_MAX_BYTES)),
        allow_private_urls=env.get("MARSAD_ALLOW_PRIVATE_URLS", "") in {"1", "true", "yes"},
    )
