from __future__ import annotations

import codecs
from collections.abc import Iterator

import pytest

from marsad.errors import InputError, Reason
from marsad.ingest import guard
from marsad.model import Quarantined, RawDocument

from .reports import FRENCH, GERMAN, WITHDRAWAL

LIMIT = 64 * 1024


def _reason(data: bytes, **kwargs: object) -> Reason:
    with pytest.raises(InputError) as caught:
        guard.decode(data, limit=LIMIT, **kwargs)  # type: ignore[arg-type]
    return caught.value.reason


def test_decode_utf8() -> None:
    text = WITHDRAWAL + "Сергей Лавров said on Tuesday."
    assert guard.decode(text.encode(), limit=LIMIT) == text


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_decode_strips_bom(bom: bytes, encoding: str) -> None:
    assert guard.decode(bom + FRENCH.encode(encoding), limit=LIMIT) == FRENCH


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(FRENCH, "cp1252"), (GERMAN, "latin-1"), (WITHDRAWAL + "Café Genève, Sergeï.", "latin-1")],
)
def test_decode_guesses_legacy_charsets(text: str, encoding: str) -> None:
    assert guard.decode(text.encode(encoding), limit=LIMIT) == text


def test_decode_cyrillic_cp1251() -> None:
    text = "Президент России Владимир Путин приказал начать вывод основной части российских войск из Сирии."
    assert guard.decode(text.encode("cp1251"), limit=LIMIT) == text


def test_decode_uses_declared_charset() -> None:
    assert guard.decode(FRENCH.encode("cp1252"), limit=LIMIT, declared="windows-1252") == FRENCH


def test_decode_ignores_unknown_declared_charset() -> None:
    assert guard.decode(GERMAN.encode("latin-1"), limit=LIMIT, declared="no-such-charset") == GERMAN


@pytest.mark.parametrize(
    "data",
    [
        b"Russian forces withdrew \x81\x8d\x8f\x90\x9d from Hmeimim \xff\xfe",
        b"Russian forces withdrew from Hmeimim"
        + b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x90\x28\xbc\xf0\x28\x8c\x28" * 3,
        codecs.BOM_UTF16_LE + b"\x00\xd8",  # a lone surrogate after a UTF-16 BOM
    ],
)
def test_decode_refuses_undecodable_bytes(data: bytes) -> None:
    assert _reason(data) is Reason.BAD_ENCODING


@pytest.mark.parametrize(
    "data",
    [
        WITHDRAWAL.encode() + b"\x00\x01\x02",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes(range(1, 32)) * 10 + WITHDRAWAL.encode(),  # no NUL, but mostly control characters
    ],
)
def test_decode_refuses_binary(data: bytes) -> None:
    assert _reason(data) is Reason.BINARY


def test_decode_tolerates_a_few_control_characters() -> None:
    text = "\x1b[1mBREAKING\x1b[0m " + WITHDRAWAL
    assert guard.decode(text.encode(), limit=LIMIT) == text


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\u00a0\u2003\n".encode()])
def test_decode_refuses_empty(data: bytes) -> None:
    assert _reason(data) is Reason.EMPTY


def test_decode_refuses_oversize() -> None:
    with pytest.raises(InputError) as caught:
        guard.decode(WITHDRAWAL.encode(), limit=10)
    assert caught.value.reason is Reason.TOO_LARGE


def test_check_text_refuses_lone_surrogate() -> None:
    with pytest.raises(InputError) as caught:
        guard.check_text("Putin said \ud800 on Tuesday")
    assert caught.value.reason is Reason.BAD_ENCODING


def test_read_capped_stops_at_the_limit() -> None:
    consumed: list[int] = []

    def chunks() -> Iterator[bytes]:
        for n in range(1000):
            consumed.append(n)
            yield b"x" * 100

    with pytest.raises(InputError) as caught:
        guard.read_capped(chunks(), 250)
    assert caught.value.reason is Reason.TOO_LARGE
    assert len(consumed) == 3  # stopped at the first chunk past the limit


def test_attempt_turns_input_errors_into_quarantine() -> None:
    def fail() -> RawDocument:
        raise InputError(Reason.EMPTY, "no content")

    item = guard.attempt("report.txt", fail)
    assert item == Quarantined(source="report.txt", reason=Reason.EMPTY, message="no content")
