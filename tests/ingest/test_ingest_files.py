from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from marsad.errors import Reason
from marsad.ingest import read
from marsad.model import Quarantined, RawDocument
from marsad.settings import Settings

from .reports import FRENCH, GENEVA, GERMAN, PALMYRA, REPORT_HTML, WITHDRAWAL


def _one(path: Path, settings: Settings) -> RawDocument | Quarantined:
    (item,) = read([str(path)], settings)
    return item


def _reason(path: Path, settings: Settings) -> str:
    item = _one(path, settings)
    assert isinstance(item, Quarantined), item
    assert item.source == str(path) and item.message and "\n" not in item.message
    return item.reason


def test_text_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "withdrawal.txt"
    path.write_text(WITHDRAWAL + GENEVA, encoding="utf-8")
    assert _one(path, settings) == RawDocument(source=str(path), text=WITHDRAWAL + GENEVA)


def test_file_without_extension_read_as_text(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "PALMYRA"
    path.write_text(PALMYRA, encoding="utf-8")
    assert _one(path, settings) == RawDocument(source=str(path), text=PALMYRA)


@pytest.mark.parametrize(
    ("name", "text", "encoding"), [("paris.txt", FRENCH, "cp1252"), ("berlin.txt", GERMAN, "latin-1")]
)
def test_legacy_encoded_text_file(
    tmp_path: Path, settings: Settings, name: str, text: str, encoding: str
) -> None:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    item = _one(path, settings)
    assert isinstance(item, RawDocument) and item.text == text


@pytest.mark.parametrize("name", ["report.html", "report.HTM"])
def test_html_file_kept_as_html(tmp_path: Path, settings: Settings, name: str) -> None:
    path = tmp_path / name
    path.write_text(REPORT_HTML, encoding="utf-8")
    assert _one(path, settings) == RawDocument(source=str(path), html=REPORT_HTML)


def test_truncated_html_still_read_as_html(tmp_path: Path, settings: Settings) -> None:
    broken = REPORT_HTML[: len(REPORT_HTML) // 2] + "<p class='unclosed"
    path = tmp_path / "cut.html"
    path.write_text(broken, encoding="utf-8")
    assert _one(path, settings) == RawDocument(source=str(path), html=broken)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("nul.txt", WITHDRAWAL.encode() + b"\x00\x00\x01binary", Reason.BINARY),
        ("empty.txt", b"", Reason.EMPTY),
        ("blank.txt", b"  \n\n\t  \r\n", Reason.EMPTY),
        (
            "garbled.txt",
            b"Russian forces withdrew \x81\x8d\x8f\x90\x9d from Hmeimim \xff\xfe",
            Reason.BAD_ENCODING,
        ),
        ("photo", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Reason.BINARY),
        ("scan.pdf", b"%PDF-1.4\n" + WITHDRAWAL.encode(), Reason.UNSUPPORTED),
        ("map.PNG", b"\x89PNG\r\n", Reason.UNSUPPORTED),
        ("memo.docx", b"PK\x03\x04", Reason.UNSUPPORTED),
    ],
)
def test_bad_file_quarantined(
    tmp_path: Path, settings: Settings, name: str, content: bytes, reason: Reason
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert _reason(path, settings) == reason


def test_file_over_max_bytes(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as file:
        for _ in range(5000):
            file.write(WITHDRAWAL)
    assert _reason(path, replace(settings, max_bytes=10_000)) == Reason.TOO_LARGE


def test_missing_path(tmp_path: Path, settings: Settings) -> None:
    assert _reason(tmp_path / "no-such-report.txt", settings) == Reason.UNREADABLE


def test_broken_symlink(tmp_path: Path, settings: Settings) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    assert _reason(link, settings) == Reason.UNREADABLE


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def test_folder_walked_recursively_in_sorted_order(tmp_path: Path, settings: Settings) -> None:
    root = tmp_path / "corpus"
    _write(root / "b-geneva.txt", GENEVA)
    _write(root / "a-withdrawal.txt", WITHDRAWAL)
    _write(root / "c" / "2016" / "palmyra.txt", PALMYRA)
    _write(root / "c" / "2016" / "empty.txt", "")
    _write(root / "c" / "report.html", REPORT_HTML)
    _write(root / "c" / "scan.pdf", b"%PDF-1.4")
    _write(root / "d.txt", b"\x00\x01\x02\x03")
    _write(root / ".hidden.txt", WITHDRAWAL)
    _write(root / ".git" / "HEAD", "ref: refs/heads/main")
    _write(root / "e.jsonl", '{"text": "Russian jets left Hmeimim."}\nnot json\n')

    items = list(read([str(root)], settings))

    got = [(item.source.removeprefix(f"{root}/"), getattr(item, "reason", "ok")) for item in items]
    assert got == [
        ("a-withdrawal.txt", "ok"),
        ("b-geneva.txt", "ok"),
        ("c/2016/empty.txt", Reason.EMPTY),
        ("c/2016/palmyra.txt", "ok"),
        ("c/report.html", "ok"),
        ("c/scan.pdf", Reason.UNSUPPORTED),
        ("d.txt", Reason.BINARY),
        ("e.jsonl#L1", "ok"),
        ("e.jsonl#L2", Reason.BAD_JSON),
    ]
    assert [item.raw for item in items if isinstance(item, RawDocument)][:3] == [WITHDRAWAL, GENEVA, PALMYRA]


def test_symlink_escaping_the_folder(tmp_path: Path, settings: Settings) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text(WITHDRAWAL, encoding="utf-8")
    root = tmp_path / "corpus"
    _write(root / "report.txt", GENEVA)
    (root / "secret.txt").symlink_to(outside)

    items = list(read([str(root)], settings))

    assert [(item.source, getattr(item, "reason", "ok")) for item in items] == [
        (str(root / "report.txt"), "ok"),
        (str(root / "secret.txt"), Reason.UNREADABLE),
    ]


def test_directory_loop(tmp_path: Path, settings: Settings) -> None:
    root = tmp_path / "corpus"
    _write(root / "sub" / "report.txt", PALMYRA)
    (root / "sub" / "again").symlink_to(root, target_is_directory=True)

    items = list(read([str(root)], settings))

    assert [(item.source, getattr(item, "reason", "ok")) for item in items] == [
        (str(root / "sub" / "again"), Reason.UNREADABLE),
        (str(root / "sub" / "report.txt"), "ok"),
    ]


def test_folder_is_read_lazily(tmp_path: Path, settings: Settings) -> None:
    root = tmp_path / "many"
    for n in range(50):
        _write(root / f"report-{n:03}.txt", f"Report {n}: {WITHDRAWAL}")

    items = read([str(root)], settings)
    first = next(items)
    # Files not yet reached are read only now: edits made after the first item show up.
    for n in range(1, 50):
        _write(root / f"report-{n:03}.txt", f"Updated {n}: {GENEVA}")
    os.remove(root / "report-049.txt")
    rest = list(items)

    assert isinstance(first, RawDocument) and first.raw.startswith("Report 0:")
    assert all(isinstance(item, RawDocument) and item.raw.startswith("Updated") for item in rest[:-1])
    assert isinstance(rest[-1], Quarantined) and rest[-1].reason == Reason.UNREADABLE
