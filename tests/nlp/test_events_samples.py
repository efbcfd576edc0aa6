"""The bundled reports produce the events an analyst would list, each with the right status."""

from __future__ import annotations

import pytest
from spacy.language import Language

from marsad.clean import clean
from marsad.model import Event, RawDocument


@pytest.fixture(scope="module")
def putin(nlp: Language, examples: dict[str, str]) -> tuple[list[Event], dict[str, str], dict[str, str]]:
    cleaned = clean(RawDocument(source="putin-victory-2017.txt", text=examples["putin-victory-2017.txt"]))
    doc = nlp.make_doc(cleaned.text)  # as the pipeline parses it: advertisements removed
    doc._.marsad_published = "2017-12-12"
    doc = nlp(doc)
    actors = {a.id: a.name for a in doc._.marsad_actors}
    places = {p.id: p.name for p in doc._.marsad_places}
    return list(doc._.marsad_events), actors, places


def find(events: list[Event], trigger: str, type_: str) -> list[Event]:
    return [e for e in events if e.trigger.text == trigger and e.type == type_]


def test_sample_visit_order_threat_and_denial(
    putin: tuple[list[Event], dict[str, str], dict[str, str]],
) -> None:
    events, actors, places = putin
    (visit,) = find(events, "visited", "CONSULT")
    assert visit.status == "happened" and "Putin" in (visit.actor_mention.text if visit.actor_mention else "")
    assert visit.place is not None and "Hmeimim" in places[visit.place]
    ordered = [e for e in find(events, "withdrawal", "RETREAT") if e.status == "ordered"]
    assert ordered and ordered[0].place is not None and places[ordered[0].place] == "Syria"
    (threat,) = [e for e in events if e.trigger.text == "strikes" and e.status == "conditional"]
    assert threat.type == "THREATEN"
    (denial,) = [e for e in find(events, "agreement", "AGREE") if e.negated]
    assert (
        denial.status == "denied"
        and denial.target is not None
        and "Syrian Democratic" in actors[denial.target]
    )


def test_sample_advances_captures_strikes(putin: tuple[list[Event], dict[str, str], dict[str, str]]) -> None:
    events, _, places = putin
    (took,) = find(events, "took control", "FIGHT")
    assert took.mode == "occupy" and took.status == "happened" and places[took.place or ""] == "Abu Hamam"
    liberations = find(events, "liberation", "FIGHT")
    bukamal = next(e for e in liberations if e.place and "Kamal" in places[e.place])
    later = [e for e in liberations if e.anchor == bukamal.id]
    assert bukamal.status == "happened" and later  # "less than 20 days after the liberation of al-Bukamal"
    (missile,) = find(events, "missile strike", "FIGHT")
    assert missile.status == "happened" and places[missile.place or ""] == "Deir ez-Zor"
    (downing,) = [e for e in events if "warplane" in e.trigger.text]
    assert downing.status == "happened"


def test_sample_nothing_unreal_is_coded_as_happened(
    putin: tuple[list[Event], dict[str, str], dict[str, str]],
) -> None:
    events, _, _ = putin
    assert all(e.status != "happened" for e in events if e.negated)
    assert all(e.status != "happened" for e in events if e.trigger.text == "strikes")
