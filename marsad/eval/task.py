"""What every evaluation task takes and returns, so `marsad eval` runs and prints any of them alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from marsad.eval.score import Prf, Scores


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalOptions:
    data: Path | None = None  # benchmarks folder; found by gold.find_data_dir when None
    split: str
    limit: int | None = None  # first N examples only, for quick runs
    nlp: Language | None = None  # an already built pipeline (tests share one); build_nlp() when None


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    task: str
    split: str
    gold: Path
    gold_sha256: str  # which gold file the scores belong to; a changed file means incomparable scores
    examples: int
    words: int
    seconds: float  # prediction time, model loading excluded
    scores: Scores
    # Task-specific figures beyond P/R/F1 (geoparsing: share within 161 km, mean error in km ...).
    metrics: dict[str, float] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "split": self.split,
            "gold": str(self.gold),
            "gold_sha256": self.gold_sha256,
            "examples": self.examples,
            "words": self.words,
            "seconds": round(self.seconds, 3),
            "labels": {label: _prf_json(prf) for label, prf in self.scores.labels.items()},
            "micro": _prf_json(self.scores.micro),
            "macro_f1": round(self.scores.macro_f1, 4),
            "metrics": {name: round(value, 4) for name, value in self.metrics.items()},
        }


def _prf_json(prf: Prf) -> dict[str, float | int]:
    return {
        "precision": round(prf.precision, 4),
        "recall": round(prf.recall, 4),
        "f1": round(prf.f1, 4),
        "gold": prf.gold,
        "predicted": prf.predicted,
        "correct": prf.correct,
    }


@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    """One entry of the registry in marsad/eval/__init__.py."""

    name: str
    summary: str
    splits: tuple[str, ...]  # the first is the default
    run: Callable[[EvalOptions], Report]
