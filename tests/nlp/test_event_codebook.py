"""PLOVER types for the CAMEO codebook's categories, on sentences written for these tests: signing a
treaty is SUPPORT, sharing intelligence COOPERATE, granting asylum AID, revoking a ban CONCEDE,
ending a blockade RETREAT, recalling an ambassador SANCTION, stepping up security MOBILIZE."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.nlp.extracted import event, events


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        ("The two governments signed a border treaty in Cairo on Monday.", "signed", "SUPPORT"),
        ("Jordan restored diplomatic ties with Qatar after a four-year rift.", "restored diplomatic ties",
         "SUPPORT"),
        ("The minister voiced support for the new transitional council.", "voiced support", "SUPPORT"),
        ("Kenyan and Ugandan police shared intelligence on the smuggling network.", "shared intelligence",
         "COOPERATE"),
        ("Spain extradited the former general to Argentina on Thursday.", "extradited", "COOPERATE"),
        ("Germany granted asylum to the dissident journalist.", "granted asylum", "AID"),
        ("Coast guard boats rescued forty migrants off the Libyan coast.", "rescued", "AID"),
        ("The court acquitted the opposition leader of all charges.", "acquitted", "CONCEDE"),
        ("The junta relaxed the rules on political gatherings.", "relaxed", "CONCEDE"),
        ("The rebels repatriated two hundred prisoners of war across the border.", "repatriated",
         "RETREAT"),
        ("Militia fighters laid down their weapons in the town square.", "laid down their weapons",
         "RETREAT"),
        ("Ankara recalled its ambassador from Vienna in protest.", "recalled its ambassador", "SANCTION"),
        ("Belgrade expelled two Albanian diplomats on Friday.", "expelled two Albanian diplomats",
         "SANCTION"),
        ("The authorities expelled hundreds of migrants across the border.", "expelled", "COERCE"),
        ("The ministry stepped up security around polling stations on Friday.", "stepped up security",
         "MOBILIZE"),
        ("The army redeployed two brigades to the northern frontier.", "redeployed", "MOBILIZE"),
        ("Security forces harassed journalists covering the trial.", "harassed", "COERCE"),
        ("Gunmen beheaded a village elder in the province on Saturday.", "beheaded", "ASSAULT"),
        ("Government troops encircled the rebel stronghold overnight.", "encircled", "FIGHT"),
        ("The two foreign ministers held a telephone conversation on Sunday.", "telephone conversation",
         "CONSULT"),
        ("The rebels released twelve hostages on Sunday.", "released", "RETREAT"),
        ("The rebels declared a unilateral ceasefire on Friday.", "declared a unilateral ceasefire",
         "CONCEDE"),
        ("Both armies observed the truce along the frontier.", "observed the truce", "RETREAT"),
        ("Kenya returned the bodies of the fallen soldiers to Somalia.", "returned the bodies", "RETREAT"),
        ("The navy increased its presence in the strait.", "increased its presence", "MOBILIZE"),
        ("The EU welcomed the decision to hold early elections.", "welcomed", "SUPPORT"),
        ("Japan delivered food and medicine to the flooded provinces.", "delivered food", "AID"),
        ("The president pardoned forty political prisoners.", "pardoned", "CONCEDE"),
        ("The junta issued an ultimatum to the striking miners on Tuesday.", "ultimatum", "THREATEN"),
        ("The prime minister ruled out early elections on Wednesday.", "ruled out", "REJECT"),
    ],
)  # fmt: skip
def test_codebook_categories_have_their_plover_type(
    nlp: Language, text: str, trigger: str, plover: str
) -> None:
    assert event(nlp, text, trigger).type == plover


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "actor"),
    [
        ("The ban on the opposition newspaper was revoked by the court on Monday.", "ban", "CONCEDE",
         "the court"),
        ("The interior ministry revoked its ban on the opposition party.", "ban", "CONCEDE",
         "The interior ministry"),
        ("The blockade of the port was lifted by the navy on Sunday.", "blockade", "RETREAT", "the navy"),
        ("Egypt ended its security cooperation with Sudan on Monday.", "cooperation", "SANCTION", "Egypt"),
        ("The rebels ended their offensive against the town after talks.", "offensive", "RETREAT",
         "The rebels"),
    ],
)  # fmt: skip
def test_ending_an_act_is_a_concession_by_who_ends_it(
    nlp: Language, text: str, trigger: str, plover: str, actor: str
) -> None:
    found = event(nlp, text, trigger)
    assert (found.type, found.status) == (plover, "happened")
    assert found.actor_mention is not None and found.actor_mention.text == actor


def test_ending_does_not_make_people_a_concession(nlp: Language) -> None:
    assert event(nlp, "Police removed the protesters from the square.", "protesters").type == "PROTEST"


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        ("Ankara recalled its long-serving ambassador from Vienna.", "recalled its long-serving ambassador",
         "SANCTION"),
        ("The army lifted on Friday a day-old blockade on the crossing.",
         "lifted on Friday a day-old blockade", "RETREAT"),
        ("Militants fired at least three rockets at the base.", "fired at least three rockets",
         "FIGHT.heavy-weapons"),
    ],
)  # fmt: skip
def test_a_verb_phrase_is_found_through_its_object(
    nlp: Language, text: str, trigger: str, plover: str
) -> None:
    found = event(nlp, text, trigger)
    assert (f"{found.type}.{found.mode}" if found.mode else found.type) == plover


def test_a_phrase_of_intent_to_halt_involvement_is_a_threat(nlp: Language) -> None:
    text = "The UN announced it would withdraw all weapons inspectors from the country."
    assert event(nlp, text, "withdraw all weapons inspectors").type == "THREATEN"


def test_saying_another_party_must_act_is_a_demand(nlp: Language) -> None:
    demand = event(nlp, "Moscow said on Monday that Kiev must return the seized tanker.", "return")
    assert demand.type == "DEMAND"
    assert demand.actor_mention is not None and demand.actor_mention.text == "Moscow"
    assert demand.target_mention is not None and demand.target_mention.text == "Kiev"
    # A verb of demanding already is the demand: what it asks for adds none.
    text = "The foreign minister insisted that Israel should halt settlement construction."
    assert [e.type for e in events(nlp, text)] == ["DEMAND"]


def test_getting_ready_to_use_force_is_mobilizing_saying_so_is_a_threat(nlp: Language) -> None:
    readied = event(nlp, "Government troops are preparing to storm the city, residents said.", "storm")
    assert (readied.type, readied.status) == ("MOBILIZE", "planned")
    stance = event(nlp, "We are prepared to strike if they cross the line, the general said.", "strike")
    assert stance.type == "THREATEN"


def test_a_participle_describing_a_noun_has_its_own_status(nlp: Language) -> None:
    text = "The government said it will release the detained journalists."
    assert event(nlp, text, "release").status == "planned"
    assert event(nlp, text, "detained").status == "reported"


def test_a_signed_agreement_is_an_acled_agreement(nlp: Language) -> None:
    signed = event(nlp, "The army and the rebels signed a ceasefire agreement in Juba.", "signed")
    assert (signed.type, signed.acled_type, signed.acled_subtype) == (
        "SUPPORT",
        "Strategic developments",
        "Agreement",
    )


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "mode"),
    [
        ("Jihadist fighters seized Ramadi after a week of clashes.", "seized Ramadi", "FIGHT", "occupy"),
        ("The militia took the strategic town of Kafr Nabl.", "took the strategic town", "FIGHT", "occupy"),
        ("The group went on to seize further swaths of territory.", "seize further swaths", "FIGHT",
         "occupy"),
        ("Customs officers seized 20 kilograms of heroin at the port.", "seized", "COERCE", "seize"),
    ],
)  # fmt: skip
def test_seizing_a_place_is_taking_it_by_force_and_seizing_goods_is_not(
    nlp: Language, text: str, trigger: str, plover: str, mode: str
) -> None:
    found = event(nlp, text, trigger)
    assert (found.type, found.mode) == (plover, mode)


def test_receiving_a_thing_is_hosting_nobody(nlp: Language) -> None:
    text = "The fighters need more ammunition, though it is unknown if they will receive it in time."
    assert not [e for e in events(nlp, text) if e.type == "CONSULT"]


def test_providing_a_number_is_no_aid_and_withholding_it_no_rejection(nlp: Language) -> None:
    text = "Fighters were also killed, said the monitor's head, who did not provide a precise number."
    assert {e.type for e in events(nlp, text)} == {"ASSAULT"}


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        ("Coalition jets destroyed five fighting positions and a tank near the dam.",
         "destroyed five fighting positions", "FIGHT"),
        ("Settlers destroyed olive trees and two homes in the village.", "destroyed", "COERCE"),
        ("Village women disarmed nearly a dozen gunmen on Sunday.", "disarmed nearly a dozen gunmen",
         "COERCE"),
        ("The militia disarmed and handed its weapons to the army.", "disarmed", "RETREAT"),
        ("The community rallied round to help the families.", "rallied round", "SUPPORT"),
        ("Thousands rallied in the capital on Friday.", "rallied", "PROTEST"),
    ],
)  # fmt: skip
def test_what_is_destroyed_disarmed_or_rallied_round_decides_the_type(
    nlp: Language, text: str, trigger: str, plover: str
) -> None:
    """Military targets destroyed are fought, property is coerced; disarming others takes their
    weapons, disarming oneself steps back; rallying round backs, rallying protests."""
    assert event(nlp, text, trigger).type == plover
