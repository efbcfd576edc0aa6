"""Flat, self-describing rows read from marsad/1 results: what tables, maps and exports show.

Every row names the document, outlet and span it came from, so a client can always link a fact to
its evidence. Rows are pure functions of one `Result` (no store access); ids are stable as long as
the document is: `<doc id>-e<n>` for the n-th event, `<doc id>-c<n>` for the n-th claim.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from marsad.model import Actor, Citation, DateRange, Mention, Place, Result, Span


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True)


class Source(_Row):
    """The document a fact was read from, as a client needs it to show and link the source."""

    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    source: str


class ActorRef(_Row):
    id: str
    name: str
    type: str


class PlaceRef(_Row):
    id: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None


class CitationRef(_Row):
    kind: str
    text: str
    url: str | None
    domain: str | None


class EventRow(_Row):
    id: str
    type: str
    mode: str | None
    status: str
    negated: bool
    acled_type: str | None
    acled_subtype: str | None
    actor: ActorRef | None
    target: ActorRef | None
    place: PlaceRef | None
    date: DateRange | None
    trigger: Mention
    sentence: Span
    sentence_text: str
    citations: list[CitationRef]
    source: Source


class ClaimRow(_Row):
    id: str
    claim_id: str | None
    kind: str
    speaker: ActorRef | None
    text: str
    start: int
    end: int
    cue: str | None
    citations: list[CitationRef]
    source: Source


class ContradictionRow(_Row):
    id: str
    kind: str
    claim_ids: list[str]
    sides: list[ClaimRow]
    source: Source


class PlaceRow(_Row):
    """One place named in one document, with its first mention as evidence."""

    id: str
    place: PlaceRef
    mentions: int
    first: Mention
    source: Source


def source_of(result: Result) -> Source:
    doc = result.doc
    return Source(
        doc_id=doc.id,
        title=doc.title,
        outlet=doc.outlet,
        published=doc.published,
        url=doc.url,
        source=doc.source,
    )


def actor_ref(actor: Actor) -> ActorRef:
    return ActorRef(id=actor.id, name=actor.name, type=actor.type)


def place_ref(place: Place) -> PlaceRef:
    return PlaceRef(id=place.id, name=place.name, lat=place.lat, lon=place.lon, country=place.country)


def citations_within(result: Result, start: int, end: int) -> list[CitationRef]:
    """Citations inside [start, end): the sources a sentence or claim itself names."""
    return [_citation_ref(c) for c in result.citations if start <= c.start and c.end <= end]


def _citation_ref(citation: Citation) -> CitationRef:
    return CitationRef(kind=citation.kind, text=citation.text, url=citation.url, domain=citation.domain)


def event_rows(result: Result) -> list[EventRow]:
    actors = {a.id: actor_ref(a) for a in result.actors}
    places = {p.id: place_ref(p) for p in result.places}
    source = source_of(result)
    text = result.doc.text
    return [
        EventRow(
            id=f"{result.doc.id}-{event.id or f'e{index}'}",
            type=event.type,
            mode=event.mode,
            status=event.status,
            negated=event.negated,
            acled_type=event.acled_type,
            acled_subtype=event.acled_subtype,
            actor=actors.get(event.actor) if event.actor else None,
            target=actors.get(event.target) if event.target else None,
            place=places.get(event.place) if event.place else None,
            date=event.date,
            trigger=event.trigger,
            sentence=event.sentence,
            sentence_text=text[event.sentence.start : event.sentence.end],
            citations=citations_within(result, event.sentence.start, event.sentence.end),
            source=source,
        )
        for index, event in enumerate(result.events)
    ]


def claim_rows(result: Result) -> list[ClaimRow]:
    actors = {a.id: actor_ref(a) for a in result.actors}
    source = source_of(result)
    return [
        ClaimRow(
            id=f"{result.doc.id}-c{index}",
            claim_id=claim.id,
            kind=claim.kind,
            speaker=actors.get(claim.speaker) if claim.speaker else None,
            text=claim.text,
            start=claim.start,
            end=claim.end,
            cue=claim.cue,
            citations=citations_within(result, claim.start, claim.end),
            source=source,
        )
        for index, claim in enumerate(result.claims)
    ]


def contradiction_rows(result: Result) -> list[ContradictionRow]:
    """Each contradiction with the claims it names resolved in the same document (both sides)."""
    claims = {row.claim_id: row for row in claim_rows(result) if row.claim_id is not None}
    source = source_of(result)
    return [
        ContradictionRow(
            id=f"{result.doc.id}-x{index}",
            kind=contradiction.kind,
            claim_ids=contradiction.claims,
            sides=[claims[claim_id] for claim_id in contradiction.claims if claim_id in claims],
            source=source,
        )
        for index, contradiction in enumerate(result.contradictions)
    ]


def place_rows(result: Result) -> list[PlaceRow]:
    source = source_of(result)
    return [
        PlaceRow(
            id=f"{result.doc.id}-p{index}",
            place=place_ref(place),
            mentions=len(place.mentions),
            first=place.mentions[0],
            source=source,
        )
        for index, place in enumerate(result.places)
        if place.mentions
    ]
