"""Where the text says a place is: a stated container bounds the choice
(marsad/resolve/containment.py); without one, foreign towns still resolve."""

from __future__ import annotations

from spacy.language import Language

from marsad.model import Place


def _by_mention(nlp: Language, text: str) -> dict[str, Place]:
    places: list[Place] = nlp(text)._.marsad_places
    return {m.text: place for place in places for m in place.mentions}


def test_a_village_in_a_named_syrian_province_is_not_resolved_abroad(nlp: Language) -> None:
    text = (
        "The Britain-based Syrian Observatory for Human Rights said jets bombed a bakery in the village of "
        "Al-Shafah in Deir az-Zour province shortly before dawn on Tuesday."
    )
    found = _by_mention(nlp, text)
    assert found["Deir az-Zour"].country == "SY" and found["Deir az-Zour"].feature == "admin1"
    # GeoNames lacks the village; its only namesake of the name is in Saudi Arabia.
    village = found["Al-Shafah"]
    assert village.country in (None, "SY") and village.admin1 in (None, "Deir ez-Zor")


def test_a_field_east_of_a_syrian_city_is_not_resolved_abroad(nlp: Language) -> None:
    text = "Ninety people were killed in the attack on the Shaar gas field east of Homs in central Syria."
    assert _by_mention(nlp, text)["Shaar"].country in (None, "SY")


def test_a_stated_state_picks_the_namesake_in_it(nlp: Language) -> None:
    found = _by_mention(nlp, "He was born in Paris, Texas, and worked at a clinic in London, Kentucky.")
    assert (found["Paris"].country, found["Paris"].admin1) == ("US", "Texas")
    assert (found["London"].country, found["London"].admin1) == ("US", "Kentucky")
    atlanta = _by_mention(nlp, "Samples were flown to the Centers for Disease Control in Atlanta, Georgia.")
    assert atlanta["Georgia"].country == "US" and atlanta["Atlanta"].country == "US"


def test_lists_and_opening_phrases_are_no_containment(nlp: Language) -> None:
    found = _by_mention(
        nlp, "Clashes went on in Aleppo, Idlib and Hama. In Damascus, Russia's envoy met officials."
    )
    assert {found[name].country for name in ("Aleppo", "Idlib", "Hama", "Damascus")} == {"SY"}


def test_a_neighbourhood_stated_by_apposition_is_not_resolved_abroad(nlp: Language) -> None:
    text = (
        "Rockets hit the neighborhoods of Jobar and Zamalka on the eastern outskirts of the capital. "
        "In Jobar, a Damascus neighborhood, explosions shook the houses."
    )
    assert _by_mention(nlp, text)["Jobar"].country in (None, "SY")  # not Jübar, Germany


def test_the_levant_is_the_world_region(nlp: Language) -> None:
    text = "Iran's influence across the Levant grew as its militias fought in Syria and Iraq."
    levant = _by_mention(nlp, text)["Levant"]
    assert levant.feature == "region" and levant.country is None


def test_a_small_foreign_namesake_alone_in_its_country_stays_unresolved(nlp: Language) -> None:
    text = (
        "Rockets hit Damascus and Douma on Thursday. Rockets also hit the neighborhoods of Jobar and "
        "Qaboun, and shells fell on Harasta, in Eastern Ghouta east of Damascus."
    )
    assert _by_mention(nlp, text)["Jobar"].country in (None, "SY")  # not Jübar, Germany
    abroad = "Tourists in Paris visited Versailles and Giverny, then went on to Jubar in Germany."
    assert _by_mention(nlp, abroad)["Jubar"].country == "DE"


def test_a_bracket_states_a_chain_of_containers_past_one_the_gazetteer_lacks(nlp: Language) -> None:
    text = "Insurgents set fire to Nacoba village (Quissanga, Cabo Delgado) overnight, and six people died."
    places = {m.text: p.country for p in nlp(text)._.marsad_places for m in p.mentions}
    assert places.get("Cabo Delgado") == "MZ"
    assert places.get("Nacoba") in (None, "MZ")
