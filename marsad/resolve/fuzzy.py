"""Fuzzy gazetteer lookup: a place name the gazetteer lacks as written, matched by spelling.

Folding (names.py) already joins the common transliterations ("Hamrah"/"Hamra", "Qouriya"/"Kuriya");
what it leaves apart, a vowel ("Urem"/"Urum") or a transposed letter ("Kfar"/"Kafr"), this lookup
reaches. It is only asked about names the text itself frames as places ("the town of X",
framed_names.py) or places inside another (containment.py), only among the populated places and
districts of the countries the text is about, and it answers only when one place clearly wins: a
near tie between places apart is no answer.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

from marsad.resolve.gazetteer import LOCAL_FEATURES, Candidate, Gazetteer
from marsad.resolve.ranking import distance_km

# rapidfuzz `ratio` (0-100) of the folded keys a match needs. At 88 one changed letter passes in
# keys of nine letters or more ("kfar nubl"/"kafr nubl" 88.9, "urem kubra"/"urum kubra" 90), none in
# shorter ones ("madi"/"mari" 75); set on hand-written Syrian names, tr-news and geovirus.
FUZZY_MIN_SCORE = 88.0
# Shorter keys are left alone: one letter is too much of them ("kfraia"/"kraia" scores 90.9).
FUZZY_MIN_KEY_LENGTH = 8
# A place whose best name scores within this of the winner's is a rival: the name is ambiguous.
FUZZY_TIE_MARGIN = 3.0
# Rivals this close to the winner are one place entered twice (GeoNames has such doubles).
SAME_PLACE_KM = 5.0


def fuzzy_candidates(gazetteer: Gazetteer, key: str, countries: Iterable[str]) -> list[Candidate]:
    """The one place in `countries` whose name is closest to the folded `key`, or none."""
    if len(key) < FUZZY_MIN_KEY_LENGTH:
        return []
    wanted = frozenset(countries)
    hits = sorted(
        (
            hit
            for country in sorted(wanted)
            for hit in process.extract(
                key,
                gazetteer.local_keys(country),
                scorer=fuzz.ratio,
                score_cutoff=FUZZY_MIN_SCORE,
                limit=None,
            )
        ),
        key=lambda hit: -hit[1],
    )
    if not hits:
        return []
    found = gazetteer.lookup([name for name, _, _ in hits])
    names = {
        name: [
            c for c in found.get(name, []) if c.place.country in wanted and c.place.feature in LOCAL_FEATURES
        ]
        for name, _, _ in hits
    }
    if not names[hits[0][0]]:
        return []
    best_score = hits[0][1]
    close = [c for name, score, _ in hits if score >= best_score - FUZZY_TIE_MARGIN for c in names[name]]
    # The most populous of the best name's places stands for it; every close place must be that one.
    best = max(names[hits[0][0]], key=lambda c: c.place.population)
    if any(
        distance_km(c.place.lat, c.place.lon, best.place.lat, best.place.lon) > SAME_PLACE_KM for c in close
    ):
        return []
    return [best]
