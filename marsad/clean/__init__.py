"""Cleaning: from a raw report to clean text, an offset map back to the raw text, and removal records.

Order matters and is fixed here: HTML main-text extraction, paragraph re-joining, block removal
(advertisements, boilerplate, duplicate fragments, the byline once read), page furniture inside
paragraphs (tag runs, credit lines) and the leading date line, character normalisation, then
metadata and language. Each step only proposes `Edit`s on the raw text; one pass applies them.
"""

from __future__ import annotations

from marsad.clean import boilerplate, dedup, furniture, language, metadata
from marsad.clean.html import extract
from marsad.clean.normalize import normalize_edits
from marsad.clean.offsets import Edit, OffsetMap, apply_edits
from marsad.clean.unwrap import Paragraph, join_edits, paragraphs
from marsad.model import CleanDocument, RawDocument, Removal

BYLINE = "byline"
DATELINE = "date-line"
PARAGRAPH_BREAK = "\n\n"

__all__ = ["OffsetMap", "clean", "load_resources"]


def load_resources() -> None:
    """Load what cleaning otherwise loads on first use (language models, date-parser tables, rules),
    so a worker pays for it when it starts rather than on its first document."""
    language.identify("Russian forces began to withdraw from the air base on Monday, officials said.")
    metadata.parse_date("17 March 2016")
    boilerplate.default_rules()


def clean(raw: RawDocument) -> CleanDocument:
    """Clean one document; raises InputError (quarantined by the runner) when nothing usable remains."""
    title, author, outlet, published, url = raw.title, raw.author, raw.outlet, raw.published, raw.url
    if raw.html is not None:
        page = extract(raw.html, raw.url)
        raw_text = page.text
        title, author, outlet = title or page.title, author or page.author, outlet or page.outlet
        published, url = published or page.published, url or page.url
    else:
        raw_text = raw.text or ""

    paras = paragraphs(raw_text)
    reasons = boilerplate.classify(raw_text, paras)
    byline = _find_byline(raw_text, paras, reasons)
    if byline is not None:
        index, found = byline
        reasons[index] = BYLINE
        author, outlet = author or found.author, outlet or found.outlet
        published = published or found.published

    inline, authors = _find_furniture(raw_text, paras, reasons)
    author = author or ", ".join(authors) or None
    kept = [p for i, p in enumerate(paras) if i not in reasons]
    removals = _removal_edits(paras, reasons)
    dateline = _find_date_line(raw_text, kept)
    titled = False  # the date line split a title off the first paragraph
    if dateline is not None:
        removal, found_line = dateline
        published, outlet = published or found_line.published, outlet or found_line.outlet
        inline = [e for e in inline if not _overlaps(e, removal)] + [removal]
        titled = bool(removal.replacement) and kept[0].start < removal.start < kept[0].end
    edits = [e for e in _text_edits(raw_text, kept, removals) if not any(_overlaps(e, r) for r in inline)]
    removals += inline
    text, runs = apply_edits(raw_text, edits + removals)

    if title is None and kept and (titled or metadata.looks_like_title(kept[0].text(raw_text))):
        title = text[: text.find(PARAGRAPH_BREAK)] if PARAGRAPH_BREAK in text else text
    published = (
        (metadata.parse_date(published) if published else None)
        or metadata.date_from_url(url)
        or metadata.date_from_text(text)
    )
    return CleanDocument(
        raw=raw,
        raw_text=raw_text,
        text=text,
        offsets=runs,
        removed=[
            Removal(start=e.start, end=e.end, text=raw_text[e.start : e.end], reason=e.reason)
            for e in sorted(removals, key=lambda e: e.start)
        ],
        title=title,
        outlet=outlet,
        author=author,
        published=published,
        estimated_date=None if published else metadata.latest_cited_date(text),
        language=language.identify(text),
        content_hash=dedup.content_hash(text),
        edits=len(edits),
    )


