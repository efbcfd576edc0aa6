"""Records built by hand from real report text; every offset is found with str.find, none is typed in."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from marsad.model import Actor, Citation, DocumentInfo, Mention, OffsetRun, Removal, Result, Span
from marsad.store import Record

WITHDRAWAL_TITLE = "Putin orders withdrawal of Russian forces from Syria"
WITHDRAWAL_SENTENCES = [
    "Russian President Vladimir Putin ordered the withdrawal of the main part of Russia's forces from Syria "
    "on Monday, saying the military had largely achieved its objectives.",
    "The announcement came as UN-mediated peace talks resumed in Geneva.",
    "Opposition spokesman Salem al-Meslet said a real withdrawal would put pressure on the regime, "
    "according to Reuters (https://www.reuters.com/article/us-mideast-crisis-syria-russia).",
]

BUKAMAL_TITLE = "Syrian army takes last Islamic State town"
BUKAMAL_SENTENCES = [
    "Syrian government forces and their allies captured al-Bukamal, the last major town held by "
    "Islamic State in Syria, the army said on Thursday.",
    "The town lies on the Euphrates near the Iraqi border.",
]

AD_BLOCK = "Subscribe to our newsletter for daily updates.\n"

RecordFactory = Callable[..., Record]


def mention(text: str, needle: str, occurrence: int = 0) -> Mention:
    """The `occurrence`-th (0-based) appearance of `needle` in `text` as a Mention."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
        assert start >= 0, f"{needle!r} not in text"
    return Mention(start=start, end=start + len(needle), text=needle)


def spans_of(text: str, sentences: list[str]) -> list[Span]:
    return [Span(start=(start := text.find(s)), end=start + len(s)) for s in sentences]


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def build_record(
    sentences: list[str],
    *,
    title: str | None,
    source: str = "reports/withdrawal.txt",
    language: str = "en",
    near_duplicate_of: str | None = None,
    bands: list[str] | None = None,
    sentence_spans: list[Span] | None = None,
    actors_found: tuple[tuple[str, str, str], ...] = (),
) -> Record:
    """A stored-ready record: clean text from `sentences`, raw text with an ad block cleaning removed.

    `actors_found` holds (actor id, type, text mentioned) triples.
    """
    text = " ".join(sentences)
    raw_text = AD_BLOCK + text
    content_hash = sha256(text)
    actors = [
        Actor(id=actor_id, name=needle, type=kind, mentions=[mention(text, needle)])
        for actor_id, kind, needle in actors_found
    ]
    url = "https://www.reuters.com/article/us-mideast-crisis-syria-russia"
    citations = (
        [Citation(kind="url", text=url, url=url, domain="reuters.com", **_span(text, url))]
        if url in text
        else []
    )
    result = Result(
        doc=DocumentInfo(
            id=content_hash[:16],
            source=source,
            title=title,
            outlet="Reuters",
            published="2016-03-14",
            language=language,
            text=text,
            near_duplicate_of=near_duplicate_of,
        ),
        removed=[Removal(start=0, end=len(AD_BLOCK), text=AD_BLOCK, reason="boilerplate")],
        sentences=sentence_spans if sentence_spans is not None else spans_of(text, sentences),
        actors=actors,
        citations=citations,
    )
    signature = [int(sha256(f"{seed}:{text}")[:8], 16) for seed in range(8)]
    return Record(
        result=result,
        raw_text=raw_text,
        raw_html=None,
        offsets=[
            OffsetRun(
                clean_start=0,
                clean_end=len(text),
                raw_start=len(AD_BLOCK),
                raw_end=len(raw_text),
                verbatim=True,
            )
        ],
        content_hash=content_hash,
        raw_hash=sha256(raw_text),
        signature=signature,
        bands=bands if bands is not None else [f"{band}:{signature[band]}" for band in range(len(signature))],
    )


def _span(text: str, needle: str) -> dict[str, int]:
    start = text.find(needle)
    return {"start": start, "end": start + len(needle)}
