from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from marsad.errors import Reason
from marsad.ingest import read
from marsad.model import Quarantined, RawDocument
from marsad.settings import Settings

from .reports import GENEVA, PALMYRA, REPORT_HTML, WITHDRAWAL, outcome


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_jsonl_one_bad_line_among_good_ones(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        _line(
            text=WITHDRAWAL,
            url="https://example.org/2016/03/15/russia-syria",
            title="Russia begins Syria withdrawal",
            outlet="Example News",
            author="Staff",
            published="2016-03-15",
            tags=["syria"],
        ),
        '{"text": "Opposition negotiators were cautious", ',  # cut off mid-object
        "",
        _line(html=REPORT_HTML, title="Geneva talks"),
        _line(title="No body at all"),
        _line(text=PALMYRA, published=20160327),
        "[1, 2, 3]",
        _line(text="   \n  "),
        _line(text=GENEVA),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    items = list(read([str(path)], settings))

    assert items[0] == RawDocument(
        source=f"{path}#L1",
        text=WITHDRAWAL,
        url="https://example.org/2016/03/15/russia-syria",
        title="Russia begins Syria withdrawal",
        outlet="Example News",
        author="Staff",
        published="2016-03-15",
    )
    assert [(item.source.rpartition("#")[2], getattr(item, "reason", "ok")) for item in items] == [
        ("L1", "ok"),
        ("L2", Reason.BAD_JSON),
        ("L4", "ok"),
        ("L5", Reason.BAD_JSON),
        ("L6", Reason.BAD_JSON),
        ("L7", Reason.BAD_JSON),
        ("L8", Reason.EMPTY),
        ("L9", "ok"),
    ]
    assert items[2] == RawDocument(source=f"{path}#L4", html=REPORT_HTML, title="Geneva talks")
    assert all("\n" not in item.message for item in items if isinstance(item, Quarantined))


def test_jsonl_overlong_line_skipped(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [_line(text=WITHDRAWAL), _line(text=PALMYRA * 100), _line(text=GENEVA)]
    path.write_text("\n".join(lines), encoding="utf-8")

    items = list(read([str(path)], replace(settings, max_bytes=2000)))

    assert [outcome(item) for item in items] == [WITHDRAWAL, Reason.TOO_LARGE, GENEVA]
    assert items[2].source == f"{path}#L3"


def test_jsonl_with_bom_and_crlf(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + f"{_line(text=WITHDRAWAL)}\r\n{_line(text=GENEVA)}\r\n".encode())
    assert [outcome(item) for item in read([str(path)], settings)] == [WITHDRAWAL, GENEVA]


def test_jsonl_missing_file(tmp_path: Path, settings: Settings) -> None:
    (item,) = read([str(tmp_path / "absent.jsonl")], settings)
    assert isinstance(item, Quarantined) and item.reason == Reason.UNREADABLE


def test_jsonl_read_line_by_line(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(_line(text=WITHDRAWAL) + "\n", encoding="utf-8")

    items = read([str(path)], settings)
    first = next(items)
    with path.open("a", encoding="utf-8") as file:  # appended after reading began
        file.write(_line(text=GENEVA) + "\n")

    assert outcome(first) == WITHDRAWAL
    assert [outcome(item) for item in items] == [GENEVA]
