"""Direct quotations as claims: each quotation (marsad.nlp.quotes) hung on the cue that introduces it.

A quotation takes the cue whose colon introduces it ("Caddell continued:" and a quoted paragraph),
else the cue whose content holds it, else the nearest cue that governs it, else (when it is a
statement of its own) the nearest cue in its sentences ("...,” said Mustafa Bali"), the sentence
after it included when a cue leads it ("Trump said, looking out on the crowd."); a dash and a name
after it sign it ('“...” ― Jane Doe'). A cue that is no verb of saying ("wants", "continued",
"claim") takes only a statement it introduces. A quotation with no cue continues the previous
speaker's words when it follows them closely, or is the text's own when a colon introduces it ("the
following sentence: “...”"). Short quotations with no cue and actors' names are scare quotes.
"""

from __future__ import annotations

import re
from typing import Protocol

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from marsad.model import Claim
from marsad.nlp.claim_text import ClaimText
from marsad.nlp.quotes import Quote
from marsad.nlp.speakers import Speaker
from marsad.nlp.speech import Cue

# A quotation hung on a cue may be a phrase ("a “joint center”"); one without a cue must be a
# statement of its own to count, else it is a scare quote or a name ("the “illegal” presence").
MIN_CUED_QUOTE_WORDS = 2
MIN_FREE_QUOTE_WORDS = 4
# A quotation with no cue continues the previous claim's speaker when it starts this close after it.
CONTINUATION_CHARS = 400
# A sentence starting this close after a quotation may hold its cue: '“...”' + 'he said.'.
TRAILING_CUE_GAP = 3
TRAILING_CUE_TOKENS = 6
# A colon this close before a quotation introduces it: 'Caddell continued:\n\n“...”'.
COLON_GAP = 8
# A name signs a quotation when a dash stands this close after it: '“...” ― Jane Doe'.
SIGNATURE_GAP = 2
SIGNATURE_DASHES = frozenset("―—–")
SIGNATURE_TOKENS = 5  # longest signature name read
# A speaker named right after a quotation's cue starts this close after it: '“...” said the Observatory'.
AFTER_CUE_CHARS = 80
# A quotation this much covered by one actor's name is the name, not a statement: «“SDF”».
NAME_QUOTE_SHARE = 0.8
# A quotation of capitalised words without a verb is a title up to this many tokens ("The Kelly File").
MAX_TITLE_WORDS = 6
_SENTENCE_BREAK = re.compile(r"[.!?]\s")
_POSSESSIVE_BEFORE = re.compile(r"(?:['’]s|s['’])\s+$", re.I)
# "said on “Fox News Sunday”", "told “Meet the Press”": a programme a speaker appears on.
_PROGRAMME_BEFORE = re.compile(r"\b(?:on|told|to)\s+$")
# Words a title leaves in lower case.
_TITLE_SMALL_WORDS = frozenset({"the", "of", "a", "an", "and", "in", "on", "for", "to", "with", "at"})


class AddClaim(Protocol):
    def __call__(
        self,
        *,
        kind: str,
        cue: Cue | None,
        start: int,
        end: int,
        sentence: tuple[int, int],
        speaker: Speaker | None = None,
    ) -> None: ...


