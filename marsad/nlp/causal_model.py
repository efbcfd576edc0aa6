"""The causal-sentence classifier: two linear models over the parse, trained by scripts/train_causal.py.

Marker phrases miss a third of causal sentences ("two militants were killed in the fire fight") and
fire on many that are not ("protests continued over the weekend"), so a model trained on the Causal
News Corpus (CC0) decides. The *signal* model scores each linking word (preposition, verb, particle,
subordinator) as the phrase joining a cause to its effect; it learnt from subtask 2's signal spans.
The *sentence* model reads lemmas, marker matches and the marker rules' verdict, dependency links,
event classes (from the event lexicon) and the signal model's scores. Both are sparse feature →
weight tables in one gzipped JSON file whose SHA-256 is recorded in causal.toml and checked when it
is first loaded.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from itertools import repeat
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, IS_SPACE, LEMMA, LOWER, POS
from spacy.tokens import Doc, Span

from marsad.errors import MarsadError
from marsad.nlp.event_lexicon import load_lexicon as load_event_lexicon
from marsad.nlp.model_files import read_checked

CLAUSE_DEPS = frozenset(("advcl", "xcomp", "acl", "relcl", "ccomp"))
# Dependency labels whose (word, head) link the sentence model reads.
LINK_DEPS = CLAUSE_DEPS | {"prep", "agent", "mark", "dobj", "nsubj", "nsubjpass", "pobj", "pcomp", "conj"}
LINK_DEPS |= {"npadvmod", "advmod", "auxpass", "attr", "acomp"}
# Parts of speech a signal word can have; nouns and the rest only ever extend a signal ("in protest").
SIGNAL_POS = frozenset(("ADP", "VERB", "PART", "SCONJ"))
# The signal score of a sentence with no candidate word at all.
NO_SIGNAL = -10.0
# The record beside the model file: its name and SHA-256 (marsad/nlp/model_files.py).
RECORD = "causal.toml"


class CausalModelError(MarsadError):
    """The shipped causal model is missing or is not the file causal.toml records."""


@dataclass(frozen=True, slots=True)
class Tokens:
    """A Doc's tokens as plain lists, indexed like the Doc: reading them is much cheaper than going
    through spaCy Token objects, which matters at one classifier call per sentence."""

    idx: list[int]  # character offsets
    lower: list[str]
    lemma: list[str]  # lowercased
    pos: list[str]
    dep: list[str]
    head: list[int]
    word: list[bool]  # neither punctuation nor space
    event: list[str | None]  # event_class
    children: list[list[int]]

    def cls(self, i: int) -> str:
        return self.event[i] or self.pos[i]


@dataclass(frozen=True, slots=True)
class Parse:
    """One sentence: its Doc's token lists and its token range (spaCy's heads stay inside it)."""

    tokens: Tokens
    start: int
    end: int


_ATTRS = [LOWER, LEMMA, POS, DEP, HEAD, IS_PUNCT, IS_SPACE, IDX]


def parse(sentence: Span) -> Parse:
    return Parse(_doc_tokens(sentence.doc), sentence.start, sentence.end)


@lru_cache(maxsize=1)
def _doc_tokens(doc: Doc) -> Tokens:
    """The token lists of the Doc whose sentences are being read: sentences come one Doc at a time,
    so one entry, built once per Doc (after the parse, which no later component changes)."""
    array = doc.to_array(_ATTRS)
    lower, lemma, pos, dep, _, punct, space, idx = array.T.tolist()
    lemma = _strings(doc, lemma, lower=True)
    pos = _strings(doc, pos)
    head = (array[:, 4].astype(np.int64) + np.arange(len(doc))).tolist()  # HEAD: offset as uint64
    children: list[list[int]] = [[] for _ in head]
    for i, h in enumerate(head):
        if h != i:
            children[h].append(i)
    return Tokens(
        idx=idx,
        lower=_strings(doc, lower),
        lemma=lemma,
        pos=pos,
        dep=_strings(doc, dep),
        head=head,
        word=[not (p or s) for p, s in zip(punct, space, strict=True)],
        event=_event_classes(lemma, pos),
        children=children,
    )


def _event_classes(lemma: list[str], pos: list[str]) -> list[str | None]:
    pairs = list(zip(lemma, pos, strict=True))
    classes = {pair: event_class(*pair) for pair in set(pairs)}
    return [classes[pair] for pair in pairs]


def _strings(doc: Doc, keys: list[int], lower: bool = False) -> list[str]:
    store = doc.vocab.strings
    text = {key: store[key].lower() if lower else store[key] for key in set(keys)}
    return [text[key] for key in keys]


@dataclass(frozen=True, slots=True)
class Signal:
    """The signal model's reading of a sentence: candidate words (Doc indices), best first, and scores."""

    ranked: list[int]
    best: float  # highest logit, NO_SIGNAL without candidates
    mass: float  # sum of the candidates' probabilities


@dataclass(frozen=True, slots=True)
class CausalModel:
    sentence: dict[str, float]
    signal: dict[str, float]
    signal_best: float  # sentence-model weights of Signal.best and Signal.mass
    signal_mass: float
    threshold: float  # a sentence is causal when its logit is at least this

    def read_signal(self, sentence: Parse, markers: dict[int, str]) -> Signal:
        scored = [
            (score(self.signal, signal_features(sentence, i, markers)), i) for i in candidates(sentence)
        ]
        scored.sort(reverse=True)
        return Signal(
            ranked=[i for _, i in scored],
            best=scored[0][0] if scored else NO_SIGNAL,
            mass=sum(_sigmoid(z) for z, _ in scored),
        )

    def logit(self, features: Iterable[str], signal: Signal) -> float:
        return (
            score(self.sentence, features) + self.signal_best * signal.best + self.signal_mass * signal.mass
        )


