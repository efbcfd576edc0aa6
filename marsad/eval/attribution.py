"""Task `polnear`: attribution — source, cue and content spans of claims — against PolNeAR.

Each article's raw text goes through the production pipeline (no cleaning, so offsets stay the
gold's); every speech claim gives a source span (`speaker_span`), a cue span and a content span.
A predicted span is correct when it overlaps a gold span of the same role not matched yet (one to
one, in text order) — PolNeAR's own "overlap" agreement; exact-span F1 is reported in `metrics`.
PolNeAR marks the relative pronoun as the source of "the minister, who said ..."; Marsad names the
minister. Both denote the same speaker, so for overlap a gold relative-pronoun source also covers
its antecedent in the parse (`source_strict_f1` in `metrics` scores without that).
One annotator's file is read per article (the first by name), as the corpus README advises.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from marsad.eval.gold import find_data_dir
from marsad.eval.score import Prf, Scores
from marsad.eval.task import EvalOptions, Report, Task
from marsad.model import Claim
from marsad.nlp import build_nlp

DATASET = "polnear"
ROLES = ("source", "cue", "content")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
Spans = dict[str, list[tuple[int, int]]]


def read_ann(path: Path) -> Spans:
    """Source, Cue and Content spans of one BRAT .ann file (a discontinuous span counts whole)."""
    spans: Spans = {role: [] for role in ROLES}
    for line in path.read_text("utf-8").splitlines():
        if not line.startswith("T"):
            continue
        _, middle, *_ = line.split("\t")
        label, _, ranges = middle.partition(" ")
        role = label.lower()
        if role not in spans:
            continue
        points = [int(p) for chunk in ranges.split(";") for p in chunk.split()]
        spans[role].append((min(points), max(points)))
    return spans


def predicted_spans(claims: list[Claim]) -> Spans:
    spans: Spans = {role: [] for role in ROLES}
    for claim in claims:
        if claim.kind == "cause":
            continue
        spans["content"].append((claim.start, claim.end))
        if claim.cue_span is not None:
            spans["cue"].append((claim.cue_span.start, claim.cue_span.end))
        if claim.speaker_span is not None:
            spans["source"].append((claim.speaker_span.start, claim.speaker_span.end))
    return {role: sorted(set(found)) for role, found in spans.items()}


def with_antecedents(doc: Doc, sources: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sources with each relative pronoun's span stretched back over the noun phrase it refers to."""
    stretched = []
    for start, end in sources:
        span = doc.char_span(start, end)
        if span is not None and len(span) == 1 and span[0].lower_ in RELATIVE_PRONOUNS:
            clause = span[0].head
            if clause.dep_ == "relcl" and clause.head.i < span[0].i:
                start = clause.head.left_edge.idx
        stretched.append((start, end))
    return stretched


def overlap_counts(gold: list[tuple[int, int]], predicted: list[tuple[int, int]], *, exact: bool) -> Prf:
    unmatched = sorted(set(gold))
    correct = 0
    for start, end in predicted:
        for i, (g_start, g_end) in enumerate(unmatched):
            if (start, end) == (g_start, g_end) if exact else start < g_end and g_start < end:
                correct += 1
                del unmatched[i]
                break
    return Prf(gold=len(set(gold)), predicted=len(predicted), correct=correct)


def _add(a: Prf, b: Prf) -> Prf:
    return Prf(gold=a.gold + b.gold, predicted=a.predicted + b.predicted, correct=a.correct + b.correct)


def articles(folder: Path) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs: the first annotator's file of every article."""
    pairs = []
    for text in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(f"{text.stem}_*.ann"))
        if anns:
            pairs.append((text, anns[0]))
    return pairs


def run(options: EvalOptions) -> Report:
    folder = find_data_dir(options.data) / DATASET / options.split
    pairs = articles(folder)[: options.limit]
    nlp: Language = options.nlp or build_nlp()
    texts = [text.read_text("utf-8") for text, _ in pairs]
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=4))
    seconds = time.perf_counter() - started
    zero = Prf(gold=0, predicted=0, correct=0)
    overlap = dict.fromkeys(ROLES, zero)
    exact = dict.fromkeys(ROLES, zero)
    strict = zero
    digest = hashlib.sha256()
    for (_, ann), doc in zip(pairs, docs, strict=True):
        digest.update(ann.read_bytes())
        gold = read_ann(ann)
        predicted = predicted_spans(doc._.marsad_claims or [])
        strict = _add(strict, overlap_counts(gold["source"], predicted["source"], exact=False))
        gold_overlap = {**gold, "source": with_antecedents(doc, gold["source"])}
        for role in ROLES:
            overlap[role] = _add(
                overlap[role], overlap_counts(gold_overlap[role], predicted[role], exact=False)
            )
            exact[role] = _add(exact[role], overlap_counts(gold[role], predicted[role], exact=True))
    micro = zero
    for prf in overlap.values():
        micro = _add(micro, prf)
    return Report(
        task=DATASET,
        split=options.split,
        gold=folder,
        gold_sha256=digest.hexdigest(),
        examples=len(pairs),
        words=sum(len(t.split()) for t in texts),
        seconds=seconds,
        scores=Scores(labels=overlap, micro=micro),
        metrics={"source_strict_f1": strict.f1} | {f"{role}_exact_f1": prf.f1 for role, prf in exact.items()},
    )


TASK = Task(
    name=DATASET,
    summary="Attribution: source, cue and content spans of claims against PolNeAR (overlap match)",
    splits=("dev", "test"),
    run=run,
)
