"""Fit the toponym ranker's weights on TR-News and GeoVirus gold toponyms; write ranker.tsv.

    .venv/bin/python scripts/fit_ranker.py [--data ../shared/benchmarks]

The ranker (marsad/resolve/ranking.py) scores a candidate as a weighted sum of its features. Here the
weights are fitted as a conditional logit: for each gold toponym, the probability the softmax of the
scores gives to its right candidates (the one with the gold GeoNames id where the gold has one, else
those within 161 km of the gold point) is maximised, with an L2 penalty chosen by cross-corpus
validation (fit on one corpus, score on the other). First the prior weights on the prior features
alone, then the full weights on the features of the last context pass, three rounds (the context
depends on the choices the weights make). GeoWebNews and LGL are never read: they stay held out.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path

import numpy as np

from marsad.eval.geoparse import WITHIN_KM, GoldArticle, read_geovirus, read_lgl
from marsad.eval.gold import find_data_dir, gold_file
from marsad.nlp.places import span_toponyms
from marsad.resolve.gazetteer import Candidate, Gazetteer, default_gazetteer
from marsad.resolve.geocode import Ranker, Toponym
from marsad.resolve.ranking import FEATURES, PRIOR_FEATURES, Weights, distance_km, format_weights

OUTPUT = Path(str(files("marsad").joinpath("resources", "places", "ranker.tsv")))
PENALTIES = (1e-4, 1e-3, 1e-2, 1e-1)
ROUNDS = 3
STEPS, RATE = 1500, 0.05


@dataclass(slots=True)
class Corpus:
    name: str
    sha256: str
    articles: list[tuple[GoldArticle, list[Toponym], dict[str, list[Candidate]]]]


@dataclass(slots=True)
class Instances:
    """Stacked candidate rows: `starts` opens each toponym's block, `right` marks right candidates."""

    rows: np.ndarray
    right: np.ndarray
    starts: np.ndarray


def load(data: Path, gazetteer: Gazetteer) -> list[Corpus]:
    corpora = []
    for name, file, reader in (
        ("tr-news", "TR-News.xml", read_lgl),
        ("geovirus", "GeoVirus.xml", read_geovirus),
    ):
        path = gold_file(data, name, file)
        articles = []
        for article in reader(path):
            spans = [(t.start, t.end) for t in article.toponyms]
            articles.append((article, *span_toponyms(article.text, spans, gazetteer)))
        corpora.append(Corpus(name, hashlib.sha256(path.read_bytes()).hexdigest()[:12], articles))
    return corpora


def instances(corpora: Sequence[Corpus], ranker: Ranker, width: int) -> Instances:
    """One block per gold toponym with candidates both right and wrong, first `width` features."""
    rows: list[list[float]] = []
    right: list[bool] = []
    starts: list[int] = []
    for corpus in corpora:
        for article, toponyms, candidates in corpus.articles:
            table = ranker.feature_rows(toponyms, candidates)
            for gold, toponym in zip(article.toponyms, toponyms, strict=True):
                options, features = table.get((toponym.key, toponym.reading), ([], []))
                by_id = [c.place.geonames_id == gold.geonames_id for c in options] if gold.geonames_id else []
                marks = by_id if any(by_id) else [_near(c, gold.lat, gold.lon) for c in options]
                if any(marks) and not all(marks):
                    starts.append(len(rows))
                    rows.extend(row[:width] for row in features)
                    right.extend(marks)
    return Instances(np.array(rows), np.array(right, dtype=float), np.array(starts))


def _near(candidate: Candidate, lat: float, lon: float) -> bool:
    return distance_km(candidate.place.lat, candidate.place.lon, lat, lon) <= WITHIN_KM


def fit(data: Instances, penalty: float, start: np.ndarray) -> np.ndarray:
    """Minimise the mean negative log probability of the right candidates (Adam steps)."""
    weights, m, v = start.copy(), np.zeros_like(start), np.zeros_like(start)
    block = np.repeat(np.arange(len(data.starts)), np.diff(np.append(data.starts, len(data.rows))))
    for step in range(1, STEPS + 1):
        scores = data.rows @ weights
        scores -= np.maximum.reduceat(scores, data.starts)[block]
        odds = np.exp(scores)
        every, right = np.add.reduceat(odds, data.starts), np.add.reduceat(odds * data.right, data.starts)
        grad = data.rows.T @ (odds / every[block] - odds * data.right / right[block]) / len(data.starts)
        grad += 2 * penalty * weights
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        weights -= RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return weights


def fit_all(corpora: Sequence[Corpus], gazetteer: Gazetteer, penalty: float) -> Weights:
    """Prior weights, then ROUNDS rounds of full weights on the context their choices give."""
    n_prior, n_all = len(PRIOR_FEATURES), len(FEATURES)
    zero = Weights(prior=(0.0,) * n_prior, full=(0.0,) * n_all)
    prior = fit(instances(corpora, Ranker(gazetteer, zero), n_prior), penalty, np.zeros(n_prior))
    full = np.concatenate([prior, np.zeros(n_all - n_prior)])
    for _ in range(ROUNDS):
        current = Weights(prior=tuple(prior), full=tuple(full))
        full = fit(instances(corpora, Ranker(gazetteer, current), n_all), penalty, full)
    return Weights(prior=tuple(float(w) for w in prior), full=tuple(float(w) for w in full))


def accuracy(corpus: Corpus, gazetteer: Gazetteer, weights: Weights) -> float:
    """Share of the corpus's gold toponyms resolved within 161 km, as `marsad eval` counts it."""
    ranker, hits, total = Ranker(gazetteer, weights), 0, 0
    for article, toponyms, candidates in corpus.articles:
        for gold, found in zip(article.toponyms, ranker.resolve(toponyms, candidates), strict=True):
            total += 1
            hits += bool(found and distance_km(gold.lat, gold.lon, found.lat, found.lon) <= WITHIN_KM)
    return hits / (total or 1)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="benchmarks folder")
    args = parser.parse_args(argv)
    gazetteer = default_gazetteer()
    corpora = load(find_data_dir(args.data), gazetteer)
    crossed: dict[float, float] = {}
    for penalty in PENALTIES:
        scores = [
            accuracy(test, gazetteer, fit_all([train], gazetteer, penalty))
            for train, test in (corpora, corpora[::-1])
        ]
        crossed[penalty] = sum(scores) / 2
        print(
            f"penalty {penalty:g}: cross-corpus within 161 km {scores[0]:.3f} / {scores[1]:.3f}",
            file=sys.stderr,
        )
    penalty = max(crossed, key=crossed.__getitem__)
    weights = fit_all(corpora, gazetteer, penalty)
    fitted = ", ".join(f"{c.name} {accuracy(c, gazetteer, weights):.3f}" for c in corpora)
    header = [
        "Toponym ranker weights (marsad/resolve/ranking.py), written by scripts/fit_ranker.py.",
        f"Fitted {date.today().isoformat()} on the gold toponyms of "
        + " and ".join(f"{c.name} (gold sha256 {c.sha256})" for c in corpora)
        + "; GeoWebNews and LGL held out.",
        f"Conditional logit, L2 penalty {penalty:g} chosen by cross-corpus validation"
        f" (mean within 161 km {crossed[penalty]:.3f}); {ROUNDS} rounds for the context weights.",
        f"Within 161 km on the training corpora: {fitted}.",
    ]
    OUTPUT.write_text(format_weights(weights, header), encoding="utf-8")
    print(f"wrote {OUTPUT}: {fitted}", file=sys.stderr)


if __name__ == "__main__":
    main()
