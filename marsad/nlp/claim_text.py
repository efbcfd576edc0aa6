"""The parsed document as the readers of claims see it: text, sentences, actors and span helpers.

Built once per document so that `Doc.text`, the sentence list and the actor index are not rebuilt
by every quotation, cue and speaker the readers look at.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from spacy.tokens import Doc, Token

from marsad.model import Actor, Mention
from marsad.nlp.cues import CueLexicon, load_cues
from marsad.nlp.extensions import text_of
from marsad.nlp.lookup import MentionIndex
from marsad.nlp.quotes import Quote, find_quotes

PERSON_TYPES = frozenset({"person"})
# Characters a claim's content never starts or ends with.
_EDGE = " \n\t,.;:\"'“”«»‘’"


class ClaimText:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.lexicon: CueLexicon = load_cues()
        actors: list[Actor] = doc._.marsad_actors or []
        self.actors = {a.id: a for a in actors}
        self.index = MentionIndex(actors)
        self.sents = list(doc.sents)
        self.sent_starts = [s.start_char for s in self.sents]

    @cached_property
    def quotes(self) -> list[Quote]:
        """The document's quotations, found once for the quotation reader and the speakers."""
        return find_quotes(self.text)

    def is_person(self, actor_id: str) -> bool:
        return self.actors[actor_id].type in PERSON_TYPES

    def sent_index(self, char: int) -> int:
        """Index of the sentence holding character `char`."""
        return max(bisect_right(self.sent_starts, char) - 1, 0)

    def mention(self, start: int, end: int) -> Mention:
        return Mention(start=start, end=end, text=self.text[start:end])

    def heads(self, start: int, end: int) -> list[Token]:
        """The tokens of [start, end) (widened to whole tokens) whose head lies outside it."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return [t for t in span if t.head == t or not start <= t.head.idx < end] if span is not None else []

    def words(self, start: int, end: int) -> int:
        return len(self.text[start:end].split())

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) without surrounding spaces, punctuation, quote marks and a leading "that"."""
        text = self.text
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        if text[start : start + 5].lower() == "that ":
            start += 5
        return start, end
