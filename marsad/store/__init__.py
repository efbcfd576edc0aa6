"""Where analysed documents are kept: `open_store(url)` picks the backend from the URL.

sqlite:///relative/file.db   sqlite:////absolute/file.db   sqlite:///:memory:
postgresql://user@host/db    postgres://user@host/db       (needs the marsad[postgres] extra)
"""

from __future__ import annotations

from marsad.errors import StoreError
from marsad.store.base import Counts, QuarantineEntry, Record, SearchHit, Store
from marsad.store.sqlite import SqliteStore

__all__ = ["Counts", "QuarantineEntry", "Record", "SearchHit", "Store", "open_store"]

_SQLITE_PREFIX = "sqlite:///"


def open_store(url: str) -> Store:
    """Open (creating and migrating as needed) the store at `url`."""
    if url.startswith(_SQLITE_PREFIX) and len(url) > len(_SQLITE_PREFIX):
        return SqliteStore(url, url.removeprefix(_SQLITE_PREFIX))
    scheme = url.partition("://")[0]
    if scheme in {"postgresql", "postgres"}:
        # Imported here so psycopg is needed only by those who use PostgreSQL.
        from marsad.store.postgres import PostgresStore

        return PostgresStore(url)
    raise StoreError(
        f"unsupported store URL scheme {scheme!r}: use sqlite:///path/to/file.db or postgresql://user@host/dbname"
    )
