"""Readers: turn files, folders, stdin and http(s) URLs into a stream of documents or quarantined items.

`read` is lazy: folders are walked and JSON Lines read one item at a time, so a corpus of any size
streams through. Bad input never raises; it comes out as a `Quarantined` item with a coded reason.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TextIO

from marsad.ingest import files, guard, web
from marsad.model import Quarantined, RawDocument
from marsad.settings import Settings

__all__ = ["raw_hash", "read"]

STDIN_SOURCE = "stdin"
# "scheme://..." is a URL even for schemes we refuse (file://, ftp://), so it is never read as a path.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_CHUNK = 64 * 1024


def read(
    sources: Iterable[str], settings: Settings, stdin: TextIO | None = None
) -> Iterator[RawDocument | Quarantined]:
    """Yield every document found in `sources`: paths, folders, '-' for stdin, or http(s) URLs."""
    for source in sources:
        if source == "-":
            yield guard.attempt(STDIN_SOURCE, partial(_read_stdin, stdin or sys.stdin, settings))
        elif _URL.match(source):
            yield guard.attempt(source, partial(web.fetch, source, settings))
        else:
            yield from files.read_path(Path(source), settings)


def raw_hash(doc: RawDocument) -> str:
    """SHA-256 of the document as read, so a rerun can skip inputs already processed unchanged."""
    return hashlib.sha256(doc.raw.encode("utf-8")).hexdigest()


def _read_stdin(stream: TextIO, settings: Settings) -> RawDocument:
    """All of stdin is one text document; its bytes are read when available, so the charset is detected."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data = files.read_stream(buffer, settings)
    else:
        chunks = (
            chunk.encode("utf-8", "surrogateescape") for chunk in iter(partial(stream.read, _CHUNK), "")
        )
        data = guard.read_capped(chunks, settings.max_bytes)
    return RawDocument(source=STDIN_SOURCE, text=guard.decode(data, limit=settings.max_bytes))
