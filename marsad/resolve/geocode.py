"""Rank gazetteer candidates for the toponyms of one document and pick one place for each.

Passes. The first scores each candidate alone (name match, population, kind of place); the later
ones add what the document's other toponyms, as resolved by the pass before, say: the countries and
first-level divisions they lie in, which countries and divisions it names outright, and how far the
candidate is from its other places. Features and their fitted weights: marsad/resolve/ranking.py.
Every mention of one name (and one reading: place or division) in a document gets the same place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.resolve.gazetteer import Candidate, Gazetteer, GazPlace, strip_admin_word
from marsad.resolve.names import fold
from marsad.resolve.ranking import (
    Context,
    Weights,
    context_features,
    default_weights,
    distance_km,
    prior_features,
    score,
)

__all__ = ["Ranker", "Resolved", "Toponym", "distance_km"]

# The first pass plus this many passes with the document's context.
CONTEXT_PASSES = 2
# Features too large to anchor proximity: their point says little about where the text is.
_BROAD = frozenset({"country", "admin1", "region", "desert", "river", "border"})

Group = tuple[str, str]  # (folded key, reading)


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


class Ranker:
    def __init__(self, gazetteer: Gazetteer, weights: Weights | None = None) -> None:
        self.gazetteer = gazetteer
        self.weights = weights or default_weights()

    def resolve(
        self, toponyms: Sequence[Toponym], candidates: dict[str, list[Candidate]]
    ) -> list[Resolved | None]:
        """One place (or None) per toponym, in order."""
        _, _, final = self._passes(toponyms, candidates)
        anchors = [place for _, place in self._tally(final, Counter()).anchors]
        chosen: dict[Group, Resolved] = {}
        for group, (candidate, value) in final.items():
            nearby = [a for a in anchors if a.ref != candidate.place.ref]
            chosen[group] = self._point(candidate.place, value, nearby)
        return [chosen.get((t.key, t.reading)) for t in toponyms]

    def feature_rows(
        self, toponyms: Sequence[Toponym], candidates: dict[str, list[Candidate]]
    ) -> dict[Group, tuple[list[Candidate], list[list[float]]]]:
        """Each group's candidates and the features its last pass scored them on (for fitting)."""
        groups, priors, _ = self._passes(toponyms, candidates, keep_rows=True)
        return {group: (groups[group], priors[group]) for group in groups if groups[group]}

    def prior_best(self, text: str, options: Sequence[Candidate]) -> Candidate:
        """The first pass's choice among `options` for the mention `text`."""
        capitals = self.gazetteer.capitals()
        return max(
            options, key=lambda c: score(self.weights.prior, prior_features(c, text, options, capitals))
        )

    def _passes(
        self, toponyms: Sequence[Toponym], candidates: dict[str, list[Candidate]], keep_rows: bool = False
    ) -> tuple[
        dict[Group, list[Candidate]], dict[Group, list[list[float]]], dict[Group, tuple[Candidate, float]]
    ]:
        """Run the passes; return each group's options, its rows (prior features, or the last
        pass's full ones with `keep_rows`) and its final choice with its score."""
        groups: dict[Group, list[Candidate]] = {}
        texts: dict[Group, str] = {}
        for toponym in toponyms:
            group = (toponym.key, toponym.reading)
            if group not in groups:
                groups[group] = self._readings(candidates.get(toponym.key, []), toponym.reading)
                texts[group] = toponym.text
        capitals = self.gazetteer.capitals()
        rows = {
            group: [prior_features(c, texts[group], options, capitals) for c in options]
            for group, options in groups.items()
        }
        picks = {
            group: _best(options, [score(self.weights.prior, r) for r in rows[group]])
            for group, options in groups.items()
            if options
        }
        counts = Counter(t.key for t in toponyms)
        last_rows: dict[Group, list[list[float]]] = {}
        for _ in range(CONTEXT_PASSES):
            new_picks = {}
            tally = self._tally(picks, counts)
            for group, options in groups.items():
                if not options:
                    continue
                context = tally.context(group, picks[group][0].place, counts[group[0]] or 1)
                full = [
                    r + context_features(c.place, context) for c, r in zip(options, rows[group], strict=True)
                ]
                new_picks[group] = _best(options, [score(self.weights.full, f) for f in full])
                if keep_rows:
                    last_rows[group] = full
            picks = new_picks
        return groups, (last_rows if keep_rows else rows), picks

    @staticmethod
    def _tally(picks: dict[Group, tuple[Candidate, float]], counts: Counter[str]) -> Tally:
        tally = Tally()
        for group, (candidate, _) in picks.items():
            tally.add(group, candidate.place, counts[group[0]] or 1)
        return tally

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
    def _point(place: GazPlace, value: float, anchors: list[GazPlace]) -> Resolved:
        """A river's, border's or long region's point nearest the document's other places."""
        if not place.course or not anchors:
            return Resolved(place=place, lat=place.lat, lon=place.lon, score=value)
        lat, lon = min(
            place.course, key=lambda p: sum(distance_km(p[0], p[1], a.lat, a.lon) for a in anchors)
        )
        return Resolved(place=place, lat=lat, lon=lon, score=value)


@dataclass(slots=True)
class Tally:
    """The document's current choices, counted once per pass; `context` leaves one group out."""

    countries: Counter[str] = field(default_factory=Counter)
    divisions: Counter[str] = field(default_factory=Counter)
    named_countries: Counter[str] = field(default_factory=Counter)
    named_divisions: Counter[str] = field(default_factory=Counter)
    anchors: list[tuple[str, GazPlace]] = field(default_factory=list)

    def add(self, group: Group, place: GazPlace, weight: int) -> None:
        self._count(place, weight, 1)
        if place.feature not in _BROAD:
            self.anchors.append((group[0], place))

    def context(self, group: Group, place: GazPlace, weight: int) -> Context:
        """The context for ranking `group`, whose current choice `place` is left out."""
        self._count(place, weight, -1)
        total_c = sum(self.countries.values()) or 1
        total_d = sum(self.divisions.values()) or 1
        context = Context(
            countries={code: n / total_c for code, n in self.countries.items() if n},
            divisions={code: n / total_d for code, n in self.divisions.items() if n},
            named_countries={code: n / total_c for code, n in self.named_countries.items() if n},
            named_divisions={ref for ref, n in self.named_divisions.items() if n > 0},
            anchors=[p for key, p in self.anchors if key != group[0]],
        )
        self._count(place, weight, 1)
        return context

    def _count(self, place: GazPlace, weight: int, sign: int) -> None:
        if place.country:
            self.countries[place.country] += sign * weight
            if place.feature == "country":
                self.named_countries[place.country] += sign * weight
        if place.admin1_code and place.feature != "country":
            self.divisions[place.admin1_code] += sign * weight
        if place.feature == "admin1":
            self.named_divisions[place.ref] += sign


def _best(options: list[Candidate], scores: list[float]) -> tuple[Candidate, float]:
    best = max(range(len(options)), key=scores.__getitem__)
    return options[best], scores[best]
