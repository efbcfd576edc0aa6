"""Byte-level checks every reader runs before a document enters the pipeline.

Files, stdin, JSON Lines and the web all go through `decode`, so a given input is accepted or
quarantined with the same reason whichever way it arrives.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterable

from charset_normalizer import from_bytes

from marsad.errors import InputError, Reason
from marsad.model import Quarantined, RawDocument

# Binary sniffing looks at the start only, like git and file(1): 8 KB is enough to see a file header.
SNIFF_BYTES = 8 * 1024
# Report text holds no C0 control characters besides whitespace; a few stray ones (ANSI colour codes,
# form feeds) are tolerated, but above 10% of the sample it is not prose.
MAX_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")

# charset-normalizer's guess is used only when confident: mess ratio ("chaos") at most 0.1 and some
# language coherence. Calibrated on short cp1252/latin-1/cp1251 news paragraphs versus invalid byte runs,
# which decode to mixed-script noise with coherence 0 or chaos near 0.2.
MAX_CHAOS = 0.10
MIN_COHERENCE = 0.10
# charset-normalizer ranks near-ties between single-byte code pages arbitrarily (it may pick cp1250 or
# cp775 for French or German latin-1 text); cp1252 wins such ties, as it does in browsers.
PREFERRED_LEGACY = "cp1252"
COHERENCE_TIE = 0.05

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def attempt(source: str, load: Callable[[], RawDocument]) -> RawDocument | Quarantined:
    """Run one reader; an input error becomes a quarantined item so the batch goes on."""
    try:
        return load()
    except InputError as exc:
        return Quarantined(source=source, reason=exc.reason, message=exc.message)


def check_size(size: int, limit: int) -> None:
    """Refuse an input known to be over the limit before reading any of it."""
    if size > limit:
        raise InputError(Reason.TOO_LARGE, f"{size:,} bytes is over the {limit:,}-byte limit")


def read_capped(chunks: Iterable[bytes], limit: int) -> bytes:
    """Join a stream's chunks, stopping as soon as it passes the limit (streams have no size upfront)."""
    parts: list[bytes] = []
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > limit:
            raise InputError(Reason.TOO_LARGE, f"more than the {limit:,}-byte limit")
        parts.append(chunk)
    return b"".join(parts)


def decode(data: bytes, *, limit: int, declared: str | None = None) -> str:
    """Check raw bytes and decode them to text, or raise the coded reason they cannot be used.

    Order: a byte-order mark wins; then strict UTF-8 (valid UTF-8 is almost never anything else);
    then the `declared` charset (HTTP Content-Type); then charset-normalizer's confident guess.
    """
    check_size(len(data), limit)
    if not data:
        raise InputError(Reason.EMPTY, "no content")
    bom_encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if bom_encoding is None:
        _check_binary(data[:SNIFF_BYTES].decode("latin-1"))
        text = _decode_without_bom(data, declared)
    else:
        try:
            text = data.decode(bom_encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                Reason.BAD_ENCODING, f"invalid {bom_encoding} after its byte-order mark"
            ) from exc
    return check_text(text)


def check_text(text: str) -> str:
    """Checks for text that arrived already decoded (JSON strings) and for every decoded document."""
    if not text.strip():
        raise InputError(Reason.EMPTY, "only whitespace")
    _check_binary(text[:SNIFF_BYTES])
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(Reason.BAD_ENCODING, "contains an unpaired surrogate code point") from exc
    return text


def _check_binary(sample: str) -> None:
    if "\x00" in sample:
        raise InputError(Reason.BINARY, "contains NUL bytes: binary data, not text")
    controls = sum(1 for ch in sample if ch < " " and ch not in _TEXT_CONTROLS)
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise InputError(
            Reason.BINARY, f"{controls} control characters in the first {len(sample)}: binary data"
        )


def _decode_without_bom(data: bytes, declared: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared is not None:
        try:
            return _without_c1_controls(data.decode(declared))
        except (LookupError, UnicodeDecodeError, InputError):
            pass  # a wrong or unknown declared charset is common; fall through to detection
    return _guess(data)


def _guess(data: bytes) -> str:
    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.chaos > MAX_CHAOS or best.coherence < MIN_COHERENCE:
        raise InputError(Reason.BAD_ENCODING, "not UTF-8 and no confident guess of its character encoding")
    for match in matches:
        if (
            PREFERRED_LEGACY in match.could_be_from_charset
            and match.chaos <= best.chaos
            and match.coherence >= best.coherence - COHERENCE_TIE
        ):
            return _without_c1_controls(data.decode(PREFERRED_LEGACY))
    return _without_c1_controls(str(best))


def _without_c1_controls(text: str) -> str:
    """C1 control characters (U+0080-U+009F) in decoded text mean the wrong charset was used."""
    if any("\x80" <= ch <= "\x9f" for ch in text):
        raise InputError(Reason.BAD_ENCODING, "decodes only to control characters; wrong or unknown charset")
    return text
