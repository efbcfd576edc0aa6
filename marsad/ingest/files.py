"""Read documents from files and folders: text, HTML and JSON Lines, one item per document."""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from marsad.errors import InputError, Reason
from marsad.ingest import guard, jsonl
from marsad.model import Quarantined, RawDocument
from marsad.settings import Settings

# Python's built-in extension table only: the system's /etc/mime.types would make results vary by machine.
_TYPES = mimetypes.MimeTypes(filenames=())
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHUNK = 64 * 1024


def read_path(path: Path, settings: Settings) -> Iterator[RawDocument | Quarantined]:
    """Read a file, or every file under a folder, walked lazily in sorted order."""
    if path.is_dir():
        yield from _walk(path, settings, root=path.resolve(), ancestors=frozenset())
    else:
        yield from _read_file(path, settings)


def read_stream(stream: BinaryIO, settings: Settings) -> bytes:
    """Read a stream of unknown length (stdin, a pipe, a device) up to the size limit."""
    return guard.read_capped(iter(lambda: stream.read(_CHUNK), b""), settings.max_bytes)


def _walk(
    folder: Path, settings: Settings, *, root: Path, ancestors: frozenset[Path]
) -> Iterator[RawDocument | Quarantined]:
    real = folder.resolve()
    if real in ancestors:
        yield _unreadable(folder, "directory loop: a symlink leads back to a parent folder")
        return
    try:
        with os.scandir(folder) as listing:
            names = sorted(entry.name for entry in listing if not entry.name.startswith("."))
    except OSError as exc:
        yield _unreadable(folder, f"cannot list folder: {exc.strerror}")
        return
    for name in names:
        path = folder / name
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            yield _unreadable(path, "symlink points outside the folder being read")
        elif path.is_dir():
            yield from _walk(path, settings, root=root, ancestors=ancestors | {real})
        else:
            yield from _read_file(path, settings)


def _read_file(path: Path, settings: Settings) -> Iterator[RawDocument | Quarantined]:
    if path.suffix.lower() == ".jsonl":
        yield from jsonl.read_jsonl(path, settings)
        return
    source = str(path)
    media_type, _ = _TYPES.guess_type(path.name, strict=False)
    if media_type is not None and media_type not in _HTML_TYPES and not media_type.startswith("text/"):
        yield Quarantined(
            source=source, reason=Reason.UNSUPPORTED, message=f"unsupported file type {media_type}"
        )
        return
    yield guard.attempt(source, lambda: _load(path, settings, html=media_type in _HTML_TYPES))


def _load(path: Path, settings: Settings, *, html: bool) -> RawDocument:
    try:
        with path.open("rb") as file:
            guard.check_size(os.fstat(file.fileno()).st_size, settings.max_bytes)
            data = read_stream(file, settings)
    except OSError as exc:
        raise InputError(Reason.UNREADABLE, f"cannot read: {exc.strerror or exc}") from exc
    text = guard.decode(data, limit=settings.max_bytes)
    return RawDocument(source=str(path), html=text) if html else RawDocument(source=str(path), text=text)


def _unreadable(path: Path, message: str) -> Quarantined:
    return Quarantined(source=str(path), reason=Reason.UNREADABLE, message=message)
