"""Rank gazetteer candidates for the toponyms of one document and pick one place for each.

Passes. The first scores each candidate alone (name match, population, kind of place); the later
ones add what the document's other toponyms, as resolved by the pass before, say: the countries and
first-level divisions they lie in, which countries and divisions it names outright, and how far the
candidate is from its other places. Features and their fitted weights: marsad/resolve/ranking.py.
Every mention of one name (and one reading: place or division) in a document gets the same place.
A toponym the text places inside another ("X in Y province", "Paris, Texas") resolves inside it
(containment.py); with no candidate there, to a fuzzy match there (fuzzy.py), else to nothing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.resolve.containment import SCOPE, binds, bounds, inside
from marsad.resolve.fuzzy import fuzzy_candidates
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

__all__ = ["FUZZY_KEY_PREFIX", "MATCHER_KEY_PREFIX", "Ranker", "Resolved", "Toponym", "distance_km"]

# The first pass plus this many passes with the document's context.
CONTEXT_PASSES = 2
# A foreign town smaller than this, alone in its country in a report about another, is a stray.
STRAY_MAX_POPULATION = 100_000
# Features too large to anchor proximity: their point says little about where the text is.
_BROAD = frozenset({"country", "admin1", "region", "desert", "river", "border"})

Group = tuple[str, str]  # (folded key, reading)
# Key prefixes of toponyms whose candidates the caller chose: those that made a gazetteer match a
# toponym (place_names.py), and those of a fuzzy lookup (fuzzy.py). The rest of a key is the name's.
MATCHER_KEY_PREFIX = "~"
FUZZY_KEY_PREFIX = "≈"


@dataclass(frozen=True, slots=True, kw_only=True)
class Toponym:
    """A place name found in the text, with how the text frames it."""

    start: int
    end: int
    text: str
    key: str
    reading: str = "place"  # "place", or "admin1" for "the countryside of X" / "X province"
    within: Group | None = None  # the toponym the text places it in: "X in Y province", "X, Y"
    loosely: bool = False  # only by it ("X near Y", "X in the countryside of Y"): its country binds
    country: str | None = None  # the country a nationality states for it: "the Syrian city of X"


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolved:
    place: GazPlace
    lat: float
    lon: float
    score: float
    fuzzy: bool = False  # found by a fuzzy lookup: the gazetteer lacks the name as written


class Ranker:
    def __init__(self, gazetteer: Gazetteer, weights: Weights | None = None) -> None:
        self.gazetteer = gazetteer
        self.weights = weights or default_weights()

    def resolve(
        self, toponyms: Sequence[Toponym], candidates: dict[str, list[Candidate]]
    ) -> list[Resolved | None]:
        """One place (or None) per toponym, in order."""
        containers = _containers(toponyms, candidates)
        groups, _, final = self._passes(toponyms, candidates, containers)
        fuzzy = {group for group in final if group[0].startswith(FUZZY_KEY_PREFIX)}
        # Groups whose stated container holds none of their candidates: a fuzzy match inside it.
        for group in groups.keys() - final.keys():
            if groups[group] and (
                found := self._fuzzy_inside(group, self._bounding(containers[group], final))
            ):
                final[group] = found
                fuzzy.add(group)
        final = _without_strays(final, toponyms, containers)
        anchors = [place for _, place in self._tally(final, Counter()).anchors]
        chosen: dict[Group, Resolved] = {}
        for group, (candidate, value) in final.items():
            nearby = [a for a in anchors if a.ref != candidate.place.ref]
            chosen[group] = self._point(candidate.place, value, nearby, group in fuzzy)
        return [chosen.get((t.key, t.reading)) for t in toponyms]

    def _bounding(
        self, containers: set[tuple[Group, bool]], picks: dict[Group, tuple[Candidate, float]]
    ) -> list[GazPlace]:
        """The places that bound a group stated to lie in `containers` as they are now chosen: each
        container, or its country for one the group lies only by, but a city it lies by ("north of
        Aleppo": containment.inside keeps it near). Being near a country is not being in it
        ("Azaz, near Turkey")."""
        out = []
        for group, loosely in containers:
            if group not in picks:
                continue
            place = picks[group][0].place
            if loosely and place.feature != "city":
                country = self.gazetteer.country(place.country) if place.country else None
                if place.feature == "country" or country is None:
                    continue
                place = country
            out.append(place)
        return out

    def _fuzzy_inside(self, group: Group, containers: list[GazPlace]) -> tuple[Candidate, float] | None:
        """A fuzzy match for the group's name inside all `containers`."""
        countries = {c.country for c in containers if c.country}
        if len(countries) != 1:
            return None
        key = group[0].lstrip(MATCHER_KEY_PREFIX + FUZZY_KEY_PREFIX)
        for candidate in fuzzy_candidates(self.gazetteer, key, countries):
            if all(inside(candidate.place, c) for c in containers):
                return candidate, 0.0
        return None

    def feature_rows(
        self, toponyms: Sequence[Toponym], candidates: dict[str, list[Candidate]]
    ) -> dict[Group, tuple[list[Candidate], list[list[float]]]]:
        """Each group's candidates and the features its last pass scored them on (for fitting)."""
        groups, priors, _ = self._passes(
            toponyms, candidates, _containers(toponyms, candidates), keep_rows=True
        )
        return {group: (groups[group], priors[group]) for group in groups if groups[group]}

    def prior_best(self, text: str, options: Sequence[Candidate]) -> Candidate:
        """The first pass's choice among `options` for the mention `text`."""
        capitals = self.gazetteer.capitals()
        return max(
            options, key=lambda c: score(self.weights.prior, prior_features(c, text, options, capitals))
        )

    def _passes(
        self,
        toponyms: Sequence[Toponym],
        candidates: dict[str, list[Candidate]],
        containers: defaultdict[Group, set[tuple[Group, bool]]],
        keep_rows: bool = False,
    ) -> tuple[
        dict[Group, list[Candidate]], dict[Group, list[list[float]]], dict[Group, tuple[Candidate, float]]
    ]:
        """Run the passes; return each group's options, its rows (prior features, or the last
        pass's full ones with `keep_rows`) and its final choice with its score. A group whose
        stated container (Toponym.within) holds none of its candidates has no choice."""
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
        held = _holders(groups, containers)
        last_rows: dict[Group, list[list[float]]] = {}
        for _ in range(CONTEXT_PASSES):
            new_picks = {}
            tally = self._tally(picks, counts)
            for group, options in groups.items():
                if not options:
                    continue
                current = picks[group][0].place if group in picks else None
                context = tally.context(group, current, counts[group[0]] or 1)
                full = [
                    r + context_features(c.place, context) for c, r in zip(options, rows[group], strict=True)
                ]
                scores = [score(self.weights.full, f) for f in full]
                best = _best(options, scores)[0].place
                outer = [c for c in self._bounding(containers[group], picks) if binds(c, best, options)]
                kept = [
                    i
                    for i in held.get(group, range(len(options)))
                    if all(inside(options[i].place, o) for o in outer)
                ]
                if kept:
                    new_picks[group] = _best([options[i] for i in kept], [scores[i] for i in kept])
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
    def _point(place: GazPlace, value: float, anchors: list[GazPlace], fuzzy: bool) -> Resolved:
        """A river's, border's or long region's point nearest the document's other places."""
        if not place.course or not anchors:
            return Resolved(place=place, lat=place.lat, lon=place.lon, score=value, fuzzy=fuzzy)
        lat, lon = min(
            place.course, key=lambda p: sum(distance_km(p[0], p[1], a.lat, a.lon) for a in anchors)
        )
        return Resolved(place=place, lat=lat, lon=lon, score=value, fuzzy=fuzzy)


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

    def context(self, group: Group, place: GazPlace | None, weight: int) -> Context:
        """The context for ranking `group`, whose current choice `place` (if any) is left out."""
        if place is not None:
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
        if place is not None:
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


def _without_strays(
    picks: dict[Group, tuple[Candidate, float]],
    toponyms: Sequence[Toponym],
    containers: dict[Group, set[tuple[Group, bool]]],
) -> dict[Group, tuple[Candidate, float]]:
    """The picks without stray namesakes: in a report with over half its place mentions in one
    country, a town of under 100,000 in a country no other mention lies in, and no stated container
    in, is likelier a local place the gazetteer lacks ("the neighbourhoods of Jobar" in a report on
    Damascus) than a village abroad (Jübar, Germany): it stays unresolved. Not a town in the
    country the text states for it ("the Syrian city of Al-Bukamal" in a report from London)."""
    weights = Counter(t.key for t in toponyms)
    stated_countries = {(t.key, t.reading): t.country for t in toponyms if t.country}
    by_country: Counter[str] = Counter()
    by_place: Counter[str] = Counter()
    for group, (candidate, _) in picks.items():
        by_place[candidate.place.ref] += weights[group[0]]
        if candidate.place.country:
            by_country[candidate.place.country] += weights[group[0]]
    if not by_country:
        return picks
    focus, most = by_country.most_common(1)[0]
    if 2 * most <= sum(by_country.values()):  # no country holds more than half: no focus
        return picks

    def stray(group: Group, place: GazPlace) -> bool:
        if (
            place.feature != "city"
            or place.curated
            or place.population >= STRAY_MAX_POPULATION
            or place.country in (None, focus)
            or by_country[place.country] != by_place[place.ref]
            or stated_countries.get(group) == place.country
        ):
            return False
        # A stated container abroad from the town ("the village of Asheh in Quneitra") makes it no
        # less a stray.
        stated = [picks[outer][0].place for outer, _ in containers.get(group, ()) if outer in picks]
        return all(outer.country != place.country for outer in stated)

    return {group: pick for group, pick in picks.items() if not stray(group, pick[0].place)}


def _containers(
    toponyms: Sequence[Toponym], candidates: dict[str, list[Candidate]]
) -> defaultdict[Group, set[tuple[Group, bool]]]:
    """The groups each group's mentions are stated to lie in, each with whether only by it. A
    container the gazetteer cannot place stands aside for its own: in "Nacoba village (Quissanga,
    Cabo Delgado)" Nacoba lies in Cabo Delgado, though no Quissanga is known."""
    stated: defaultdict[Group, set[tuple[Group, bool]]] = defaultdict(set)
    for t in toponyms:
        if t.within is not None and t.within != (t.key, t.reading):
            stated[(t.key, t.reading)].add((t.within, t.loosely))
    known = {(t.key, t.reading) for t in toponyms if candidates.get(t.key)}
    containers: defaultdict[Group, set[tuple[Group, bool]]] = defaultdict(set)
    for inner, outers in stated.items():
        for outer, loosely in outers:
            seen = {inner}
            while outer not in known and outer not in seen and stated.get(outer):
                seen.add(outer)
                outer, farther = next(iter(stated[outer]))
                loosely = loosely or farther
            containers[inner].add((outer, loosely))
    return containers


def _holders(
    groups: dict[Group, list[Candidate]], containers: dict[Group, set[tuple[Group, bool]]]
) -> dict[Group, list[int]]:
    """For each container group, the indexes of its candidates, divisions or countries, that hold
    a candidate of the groups stated to lie in it ("Atlanta, Georgia": the state, not the country),
    where any does. A town holds no other town: "Russia, Iran backs" is no reason to doubt Iran."""
    held: dict[Group, list[int]] = {}
    for inner, outers in containers.items():
        for outer, loosely in outers:
            if loosely:
                continue
            holding = [
                i
                for i, c in enumerate(groups.get(outer, []))
                if c.place.feature in SCOPE
                and any(bounds(c.place, x.place) and inside(x.place, c.place) for x in groups.get(inner, []))
            ]
            if holding:
                both = [i for i in holding if i in held.get(outer, holding)]
                held[outer] = both or held.get(outer, holding)
    return held


def _best(options: list[Candidate], scores: list[float]) -> tuple[Candidate, float]:
    best = max(range(len(options)), key=scores.__getitem__)
    return options[best], scores[best]
