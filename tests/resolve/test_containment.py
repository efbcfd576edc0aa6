"""The containment checks on hand-built places, and the stated containers read from text."""

from __future__ import annotations

from marsad.nlp.place_frames import stated_containers, toponym_at
from marsad.resolve.containment import binds, bounds, inside
from marsad.resolve.gazetteer import Candidate, GazPlace


def _place(
    ref: str, country: str | None, feature: str, admin1_code: str | None = None, **extra: object
) -> GazPlace:
    return GazPlace(
        ref=ref,
        name=ref,
        lat=0.0,
        lon=0.0,
        country=country,
        feature=feature,
        admin1_code=admin1_code,
        **extra,
    )  # type: ignore[arg-type]


TEXAS = _place("admin1:US.TX", "US", "admin1", "US.TX", admin1="Texas")
PARIS_TX = _place("geonames:1", "US", "city", "US.TX", population=25_000)
PARIS_FR = _place("geonames:2", "FR", "city", "FR.11", population=2_000_000)
SYRIA = _place("country:SY", "SY", "country")
ASIA = _place("continent:AS", None, "region")


def test_a_division_holds_its_towns_and_a_country_its_divisions() -> None:
    assert bounds(TEXAS, PARIS_TX) and inside(PARIS_TX, TEXAS) and not inside(PARIS_FR, TEXAS)
    assert bounds(SYRIA, _place("admin1:SY.07", "SY", "admin1", "SY.07"))
    # A curated site without a division code is judged by its country.
    assert inside(_place("marsad:base", "US", "military"), TEXAS)


def test_no_containment_between_equals_or_from_a_river_or_into_a_continent() -> None:
    iran = _place("country:IR", "IR", "country")
    assert not bounds(SYRIA, iran)
    assert not bounds(_place("marsad:euphrates", "SY", "river"), PARIS_TX)
    assert not bounds(SYRIA, ASIA)  # "In Asia, Canada ..."
    assert bounds(_place("geonames:3", "SY", "city"), _place("geonames:4", "SY", "city"))  # "Jobar, Damascus"


def _containers(text: str, names: list[str]) -> dict[str, str | None]:
    spans = []
    for name in names:
        start = text.index(name, spans[-1][1] if spans else 0)
        spans.append((start, start + len(name)))
    toponyms = stated_containers(text, [toponym_at(text, s, e) for s, e in spans])
    return {t.text: t.within[0] if t.within else None for t in toponyms}


def test_stated_containers_are_read_from_the_words_between() -> None:
    text = "Jets bombed the village of Al-Shafah in Deir az-Zour province and Maarat al-Numan, Idlib."
    assert _containers(text, ["Al-Shafah", "Deir az-Zour", "Maarat al-Numan", "Idlib"]) == {
        "Al-Shafah": "dair zur",
        "Deir az-Zour": None,
        "Maarat al-Numan": "idlib",
        "Idlib": None,
    }
    found = _containers("the Shaar field east of Homs in central Syria", ["Shaar", "Homs", "Syria"])
    assert found == {"Shaar": "hums", "Homs": "syria", "Syria": None}
    apposed = _containers("In Jobar, a Damascus neighborhood, shells fell", ["Jobar", "Damascus"])
    assert apposed == {"Jobar": "damaskus", "Damascus": None}


def test_lists_possessives_and_opening_phrases_state_no_container() -> None:
    assert _containers("in Aleppo, Idlib and Hama", ["Aleppo", "Idlib", "Hama"])["Aleppo"] is None
    assert _containers("in Homs, Hama, Idlib", ["Homs", "Hama", "Idlib"])["Hama"] is None
    assert _containers("near Aleppo, Syria's largest city", ["Aleppo", "Syria"])["Aleppo"] is None
    assert _containers("In Damascus, Russia said", ["Damascus", "Russia"])["Damascus"] is None


def test_near_and_countryside_state_a_container_loosely() -> None:
    text = "Rebels took the Jurin camp in the countryside of Latakia; Kafr Nabl near Maarat al-Numan fell."
    names = ["Jurin", "Latakia", "Kafr Nabl", "Maarat al-Numan"]
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    toponyms = stated_containers(text, [toponym_at(text, s, e) for s, e in spans])
    assert [(t.within is not None, t.loosely) for t in toponyms] == [
        (True, True),
        (False, False),
        (True, True),
        (False, False),
    ]
    text = "the village of Al-Shafah in Deir az-Zour province"
    strict = stated_containers(text, [toponym_at(text, 15, 24), toponym_at(text, 28, 40)])
    assert strict[0].within == ("dair zur", "admin1") and not strict[0].loosely


def test_a_big_city_outweighs_a_container_holding_none_of_its_namesakes() -> None:
    mosul = _place("geonames:6", "IQ", "city", "IQ.15", population=1_683_000)
    perry = _place("geonames:7", "US", "admin1", "US.NY")
    assert bounds(perry, mosul) and not binds(perry, mosul, [Candidate(mosul, "Mosul")])
    ash_shafa = _place("geonames:8", "SA", "city", "SA.14", population=72_190)
    deir = _place("admin1:SY.07", "SY", "admin1", "SY.07")
    assert binds(deir, ash_shafa, [Candidate(ash_shafa, "Ash Shafa")])
