"""One document through the stages: clean → language → NLP components → marsad/1 result and store record.

`Analyzer` is what a worker process holds: it loads spaCy once and turns batches of raw documents
into store records. Deduplication against the store happens later, in the single writer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from marsad.clean import clean, dedup, load_resources
from marsad.errors import InputError, Reason
from marsad.ingest import raw_hash
from marsad.model import CleanDocument, DocumentInfo, Quarantined, RawDocument, Result, Span
from marsad.nlp import NlpConfig, build_nlp, default_config
from marsad.store.base import Record

ENGLISH = "en"


@dataclass(slots=True, kw_only=True)
class Analyzed:
    record: Record
    words: int


class Analyzer:
    """Cleaning plus the spaCy pipeline, loaded once and reused for every batch."""

    def __init__(self, config: NlpConfig | None = None, nlp: Language | None = None) -> None:
        self.config = config or default_config()
        self.nlp = nlp or build_nlp(self.config)
        load_resources()

    def analyze(self, raws: Iterable[RawDocument]) -> Iterator[Analyzed | Quarantined]:
        """One item per input, in input order; a failing document becomes Quarantined, never an exception."""
        cleaned: list[CleanDocument | Quarantined] = [self._clean(raw) for raw in raws]
        english = [c for c in cleaned if isinstance(c, CleanDocument) and c.language == ENGLISH]
        parsed = self._parse(english)
        for item in cleaned:
            if isinstance(item, Quarantined):
                yield item
                continue
            try:
                doc = next(parsed) if item.language == ENGLISH else None
                yield _analyzed(item, doc)
            except Exception as error:  # a bug in one component must not lose the batch
                yield Quarantined(source=item.raw.source, reason=Reason.ANALYSIS_FAILED, message=repr(error))
                if item.language == ENGLISH:  # spaCy's generator died with the error: restart after it
                    parsed = self._parse(english[english.index(item) + 1 :])

    def _parse(self, docs: list[CleanDocument]) -> Iterator[Doc]:
        return iter(self.nlp.pipe((self._doc(c) for c in docs), batch_size=self.config.batch_size))

    def _doc(self, cleaned: CleanDocument) -> Doc:
        """The tokenised text, carrying its date for components that date facts: the publication
        date, or else the estimate from the links it cites."""
        doc = self.nlp.make_doc(cleaned.text)
        doc._.marsad_text = cleaned.text
        doc._.marsad_published = cleaned.published or cleaned.estimated_date
        doc._.marsad_outlet = cleaned.outlet
        doc._.marsad_author = cleaned.author
        return doc

    @staticmethod
    def _clean(raw: RawDocument) -> CleanDocument | Quarantined:
        try:
            return clean(raw)
        except InputError as error:
            return Quarantined(source=raw.source, reason=error.reason, message=error.message)
        except Exception as error:
            return Quarantined(source=raw.source, reason=Reason.ANALYSIS_FAILED, message=repr(error))


def _analyzed(cleaned: CleanDocument, doc: Doc | None) -> Analyzed:
    raw = cleaned.raw

    def facts(extension: str) -> list[Any]:
        return (getattr(doc._, extension) or []) if doc is not None else []

    result = Result(
        doc=DocumentInfo(
            id=cleaned.id,
            source=raw.source,
            url=raw.url,
            title=cleaned.title,
            outlet=cleaned.outlet,
            author=cleaned.author,
            published=cleaned.published,
            estimated_date=cleaned.estimated_date,
            language=cleaned.language,
            text=cleaned.text,
        ),
        removed=cleaned.removed,
        sentences=_sentences(doc) if doc is not None else [],
        actors=facts("marsad_actors"),
        places=facts("marsad_places"),
        events=facts("marsad_events"),
        claims=facts("marsad_claims"),
        contradictions=facts("marsad_contradictions"),
        citations=facts("marsad_citations"),
        times=facts("marsad_times"),
    )
    sig = dedup.signature(cleaned.text)
    record = Record(
        result=result,
        raw_text=cleaned.raw_text,
        raw_html=raw.html,
        offsets=cleaned.offsets,
        content_hash=cleaned.content_hash,
        raw_hash=raw_hash(raw),
        signature=sig,
        bands=dedup.bands(sig),
    )
    return Analyzed(record=record, words=len(doc) if doc is not None else len(cleaned.text.split()))


def _sentences(doc: Doc) -> list[Span]:
    """Sentence spans without the whitespace spaCy attaches to their last token."""
    spans = []
    for sentence in doc.sents:
        text = sentence.text
        if stripped := text.rstrip():
            spans.append(Span(start=sentence.start_char, end=sentence.start_char + len(stripped)))
    return spans
