"""Actors across the store: one row per knowledge-base identity, whatever each document called it."""

from __future__ import annotations

from marsad.model import Actor
from marsad.store import Record, Store
from marsad.store.base import DocumentFilter


def _linked(record: Record, *actors: tuple[str, str, str, str | None]) -> Record:
    """The record with its actors replaced by (name, type, mentioned text, kb id) entries."""
    text = record.result.doc.text
    found = []
    for n, (name, kind, needle, kb_id) in enumerate(actors, start=1):
        start = text.find(needle)
        assert start >= 0
        mention = {"start": start, "end": start + len(needle), "text": needle}
        found.append(Actor(id=f"a{n}", name=name, type=kind, kb_id=kb_id, mentions=[mention]))
    record.result = record.result.model_copy(update={"actors": found})
    return record


def test_actors_merge_by_knowledge_base_id_across_documents(
    store: Store, withdrawal: Record, bukamal: Record
) -> None:
    store.put(_linked(withdrawal, ("Syria", "state", "Syria", "syria"), ("Putin", "person", "Putin", None)))
    store.put(_linked(bukamal, ("Syria", "state", "Syrian", "syria"), ("Putin", "person", "Iraqi", None)))
    page = store.actors(DocumentFilter())
    rows = {(a.name, a.kb_id): (a.mentions, a.documents) for a in page.items}
    assert rows[("Syria", "syria")] == (2, 2)
    assert rows[("Putin", None)] == (2, 2)
    assert page.total == 2
    assert [a.name for a in store.actors(DocumentFilter(), type="state").items] == ["Syria"]
