"""Places are stored with their mentions and counted across documents by gazetteer id."""

from __future__ import annotations

from dataclasses import replace

from marsad.model import Place
from marsad.store import Record, Store

from .records import mention


def _with_places(record: Record, places: list[tuple[str, str, str | None, str, int]]) -> Record:
    """`places`: (name, gazetteer id, country, text mentioned, how many times)."""
    text = record.result.doc.text
    built = [
        Place(
            id=f"p{n}",
            name=name,
            lat=34.45,
            lon=40.92,
            country=country,
            gazetteer_id=ref,
            geonames_id=174448 if ref == "geonames:174448" else None,
            feature="city",
            precision="locality",
            mentions=[mention(text, needle, i) for i in range(times)],
        )
        for n, (name, ref, country, needle, times) in enumerate(places, start=1)
    ]
    return replace(record, result=record.result.model_copy(update={"places": built}))


def test_places_are_counted_across_documents(store: Store, withdrawal: Record, bukamal: Record) -> None:
    store.put(
        _with_places(
            withdrawal,
            [("Syria", "country:SY", "SY", "Syria", 1), ("Geneva", "geonames:2660646", "CH", "Geneva", 1)],
        )
    )
    store.put(
        _with_places(
            bukamal,
            [
                ("Syria", "country:SY", "SY", "Syria", 2),
                ("Abu Kamal", "geonames:174448", "SY", "al-Bukamal", 1),
            ],
        )
    )
    rows = store.places()
    assert [(p.name, p.mentions, p.documents) for p in rows][:1] == [("Syria", 3, 2)]
    assert {p.name for p in store.places(country="sy")} == {"Syria", "Abu Kamal"}
    assert [p.geonames_id for p in store.places(country="SY") if p.name == "Abu Kamal"] == [174448]
    assert len(store.places(limit=1)) == 1
    assert (
        store.get(bukamal.result.doc.id)
        == _with_places(
            bukamal,
            [
                ("Syria", "country:SY", "SY", "Syria", 2),
                ("Abu Kamal", "geonames:174448", "SY", "al-Bukamal", 1),
            ],
        ).result
    )


def test_migration_0003_is_applied(store: Store) -> None:
    assert "0003_places" in store.applied_migrations()
