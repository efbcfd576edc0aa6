"""Task `causal-news-corpus-v2`: causal sentences (subtask 1) against the Causal News Corpus v2.

A sentence is causal when `marsad_claims` finds a cause claim in it, which the causal-sentence
classifier decides (marsad/nlp/causal_model.py). Only dev has public labels besides train, and train
is what the classifier and the marker list were made from (scripts/train_causal.py reports its
cross-validated figures), so dev is where we report.
With `metrics`, the cause and effect spans of subtask 2 (dev_subtask2.csv) are scored token-overlap
style: a predicted cause (effect) counts when it overlaps a gold ARG0 (ARG1) of the sentence.
"""

from __future__ import annotations

import csv
import hashlib
import re
import time
from pathlib import Path

from spacy.language import Language

from marsad.eval.gold import find_data_dir
from marsad.eval.score import Prf, Scores
from marsad.eval.task import EvalOptions, Report, Task
from marsad.nlp import build_nlp

DATASET = "causal-news-corpus-v2"
_ARG = re.compile(r"<(ARG0|ARG1|SIG\d)>(.*?)</\1>")


def read_subtask1(path: Path) -> list[tuple[str, bool]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [(row["text"], row["label"] == "1") for row in csv.DictReader(f)]


def _untag(text: str) -> str:
    return re.sub(r"</?(?:ARG0|ARG1|SIG\d)>", "", text)


def gold_pairs(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Sentence text → its (cause, effect) pairs from subtask 2's inline tags."""
    pairs: dict[str, list[tuple[str, str]]] = {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            tagged = row["text_w_pairs"]
            plain = _untag(tagged)
            cause = re.search(r"<ARG0>(.*?)</ARG0>", tagged)
            effect = re.search(r"<ARG1>(.*?)</ARG1>", tagged)
            if cause and effect:
                pairs.setdefault(plain, []).append((_untag(cause.group(1)), _untag(effect.group(1))))
    return pairs


def _overlaps(a: str, b: str) -> bool:
    words_a, words_b = set(a.lower().split()), set(b.lower().split())
    return bool(words_a & words_b) and len(words_a & words_b) >= min(2, len(words_a), len(words_b))


def run(options: EvalOptions) -> Report:
    folder = find_data_dir(options.data) / DATASET
    path = folder / f"{options.split}_subtask1.csv"
    rows = read_subtask1(path)[: options.limit]
    nlp: Language = options.nlp or build_nlp()
    started = time.perf_counter()
    found = []
    for doc in nlp.pipe((text for text, _ in rows), batch_size=16):
        found.append([c for c in doc._.marsad_claims or [] if c.kind == "cause"])
    seconds = time.perf_counter() - started
    predicted = [bool(causes) for causes in found]
    gold = [label for _, label in rows]
    prf = Prf(
        gold=sum(gold),
        predicted=sum(predicted),
        correct=sum(g and p for g, p in zip(gold, predicted, strict=True)),
    )
    metrics = {"accuracy": sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(len(rows), 1)}
    spans_path = folder / f"{options.split}_subtask2.csv"
    if spans_path.exists():
        pairs = gold_pairs(spans_path)
        counts = {"cause": [0, 0, 0], "effect": [0, 0, 0]}  # gold, predicted, correct
        for (text, _), causes in zip(rows, found, strict=True):
            golds = pairs.get(text, [])
            for role, index in (("cause", 0), ("effect", 1)):
                counts[role][0] += len(golds)
                counts[role][1] += len(causes)
                spans = [getattr(c, role).text for c in causes if getattr(c, role) is not None]
                counts[role][2] += sum(any(_overlaps(s, g[index]) for s in spans) for g in golds)
        for role, (g, p, c) in counts.items():
            metrics[f"{role}_span_f1"] = Prf(gold=g, predicted=p, correct=c).f1
    return Report(
        task=DATASET,
        split=options.split,
        gold=path,
        gold_sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        examples=len(rows),
        words=sum(len(text.split()) for text, _ in rows),
        seconds=seconds,
        scores=Scores(labels={"causal": prf}, micro=prf),
        metrics=metrics,
    )


TASK = Task(
    name=DATASET,
    summary="Causal sentences (subtask 1 F1) and cause/effect spans (overlap) against Causal News Corpus v2",
    splits=("dev", "train"),
    run=run,
)
