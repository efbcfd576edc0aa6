"""The cue lexicon of claims (marsad/resources/claims/cues.toml) and the stance a claim takes.

A claim's stance toward its matter comes from its cue ("denied" → denies, "questioned" → doubts),
a negated cue ("did not confirm" → doubts), hedges around it ("allegedly" → doubts), and negation
inside what was said ("there is absolutely no agreement" → denies).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Literal

from spacy.tokens import Token

Stance = Literal["asserts", "denies", "doubts"]
# Dependents of a content clause's head that carry its polarity: "it was NOT a meeting", "NO agreement".
_POLARITY_DEPS = frozenset({"attr", "dobj", "nsubj", "nsubjpass", "pobj", "acomp", "oprd"})


@dataclass(frozen=True, slots=True)
class CueLexicon:
    stance: dict[str, Stance]  # cue lemma → stance it gives
    noun_stance: dict[str, Stance]  # cue noun lemma ("claim", "denial") → stance it gives
    quote_only: frozenset[str]  # lemmas that are cues only for the quotation they govern or introduce
    needs_complement: frozenset[str]  # lemmas that need a "that" clause for reported speech
    takes_object: frozenset[str]  # lemmas whose direct object is what was said ("denied the report")
    takes_infinitive: frozenset[str]  # lemmas whose "to" infinitive is the content ("vowed to stay")
    attitudes: frozenset[str]  # cue lemmas that are no verbs of saying ("wants", "endorsed")
    negation_words: frozenset[str]
    negation_phrases: tuple[str, ...]
    hedges: frozenset[str]
    source_phrases: tuple[str, ...]
    prep_cues: dict[str, frozenset[str]]  # cue lemma → prepositions whose object is the content
    non_speaker_labels: frozenset[str]  # line labels before a colon that name no speaker


@cache
def load_cues() -> CueLexicon:
    data = tomllib.loads(files("marsad").joinpath("resources/claims/cues.toml").read_text("utf-8"))
    return CueLexicon(
        stance=_stances(data["stance"]),
        noun_stance=_stances(data["nouns"]),
        quote_only=frozenset(data["quotes"]["lemmas"]),
        needs_complement=frozenset(data["reported"]["needs_complement"]),
        takes_object=frozenset(data["reported"]["takes_object"]),
        takes_infinitive=frozenset(data["reported"]["takes_infinitive"]),
        attitudes=frozenset(data["attitudes"]["lemmas"]),
        negation_words=frozenset(data["negation"]["words"]),
        negation_phrases=tuple(data["negation"]["phrases"]),
        hedges=frozenset(data["hedges"]["words"]),
        source_phrases=tuple(data["sources"]["phrases"]),
        prep_cues=_prep_cues(data["reported"]["prepositions"]),
        non_speaker_labels=frozenset(label.upper() for label in data["labels"]["not_speakers"]),
    )


def _stances(table: dict[str, list[str]]) -> dict[str, Stance]:
    stances: dict[str, Stance] = {}
    for name in ("asserts", "denies", "doubts"):
        for lemma in table[name]:
            stances[lemma] = name
    return stances


def _prep_cues(phrases: list[str]) -> dict[str, frozenset[str]]:
    preps: dict[str, set[str]] = {}
    for phrase in phrases:
        lemma, prep = phrase.split()
        preps.setdefault(lemma, set()).add(prep)
    return {lemma: frozenset(found) for lemma, found in preps.items()}


def is_negated(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children)


def content_negated(heads: Iterable[Token], text: str, lexicon: CueLexicon) -> bool:
    """Whether what was said denies its matter: a negated main verb or "no" on its subject/object."""
    lowered = text.lower()
    if any(phrase in lowered for phrase in lexicon.negation_phrases):
        return True
    for head in heads:
        if is_negated(head):
            return True
        for child in head.children:
            if child.dep_ in _POLARITY_DEPS and any(
                grand.lower_ in lexicon.negation_words and grand.dep_ in ("det", "nummod", "neg", "advmod")
                for grand in child.children
            ):
                return True
            if child.dep_ in _POLARITY_DEPS and child.lower_ in ("nothing", "none", "nobody"):
                return True
    return False


def stance_of(cue: Token | None, content_heads: list[Token], content_text: str, hedged: bool) -> Stance:
    """The claim's stance from its cue, the cue's negation, hedges and the content's own negation."""
    lexicon = load_cues()
    stances = lexicon.noun_stance if cue is not None and cue.pos_ == "NOUN" else lexicon.stance
    base: Stance = stances.get(cue.lemma_.lower(), "asserts") if cue is not None else "asserts"
    if cue is not None and is_negated(cue):
        return "doubts" if base == "asserts" else "asserts"
    if base == "doubts" or hedged:
        return "doubts"
    negated = content_negated(content_heads, content_text, lexicon)
    if base == "denies":
        return "asserts" if negated else "denies"
    return "denies" if negated else "asserts"
