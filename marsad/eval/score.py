"""Precision, recall and F1 over labelled items, per label and averaged, CoNLL style.

An item counts as correct only when gold has the identical item (exact span and label). Micro
averages pool the counts of all labels (conlleval's "overall"); macro averages the per-label F1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Prf:
    """Counts for one label, or pooled for all, and the scores they give."""

    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Scores:
    labels: dict[str, Prf]
    micro: Prf

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the labels, each counting the same however frequent it is."""
        return sum(p.f1 for p in self.labels.values()) / len(self.labels) if self.labels else 0.0


def score(gold: Iterable[tuple[str, Hashable]], predicted: Iterable[tuple[str, Hashable]]) -> Scores:
    """Score (label, key) pairs, where the key says where the item is (e.g. sentence and token span).

    Labels are those seen in gold or predictions; a label only predicted scores 0 and lowers macro F1.
    """
    gold_set, predicted_set = set(gold), set(predicted)
    gold_n = Counter(label for label, _ in gold_set)
    predicted_n = Counter(label for label, _ in predicted_set)
    correct_n = Counter(label for label, _ in gold_set & predicted_set)
    labels = {
        label: Prf(gold=gold_n[label], predicted=predicted_n[label], correct=correct_n[label])
        for label in sorted(gold_n.keys() | predicted_n.keys())
    }
    micro = Prf(gold=len(gold_set), predicted=len(predicted_set), correct=len(gold_set & predicted_set))
    return Scores(labels=labels, micro=micro)
