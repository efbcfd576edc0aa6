"""Names a place noun governs ("the town of X", "X district") are places, known or not, resolved
fuzzily when the gazetteer lacks their spelling; a person in an ordinary sentence stays a person."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from marsad.model import Actor, Place
from marsad.resolve.fuzzy import fuzzy_candidates
from marsad.resolve.gazetteer import Gazetteer, GazPlace, build_index
from marsad.resolve.names import fold
from marsad.resolve.supplement import load_supplement


def _read(nlp: Language, text: str) -> tuple[list[Actor], dict[str, Place]]:
    doc = nlp.make_doc(text)
    doc._.marsad_published = "2019-05-20"
    doc = nlp(doc)
    places = {m.text: p for p in doc._.marsad_places for m in p.mentions}
    return list(doc._.marsad_actors), places


def _new_actors(actors: list[Actor]) -> list[str]:
    return [a.name for a in actors if not a.kb_id]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Warplanes struck the only clinic in the town of Kafr Hamra before dawn, killing a nurse, "
            "rescuers said.",
            "Kafr Hamra",
        ),
        (
            "Shelling on a crowded market in the nearby town of Urem al-Kubra left at least five dead "
            "on Sunday.",
            "Urem al-Kubra",
        ),
        (
            "Families fleeing the village of Tal Mardikh slept in olive groves, a relief worker said.",
            "Tal Mardikh",
        ),
        ("Barrel bombs fell on Jabal Shahshabo district overnight, the monitor reported.", "Jabal Shahshabo"),
    ],
)
def test_a_framed_unknown_name_is_a_place_not_an_actor(nlp: Language, text: str, name: str) -> None:
    actors, places = _read(nlp, text)
    assert name not in _new_actors(actors)
    assert name in places
    assert places[name].lat is None and places[name].gazetteer_id is None  # the gazetteer lacks it


def test_a_framed_known_name_resolves_as_before(nlp: Language) -> None:
    text = (
        "Regime forces pushed north from Hama toward Idlib, and shells hit the town of Saraqeb "
        "and the village of Kafr Shams on Friday."
    )
    actors, places = _read(nlp, text)
    assert not {"Saraqeb", "Kafr Shams"} & set(_new_actors(actors))
    assert places["Saraqeb"].geonames_id == 164816 and places["Saraqeb"].match is None
    assert places["Kafr Shams"].country == "SY" and places["Kafr Shams"].match is None


def test_a_person_in_an_ordinary_sentence_stays_a_person(nlp: Language) -> None:
    actors, places = _read(
        nlp, "Local council head Omar Hamra said on Monday that aid convoys had reached Idlib."
    )
    assert "Omar Hamra" in _new_actors(actors)
    assert "Omar Hamra" not in places


def test_a_framed_misspelling_in_the_documents_country_resolves_fuzzily(nlp: Language) -> None:
    text = (
        "Government jets bombed Idlib and Saraqeb on Monday, and rockets hit the town of Kfar Nubl "
        "as families fled south, activists said."
    )
    actors, places = _read(nlp, text)
    assert "Kfar Nubl" not in _new_actors(actors)
    kafranbel = places["Kfar Nubl"]
    assert kafranbel.match == "fuzzy" and kafranbel.country == "SY"
    assert kafranbel.geonames_id == 168661  # Kafr Nubl, GeoNames' Kafranbel


def test_a_framed_name_outside_the_documents_countries_stays_unresolved(nlp: Language) -> None:
    text = "Iraqi troops entered Mosul and Tikrit, and fighting reached the town of Kfar Nubl."
    _, places = _read(nlp, text)
    assert places["Kfar Nubl"].lat is None and places["Kfar Nubl"].match is None


def _village(pid: int, name: str, lat: float, lon: float) -> tuple[GazPlace, list[str]]:
    place = GazPlace(
        ref=f"geonames:{pid}", name=name, lat=lat, lon=lon, country="SY", feature="city", population=800
    )
    return place, [name]


def _villages(tmp_path: Path, villages: list[tuple[GazPlace, list[str]]]) -> Gazetteer:
    index = tmp_path / "index.sqlite"
    build_index(index, villages)
    return Gazetteer(index, load_supplement([]))


def test_fuzzy_lookup_reaches_a_vowel_variant_and_refuses_a_tie(tmp_path: Path) -> None:
    gazetteer = _villages(
        tmp_path,
        [
            _village(1, "Urum al Kubra", 36.15, 36.95),
            _village(2, "Deir Hafer", 36.16, 37.71),
            _village(3, "Deir Hafar", 35.10, 36.20),
        ],
    )
    found = fuzzy_candidates(gazetteer, fold("Urem al-Kubra"), ["SY"])
    assert [c.place.ref for c in found] == ["geonames:1"]
    assert fuzzy_candidates(gazetteer, fold("Urem al-Kubra"), ["LB"]) == []  # another country
    # Two villages 140 km apart, both one letter from the name: ambiguous.
    assert fuzzy_candidates(gazetteer, fold("Deir Hafir"), ["SY"]) == []
    assert fuzzy_candidates(gazetteer, fold("Tal Rifaat"), ["SY"]) == []  # nothing close


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Fighting erupted in Aleppo.", "Aleppo", "SY"),
        ("Fighting erupted in Aleppo on Monday, the army said.", "Aleppo", "SY"),
        ("Heavy clashes were reported near Mosul.", "Mosul", "IQ"),
        # the gazetteer spells it with a transliteration mark ("Rafaḩ")
        ("Air strikes hit homes in Khan Younis and Rafah overnight, medics said.", "Rafah", "PS"),
        # towns GeoNames lists without a population
        ("Government troops advanced near Saraqib and Maarat al-Numan on Sunday.", "Maarat al-Numan", "SY"),
        ("Shells fell near Marjayoun and Hasbaya in south Lebanon.", "Hasbaya", "LB"),
        # a short name the Arabic article marks as one ("bab" alone is too short to match)
        ("Turkish-backed rebels laid siege to al-Bab in northern Syria.", "al-Bab", "SY"),
        # a bearing or "rural" before the name places it as a preposition would
        ("Warplanes kept up their raids on northern rural Homs through the night.", "Homs", "SY"),
    ],
)
def test_a_known_name_after_in_or_near_is_a_place_whatever_spacy_labels_it(
    nlp: Language, text: str, name: str, country: str
) -> None:
    actors, places = _read(nlp, text)
    assert name in places and places[name].country == country
    assert name not in _new_actors(actors)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Government forces shelled Douma and Harasta in Eastern Ghouta, Syria.", ["Douma", "Harasta"]),
        ("Rebels captured Saraqib on Monday after heavy fighting in Idlib.", ["Saraqib"]),
    ],
)
def test_what_is_shelled_or_captured_is_a_place(nlp: Language, text: str, names: list[str]) -> None:
    actors, places = _read(nlp, text)
    for name in names:
        assert name in places and places[name].country == "SY"
        assert name not in _new_actors(actors)


def test_a_person_captured_stays_a_person(nlp: Language) -> None:
    _, places = _read(nlp, "Troops captured Abu Bakr al-Baghdadi's deputy near the border.")
    assert "Abu Bakr al-Baghdadi" not in places


def test_a_name_before_town_or_area_is_a_place_and_a_group_label_yields_to_of(nlp: Language) -> None:
    doc = nlp(
        "A mortar round fell on al-Zahraa town in the northern countryside of Aleppo. "
        "Another landed in al-Mazra area."
    )
    assert ("Aleppo", "NORP") in {(e.text, e.label_) for e in doc.ents}  # what the recogniser says
    assert not doc._.marsad_actors
    mentioned = {m.text: p.country for p in doc._.marsad_places for m in p.mentions}
    assert mentioned == {"al-Zahraa": None, "northern countryside of Aleppo": "SY", "al-Mazra": None}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Witnesses in London said ISIS militants executed two of their own fighters in the Syrian city "
            "of Al-Bukamal on charges of spying.",
            "Al-Bukamal",
            "SY",
        ),
        (
            "Officials in Ankara said the woman who became a symbol of the resistance in the city of "
            "Kobane is alive. She left Kobane before the last clashes and lives in Turkey.",
            "Kobane",
            "SY",
        ),
    ],
)
def test_a_framed_name_resolves_outside_the_reports_countries_when_the_text_or_the_gazetteer_allows(
    nlp: Language, text: str, name: str, country: str
) -> None:
    _, places = _read(nlp, text)
    assert places[name].country == country


def test_a_headline_name_before_a_paragraph_break_is_the_name_alone(nlp: Language) -> None:
    text = (
        "Militants were killed in Al-Bukamal\n\nFighters executed two men in the Syrian city of Al-Bukamal "
        "on Monday."
    )
    _, places = _read(nlp, text)
    assert "Al-Bukamal" in places and not [m for m in places if m.endswith("\n")]


def test_a_name_a_bearing_places_by_a_city_is_a_place_near_it_or_unresolved(nlp: Language) -> None:
    text = (
        "The Syrian Observatory for Human Rights said 14 pro-government fighters died in clashes "
        "around Al Maleh north of Aleppo on Friday. Troops have tried to take "
        "Al Maleh since the spring of 2014."
    )
    actors, places = _read(nlp, text)
    assert "Al Maleh" not in [a.name for a in actors]
    maleh = places["Al Maleh"]
    assert maleh.lat is None or maleh.lat > 35.0  # no namesake in the far south of Syria


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Rebels lost control of the Castello Road after heavy shelling.", "Castello"),
        # the recogniser ran the name on past "of"
        (
            "Gunmen looted shops in Konduga and Dikwa Local Government Areas of Borno State, a trader said.",
            "Areas",
        ),
        ("Two mortar rounds hit Shukri al-Quwatli Street, police said.", "Quwatli"),
    ],
)
def test_a_name_ending_in_a_word_of_place_is_no_actor(nlp: Language, text: str, word: str) -> None:
    actors, _ = _read(nlp, text)
    assert not [a for a in actors if word in a.name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a plural place noun after a list frames every name of it
        (
            "Four people were wounded when militants shelled al-Sulimaniah and al-Furqan neighborhoods as "
            "families were shopping for the holiday.",
            ["al-Sulimaniah", "al-Furqan"],
        ),
        (
            "Militants fired rocket shells on Sulaiman al-Halabi and al-Midan neighborhoods, killing four "
            "civilians.",
            ["Sulaiman al-Halabi", "al-Midan"],
        ),
    ],
)
def test_a_plural_place_noun_after_a_list_makes_each_name_a_place(
    nlp: Language, text: str, names: list[str]
) -> None:
    actors, places = _read(nlp, text)
    assert set(names) <= set(places)
    assert not set(names) & {m.text for a in actors for m in a.mentions}


@pytest.mark.parametrize(
    "text",
    [
        # the recogniser labels "Touma" alone a person
        "Two women were hurt when militants lobbed a mortar round at Bab Touma with the round landing "
        "near a church in the old quarter.",
        # ... and here "Bab Touma" an organisation
        "A source told the agency that gunmen fired a rocket shell at Bab Touma. Earlier a source at the "
        "police said that gunmen fired rocket shells.",
    ],
)
def test_a_name_led_by_an_arabic_place_word_is_no_actor(nlp: Language, text: str) -> None:
    actors, _ = _read(nlp, text)
    assert not any("Touma" in m.text for a in actors for m in a.mentions)


def test_a_bearing_after_a_dash_frames_the_name(nlp: Language) -> None:
    text = (
        "A soldier fires his rifle during clashes with insurgents in Jurf al-Sakhar - 40 miles "
        "south of Baghdad - on Sunday."
    )
    actors, places = _read(nlp, text)
    assert "Jurf al-Sakhar" in places and "Jurf al-Sakhar" not in _new_actors(actors)


def test_a_nationality_before_a_place_noun_is_no_place_name(nlp: Language) -> None:
    text = "The mayor said it had been a grim week for the Canadian city as overdoses rose."
    _, places = _read(nlp, text)
    assert "Canadian" not in places


def test_a_name_read_as_a_place_is_no_new_actor_there(nlp: Language) -> None:
    actors, places = _read(
        nlp, "Warplanes hit Khan Sheikhun in Idlib province. Khan Sheikhun was struck again at dawn."
    )
    assert places["Khan Sheikhun"].country == "SY"
    place_spans = {(m.start, m.end) for p in places.values() for m in p.mentions}
    assert not [m.text for a in actors if not a.kb_id for m in a.mentions if (m.start, m.end) in place_spans]


def test_a_name_read_as_a_place_only_where_it_is_a_subject_stays_an_actor(nlp: Language) -> None:
    actors, _ = _read(nlp, "Villanueva was arrested by police in Bogota as he left a restaurant.")
    assert "Villanueva" in _new_actors(actors)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a person's name nothing frames as a place
        ("Khadr was detained in 2002 and later charged over a soldier's death in Afghanistan.", "Khadr"),
        # a name before a noun it qualifies
        ("A crowd waited outside the Merdeka palace gates in Jakarta.", "Merdeka"),
    ],
)
def test_a_town_of_unknown_size_needs_a_frame(nlp: Language, text: str, name: str) -> None:
    _, places = _read(nlp, text)
    assert name not in places


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kurdish units raised their flag over Tel Hamis on Friday.", "Tel Hamis"),
        (
            "Two people were hurt when shells fired from Binnish and Maaret Masrin hit the town.",
            "Maaret Masrin",
        ),
    ],
)
def test_a_name_led_by_tel_or_maarat_is_a_place(nlp: Language, text: str, name: str) -> None:
    actors, places = _read(nlp, text)
    assert name in places
    assert name not in _new_actors(actors)