class QuoteReader:
    def __init__(self, view: ClaimText, claims: list[Claim], add: AddClaim) -> None:
        self.view = view
        self.claims = claims  # the claims read so far: a quotation may continue the last one
        self.add = add

    def read_all(self, cues: list[Cue]) -> None:
        for quote in self.view.quotes:
            if self.view.words(quote.inner_start, quote.inner_end) >= 1:
                self.read(quote, cues)

    def read(self, quote: Quote, cues: list[Cue]) -> None:
        view = self.view
        words = view.words(quote.inner_start, quote.inner_end)
        first, last = view.sent_index(quote.start), view.sent_index(max(quote.end - 1, quote.start))
        window_start, window_end = view.sent_starts[first], view.sents[last].end_char
        if last + 1 < len(view.sents) and self._trailing_cue(quote, view.sents[last + 1], cues):
            window_end = view.sents[last + 1].end_char  # '“...”' + 'he said.' split into two sentences
        near = [
            c
            for c in cues
            if window_start <= c.span[0] < window_end and not quote.start <= c.span[0] < quote.end
        ]
        if self._is_name(quote):
            return
        sentence = (window_start, window_end)

        def add_quotation(kind: str, cue: Cue | None, speaker: Speaker) -> None:
            self.add(
                kind=kind,
                cue=cue,
                start=quote.inner_start,
                end=quote.inner_end,
                sentence=sentence,
                speaker=speaker,
            )

        signed = self._signature(quote) if words >= MIN_CUED_QUOTE_WORDS else None
        if signed is not None:  # '“...” ― Jane Doe': the name after a dash signs the quotation
            add_quotation("quote", *signed)
            return
        cue = self._colon_cue(quote, cues) or self._best_cue(quote, near, words)
        if cue is not None and words >= MIN_CUED_QUOTE_WORDS:
            start, end = quote.inner_start, quote.inner_end
            if cue.content and cue.content[0] <= quote.start and cue.content[1] >= quote.end - 1:
                start = cue.content[0]  # reported speech ending in a quotation: "said that “...”"
            speaker = self._named_between(quote, cue)
            self.add(kind="quote", cue=cue, start=start, end=end, sentence=sentence, speaker=speaker)
            cue.used = True
            return
        if words < MIN_FREE_QUOTE_WORDS or not self._is_statement(quote):
            return
        before = view.text[max(quote.start - 3, 0) : quote.start].strip()
        previous = self.claims[-1] if self.claims else None
        if before.endswith(":"):
            add_quotation("colon", None, Speaker(author_voice=True))
        elif (
            previous is not None
            and previous.kind != "cause"
            and 0 <= quote.start - previous.end <= CONTINUATION_CHARS
        ):
            add_quotation("quote", None, Speaker.of(previous))
        else:
            add_quotation("quote", None, Speaker())

    def _trailing_cue(self, quote: Quote, sentence: SpacySpan, cues: list[Cue]) -> bool:
        """Whether the sentence right after a quotation holds its cue: a short one ("he said."), or
        one led by a cue that says nothing of its own ("Trump said, looking out on the crowd.")."""
        if sentence.start_char - quote.end > TRAILING_CUE_GAP:
            return False
        if len(sentence) <= TRAILING_CUE_TOKENS:
            return True
        lead = sentence[:TRAILING_CUE_TOKENS]
        return any(c.near and c.content is None and lead.start <= c.token.i < lead.end for c in cues)

    def _best_cue(self, quote: Quote, cues: list[Cue], words: int) -> Cue | None:
        """The cue whose content holds the quote, else the nearest cue governing it, else (for a
        statement-length quote) the nearest cue in its sentences. A cue that is no verb of saying
        ("wants", "continued", "claim") takes only a statement it introduces as its complement."""
        statement = self._is_statement(quote)
        free = [c for c in cues if not c.used and (c.near or statement)]
        for cue in free:
            if cue.content and cue.content[0] < quote.end and quote.start < cue.content[1]:
                return cue
        span = self.view.doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
        if span is not None and len(span):
            by_token = {c.token.i: c for c in free}
            for ancestor in span[0].ancestors:
                governing = by_token.get(ancestor.i)
                if governing is not None and (
                    governing.near or any(t.head == ancestor and t.dep_ == "ccomp" for t in span)
                ):
                    return governing
        if words < MIN_FREE_QUOTE_WORDS:
            return None
        best: tuple[int, Cue] | None = None
        for cue in (c for c in free if c.near):
            distance = quote.start - cue.span[1] if cue.span[1] <= quote.start else cue.span[0] - quote.end
            if best is None or distance < best[0]:
                best = (distance, cue)
        return best[1] if best else None

    def _colon_cue(self, quote: Quote, cues: list[Cue]) -> Cue | None:
        """The cue whose colon introduces the quotation, in its sentence or the one before
        ("Caddell continued:" and a quoted paragraph)."""
        text, doc = self.view.text, self.view.doc
        base = max(quote.start - COLON_GAP, 0)
        before = text[base : quote.start].rstrip()
        if not before.endswith(":"):
            return None
        colon = base + len(before) - 1
        return next(
            (c for c in cues if not c.used and c.token.i + 1 < len(doc) and doc[c.token.i + 1].idx == colon),
            None,
        )

    def _named_between(self, quote: Quote, cue: Cue) -> Speaker | None:
        """Who speaks a quotation is never inside it: when the parser found the cue no subject
        or took a word of the quotation for it, the first actor named between the quotation and the
        cue (a person before others: '“... dark day” Jens Laerke spokesman for OCHA said'), else the
        one named right after the cue ('“...” said Mounzer Khalil head of ...'). None otherwise."""
        subject = cue.subject
        if (subject is not None and not quote.start <= subject.idx < quote.end) or cue.span[0] < quote.end:
            return None
        view = self.view
        chosen = self._first_named(quote.end, cue.span[0])
        if chosen is None:
            after = view.index.within(cue.span[1], cue.span[1] + AFTER_CUE_CHARS)
            chosen = next(
                (m for m in after if view.text[cue.span[1] : m[0]].strip().lower() in ("", "the")), None
            )
        return Speaker(actor=chosen[2], span=view.mention(chosen[0], chosen[1])) if chosen else None

    def _first_named(self, start: int, end: int) -> tuple[int, int, str] | None:
        """The first person named between start and end, else the first actor."""
        mentions = self.view.index.within(start, end)
        persons = [m for m in mentions if self.view.is_person(m[2])]
        chosen = persons or mentions
        return chosen[0] if chosen else None

    def _signature(self, quote: Quote) -> tuple[Cue, Speaker] | None:
        """A dash and a name right after a quotation ('“...” ― Jane Doe'): the cue and its speaker."""
        view = self.view
        after = view.text[quote.end : quote.end + SIGNATURE_GAP + 1]
        offset = len(after) - len(after.lstrip(" \t\xa0"))
        if offset >= len(after) or after[offset] not in SIGNATURE_DASHES:
            return None
        dash = view.doc.char_span(quote.end + offset, quote.end + offset + 1, alignment_mode="expand")
        if dash is None or not len(dash):
            return None
        name: list[Token] = []
        for token in view.doc[dash[-1].i + 1 : dash[-1].i + 1 + SIGNATURE_TOKENS]:
            if token.is_space and not name:
                continue
            if not (token.pos_ == "PROPN" or (token.is_title and token.is_alpha)) or "\n" in token.text:
                break
            name.append(token)
        if not name or view.text[dash[-1].idx + len(dash[-1].text) : name[0].idx].count("\n"):
            return None
        start, end = name[0].idx, name[-1].idx + len(name[-1].text)
        chosen = self._first_named(start, end)
        actor = chosen[2] if chosen else None
        cue = Cue(
            token=dash[-1],
            text=dash[-1].text,
            span=(dash[-1].idx, dash[-1].idx + 1),
            subject=None,
            content=None,
        )
        return cue, Speaker(actor=actor, span=view.mention(start, end))

    def _is_name(self, quote: Quote) -> bool:
        """The quotation names something: actors cover it, or it is a title ("The Kelly File")."""
        if self._is_title(quote):
            return True
        length = quote.inner_end - quote.inner_start
        covered = sum(
            min(end, quote.inner_end) - max(start, quote.inner_start)
            for start, end, _ in self.view.index.within(quote.inner_start - 1, quote.inner_end + 1)
        )
        return covered >= NAME_QUOTE_SHARE * length

    def _is_title(self, quote: Quote) -> bool:
        """Two or more words in one phrase, all capitalised but the small ones, owned by a name before
        them or after "on", "told": a programme's or song's title ("Fox News Channel's “The Kelly
        File”", 'said on "Face the Nation"', "CBS' “This Week”"), not the first word of
        a split quotation ("Hopefully," the president said) nor what a speaker said things are
        ("thinks this is an episode of “Shark Tank”", "called her “Miss Piggy”")."""
        text, start = self.view.text, quote.start
        programme = _PROGRAMME_BEFORE.search(text, max(0, start - 6), start) is not None
        if not programme and not _POSSESSIVE_BEFORE.search(text, max(0, start - 3), start):
            return False
        span = self.view.doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
        if span is None or len(span) > MAX_TITLE_WORDS or _SENTENCE_BREAK.search(span.text.rstrip(".,!? ")):
            return False
        words = [t for t in span if t.is_alpha]
        # "Face the Nation", "This Week": every word but the small ones capitalised
        return len(words) >= 2 and all(t.text[0].isupper() or t.lower_ in _TITLE_SMALL_WORDS for t in words)

    def _is_statement(self, quote: Quote) -> bool:
        """A quotation with a verb of its own: a statement, not a name or a scare-quoted phrase."""
        span = self.view.doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
        return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)
