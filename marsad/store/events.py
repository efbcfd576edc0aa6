"""The events table: each stored event with the cross-document cluster it joins, and cluster listing.

`SqlStore.put` calls `_insert_events` inside the document's transaction. Each new event is compared
with the stored events of its block — same type, its month and the months either side — by
marsad/resolve/event_merge.py; it joins the first cluster it matches, or starts its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from marsad.model import DateRange, EventSource, Mention, Result, Span
from marsad.resolve.event_merge import (
    DAY_TOLERANCE,
    PUBLISHED_TOLERANCE,
    EventKey,
    event_key,
    neighbour_buckets,
    same_event,
    status_kind,
)
from marsad.store.base import Page
from marsad.store.primitives import SqlPrimitives

_INSERT_EVENT = """
INSERT INTO events (doc_id, event_id, type, mode, status, negated, actor_key, actor_name, target_key,
                    target_name, place_key, place_name, lat, lon, country, date_start, date_end,
                    date_precision, date_bucket, trigger_start, trigger_end, trigger_text, sentence_start,
                    sentence_end, confidence, cameo, acled_type, acled_subtype, cluster_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""

_BLOCK = """
SELECT cluster_id, type, status, actor_key, target_key, place_key, date_start, date_end, date_precision
FROM events WHERE type = ? AND date_bucket IN (?, ?, ?) AND doc_id <> ?
ORDER BY cluster_id
"""

# One row per cluster; the representative values are the cluster's first report's where they differ.
_CLUSTERS = """
SELECT e.cluster_id, MIN(e.type), MIN(e.mode), MIN(e.status), MIN(e.actor_name), MIN(e.target_name),
       MIN(e.place_name), MIN(e.date_start), MAX(e.date_end), COUNT(*), COUNT(DISTINCT e.doc_id),
       MAX(e.confidence), MIN(e.acled_type), MIN(e.acled_subtype), MIN(e.cameo), MIN(e.lat), MIN(e.lon)
FROM events e
WHERE e.cluster_id IN (SELECT f.cluster_id FROM events f WHERE {where})
GROUP BY e.cluster_id
ORDER BY COALESCE(MIN(e.date_start), '9999-12-31'), e.cluster_id
LIMIT ? OFFSET ?
"""

_COUNT_CLUSTERS = "SELECT COUNT(DISTINCT f.cluster_id) FROM events f WHERE {where}"

_SOURCES = """
SELECT cluster_id, doc_id, event_id, status, trigger_start, trigger_end, trigger_text, sentence_start,
       sentence_end
FROM events WHERE cluster_id IN ({marks}) ORDER BY cluster_id, doc_id, trigger_start
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Which events a listing shows; text filters are case-insensitive substrings, dates inclusive
    `YYYY-MM-DD` compared with the event's date range."""

    type: str | None = None
    actor: str | None = None  # the actor's or the target's name
    place: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventCluster:
    """One real-world event across the store, with every report of it."""

    id: str
    type: str
    mode: str | None
    status: str
    actor: str | None
    target: str | None
    place: str | None
    lat: float | None
    lon: float | None
    date: DateRange | None
    reports: int
    documents: int
    confidence: float | None
    cameo: str | None
    acled_type: str | None
    acled_subtype: str | None
    sources: list[EventSource]


def _event_rows(result: Result, cluster_of: dict[str, str]) -> list[tuple[Any, ...]]:
    doc_id = result.doc.id
    actors = {a.id: a for a in result.actors}
    places = {p.id: p for p in result.places}
    rows = []
    for n, event in enumerate(result.events):
        event_id = event.id or f"e{n + 1}"
        key = event_key(result, event)
        actor = actors.get(event.actor) if event.actor else None
        target = actors.get(event.target) if event.target else None
        place = places.get(event.place) if event.place else None
        rows.append(
            (
                doc_id,
                event_id,
                event.type,
                event.mode,
                event.status,
                int(event.negated),
                key.actor,
                actor.name if actor else None,
                key.target,
                target.name if target else None,
                key.place,
                place.name if place else None,
                place.lat if place else None,
                place.lon if place else None,
                place.country if place else None,
                event.date.start if event.date else None,
                event.date.end if event.date else None,
                event.date_precision,
                key.bucket,
                event.trigger.start,
                event.trigger.end,
                event.trigger.text,
                event.sentence.start,
                event.sentence.end,
                event.confidence,
                event.cameo,
                event.acled_type,
                event.acled_subtype,
                cluster_of[event_id],
            )
        )
    return rows


def _stored_key(row: Sequence[Any]) -> EventKey:
    _, type_, status, actor, target, place, start, end, precision = row
    return EventKey(
        type=type_,
        kind=status_kind(status),
        actor=actor,
        target=target,
        place=place,
        start=date.fromisoformat(start) if start else None,
        end=date.fromisoformat(end) if end else None,
        tolerance=PUBLISHED_TOLERANCE if precision == "published" else DAY_TOLERANCE,
    )


class EventTables(SqlPrimitives):
    """Mixed into SqlStore, whose driver primitives it uses."""

    def _insert_events(self, result: Result) -> None:
        """Store the document's events, each joined to the cluster of the same event, if stored."""
        cluster_of: dict[str, str] = {}
        for n, event in enumerate(result.events):
            event_id = event.id or f"e{n + 1}"
            cluster_of[event_id] = self._cluster_for(result, event_key(result, event)) or (
                f"{result.doc.id}-{event_id}"
            )
        self._execute_many(_INSERT_EVENT, _event_rows(result, cluster_of))

    def _cluster_for(self, result: Result, key: EventKey) -> str | None:
        if key.bucket is None:
            return None
        rows = self._fetch(_BLOCK, (key.type, *neighbour_buckets(key.bucket), result.doc.id))
        return next((str(row[0]) for row in rows if same_event(key, _stored_key(row))), None)

    def event_clusters(self, where: EventFilter, *, offset: int = 0, limit: int = 50) -> Page[EventCluster]:
        """Events across the store, one per cluster, with a report matching `where`; oldest first."""
        condition, params = _event_where(where)
        rows = self._select(_CLUSTERS.format(where=condition), (*params, limit, offset))
        total = int(self._select(_COUNT_CLUSTERS.format(where=condition), params)[0][0])
        sources = self._sources([str(r[0]) for r in rows])
        clusters = [
            EventCluster(
                id=str(r[0]),
                type=r[1],
                mode=r[2],
                status=r[3],
                actor=r[4],
                target=r[5],
                place=r[6],
                date=DateRange(start=r[7], end=r[8]) if r[7] and r[8] else None,
                reports=int(r[9]),
                documents=int(r[10]),
                confidence=r[11],
                acled_type=r[12],
                acled_subtype=r[13],
                cameo=r[14],
                lat=r[15],
                lon=r[16],
                sources=sources.get(str(r[0]), []),
            )
            for r in rows
        ]
        return Page(items=clusters, total=total)

    def _sources(self, cluster_ids: list[str]) -> dict[str, list[EventSource]]:
        if not cluster_ids:
            return {}
        found: dict[str, list[EventSource]] = {}
        marks = ", ".join("?" * len(cluster_ids))
        for row in self._select(_SOURCES.format(marks=marks), cluster_ids):
            cluster_id, doc_id, event_id, status, t_start, t_end, t_text, s_start, s_end = row
            found.setdefault(str(cluster_id), []).append(
                EventSource(
                    doc_id=doc_id,
                    event_id=event_id,
                    status=status,
                    trigger=Mention(start=t_start, end=t_end, text=t_text),
                    sentence=Span(start=s_start, end=s_end),
                )
            )
        return found


def _event_where(where: EventFilter) -> tuple[str, list[Any]]:
    conditions, params = ["1 = 1"], list[Any]()
    if where.type:
        conditions.append("f.type = ?")
        params.append(where.type.upper())
    if where.status:
        conditions.append("f.status = ?")
        params.append(where.status.lower())
    if where.actor:
        conditions.append(
            "(LOWER(f.actor_name) LIKE ? ESCAPE '\\' OR LOWER(f.target_name) LIKE ? ESCAPE '\\')"
        )
        params.extend([_like(where.actor)] * 2)
    if where.place:
        conditions.append("LOWER(f.place_name) LIKE ? ESCAPE '\\'")
        params.append(_like(where.place))
    if where.since:
        conditions.append("f.date_end >= ?")
        params.append(where.since)
    if where.until:
        conditions.append("f.date_start <= ?")
        params.append(where.until)
    return " AND ".join(conditions), params


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
