"""The store logic both backends share: every query is written once here, with `?` placeholders.

A backend (sqlite.py, postgres.py) supplies only what really differs: the driver calls, placeholder
conversion, running a migration script, full-text search SQL and its migrations folder.
"""

from __future__ import annotations

import json
import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import resources
from typing import Any, ClassVar, Literal, Protocol

from marsad.errors import StoreError
from marsad.model import Quarantined, Result
from marsad.store.base import (
    ActorSummary,
    Counts,
    DocumentFilter,
    DocumentSummary,
    DomainSummary,
    OutletSummary,
    Page,
    PlaceSummary,
    QuarantineEntry,
    Record,
    SearchHit,
)
from marsad.store.claims import ClaimTables
from marsad.store.events import EventTables
from marsad.store.primitives import Params, Row

IngestStatus = Literal["stored", "duplicate", "quarantined"]

# `iter_results` reads this many documents per query: memory stays bounded on any store size
# without holding a server-side cursor (or SQLite read transaction) open between pages.
ITER_PAGE_SIZE = 200

_WORD = re.compile(r"\w+")

_CREATE_MIGRATIONS = (
    "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
)

_INSERT_DOCUMENT = """
INSERT INTO documents (id, source, url, title, outlet, author, published, language, text, raw_text,
                       raw_html, content_hash, near_duplicate_of, offsets, result, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING
"""

# Once a source+content is logged as stored it stays so: re-putting it must not turn it into a
# "duplicate" of itself, while a quarantined input that later succeeds is updated.
_LOG_INGEST = """
INSERT INTO ingest_log (source, raw_hash, status, doc_id, logged_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (source, raw_hash) DO UPDATE
SET status = excluded.status, doc_id = excluded.doc_id, logged_at = excluded.logged_at
WHERE ingest_log.status <> 'stored'
"""

_UPSERT_QUARANTINE = """
INSERT INTO quarantine (source, reason, message, raw_hash, created_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (source, reason) DO UPDATE
SET message = excluded.message, raw_hash = excluded.raw_hash, created_at = excluded.created_at
"""

_COUNTS = """
SELECT
    (SELECT COUNT(*) FROM documents),
    (SELECT COUNT(*) FROM sentences),
    (SELECT COUNT(*) FROM removals),
    (SELECT COUNT(DISTINCT actor_id) FROM actors),
    (SELECT COUNT(*) FROM citations),
    (SELECT COUNT(*) FROM documents WHERE near_duplicate_of IS NOT NULL),
    (SELECT COUNT(DISTINCT source) FROM quarantine),
    (SELECT COUNT(*) FROM documents WHERE language <> 'en')
"""


_DOCUMENTS = """
SELECT d.id, d.title, d.outlet, d.author, d.published, d.language, d.source, d.url, d.near_duplicate_of,
       (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.id),
       (SELECT COUNT(*) FROM actors a WHERE a.doc_id = d.id)
FROM documents d WHERE {where}
ORDER BY COALESCE(d.published, '') DESC, d.id
LIMIT ? OFFSET ?
"""

# One actor across documents: its knowledge-base id when linked, else its type and name.
_ACTOR_IDENTITY = "COALESCE(a.kb_id, a.type || ':' || a.name)"

_ACTORS = f"""
SELECT MIN(a.name), MIN(a.type), COUNT(DISTINCT a.doc_id), COUNT(m.idx), MIN(a.kb_id)
FROM actors a LEFT JOIN mentions m ON m.doc_id = a.doc_id AND m.actor_id = a.actor_id
WHERE a.doc_id IN (SELECT d.id FROM documents d WHERE {{where}}) AND {{actor_where}}
GROUP BY {_ACTOR_IDENTITY}
ORDER BY COUNT(m.idx) DESC, MIN(a.name), MIN(a.type)
LIMIT ? OFFSET ?
"""

_COUNT_ACTORS = f"""
SELECT COUNT(*) FROM (
    SELECT MIN(a.name) FROM actors a
    WHERE a.doc_id IN (SELECT d.id FROM documents d WHERE {{where}}) AND {{actor_where}}
    GROUP BY {_ACTOR_IDENTITY}
) grouped
"""

