"""Contradictions and agreements between claims: the same matter, said by different speakers.

Two claims are about the same matter when their topic terms (content words, crudely stemmed)
overlap enough. About the same matter, they *contradict* when one asserts and the other denies or
doubts, or when they give different figures for the same casualty or count; they *agree* (an
independent confirmation) when both assert it with high overlap. The same scoring serves one
document (here) and the whole store (marsad.resolve.disputes, which blocks candidates by rare
terms so that it never compares every pair).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from marsad.model import Actor, Claim, Contradiction, Mention

# Stems shorter than this are compared whole; longer words are cut to it ("securing" ~ "security").
STEM_CHARS = 5
# Same matter: at least this many shared terms and this share of the smaller claim's terms.
# Calibrated on the sample reports (the SDF–Iraqi dispute shares 3 of 8) and hand-written pairs.
MIN_SHARED = 2
MIN_OVERLAP = 0.25
# An agreement needs more: nearly the same statement from two sources.
AGREE_SHARED = 3
AGREE_OVERLAP = 0.5
# Words that say nothing about the matter: reporting verbs and hedges.
_NOISE = frozenset(
    [
        "said",
        "say",
        "says",
        "told",
        "tell",
        "added",
        "stated",
        "noted",
        "stressed",
        "according",
        "also",
        "would",
        "could",
        "may",
        "might",
        "absolutely",
        "just",
        "even",
        "still",
        "really",
        "reported",
        "claims",
        "claimed",
        "confirmed",
        "denied",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w'-]*|\d[\d,.]*")
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_COUNT_WORDS = frozenset(
    [
        "killed",
        "dead",
        "died",
        "deaths",
        "death",
        "casualties",
        "wounded",
        "injured",
        "civilians",
        "soldiers",
        "fighters",
        "troops",
        "people",
        "villages",
        "towns",
        "displaced",
        "missing",
        "captured",
        "arrested",
    ]
)


@dataclass(frozen=True, slots=True)
class Topic:
    terms: frozenset[str]
    numbers: frozenset[str]
    counts: bool  # mentions a casualty or count word


def stem(word: str) -> str:
    word = word.lower().strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    return word[:STEM_CHARS] if len(word) > STEM_CHARS else word.rstrip("s") or word


# CAMEO role codes after a country's that make an actor its state's voice ("" for the state).
STATE_ROLES = frozenset({"", "GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# The store judges each new claim against stored ones that share its terms; the same stored claims
# come back as candidates again and again, so their topics are kept rather than re-read.
TOPIC_CACHE_SIZE = 16384


@lru_cache(maxsize=TOPIC_CACHE_SIZE)
def topic(text: str) -> Topic:
    words = _WORD.findall(text)
    terms = frozenset(
        stem(w)
        for w in words
        if not w[0].isdigit() and w.lower() not in STOP_WORDS and w.lower() not in _NOISE
    )
    numbers = frozenset(n.replace(",", "") for n in _NUMBER.findall(text))
    counts = any(w.lower() in _COUNT_WORDS for w in words)
    return Topic(terms=terms - {""}, numbers=numbers, counts=counts)


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: str  # "contradiction" or "agreement"
    reason: str
    score: float


def judge(
    a: Claim, a_topic: Topic, b: Claim, b_topic: Topic, sides: Mapping[str, str] | None = None
) -> Verdict | None:
    """Whether two claims by different speakers (on different `sides`, speaker id → side, where
    given) contradict or confirm each other, and why."""
    if a.kind == "cause" or b.kind == "cause" or not _different_speakers(a, b, sides):
        return None
    shared = a_topic.terms & b_topic.terms
    smaller = min(len(a_topic.terms), len(b_topic.terms)) or 1
    score = len(shared) / smaller
    if len(shared) < MIN_SHARED or score < MIN_OVERLAP:
        return None
    a_stance, b_stance = a.stance or "asserts", b.stance or "asserts"
    if (a_stance == "asserts") != (b_stance == "asserts"):
        return Verdict(kind="contradiction", reason="opposite stance", score=round(score, 3))
    if (
        a_topic.counts
        and b_topic.counts
        and a_topic.numbers
        and b_topic.numbers
        and not a_topic.numbers & b_topic.numbers
    ):
        return Verdict(kind="contradiction", reason="different figures", score=round(score, 3))
    if a_stance == b_stance and len(shared) >= AGREE_SHARED and score >= AGREE_OVERLAP:
        return Verdict(kind="agreement", reason="same statement", score=round(score, 3))
    return None


def _different_speakers(a: Claim, b: Claim, sides: Mapping[str, str] | None = None) -> bool:
    if a.speaker and b.speaker:
        if sides and sides.get(a.speaker, a.speaker) == sides.get(b.speaker, b.speaker):
            return False  # "Russia" and "the Russian Defence Ministry": one side
        return a.speaker != b.speaker and (a.affiliation is None or a.affiliation != b.affiliation)
    if a.speaker is None and b.speaker is None:
        return a.attributed_to is None and b.attributed_to is None and a.speaker_span != b.speaker_span
    return True


def find_disputes(claims: Sequence[Claim], actors: Sequence[Actor] = ()) -> list[Contradiction]:
    """Contradictions and agreements among one document's claims (few: every pair is compared).
    A state and its government, ministries, forces and officials (`actors` of the document) are
    one side: what they say is not disputed among themselves."""
    speech = [c for c in claims if c.kind != "cause" and c.id is not None]
    topics = [topic(c.text) for c in speech]
    sides = {a.id: side for a in actors if (side := _state_side(a)) is not None}
    found: list[Contradiction] = []
    for i, a in enumerate(speech):
        for j in range(i + 1, len(speech)):
            b = speech[j]
            verdict = judge(a, topics[i], b, topics[j], sides)
            if verdict is not None:
                found.append(dispute(verdict, [a, b]))
    return found


def _state_side(actor: Actor) -> str | None:
    """The state an actor speaks for: the state itself, or an actor whose knowledge-base code is
    its state's government or military ('RUSGOV', 'RUSMIL'); None for anyone else."""
    if actor.country is None or actor.code is None or not actor.code.startswith(actor.country):
        return None
    role = actor.code[len(actor.country) :]
    return f"state:{actor.country}" if role in STATE_ROLES else None


def dispute(
    verdict: Verdict, sides: Sequence[Claim], documents: Sequence[str] | None = None
) -> Contradiction:
    return Contradiction(
        kind=verdict.kind,
        claims=[c.id or "" for c in sides],
        documents=list(documents) if documents else None,
        speakers=[c.speaker for c in sides],
        evidence=[Mention(start=c.start, end=c.end, text=c.text) for c in sides],
        reason=verdict.reason,
        score=verdict.score,
    )
