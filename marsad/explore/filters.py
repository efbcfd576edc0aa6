"""One filter for every list a client asks for: text, actor, type, status, place, date range, outlet.

Text matches are case-insensitive substrings; `type` and `status` are exact (case-insensitive);
dates are ISO `YYYY-MM-DD` strings and a fact matches when its date range overlaps [since, until].
A fact without a date of its own is dated by its document's publication date. The document-level
part of a filter (outlet) is pushed down to the store's SQL; the rest is applied to the rows here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from marsad.explore.rows import ClaimRow, ContradictionRow, EventRow, PlaceRow, Source, event_rows
from marsad.model import Result
from marsad.store.base import DocumentFilter


@dataclass(frozen=True, slots=True, kw_only=True)
class FactFilter:
    text: str | None = None
    actor: str | None = None
    type: str | None = None
    status: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None

    def documents(self) -> DocumentFilter:
        """The part of the filter the store can apply to whole documents."""
        return DocumentFilter(outlet=self.outlet)

    @property
    def narrows_events(self) -> bool:
        return any((self.text, self.actor, self.type, self.status, self.place, self.since, self.until))


def _contains(needle: str | None, *haystacks: str | None) -> bool:
    if not needle:
        return True
    folded = needle.casefold()
    return any(h is not None and folded in h.casefold() for h in haystacks)


def _equals(wanted: str | None, value: str | None) -> bool:
    return not wanted or (value is not None and wanted.casefold() == value.casefold())


def _in_range(f: FactFilter, start: str | None, end: str | None) -> bool:
    if not f.since and not f.until:
        return True
    if start is None:
        return False
    end = end or start
    return (not f.since or end >= f.since) and (not f.until or start <= f.until)


def _outlet(f: FactFilter, source: Source) -> bool:
    return _contains(f.outlet, source.outlet)


def event_matches(f: FactFilter, row: EventRow) -> bool:
    start, end = (row.date.start, row.date.end) if row.date else (row.source.published, None)
    return (
        _contains(f.text, row.sentence_text)
        and _contains(f.actor, row.actor.name if row.actor else None, row.target.name if row.target else None)
        and _equals(f.type, row.type)
        and _equals(f.status, row.status)
        and _contains(
            f.place, row.place.name if row.place else None, row.place.country if row.place else None
        )
        and _in_range(f, start, end)
        and _outlet(f, row.source)
    )


def claim_matches(f: FactFilter, row: ClaimRow) -> bool:
    return (
        _contains(f.text, row.text)
        and _contains(f.actor, row.speaker.name if row.speaker else None)
        and _equals(f.type, row.kind)
        and _in_range(f, row.source.published, None)
        and _outlet(f, row.source)
    )


def contradiction_matches(f: FactFilter, row: ContradictionRow) -> bool:
    sides = row.sides
    return (
        _contains(f.text, *(s.text for s in sides))
        and _contains(f.actor, *(s.speaker.name for s in sides if s.speaker))
        and _equals(f.type, row.kind)
        and _in_range(f, row.source.published, None)
        and _outlet(f, row.source)
    )


def place_matches(f: FactFilter, row: PlaceRow) -> bool:
    return (
        _contains(f.text, row.place.name)
        and _contains(f.place, row.place.name, row.place.country)
        and _in_range(f, row.source.published, None)
        and _outlet(f, row.source)
    )


def narrow(results: Iterable[Result], f: FactFilter) -> Iterable[Result]:
    """The results an export of this filter holds: with event filters set, only documents with a
    matching event, each keeping only its matching events (still valid marsad/1)."""
    for result in results:
        if not _contains(f.outlet, result.doc.outlet):
            continue
        if not f.narrows_events:
            yield result
            continue
        keep = [e for e, row in zip(result.events, event_rows(result), strict=True) if event_matches(f, row)]
        if keep:
            yield result.model_copy(update={"events": keep})
