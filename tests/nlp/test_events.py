"""Component `marsad_events`: triggers, status and negation, arguments, codes, on sentences we wrote."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.nlp.extracted import event, events


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Putin ordered a partial withdrawal of Russian troops from Syria.", "withdrawal", "ordered"),
        ("Russian troops withdrew from Syria on Monday.", "withdrew", "happened"),
        ("The ministry announced the withdrawal of its forces from Aleppo.", "withdrawal", "announced"),
        ("The army plans to attack the town next week.", "attack", "planned"),
        ("The rebels are attacking the airport.", "attacking", "ongoing"),
        ("Officials said the militia attacked the convoy.", "attacked", "reported"),
        ("The government denied that its forces shelled the village.", "shelled", "denied"),
        ("Turkey threatened to impose sanctions on the company.", "sanctions", "threatened"),
        ("The army could capture the city within days.", "capture", "hypothetical"),
        ("The army completed the liberation of the town.", "liberation", "happened"),
        ("The forces continued their attack on the airbase.", "attack", "ongoing"),
        ("Israel reportedly struck an arms depot near Damascus.", "struck", "reported"),
        ("The rebels committed to withdraw from the town.", "withdraw", "planned"),
        ("The regime committed a massacre in the village.", "massacre", "happened"),
    ],
)
def test_events_status(nlp: Language, text: str, trigger: str, status: str) -> None:
    assert event(nlp, text, trigger).status == status


def test_events_conditional_threat_is_not_an_attack(nlp: Language) -> None:
    found = event(
        nlp, "If the terrorists return, we will carry out unprecedented strikes against them.", "strikes"
    )
    assert (found.type, found.status) == ("THREATEN", "conditional")
    assert found.acled_type is None  # a threat is no ACLED event


def test_events_denial_of_agreement_is_negated_and_denied(nlp: Language) -> None:
    text = "The spokesman for the Iraqi army said that there is absolutely no agreement with the SDF."
    found = event(nlp, text, "agreement")
    assert found.negated and found.status == "denied"
    assert found.target_mention is not None and "SDF" in found.target_mention.text


@pytest.mark.parametrize(
    "text",
    [
        "The army did not attack the village.",
        "The rebels never captured the town.",
        "Russia intervened without a direct attack on the city.",
        "The coalition said it had not conducted any strikes in the area.",
        "The ministry denied that its aircraft had carried out any strikes on the town.",
    ],
)
def test_events_negation_is_never_happened(nlp: Language, text: str) -> None:
    negated = [e for e in events(nlp, text) if e.negated]
    assert negated and all(e.status != "happened" for e in negated)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The army halted its advance on Saraqib.", "advance"),
        ("Government forces stopped the offensive on Daraa after the talks.", "offensive"),
    ],
)
def test_halting_an_attack_is_a_retreat_from_one_that_took_place(
    nlp: Language, text: str, trigger: str
) -> None:
    found = event(nlp, text, trigger)
    assert (found.type, found.status, found.negated) == ("RETREAT", "happened", False)


def test_a_condition_parsed_on_the_saying_conditions_what_is_said(nlp: Language) -> None:
    found = event(nlp, "If the talks fail, the rebels said they would resume attacks.", "attacks")
    assert (found.type, found.status) == ("THREATEN", "conditional")
    assert found.actor_mention is not None and found.actor_mention.text == "the rebels"


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("Russia said it would withdraw its troops from Syria.", "withdraw", "Russia"),
        ("Turkey warned it would launch a new offensive against the YPG.", "offensive", "Turkey"),
        ("Erdogan said he would visit Moscow next week.", "visit", "Erdogan"),
    ],
)
def test_a_pronoun_subject_of_what_is_said_is_the_sayer(
    nlp: Language, text: str, trigger: str, actor: str
) -> None:
    found = event(nlp, text, trigger)
    assert found.actor_mention is not None and found.actor_mention.text == actor
    assert found.status == "planned"


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("The United States urged Russia to withdraw its troops from Syria.", "withdraw", "Russia"),
        ("The UN called on all parties to halt the fighting in Idlib.", "fighting", "all parties"),
        ("The government ordered the newspaper to suspend publication.", "suspend", "The government"),
    ],
)
def test_who_is_asked_to_act_would_act_but_an_order_stays_the_orderer_s(
    nlp: Language, text: str, trigger: str, actor: str
) -> None:
    found = event(nlp, text, trigger)
    assert found.actor_mention is not None and found.actor_mention.text == actor


def test_events_nominal_event_with_nationality_actor(nlp: Language) -> None:
    found = event(
        nlp, "The Iranian missile strike against ISIS sites in Deir al-Zour killed dozens.", "missile strike"
    )
    assert (found.type, found.mode, found.status) == ("FIGHT", "heavy-weapons", "happened")
    assert found.actor_mention is not None and found.actor_mention.text == "Iranian"
    assert found.target_mention is not None and "ISIS" in found.target_mention.text


def test_events_verbal_arguments_and_conjunction(nlp: Language) -> None:
    text = "Russian President Vladimir Putin visited Damascus and met with President Bashar al-Assad."
    visit, meeting = event(nlp, text, "visited"), event(nlp, text, "met")
    assert (visit.type, visit.mode) == ("CONSULT", "visit")
    assert visit.actor is not None and visit.actor == meeting.actor
    assert meeting.target_mention is not None and "Assad" in meeting.target_mention.text


def test_events_codes_map_to_cameo_and_acled(nlp: Language) -> None:
    clash = event(nlp, "Government forces clashed with Houthi fighters in Marib.", "clashed")
    assert (clash.cameo, clash.acled_type, clash.acled_subtype) == ("19", "Battles", "Armed clash")
    protest = event(nlp, "Hundreds of teachers protested in Beirut demanding unpaid wages.", "protested")
    assert (protest.acled_type, protest.acled_subtype) == ("Protests", "Peaceful protest")
    shelling = event(nlp, "Regime forces shelled the village of Kafr Nabl.", "shelled")
    assert shelling.acled_subtype == "Shelling/artillery/missile attack"


def test_events_date_from_sentence_else_publication(nlp: Language) -> None:
    dated = events(nlp, "On 17 March 2016, Russia began the withdrawal of its forces.", "2016-03-20")
    assert [e.date.start if e.date else None for e in dated] == ["2016-03-17"]
    assert dated[0].date_precision == "day"
    undated = events(nlp, "Russia began the withdrawal of its forces.", "2016-03-20")
    assert undated[0].date is not None and undated[0].date.start == "2016-03-20"
    assert undated[0].date_precision == "published"


def test_events_confidence_and_ids(nlp: Language) -> None:
    found = events(nlp, "The army attacked the town. Operations continued.")
    assert [e.id for e in found] == [f"e{n}" for n in range(1, len(found) + 1)]
    assert all(e.confidence is not None and 0 < e.confidence < 1 for e in found)


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("Russian jets hit Raqqa on Monday.", True),
        ("Government warplanes hit rebel positions in Idlib, activists said.", True),
        ("The sanctions hit the economy hard.", False),
        ("The storm hit the coast overnight.", False),
    ],
)
def test_aircraft_that_hit_a_place_attack_it(nlp: Language, text: str, hit: bool) -> None:
    found = [e for e in events(nlp, text) if e.type == "FIGHT"]
    assert bool(found) == hit
    if hit:
        assert found[0].trigger.text.endswith("hit")


def test_a_time_inside_the_subject_dates_the_act_only_when_the_subject_is_an_event(nlp: Language) -> None:
    found = events(
        nlp,
        "The attack on 2 May killed five soldiers. The regime, in power since 1963, crushed the protests.",
    )
    dates = {e.trigger.text: e.date.start if e.date else None for e in found}
    assert dates["killed"] == "2020-05-02"
    assert dates["protests"] != "1963-01-01"


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "target"),
    [
        ("US-led strikes on the northern Syrian province of Raqqa killed 20.", "killed", "US", None),
        ("Russian air strikes killed 53 civilians in the east.", "killed", "Russian", None),
        ("The attack on the Syrian town killed five people.", "attack", None, "the Syrian town"),
    ],
)
def test_an_event_that_does_an_act_lends_it_its_actor_and_a_town_is_no_state(
    nlp: Language, text: str, trigger: str, actor: str | None, target: str | None
) -> None:
    found = event(nlp, text, trigger)
    assert (found.actor_mention.text if found.actor_mention else None) == actor
    if target is not None:
        assert found.target is None and found.target_mention is not None
        assert found.target_mention.text == target


def test_a_verb_that_carries_an_event_object_is_not_an_event_itself(nlp: Language) -> None:
    found = events(nlp, "The regime committed a horrific massacre in the village.")
    assert [(e.type, e.trigger.text) for e in found] == [("ASSAULT", "massacre")]
    assert event(nlp, "Russia committed to a ceasefire in Aleppo.", "committed").type == "AGREE"


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("Civilians died when Assad's air force pounded the market.", "pounded", "Assad's air force"),
        ("Turkish artillery shelled villages near Afrin.", "shelled", "Turkish artillery"),
    ],
)
def test_a_states_or_leaders_arm_does_the_act(nlp: Language, text: str, trigger: str, actor: str) -> None:
    doc = nlp(text)
    (found,) = [e for e in doc._.marsad_events if e.trigger.text == trigger]
    actors = {a.id: [m.text for m in a.mentions] for a in doc._.marsad_actors}
    assert found.actor is not None and actors[found.actor] == [actor]


def test_where_an_event_takes_place_names_no_party_to_it(nlp: Language) -> None:
    found = event(nlp, "Iran and Turkey hosted negotiations in the Kazakh capital Astana.", "hosted")
    assert found.target is None
    assert found.place is not None


def test_an_outlet_says_but_does_not_strike(nlp: Language) -> None:
    # A byline run into a headline: "by <outlet>" reads as the agent of the headline's passive.
    text = (
        "by Al Jazeera English Thirty Killed in Syrian Strikes on Douma. "
        "Al Jazeera accused the army of shelling the town."
    )
    doc = nlp(text)
    outlet = {a.id for a in doc._.marsad_actors if a.type == "media outlet"}
    assert outlet
    acts = {e.trigger.text: e.actor for e in doc._.marsad_events}
    assert acts["accused"] in outlet
    assert acts["Killed"] not in outlet


@pytest.mark.parametrize(
    ("text", "fight"),
    [
        ("Government forces approached the town from the north.", True),
        ("The army advanced towards Raqqa on Monday.", True),
        ("As the deadline approached, diplomats left Geneva.", False),
        ("The envoy hopes to advance the peace process.", False),
        ("Both sides reported a breakthrough in the negotiations.", False),
    ],
)
def test_an_advance_is_a_force_moving_on_ground(nlp: Language, text: str, fight: bool) -> None:
    assert any(e.type == "FIGHT" for e in events(nlp, text)) == fight


@pytest.mark.parametrize(
    ("text", "aid"),
    [
        ("Russia provided weapons to the army.", True),
        ("The ministry provided details of the attack.", False),
        ("The monitor said 12 died, without providing a toll.", False),
    ],
)
def test_what_is_given_decides_whether_it_is_aid(nlp: Language, text: str, aid: bool) -> None:
    assert any(e.type == "AID" for e in events(nlp, text)) == aid


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Saudi Arabia sent 50 tonnes of food aid to the flood victims.", "AID"),
        ("The EU gave the country 30 million euros in humanitarian assistance.", "AID"),
        ("Ankara sent a convoy of troops to the border town.", "MOBILIZE"),
    ],
)
def test_an_amount_or_load_sent_is_what_it_carries(nlp: Language, text: str, event_type: str) -> None:
    assert [e.type for e in events(nlp, text)][:1] == [event_type]


@pytest.mark.parametrize(
    "text",
    [
        "The United States cut off military assistance to the junta on Friday.",
        "Britain withdrew its envoy from Damascus.",
    ],
)
def test_stopping_assistance_or_withdrawing_an_envoy_is_a_sanction(nlp: Language, text: str) -> None:
    assert "SANCTION" in [e.type for e in events(nlp, text)]


def test_a_light_verb_carries_an_event_counted_by_an_amount(nlp: Language) -> None:
    found = events(nlp, "Government warplanes carried out dozens of air strikes on rebel positions.")
    assert [(e.type, e.trigger.text) for e in found] == [("FIGHT", "air strikes")]
    assert found[0].actor_mention is not None and found[0].actor_mention.text == "Government warplanes"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Dock workers walked off the job on Monday over unpaid wages.", "PROTEST"),
        ("The agency delivered rations and blankets to displaced families in the north.", "AID"),
    ],
)
def test_walking_off_the_job_and_delivering_rations(nlp: Language, text: str, event_type: str) -> None:
    assert [e.type for e in events(nlp, text)][:1] == [event_type]
