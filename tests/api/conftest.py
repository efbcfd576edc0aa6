"""An app over a temporary SQLite store holding the served corpus (tests/served.py); no network."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from marsad.api import ApiSettings, create_app
from marsad.settings import Settings
from marsad.store import Store, open_store
from tests import served

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path_factory.mktemp('api') / 'marsad.db'}")
    served.load(opened)
    yield opened
    opened.close()


def make_app(store: Store, *, token: str | None = None, max_bytes: int = 20_000, **api: object) -> FastAPI:
    settings = Settings(db_url=store.url, max_bytes=max_bytes, workers=1)
    return create_app(store, ApiSettings(pipeline=settings, token=token, **api))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(make_app(store), base_url="http://127.0.0.1") as test_client:
        yield test_client


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'empty.db'}")
    yield opened
    opened.close()
