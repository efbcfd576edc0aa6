"""Tasks `fnc-1` and `emergent-test`: stance toward a claim, read off Marsad's own claim stances.

There is no stance model here: a simple rule maps what `marsad_claims` and `marsad.nlp.disputes`
already produce to each dataset's labels.

FNC-1 (headline, article body → unrelated / discuss / agree / disagree). Each body is parsed once.
1. The pair is *unrelated* when the headline's topic terms (`disputes.topic`) share fewer than
   `MIN_SHARED` terms, or less than `RELATED_SHARE` of the headline's terms, with the body's.
2. Otherwise the body's speech claims about the headline's matter (the same overlap test as
   `disputes.judge`: `MIN_SHARED` terms and `MIN_OVERLAP` of the smaller claim) decide: any that
   denies → *disagree*; else any that doubts → *discuss*; else any that asserts → *agree*; no such
   claim → *discuss*.

Emergent (claim, article headline → for / against / observing): the article headline alone.
1. *against* when it denies: a claim in it that denies, a denial cue verb ("denies", "debunks") or
   a negation word or phrase from the cue lexicon ("not", "fake news").
2. *observing* when it reports or hedges: any speech claim, a cue verb ("says", "claims"), a hedge
   ("reportedly"), a source phrase ("according to") or a closing question mark.
3. *for* otherwise: the headline states the claim in its own voice.

Scores are per-label P/R/F1 over one label per pair (micro F1 is accuracy). FNC-1's official
weighted score is in `metrics`: +0.25 when related/unrelated is right, +0.75 more when a related
pair gets its exact label; `fnc_score` is that sum over the best possible sum.
"""

from __future__ import annotations

import csv
import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from marsad.eval.gold import find_data_dir, gold_file
from marsad.eval.score import Scores, score
from marsad.eval.task import EvalOptions, Report, Task
from marsad.model import Claim
from marsad.nlp import build_nlp
from marsad.nlp.cues import load_cues
from marsad.nlp.disputes import MIN_OVERLAP, MIN_SHARED, Topic, topic

FNC = "fnc-1"
FNC_STANCES = "competition_test_stances.csv"
FNC_BODIES = "competition_test_bodies.csv"
EMERGENT = "emergent-test"
EMERGENT_FILES = (
    "url-versions-2015-06-14-clean-test-correct.csv",
    "url-versions-2015-06-14-clean-test-errors.csv",
)
UNRELATED = "unrelated"
# Related when the body holds at least this share of the headline's topic terms. Set a priori (a
# third: the named actor and the matter, not only one of them), not tuned: there is no FNC-1 dev
# split in the benchmarks folder, only the competition test set.
RELATED_SHARE = 1 / 3
# FNC-1 official weights: related/unrelated right, then the exact related label right.
FNC_RELATED_WEIGHT = 0.25
FNC_LABEL_WEIGHT = 0.75
# Bodies are long (≈370 words): a small batch keeps memory flat.
BODY_BATCH = 16
HEADLINE_BATCH = 64


@dataclass(frozen=True, slots=True, kw_only=True)
class Pair:
    """One gold item: a claim (FNC-1 headline, Emergent claim) and the text taking a stance on it."""

    claim: str
    target: str  # what takes the stance: the FNC-1 body id, the Emergent article headline
    label: str


# --- FNC-1 -------------------------------------------------------------------------------------


def read_fnc(folder: Path) -> tuple[list[Pair], dict[str, str]]:
    """The competition test pairs and the bodies by id."""
    with (folder / FNC_STANCES).open(encoding="utf-8", newline="") as handle:
        pairs = [
            Pair(claim=row["Headline"], target=row["Body ID"], label=row["Stance"].lower())
            for row in csv.DictReader(handle)
        ]
    with (folder / FNC_BODIES).open(encoding="utf-8", newline="") as handle:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(handle)}
    return pairs, bodies


def _overlap(a: Topic, b: Topic, *, of: int) -> tuple[int, float]:
    shared = len(a.terms & b.terms)
    return shared, shared / (of or 1)


def is_related(headline: Topic, body: Topic) -> bool:
    shared, share = _overlap(headline, body, of=len(headline.terms))
    return shared >= MIN_SHARED and share >= RELATED_SHARE


def fnc_label(headline: Topic, body: Topic, claims: Iterable[tuple[Claim, Topic]]) -> str:
    """FNC-1 label of one pair from the headline's topic and the body's claims (module docstring)."""
    if not is_related(headline, body):
        return UNRELATED
    stances = set()
    for claim, claim_topic in claims:
        smaller = min(len(headline.terms), len(claim_topic.terms))
        shared, share = _overlap(headline, claim_topic, of=smaller)
        if shared >= MIN_SHARED and share >= MIN_OVERLAP:
            stances.add(claim.stance or "asserts")
    if "denies" in stances:
        return "disagree"
    if "doubts" in stances:
        return "discuss"
    return "agree" if "asserts" in stances else "discuss"


def fnc_points(gold: str, predicted: str) -> float:
    """FNC-1's official score of one pair (scorer.py of the competition)."""
    points = 0.0
    if (gold == UNRELATED) == (predicted == UNRELATED):
        points += FNC_RELATED_WEIGHT
        if gold != UNRELATED and gold == predicted:
            points += FNC_LABEL_WEIGHT
    return points


