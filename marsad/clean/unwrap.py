"""Re-join hard-wrapped lines into paragraphs.

Reports arrive hard-wrapped at ~80 columns (e-mail, PDF copy-paste, translation tools), with one
paragraph per long line, or a mix. A line break is a soft wrap when the text runs on (the next line
starts in lower case, the previous one does not end a sentence) or when the line was full width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import quantiles

from marsad.clean.offsets import Edit

# A document is hard-wrapped when 90% of its lines are at most this long; paragraphs kept on one
# line are usually several hundred characters, wrapped text 60-100.
HARD_WRAP_MAX_WIDTH = 120
# A line at least this share of the wrap width was cut by the wrapper, not ended by the writer
# (calibrated on the bundled examples: wrapped lines run 45-90 characters at a width of ~80).
FULL_LINE_SHARE = 0.7

_SENTENCE_END = tuple(".!?")
_CONTINUATION_START = re.compile(r"[a-z,;:)\]»”%]")


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line, its span trimmed of surrounding spaces (offsets index the raw text)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    lines: tuple[Line, ...]
    block: int  # index of the blank-line-separated block it belongs to

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    def text(self, raw: str) -> str:
        return " ".join(raw[line.start : line.end] for line in self.lines)


def _lines(raw: str) -> list[Line | None]:
    """Every line of `raw`, None for blank ones, spans trimmed of spaces and carriage returns."""
    lines: list[Line | None] = []
    pos = 0
    for text in raw.split("\n"):
        stripped = text.strip()
        lead = len(text) - len(text.lstrip())
        lines.append(Line(pos + lead, pos + lead + len(stripped)) if stripped else None)
        pos += len(text) + 1
    return lines


def _wrap_width(lines: list[Line]) -> float | None:
    """The column the text was wrapped at, or None when it is not hard-wrapped."""
    lengths = [line.end - line.start for line in lines]
    if len(lengths) < 5:
        return None
    width = quantiles(lengths, n=10)[-1]
    return width if width <= HARD_WRAP_MAX_WIDTH else None


def _runs_on(raw: str, line: Line, following: Line, wrap_width: float | None) -> bool:
    text = raw[line.start : line.end]
    nxt = raw[following.start : following.end]
    if not text.endswith(_SENTENCE_END) and _CONTINUATION_START.match(nxt):
        return True
    return wrap_width is not None and len(text) >= FULL_LINE_SHARE * wrap_width


def paragraphs(raw: str) -> list[Paragraph]:
    """Split raw text into paragraphs: blank lines always separate, soft wraps are joined."""
    lines = _lines(raw)
    wrap_width = _wrap_width([line for line in lines if line is not None])
    result: list[Paragraph] = []
    current: list[Line] = []
    block = 0
    for line in lines:
        if line is None or (current and not _runs_on(raw, current[-1], line, wrap_width)):
            if current:
                result.append(Paragraph(tuple(current), block))
            current = []
        if line is None:
            block += 1
        else:
            current.append(line)
    if current:
        result.append(Paragraph(tuple(current), block))
    return result


def join_edits(raw: str, paragraph: Paragraph) -> list[Edit]:
    """Edits turning the line breaks inside a paragraph into spaces (or nothing after a hyphen)."""
    edits = []
    for line, following in zip(paragraph.lines, paragraph.lines[1:], strict=False):
        hyphenated = raw[line.end - 1] == "-" and raw[line.end - 2 : line.end - 1].isalpha()
        edits.append(Edit(line.end, following.start, "" if hyphenated else " ", "unwrap"))
    return edits
