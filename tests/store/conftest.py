"""Store fixtures: every test runs on SQLite, and on PostgreSQL when MARSAD_TEST_PG_URL names a server."""

from __future__ import annotations

from collections.abc import Iterator

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


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()
