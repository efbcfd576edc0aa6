"""Rank gazetteer candidates for the toponyms of one document and pick one place for each.

Two passes. The first scores each candidate alone: name similarity, population and feature type.
The second adds the document's context, read off the first pass: the countries and first-level
divisions its places lie in, and the distance to the other places it names. Every mention of one
name (and one reading: place, division or area) in a document gets the same place.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from marsad.resolve.gazetteer import Candidate, Gazetteer, GazPlace, strip_admin_word
from marsad.resolve.names import ascii_lower, fold

# Weights: a 64-point grid (country prior, population, division population share, country focus,
# proximity, named division) on LGL and GeoWebNews gold spans, best mean share within 161 km; the
# rest set by hand (docs/benchmarks.md, "Places"). log10(population)/7 is 1 for a city of 10 million.
NAME_WEIGHT = 1.0
PRIMARY_NAME_BONUS = 0.15  # the candidate's own name, not one of its alternate names
POPULATION_WEIGHT = 2.0
FEATURE_PRIOR = {
    "country": 1.2,
    "admin1": 0.2,
    "admin2": 0.1,
    "city": 0.0,
    "military": 0.6,
    "crossing": 0.6,
    "site": 0.6,
    "river": 0.6,
    "desert": 0.6,
    "region": 0.6,
    "border": 0.6,
}
# A division's population is the sum of its towns'; a city's name is the more common reading.
DIVISION_POPULATION_SHARE = 1.0
# "Hawaii" or "New York" without "County" is rarely the county.
BARE_COUNTY_PENALTY = 0.5
# A division named like the city in it ("Latakia") is read as the city unless the text says province.
SAME_NAME_DIVISION_PENALTY = 0.8
COUNTRY_FOCUS_WEIGHT = 1.5
ADMIN1_FOCUS_WEIGHT = 0.8
# A place inside a division the text names outright ("Paris, Texas").
NAMED_DIVISION_WEIGHT = 1.0
PROXIMITY_WEIGHT = 2.0
PROXIMITY_KM = 200.0
CONTEXT_PASSES = 2
EARTH_RADIUS_KM = 6371.0
# Features too large to anchor proximity: their point says little about where the text is.
_BROAD = frozenset({"country", "admin1", "region", "desert", "river", "border"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Toponym:
    """A place name found in the text, with how the text frames it."""

    start: int
    end: int
    text: str
    key: str
    reading: str = "place"  # "place", or "admin1" for "the countryside of X" / "X province"


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolved:
    place: GazPlace
    lat: float
    lon: float
    score: float


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def prior(candidate: Candidate, text: str, candidates: Sequence[Candidate]) -> float:
    place = candidate.place
    mention = ascii_lower(text)
    score = NAME_WEIGHT * fuzz.ratio(mention, ascii_lower(candidate.matched)) / 100
    if mention == ascii_lower(place.name):
        score += PRIMARY_NAME_BONUS
    population = place.population * (
        DIVISION_POPULATION_SHARE if place.feature in ("admin1", "admin2") else 1
    )
    score += POPULATION_WEIGHT * math.log10(population + 1) / 7
    score += FEATURE_PRIOR.get(place.feature, 0.0)
    if place.feature == "admin2" and ascii_lower(candidate.matched) != ascii_lower(place.name):
        score -= BARE_COUNTY_PENALTY
    if place.feature == "admin1" and any(
        c.place.feature == "city" and c.place.admin1_code == place.admin1_code for c in candidates
    ):
        score -= SAME_NAME_DIVISION_PENALTY
    return score


class Ranker:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def resolve(
        self, toponyms: Sequence[Toponym], candidates: dict[str, list[Candidate]]
    ) -> list[Resolved | None]:
        """One place (or None) per toponym, in order."""
        groups: dict[tuple[str, str], list[Candidate]] = {}
        texts: dict[tuple[str, str], str] = {}
        for toponym in toponyms:
            group = (toponym.key, toponym.reading)
            if group not in groups:
                groups[group] = self._readings(candidates.get(toponym.key, []), toponym.reading)
                texts[group] = toponym.text
        priors = {
            group: [prior(c, texts[group], options) for c in options] for group, options in groups.items()
        }
        first = {
            group: options[max(range(len(options)), key=scores.__getitem__)]
            for group, options in groups.items()
            if options and (scores := priors[group])
        }
        counts = Counter(t.key for t in toponyms)
        # Context from the first guesses, then again from the context-aware choices: a division or
        # country counts as named only once the second pass agrees it is one.
        chosen: dict[tuple[str, str], Resolved] = {}
        picks = first
        named: set[str] = set()
        for _ in range(CONTEXT_PASSES):
            countries, divisions = self._focus(picks, counts)
            chosen = {}
            for group, options in groups.items():
                if not options:
                    continue
                anchors = [
                    c.place for g, c in picks.items() if g[0] != group[0] and c.place.feature not in _BROAD
                ]
                best = max(
                    zip(options, priors[group], strict=True),
                    key=lambda pair: (
                        pair[1] + self._context(pair[0].place, countries, divisions, anchors, named)
                    ),
                )
                chosen[group] = self._point(best[0].place, best[1], anchors)
            picks = {group: Candidate(r.place, "") for group, r in chosen.items()}
            named = {r.place.ref for r in chosen.values() if r.place.feature == "admin1"}
        return [chosen.get((t.key, t.reading)) for t in toponyms]

    def _readings(self, options: list[Candidate], reading: str) -> list[Candidate]:
        """For "the countryside of X", each candidate's division stands in for it."""
        if reading != "admin1":
            return options
        readings: dict[str, Candidate] = {}
        for candidate in options:
            division = self.gazetteer.admin1_of(candidate.place)
            # "the countryside of Latakia" is the governorate; "the countryside of al-Bukamal" the
            # area around the town, left to the caller to name.
            if division is not None and fold(strip_admin_word(division.name)) == fold(candidate.matched):
                candidate = Candidate(division, candidate.matched)
            readings.setdefault(candidate.place.ref, candidate)
        return list(readings.values())

    @staticmethod
    def _focus(
        first: dict[tuple[str, str], Candidate], counts: Counter[str]
    ) -> tuple[dict[str, float], dict[str, float]]:
        """Share of the document's mentions in each country and each first-level division."""
        countries: Counter[str] = Counter()
        divisions: Counter[str] = Counter()
        for (key, _), candidate in first.items():
            place = candidate.place
            if place.country:
                countries[place.country] += counts[key]
            if place.admin1_code and place.feature != "country":
                divisions[place.admin1_code] += counts[key]
        total_c, total_d = sum(countries.values()) or 1, sum(divisions.values()) or 1
        return (
            {code: n / total_c for code, n in countries.items()},
            {code: n / total_d for code, n in divisions.items()},
        )

    @staticmethod
    def _context(
        place: GazPlace,
        countries: dict[str, float],
        divisions: dict[str, float],
        anchors: list[GazPlace],
        named: set[str],
    ) -> float:
        score = COUNTRY_FOCUS_WEIGHT * countries.get(place.country or "", 0.0)
        score += ADMIN1_FOCUS_WEIGHT * divisions.get(place.admin1_code or "", 0.0)
        if place.feature not in ("admin1", "country"):
            score += NAMED_DIVISION_WEIGHT * (f"admin1:{place.admin1_code}" in named)
        if anchors and place.feature not in ("country", "region"):
            nearest = min(distance_km(place.lat, place.lon, a.lat, a.lon) for a in anchors)
            score += PROXIMITY_WEIGHT * math.exp(-nearest / PROXIMITY_KM)
        return score

    @staticmethod
    def _point(place: GazPlace, score: float, anchors: list[GazPlace]) -> Resolved:
        """A river's, border's or long region's point nearest the document's other places."""
        if not place.course or not anchors:
            return Resolved(place=place, lat=place.lat, lon=place.lon, score=score)
        lat, lon = min(
            place.course, key=lambda p: sum(distance_km(p[0], p[1], a.lat, a.lon) for a in anchors)
        )
        return Resolved(place=place, lat=lat, lon=lon, score=score)