def _find_byline(
    raw_text: str, paras: list[Paragraph], reasons: dict[int, str]
) -> tuple[int, metadata.Byline] | None:
    candidates = [i for i in range(len(paras)) if i not in reasons][: metadata.BYLINE_SEARCH_PARAGRAPHS]
    for i in candidates:
        found = metadata.parse_byline(paras[i].text(raw_text))
        if found is not None:
            return i, found
    return None


def _find_date_line(raw_text: str, kept: list[Paragraph]) -> tuple[Edit, metadata.DateLine] | None:
    """The wire dateline ("BEIRUT, March 5, 2019 (Reuters) - ") or date line ("Sat 27 Aug 2016")
    that opens the title's or the first paragraph: its removal, and what it says. Removed like a
    byline, so that it dates the document and neither places nor dates the first sentence's events.
    A title run into it ("... in Aleppo AP Saturday 9 Jul 2016 Syrian ...") becomes its own paragraph,
    so that its sentence does not run on into the story's."""
    for para in kept[: metadata.LEADING_DATE_PARAGRAPHS]:
        found = metadata.date_line(raw_text[para.start : para.end])
        if found is not None:
            separator = PARAGRAPH_BREAK if found.start else ""
            return Edit(para.start + found.start, para.start + found.length, separator, DATELINE), found
    return None


def _find_furniture(
    raw_text: str, paras: list[Paragraph], reasons: dict[int, str]
) -> tuple[list[Edit], list[str]]:
    """Tag runs and credit lines inside the paragraphs still kept: a paragraph that is nothing else
    goes whole (into `reasons`), otherwise its furniture spans become removals. Also the people the
    credit lines name as reporters or writers."""
    edits: list[Edit] = []
    authors: list[str] = []
    for i, para in enumerate(paras):
        if i in reasons:
            continue
        found = furniture.find(raw_text[para.start : para.end])
        for piece in found:
            authors += [name for name in piece.authors if name not in authors]
        if found and sum(f.end - f.start for f in found) == para.end - para.start:
            reasons[i] = found[0].reason
        else:
            edits += [Edit(para.start + f.start, para.start + f.end, "", f.reason) for f in found]
    return edits, authors


def _overlaps(first: Edit, second: Edit) -> bool:
    return first.start < second.end and second.start < first.end


def _removal_edits(paras: list[Paragraph], reasons: dict[int, str]) -> list[Edit]:
    """One removal per run of removed paragraphs sharing a block and a reason (a whole ad, not its lines)."""
    edits: list[Edit] = []
    previous: tuple[int, str] | None = None
    for i, reason in sorted(reasons.items()):
        para = paras[i]
        if previous == (i - 1, reason) and paras[i - 1].block == para.block:
            edits[-1] = Edit(edits[-1].start, para.end, "", reason)
        else:
            edits.append(Edit(para.start, para.end, "", reason))
        previous = (i, reason)
    return edits


def _text_edits(raw_text: str, kept: list[Paragraph], removals: list[Edit]) -> list[Edit]:
    """Normalise kept paragraphs, join their lines, and reduce everything between them to one break.

    The stretch between two kept paragraphs may hold removed ones; the separator goes in the first
    piece of that stretch and the other pieces are emptied, so no edit overlaps a removal.
    """
    edits: list[Edit] = []
    position = 0
    for n, para in enumerate(kept):
        separator = "" if n == 0 else PARAGRAPH_BREAK
        for start, end in _gaps(position, para.start, removals):
            edits.append(Edit(start, end, separator, "paragraph-break"))
            separator = ""
        edits.extend(join_edits(raw_text, para))
        for line in para.lines:
            edits.extend(normalize_edits(raw_text, line.start, line.end))
        position = para.end
    edits.extend(Edit(s, e, "", "trailing-space") for s, e in _gaps(position, len(raw_text), removals))
    return edits


def _gaps(start: int, end: int, removals: list[Edit]) -> list[tuple[int, int]]:
    """[start, end) minus the removed spans, as non-empty pieces."""
    pieces = []
    for removal in removals:
        if start <= removal.start < end:
            if removal.start > start:
                pieces.append((start, removal.start))
            start = removal.end
    if end > start:
        pieces.append((start, end))
    return pieces
