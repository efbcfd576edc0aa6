"""The gazetteer: name folding, the supplement format, lookups on a hand-built index and on the real one."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import GazetteerError
from marsad.resolve.gazetteer import (
    Gazetteer,
    GazPlace,
    build_index,
    default_gazetteer,
    division_names,
    strip_admin_word,
)
from marsad.resolve.names import display_name, fold
from marsad.resolve.supplement import load_supplement


@pytest.mark.parametrize(
    "variants",
    [
        ["Hmeimim", "Hmeymim", "Khmeimim"],
        ["al-Bukamal", "Al Bukamal", "Bukamal", "el-Bukamal"],
        ["Deir al-Zour", "Deir ez-Zor", "Deir Al-Zour", "Dayr al-Zur"],
        ["Tartous", "Tartus", "Ţarţūs"],
        ["Raqqa", "Rakka", "Raqqah", "ar-Raqqa", "Ar Raqqah"],
        ["Lattakia", "Latakia"],
        ["Salhiya", "Salhiyah", "Salhiyeh"],
        ["Al-Mayadin", "Al Mayādīn", "Mayadin"],
        # an assimilated article as a word inside the name, as GeoNames writes it
        ["Jisr al-Shughour", "Jisr ash Shughur", "Jisr ash-Shughur"],
        ["Ras al-Naqb", "Ra’s an Naqb"],
        ["Tel Abyad", "Tall Abyad", "Tell Abyad", "Tal Abyad"],
    ],
)
def test_transliteration_variants_fold_to_one_key(variants: list[str]) -> None:
    assert len({fold(name) for name in variants}) == 1


def test_fold_keeps_a_bare_article_and_display_name_drops_marks() -> None:
    assert fold("Al") == "al"
    assert display_name("Ālbū Kamāl") == "Albu Kamal"
    assert strip_admin_word("Rapides Parish") == "Rapides"
    assert strip_admin_word("Idlib") == "Idlib"


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Provincia di Cosenza", "Cosenza"),
        ("Anhui Sheng", "Anhui"),
        ("Guangxi Zhuangzu Zizhiqu", "Guangxi"),
        ("Departement de la Gironde", "Gironde"),
        ("Province of Pangasinan", "Pangasinan"),
        ("Kisumu District", "Kisumu"),
    ],
)
def test_division_names_add_the_bare_name(name: str, bare: str) -> None:
    assert division_names(name) == [name, bare]


def test_division_names_keep_a_name_that_is_only_a_direction() -> None:
    assert division_names("Northern Territory") == ["Northern Territory"]
    assert division_names("Kent") == ["Kent"]


def _tiny(tmp_path: Path, supplement_text: str = "") -> Gazetteer:
    index = tmp_path / "tiny.sqlite"
    places = [
        (
            GazPlace(
                ref="geonames:1",
                name="Latakia",
                lat=35.53,
                lon=35.79,
                country="SY",
                feature="city",
                population=709000,
                geonames_id=1,
                admin1_code="SY.02",
            ),
            ["Latakia", "Al Ladhiqiyah"],
        ),
        (
            GazPlace(
                ref="admin1:SY.02",
                name="Latakia",
                lat=35.6,
                lon=36.0,
                country="SY",
                feature="admin1",
                population=800000,
                admin1_code="SY.02",
            ),
            ["Latakia"],
        ),
        (
            GazPlace(
                ref="country:SY",
                name="Syria",
                lat=0,
                lon=0,
                country="SY",
                feature="country",
                population=17000000,
                geonames_id=163843,
            ),
            ["Syria"],
        ),
    ]
    build_index(index, places)
    toml = tmp_path / "places.toml"
    toml.write_text(supplement_text, encoding="utf-8")
    return Gazetteer(index, load_supplement([toml]))


def test_lookup_merges_index_and_supplement_and_lays_country_points_over(tmp_path: Path) -> None:
    gazetteer = _tiny(
        tmp_path,
        """
[[place]]
id = "hmeimim-air-base"
name = "Hmeimim Air Base"
feature = "military"
country = "SY"
lat = 35.4011
lon = 35.9486
aliases = ["Hemeimeem"]

[[alias]]
target = "geonames:1"
names = ["Lattakia"]

[[country]]
code = "SY"
lat = 35.0
lon = 38.0
demonyms = ["Syrian"]
""",
    )
    found = gazetteer.lookup([fold("Hemeimeem"), fold("Lattakia"), fold("Syria")])
    assert [c.place.ref for c in found[fold("Hemeimeem")]] == ["marsad:hmeimim-air-base"]
    assert {c.place.ref for c in found[fold("Lattakia")]} == {"geonames:1", "admin1:SY.02"}
    syria = gazetteer.country("SY")
    assert syria is not None and (syria.lat, syria.lon) == (35.0, 38.0)
    city = gazetteer.get("geonames:1")
    assert city is not None and city.admin1 == "Latakia"
    assert gazetteer.admin1_of(city) == gazetteer.get("admin1:SY.02")
    assert gazetteer.demonym("Syrians") == "SY"


def test_a_user_adds_an_alias_by_editing_data(tmp_path: Path) -> None:
    gazetteer = _tiny(tmp_path, '[[alias]]\ntarget = "geonames:1"\nnames = ["Laodicea ad Mare"]\n')
    assert [c.place.ref for c in gazetteer.lookup([fold("Laodicea ad Mare")])[fold("Laodicea ad Mare")]] == [
        "geonames:1"
    ]


def test_a_malformed_supplement_names_the_file_and_entry(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[place]]\nid = "x"\nname = "X"\nfeature = "castle"\nlat = 1\nlon = 2\n', encoding="utf-8"
    )
    with pytest.raises(GazetteerError, match=r"bad\.toml.*feature"):
        load_supplement([bad])


def test_bundled_supplement_is_valid_and_its_ids_are_unique() -> None:
    supplement = load_supplement()
    refs = [place.ref for place in supplement.places]
    assert len(refs) == len(set(refs))
    assert all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p in supplement.places)


def test_real_gazetteer_has_the_places_the_issue_names() -> None:
    gazetteer = default_gazetteer()
    found = gazetteer.lookup(
        [fold(n) for n in ["Hemeimeem", "Khmeimim", "al-Bukamal", "Deir al-Zour", "Salhiya"]]
    )
    hmeimim = {c.place.ref for key in (fold("Hemeimeem"), fold("Khmeimim")) for c in found[key]}
    assert hmeimim == {"marsad:hmeimim-air-base"}
    assert any(c.place.geonames_id == 174448 for c in found[fold("al-Bukamal")])  # Abu Kamal
    assert any(c.place.geonames_id == 170794 for c in found[fold("Deir al-Zour")])  # Deir ez-Zor
    assert all(c.place.country == "SY" for c in found[fold("Salhiya")])