_OUTLETS = """
SELECT outlet, COUNT(*), MIN(published), MAX(published) FROM documents
GROUP BY outlet ORDER BY COUNT(*) DESC, outlet
"""

_CITED_DOMAINS = """
SELECT domain, COUNT(*), COUNT(DISTINCT doc_id) FROM citations WHERE domain IS NOT NULL
GROUP BY domain ORDER BY COUNT(*) DESC, domain
"""


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, case-insensitively (compare with LOWER(column)),
    with LIKE's own wildcards in `text` escaped (use `ESCAPE '\\'`)."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Connection(Protocol):
    """The part of a DB-API connection the shared code uses; both drivers commit/roll back by server state."""

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def close(self) -> None: ...


def utc_now() -> str:
    return datetime.now(UTC).isoformat()


def match_query(query: str) -> str | None:
    """The user's words as quoted phrases, ANDed: valid for FTS5 MATCH and websearch_to_tsquery alike.

    Only word characters survive, so punctuation or a stray quote can never be read as query syntax;
    a hyphenated word becomes a phrase ("al Bukamal") so it matches with or without the hyphen.
    """
    phrases = [" ".join(words) for chunk in query.split() if (words := _WORD.findall(chunk))]
    return " ".join(f'"{phrase}"' for phrase in phrases) or None


