"""Store fixtures: every test runs on SQLite, and on PostgreSQL when MARSAD_TEST_PG_URL names a server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

from marsad.store import Record, Store, open_store

from .records import (
    BUKAMAL_SENTENCES,
    BUKAMAL_TITLE,
    WITHDRAWAL_SENTENCES,
    WITHDRAWAL_TITLE,
    RecordFactory,
    build_record,
)

PG_URL_ENV = "MARSAD_TEST_PG_URL"


@pytest.fixture
def make_record() -> RecordFactory:
    return build_record


@pytest.fixture
def withdrawal() -> Record:
    return build_record(
        WITHDRAWAL_SENTENCES,
        title=WITHDRAWAL_TITLE,
        actors_found=(("Q7747", "PER", "Vladimir Putin"), ("Q159", "GPE", "Russia")),
    )


@pytest.fixture
def bukamal() -> Record:
    return build_record(
        BUKAMAL_SENTENCES,
        title=BUKAMAL_TITLE,
        source="reports/bukamal.txt",
        actors_found=(("Q2987843", "MIL", "Syrian government forces"), ("Q858", "GPE", "Syria")),
    )


def with_search_path(url: str, schema: str) -> str:
    """`url` with libpq options that make `schema` the only schema the store sees."""
    parts = urlsplit(url)
    query = [*parse_qsl(parts.query), ("options", f"-csearch_path={schema}")]
    return urlunsplit(parts._replace(query=urlencode(query)))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database per test: a SQLite file, or a new PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'marsad.db'}"
        return
    server = os.environ.get(PG_URL_ENV)
    if not server:
        pytest.skip(f'{PG_URL_ENV} is not set; `eval "$(.ci/start-postgres.sh | tail -n 1)"` starts a server')
    import psycopg
    from psycopg import sql

    schema = f"marsad_test_{uuid.uuid4().hex}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    yield with_search_path(server, schema)
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()