def candidates(sentence: Parse) -> list[int]:
    """Doc indices of the words that may be signals (prepositions, verbs, particles, subordinators)."""
    pos = sentence.tokens.pos
    return [i for i in range(sentence.start, sentence.end) if pos[i] in SIGNAL_POS]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


def score(weights: dict[str, float], features: Iterable[str]) -> float:
    """Sum of the weights of the distinct features (the models were trained on binary features)."""
    return sum(map(weights.get, set(features), repeat(0.0)))


def event_class(lemma: str, pos: str) -> str | None:
    """'EV<TYPE>' for an event verb, 'EN<TYPE>' for an event noun (PLOVER type), else None."""
    lexicon = load_event_lexicon()
    if pos == "VERB" and lemma in lexicon.verbs:
        return "EV" + lexicon.verbs[lemma].type
    if pos in ("NOUN", "PROPN") and lemma in lexicon.nouns:
        return "EN" + lexicon.nouns[lemma].type
    return None


def sentence_features(sentence: Parse, markers: list[tuple[str, str]], rule: list[str]) -> list[str]:
    """Features of one sentence: `markers` are its (phrase, group) matches, `rule` the relations the
    marker rules found (weak markers counted only near an event word)."""
    features = ["bias", *(f"rg={r}" for r in rule)]
    if rule:
        features.append("rule")
    for phrase, group in markers:
        features += ["mr=" + phrase, "mg=" + group]
    tokens = sentence.tokens
    words = [i for i in range(sentence.start, sentence.end) if tokens.word[i]]
    events = verbs = 0
    for i in words:
        lemma, dep, event = tokens.lemma[i], tokens.dep[i], tokens.event[i]
        features.append("u=" + lemma)
        if event:
            events += 1
            features.append("ev=" + event)
        verbs += tokens.pos[i] == "VERB"
        if dep == "ROOT":
            passive = any(tokens.dep[c] == "auxpass" for c in tokens.children[i])
            features += ["root=" + lemma, f"rootpass={passive}"]
        elif dep in LINK_DEPS:
            features += _link_features(tokens, i)
    features += [f"len={min(len(words) // 10, 6)}", f"nverb={min(verbs, 5)}", f"nev={min(events, 4)}"]
    return features


def _link_features(tokens: Tokens, i: int) -> list[str]:
    lemma, dep = tokens.lemma[i], tokens.dep[i]
    h = tokens.head[i]
    head_lemma = tokens.lemma[h]
    own = tokens.cls(i)
    out = [
        f"d={dep}:{lemma}>{head_lemma}",
        f"dc={dep}:{own}>{tokens.cls(h)}",
    ]
    if dep == "pobj":
        g = tokens.head[h]
        out += [
            f"pp={head_lemma}>{tokens.lemma[g]}:{lemma}",
            f"pc={tokens.lower[h]}>{tokens.cls(g)}:{own}",
        ]
    elif dep in CLAUSE_DEPS:
        marks = "_".join(tokens.lower[c] for c in tokens.children[i] if tokens.dep[c] in ("mark", "aux"))
        out.append(f"cl={dep}:{marks}")
    return out


def signal_features(sentence: Parse, i: int, markers: dict[int, str]) -> list[str]:
    """Features of candidate signal word `i`; `markers` maps Doc token index → its marker's group."""
    tokens = sentence.tokens
    lemma, dep = tokens.lemma[i], tokens.dep[i]
    h = tokens.head[i]
    head_cls = tokens.cls(h)
    before = tokens.lower[i - 1] if i > sentence.start else "<s>"
    after = tokens.lower[i + 1] if i + 1 < sentence.end else "</s>"
    features = [
        "b",
        "l=" + lemma,
        f"ld={lemma}|{dep}",
        f"lh={lemma}>{tokens.lemma[h]}",
        f"ldh={lemma}|{dep}>{head_cls}",
        f"pw={lemma}|{before}",
        f"nw={lemma}|{after}",
    ]
    for c in tokens.children[i]:
        child = f"{tokens.dep[c]}:{tokens.cls(c)}"
        features += [f"lc={lemma}|{child}", f"dc={dep}|{child}"]
    group = markers.get(i)
    if group:
        features += ["mk=" + group, f"mkd={group}|{dep}"]
    return features


@cache
def load_model() -> CausalModel:
    """The shipped model, read once per process on first use."""
    return read_model(files("marsad").joinpath("resources", "claims"))


def read_model(folder: Traversable) -> CausalModel:
    """The model that `folder`'s causal.toml names; refuses a file whose SHA-256 is not the recorded one."""
    raw = read_checked(folder, RECORD, CausalModelError, "causal model", "scripts/train_causal.py")
    return from_json(json.loads(raw))


def from_json(data: dict[str, Any]) -> CausalModel:
    def table(key: str) -> dict[str, float]:
        return {str(k): float(v) for k, v in data[key].items()}

    dense = table("dense")
    return CausalModel(
        sentence=table("sentence"),
        signal=table("signal"),
        signal_best=dense["signal_best"],
        signal_mass=dense["signal_mass"],
        threshold=float(data["threshold"]),
    )
