"""Cause and motive statements inside one sentence: a marker, its cause span and its effect span.

The markers and which side of them holds the cause are data (marsad/resources/claims/causal.toml,
documented in docs/claims.md). Spans are clauses cut at the marker: the effect of "X because Y"
runs from the start of X's clause to the marker, the cause from the marker to the end of Y's
clause. A marker at a sentence start ("Therefore, ...") takes the previous sentence as its cause.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from spacy.tokens import Span

GROUPS = ("effect_first", "purpose", "cause_first", "link_back", "sentence_back")
# What a weak marker ("following", "over", "killing") needs within its sentence to count as causal:
# protest, violence or decision words. Picked on the Causal News Corpus training split.
WEAK_CONTEXT = frozenset(
    [
        "protest",
        "protests",
        "protesters",
        "protested",
        "protesting",
        "strike",
        "strikes",
        "striking",
        "rally",
        "rallies",
        "demonstration",
        "demonstrations",
        "demonstrators",
        "march",
        "clashes",
        "clashed",
        "arrested",
        "arrest",
        "detained",
        "police",
        "fire",
        "fired",
        "attack",
        "attacked",
        "attacks",
        "killed",
        "dead",
        "died",
        "injured",
        "wounded",
        "violence",
        "riot",
        "riots",
        "tear",
        "gas",
        "bomb",
        "blast",
        "explosion",
        "shot",
        "shooting",
        "boycott",
        "sanctions",
        "withdrawal",
        "intervention",
        "crackdown",
        "charged",
        "accused",
        "anger",
        "angry",
        "outrage",
        "dispute",
    ]
)
# A clause boundary on the far side of the marker: a cause or effect span stops there.
_CLAUSE_END = re.compile(r"\s*(?:\n|;|:|\s[—–]\s|,\s+(?:and|but|while|whereas|which|where|who)\b)")
_CLAUSE_START = re.compile(r"(?:\n|;|:|\s[—–]\s|,\s+(?:but|while|whereas|where)\b)\s*")
_EDGE = " \n\t,.;:\"'“”«»()"
# Minimum words on each side for a span to be kept: "so" alone before a noun is no statement.
MIN_SPAN_WORDS = 2


@dataclass(frozen=True, slots=True)
class Marker:
    phrase: str
    group: str
    weak: bool


@dataclass(frozen=True, slots=True)
class Cause:
    """One causal statement: the marker and the cause and effect spans (character offsets)."""

    marker: tuple[int, int]
    cause: tuple[int, int]
    effect: tuple[int, int]
    relation: str  # "cause" or "purpose" (a motive: the effect is done in order to reach the cause)


@dataclass(frozen=True, slots=True)
class Lexicon:
    markers: dict[str, Marker]
    pattern: re.Pattern[str]
    sentence_start: re.Pattern[str]


@cache
def load_lexicon() -> Lexicon:
    data = tomllib.loads(files("marsad").joinpath("resources/claims/causal.toml").read_text("utf-8"))
    weak = set(data.get("weak", []))
    markers: dict[str, Marker] = {}
    for group in GROUPS[:-1]:
        for phrase in data[group]:
            markers.setdefault(phrase, Marker(phrase, group, phrase in weak))
    alternatives = sorted(markers, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in alternatives) + r")(?![\w-])", re.I
    )
    back = sorted(data["sentence_back"], key=len, reverse=True)
    sentence_start = re.compile(r"^\W*(?:" + "|".join(re.escape(p) for p in back) + r")\b\s*,?\s*", re.I)
    return Lexicon(markers=markers, pattern=pattern, sentence_start=sentence_start)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _words(text: str, span: tuple[int, int]) -> int:
    return len(text[span[0] : span[1]].split())


def _before(text: str, sent_start: int, at: int) -> tuple[int, int]:
    clause_start = 0
    for match in _CLAUSE_START.finditer(text, 0, at):
        clause_start = match.end()
    return _strip(text, clause_start, at)


def _after(text: str, at: int) -> tuple[int, int]:
    match = _CLAUSE_END.search(text, at)
    return _strip(text, at, match.start() if match else len(text))


def _weak_ok(sentence: str) -> bool:
    return any(word in WEAK_CONTEXT for word in re.findall(r"[a-z]+", sentence.lower()))


def find_causes(sentence: Span, previous: Span | None = None) -> list[Cause]:
    """Causal statements in `sentence`; `previous` is the sentence before, for "Therefore, ..."."""
    lexicon = load_lexicon()
    text = sentence.text  # the sentence's own tokens; offsets below are relative to it
    base = sentence.start_char
    found: list[Cause] = []
    opener = lexicon.sentence_start.match(text)
    if opener and previous is not None:
        effect = _strip(text, opener.end(), len(text))
        if _words(text, effect) >= MIN_SPAN_WORDS:
            found.append(
                Cause(
                    marker=(base + opener.start(), base + opener.end()),
                    cause=(previous.start_char, previous.end_char),
                    effect=(base + effect[0], base + effect[1]),
                    relation="cause",
                )
            )
    weak_ok: bool | None = None
    for match in lexicon.pattern.finditer(text):
        if opener and match.start() < opener.end():
            continue
        marker = lexicon.markers[match.group().lower()]
        if marker.weak:
            weak_ok = _weak_ok(text) if weak_ok is None else weak_ok
            if not weak_ok:
                continue
        before = _before(text, 0, match.start())
        after = _after(text, match.end())
        if marker.group in ("effect_first", "purpose"):
            cause, effect = after, before
        else:
            cause, effect = before, after
        if _words(text, cause) < 1 or _words(text, effect) < 1:
            continue
        found.append(
            Cause(
                marker=(base + match.start(), base + match.end()),
                cause=(base + cause[0], base + cause[1]),
                effect=(base + effect[0], base + effect[1]),
                relation="purpose" if marker.group == "purpose" else "cause",
            )
        )
    return found + _purpose_clauses(sentence, text, base, found)


def _purpose_clauses(sentence: Span, text: str, base: int, found: list[Cause]) -> list[Cause]:
    """Purpose infinitives the parser marks: "troops came to secure the coast" (to + adverbial clause)."""
    taken = {c.marker[0] for c in found}
    more = []
    for token in sentence:
        if token.lower_ != "to" or token.dep_ != "aux" or token.head.dep_ != "advcl" or token.idx in taken:
            continue
        if token.i > 0 and token.nbor(-1).lower_ in ("as", "enough", "able", "going", "want", "wants"):
            continue  # "so far as to", "able to": no purpose
        at = token.idx - base
        before, after = _before(text, 0, at), _after(text, at + 2)
        if _words(text, before) >= MIN_SPAN_WORDS and _words(text, after) >= 1:
            more.append(
                Cause(
                    marker=(token.idx, token.idx + 2),
                    cause=(base + after[0], base + after[1]),
                    effect=(base + before[0], base + before[1]),
                    relation="purpose",
                )
            )
    return more
