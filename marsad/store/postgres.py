"""PostgreSQL backend: the same store on a server, for several writers (extra `marsad[postgres]`)."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.errors import StoreError
from marsad.store.base import HIGHLIGHT_END, HIGHLIGHT_START
from marsad.store.primitives import Params, Row
from marsad.store.sql import SqlStore

try:
    import psycopg
except ModuleNotFoundError as exc:
    raise StoreError("PostgreSQL stores need psycopg: pip install 'marsad[postgres]'") from exc

# pg_advisory_xact_lock key for migrations: "marsad" in ASCII, then migration lock number 1.
MIGRATION_LOCK_KEY = 0x6D61_7273_6164_0001

# Snippet size close to SQLite's 24-token snippet().
_HEADLINE_OPTIONS = f'StartSel="{HIGHLIGHT_START}", StopSel="{HIGHLIGHT_END}", MaxWords=24, MinWords=12'

# ts_headline is slow on long texts, so it runs only on the rows that survive LIMIT.
_SEARCH_DOCUMENTS = """
SELECT id, title, ts_headline('english', text, query, ?), NULL, NULL FROM (
    SELECT d.id, d.title, d.text, q AS query, ts_rank(d.tsv, q) AS rank
    FROM documents d CROSS JOIN websearch_to_tsquery('english', ?) q
    WHERE d.tsv @@ q
    ORDER BY rank DESC, d.id
    LIMIT ?
) hits
ORDER BY rank DESC, id
"""

_SEARCH_SENTENCES = """
SELECT doc_id, title, ts_headline('english', text, query, ?), start_char, end_char FROM (
    SELECT s.doc_id, s.idx, d.title, s.text, s.start_char, s.end_char, q AS query, ts_rank(s.tsv, q) AS rank
    FROM sentences s JOIN documents d ON d.id = s.doc_id CROSS JOIN websearch_to_tsquery('english', ?) q
    WHERE s.tsv @@ q
    ORDER BY rank DESC, s.doc_id, s.idx
    LIMIT ?
) hits
ORDER BY rank DESC, doc_id, idx
"""


def to_pyformat(sql: str) -> str:
    """The shared `?` placeholders as psycopg's `%s` (a literal `%` must then be doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(SqlStore):
    dialect = "postgresql"
    driver_errors = (psycopg.Error,)
    match_ids_sql = "SELECT m.id FROM documents m WHERE m.tsv @@ websearch_to_tsquery('english', ?)"

    def __init__(self, url: str) -> None:
        try:
            # autocommit: transactions are only the ones `_transaction` opens, never an idle open one.
            conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {exc}") from exc
        self._pg = conn
        super().__init__(url, conn)

    def _execute(self, sql: str, params: Params = ()) -> int:
        return self._pg.execute(to_pyformat(sql), params).rowcount

    def _execute_many(self, sql: str, rows: Sequence[Params]) -> None:
        if rows:
            with self._pg.cursor() as cursor:
                cursor.executemany(to_pyformat(sql), rows)

    def _fetch(self, sql: str, params: Params = ()) -> list[Row]:
        return self._pg.execute(to_pyformat(sql), params).fetchall()

    def _run_script(self, script: str) -> None:
        self._pg.execute(script)  # no parameters, so psycopg sends all statements at once

    def _lock_migrations(self) -> None:
        self._execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK_KEY,))

    def _search_sql(self, match: str, limit: int, *, sentences: bool) -> tuple[str, Params]:
        sql = _SEARCH_SENTENCES if sentences else _SEARCH_DOCUMENTS
        return sql, (_HEADLINE_OPTIONS, match, limit)
