"""The ranker's features and weights: the bundled weights file, and the fitting script on toy data."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from marsad.errors import GazetteerError
from marsad.resolve.gazetteer import Candidate, GazPlace
from marsad.resolve.ranking import (
    FEATURES,
    PRIOR_FEATURES,
    Weights,
    default_weights,
    format_weights,
    parse_weights,
    prior_features,
)

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fit_ranker.py"


def _fit_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fit_ranker", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fit_ranker"] = module
    spec.loader.exec_module(module)
    return module


def test_bundled_weights_cover_every_feature_and_say_how_they_were_fitted() -> None:
    weights = default_weights()
    assert len(weights.prior) == len(PRIOR_FEATURES) and len(weights.full) == len(FEATURES)
    header = (Path(__file__).resolve().parents[2] / "marsad/resources/places/ranker.tsv").read_text("utf-8")
    assert "tr-news" in header and "geovirus" in header and "held out" in header


def test_weights_round_trip_and_a_missing_feature_is_an_error() -> None:
    weights = Weights(prior=tuple(range(len(PRIOR_FEATURES))), full=tuple(range(len(FEATURES))))
    text = format_weights(weights, ["toy"])
    assert parse_weights(text) == Weights(
        prior=tuple(float(w) for w in weights.prior), full=tuple(float(w) for w in weights.full)
    )
    with pytest.raises(GazetteerError, match="fit_ranker"):
        parse_weights(text.replace("prior\tcapital", "prior\tcapitol"))


def test_prior_features_see_population_kind_and_exonyms() -> None:
    geneva = GazPlace(
        ref="geonames:1", name="Genève", lat=46.2, lon=6.1, country="CH", feature="city", population=200_000
    )
    town = GazPlace(
        ref="geonames:2", name="Geneva", lat=42.9, lon=-77.0, country="US", feature="city", population=13_000
    )
    options = [Candidate(geneva, "Geneva"), Candidate(town, "Geneva")]
    big, small = (
        dict(zip(PRIOR_FEATURES, prior_features(c, "Geneva", options, frozenset()), strict=True))
        for c in options
    )
    assert big["most populous"] == 1.0 and small["most populous"] == 0.0
    assert big["own name"] == 0.0 and small["own name"] == 1.0
    assert 0.8 < big["own-name similarity"] < 1.0 and big["population"] > small["population"]


def test_fit_learns_the_feature_that_marks_the_right_candidate() -> None:
    fit_ranker = _fit_script()
    rng = np.random.default_rng(0)
    rows = rng.normal(size=(300, 3))
    right = np.zeros(300)
    right[::3] = 1.0
    rows[::3, 0] += 2.0  # the right candidate of each block of three stands out on feature 0
    data = fit_ranker.Instances(rows=rows, right=right, starts=np.arange(0, 300, 3))
    weights = fit_ranker.fit(data, 1e-3, np.zeros(3))
    assert weights[0] > 1.0 and abs(weights[1]) < 0.5 and abs(weights[2]) < 0.5
