"""SQLite backend: one file in WAL mode with FTS5 indexes; the default store."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from marsad.errors import StoreError
from marsad.store.base import HIGHLIGHT_END, HIGHLIGHT_START
from marsad.store.primitives import Params, Row
from marsad.store.sql import SqlStore

# How long a writer waits for another process's transaction before failing with "database is locked".
BUSY_TIMEOUT_S = 30.0

# WAL lets readers (the API) run while a batch writes; NORMAL sync is durable across application
# crashes in WAL mode and only risks the last transactions on power loss, for far fewer fsyncs.
_PRAGMAS = ("PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON")

# bm25 weight of a title match relative to the body: PostgreSQL's default weights for the A (title)
# and B (text) labels are 1.0 and 0.4, so both backends rank alike.
TITLE_WEIGHT = 2.5
SNIPPET_TOKENS = 24

_SEARCH_DOCUMENTS = f"""
SELECT d.id, d.title, snippet(documents_fts, 1, ?, ?, '…', {SNIPPET_TOKENS}), NULL, NULL
FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
WHERE documents_fts MATCH ?
ORDER BY bm25(documents_fts, {TITLE_WEIGHT}, 1.0), d.id
LIMIT ?
"""

_SEARCH_SENTENCES = f"""
SELECT s.doc_id, d.title, snippet(sentences_fts, 0, ?, ?, '…', {SNIPPET_TOKENS}), s.start_char, s.end_char
FROM sentences_fts
JOIN sentences s ON s.seq = sentences_fts.rowid
JOIN documents d ON d.id = s.doc_id
WHERE sentences_fts MATCH ?
ORDER BY bm25(sentences_fts), s.doc_id, s.idx
LIMIT ?
"""


def split_script(script: str) -> list[str]:
    """A script's statements, to run one by one: `executescript` would commit the open transaction."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending)
            pending = ""
    if pending.strip():
        statements.append(pending)  # an unterminated statement: let SQLite report it
    return statements


class SqliteStore(SqlStore):
    dialect = "sqlite"
    driver_errors = (sqlite3.Error,)
    begin_sql = "BEGIN IMMEDIATE"  # take the write lock up front: waiting writers never deadlock
    match_ids_sql = (
        "SELECT m.id FROM documents_fts JOIN documents m ON m.seq = documents_fts.rowid"
        " WHERE documents_fts MATCH ?"
    )

    def __init__(self, url: str, path: str) -> None:
        try:
            # isolation_level=None: transactions are only the ones `_transaction` opens.
            conn = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite database {path!r}: {exc}") from exc
        try:
            for pragma in _PRAGMAS:
                conn.execute(pragma)
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"cannot open SQLite database {path!r}: {exc}") from exc
        self._sqlite = conn
        super().__init__(url, conn)

    def _execute(self, sql: str, params: Params = ()) -> int:
        return self._sqlite.execute(sql, params).rowcount

    def _execute_many(self, sql: str, rows: Sequence[Params]) -> None:
        self._sqlite.executemany(sql, rows)

    def _fetch(self, sql: str, params: Params = ()) -> list[Row]:
        return self._sqlite.execute(sql, params).fetchall()

    def _run_script(self, script: str) -> None:
        for statement in split_script(script):
            self._sqlite.execute(statement)

    def _lock_migrations(self) -> None:
        """Nothing to do: the migration's BEGIN IMMEDIATE already holds SQLite's single write lock."""

    def _search_sql(self, match: str, limit: int, *, sentences: bool) -> tuple[str, Params]:
        sql = _SEARCH_SENTENCES if sentences else _SEARCH_DOCUMENTS
        return sql, (HIGHLIGHT_START, HIGHLIGHT_END, match, limit)
