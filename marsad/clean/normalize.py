"""Character-level normalisation of kept text: Unicode NFKC, invisible characters, runs of spaces."""

from __future__ import annotations

import re
import unicodedata

from marsad.clean.offsets import Edit

# Characters that carry no text but break tokenisation and search: soft hyphen, zero-width
# space/joiners, word joiner, byte-order mark.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_SPACE_RUN = re.compile(r"[^\S\n]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_NON_ASCII_CLUSTER = re.compile(r"[^\x00-\x7f][\u0300-\u036f]*")


def normalize_edits(raw: str, start: int, end: int) -> list[Edit]:
    """Edits that NFKC-normalise raw[start:end], drop invisible characters and collapse spaces.

    Quotes and guillemets are kept as written: they delimit quotations that later stages read.
    Space-like characters are left to the space rule, so the two loops never touch the same span.
    """
    edits: list[Edit] = []
    for match in _NON_ASCII_CLUSTER.finditer(raw, start, end):
        cluster = match.group()
        if cluster in _INVISIBLE:
            edits.append(Edit(match.start(), match.end(), "", "invisible"))
            continue
        normal = unicodedata.normalize("NFKC", cluster)
        if normal != cluster and not normal.isspace():
            edits.append(Edit(match.start(), match.end(), normal, "unicode"))
    for match in _SPACE_RUN.finditer(raw, start, end):
        edits.append(Edit(match.start(), match.end(), " ", "whitespace"))
    return edits
