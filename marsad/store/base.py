"""The store's interface: what every backend (SQLite, PostgreSQL) offers the pipeline, CLI and API."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from marsad.model import OffsetRun, Quarantined, Result


@dataclass(slots=True, kw_only=True)
class Record:
    """Everything stored for one analysed document, written in one transaction."""

    result: Result
    raw_text: str
    raw_html: str | None
    offsets: list[OffsetRun]
    content_hash: str
    raw_hash: str
    signature: list[int]  # MinHash signature of the clean text
    bands: list[str]  # LSH band keys derived from the signature


# Search snippets mark matched words with these; plain text rather than HTML tags, so a client that
# renders snippets must escape the text itself and nothing in a report can inject markup.
HIGHLIGHT_START = "["
HIGHLIGHT_END = "]"


@dataclass(slots=True, kw_only=True)
class SearchHit:
    """One search match; sentence offsets index `doc.text` and are set only for sentence searches."""

    doc_id: str
    title: str | None
    snippet: str
    sentence_start: int | None = None
    sentence_end: int | None = None


@dataclass(slots=True, kw_only=True)
class QuarantineEntry:
    source: str
    reason: str
    message: str
    created_at: str


@dataclass(slots=True, kw_only=True)
class Counts:
    documents: int
    sentences: int
    removed: int
    actors: int
    citations: int
    near_duplicates: int
    quarantined: int
    non_english: int


class Store(Protocol):
    url: str

    def close(self) -> None: ...

    def applied_migrations(self) -> list[str]:
        """Names of the schema migrations applied to this database, in order."""
        ...

    def is_done(self, source: str, raw_hash: str) -> bool:
        """True when this source with this exact content was already processed (resume/idempotency)."""
        ...

    def done_document(self, source: str, raw_hash: str) -> str | None:
        """Id of the document this source with this exact content was stored as or found to duplicate;
        None when it was not processed yet or was quarantined."""
        ...

    def find_content(self, content_hash: str) -> str | None:
        """Id of a stored document with exactly this clean text, if any."""
        ...

    def lsh_candidates(self, bands: list[str]) -> list[tuple[str, list[int]]]:
        """Stored documents sharing at least one LSH band, with their MinHash signatures."""
        ...

    def put(self, record: Record) -> None:
        """Store a document and all its facts atomically; a document is never half-written."""
        ...

    def add_source(self, doc_id: str, source: str, raw_hash: str) -> None:
        """Record that `source` held a copy of an already stored document (exact duplicate)."""
        ...

    def quarantine(self, item: Quarantined, raw_hash: str | None = None) -> None: ...

    def get(self, doc_id: str) -> Result | None: ...

    def iter_results(self) -> Iterator[Result]: ...

    def search(self, query: str, *, limit: int = 20, sentences: bool = False) -> list[SearchHit]: ...

    def quarantined(self) -> list[QuarantineEntry]: ...

    def counts(self) -> Counts: ...
