"""Component `marsad_citations`: URLs (cut or malformed ones too), "(Author, Year)" references and
outlets named as sources ("Sputnik reported", "according to Reuters"), each outlet looked up in the
outlet registry (marsad.resolve.outlets) for its country and type; URLs of registered domains too."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from spacy.language import Language
from spacy.tokens import Doc

from marsad.clean.metadata import LINK, date_from_url
from marsad.model import Citation
from marsad.nlp.extensions import text_of
from marsad.resolve.outlets import OutletRegistry, default_registry

# Trailing punctuation of a link belongs to the sentence.
_URL_TRAILING = ".,;:!?"
# (Roth, 2017), (Roth and Lee 2017), (Roth et al., 2017a)
_NAME = r"[A-Z][\w'’-]+"
_REFERENCE = re.compile(
    rf"\((?P<who>{_NAME}(?:\s+(?:et al\.?|and|&)\s*(?:{_NAME})?)?),?\s+(?P<year>(?:1[89]|20)\d\d)[a-z]?\)"
)
# The year a bracketed link is cited with: "(http://www.al-akhbar.com, 2017)".
_LINK_YEAR = re.compile(r"[\s,]*(?P<year>(?:1[89]|20)\d\d)\)")


def domain_of(url: str) -> str | None:
    """Registered host of a URL without 'www.', tolerant of cut URLs with no scheme."""
    host = urlsplit(url if "://" in url else f"http://{url}").hostname
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


# An outlet name is a cited source only beside a reporting cue: "according to Reuters", "Sputnik
# reported", "told AFP", "Reuters quoted ...". The name alone ("a Reuters photographer") is not.
_CUE_BEFORE = re.compile(
    r"(?:according\s+to|citing|told|quoted\s+by|reported\s+by|cited\s+by|carried\s+by|published\s+by|"
    r"in\s+an\s+interview\s+with|speaking\s+to|said\s+to|quoted\s+in|reported\s+in|report\s+by|via)"
    r"(?:\s+(?:the|a|an))?\s+(?:(?:state|state-run|news|pro-government|opposition|official|local|Russian|"
    r"Syrian|Iranian|Turkish|Iraqi|Lebanese)[\s-]+){0,3}$",
    re.IGNORECASE,
)
_CUE_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:\(\w+\)\s*)?(?:,\s*[^,]{1,60},\s*)?(?:news\s+agency\s+|agency\s+|channel\s+|television\s+|"
    r"TV\s+|website\s+|newspaper\s+)?(?:has\s+|had\s+|also\s+)?(?:reported|reports|said|says|quoted|quotes|cited|"
    r"cites|published|publishes|aired|broadcast|wrote|writes|learned|revealed|reveals|claimed|claims|report)\b",
    re.IGNORECASE,
)
_CUE_WINDOW = 80


def _outlet_fields(registry: OutletRegistry, domain: str | None) -> dict[str, str | None]:
    outlet = registry.by_domain(domain)
    if outlet is None:
        return {}
    return {"outlet": outlet.name, "outlet_country": outlet.country, "outlet_type": outlet.type}


def find_outlets(text: str, registry: OutletRegistry) -> list[Citation]:
    """Outlets named as the source of what the text reports."""
    found = []
    for match in registry.pattern.finditer(text):
        before = text[max(match.start() - _CUE_WINDOW, 0) : match.start()]
        after = text[match.end() : match.end() + _CUE_WINDOW]
        if not (_CUE_BEFORE.search(before) or _CUE_AFTER.match(after)):
            continue
        outlet = registry.by_name(match.group())
        if outlet is None:
            continue
        found.append(
            Citation(
                kind="outlet",
                text=match.group(),
                domain=outlet.domains[0] if outlet.domains else None,
                start=match.start(),
                end=match.end(),
                outlet=outlet.name,
                outlet_country=outlet.country,
                outlet_type=outlet.type,
            )
        )
    return found


def source_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs and "(Author, Year)" references: dates inside them are the source's, not the story's."""
    return [m.span() for m in LINK.finditer(text)] + [m.span() for m in _REFERENCE.finditer(text)]


def find_citations(text: str, registry: OutletRegistry | None = None) -> list[Citation]:
    registry = registry or default_registry()
    citations = []
    for match in LINK.finditer(text):
        url = match.group().rstrip(_URL_TRAILING)
        start = match.start()
        domain = domain_of(url)
        year = _LINK_YEAR.match(text, start + len(url))
        citations.append(
            Citation(
                kind="url",
                text=url,
                url=url,
                domain=domain,
                start=start,
                end=start + len(url),
                year=int(year["year"]) if year else None,
                date=date_from_url(url),
                **_outlet_fields(registry, domain),
            )
        )
    urls = [(c.start, c.end) for c in citations]
    for outlet in find_outlets(text, registry):
        if not any(start <= outlet.start < end for start, end in urls):
            citations.append(outlet)
    for match in _REFERENCE.finditer(text):
        citations.append(
            Citation(
                kind="reference",
                text=match.group(),
                start=match.start(),
                end=match.end(),
                author=match["who"],
                year=int(match["year"]),
            )
        )
    return sorted(citations, key=lambda c: c.start)


@Language.factory("marsad_citations", assigns=["doc._.marsad_citations"])
def make_citations(nlp: Language, name: str) -> CitationFinder:
    return CitationFinder(default_registry())


class CitationFinder:
    def __init__(self, registry: OutletRegistry) -> None:
        self.registry = registry

    def __call__(self, doc: Doc) -> Doc:
        doc._.marsad_citations = find_citations(text_of(doc), self.registry)
        return doc
