"""Every `Doc._` extension Marsad components assign, declared once and idempotently."""

from __future__ import annotations

from spacy.tokens import Doc

# One extension per marsad/1 result list, named after it: doc._.marsad_actors feeds "actors".
EXTENSIONS = (
    "marsad_actors",
    "marsad_places",
    "marsad_times",
    "marsad_events",
    "marsad_claims",
    "marsad_contradictions",
    "marsad_citations",
)
# What components read about the document itself: its publication date (YYYY-MM-DD or None),
# set by pipeline.py before parsing, against which roles are dated ("Turkish PM" → who, then);
# its outlet and author, to whom claims made in the text's own voice are attributed.
INPUTS = ("marsad_published", "marsad_outlet", "marsad_author")


def register() -> None:
    for name in EXTENSIONS + INPUTS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
