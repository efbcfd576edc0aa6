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
# And its text, which spaCy's Doc.text rebuilds from the tokens at every access (`text_of`).
INPUTS = ("marsad_published", "marsad_outlet", "marsad_author", "marsad_text")
# What one component tells later ones: where possessives.py split a lost "'s" off a name ("Idlibs"
# → "Idlib" + "s", the character offsets of those "s" tokens), and the countries the document's
# places lie in (place_names.document_focus: the actor screen and the places both read it).
SHARED = ("marsad_possessives", "marsad_focus")


def register() -> None:
    for name in EXTENSIONS + INPUTS + SHARED:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def text_of(doc: Doc) -> str:
    """The document's text, joined from the tokens once: pipeline.py sets it from the cleaned text
    it parses, and the first component to ask keeps it for the others otherwise."""
    text: str | None = doc._.marsad_text
    if text is None:
        text = doc._.marsad_text = doc.text
    return text
