"""What a client can ask of the store: one function per list or item, shared by the API and the CLI.

Documents, actors and outlets are answered by the store's SQL. Events, claims, places and
contradictions are not in normalised tables yet, so they are read from the stored results of the
documents the filter's document part selects, then filtered and paged here. Every function raises
`NotFoundError` for an id that does not exist; none knows about HTTP.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from marsad.errors import NotFoundError
from marsad.explore import filters
from marsad.explore.filters import FactFilter
from marsad.explore.graph import Graph, build_graph
from marsad.explore.rows import (
    ClaimRow,
    ContradictionRow,
    EventRow,
    PlaceRow,
    claim_rows,
    contradiction_rows,
    event_rows,
    place_rows,
)
from marsad.export import EXPORTERS
from marsad.model import Result
from marsad.store.base import (
    ActorSummary,
    Counts,
    DocumentFilter,
    DocumentSummary,
    DomainSummary,
    OutletSummary,
    Store,
)

# Two events at places this close (and otherwise alike) are taken to be the same happening when
# deciding which other reports back an event; 25 km spans a town and its outskirts.
SAME_PLACE_KM = 25.0
_FACT_ID = re.compile(r"^([0-9a-f]{1,64})-([ecx])(\d{1,6})$")

T = TypeVar("T")
R = TypeVar("R", bound=BaseModel)


class Listing(BaseModel, Generic[T]):
    """A page of a list: `total` counts every match; `offset` and `limit` say which part this is."""

    model_config = ConfigDict(frozen=True)

    items: list[T]
    total: int
    offset: int
    limit: int


class EventDetail(BaseModel):
    """An event with the other reports of the same happening: they back it, or deny it."""

    event: EventRow
    reports: list[EventRow]


class Sources(BaseModel):
    outlets: list[OutletSummary]
    cited_domains: list[DomainSummary]


class Overview(BaseModel):
    counts: Counts
    events: int
    claims: int
    contradictions: int
    places: int
    event_types: dict[str, int]
    event_statuses: dict[str, int]
    first_published: str | None
    last_published: str | None


def documents(store: Store, where: DocumentFilter, offset: int, limit: int) -> Listing[DocumentSummary]:
    page = store.documents(where, offset=offset, limit=limit)
    return Listing(items=page.items, total=page.total, offset=offset, limit=limit)


def document(store: Store, doc_id: str) -> Result:
    result = store.get(doc_id)
    if result is None:
        raise NotFoundError(f"no document with id {doc_id}")
    return result


def actors(
    store: Store, where: DocumentFilter, name: str | None, type: str | None, offset: int, limit: int
) -> Listing[ActorSummary]:
    page = store.actors(where, name=name, type=type, offset=offset, limit=limit)
    return Listing(items=page.items, total=page.total, offset=offset, limit=limit)


def _listing(
    store: Store,
    f: FactFilter,
    rows_of: Callable[[Result], list[R]],
    matches: Callable[[FactFilter, R], bool],
    offset: int,
    limit: int,
) -> Listing[R]:
    matched = [
        row for result in store.iter_results(f.documents()) for row in rows_of(result) if matches(f, row)
    ]
    return Listing(items=matched[offset : offset + limit], total=len(matched), offset=offset, limit=limit)


def events(store: Store, f: FactFilter, offset: int, limit: int) -> Listing[EventRow]:
    return _listing(store, f, event_rows, filters.event_matches, offset, limit)


def claims(store: Store, f: FactFilter, offset: int, limit: int) -> Listing[ClaimRow]:
    return _listing(store, f, claim_rows, filters.claim_matches, offset, limit)


def contradictions(store: Store, f: FactFilter, offset: int, limit: int) -> Listing[ContradictionRow]:
    return _listing(store, f, contradiction_rows, filters.contradiction_matches, offset, limit)


def places(store: Store, f: FactFilter, offset: int, limit: int) -> Listing[PlaceRow]:
    return _listing(store, f, place_rows, filters.place_matches, offset, limit)


def relations(store: Store, f: FactFilter, max_nodes: int) -> Graph:
    return build_graph(store.iter_results(f.documents()), max_nodes=max_nodes, actor=f.actor)


def sources(store: Store) -> Sources:
    return Sources(outlets=store.outlets(), cited_domains=store.cited_domains())


def event(store: Store, event_id: str) -> EventDetail:
    """The event and every report of the same type at the same place and overlapping dates."""
    row = _event_row(store, event_id)
    reports = [
        other
        for result in store.iter_results()
        for other in event_rows(result)
        if other.id != row.id and same_happening(row, other)
    ]
    return EventDetail(event=row, reports=reports)


def _event_row(store: Store, event_id: str) -> EventRow:
    found = _FACT_ID.match(event_id)
    if found is None or found.group(2) != "e":
        raise NotFoundError(f"no event with id {event_id}")
    result = store.get(found.group(1))
    index = int(found.group(3))
    if result is None or index >= len(result.events):
        raise NotFoundError(f"no event with id {event_id}")
    return event_rows(result)[index]


def same_happening(a: EventRow, b: EventRow) -> bool:
    if a.type.casefold() != b.type.casefold() or a.place is None or b.place is None:
        return False
    if a.date is not None and b.date is not None and (a.date.end < b.date.start or b.date.end < a.date.start):
        return False
    if a.place.name.casefold() == b.place.name.casefold():
        return True
    if None in (a.place.lat, a.place.lon, b.place.lat, b.place.lon):
        return False
    return _km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) <= SAME_PLACE_KM  # type: ignore[arg-type]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def overview(store: Store) -> Overview:
    types: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    claims = contradictions = places = 0
    published: list[str] = []
    for result in store.iter_results():
        types.update(e.type for e in result.events)
        statuses.update(e.status for e in result.events)
        claims += len(result.claims)
        contradictions += len(result.contradictions)
        places += len(result.places)
        if result.doc.published:
            published.append(result.doc.published)
    return Overview(
        counts=store.counts(),
        events=sum(types.values()),
        claims=claims,
        contradictions=contradictions,
        places=places,
        event_types=dict(types.most_common()),
        event_statuses=dict(statuses.most_common()),
        first_published=min(published, default=None),
        last_published=max(published, default=None),
    )


def export_results(store: Store, f: FactFilter) -> Iterator[Result]:
    """The results an export with this filter holds (see `filters.narrow`)."""
    results: Iterable[Result] = store.iter_results(f.documents())
    yield from filters.narrow(results, f)


def export(store: Store, f: FactFilter, format: str) -> bytes:
    """The export file, in memory: what `export_results` selects, written in `format`."""
    exporter = EXPORTERS.get(format)
    if exporter is None:
        raise NotFoundError(f"no export format {format!r}; choose from {', '.join(EXPORTERS)}")
    buffer = io.BytesIO()
    exporter.write(export_results(store, f), buffer)
    return buffer.getvalue()
