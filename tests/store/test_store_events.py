"""The events table and cross-document merging: one real-world event reported twice is one event
with two sources; Russia's March 2016 and December 2017 withdrawal announcements stay two."""

from __future__ import annotations

from marsad.model import Actor, DateRange, Event, Mention, Place, Span
from marsad.resolve.event_merge import EventKey, same_event
from marsad.store import Record, open_store
from marsad.store.events import EventFilter

from .records import build_record, mention


def with_withdrawal(sentences: list[str], day: str, *, status: str = "announced", source: str) -> Record:
    """A record whose first sentence reports Russia's withdrawal from Syria on `day`."""
    record = build_record(sentences, title=None, source=source)
    text = record.result.doc.text
    russia = Actor(
        id="a1", name="Russia", type="state", mentions=[mention(text, "Russia")], kb_id="kb:russia"
    )
    syria = Place(
        id="p1", name="Syria", lat=35.0, lon=38.0, country="SY", mentions=[mention(text, "Syria")],
        gazetteer_id="country:SY",
    )  # fmt: skip
    trigger = mention(text, "withdrawal")
    event = Event(
        id="e1",
        type="RETREAT",
        status=status,
        actor="a1",
        place="p1",
        date=DateRange(start=day, end=day),
        date_precision="day",
        trigger=trigger,
        sentence=Span(start=0, end=len(sentences[0])),
        confidence=0.8,
    )
    record.result = record.result.model_copy(
        update={"actors": [russia], "places": [syria], "events": [event]}
    )
    return record


MARCH_2016 = ["Russia announced the withdrawal of its main forces from Syria on Monday."]
MARCH_2016_AGAIN = ["Moscow: Russia will start the withdrawal of forces from Syria, Putin said."]
DECEMBER_2017 = ["Russia announced the withdrawal of a significant part of its forces from Syria."]


def test_store_events_same_event_in_two_documents_is_one_cluster(store_url: str) -> None:
    store = open_store(store_url)
    try:
        store.put(with_withdrawal(MARCH_2016, "2016-03-14", source="a.txt"))
        store.put(with_withdrawal(MARCH_2016_AGAIN, "2016-03-15", source="b.txt"))
        store.put(with_withdrawal(DECEMBER_2017, "2017-12-11", source="c.txt"))
        page = store.event_clusters(EventFilter(type="RETREAT"))
    finally:
        store.close()
    assert page.total == 2
    march, december = page.items
    assert (march.reports, march.documents, december.reports) == (2, 2, 1)
    assert march.date == DateRange(start="2016-03-14", end="2016-03-15")
    assert {s.trigger.text for s in march.sources} == {"withdrawal"}
    assert (march.actor, march.place) == ("Russia", "Syria")


def test_store_events_filters(store_url: str) -> None:
    store = open_store(store_url)
    try:
        store.put(with_withdrawal(MARCH_2016, "2016-03-14", source="a.txt"))
        store.put(with_withdrawal(DECEMBER_2017, "2017-12-11", status="ordered", source="c.txt"))
        assert store.event_clusters(EventFilter(since="2017-01-01")).total == 1
        assert store.event_clusters(EventFilter(until="2016-12-31")).total == 1
        assert store.event_clusters(EventFilter(status="ordered")).total == 1
        assert store.event_clusters(EventFilter(actor="russ", place="syr")).total == 2
        assert store.event_clusters(EventFilter(type="FIGHT")).total == 0
    finally:
        store.close()


def _key(**changes: object) -> EventKey:
    from datetime import date

    values: dict[str, object] = {
        "type": "RETREAT", "kind": "factual", "actor": "kb:russia", "target": None, "place": "country:SY",
        "start": date(2016, 3, 14), "end": date(2016, 3, 14), "tolerance": 1,
    }  # fmt: skip
    values.update(changes)
    return EventKey(**values)  # type: ignore[arg-type]


def test_merge_rules() -> None:
    from datetime import date

    assert same_event(_key(), _key(start=date(2016, 3, 15), end=date(2016, 3, 15)))
    assert not same_event(_key(), _key(start=date(2017, 12, 11), end=date(2017, 12, 11)))
    assert not same_event(_key(), _key(kind="ordered"))  # an order and a withdrawal are two events
    assert not same_event(_key(), _key(actor="kb:turkey"))
    assert not same_event(_key(actor=None, place=None), _key(actor=None, place=None))  # nothing shared
    assert not same_event(_key(start=None, end=None), _key())  # undated reports never merge


def test_store_keeps_event_evidence(store_url: str) -> None:
    record = with_withdrawal(MARCH_2016, "2016-03-14", source="a.txt")
    store = open_store(store_url)
    try:
        store.put(record)
        stored = store.get(record.result.doc.id)
    finally:
        store.close()
    assert stored is not None and stored.events == record.result.events
    assert isinstance(stored.events[0].trigger, Mention)
