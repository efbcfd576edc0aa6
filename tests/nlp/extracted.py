"""The events the pipeline extracts from a text, for the tests of events on sentences."""

from __future__ import annotations

from spacy.language import Language

from marsad.model import Event


def events(nlp: Language, text: str, published: str | None = "2020-05-04") -> list[Event]:
    doc = nlp.make_doc(text)
    doc._.marsad_published = published
    return list(nlp(doc)._.marsad_events)


def event(nlp: Language, text: str, trigger: str) -> Event:
    """The first event whose trigger is `trigger` (the text published on 2020-05-04)."""
    extracted = events(nlp, text)
    found = [e for e in extracted if e.trigger.text == trigger]
    assert found, f"no event {trigger!r} in {text!r}: {[e.trigger.text for e in extracted]}"
    return found[0]
