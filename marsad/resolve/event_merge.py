"""Cross-document event merging: the same real-world event reported in several documents is one
event with several sources, while distinct events stay apart.

Two reports are the same event when they have the same PLOVER type and the same kind of status
(a withdrawal that happened and one only ordered are two events), their actors and targets do not
disagree, their places do not disagree, at least one of actor or place is known and shared, and
their dates overlap once each is widened by its tolerance. Only dates no vaguer than a month take
part: "in 2017" cannot tell Russia's March 2016 announcement from its December 2017 one.

Merging is blocked by (type, month): a new report is compared with the reports in its own and the
neighbouring months only, so the work grows with the block size, never with the whole store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from marsad.model import Event, Result
from marsad.resolve.names import fold as fold_name

# Statuses that all say the event took place; every other status is its own kind.
FACTUAL = frozenset({"happened", "ongoing", "reported"})
# Dates vaguer than this many days (a year, a season) never merge: too many events share them.
MAX_MERGE_RANGE_DAYS = 31
# How far two reports' dates may be apart and still be one event: a day either way for a dated
# report (time zones, "overnight"), three for one dated only by its publication date.
DAY_TOLERANCE = 1
PUBLISHED_TOLERANCE = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class EventKey:
    """What merging compares: ids that are the same in every document, and the date range."""

    type: str
    kind: str
    actor: str | None
    target: str | None
    place: str | None
    start: date | None
    end: date | None
    tolerance: int

    @property
    def bucket(self) -> str | None:
        """The block a report is merged in: its month, or None when it cannot merge."""
        return f"{self.start:%Y-%m}" if self.start is not None else None


def status_kind(status: str) -> str:
    return "factual" if status in FACTUAL else status


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def event_key(result: Result, event: Event) -> EventKey:
    actors = {a.id: a for a in result.actors}
    places = {p.id: p for p in result.places}

    def actor_id(item_id: str | None) -> str | None:
        actor = actors.get(item_id) if item_id else None
        if actor is None:
            return None
        return actor.kb_id or f"name:{fold_name(actor.name)}"

    place = places.get(event.place) if event.place else None
    place_id = (place.gazetteer_id or f"name:{fold_name(place.name)}") if place else None
    start = _day(event.date.start) if event.date else None
    end = _day(event.date.end) if event.date else None
    if start is None or end is None or (end - start).days > MAX_MERGE_RANGE_DAYS:
        start = end = None
    tolerance = PUBLISHED_TOLERANCE if event.date_precision == "published" else DAY_TOLERANCE
    return EventKey(
        type=event.type,
        kind=status_kind(event.status),
        actor=actor_id(event.actor),
        target=actor_id(event.target),
        place=place_id,
        start=start,
        end=end,
        tolerance=tolerance,
    )


def neighbour_buckets(bucket: str) -> list[str]:
    """The month of `bucket` and the months either side: a report on 31 March meets one on 1 April."""
    first = date.fromisoformat(f"{bucket}-01")
    before = first - timedelta(days=1)
    after = first + timedelta(days=32)
    return [f"{before:%Y-%m}", bucket, f"{after:%Y-%m}"]


def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def same_event(a: EventKey, b: EventKey) -> bool:
    """True when the two reports describe one real-world event (see the module docstring)."""
    if a.type != b.type or a.kind != b.kind:
        return False
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return False
    if not (_agree(a.actor, b.actor) and _agree(a.target, b.target) and _agree(a.place, b.place)):
        return False
    shared = (a.actor is not None and a.actor == b.actor) or (a.place is not None and a.place == b.place)
    if not shared:
        return False
    slack = timedelta(days=max(a.tolerance, b.tolerance))
    return a.start - slack <= b.end and b.start - slack <= a.end
