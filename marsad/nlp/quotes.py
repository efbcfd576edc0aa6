"""Direct quotations in clean text: «», “”, „“, ‹› and straight quotes, paired by position.

Curly and angle quotes say which side they are on. A straight quote (`"`, or `''` as some
newspaper archives write it on both sides) is an opening one when
it follows a space, a line start or an opening bracket and precedes a non-space, and a closing
one when it follows a non-space; a mark that could be either is read by what is open. A quotation
may run across sentences and across the line breaks the cleaner re-joined, but not across a
paragraph break (a blank line): a quotation still open there was never closed (a stray mark, or a
pasted excerpt that opens every paragraph with `"`), and the quotations inside it stand on their
own. By the typographic convention, a paragraph whose quotation goes on in the next one leaves
it open and opens the next with the same mark: that paragraph is a quotation up to its end.
Other unpaired marks are left out rather than guessed; an opening mark never waits longer than
`MAX_QUOTE_CHARS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Longest quotation read: a multi-paragraph speech is longer, but a stray mark pairing with a
# quote 3,000 characters later is far more common in scraped reports.
MAX_QUOTE_CHARS = 1500
# A paragraph opening with the mark of a quotation left open continues it, unless it quotes fewer
# words than this: then it is a name or phrase of its own, and the open mark was a stray one.
CONTINUED_WORDS = 4
_OPENERS = {"“": "”", "«": "»", "„": "“", "‹": "›"}
_CLOSERS = {"”", "»", "›"}
_STRAIGHT = frozenset({'"', "''"})
_OPEN_BEFORE = set(" \t\n([{—–-/:")
# Every quote mark, and every paragraph break (a blank line).
_MARKS = re.compile(r"''|[“”«»„‹›\"]|\n[ \t]*\n")
_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: `start`/`end` cover the marks, `inner_start`/`inner_end` the words inside."""

    start: int
    end: int
    inner_start: int
    inner_end: int


@dataclass(slots=True)
class _Open:
    start: int
    mark: str
    closer: str
    inner: list[Quote] = field(default_factory=list)  # quotations closed inside this one


def _straight_side(text: str, i: int, width: int) -> str:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if before in _OPEN_BEFORE and not after.isspace():
        return "open"
    if not before.isspace():
        return "close"
    return "either"


def find_quotes(text: str) -> list[Quote]:
    """Every paired quotation in `text`, in order; nested quotes stay inside their outer one."""
    quotes: list[Quote] = []
    stack: list[_Open] = []
    for match in _MARKS.finditer(text):
        i, char = match.start(), match.group()
        if stack and (char[0] == "\n" or i - stack[0].start > MAX_QUOTE_CHARS):
            _abandon(text, stack, quotes, i, match.end() if char[0] == "\n" else None)
        if char[0] == "\n":
            continue
        straight = char in _STRAIGHT
        side = _straight_side(text, i, len(char)) if straight else ("open" if char in _OPENERS else "close")
        expected = stack[-1].closer if stack else None
        if (
            expected is not None
            and side != "open"
            and (char == expected or (char in _CLOSERS and expected in _CLOSERS))
        ):
            opened = stack.pop()
            start = opened.start
            (stack[-1].inner if stack else quotes).append(
                _quote(text, start, match.end(), opener=len(opened.mark), closer=len(char))
            )
        elif side != "close":
            if straight and expected == char:
                # a straight quote that may open while one is open: the first was never closed
                (stack[-2].inner if len(stack) > 1 else quotes).extend(stack.pop().inner)
            stack.append(_Open(i, char, _OPENERS.get(char, char)))
    quotes.sort(key=lambda q: q.start)
    return [q for q in quotes if q.inner_end > q.inner_start]


def _abandon(text: str, stack: list[_Open], quotes: list[Quote], at: int, next_paragraph: int | None) -> None:
    """Close nothing: drop the open quotations, keeping the ones closed inside them. At a paragraph
    break, an outermost quotation whose mark opens the next paragraph too runs to the break."""
    while next_paragraph is not None and next_paragraph < len(text) and text[next_paragraph].isspace():
        next_paragraph += 1
    while stack:
        opened = stack.pop()
        target = stack[-1].inner if stack else quotes
        target.extend(opened.inner)
        if not stack and next_paragraph is not None and _continues(text, opened, next_paragraph):
            target.append(_quote(text, opened.start, at, opener=len(opened.mark), closer=0))


def _continues(text: str, opened: _Open, paragraph: int) -> bool:
    """Whether the paragraph at `paragraph` goes on with the quotation `opened`: it opens with the
    same mark, and what it quotes is more than a short phrase ('"Jaysh al-Fateh" advanced')."""
    if not text.startswith(opened.mark, paragraph):
        return False
    found = _BREAK.search(text, paragraph)
    end = found.start() if found else len(text)
    close = text.find(opened.closer, paragraph + len(opened.mark), end)
    return close < 0 or len(text[paragraph:close].split()) >= CONTINUED_WORDS


def _quote(text: str, start: int, end: int, *, opener: int, closer: int) -> Quote:
    """The quotation from `start` to `end`, whose marks are `opener` and `closer` characters long."""
    inner_start, inner_end = start + opener, end - closer
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    return Quote(start=start, end=end, inner_start=inner_start, inner_end=inner_end)
