"""Model files shipped in marsad/resources with their SHA-256 recorded beside them.

A trained model is a gzipped file named under `[model]` in a small TOML record (`file`, `sha256`)
that its training script rewrites. Loading checks the hash, so a file changed by hand or left over
from another training run is refused instead of silently giving other results.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import tomllib
from importlib.resources.abc import Traversable
from pathlib import Path

from marsad.errors import MarsadError

_SHA256_LINE = re.compile(r'(?m)^sha256 = "[0-9a-f]*"$')


def read_checked(folder: Traversable, record: str, error: type[MarsadError], what: str, script: str) -> bytes:
    """The unzipped content of the file that `folder`/`record` names; `error` if its hash differs."""
    recorded = tomllib.loads(folder.joinpath(record).read_text("utf-8"))["model"]
    raw = folder.joinpath(recorded["file"]).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != recorded["sha256"]:
        raise error(
            f"{what} {recorded['file']}: sha256 {digest} is not the one in {record}"
            f" (retrain with {script}, which records it)"
        )
    return gzip.decompress(raw)


def write_recorded(record: Path, content: bytes, error: type[MarsadError]) -> str:
    """Gzip `content` (fixed timestamp: the same content, the same hash) into the file `record`
    names, record its SHA-256 there and return it."""
    text = record.read_text("utf-8")
    raw = gzip.compress(content, compresslevel=9, mtime=0)
    (record.parent / tomllib.loads(text)["model"]["file"]).write_bytes(raw)
    digest = hashlib.sha256(raw).hexdigest()
    updated, n = _SHA256_LINE.subn(f'sha256 = "{digest}"', text)
    if n != 1:
        raise error(f'{record}: expected one `sha256 = "..."` line under [model]')
    record.write_text(updated, "utf-8")
    return digest