def _speech(doc: Doc) -> list[tuple[Claim, Topic]]:
    return [(c, topic(c.text)) for c in doc._.marsad_claims or [] if c.kind != "cause"]


def run_fnc(options: EvalOptions) -> Report:
    data = find_data_dir(options.data)
    stances, bodies_file = gold_file(data, FNC, FNC_STANCES), gold_file(data, FNC, FNC_BODIES)
    pairs, bodies = read_fnc(data / FNC)
    pairs = pairs[: options.limit]
    nlp: Language = options.nlp or build_nlp()
    body_ids = list(dict.fromkeys(p.target for p in pairs))
    started = time.perf_counter()
    parsed = {  # each body once, however many headlines it is paired with
        body_id: (topic(doc.text), _speech(doc))
        for body_id, doc in zip(
            body_ids, nlp.pipe((bodies[i] for i in body_ids), batch_size=BODY_BATCH), strict=True
        )
    }
    headlines = {h: topic(h) for h in dict.fromkeys(p.claim for p in pairs)}
    predicted = [fnc_label(headlines[p.claim], *parsed[p.target]) for p in pairs]
    seconds = time.perf_counter() - started
    points = sum(fnc_points(p.label, label) for p, label in zip(pairs, predicted, strict=True))
    best = sum(fnc_points(p.label, p.label) for p in pairs)
    related_right = sum(
        (p.label == UNRELATED) == (label == UNRELATED) for p, label in zip(pairs, predicted, strict=True)
    )
    scores = _scores(pairs, predicted)
    return Report(
        task=FNC,
        split=options.split,
        gold=stances.parent,
        gold_sha256=_digest([stances, bodies_file]),
        examples=len(pairs),
        words=sum(len(bodies[i].split()) for i in body_ids) + sum(len(h.split()) for h in headlines),
        seconds=seconds,
        scores=scores,
        metrics={
            "accuracy": scores.micro.f1,
            "fnc_score": points / best if best else 0.0,
            "fnc_points": points,
            "fnc_max_points": best,
            "related_accuracy": related_right / len(pairs) if pairs else 0.0,
        },
    )


# --- Emergent ----------------------------------------------------------------------------------


def read_emergent(folder: Path) -> list[Pair]:
    """The test split: the union of the "correct" and "errors" files, gold column `y` only."""
    pairs = []
    for name in EMERGENT_FILES:
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                pairs.append(Pair(claim=row["claimHeadline"], target=row["articleHeadline"], label=row["y"]))
    return pairs


def headline_stance(doc: Doc) -> str:
    """Emergent label of one article headline from its own cue and stance (module docstring)."""
    lexicon = load_cues()
    claims = [c for c in doc._.marsad_claims or [] if c.kind != "cause"]
    text = doc.text.lower()
    cues = {lexicon.stance.get(t.lemma_.lower()) for t in doc if t.pos_ == "VERB"}
    if (
        any(c.stance == "denies" for c in claims)
        or "denies" in cues
        or any(t.lower_ in lexicon.negation_words for t in doc)
        or any(phrase in text for phrase in lexicon.negation_phrases)
    ):
        return "against"
    if (
        claims
        or cues & {"asserts", "doubts"}
        or any(t.lower_ in lexicon.hedges for t in doc)
        or any(phrase in text for phrase in lexicon.source_phrases)
        or text.rstrip().endswith("?")
    ):
        return "observing"
    return "for"


def run_emergent(options: EvalOptions) -> Report:
    data = find_data_dir(options.data)
    files = [gold_file(data, EMERGENT, name) for name in EMERGENT_FILES]
    pairs = read_emergent(data / EMERGENT)[: options.limit]
    nlp: Language = options.nlp or build_nlp()
    started = time.perf_counter()
    predicted = [
        headline_stance(doc) for doc in nlp.pipe((p.target for p in pairs), batch_size=HEADLINE_BATCH)
    ]
    seconds = time.perf_counter() - started
    scores = _scores(pairs, predicted)
    return Report(
        task=EMERGENT,
        split=options.split,
        gold=files[0].parent,
        gold_sha256=_digest(files),
        examples=len(pairs),
        words=sum(len(p.target.split()) for p in pairs),
        seconds=seconds,
        scores=scores,
        metrics={"accuracy": scores.micro.f1},
    )


# --- shared ------------------------------------------------------------------------------------


def _scores(pairs: list[Pair], predicted: list[str]) -> Scores:
    """One label per pair, keyed by its position: micro F1 is accuracy."""
    return score(
        ((p.label, i) for i, p in enumerate(pairs)),
        ((label, i) for i, label in enumerate(predicted)),
    )


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


FNC_TASK = Task(
    name=FNC,
    summary="Stance of article bodies toward headlines (FNC-1 competition test): rule over claim stances",
    splits=("test",),
    run=run_fnc,
)
EMERGENT_TASK = Task(
    name=EMERGENT,
    summary="Stance of article headlines toward claims (Emergent test): rule over the headline's cue",
    splits=("test",),
    run=run_emergent,
)
