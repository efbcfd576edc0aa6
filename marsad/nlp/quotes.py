"""Direct quotations in clean text: «», “”, ‘’ and straight quotes, paired by position.

Curly and angle quotes say which side they are on. A straight quote (`"`) is an opening one when
it follows a space, a line start or an opening bracket and precedes a non-space, and a closing
one when it follows a non-space; a mark that could be either is read by what is open. A quotation
may run across sentences and across the line breaks the cleaner re-joined; a paragraph break
closes nothing by itself, but an opening mark never waits longer than `MAX_QUOTE_CHARS`.
Unpaired marks (a quotation the writer never closed) are left out rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

# Longest quotation read: a multi-paragraph speech is longer, but a stray mark pairing with a
# quote 3,000 characters later is far more common in scraped reports.
MAX_QUOTE_CHARS = 1500
_OPENERS = {"“": "”", "«": "»", "„": "“", "‹": "›"}
_CLOSERS = {"”", "»", "›"}
_STRAIGHT = '"'
_OPEN_BEFORE = set(" \t\n([{—–-/:")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: `start`/`end` cover the marks, `inner_start`/`inner_end` the words inside."""

    start: int
    end: int
    inner_start: int
    inner_end: int


def _straight_side(text: str, i: int) -> str:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before in _OPEN_BEFORE and not after.isspace():
        return "open"
    if not before.isspace():
        return "close"
    return "either"


def find_quotes(text: str) -> list[Quote]:
    """Every paired quotation in `text`, in order; nested quotes stay inside their outer one."""
    quotes: list[Quote] = []
    stack: list[tuple[int, str]] = []  # (position, closing mark expected) of the open quotes
    for i, char in enumerate(text):
        if char not in _OPENERS and char not in _CLOSERS and char != _STRAIGHT:
            continue
        if stack and i - stack[0][0] > MAX_QUOTE_CHARS:
            stack.clear()
        side = _straight_side(text, i) if char == _STRAIGHT else ("open" if char in _OPENERS else "close")
        expected = stack[-1][1] if stack else None
        if (
            expected is not None
            and side != "open"
            and (char == expected or (char in _CLOSERS and expected in _CLOSERS))
        ):
            start, _ = stack.pop()
            if not stack:
                quotes.append(_quote(text, start, i + 1))
        elif side != "close":
            if char == _STRAIGHT and expected == _STRAIGHT:
                stack.pop()  # a straight quote that may open while one is open: the first was never closed
            stack.append((i, _OPENERS.get(char, _STRAIGHT)))
    return [q for q in quotes if q.inner_end > q.inner_start]


def _quote(text: str, start: int, end: int) -> Quote:
    inner_start, inner_end = start + 1, end - 1
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    return Quote(start=start, end=end, inner_start=inner_start, inner_end=inner_end)
