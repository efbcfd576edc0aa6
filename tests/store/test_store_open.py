"""Opening stores: URL schemes, the optional PostgreSQL driver, migrations, SQLite settings, reopening."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import marsad.store
from marsad.errors import StoreError
from marsad.store import Record, Store, open_store
from marsad.store.sql import SqlStore


def test_public_api_is_sorted_and_complete() -> None:
    assert marsad.store.__all__ == sorted(marsad.store.__all__)
    assert all(hasattr(marsad.store, name) for name in marsad.store.__all__)


@pytest.mark.parametrize("url", ["mysql://root@localhost/marsad", "marsad.db", "sqlite:///"])
def test_open_store_rejects_unknown_urls(url: str) -> None:
    with pytest.raises(StoreError, match=r"sqlite:///path/to/file\.db"):
        open_store(url)


def test_open_store_without_psycopg_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # makes `import psycopg` fail
    monkeypatch.delitem(sys.modules, "marsad.store.postgres", raising=False)
    with pytest.raises(StoreError, match=r"marsad\[postgres\]"):
        open_store("postgresql://postgres@127.0.0.1/marsad")


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_unreachable_postgres_raises_store_error(scheme: str) -> None:
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL"):
        open_store(f"{scheme}://postgres@127.0.0.1:1/marsad?connect_timeout=2")


def test_importing_the_store_does_not_import_psycopg() -> None:
    code = "import sys, marsad.store; sys.exit('psycopg' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_open_store_accepts_relative_sqlite_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    open_store("sqlite:///relative.db").close()
    assert (tmp_path / "relative.db").is_file()


def test_in_memory_sqlite_store_works(withdrawal: Record) -> None:
    store = open_store("sqlite:///:memory:")
    store.put(withdrawal)
    assert store.get(withdrawal.result.doc.id) == withdrawal.result
    store.close()


def test_unopenable_sqlite_file_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open SQLite database"):
        open_store(f"sqlite:///{tmp_path / 'missing-dir' / 'marsad.db'}")


def test_sqlite_store_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "marsad.db"
    open_store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def migration_names() -> list[str]:
    folder = Path(marsad.store.__file__).parent / "migrations" / "sqlite"
    return sorted(path.stem for path in folder.glob("*.sql"))


def test_migrations_are_applied_once_and_recorded(store_url: str) -> None:
    open_store(store_url).close()
    store = open_store(store_url)  # a second open must find nothing pending
    assert store.applied_migrations() == migration_names()
    store.close()


def test_backends_ship_the_same_migrations() -> None:
    folder = Path(marsad.store.__file__).parent / "migrations" / "postgresql"
    assert sorted(path.stem for path in folder.glob("*.sql")) == migration_names()


def with_extra_migration(monkeypatch: pytest.MonkeyPatch, name: str, script: str) -> None:
    shipped = SqlStore._migrations
    monkeypatch.setattr(SqlStore, "_migrations", lambda self: [*shipped(self), (name, script)])


def test_a_new_migration_is_applied_on_open_and_only_once(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(store_url).close()
    # Applying this twice would fail: the table would already exist.
    with_extra_migration(monkeypatch, "9999_watchlist", "CREATE TABLE watchlist (actor_id TEXT PRIMARY KEY);")
    open_store(store_url).close()
    store = open_store(store_url)
    assert store.applied_migrations() == [*migration_names(), "9999_watchlist"]
    store.close()


def test_a_failing_migration_is_rolled_back(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    script = "CREATE TABLE watchlist (actor_id TEXT);\nCREATE TABLE watchlist (actor_id TEXT);\n"
    with_extra_migration(monkeypatch, "9999_broken", script)
    with pytest.raises(StoreError):
        open_store(store_url)
    monkeypatch.undo()
    # Had the first CREATE survived the rollback, this migration would now fail.
    with_extra_migration(monkeypatch, "9999_fixed", "CREATE TABLE watchlist (actor_id TEXT);")
    store = open_store(store_url)
    assert store.applied_migrations() == [*migration_names(), "9999_fixed"]
    store.close()


def test_a_reopened_store_sees_its_data(store_url: str, store: Store, withdrawal: Record) -> None:
    store.put(withdrawal)
    store.close()
    reopened = open_store(store_url)
    assert reopened.get(withdrawal.result.doc.id) == withdrawal.result
    assert reopened.is_done(withdrawal.result.doc.source, withdrawal.raw_hash)
    reopened.close()
