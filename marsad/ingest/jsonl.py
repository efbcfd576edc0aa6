"""Read JSON Lines: one document per line, so a corpus of any size streams through in constant memory.

Each line is an object with `text` or `html` and optionally `url`, `title`, `outlet`, `author` and
`published`; other keys are ignored. A bad line is quarantined as `<path>#L<lineno>` and the rest go on.
The size limit applies to each line (each document), not to the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

from marsad.errors import InputError, Reason
from marsad.ingest import guard
from marsad.model import Quarantined, RawDocument
from marsad.settings import Settings

_READ_CHUNK = 64 * 1024


def read_jsonl(path: Path, settings: Settings) -> Iterator[RawDocument | Quarantined]:
    """Yield one item per non-blank line, reading the file line by line."""
    max_bytes = settings.max_bytes
    try:
        with path.open("rb") as file:
            for lineno, line in enumerate(_lines(file, max_bytes), start=1):
                source = f"{path}#L{lineno}"
                if line is None:
                    yield Quarantined(
                        source=source,
                        reason=Reason.TOO_LARGE,
                        message=f"line is over the {max_bytes:,}-byte limit",
                    )
                elif line.strip():
                    yield guard.attempt(source, partial(_parse, line, source, max_bytes))
    except OSError as exc:
        yield Quarantined(
            source=str(path), reason=Reason.UNREADABLE, message=f"cannot read: {exc.strerror or exc}"
        )


def _lines(file: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines without their newline; None for a line over the limit, skipped without holding it."""
    while line := file.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := file.readline(_READ_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line.removesuffix(b"\n")


def _parse(line: bytes, source: str, max_bytes: int) -> RawDocument:
    try:
        record = json.loads(guard.decode(line, limit=max_bytes))
    except json.JSONDecodeError as exc:
        raise InputError(Reason.BAD_JSON, f"invalid JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(record, dict):
        raise InputError(Reason.BAD_JSON, f"expected a JSON object, got {type(record).__name__}")
    text, html = _string(record, "text"), _string(record, "html")
    if text is None and html is None:
        raise InputError(Reason.BAD_JSON, "object has neither a 'text' nor an 'html' field")
    return RawDocument(
        source=source,
        text=None if text is None else guard.check_text(text),
        html=None if html is None else guard.check_text(html),
        url=_string(record, "url"),
        title=_string(record, "title"),
        outlet=_string(record, "outlet"),
        author=_string(record, "author"),
        published=_string(record, "published"),
    )


def _string(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError(Reason.BAD_JSON, f"field {key!r} must be a string, not {type(value).__name__}")
