"""Where the text says a place is: inside another place it names.

A toponym the text places inside another ("the village of X in Deir az-Zour province", "Paris,
Texas", "X in northern Syria"; place_frames.stated_containers) must resolve inside that place: in
its country, and in its first-level division when the container is a division. The ranker
(geocode.py) applies the check; this module says what holds what.
"""

from __future__ import annotations

from marsad.resolve.names import fold
from marsad.resolve.supplement import GazPlace

# How much ground a kind of place covers; a container must cover more than what it holds, or both
# be localities ("Jobar, Damascus"): "Iran in Syria" is no containment.
SCOPE = {"country": 3, "admin1": 2, "admin2": 1}
# A continent or world region, which no country holds ("In Asia, Canada ...").
WORLD_SCOPE = 4
_DIVISIONS = frozenset({"admin1", "admin2"})
# Features that hold no places: a river, a desert or a border runs across countries.
_NOT_CONTAINERS = frozenset({"river", "desert", "border"})


def bounds(container: GazPlace, choice: GazPlace) -> bool:
    """Whether `container` bounds a toponym the ranker alone would resolve to `choice`."""
    if container.feature in _NOT_CONTAINERS or container.country is None:
        return False
    outer, inner = _scope(container), _scope(choice)
    return inner < outer or inner == outer == 0


def inside(place: GazPlace, container: GazPlace) -> bool:
    """Whether `place` lies in `container`'s country, and in its first-level division for a division.
    A curated place without a division is judged by its country."""
    if place.country != container.country:
        return False
    if container.feature not in _DIVISIONS:
        return True
    if place.admin1_code and container.admin1_code:
        return place.admin1_code == container.admin1_code
    return place.admin1 is None or fold(place.admin1) == fold(container.admin1 or "")


def _scope(place: GazPlace) -> int:
    return SCOPE.get(place.feature, 0) if place.country else WORLD_SCOPE
