"""JSON Lines in the marsad/1 contract: one analysed document per line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from marsad.model import Result


def write_jsonl(results: Iterable[Result], out: TextIO) -> int:
    """Write each result on its own line; returns how many were written."""
    count = 0
    for result in results:
        out.write(result.to_json() + "\n")
        count += 1
    return count
