"""Every `Doc._` extension Marsad components assign, declared once and idempotently."""

from __future__ import annotations

from spacy.tokens import Doc

# One extension per marsad/1 result list, named after it: doc._.marsad_actors feeds "actors".
EXTENSIONS = ("marsad_actors", "marsad_places", "marsad_events", "marsad_claims", "marsad_citations")


def register() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
