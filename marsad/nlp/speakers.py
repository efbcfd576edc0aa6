"""Who made a claim: a cue's subject resolved to an actor, with the role and affiliation the text gives.

The subject phrase is looked up in the actor index (a person first); "he"/"she" ("his"/"her" of
"his claim that") is the last person speaker or person named, "it"/"they" the last speaker,
"we"/"I" outside quotations the author. Roles come from apposition ("Mustafa Bali, director of
the media center at SDF") or a role noun before the name ("the spokesman for the Command,
Brigadier General Yahiya Rasool"), else from linking.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from marsad.model import Actor, Claim, Mention
from marsad.nlp.actor_words import KIN_NOUNS, is_seat, stance_before
from marsad.nlp.actors import ROLE_NOUNS
from marsad.nlp.claim_text import PERSON_TYPES, ClaimText
from marsad.nlp.extensions import text_of
from marsad.nlp.speech import Cue

# A pronoun refers to the speaker of a claim ending this close before it.
ANTECEDENT_CHARS = 400
# "the paper", "the British daily" refer to an outlet named this far back: a report names its source
# outlet once, near the top.
OUTLET_ANTECEDENT_CHARS = 2000
# Clauses of a subject noun that are no part of its name: "the fighter, who killed Mr Foley".
SUBJECT_CLAUSES = frozenset({"relcl", "acl"})
# General nouns a report uses for a body it has named: "the group said".
BODY_ANAPHORS = frozenset(
    {
        "group",
        "organisation",
        "organization",
        "monitor",
        "watchdog",
        "charity",
        "movement",
        "militia",
        "faction",
    }
)
BODY_TYPES = frozenset({"organisation", "armed group"})
# Nouns a report uses for an outlet it has named: "Britain's Daily Mail reported ... the British
# daily said".
OUTLET_ANAPHORS = frozenset(
    {"daily", "newspaper", "paper", "tabloid", "weekly", "broadcaster", "channel", "network", "outlet"}
)
# Sectors of CAMEO codes (the code's end) of bodies no BODY_ANAPHORS noun stands for: businesses and
# media ("posted on Facebook, the group said" is not Facebook).
NO_ANAPHOR_SECTORS = ("BUS", "MED")
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her"})
GROUP_PRONOUNS = frozenset({"they", "it", "their", "its"})
AUTHOR_PRONOUNS = frozenset({"we", "i"})
# Words that put an unnamed source near a body without making the body speak: "close to X".
CLOSE_TO = frozenset({"close", "familiar", "linked", "near", "related", "affiliated"})
_ROLE_STRIP = " ,;:-–—("
# Words of a title written before a name; ranks (_RANKS) and role nouns count too.
_TITLES = frozenset(
    {
        "minister",
        "secretary",
        "governor",
        "ambassador",
        "mayor",
        "premier",
        "pm",
        "adviser",
        "advisor",
        "king",
        "emir",
        "prince",
        "cleric",
        "analyst",
        "professor",
        "researcher",
        "officer",
        "deputy",
        "mp",
        "senator",
        "lawmaker",
    }
)
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
TITLE_WORDS = _TITLES | _RANKS | ROLE_NOUNS
# People and bodies a nationality makes the state's voice: "Iraqi officials", "Russian state media".
STATE_VOICES = TITLE_WORDS | frozenset(
    {
        "official",
        "diplomat",
        "source",
        "media",
        "television",
        "tv",
        "agency",
        "delegation",
        "negotiator",
        "authority",
        "government",
        "ministry",
        "army",
        "force",
        "military",
        "troop",
        "regime",
        "state",
        "administration",
        "embassy",
        "mission",
        "side",
        "statement",
        "report",
    }
)


@dataclass(slots=True)
class Speaker:
    actor: str | None = None
    span: Mention | None = None
    role: str | None = None
    affiliation: str | None = None
    author_voice: bool = False

    @classmethod
    def of(cls, claim: Claim) -> Speaker:
        """The speaker of an earlier claim, for words that continue it."""
        return cls(
            actor=claim.speaker,
            span=claim.speaker_span,
            role=claim.role,
            affiliation=claim.affiliation,
            author_voice=claim.attributed_to is not None,
        )


class Speakers:
    def __init__(self, view: ClaimText, claims: list[Claim]) -> None:
        self.view = view
        self.claims = claims  # the claims read so far, for pronouns
        persons = sorted(
            (m.start, a.id) for a in view.actors.values() if a.type in PERSON_TYPES for m in a.mentions
        )
        self.person_starts = [start for start, _ in persons]
        self.person_ids = [actor_id for _, actor_id in persons]

    def of_cue(self, cue: Cue) -> Speaker:
        view = self.view
        subject = cue.subject
        if subject is None:
            return Speaker()
        lower = subject.lower_
        span = view.mention(subject.idx, subject.idx + len(subject.text))
        if lower in AUTHOR_PRONOUNS:
            return Speaker(span=span, author_voice=True)
        if lower in PERSON_PRONOUNS | GROUP_PRONOUNS:
            actor = self.antecedent(subject.idx, person=lower in PERSON_PRONOUNS)
            return self._with_role(Speaker(actor=actor, span=span), subject)
        if lower in OUTLET_ANAPHORS and _definite(subject) and (outlet := self.last_outlet(subject.idx)):
            return Speaker(
                actor=outlet, span=view.mention(subject.left_edge.idx, subject.idx + len(subject.text))
            )
        if _bare_definite(subject) and view.index.at(subject.idx, subject.idx + len(subject.text)) is None:
            span = view.mention(subject.left_edge.idx, subject.idx + len(subject.text))
            if (earlier := self.same_noun_source(subject)) is not None:
                return self._with_role(Speaker(actor=earlier, span=span), subject)
            if subject.lemma_.lower() in BODY_ANAPHORS:
                return Speaker(actor=self.last_body(subject.idx), span=span)
        start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
        if cue.source_end is not None:
            start, end = min(start, subject.idx), min(end, cue.source_end)
        if subject.is_ancestor(cue.token):  # "a statement saying ...": the noun without its clause
            end = max(len(view.text[start : cue.token.left_edge.idx].rstrip(" ,")) + start, subject.idx + 1)
        clauses = [c.left_edge.idx for c in subject.rights if c.dep_ in SUBJECT_CLAUSES]
        if clauses:  # "The IS fighter, who says he killed Mr Foley, says": who is named in it does not speak
            end = max(min(end, len(view.text[start : clauses[0]].rstrip(" ,")) + start), subject.idx + 1)
        if (
            subject.lemma_.lower() in KIN_NOUNS
            and view.index.at(subject.idx, subject.idx + len(subject.text)) is None
        ):
            # "Foley's parents said": the relatives speak, not the one they are named after
            return self._with_role(Speaker(span=view.mention(start, end)), subject)
        inside = self._speaking(subject.doc, start, end)
        people = [(s, e, a) for s, e, a in inside if view.is_person(a)]
        # "Farah Province Police Chief Gen. Abdul Razaq Yaqubi": the person the subject's head names
        chosen = next((p for p in people if p[0] <= subject.idx < p[1]), people[0] if people else None)
        if chosen is None:
            at = view.index.at(subject.idx, subject.idx + len(subject.text))
            if at is not None:
                chosen = next(((s, e, a) for s, e, a in inside if a == at), None)
                if chosen is None:
                    chosen = (subject.idx, subject.idx + len(subject.text), at)
            elif inside:
                chosen = inside[0]
        if chosen is None:
            return self._with_role(Speaker(span=view.mention(start, end)), subject)
        m_start, m_end, actor_id = chosen
        return self._with_role(Speaker(actor=actor_id, span=view.mention(m_start, m_end)), subject)

    def antecedent(self, at: int, *, person: bool) -> str | None:
        """The actor a pronoun at `at` refers to: the last person speaker ("he"), else the last person
        named; the last speaker who is no single person ("they", "it"). None when the last source
        was named but is no known actor ("The rebels say ... They deny ...", "A former fighter
        admitted ... He said ...")."""
        for claim in reversed(self.claims):
            if claim.end > at + ANTECEDENT_CHARS:
                continue
            if claim.speaker is None:
                if _named_group(claim.speaker_span) and (not person or self._singular(claim.speaker_span)):
                    return None  # "A former rebel fighter admitted ... He said": the fighter, unnamed
                continue
            if self.view.is_person(claim.speaker) == person:
                if person and (subject := self._person_subject(claim.end, at)) is not None:
                    return subject  # "..., Sisi said. The Palestinian president voiced ... “...,” he said"
                return claim.speaker
        if person:
            i = bisect_right(self.person_starts, at) - 1
            if i < 0 or self._unnamed_speaker(self.person_starts[i], at):
                return None
            return self.person_ids[i]
        return None

    def _person_subject(self, start: int, end: int) -> str | None:
        """The last person named between start and end as the subject of a clause, outside what
        was quoted: who the story turned to after the last speaker."""
        view = self.view
        for s, e, actor in reversed(view.index.within(start, end)):
            if not view.is_person(actor) or any(q.start <= s < q.end for q in view.quotes):
                continue
            span = view.doc.char_span(s, e, alignment_mode="expand")
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                return actor
        return None

    def same_noun_source(self, subject: Token) -> str | None:
        """The actor in the last source named with the same noun before (ANTECEDENT_CHARS back at
        most): "A Syrian military source denied ... the source said" is that source again. None
        when that source named no actor, or there is none."""
        doc = subject.doc
        first = subject.i
        while first > 0 and doc[first - 1].idx >= subject.idx - ANTECEDENT_CHARS:
            first -= 1
        for token in reversed(doc[first : subject.i]):
            if token.lower_ == subject.lower_ and token.dep_ in ("nsubj", "nsubjpass"):
                named = self._speaking(doc, token.left_edge.idx, token.idx + len(token.text))
                return named[0][2] if named else None
        return None

    def _speaking(self, doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
        """The actor mentions between start and end that may speak for the phrase (`_may_speak`)."""
        return [
            (s, e, a)
            for s, e, a in self.view.index.within(start, end)
            if _may_speak(doc.char_span(s, e, alignment_mode="expand"))
        ]

    def last_body(self, at: int) -> str | None:
        """The organisation or armed group named last before `at` (ANTECEDENT_CHARS back at most),
        outside what was quoted and no business or outlet: in '"Daesh has ...," the monitor said'
        after the Observatory was named, the monitor is the Observatory, not the Daesh its quotation
        names; in "a message posted on Facebook, the group said" the group is not Facebook."""
        view = self.view

        def is_body(s: int, e: int, actor: Actor) -> bool:
            return (
                actor.type in BODY_TYPES
                and not (actor.code or "").endswith(NO_ANAPHOR_SECTORS)
                and not any(q.start <= s and e <= q.end for q in view.quotes)
            )

        return self._last_named(at, ANTECEDENT_CHARS, is_body)

    def last_outlet(self, at: int) -> str | None:
        """The media outlet named last before `at` (OUTLET_ANTECEDENT_CHARS back at most)."""
        return self._last_named(at, OUTLET_ANTECEDENT_CHARS, lambda s, e, actor: actor.type == "media outlet")

    def _last_named(self, at: int, chars: int, keep: Callable[[int, int, Actor], bool]) -> str | None:
        """The actor whose mention, of those `keep` accepts, comes last in the `chars` before `at`."""
        named = self.view.index.within(max(0, at - chars), at)
        return next((a for s, e, a in reversed(named) if keep(s, e, self.view.actors[a])), None)

    def _unnamed_speaker(self, start: int, end: int) -> bool:
        """Someone unnamed speaks between the last person named and the pronoun: "James Foley ...
        A former rebel fighter admitted ... He said: ..." (he is the fighter)."""
        view = self.view
        between = view.doc.char_span(start, end, alignment_mode="contract")
        return between is not None and any(
            token.dep_ == "nsubj"
            and token.tag_ == "NN"
            and token.head.lemma_.lower() in view.lexicon.stance
            and view.index.at(token.idx, token.idx + len(token)) is None
            for token in between
        )

    def _singular(self, span: Mention | None) -> bool:
        """ "a former rebel fighter", not "local sources": one unnamed person may be "he" or "she"."""
        phrase = self.view.doc.char_span(span.start, span.end, alignment_mode="expand") if span else None
        return phrase is not None and phrase.root.tag_ in {"NN", "NNP"}

    def _with_role(self, speaker: Speaker, subject: Token) -> Speaker:
        """Role and affiliation from apposition, else from actor linking."""
        view = self.view
        role_text: str | None = None
        appositions = [c for c in subject.children if c.dep_ == "appos"]
        if (
            speaker.span is not None
            and subject.idx < speaker.span.start
            and subject.lemma_.lower() in ROLE_NOUNS
        ):
            # "the spokesman for the Command, Brigadier General Yahiya Rasool": the role comes first
            role_text = view.text[subject.left_edge.idx : speaker.span.start]
        elif appositions:
            appos = appositions[0]
            role_text = view.text[appos.left_edge.idx : appos.right_edge.idx + len(appos.right_edge.text)]
        elif speaker.span is not None and _titled(subject, speaker.span.start):
            # "Defence Minister Sergei Shoigu", "Iraqi Prime Minister Haider al-Abadi"
            role_text = view.text[subject.left_edge.idx : speaker.span.start]
        affiliation = None
        if role_text:
            role_text = _clean_role(role_text)
        if role_text:
            offset = view.text.find(role_text, subject.left_edge.idx)
            for _, _, actor_id in view.index.within(offset, offset + len(role_text)) if offset >= 0 else []:
                if actor_id != speaker.actor and not view.is_person(actor_id):
                    affiliation = actor_id
                    break
        actor = view.actors.get(speaker.actor) if speaker.actor else None
        speaker.role = role_text or (actor.role if actor else None)
        speaker.affiliation = affiliation or (actor.affiliation if actor else None)
        return speaker


def _definite(noun: Token) -> bool:
    """ "the paper", "the British daily": the noun has "the" of its own."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _bare_definite(subject: Token) -> bool:
    """ "the group said", "the source added", "the same official said", "the London-based monitor
    said", "the monitoring group said": a common noun with only "the" (and "same", where the body is
    based, or a body noun's lower-case kind) before it, which points back to a source named before."""
    body = subject.lemma_.lower() in BODY_ANAPHORS
    children = [
        c
        for c in subject.children
        if not (c.dep_ == "amod" and (c.lower_ == "same" or c.lemma_ == "base"))
        and not (body and _kind_of_body(c))
    ]
    return (
        subject.pos_ == "NOUN"
        and len(children) == 1
        and children[0].dep_ == "det"
        and children[0].lower_ == "the"
    )


def _kind_of_body(modifier: Token) -> bool:
    """ "monitoring", "rights", "jihadist" before "group": a lower-case word of what the body does,
    which names no one ("the Kurdish group" and "the Nusra group" name someone)."""
    return modifier.dep_ in {"amod", "compound"} and all(t.is_lower for t in modifier.subtree)


def _may_speak(mention: Span | None) -> bool:
    """An actor named in the subject phrase may be its speaker, unless the name is where a body is
    based ("the London-based monitor") or a nationality said of a person who does not speak for the
    state ("a former Syrian rebel fighter", "an Iraqi doctor"; but "Iraqi officials", "the Syrian envoy"),
    or a name the body is for or against ("the pro-Kremlin channel")."""
    if mention is None:
        return True
    word, doc = mention[0], mention.doc
    if stance_before(text_of(doc), mention.start_char):
        return False  # "the anti-Assad Observatory": a stance of the body, not its voice
    if _near_to(mention.root):
        return False  # "sources close to the group": who they know, not who speaks
    describes_someone = (
        word.dep_ == "amod"
        and word.head.tag_ in {"NN", "NNS"}
        and word.head.lemma_.lower() not in STATE_VOICES
        and word.head.lower_ not in STATE_VOICES  # "media", lemmatised "medium"
    )
    return not (is_seat(mention.root) or describes_someone)


def _titled(subject: Token, name_start: int) -> bool:
    """Words before the speaker's name in the subject phrase hold a title ("Defence Minister")."""
    doc = subject.doc
    return any(
        token.lower_ in TITLE_WORDS
        for token in doc[subject.left_edge.i : subject.i]
        if token.idx + len(token) <= name_start
    )


def _near_to(root: Token) -> bool:
    """The name is (the modifier of) what a source is close to: "close to the radical X group"."""
    node = root
    while node.dep_ in {"compound", "amod", "nmod", "poss"} and node.head.i != node.i:
        node = node.head
    preposition = node.head
    return (
        node.dep_ == "pobj" and preposition.lower_ in {"to", "with"} and preposition.head.lower_ in CLOSE_TO
    )


def _named_group(span: Mention | None) -> bool:
    """A source named by a noun phrase, not a pronoun: "the rebels", "local sources"."""
    return span is not None and span.text.lower() not in PERSON_PRONOUNS | GROUP_PRONOUNS | AUTHOR_PRONOUNS


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
