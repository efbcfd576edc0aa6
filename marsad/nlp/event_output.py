"""What an extracted event is, and how it becomes the marsad/1 contract's `Event`: its ACLED codes
(from who acts and who is hit, event_codes.py) and its confidence, a score of the evidence found.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from marsad.model import DateRange, Event
from marsad.model import Span as TextSpan
from marsad.nlp import event_args as args
from marsad.nlp import event_filter as rules
from marsad.nlp.event_codes import Parties, acled_code, ngrams, party
from marsad.nlp.event_lexicon import Code, Lexicon
from marsad.nlp.event_status import Modality, is_verbal

# Confidence: a simple additive score over evidence, clipped to [CONFIDENCE_MIN, CONFIDENCE_MAX].
# Calibrated by eye on the bundled reports and the PLOVER GSR dev half: an event with a verbal
# trigger, a linked actor and a place is right far more often than a bare event noun.
CONFIDENCE_BASE = 0.45
CONFIDENCE_VERBAL = 0.15  # a verb (or a light verb carrying the noun) asserts the event
CONFIDENCE_ACTOR = 0.15  # the actor is a linked actor
CONFIDENCE_ACTOR_TEXT = 0.05  # an actor phrase was found but names no linked actor
CONFIDENCE_TARGET = 0.1
CONFIDENCE_PLACE = 0.1
CONFIDENCE_DATE = 0.05  # dated by a time expression in the sentence
CONFIDENCE_AMBIGUOUS = -0.2  # a lemma that is often not an event ("operation", "progress", "back")
CONFIDENCE_MIN, CONFIDENCE_MAX = 0.05, 0.95
PARAGRAPH_SENTENCES = 3
# Parts of speech the small tagger gives a capitalised event noun opening a sentence.
MISREAD_NOUN_POS = frozenset({"PROPN", "AUX"})
PARAGRAPH_BREAK = "\n\n"
# Lemmas that name an event only some of the time; they lower confidence, not the decision.
AMBIGUOUS = frozenset(
    {
        "operation",
        "progress",
        "breakthrough",
        "back",
        "support",
        "free",
        "fire",
        "charge",
        "approach",
        "press",
        "defeat",
        "push",
        "advance",
        "release",
        "station",
        "mass",
        "object",
        "ally",
        "engage",
        "ease",
        "offer",
        "return",
    }
)


@dataclass(slots=True, kw_only=True)
class Trigger:
    """A word or phrase of the lexicon found in the text, with what carries it in the parse."""

    span: Span  # the words of the trigger
    head: Token  # the token that stands for it in the parse
    code: Code
    light_verb: Token | None = None


@dataclass(slots=True, kw_only=True)
class Found:
    """One event as extracted, before it becomes a contract `Event`; the eval reads `depth`."""

    trigger: Trigger
    told: rules.Told  # the lexicon's code and the words, before PLOVER recodes intents
    modality: Modality
    actor: args.Argument | None
    target: args.Argument | None
    place: str | None
    date: DateRange | None
    date_precision: str | None
    anchor: int | None  # index into the found list
    depth: int  # the trigger's distance from its sentence root: the main event is the shallowest
    sentence: int  # the number of the trigger's sentence in the document
    sentence_span: Span

    @property
    def code(self) -> Code:
        return self.trigger.code


def parties(item: Found, types: dict[str, str], lexicon: Lexicon) -> Parties:
    """Who acts and who is hit, in words and kinds of party, for the ACLED rules."""
    doc = item.trigger.head.doc

    def words(argument: args.Argument | None) -> list[str]:
        span = doc.char_span(argument.mention.start, argument.mention.end) if argument else None
        return [t.lower_ for t in span] if span is not None else []

    def kinds(argument: args.Argument | None, named: list[str]) -> frozenset[str]:
        kind = types.get(argument.id or "") if argument else None
        return party(named, kind, lexicon)

    actor_words = words(item.actor)
    return Parties(
        actor_words=actor_words,
        actor=kinds(item.actor, actor_words),
        target=kinds(item.target, words(item.target)),
    )


class DocWords:
    """A document's lowercase lemmas, words and parts of speech, read once (Token objects are slow),
    and, on demand, the word and lemma n-grams of a sentence or of its paragraph (the sentence and
    those after it before a blank line, PARAGRAPH_SENTENCES at most: how a protest went is often
    told after it).

    The small tagger reads a capitalised event noun that opens a sentence as a name or an auxiliary
    ("Shelling hit a bakery", "Bombing killed six"); such a word from `event_nouns`, outside any
    entity, is tagged back as the noun it is, in the Doc too, so every later rule reads it so."""

    def __init__(self, doc: Doc, sentences: list[Span], event_nouns: Container[str]) -> None:
        self.sentences = sentences
        self.lemmas: list[str] = []
        self.lowers: list[str] = []
        self.tags: list[str] = []
        self.breaks: set[int] = set()  # blank lines between paragraphs
        for sentence in sentences:
            first = sentence[0]
            if first.pos_ in MISREAD_NOUN_POS and _misread_noun(first, event_nouns):
                first.pos_, first.lemma_ = "NOUN", first.lower_
        for token in doc:
            self.lemmas.append(token.lemma_.lower())
            self.lowers.append(token.lower_)
            self.tags.append(token.pos_)
            if token.is_space and PARAGRAPH_BREAK in token.text:
                self.breaks.add(token.i)
        self._cache: dict[tuple[int, bool], frozenset[tuple[str, ...]]] = {}

    def sentence(self, n: int) -> frozenset[tuple[str, ...]]:
        if (n, False) not in self._cache:
            start, end = self.sentences[n].start, self.sentences[n].end
            self._cache[n, False] = ngrams(self.lowers[start:end]) | ngrams(self.lemmas[start:end])
        return self._cache[n, False]

    def paragraph(self, n: int) -> frozenset[tuple[str, ...]]:
        if (n, True) not in self._cache:
            found, last = self.sentence(n), n
            while last + 1 < len(self.sentences) and last - n < PARAGRAPH_SENTENCES and not self._ends(last):
                last += 1
                found |= self.sentence(last)
            self._cache[n, True] = found
        return self._cache[n, True]

    def _ends(self, n: int) -> bool:
        """The sentence ends its paragraph: spaCy keeps the blank line as its last token."""
        end = self.sentences[n].end
        return bool(self.breaks.intersection(range(end - 2, end)))


def to_event(n: int, item: Found, lexicon: Lexicon, words: DocWords, types: dict[str, str]) -> Event:
    """The contract's event for the `n`-th one found."""
    trigger = item.trigger
    sentence = item.sentence_span
    acled = acled_code(
        item.code,
        lexicon,
        grams=lambda: words.sentence(item.sentence),
        paragraph=lambda: words.paragraph(item.sentence),
        parties=cache(lambda: parties(item, types, lexicon)),
    )
    return Event(
        id=f"e{n + 1}",
        type=item.code.type,
        mode=item.code.mode,
        status=item.modality.status,
        negated=item.modality.negated,
        actor=item.actor.id if item.actor else None,
        target=item.target.id if item.target else None,
        place=item.place,
        date=item.date,
        date_precision=item.date_precision,
        anchor=f"e{item.anchor + 1}" if item.anchor is not None else None,
        trigger=args.mention(trigger.span),
        sentence=TextSpan(start=sentence.start_char, end=sentence.end_char),
        confidence=confidence(item),
        cameo=lexicon.cameo(item.code),
        acled_type=acled[0] if acled else None,
        acled_subtype=acled[1] if acled else None,
        actor_mention=item.actor.mention if item.actor else None,
        target_mention=item.target.mention if item.target else None,
    )


def confidence(item: Found) -> float:
    """An additive score of the evidence for the event (constants above)."""
    head = item.trigger.head
    score = CONFIDENCE_BASE
    if is_verbal(head) or item.trigger.light_verb is not None:
        score += CONFIDENCE_VERBAL
    if item.actor is not None:
        score += CONFIDENCE_ACTOR if item.actor.id else CONFIDENCE_ACTOR_TEXT
    if item.target is not None:
        score += CONFIDENCE_TARGET
    if item.place is not None:
        score += CONFIDENCE_PLACE
    if item.date_precision not in {None, "published"}:
        score += CONFIDENCE_DATE
    if head.lemma_.lower() in AMBIGUOUS and len(item.trigger.span) == 1:
        score += CONFIDENCE_AMBIGUOUS
    return round(min(CONFIDENCE_MAX, max(CONFIDENCE_MIN, score)), 2)


def _misread_noun(token: Token, event_nouns: Container[str]) -> bool:
    return token.is_title and not token.ent_type_ and token.lower_ in event_nouns
