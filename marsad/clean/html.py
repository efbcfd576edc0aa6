"""Main-text extraction from HTML pages with trafilatura, keeping the page's metadata."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from marsad.errors import InputError, Reason


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str | None
    author: str | None
    outlet: str | None
    published: str | None
    url: str | None


def extract(html: str, url: str | None) -> Extracted:
    """Article text and metadata; navigation, comments and page furniture are left behind."""
    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True
    )
    if isinstance(result, dict):  # only with as_dict=True, which we never pass
        raise TypeError("trafilatura returned a dict")
    # trafilatura puts one paragraph per line; blank lines make that explicit for re-wrapping.
    text = "\n\n".join(line for line in (result.text or "").splitlines() if line.strip()) if result else ""
    if result is None or not text:
        raise InputError(Reason.NO_MAIN_TEXT, "no article text found in the HTML")
    return Extracted(
        text=text,
        title=result.title or None,
        author=result.author or None,
        outlet=result.sitename or None,
        published=result.date or None,
        url=result.url or url,
    )
