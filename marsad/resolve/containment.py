"""Where the text says a place is: inside another place it names.

A toponym the text places inside another ("the village of X in Deir az-Zour province", "Paris,
Texas", "X in northern Syria"; place_frames.stated_containers) must resolve inside that place: in
its country, and in its first-level division when the container is a division. The ranker
(geocode.py) applies the check; this module says what holds what.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.resolve.gazetteer import Candidate, GazPlace
from marsad.resolve.names import fold
from marsad.resolve.ranking import distance_km

# How much ground a kind of place covers; a container must cover more than what it holds, or both
# be localities ("Jobar, Damascus"): "Iran in Syria" is no containment.
SCOPE = {"country": 3, "admin1": 2, "admin2": 1}
# A continent or world region, which no country holds ("In Asia, Canada ...").
WORLD_SCOPE = 4
_DIVISIONS = frozenset({"admin1", "admin2"})
# Features that hold no places: a river, a desert or a border runs across countries.
_NOT_CONTAINERS = frozenset({"river", "desert", "border"})
# A city this big outweighs a container that holds none of its namesakes: the container is the
# likelier mistake ("Mosul in Nineveh province" while the gazetteer knew the governorate only as
# Ninawa). The matcher's bar for a big city (place_names.MATCH_MIN_POPULATION).
TRUSTED_POPULATION = 200_000
# A town the text puts in or by a city ("Jobar, Damascus", "Al Maleh north of Aleppo") lies within
# this distance of it.
CITY_REACH_KM = 150.0


def bounds(container: GazPlace, choice: GazPlace) -> bool:
    """Whether `container` bounds a toponym the ranker alone would resolve to `choice`."""
    if container.feature in _NOT_CONTAINERS or container.country is None:
        return False
    outer, inner = _scope(container), _scope(choice)
    return inner < outer or inner == outer == 0


def binds(container: GazPlace, choice: GazPlace, options: Sequence[Candidate]) -> bool:
    """Whether `container` bounds (`bounds`) a toponym with candidates `options`, the ranker alone
    choosing `choice`, and is not outweighed by a big city none of whose namesakes it holds."""
    return bounds(container, choice) and (
        choice.population < TRUSTED_POPULATION or any(inside(c.place, container) for c in options)
    )


def inside(place: GazPlace, container: GazPlace) -> bool:
    """Whether `place` lies in `container`'s country, and in its first-level division for a division,
    or within CITY_REACH_KM of a city. A curated place without a division is judged by its country."""
    if place.country != container.country:
        return False
    if container.feature == "city":
        return distance_km(place.lat, place.lon, container.lat, container.lon) <= CITY_REACH_KM
    if container.feature not in _DIVISIONS:
        return True
    if place.admin1_code and container.admin1_code:
        return place.admin1_code == container.admin1_code
    return place.admin1 is None or fold(place.admin1) == fold(container.admin1 or "")


def _scope(place: GazPlace) -> int:
    return SCOPE.get(place.feature, 0) if place.country else WORLD_SCOPE
