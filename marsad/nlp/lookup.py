"""Find which linked actor or place a character span belongs to.

Components that run after actor and place linking (events, claims, relations) use this to turn a
span of text — a subject, a speaker, a location phrase — into the id of an item already found.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Protocol

from marsad.model import Mention


class Mentioned(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def mentions(self) -> list[Mention]: ...


class MentionIndex:
    """Mentions of actors (or places) sorted by position, for span lookups in O(log n)."""

    def __init__(self, items: Sequence[Mentioned]) -> None:
        # Text order; of mentions starting together the longest first: "Assad's air force" (the
        # military) before the "Assad" inside it.
        entries = sorted(
            ((m.start, m.end, item.id) for item in items for m in item.mentions), key=lambda e: (e[0], -e[1])
        )
        self._starts = [start for start, _, _ in entries]
        self._entries = entries
        # no mention starting further back than this can reach a span
        self._longest = max((end - start for start, end, _ in entries), default=0)

    def at(self, start: int, end: int) -> str | None:
        """Id of the item with the longest mention overlapping [start, end), if any."""
        best: tuple[int, str] | None = None
        first = bisect_left(self._starts, start - self._longest)
        for m_start, m_end, item_id in self._entries[first : bisect_right(self._starts, end - 1)]:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, item_id)
        return best[1] if best else None

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Every mention (start, end, id) lying inside [start, end), in text order."""
        first = bisect_right(self._starts, start - 1)
        last = bisect_left(self._starts, end)
        return [entry for entry in self._entries[first:last] if entry[1] <= end]
