"""Edits on the raw text and the offset map they leave behind.

Every cleaning step describes its changes as `Edit`s on the *raw* text instead of rewriting a string,
so the raw text is never lost and any clean offset maps back to the raw span it came from.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from marsad.model import OffsetRun


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace raw[start:end] with `replacement`; an empty replacement deletes."""

    start: int
    end: int
    replacement: str
    reason: str


def apply_edits(raw: str, edits: list[Edit]) -> tuple[str, list[OffsetRun]]:
    """Build the clean text from `raw` and the edits, and the runs that map clean offsets to raw ones.

    Edits must not overlap (callers resolve conflicts first); they may come in any order.
    """
    pieces: list[str] = []
    runs: list[OffsetRun] = []
    raw_pos = 0
    clean_pos = 0

    def emit(raw_start: int, raw_end: int, text: str, verbatim: bool) -> None:
        nonlocal clean_pos
        if not text and raw_start == raw_end:
            return
        pieces.append(text)
        runs.append(
            OffsetRun(
                clean_start=clean_pos,
                clean_end=clean_pos + len(text),
                raw_start=raw_start,
                raw_end=raw_end,
                verbatim=verbatim,
            )
        )
        clean_pos += len(text)

    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < raw_pos:
            raise ValueError(f"overlapping edit at {edit.start} ({edit.reason})")
        emit(raw_pos, edit.start, raw[raw_pos : edit.start], True)
        emit(edit.start, edit.end, edit.replacement, False)
        raw_pos = edit.end
    emit(raw_pos, len(raw), raw[raw_pos:], True)
    return "".join(pieces), runs


class OffsetMap:
    """Translates offsets between the clean text and the raw text it was built from."""

    def __init__(self, runs: list[OffsetRun]) -> None:
        self.runs = runs
        self._clean_starts = [r.clean_start for r in runs]
        self._raw_starts = [r.raw_start for r in runs]

    def to_raw(self, clean_offset: int) -> int:
        if not self.runs:
            return 0
        run = self.runs[max(bisect_right(self._clean_starts, clean_offset) - 1, 0)]
        if run.clean_end - run.clean_start == run.raw_end - run.raw_start:
            return run.raw_start + min(clean_offset - run.clean_start, run.raw_end - run.raw_start)
        return run.raw_start if clean_offset == run.clean_start else run.raw_end

    def to_clean(self, raw_offset: int) -> int:
        if not self.runs:
            return 0
        run = self.runs[max(bisect_right(self._raw_starts, raw_offset) - 1, 0)]
        if run.clean_end - run.clean_start == run.raw_end - run.raw_start:
            return run.clean_start + min(raw_offset - run.raw_start, run.clean_end - run.clean_start)
        return run.clean_start if raw_offset == run.raw_start else run.clean_end
