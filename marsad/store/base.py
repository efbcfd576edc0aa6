"""The store's interface: what every backend (SQLite, PostgreSQL) offers the pipeline, CLI and API."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from marsad.model import OffsetRun, Quarantined, Result

if TYPE_CHECKING:
    from collections.abc import Sequence

    from marsad.store.claims import ClaimSummary, CopySummary
    from marsad.store.events import EventCluster, EventFilter


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


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentFilter:
    """Which documents a read covers: all words of `text` (full-text), an actor's name, the outlet
    (case-insensitive substrings), and a publication date range (inclusive `YYYY-MM-DD`)."""

    text: str | None = None
    actor: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(slots=True, kw_only=True)
class DocumentSummary:
    id: str
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    language: str
    source: str
    url: str | None
    near_duplicate_of: str | None
    sentences: int
    actors: int


@dataclass(slots=True, kw_only=True)
class ActorSummary:
    """An actor across the store: one knowledge-base actor (`kb_id`), or one new actor's name and type."""

    name: str
    type: str
    documents: int
    mentions: int
    kb_id: str | None = None


@dataclass(slots=True, kw_only=True)
class PlaceSummary:
    """A place across the store: one gazetteer place, or one unresolved name in one country."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature: str | None
    gazetteer_id: str | None
    mentions: int
    documents: int


@dataclass(slots=True, kw_only=True)
class OutletSummary:
    outlet: str | None
    documents: int
    first_published: str | None
    last_published: str | None


@dataclass(slots=True, kw_only=True)
class DomainSummary:
    """A web domain the stored documents cite."""

    domain: str
    citations: int
    documents: int


T = TypeVar("T")


@dataclass(slots=True, kw_only=True)
class Page(Generic[T]):
    """One page of a longer list: `total` counts every match, not just `items`."""

    items: list[T]
    total: int


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

    def iter_results(self, where: DocumentFilter | None = None) -> Iterator[Result]: ...

    def documents(self, where: DocumentFilter, *, offset: int = 0, limit: int = 50) -> Page[DocumentSummary]:
        """Stored documents matching `where`, newest publication first."""
        ...

    def actors(
        self,
        where: DocumentFilter,
        *,
        name: str | None = None,
        type: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[ActorSummary]:
        """Actors named in the matching documents, most mentioned first."""
        ...

    def places(self, *, country: str | None = None, limit: int = 50) -> list[PlaceSummary]:
        """Places across the store, most mentioned first, with mention and document counts."""
        ...

    def event_clusters(self, where: EventFilter, *, offset: int = 0, limit: int = 50) -> Page[EventCluster]:
        """Events merged across documents (one per real-world event) with a report matching `where`."""
        ...

    def outlets(self) -> list[OutletSummary]: ...

    def cited_domains(self) -> list[DomainSummary]: ...

    def search(self, query: str, *, limit: int = 20, sentences: bool = False) -> list[SearchHit]: ...

    def quarantined(self) -> list[QuarantineEntry]: ...

    def counts(self) -> Counts: ...

    def claims(
        self,
        *,
        speaker: str | None = None,
        contradicted: bool = False,
        kind: str | None = None,
        limit: int = 50,
    ) -> list[ClaimSummary]:
        """Stored claims, newest first, with who contradicts or confirms them and their sources."""
        ...

    def copies(self, doc_id: str | None = None, *, limit: int = 100) -> list[CopySummary]:
        """Pairs of stored documents sharing passages, with the aligned spans in both."""
        ...

    def independent_sources(self, doc_ids: Sequence[str]) -> list[str]:
        """`doc_ids` with documents that copy one another counted once."""
        ...
