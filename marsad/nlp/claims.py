"""Component `marsad_claims`: who said what, and what the text itself says caused what.

Claims come from four readings of the parsed document, in this order:
1. Direct quotations (marsad.nlp.quotes), each hung on the cue verb of its sentence ("...,” said
   Mustafa Bali"); a quotation with no cue continues the previous speaker's words when it follows
   them closely, or is the text's own when a colon introduces it ("the following sentence: “...”");
   a dash and a name after a quotation sign it ('“...” ― Jane Doe').
2. Reported speech: a cue verb (lexicon in marsad/resources/claims/cues.toml) with a clause
   complement ("the ministry confirmed that it had begun ..."), set off by commas inside it ("The
   talks, he said, have failed"), or with an object the lexicon allows ("called for a ceasefire",
   "cited several attacks", "called the reports a fabrication"); and transcript or headline lines
   led by a speaker ("PENCE: Well, ...").
3. "According to X, ...", "citing X".
4. Cause and motive statements in the text's own voice (marsad.nlp.causes), attributed to the
   document's outlet or author unless they stand inside someone's claim.
The speaker is the cue's subject, resolved to an actor through MentionIndex; "he"/"she" is the
last speaker or person named; "we" outside quotes is the author. Roles and affiliations come from
apposition ("Brigadier General Yahiya Rasool, the spokesman for ...") or from actor linking.
Within-document contradictions and agreements (marsad.nlp.disputes) are filled at the same time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from marsad.model import Actor, Claim, Mention, Span
from marsad.nlp.actors import ROLE_NOUNS
from marsad.nlp.causes import find_causes
from marsad.nlp.cues import CueLexicon, load_cues, stance_of
from marsad.nlp.disputes import find_disputes
from marsad.nlp.lookup import MentionIndex
from marsad.nlp.quotes import Quote, find_quotes

# A quotation hung on a cue may be a phrase ("a “joint center”"); one without a cue must be a
# statement of its own to count, else it is a scare quote or a name ("the “illegal” presence").
MIN_CUED_QUOTE_WORDS = 2
MIN_FREE_QUOTE_WORDS = 4
# A quotation with no cue continues the previous claim's speaker when it starts this close after it.
CONTINUATION_CHARS = 400
# A sentence starting this close after a quotation may hold its cue: '“...”' + 'he said.'.
TRAILING_CUE_GAP = 3
TRAILING_CUE_TOKENS = 6
# A name signs a quotation when a dash stands this close after it: '“...” ― Jane Doe'.
SIGNATURE_GAP = 2
SIGNATURE_DASHES = frozenset("―—–")
SIGNATURE_TOKENS = 5  # longest signature name read
# Reported speech shorter than this is a fragment ("he said so").
MIN_REPORTED_WORDS = 3
# How far (in ancestors) a cue without a subject looks up for one: "..., referring to X" → "said".
SUBJECT_HOPS = 3
PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"they", "it"})
AUTHOR_PRONOUNS = frozenset({"we", "i"})
# Subjects that name no speaker: "this explains that ...", "what he said".
NON_SPEAKERS = frozenset({"this", "that", "these", "those", "which", "what", "there", "who", "all"})
# A quotation this much covered by one actor's name is the name, not a statement: «“SDF”».
NAME_QUOTE_SHARE = 0.8
_CONTENT_DEPS = frozenset({"ccomp"})
_SUBJECT_DEPS = frozenset({"nsubj"})
_ROLE_STRIP = " ,;:-–—("
_RANKS = frozenset(
    [
        "brigadier",
        "general",
        "major",
        "lieutenant",
        "colonel",
        "captain",
        "commander",
        "admiral",
        "marshal",
        "sergeant",
        "gen.",
        "col.",
        "lt.",
        "maj.",
        "capt.",
        "dr.",
        "mr.",
        "mrs.",
        "ms.",
        "sheikh",
    ]
)
_PERSON_TYPES = frozenset({"person"})
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
        doc._.marsad_contradictions = find_disputes(claims)
        return doc


@dataclass(slots=True)
class _Cue:
    token: Token  # the cue verb, or "according" of "according to"
    text: str
    span: tuple[int, int]
    subject: Token | None
    content: tuple[int, int] | None
    heads: list[Token] = field(default_factory=list)  # the content clause's head tokens
    used: bool = False


@dataclass(slots=True)
class _Speaker:
    actor: str | None = None
    span: Mention | None = None
    role: str | None = None
    affiliation: str | None = None
    author_voice: bool = False


class _Reading:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # built once: Doc.text rebuilds the string on every access
        self.lexicon: CueLexicon = load_cues()
        actors: list[Actor] = doc._.marsad_actors or []
        self.actors = {a.id: a for a in actors}
        self.index = MentionIndex(actors)
        persons = sorted((m.start, a.id) for a in actors if a.type in _PERSON_TYPES for m in a.mentions)
        self.person_starts = [start for start, _ in persons]
        self.person_ids = [actor_id for _, actor_id in persons]
        self.surnames = {a.name.split()[-1]: a.id for a in actors if a.type in _PERSON_TYPES and a.name}
        self.sents = list(doc.sents)
        self.sent_starts = [s.start_char for s in self.sents]
        self.voice = getattr(doc._, "marsad_outlet", None) or getattr(doc._, "marsad_author", None)
        self.claims: list[Claim] = []

    def run(self) -> list[Claim]:
        cues = self._cues()
        quotes = [q for q in find_quotes(self.text) if self._words(q.inner_start, q.inner_end) >= 1]
        for quote in quotes:
            self._read_quote(quote, cues)
        quoted = [(c.start, c.end) for c in self.claims]
        for cue in cues:
            if not cue.used:
                self._read_reported(cue, quoted)
        self._read_labels()
        speech = sorted(self.claims, key=lambda c: c.start)
        self.claims = speech + self._causes(speech)
        self.claims.sort(key=lambda c: (c.start, c.end))
        return [claim.model_copy(update={"id": f"c{i}"}) for i, claim in enumerate(self.claims, 1)]

    # -- cues --------------------------------------------------------------------------------------

    def _cues(self) -> list[_Cue]:
        found: list[_Cue] = []
        stance = self.lexicon.stance
        for token in self.doc:
            lower = token.lower_
            if lower == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                to = self.doc[token.i + 1]
                objects = [c for c in to.children if c.dep_ == "pobj"] or [
                    c for c in token.children if c.dep_ == "pobj"
                ]
                found.append(self._according(token, to, objects[0] if objects else None))
            elif token.pos_ == "VERB" and token.lemma_.lower() in stance:
                found.append(self._verb_cue(token))
        return found

    def _verb_cue(self, token: Token) -> _Cue:
        subject = self._subject(token)
        content, heads = None, []
        complements = [c for c in token.children if c.dep_ in _CONTENT_DEPS]
        lemma = token.lemma_.lower()
        needs_that = lemma in self.lexicon.needs_complement
        if not complements and lemma in self.lexicon.takes_object:
            complements = [c for c in token.children if c.dep_ == "dobj"]
            needs_that = False
        naming = [c for c in token.children if c.dep_ == "oprd"]
        if not complements and naming:  # "called the charges fabricated": object and what it was called
            complements = [c for c in token.children if c.dep_ == "dobj" and c.i < naming[0].i]
            needs_that = False
        objects = self._prep_objects(token, lemma)
        if complements:
            comp = complements[0]
            has_that = any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in comp.children)
            if not needs_that or has_that:
                start = comp.left_edge.idx
                last = naming[0].right_edge if naming and comp.dep_ == "dobj" else comp.right_edge
                end = last.idx + len(last.text)
                if (
                    comp.idx < token.idx < end
                    and self._words(start, token.left_edge.idx) >= MIN_REPORTED_WORDS
                ):
                    end = token.left_edge.idx  # a cue inside its complement: "X, he said, Y" → X
                content, heads = (start, end), [comp]
        elif objects:  # "called for a ceasefire": the preposition's object is what was asked
            start = objects[0].left_edge.idx
            end = objects[-1].right_edge.idx + len(objects[-1].right_edge.text)
            content, heads = (start, end), objects
        elif self._parenthetical(token):  # "The talks, he said, have failed": the clause around the cue
            head = token.head
            start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
            if self._words(start, token.left_edge.idx) >= MIN_REPORTED_WORDS:
                end = token.left_edge.idx
            content, heads = (start, end), [head]
        elif token.i + 1 < len(self.doc) and self.doc[token.i + 1].text == ":":
            sentence = token.sent
            content = (self.doc[token.i + 1].idx + 1, sentence.end_char)
            heads = [t for t in self.doc[token.i + 2 : sentence.end] if t.head == t or t.head.i <= token.i]
        return _Cue(
            token=token,
            text=token.text,
            span=(token.idx, token.idx + len(token.text)),
            subject=subject,
            content=self._trim(*content) if content else None,
            heads=heads,
        )

    def _prep_objects(self, token: Token, lemma: str) -> list[Token]:
        """Objects of a cue's preposition from the lexicon ("call for", "warn against")."""
        preps = self.lexicon.prep_cues.get(lemma)
        if not preps:
            return []
        return [
            obj
            for child in token.children
            if child.dep_ in ("prep", "prt") and child.lower_ in preps
            for obj in child.children
            if obj.dep_ in ("pobj", "pcomp")
        ]

    @staticmethod
    def _parenthetical(token: Token) -> bool:
        """A cue set off by commas inside what was said: "The talks, he said, have failed"."""
        head = token.head
        return (
            token.dep_ == "parataxis"
            and head is not token
            and head.pos_ in ("VERB", "AUX")
            and any(c.dep_ in _SUBJECT_DEPS for c in token.children)
        )

    def _according(self, according: Token, to: Token, source: Token | None) -> _Cue:
        sentence = according.sent
        content: tuple[int, int] | None = None
        if source is not None:
            phrase_end = source.right_edge.idx + len(source.right_edge.text)
            before = (sentence.start_char, according.idx)
            after = (phrase_end, sentence.end_char)
            content = after if self._words(*after) >= self._words(*before) else before
            content = self._trim(*content)
        return _Cue(
            token=according,
            text="according to",
            span=(according.idx, to.idx + len(to.text)),
            subject=source,
            content=content,
            heads=[sentence.root],
        )

    def _subject(self, token: Token) -> Token | None:
        current = token
        for _ in range(SUBJECT_HOPS):
            subjects = [c for c in current.children if c.dep_ in _SUBJECT_DEPS]
            if subjects and current.dep_ == "relcl" and subjects[0].lower_ in NON_SPEAKERS:
                return current.head  # "the SDF, which said ..." → the SDF
            if subjects:
                return subjects[0]
            if (
                current.dep_ not in ("conj", "advcl", "xcomp", "acl", "relcl", "ccomp")
                or current.head is current
            ):
                return None
            if current.dep_ in ("relcl", "acl"):  # "the minister, who said ...", "a statement saying ..."
                return current.head if current.head.pos_ in ("NOUN", "PROPN", "PRON") else None
            current = current.head
        return None

    # -- direct quotations -------------------------------------------------------------------------

    def _sent_index(self, char: int) -> int:
        return max(bisect_right(self.sent_starts, char) - 1, 0)

    def _read_quote(self, quote: Quote, cues: list[_Cue]) -> None:
        words = self._words(quote.inner_start, quote.inner_end)
        first, last = self._sent_index(quote.start), self._sent_index(max(quote.end - 1, quote.start))
        window_start, window_end = self.sent_starts[first], self.sents[last].end_char
        if (
            last + 1 < len(self.sents)
            and self.sent_starts[last + 1] - quote.end <= TRAILING_CUE_GAP
            and len(self.sents[last + 1]) <= TRAILING_CUE_TOKENS
        ):
            window_end = self.sents[last + 1].end_char  # '“...”' + 'he said.' split into two sentences
        near = [
            c
            for c in cues
            if window_start <= c.span[0] < window_end and not quote.start <= c.span[0] < quote.end
        ]
        if self._is_name(quote):
            return
        sentence = (window_start, window_end)

        def add_quotation(kind: str, cue: _Cue | None, speaker: _Speaker) -> None:
            self._add(
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
        cue = self._best_cue(quote, near, words)
        if cue is not None and words >= MIN_CUED_QUOTE_WORDS:
            start, end = quote.inner_start, quote.inner_end
            if cue.content and cue.content[0] <= quote.start and cue.content[1] >= quote.end - 1:
                start = cue.content[0]  # reported speech ending in a quotation: "said that “...”"
            self._add(kind="quote", cue=cue, start=start, end=end, sentence=sentence)
            cue.used = True
            return
        if words < MIN_FREE_QUOTE_WORDS or not self._is_statement(quote):
            return
        before = self.text[max(quote.start - 3, 0) : quote.start].strip()
        previous = self.claims[-1] if self.claims else None
        if before.endswith(":"):
            add_quotation("colon", None, _Speaker(author_voice=True))
        elif (
            previous is not None
            and previous.kind != "cause"
            and 0 <= quote.start - previous.end <= CONTINUATION_CHARS
        ):
            add_quotation(
                "quote",
                None,
                _Speaker(
                    actor=previous.speaker,
                    span=previous.speaker_span,
                    role=previous.role,
                    affiliation=previous.affiliation,
                    author_voice=previous.attributed_to is not None,
                ),
            )
        else:
            add_quotation("quote", None, _Speaker())

    def _best_cue(self, quote: Quote, cues: list[_Cue], words: int) -> _Cue | None:
        """The cue whose content holds the quote, else the nearest cue governing it, else (for a
        statement-length quote) the nearest cue in its sentences."""
        free = [c for c in cues if not c.used]
        for cue in free:
            if cue.content and cue.content[0] < quote.end and quote.start < cue.content[1]:
                return cue
        first = self.doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
        if first is not None and len(first):
            by_token = {c.token.i: c for c in free}
            for ancestor in first[0].ancestors:
                if ancestor.i in by_token:
                    return by_token[ancestor.i]
        if words < MIN_FREE_QUOTE_WORDS:
            return None
        best: tuple[int, _Cue] | None = None
        for cue in free:
            distance = quote.start - cue.span[1] if cue.span[1] <= quote.start else cue.span[0] - quote.end
            if best is None or distance < best[0]:
                best = (distance, cue)
        return best[1] if best else None

    def _signature(self, quote: Quote) -> tuple[_Cue, _Speaker] | None:
        """A dash and a name right after a quotation ('“...” ― Jane Doe'): the cue and its speaker."""
        after = self.text[quote.end : quote.end + SIGNATURE_GAP + 1]
        offset = len(after) - len(after.lstrip(" "))
        if offset >= len(after) or after[offset] not in SIGNATURE_DASHES:
            return None
        dash = self.doc.char_span(quote.end + offset, quote.end + offset + 1, alignment_mode="expand")
        if dash is None or not len(dash):
            return None
        name: list[Token] = []
        for token in self.doc[dash[-1].i + 1 : dash[-1].i + 1 + SIGNATURE_TOKENS]:
            if token.is_space and not name:
                continue
            if not (token.pos_ == "PROPN" or (token.is_title and token.is_alpha)) or "\n" in token.text:
                break
            name.append(token)
        if not name or self.text[dash[-1].idx + len(dash[-1].text) : name[0].idx].count("\n"):
            return None
        start, end = name[0].idx, name[-1].idx + len(name[-1].text)
        mentions = self.index.within(start, end)
        persons = [m for m in mentions if self.actors[m[2]].type in _PERSON_TYPES]
        chosen = persons or mentions
        actor = chosen[0][2] if chosen else None
        cue = _Cue(
            token=dash[-1],
            text=dash[-1].text,
            span=(dash[-1].idx, dash[-1].idx + 1),
            subject=None,
            content=None,
        )
        return cue, _Speaker(actor=actor, span=Mention(start=start, end=end, text=self.text[start:end]))

    def _is_name(self, quote: Quote) -> bool:
        length = quote.inner_end - quote.inner_start
        covered = sum(
            min(end, quote.inner_end) - max(start, quote.inner_start)
            for start, end, _ in self.index.within(quote.inner_start - 1, quote.inner_end + 1)
        )
        return covered >= NAME_QUOTE_SHARE * length

    def _is_statement(self, quote: Quote) -> bool:
        """A quotation with a verb of its own: a statement, not a name or a scare-quoted phrase."""
        span = self.doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
        return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)

    # -- reported speech ---------------------------------------------------------------------------

    def _read_reported(self, cue: _Cue, quoted: list[tuple[int, int]]) -> None:
        if cue.content is None or cue.subject is None or cue.subject.lower_ in NON_SPEAKERS:
            return
        start, end = cue.content
        if self._words(start, end) < MIN_REPORTED_WORDS:
            return
        if any(q_start < end and start < q_end for q_start, q_end in quoted):
            return
        sentence = cue.token.sent
        kind = "according-to" if cue.text == "according to" else "reported"
        if self.text[cue.span[1] : cue.span[1] + 1] == ":":
            kind = "colon"
        self._add(kind=kind, cue=cue, start=start, end=end, sentence=(sentence.start_char, sentence.end_char))
        cue.used = True

    def _read_labels(self) -> None:
        """Transcript and headline lines led by a speaker's name: "PENCE: Well, look, ..."."""
        taken = [(c.start, c.end) for c in self.claims]
        for match in _LABEL.finditer(self.text):
            label, (start, end) = match.group(1), match.span(2)
            if label.upper() in self.lexicon.non_speaker_labels:
                continue
            mentions = self.index.within(*match.span(1))
            if not (mentions or (label.isupper() and len(label) > 1) or label in self.surnames):
                continue  # a speaker is a known actor or a capitalised transcript name
            start, end = self._trim(start, end)
            if self._words(start, end) < MIN_REPORTED_WORDS or any(s < end and start < e for s, e in taken):
                continue
            colon = self.doc.char_span(match.end(1), match.end(1) + 1, alignment_mode="expand")
            if colon is None or not len(colon):
                continue
            l_start, l_end = match.span(1)
            cue = _Cue(token=colon[0], text=":", span=(l_end, l_end + 1), subject=None, content=None)
            actor = mentions[0][2] if mentions else self.surnames.get(label)
            speaker = _Speaker(actor=actor, span=Mention(start=l_start, end=l_end, text=label))
            line = self.sents[self._sent_index(l_start)]
            self._add(
                kind="colon", cue=cue, start=start, end=end, sentence=(line.start_char, end), speaker=speaker
            )

    # -- speakers ----------------------------------------------------------------------------------

    def _speaker(self, cue: _Cue) -> _Speaker:
        subject = cue.subject
        if subject is None:
            return _Speaker()
        lower = subject.lower_
        span = Mention(start=subject.idx, end=subject.idx + len(subject.text), text=subject.text)
        if lower in AUTHOR_PRONOUNS:
            return _Speaker(span=span, author_voice=True)
        if lower in PERSON_PRONOUNS | GROUP_PRONOUNS:
            actor = self._antecedent(subject.idx, person=lower in PERSON_PRONOUNS)
            return self._with_role(_Speaker(actor=actor, span=span), subject)
        start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
        if subject.is_ancestor(cue.token):  # "a statement saying ...": the noun without its clause
            end = max(len(self.text[start : cue.token.left_edge.idx].rstrip(" ,")) + start, subject.idx + 1)
        inside = self.index.within(start, end)
        chosen = None
        for m_start, m_end, actor_id in inside:
            if self.actors[actor_id].type in _PERSON_TYPES:
                chosen = (m_start, m_end, actor_id)
                break
        if chosen is None:
            at = self.index.at(subject.idx, subject.idx + len(subject.text))
            if at is not None:
                chosen = next(((s, e, a) for s, e, a in inside if a == at), None)
                if chosen is None:
                    chosen = (subject.idx, subject.idx + len(subject.text), at)
            elif inside:
                chosen = inside[0]
        if chosen is None:
            text = self.text[start:end]
            return self._with_role(_Speaker(span=Mention(start=start, end=end, text=text)), subject)
        m_start, m_end, actor_id = chosen
        speaker = _Speaker(
            actor=actor_id, span=Mention(start=m_start, end=m_end, text=self.text[m_start:m_end])
        )
        return self._with_role(speaker, subject)

    def _antecedent(self, at: int, *, person: bool) -> str | None:
        for claim in reversed(self.claims):
            if (
                claim.speaker
                and claim.end <= at + CONTINUATION_CHARS
                and (not person or self.actors[claim.speaker].type in _PERSON_TYPES)
            ):
                return claim.speaker
        if person:
            i = bisect_right(self.person_starts, at) - 1
            return self.person_ids[i] if i >= 0 else None
        return None

    def _with_role(self, speaker: _Speaker, subject: Token) -> _Speaker:
        """Role and affiliation from apposition, else from actor linking."""
        role_text: str | None = None
        appositions = [c for c in subject.children if c.dep_ == "appos"]
        if (
            speaker.span is not None
            and subject.idx < speaker.span.start
            and subject.lemma_.lower() in ROLE_NOUNS
        ):
            # "the spokesman for the Command, Brigadier General Yahiya Rasool": the role comes first
            role_text = self.text[subject.left_edge.idx : speaker.span.start]
        elif appositions:
            appos = appositions[0]
            role_text = self.text[appos.left_edge.idx : appos.right_edge.idx + len(appos.right_edge.text)]
        affiliation = None
        if role_text:
            role_text = self._clean_role(role_text)
        if role_text:
            offset = self.text.find(role_text, subject.left_edge.idx)
            for _, _, actor_id in self.index.within(offset, offset + len(role_text)) if offset >= 0 else []:
                if actor_id != speaker.actor and self.actors[actor_id].type not in _PERSON_TYPES:
                    affiliation = actor_id
                    break
        actor = self.actors.get(speaker.actor) if speaker.actor else None
        speaker.role = role_text or (actor.role if actor else None)
        speaker.affiliation = affiliation or (actor.affiliation if actor else None)
        return speaker

    @staticmethod
    def _clean_role(text: str) -> str | None:
        text = text.strip(_ROLE_STRIP)
        if "," in text:  # ranks after the role: "spokesman for X, Brigadier General"
            head, tail = text.rsplit(",", 1)
            if all(word.lower() in _RANKS for word in tail.split()):
                text = head.strip(_ROLE_STRIP)
        words = text.split()
        while words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        return " ".join(words) or None

    # -- building ----------------------------------------------------------------------------------

    def _add(
        self,
        *,
        kind: str,
        cue: _Cue | None,
        start: int,
        end: int,
        sentence: tuple[int, int],
        speaker: _Speaker | None = None,
    ) -> None:
        start, end = self._trim(start, end)
        if end <= start:
            return
        if speaker is None:
            speaker = self._speaker(cue) if cue is not None else _Speaker()
        content_text = self.text[start:end]
        heads = cue.heads if cue is not None else []
        if cue is None or not heads:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            heads = (
                [t for t in span if t.head == t or not start <= t.head.idx < end] if span is not None else []
            )
        hedged = cue is not None and any(
            t.lower_ in self.lexicon.hedges for t in cue.token.sent if not start <= t.idx < end
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

    # -- causes ------------------------------------------------------------------------------------

    def _causes(self, speech: list[Claim]) -> list[Claim]:
        found: list[Claim] = []
        previous = None
        for sentence in self.sents:
            for cause in find_causes(sentence, previous):
                start = min(cause.cause[0], cause.effect[0])
                end = max(cause.cause[1], cause.effect[1])
                owner = next((c for c in speech if c.start <= start and end <= c.end + 1), None)
                found.append(
                    Claim(
                        kind="cause",
                        speaker=owner.speaker if owner else None,
                        text=self.text[start:end],
                        start=start,
                        end=end,
                        cue=self.text[cause.marker[0] : cause.marker[1]],
                        cue_span=Span(start=cause.marker[0], end=cause.marker[1]),
                        stance="asserts",
                        attributed_to=owner.attributed_to if owner else self.voice,
                        sentence=Span(start=sentence.start_char, end=sentence.end_char),
                        cause=self._mention(*cause.cause),
                        effect=self._mention(*cause.effect),
                        relation="purpose" if cause.relation == "purpose" else "cause",
                    )
                )
            previous = sentence
        return found

    # -- text helpers ------------------------------------------------------------------------------

    def _mention(self, start: int, end: int) -> Mention:
        return Mention(start=start, end=end, text=self.text[start:end])

    def _words(self, start: int, end: int) -> int:
        return len(self.text[start:end].split())

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        edge = " \n\t,.;:\"'“”«»‘’"
        text = self.text
        while start < end and text[start] in edge:
            start += 1
        while end > start and text[end - 1] in edge:
            end -= 1
        if text[start : start + 5].lower() == "that ":
            start += 5
        return start, end
