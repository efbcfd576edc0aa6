"""The features a candidate place is ranked on, and the fitted weights that score them.

A candidate's score is a weighted sum of its features; the highest scoring candidate of a toponym
wins. The weights are not set by hand: scripts/fit_ranker.py fits them as a conditional logit on the
gold toponyms of TR-News and GeoVirus only, so that GeoWebNews and LGL stay held out, and writes
them to marsad/resources/places/ranker.tsv with how they were fitted. Two weight vectors: `prior`
scores a candidate alone (the first pass), `full` adds what the rest of the document says.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from operator import mul

from rapidfuzz import fuzz

from marsad.errors import GazetteerError
from marsad.resolve.gazetteer import ADMIN_WORDS, Candidate, GazPlace
from marsad.resolve.names import ascii_lower

EARTH_RADIUS_KM = 6371.0
# log10(population) / POPULATION_SCALE is 1 for a place of 10 million.
POPULATION_SCALE = 7.0
# Distance scales of the proximity features: the same town's surroundings, and the same region.
NEAR_KM, REGION_KM = 50.0, 300.0
_DIVISIONS = frozenset({"admin1", "admin2"})
# Curated features that are sites or areas rather than settlements or divisions.
_CURATED_KINDS = frozenset({"military", "crossing", "site", "river", "desert", "region", "border"})
# Words that make a name a division ("Latakia governorate"). The ranker was fitted without "district",
# which names a city quarter as often as a division.
_ADMIN_WORDS = frozenset(ADMIN_WORDS) - {"district"}

PRIOR_FEATURES = (
    "name similarity",  # rapidfuzz ratio of the mention and the candidate's matched name, 0-1
    "own name",  # the mention is the candidate's own name, not an alternate one
    "own-name similarity",  # ratio of the mention and the candidate's own name: "Geneva", "Genève"
    "population",  # log10(population + 1) / 7
    "population unknown",  # curated sites and regions carry none
    "most populous",  # no other candidate of the name has more inhabitants
    "country",
    "first-level division",
    "second-level division",
    "curated site or area",  # an air base, crossing, river, desert, region or border of the supplement
    "continent or ocean",  # GeoNames continents and curated world regions
    "capital",  # a national capital
    "bare division name",  # a division matched without its kind: "Suffolk" for "Suffolk County"
    "division named like its city",  # "Latakia" the governorate, beside Latakia the city
    "kind word agrees",  # "X County" / "X Province" and the candidate is a division
)
CONTEXT_FEATURES = (
    "country share",  # share of the document's other place mentions in the candidate's country
    "division share",  # the same for its first-level division
    "country named",  # share of the document's place mentions that name the candidate's country
    "division named",  # the document names its first-level division ("Paris, Texas")
    "near another place",  # exp(-km / 50) to the nearest other place of the document
    "in the same region",  # exp(-km / 300)
)
FEATURES = PRIOR_FEATURES + CONTEXT_FEATURES


@dataclass(frozen=True, slots=True)
class Weights:
    """Weights of the first pass (prior features) and the later passes (all features)."""

    prior: tuple[float, ...]
    full: tuple[float, ...]


@dataclass(slots=True)
class Context:
    """What the document's other toponyms, as last resolved, say about where it is."""

    countries: dict[str, float] = field(default_factory=dict)
    divisions: dict[str, float] = field(default_factory=dict)
    named_countries: dict[str, float] = field(default_factory=dict)
    named_divisions: set[str] = field(default_factory=set)
    anchors: list[GazPlace] = field(default_factory=list)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def prior_features(
    candidate: Candidate, text: str, options: Sequence[Candidate], capitals: frozenset[str]
) -> list[float]:
    """The PRIOR_FEATURES of one candidate for the mention `text`, among all its `options`."""
    place = candidate.place
    division = place.feature in _DIVISIONS
    mention, matched = ascii_lower(text), ascii_lower(candidate.matched)
    # The most populous namesake of the same kind: towns are not measured against the sum of a division.
    largest = max(c.place.population for c in options if (c.place.feature in _DIVISIONS) == division)
    log_population = math.log10(place.population + 1) / POPULATION_SCALE
    words = mention.split()
    own = mention == ascii_lower(place.name)
    return [
        fuzz.ratio(mention, matched) / 100,
        float(own),
        fuzz.ratio(mention, ascii_lower(place.name)) / 100,
        log_population,
        float(place.population == 0),
        float(place.population >= largest),
        float(place.feature == "country"),
        float(place.feature == "admin1"),
        float(place.feature == "admin2"),
        float(place.curated and place.feature in _CURATED_KINDS),
        float(place.ref.startswith("continent:") or (place.feature == "region" and place.country is None)),
        float(place.ref in capitals),
        float(division and matched != ascii_lower(place.name)),
        float(
            division
            and any(c.place.feature == "city" and c.place.admin1_code == place.admin1_code for c in options)
        ),
        float(division and bool(words) and words[-1] in _ADMIN_WORDS),
    ]


def context_features(place: GazPlace, context: Context) -> list[float]:
    """The CONTEXT_FEATURES of one candidate."""
    country, division = place.country or "", place.admin1_code or ""
    nearest = math.inf
    if place.feature not in ("country", "region", "admin1"):
        for anchor in context.anchors:
            if anchor.ref != place.ref:
                nearest = min(nearest, distance_km(place.lat, place.lon, anchor.lat, anchor.lon))
    return [
        context.countries.get(country, 0.0),
        context.divisions.get(division, 0.0) if place.feature != "country" else 0.0,
        context.named_countries.get(country, 0.0) if place.feature != "country" else 0.0,
        float(f"admin1:{division}" in context.named_divisions and place.feature not in ("admin1", "country")),
        math.exp(-nearest / NEAR_KM),
        math.exp(-nearest / REGION_KM),
    ]


def score(weights: Sequence[float], features: Sequence[float]) -> float:
    """The weighted sum (`map` over `mul`: the ranker's innermost loop, run for every candidate of
    every pass)."""
    total: float = sum(map(mul, weights, features))
    return total


@cache
def default_weights() -> Weights:
    """The weights in marsad/resources/places/ranker.tsv (rows: stage, feature, weight)."""
    text = files("marsad").joinpath("resources", "places", "ranker.tsv").read_text("utf-8")
    return parse_weights(text)


def parse_weights(text: str) -> Weights:
    table: dict[tuple[str, str], float] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            stage, name, value = line.split("\t")
            table[(stage, name)] = float(value)
    try:
        prior = tuple(table[("prior", name)] for name in PRIOR_FEATURES)
        full = tuple(table[("full", name)] for name in FEATURES)
    except KeyError as error:
        raise GazetteerError(f"ranker weights lack {error.args[0]}: run scripts/fit_ranker.py") from error
    return Weights(prior=prior, full=full)


def format_weights(weights: Weights, header: Sequence[str]) -> str:
    """The ranker.tsv text: `header` as comment lines, then one row per stage and feature."""
    lines = [f"# {line}" for line in header] + ["# stage\tfeature\tweight"]
    lines += [f"prior\t{n}\t{w:.4f}" for n, w in zip(PRIOR_FEATURES, weights.prior, strict=True)]
    lines += [f"full\t{n}\t{w:.4f}" for n, w in zip(FEATURES, weights.full, strict=True)]
    return "\n".join(lines) + "\n"
