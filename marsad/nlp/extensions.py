"""Every `Doc._` extension Marsad components assign, declared once and idempotently."""

from __future__ import annotations

from spacy.tokens import Doc

# extension name → the marsad/1 result field it feeds
EXTENSIONS = {
    "marsad_actors": "actors",
    "marsad_places": "places",
    "marsad_events": "events",
    "marsad_claims": "claims",
    "marsad_citations": "citations",
}


def register() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
