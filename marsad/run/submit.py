"""Analyse documents handed in at run time (the API's uploads and URL submissions) into the store.

An upload's file name is only a label: the bytes are written to a fresh temporary folder under a
generated name (`0.html`, `1.txt`...), read by the same readers as the CLI, and stored with the source
`upload:<cleaned name>`. Nothing a client sends is ever used as a path. URLs are checked against the
SSRF rules before anything runs (a refusal is an `UnsafeURLError` for the caller), then fetched by
`marsad.ingest`, which checks every redirect hop again. One submission runs at a time, in one
process (`workers=1`) with one pipeline loaded once, so the server's other threads stay free to
answer reads.
"""

from __future__ import annotations

import functools
import re
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import httpx

from marsad.errors import InputError, Reason, UnsafeURLError
from marsad.ingest import files, web
from marsad.model import Quarantined, RawDocument, Result
from marsad.pipeline import Analyzer
from marsad.run.local import Runner, Summary
from marsad.settings import Settings
from marsad.store.base import Store

UPLOAD_PREFIX = "upload:"
MAX_LABEL_CHARS = 120
_SAFE_SUFFIX = re.compile(r"^\.[a-z0-9]{1,10}$")
_UNSAFE_LABEL_CHARS = re.compile(r"[^\w.\- ]+")

# The store has one writer; submissions queue here rather than interleave.
_WRITER = threading.Lock()


@dataclass(frozen=True, slots=True, kw_only=True)
class Upload:
    filename: str
    data: bytes


@dataclass(slots=True, kw_only=True)
class StoredDocument:
    id: str
    title: str | None
    source: str


@dataclass(slots=True, kw_only=True)
class Failure:
    source: str
    reason: str
    message: str


@dataclass(slots=True, kw_only=True)
class SubmissionReport:
    """What a submission did: the documents it stored or found already stored, and what it quarantined."""

    documents: list[StoredDocument]
    stored: int
    duplicates: int
    already_stored: int
    quarantined: list[Failure]


def label(filename: str) -> str:
    """A display name for an uploaded file: its last path part, word characters, dots, dashes only."""
    base = re.split(r"[\\/]", filename)[-1]
    cleaned = _UNSAFE_LABEL_CHARS.sub("_", base).strip(" .")
    return cleaned[:MAX_LABEL_CHARS] or "unnamed"


def submit_uploads(store: Store, settings: Settings, uploads: list[Upload]) -> SubmissionReport:
    for upload in uploads:
        if len(upload.data) > settings.max_bytes:
            raise InputError(
                Reason.TOO_LARGE, f"{label(upload.filename)} is over the limit of {settings.max_bytes} bytes"
            )
    with tempfile.TemporaryDirectory(prefix="marsad-upload-") as folder:
        items = list(_read_uploads(Path(folder), settings, uploads))
        return _run(store, settings, items)


def _read_uploads(
    folder: Path, settings: Settings, uploads: list[Upload]
) -> Iterator[RawDocument | Quarantined]:
    for index, upload in enumerate(uploads):
        suffix = Path(label(upload.filename)).suffix.lower()
        path = folder / f"{index}{suffix if _SAFE_SUFFIX.match(suffix) else ''}"
        path.write_bytes(upload.data)
        name = f"{UPLOAD_PREFIX}{label(upload.filename)}"
        for item in files.read_path(path, settings):
            # "…/0.jsonl#L3" becomes "upload:report.jsonl#L3".
            yield replace(item, source=name + item.source.removeprefix(str(path)))


def submit_urls(store: Store, settings: Settings, urls: list[str]) -> SubmissionReport:
    for url in urls:
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL as exc:
            raise UnsafeURLError(f"not a valid URL: {exc}") from exc
        web.check_url(parsed, settings)
    return _run(store, settings, None, urls)


def _run(
    store: Store,
    settings: Settings,
    items: list[RawDocument | Quarantined] | None,
    urls: list[str] | None = None,
) -> SubmissionReport:
    documents: list[StoredDocument] = []

    def on_result(result: Result) -> None:
        documents.append(StoredDocument(id=result.doc.id, title=result.doc.title, source=result.doc.source))

    with _WRITER:
        runner = Runner(store, replace(settings, workers=1), on_result=on_result, analyzer=_analyzer())
        summary = runner.run_items(items) if items is not None else runner.run(urls or [])
    return _report(documents, summary)


@functools.cache
def _analyzer() -> Analyzer:
    """The pipeline, loaded by the first submission and kept: spaCy takes seconds to load."""
    return Analyzer()


def _report(documents: list[StoredDocument], summary: Summary) -> SubmissionReport:
    return SubmissionReport(
        documents=documents,
        stored=summary.documents,
        duplicates=summary.duplicates,
        already_stored=summary.already_stored,
        quarantined=[
            Failure(source=f.source, reason=str(f.reason), message=f.message) for f in summary.failures
        ],
    )
