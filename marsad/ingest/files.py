"""Read documents from files and folders: text, HTML and JSON Lines, one item per document."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from marsad.errors import InputError, Reason
from marsad.ingest import guard, jsonl
from marsad.model import Quarantined, RawDocument
from marsad.settings import Settings

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# Formats we know are not plain text and do not read (yet): refused by name, without opening them.
# Any other suffix, or none, is read as text if guard.decode accepts its bytes.
_UNSUPPORTED_SUFFIXES = frozenset(
    {
        *(".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".epub"),
        *(".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".mp3", ".mp4", ".wav"),
        *(".avi", ".mov", ".zip", ".gz", ".bz2", ".xz", ".7z", ".tar", ".exe", ".dll", ".so", ".bin"),
    }
)
_CHUNK = 64 * 1024


def read_path(path: Path, settings: Settings) -> Iterator[RawDocument | Quarantined]:
    """Read a file, or every file under a folder, walked lazily in sorted order."""
    try:
        is_dir = path.is_dir()
    except OSError as exc:
        yield _unreadable(path, f"cannot read: {exc.strerror}")
        return
    if is_dir:
        yield from _walk(path, settings, root=_real(path), ancestors=frozenset())
    else:
        yield from _read_file(path, settings)


def read_stream(stream: BinaryIO, settings: Settings) -> bytes:
    """Read a stream of unknown length (stdin, a pipe, a device) up to the size limit."""
    return guard.read_capped(iter(lambda: stream.read(_CHUNK), b""), settings.max_bytes)


def _walk(
    folder: Path, settings: Settings, *, root: Path, ancestors: frozenset[Path]
) -> Iterator[RawDocument | Quarantined]:
    real = _real(folder)
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
        try:
            escapes = path.is_symlink() and not _real(path).is_relative_to(root)
            is_dir = path.is_dir()
        except OSError as exc:
            yield _unreadable(path, f"cannot read: {exc.strerror}")
            continue
        if escapes:
            yield _unreadable(path, "symlink points outside the folder being read")
        elif is_dir:
            yield from _walk(path, settings, root=root, ancestors=ancestors | {real})
        else:
            yield from _read_file(path, settings)


def _read_file(path: Path, settings: Settings) -> Iterator[RawDocument | Quarantined]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from jsonl.read_jsonl(path, settings)
    elif suffix in _UNSUPPORTED_SUFFIXES:
        yield Quarantined(
            source=str(path), reason=Reason.UNSUPPORTED, message=f"{suffix} files are not supported"
        )
    else:
        yield guard.attempt(str(path), lambda: _load(path, settings, html=suffix in _HTML_SUFFIXES))


def _load(path: Path, settings: Settings, *, html: bool) -> RawDocument:
    try:
        with path.open("rb") as file:
            guard.check_size(os.fstat(file.fileno()).st_size, settings.max_bytes)
            data = read_stream(file, settings)
    except OSError as exc:
        raise InputError(Reason.UNREADABLE, f"cannot read: {exc.strerror or exc}") from exc
    text = guard.decode(data, limit=settings.max_bytes)
    return RawDocument(source=str(path), html=text) if html else RawDocument(source=str(path), text=text)


def _real(path: Path) -> Path:
    """The path with every symlink resolved; unlike Path.resolve it never raises on a symlink loop."""
    return Path(os.path.realpath(path))


def _unreadable(path: Path, message: str) -> Quarantined:
    return Quarantined(source=str(path), reason=Reason.UNREADABLE, message=message)
