"""Shared fixtures: the bundled example reports and one spaCy pipeline per test session."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
from spacy.language import Language

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PG_URL_ENV = "MARSAD_TEST_PG_URL"


@pytest.fixture(scope="session")
def examples() -> dict[str, str]:
    """The bundled real reports, by file name."""
    return {path.name: path.read_text("utf-8") for path in sorted(EXAMPLES.glob("*.txt"))}


@pytest.fixture(scope="session")
def nlp() -> Language:
    from marsad.nlp import build_nlp

    return build_nlp()


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
