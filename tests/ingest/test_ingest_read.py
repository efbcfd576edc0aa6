from __future__ import annotations

import hashlib
import inspect
import io
from dataclasses import replace
from pathlib import Path

import pytest

import marsad.ingest
from marsad.errors import Reason
from marsad.ingest import raw_hash, read
from marsad.model import Quarantined, RawDocument
from marsad.settings import Settings

from .reports import FRENCH, GENEVA, REPORT_HTML, WITHDRAWAL, outcome


def test_public_api() -> None:
    assert marsad.ingest.__all__ == sorted(marsad.ingest.__all__) == ["raw_hash", "read"]


def test_read_is_a_generator(tmp_path: Path, settings: Settings) -> None:
    assert inspect.isgenerator(read([str(tmp_path / "absent.txt")], settings))


def test_stdin_text(settings: Settings) -> None:
    items = list(read(["-"], settings, stdin=io.StringIO(WITHDRAWAL + GENEVA)))
    assert items == [RawDocument(source="stdin", text=WITHDRAWAL + GENEVA)]


def test_stdin_bytes_charset_detected(settings: Settings) -> None:
    stream = io.TextIOWrapper(io.BytesIO(FRENCH.encode("cp1252")), encoding="utf-8")
    assert list(read(["-"], settings, stdin=stream)) == [RawDocument(source="stdin", text=FRENCH)]


@pytest.mark.parametrize(
    ("content", "max_bytes", "reason"),
    [("", 1000, Reason.EMPTY), (" \n\t\n", 1000, Reason.EMPTY), (WITHDRAWAL * 20, 1000, Reason.TOO_LARGE)],
)
def test_stdin_quarantined(settings: Settings, content: str, max_bytes: int, reason: Reason) -> None:
    (item,) = read(["-"], replace(settings, max_bytes=max_bytes), stdin=io.StringIO(content))
    assert isinstance(item, Quarantined) and item.source == "stdin" and item.reason == reason


def test_mixed_sources_keep_going(tmp_path: Path, settings: Settings) -> None:
    good = tmp_path / "report.txt"
    good.write_text(WITHDRAWAL, encoding="utf-8")
    sources = [str(tmp_path / "missing.txt"), "ftp://example.org/report.txt", "-", str(good)]

    items = list(read(sources, settings, stdin=io.StringIO(GENEVA)))

    assert [getattr(item, "reason", "ok") for item in items] == [
        Reason.UNREADABLE,
        Reason.UNSAFE_URL,
        "ok",
        "ok",
    ]
    assert [outcome(item) for item in items[2:]] == [GENEVA, WITHDRAWAL]


def test_raw_hash_is_sha256_of_raw_content() -> None:
    doc = RawDocument(source="a.html", html=REPORT_HTML)
    assert raw_hash(doc) == hashlib.sha256(REPORT_HTML.encode()).hexdigest()
    assert raw_hash(doc) == raw_hash(RawDocument(source="b.html", html=REPORT_HTML))
    assert raw_hash(doc) != raw_hash(RawDocument(source="a.txt", text=WITHDRAWAL))
