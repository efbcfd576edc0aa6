"""Component `marsad_citations`: URLs (cut or malformed ones too) and "(Author, Year)" references."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from spacy.language import Language
from spacy.tokens import Doc

from marsad.model import Citation

# A URL runs to the first space, quote or bracket; trailing punctuation belongs to the sentence.
_URL = re.compile(r"(?:https?://|www\.)[^\s\"'“”«»<>()\[\]]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?"
# (Roth, 2017), (Roth and Lee 2017), (Roth et al., 2017a)
_NAME = r"[A-Z][\w'’-]+"
_REFERENCE = re.compile(
    rf"\((?P<who>{_NAME}(?:\s+(?:et al\.?|and|&)\s*(?:{_NAME})?)?),?\s+(?P<year>(?:1[89]|20)\d\d[a-z]?)\)"
)


def domain_of(url: str) -> str | None:
    """Registered host of a URL without 'www.', tolerant of cut URLs with no scheme."""
    host = urlsplit(url if "://" in url else f"http://{url}").hostname
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def find_citations(text: str) -> list[Citation]:
    citations = []
    for match in _URL.finditer(text):
        url = match.group().rstrip(_URL_TRAILING)
        start = match.start()
        citations.append(
            Citation(kind="url", text=url, url=url, domain=domain_of(url), start=start, end=start + len(url))
        )
    for match in _REFERENCE.finditer(text):
        citations.append(Citation(kind="reference", text=match.group(), start=match.start(), end=match.end()))
    return sorted(citations, key=lambda c: c.start)


@Language.factory("marsad_citations", assigns=["doc._.marsad_citations"])
def make_citations(nlp: Language, name: str) -> CitationFinder:
    return CitationFinder()


class CitationFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.marsad_citations = find_citations(doc.text)
        return doc
