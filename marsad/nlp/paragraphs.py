"""Component `marsad_paragraphs`: a paragraph break always ends a sentence.

Clean text separates paragraphs with a blank line. spaCy's parser may run a heading into the first
sentence below it, or carry a sentence across a paragraph whose last line was cut mid-sentence (a
truncated URL, a scraped fragment). Marking the first token after each break as a sentence start,
before the parser runs, keeps every sentence — the evidence unit of every fact — inside one paragraph.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_BREAK = "\n\n"


@Language.factory("marsad_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()


class ParagraphBreaks:
    def __call__(self, doc: Doc) -> Doc:
        # spaCy keeps a blank line as a whitespace token of its own: "Syria", "\n\n", "Putin".
        for token in doc[:-1]:
            if token.is_space and PARAGRAPH_BREAK in token.text:
                doc[token.i + 1].is_sent_start = True
        return doc
