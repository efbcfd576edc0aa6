"""Events an analyst would list: topic mentions, repeats and dangers are not events; statuses of
purposes, attempts, predictions and reported intents; who was hit decides ACLED's type."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.nlp.extracted import event, events


def triggers(nlp: Language, text: str) -> list[str]:
    return [e.trigger.text for e in events(nlp, text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Iran and Russia were bound together through alliances in several files.", "alliances"),
        ("The militia used the unrest as a pretext for intervention.", "intervention"),
        ("The two countries were subjected to tight economic sanctions.", "sanctions"),
    ],
)
def test_topic_mentions_are_not_events(nlp: Language, text: str, word: str) -> None:
    assert word not in triggers(nlp, text)


def test_a_nominal_event_with_its_own_place_or_actor_stays(nlp: Language) -> None:
    assert "sanctions" in triggers(nlp, "The Western sanctions hurt the economy.")
    assert "Clashes" in triggers(nlp, "Clashes in Marib left ten dead.")


def test_an_event_noun_told_by_its_verb_is_one_event(nlp: Language) -> None:
    found = events(nlp, "The two sides signed a ceasefire agreement in Doha.")
    assert [(e.type, e.trigger.text) for e in found] == [("SUPPORT", "signed")]
    assert "battle" not in triggers(nlp, "The rebels will fight a long battle in the north.")


def test_a_definite_repeat_adds_no_event(nlp: Language) -> None:
    text = (
        "Critics condemned the Russian intervention in Syria. Officials defended the Russian "
        "intervention. The Russian intervention changed the war."
    )
    assert triggers(nlp, text).count("intervention") == 1


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The drought threatens the harvest in the south.", False),
        ("Their interests are threatened by the crisis.", False),
        ("Turkey threatened further action against Russia.", True),
        ("Iran threatened to close the strait.", True),
    ],
)
def test_a_danger_is_not_a_threat(nlp: Language, text: str, kept: bool) -> None:
    assert any(e.type == "THREATEN" for e in events(nlp, text)) is kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Thousands demonstrated in Cairo on Friday.", True),
        ("A number of traders rallied outside the governorate building.", True),
        ("They marched to the ministry demanding unpaid wages.", True),
        ("The split between the two camps clearly demonstrated in recent weeks.", False),
        ("The dollar rallied against the euro on Monday.", False),
        ("The army demonstrated its strength.", False),
    ],
)
def test_only_people_demonstrate_rally_or_march(nlp: Language, text: str, kept: bool) -> None:
    assert any(e.type == "PROTEST" for e in events(nlp, text)) is kept


def test_place_is_where_the_event_happens(nlp: Language) -> None:
    doc = nlp.make_doc("Analysts discussed the withdrawal of Russia from Syria.")
    doc = nlp(doc)
    places = {p.id: p.name for p in doc._.marsad_places}
    (withdrawal,) = [e for e in doc._.marsad_events if e.trigger.text == "withdrawal"]
    assert withdrawal.place is not None and places[withdrawal.place] == "Syria"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Shelling hit a bakery in Douma, according to the London-based Syrian Network for Human Rights.",
            "Shelling",
        ),
        ("The rockets struck Kirkuk, a monitoring group based in Britain said.", "struck"),
        ("Troops stormed the village, said an observatory which is based in Britain.", "stormed"),
    ],
)
def test_the_seat_of_a_source_is_not_where_the_event_happens(nlp: Language, text: str, trigger: str) -> None:
    doc = nlp(nlp.make_doc(text))
    places = {p.id: p.name for p in doc._.marsad_places}
    found = next(e for e in doc._.marsad_events if e.trigger.text == trigger)
    assert found.place is None or places[found.place] not in {"London", "United Kingdom"}


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Shelling hit a bakery in Homs, according to local activists.", "Shelling", "FIGHT"),
        ("Bombing killed six civilians in Idlib.", "Bombing", "ASSAULT"),
    ],
)
def test_an_event_noun_opening_a_sentence_is_found_though_the_tagger_misreads_it(
    nlp: Language, text: str, trigger: str, kind: str
) -> None:
    assert event(nlp, text, trigger).type == kind


@pytest.mark.parametrize(
    ("text", "trigger", "victim"),
    [
        ("Regime forces killed in an ambush near Hama.", "killed", "Regime forces"),
        ("Two activists arrested in Damascus.", "arrested", "Two activists"),
        ("The journalists detained last week were released on Sunday.", "detained", "The journalists"),
    ],
)
def test_a_passive_without_its_auxiliary_names_who_suffered(
    nlp: Language, text: str, trigger: str, victim: str
) -> None:
    found = event(nlp, text, trigger)
    assert found.actor_mention is None
    assert found.target_mention is not None and found.target_mention.text == victim


def test_a_village_attacked_is_a_target_though_it_names_a_place(nlp: Language) -> None:
    found = event(nlp, "Gunmen attacked the village of Kafr Nabudah and burned several houses.", "attacked")
    assert found.target_mention is not None and found.target_mention.text.startswith("the village")


def test_another_verb_s_object_is_not_the_actor(nlp: Language) -> None:
    found = event(nlp, "They did not come in order to retain Assad or to support Iran.", "support")
    assert found.actor_mention is None or found.actor_mention.text != "Assad"


def test_an_active_violent_verb_keeps_its_subject_as_actor(nlp: Language) -> None:
    found = event(nlp, "Rebels shot and killed two soldiers near Idlib.", "killed")
    assert found.actor_mention is not None and found.actor_mention.text == "Rebels"


def test_a_time_in_another_clause_does_not_date_the_event(nlp: Language) -> None:
    text = (
        "We must know the reason for the withdrawal of Russia from Syria, where in 2013 Russia kept fighting."
    )
    withdrawal = next(e for e in events(nlp, text, "2016-03-17") if e.trigger.text == "withdrawal")
    assert withdrawal.date_precision == "published"


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Russia did not come in order to support Iran.", "support", "planned"),
        ("Analysts doubted the hypothesis that the army was defeated.", "defeated", "hypothetical"),
        ("The army will respond to any aggression against the city.", "aggression", "hypothetical"),
        ("This will only force America to retreat again.", "retreat", "hypothetical"),
        ("Hundreds of workers gathered in Nairobi to protest against layoffs.", "protest", "happened"),
        ("The forces supporting the opposition met in Ankara.", "supporting", "ongoing"),
    ],
)
def test_status_of_purposes_predictions_and_nonspecific_events(
    nlp: Language, text: str, trigger: str, status: str
) -> None:
    assert event(nlp, text, trigger).status == status


def test_a_negated_intent_is_negated(nlp: Language) -> None:
    fight = event(nlp, "Russia does not want to fight the rebels.", "fight")
    assert fight.negated and fight.status != "happened"


def test_intents_purposes_and_attempts_in_plover(nlp: Language) -> None:
    assert event(nlp, "Farmers said they would blockade the capital.", "blockade").type == "THREATEN"
    assert event(nlp, "The army launched raids to capture the town.", "capture").type == "FIGHT"
    assert event(nlp, "Hackers tried to hack into the ministry's computers.", "hack into").type == "COERCE"


@pytest.mark.parametrize(
    ("text", "trigger", "acled"),
    [
        (
            "On 3 May 2020, gunmen attacked a group of farmers in Kaduna.",
            "attacked",
            "Violence against civilians",
        ),
        ("On 3 May 2020, militants attacked an army checkpoint in Borno.", "attacked", "Battles"),
        ("On 3 May 2020, two soldiers were killed by militants in Mali.", "killed", "Battles"),
        ("On 3 May 2020, residents attacked a suspected thief in Lagos.", "attacked", "Riots"),
        (
            "On 3 May 2020, the rebels fired mortars and small arms at army positions near Donetsk.",
            "fired",
            "Battles",
        ),
    ],
)
def test_acled_type_follows_who_was_hit(nlp: Language, text: str, trigger: str, acled: str) -> None:
    assert event(nlp, text, trigger).acled_type == acled


def test_who_suffers_a_passive_event_is_its_target_not_its_actor(nlp: Language) -> None:
    killed = event(nlp, "Two soldiers were killed near the border on Friday.", "killed")
    assert killed.actor_mention is None
    assert killed.target_mention is not None and killed.target_mention.text == "Two soldiers"
    # Who was forced to act is who acts: the controller rule still reads the passive above.
    stepped = event(nlp, "The opposition leader was forced to step down by the army.", "step down")
    assert stepped.actor_mention is not None and stepped.actor_mention.text == "The opposition leader"