class SqlStore(EventTables, ClaimTables, ABC):
    """A `Store` over a SQL database; subclasses fill in the driver-specific primitives."""

    dialect: ClassVar[str]  # names the folder under migrations/
    match_ids_sql: ClassVar[str]  # ids of the documents matching a `match_query` (one parameter)
    driver_errors: ClassVar[tuple[type[Exception], ...]]
    begin_sql: ClassVar[str] = "BEGIN"
    url: str

    def __init__(self, url: str, connection: Connection) -> None:
        self.url = url
        self._conn = connection
        # One connection is shared by every thread of the process; the lock keeps each transaction whole.
        self._lock = threading.RLock()
        try:
            self._migrate()
        except BaseException:
            connection.close()
            raise

    # -- driver primitives -------------------------------------------------------------------------

    @abstractmethod
    def _execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement and return the number of rows it changed."""

    @abstractmethod
    def _run_script(self, script: str) -> None:
        """Run a migration script (several statements, no parameters) inside the open transaction."""

    @abstractmethod
    def _search_sql(self, match: str, limit: int, *, sentences: bool) -> tuple[str, Params]:
        """SQL returning (doc_id, title, snippet, sentence_start, sentence_end), best match first."""

    @abstractmethod
    def _lock_migrations(self) -> None:
        """Serialise processes migrating the same database (called inside the migration's transaction)."""

    # -- transactions and migrations ---------------------------------------------------------------

    @contextmanager
    def _guard(self) -> Iterator[None]:
        with self._lock:
            try:
                yield
            except self.driver_errors as exc:
                raise StoreError(f"{self.dialect} store: {exc}") from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._guard():
            self._execute(self.begin_sql)
            try:
                yield
                self._conn.commit()
            except BaseException:
                self._conn.rollback()
                raise

    def _select(self, sql: str, params: Params = ()) -> list[Row]:
        with self._guard():
            return self._fetch(sql, params)

    def _migrations(self) -> list[tuple[str, str]]:
        folder = resources.files("marsad.store") / "migrations" / self.dialect
        files = sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)
        return [(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8")) for f in files]

    def _migrate(self) -> None:
        """Apply pending migrations in name order, each in its own transaction with its record."""
        for name, script in self._migrations():
            with self._transaction():
                self._lock_migrations()
                self._execute(_CREATE_MIGRATIONS)
                if self._fetch("SELECT 1 FROM schema_migrations WHERE name = ?", (name,)):
                    continue
                self._run_script(script)
                self._execute(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", (name, utc_now())
                )

    def applied_migrations(self) -> list[str]:
        return [row[0] for row in self._select("SELECT name FROM schema_migrations ORDER BY name")]

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- writes ------------------------------------------------------------------------------------

    def put(self, record: Record) -> None:
        """Store a document and all its facts atomically; the same content twice is one document."""
        doc = record.result.doc
        with self._transaction():
            inserted = self._execute(
                _INSERT_DOCUMENT,
                (
                    doc.id,
                    doc.source,
                    doc.url,
                    doc.title,
                    doc.outlet,
                    doc.author,
                    doc.published,
                    doc.language,
                    doc.text,
                    record.raw_text,
                    record.raw_html,
                    record.content_hash,
                    doc.near_duplicate_of,
                    json.dumps([asdict(run) for run in record.offsets]),
                    record.result.to_json(),
                    utc_now(),
                ),
            )
            if inserted:
                self._insert_facts(record)
                self._insert_events(record.result)
                self._insert_claims(record.result)
                self._log_source(doc.id, doc.source, record.raw_hash, "stored")
            else:
                self._log_source(self._existing_id(record), doc.source, record.raw_hash, "duplicate")

    def _existing_id(self, record: Record) -> str:
        rows = self._fetch("SELECT id FROM documents WHERE content_hash = ?", (record.content_hash,))
        if not rows:
            raise StoreError(f"document id {record.result.doc.id} is already used by different content")
        return str(rows[0][0])

    def _insert_facts(self, record: Record) -> None:
        result = record.result
        doc_id = result.doc.id
        text = result.doc.text
        self._execute_many(
            "INSERT INTO removals (doc_id, idx, start_char, end_char, text, reason)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(doc_id, i, r.start, r.end, r.text, r.reason) for i, r in enumerate(result.removed)],
        )
        self._execute_many(
            "INSERT INTO sentences (doc_id, idx, start_char, end_char, text) VALUES (?, ?, ?, ?, ?)",
            [(doc_id, i, s.start, s.end, text[s.start : s.end]) for i, s in enumerate(result.sentences)],
        )
        self._execute_many(
            "INSERT INTO actors (doc_id, actor_id, name, type, kb_id) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            [(doc_id, a.id, a.name, a.type, a.kb_id) for a in result.actors],
        )
        mentions = [(a.id, m) for a in result.actors for m in a.mentions]
        self._execute_many(
            "INSERT INTO mentions (doc_id, actor_id, idx, start_char, end_char, text)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(doc_id, actor_id, i, m.start, m.end, m.text) for i, (actor_id, m) in enumerate(mentions)],
        )
        self._execute_many(
            "INSERT INTO citations (doc_id, idx, kind, text, url, domain, start_char, end_char)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (doc_id, i, c.kind, c.text, c.url, c.domain, c.start, c.end)
                for i, c in enumerate(result.citations)
            ],
        )
        self._execute(
            "INSERT INTO minhash (doc_id, signature) VALUES (?, ?)", (doc_id, json.dumps(record.signature))
        )
        self._execute_many(
            "INSERT INTO lsh_bands (band, doc_id) VALUES (?, ?)",
            [(band, doc_id) for band in dict.fromkeys(record.bands)],
        )
        self._insert_places(result)

    def _insert_places(self, result: Result) -> None:
        doc_id = result.doc.id
        self._execute_many(
            "INSERT INTO places (doc_id, place_id, gazetteer_id, name, lat, lon, country, geonames_id,"
            " feature, precision, admin1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    doc_id,
                    p.id,
                    p.gazetteer_id,
                    p.name,
                    p.lat,
                    p.lon,
                    p.country,
                    p.geonames_id,
                    p.feature,
                    p.precision,
                    p.admin1,
                )
                for p in result.places
            ],
        )
        self._execute_many(
            "INSERT INTO place_mentions (doc_id, place_id, idx, start_char, end_char, text)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (doc_id, p.id, i, m.start, m.end, m.text)
                for p in result.places
                for i, m in enumerate(p.mentions)
            ],
        )

    def _log_source(self, doc_id: str | None, source: str, raw_hash: str, status: IngestStatus) -> None:
        if doc_id is not None:
            self._execute(
                "INSERT INTO document_sources (doc_id, source, raw_hash) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (doc_id, source, raw_hash),
            )
        self._execute(_LOG_INGEST, (source, raw_hash, status, doc_id, utc_now()))

    def add_source(self, doc_id: str, source: str, raw_hash: str) -> None:
        with self._transaction():
            self._log_source(doc_id, source, raw_hash, "duplicate")

    def quarantine(self, item: Quarantined, raw_hash: str | None = None) -> None:
        """Keep the input's failure; with its raw hash, `is_done` also skips it on the next run."""
        with self._transaction():
            # str(): psycopg would store an Enum member's name, not the StrEnum value.
            self._execute(
                _UPSERT_QUARANTINE, (item.source, str(item.reason), item.message, raw_hash, utc_now())
            )
            if raw_hash is not None:
                self._log_source(None, item.source, raw_hash, "quarantined")

    # -- reads -------------------------------------------------------------------------------------

    def is_done(self, source: str, raw_hash: str) -> bool:
        return bool(
            self._select("SELECT 1 FROM ingest_log WHERE source = ? AND raw_hash = ?", (source, raw_hash))
        )

    def done_document(self, source: str, raw_hash: str) -> str | None:
        rows = self._select(
            "SELECT doc_id FROM ingest_log WHERE source = ? AND raw_hash = ? AND doc_id IS NOT NULL",
            (source, raw_hash),
        )
        return str(rows[0][0]) if rows else None

    def find_content(self, content_hash: str) -> str | None:
        rows = self._select("SELECT id FROM documents WHERE content_hash = ?", (content_hash,))
        return str(rows[0][0]) if rows else None

    def lsh_candidates(self, bands: list[str]) -> list[tuple[str, list[int]]]:
        keys = list(dict.fromkeys(bands))
        if not keys:
            return []
        rows = self._select(
            "SELECT doc_id, signature FROM minhash WHERE doc_id IN"
            f" (SELECT doc_id FROM lsh_bands WHERE band IN ({', '.join('?' * len(keys))})) ORDER BY doc_id",
            keys,
        )
        return [(str(doc_id), json.loads(signature)) for doc_id, signature in rows]

    def get(self, doc_id: str) -> Result | None:
        rows = self._select("SELECT result FROM documents WHERE id = ?", (doc_id,))
        return Result.model_validate_json(rows[0][0]) if rows else None

    def iter_results(self, where: DocumentFilter | None = None) -> Iterator[Result]:
        """Every stored result (or those matching `where`), ordered by id, read a page at a time."""
        condition, params = self._document_where(where or DocumentFilter())
        last_id = ""
        while True:
            rows = self._select(
                f"SELECT d.id, d.result FROM documents d WHERE d.id > ? AND {condition}"
                " ORDER BY d.id LIMIT ?",
                (last_id, *params, ITER_PAGE_SIZE),
            )
            for _, payload in rows:
                yield Result.model_validate_json(payload)
            if len(rows) < ITER_PAGE_SIZE:
                return
            last_id = rows[-1][0]

    def search(self, query: str, *, limit: int = 20, sentences: bool = False) -> list[SearchHit]:
        """Documents (or sentences) containing all the query's words, best first; never a syntax error."""
        match = match_query(query)
        if match is None or limit <= 0:
            return []
        sql, params = self._search_sql(match, limit, sentences=sentences)
        return [
            SearchHit(doc_id=doc_id, title=title, snippet=snippet, sentence_start=start, sentence_end=end)
            for doc_id, title, snippet, start, end in self._select(sql, params)
        ]

    def quarantined(self) -> list[QuarantineEntry]:
        rows = self._select(
            "SELECT source, reason, message, created_at FROM quarantine ORDER BY created_at, source"
        )
        return [QuarantineEntry(source=s, reason=r, message=m, created_at=c) for s, r, m, c in rows]

    def counts(self) -> Counts:
        """Totals: `actors` counts distinct actor ids, `quarantined` distinct sources, `non_english`
        documents whose language is not 'en' (including 'und')."""
        row = self._select(_COUNTS)[0]
        return Counts(
            documents=row[0],
            sentences=row[1],
            removed=row[2],
            actors=row[3],
            citations=row[4],
            near_duplicates=row[5],
            quarantined=row[6],
            non_english=row[7],
        )

    # -- browsing (the API and the CLI share these) -------------------------------------------------

    def _document_where(self, where: DocumentFilter) -> tuple[str, list[Any]]:
        """A condition on `documents d` with its parameters; every value is a bound parameter."""
        conditions: list[str] = ["1 = 1"]
        params: list[Any] = []
        if where.text and (match := match_query(where.text)):
            conditions.append(f"d.id IN ({self.match_ids_sql})")
            params.append(match)
        if where.actor:
            conditions.append("d.id IN (SELECT doc_id FROM actors WHERE LOWER(name) LIKE ? ESCAPE '\\')")
            params.append(like_pattern(where.actor))
        if where.outlet:
            conditions.append("LOWER(d.outlet) LIKE ? ESCAPE '\\'")
            params.append(like_pattern(where.outlet))
        if where.since:
            conditions.append("d.published >= ?")
            params.append(where.since)
        if where.until:
            conditions.append("d.published <= ?")
            params.append(where.until)
        return " AND ".join(conditions), params

    def documents(self, where: DocumentFilter, *, offset: int = 0, limit: int = 50) -> Page[DocumentSummary]:
        condition, params = self._document_where(where)
        rows = self._select(_DOCUMENTS.format(where=condition), (*params, limit, offset))
        total = self._select(f"SELECT COUNT(*) FROM documents d WHERE {condition}", params)[0][0]
        return Page(
            items=[
                DocumentSummary(
                    id=r[0],
                    title=r[1],
                    outlet=r[2],
                    author=r[3],
                    published=r[4],
                    language=r[5],
                    source=r[6],
                    url=r[7],
                    near_duplicate_of=r[8],
                    sentences=r[9],
                    actors=r[10],
                )
                for r in rows
            ],
            total=int(total),
        )

    def actors(
        self,
        where: DocumentFilter,
        *,
        name: str | None = None,
        type: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[ActorSummary]:
        condition, params = self._document_where(where)
        actor_conditions, actor_params = ["1 = 1"], list[Any]()
        if name:
            actor_conditions.append("LOWER(a.name) LIKE ? ESCAPE '\\'")
            actor_params.append(like_pattern(name))
        if type:
            actor_conditions.append("LOWER(a.type) = ?")
            actor_params.append(type.lower())
        actor_where = " AND ".join(actor_conditions)
        rows = self._select(
            _ACTORS.format(where=condition, actor_where=actor_where),
            (*params, *actor_params, limit, offset),
        )
        total = self._select(
            _COUNT_ACTORS.format(where=condition, actor_where=actor_where), (*params, *actor_params)
        )[0][0]
        return Page(
            items=[ActorSummary(name=n, type=t, documents=d, mentions=m, kb_id=k) for n, t, d, m, k in rows],
            total=int(total),
        )

    def places(self, *, country: str | None = None, limit: int = 50) -> list[PlaceSummary]:
        """Places across the store, most mentioned first: one row per gazetteer place (or per name
        and country for places without one), with mention and document counts."""
        where, params = ("WHERE p.country = ?", [country.upper()]) if country else ("", [])
        rows = self._select(
            "SELECT MIN(p.name), p.country, MIN(p.lat), MIN(p.lon), MIN(p.geonames_id), MIN(p.feature),"
            " MIN(p.gazetteer_id), COUNT(m.idx), COUNT(DISTINCT p.doc_id)"
            " FROM places p JOIN place_mentions m ON m.doc_id = p.doc_id AND m.place_id = p.place_id"
            f" {where} GROUP BY COALESCE(p.gazetteer_id, p.name), p.country"
            " ORDER BY COUNT(m.idx) DESC, MIN(p.name) LIMIT ?",
            [*params, limit],
        )
        return [
            PlaceSummary(
                name=name,
                country=cc,
                lat=lat,
                lon=lon,
                geonames_id=gid,
                feature=feature,
                gazetteer_id=ref,
                mentions=mentions,
                documents=documents,
            )
            for name, cc, lat, lon, gid, feature, ref, mentions, documents in rows
        ]

    def outlets(self) -> list[OutletSummary]:
        return [
            OutletSummary(outlet=o, documents=n, first_published=first, last_published=last)
            for o, n, first, last in self._select(_OUTLETS)
        ]

    def cited_domains(self) -> list[DomainSummary]:
        return [DomainSummary(domain=d, citations=c, documents=n) for d, c, n in self._select(_CITED_DOMAINS)]
