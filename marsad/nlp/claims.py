"""Component `marsad_claims`: who said what, and what the text itself says caused what.

Claims come from four readings of the parsed document, in this order:
1. Direct quotations hung on their cues (marsad.nlp.quoting).
2. Reported speech: cues with their content (marsad.nlp.speech) not already quoted; and transcript
   or headline lines led by a speaker ("PENCE: Well, ...").
3. "According to X, ...", "citing X" (also cues of marsad.nlp.speech).
4. Cause and motive statements in the text's own voice (marsad.nlp.causes), attributed to the
   document's outlet or author unless they stand inside someone's claim.
Speakers, roles and affiliations come from marsad.nlp.speakers. Within-document contradictions and
agreements (marsad.nlp.disputes) are filled at the same time.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from marsad.model import Claim, Span
from marsad.nlp.causes import find_causes
from marsad.nlp.claim_text import PERSON_TYPES, ClaimText
from marsad.nlp.cues import stance_of
from marsad.nlp.disputes import find_disputes
from marsad.nlp.quoting import QuoteReader
from marsad.nlp.speakers import Speaker, Speakers
from marsad.nlp.speech import MIN_REPORTED_WORDS, NON_SPEAKERS, Cue, find_cues

# A line led by up to four capitalised words and a colon: "PENCE: ...", "Jane Doe: ...".
_LABEL = re.compile(
    r"^[ \t\"“‘']*([A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3}):[ \t]+(\S[^\n]*)", re.MULTILINE
)


@Language.factory(
    "marsad_claims",
    assigns=["doc._.marsad_claims", "doc._.marsad_contradictions"],
    requires=["doc._.marsad_actors", "token.dep", "token.lemma", "doc.sents"],
)
def make_claims(nlp: Language, name: str) -> ClaimFinder:
    return ClaimFinder()


class ClaimFinder:
    def __call__(self, doc: Doc) -> Doc:
        claims = _Reading(doc).run()
        doc._.marsad_claims = claims
        doc._.marsad_contradictions = find_disputes(claims, doc._.marsad_actors or [])
        return doc


class _Reading:
    def __init__(self, doc: Doc) -> None:
        self.view = ClaimText(doc)
        self.voice = getattr(doc._, "marsad_outlet", None) or getattr(doc._, "marsad_author", None)
        self.claims: list[Claim] = []
        self.speakers = Speakers(self.view, self.claims)

    def run(self) -> list[Claim]:
        cues = find_cues(self.view)
        QuoteReader(self.view, self.claims, self.add).read_all(cues)
        quoted = [(c.start, c.end) for c in self.claims]
        for cue in cues:
            if not cue.used:
                self._read_reported(cue, quoted)
        self._read_labels()
        speech = sorted(self.claims, key=lambda c: c.start)
        claims = speech + self._causes(speech)
        claims.sort(key=lambda c: (c.start, c.end))
        return [claim.model_copy(update={"id": f"c{i}"}) for i, claim in enumerate(claims, 1)]

    def add(
        self,
        *,
        kind: str,
        cue: Cue | None,
        start: int,
        end: int,
        sentence: tuple[int, int],
        speaker: Speaker | None = None,
    ) -> None:
        """A claim with its speaker (the cue's subject unless given) and its stance."""
        view = self.view
        start, end = view.trim(start, end)
        if end <= start:
            return
        if speaker is None:
            speaker = self.speakers.of_cue(cue) if cue is not None else Speaker()
        content_text = view.text[start:end]
        heads = cue.heads if cue is not None else []
        if cue is None or not heads:
            heads = view.heads(start, end)
        hedged = cue is not None and any(
            t.lower_ in view.lexicon.hedges for t in cue.token.sent if not start <= t.idx < end
        )
        self.claims.append(
            Claim(
                kind=kind,
                speaker=speaker.actor,
                text=content_text,
                start=start,
                end=end,
                cue=cue.text if cue else None,
                cue_span=Span(start=cue.span[0], end=cue.span[1]) if cue else None,
                speaker_span=speaker.span,
                stance=stance_of(
                    cue.token if cue and cue.text != "according to" else None, heads, content_text, hedged
                ),
                role=speaker.role,
                affiliation=speaker.affiliation,
                attributed_to=self.voice if speaker.author_voice else None,
                sentence=Span(start=sentence[0], end=sentence[1]),
            )
        )
        self.claims.sort(key=lambda c: c.start)

    def _read_reported(self, cue: Cue, quoted: list[tuple[int, int]]) -> None:
        if cue.content is None or cue.subject is None or cue.subject.lower_ in NON_SPEAKERS:
            return
        start, end = cue.content
        if self.view.words(start, end) < MIN_REPORTED_WORDS:
            return
        if any(q_start < end and start < q_end for q_start, q_end in quoted):
            return
        sentence = cue.token.sent
        kind = "according-to" if cue.text == "according to" else "reported"
        if self.view.text[cue.span[1] : cue.span[1] + 1] == ":":
            kind = "colon"
        self.add(kind=kind, cue=cue, start=start, end=end, sentence=(sentence.start_char, sentence.end_char))
        cue.used = True

    def _read_labels(self) -> None:
        """Transcript and headline lines led by a speaker's name: "PENCE: Well, look, ..."."""
        view = self.view
        taken = [(c.start, c.end) for c in self.claims]
        surnames = {
            a.name.split()[-1]: a.id for a in view.actors.values() if a.type in PERSON_TYPES and a.name
        }
        for match in _LABEL.finditer(view.text):
            label, (start, end) = match.group(1), match.span(2)
            if label.upper() in view.lexicon.non_speaker_labels:
                continue
            mentions = view.index.within(*match.span(1))
            if not (mentions or (label.isupper() and len(label) > 1) or label in surnames):
                continue  # a speaker is a known actor or a capitalised transcript name
            start, end = view.trim(start, end)
            if view.words(start, end) < MIN_REPORTED_WORDS or any(s < end and start < e for s, e in taken):
                continue
            colon = view.doc.char_span(match.end(1), match.end(1) + 1, alignment_mode="expand")
            if colon is None or not len(colon):
                continue
            l_start, l_end = match.span(1)
            cue = Cue(token=colon[0], text=":", span=(l_end, l_end + 1), subject=None, content=None)
            actor = mentions[0][2] if mentions else surnames.get(label)
            speaker = Speaker(actor=actor, span=view.mention(l_start, l_end))
            line = view.sents[view.sent_index(l_start)]
            self.add(
                kind="colon", cue=cue, start=start, end=end, sentence=(line.start_char, end), speaker=speaker
            )

    def _causes(self, speech: list[Claim]) -> list[Claim]:
        """Cause and motive statements, owned by the speech claim they stand in, else the text's voice."""
        view = self.view
        found: list[Claim] = []
        previous = None
        for sentence in view.sents:
            for cause in find_causes(sentence, previous):
                start = min(cause.cause[0], cause.effect[0])
                end = max(cause.cause[1], cause.effect[1])
                owner = next((c for c in speech if c.start <= start and end <= c.end + 1), None)
                found.append(
                    Claim(
                        kind="cause",
                        speaker=owner.speaker if owner else None,
                        text=view.text[start:end],
                        start=start,
                        end=end,
                        cue=view.text[cause.marker[0] : cause.marker[1]],
                        cue_span=Span(start=cause.marker[0], end=cause.marker[1]),
                        stance="asserts",
                        attributed_to=owner.attributed_to if owner else self.voice,
                        sentence=Span(start=sentence.start_char, end=sentence.end_char),
                        cause=view.mention(*cause.cause),
                        effect=view.mention(*cause.effect),
                        relation="purpose" if cause.relation == "purpose" else "cause",
                    )
                )
            previous = sentence
        return found
