"""Patterns read off conflict reports Marsad had never seen: events a source reports ("according to
X", deep inside what X says) are reported, not happened; nobody killed is no killing; who reports
an act did not do it; "they" is no single person; "a man from France" does not place the event."""

from __future__ import annotations

import pytest
from spacy.language import Language

from marsad.model import Claim, Event
from tests.nlp.extracted import event


def analyzed(nlp: Language, text: str) -> tuple[list[Event], list[Claim], dict[str, str]]:
    doc = nlp.make_doc(text)
    doc._.marsad_published = "2020-05-04"
    doc = nlp(doc)
    names = {a.id: a.name for a in doc._.marsad_actors or []}
    return list(doc._.marsad_events), list(doc._.marsad_claims), names


def only_event(nlp: Language, text: str, trigger: str) -> tuple[Event, dict[str, str]]:
    """The one event whose trigger is `trigger`, and the names of the text's actors by id."""
    events, _, names = analyzed(nlp, text)
    (found,) = [e for e in events if e.trigger.text == trigger]
    return found, names


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Two soldiers were killed near the border post on Friday, according to local sources.", "killed"),
        ("According to the health ministry, three civilians were wounded in the town.", "wounded"),
        (
            "Nine people died after militants fired rockets at the market, according to police.",
            "fired rockets",
        ),
        ("According to residents, the crackdown left dozens dead in the capital.", "crackdown"),
    ],
)
def test_according_to_makes_a_report(nlp: Language, text: str, trigger: str) -> None:
    assert event(nlp, text, trigger).status == "reported"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The villagers say the shelling forced them to leave their homes.", "shelling"),
        ("The army says it is pressing its military operations in the valley.", "operations"),
        ("Activists said the men who attacked the convoy were never caught.", "attacked"),
    ],
)
def test_an_event_deep_in_what_a_source_says_is_reported(nlp: Language, text: str, trigger: str) -> None:
    assert event(nlp, text, trigger).status == "reported"


def test_what_a_source_says_does_not_reach_a_clause_beside_it(nlp: Language) -> None:
    text = "After troops attacked the town, the rebels said they would retaliate."
    assert event(nlp, text, "attacked").status == "happened"
    assert (
        event(nlp, "The liberation of the town was celebrated in the capital.", "liberation").status
        == "happened"
    )


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Gunmen opened fire on a police post on Monday; no one was injured.", "injured"),
        ("Nobody was killed in the blast at the depot.", "killed"),
        ("No people were reported injured or killed.", "killed"),
        ("None of the demonstrators were arrested by the police.", "arrested"),
    ],
)
def test_a_negative_subject_negates_the_event(nlp: Language, text: str, trigger: str) -> None:
    found = event(nlp, text, trigger)
    assert found.negated
    assert found.status == "denied"


def test_a_negative_subject_does_not_reach_a_clause_with_its_own(nlp: Language) -> None:
    text = "None of the attackers were arrested, but two guards were killed."
    assert event(nlp, text, "killed").status == "happened"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The rebel commander was killed in clashes with the army, Ahmed Hassan told reporters.", "killed"),
        ("Two policemen were shot dead in the market, Colonel John Mwangi told Reuters.", "shot dead"),
    ],
)
def test_who_reports_an_act_is_not_its_actor(nlp: Language, text: str, trigger: str) -> None:
    assert event(nlp, text, trigger).actor is None


def test_who_says_there_is_no_agreement_is_its_side(nlp: Language) -> None:
    events, _, names = analyzed(nlp, "Russia said there is no agreement on a ceasefire.")
    agreement = next(e for e in events if e.trigger.text == "agreement")
    assert agreement.actor is not None and names[agreement.actor] == "Russia"


def test_they_is_no_single_person(nlp: Language) -> None:
    text = (
        "President Assad said the army had won. The rebels say they will keep fighting. "
        "They deny they are negotiating a deal."
    )
    _, claims, names = analyzed(nlp, text)
    denial = next(c for c in claims if c.cue == "deny")
    assert denial.speaker is None or names[denial.speaker] != "Bashar al-Assad"


def test_it_and_he_keep_their_antecedents(nlp: Language) -> None:
    text = "The Syrian army said it had captured the town. It said the rebels had fled."
    _, claims, _ = analyzed(nlp, text)
    assert claims[0].speaker is not None and claims[1].speaker == claims[0].speaker
    text = "President Assad said the army had won. He said the rebels had fled."
    _, claims, _ = analyzed(nlp, text)
    assert claims[0].speaker is not None and claims[1].speaker == claims[0].speaker


def place_of(nlp: Language, text: str, trigger: str) -> str | None:
    doc = nlp.make_doc(text)
    doc._.marsad_published = "2020-05-04"
    doc = nlp(doc)
    names = {p.id: p.name for p in doc._.marsad_places or []}
    found = next(e for e in doc._.marsad_events if e.trigger.text == trigger)
    return names.get(found.place) if found.place else None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A student from France was shot dead on Friday while a friend was cleaning a pistol.", "shot dead"),
        ("Two observers, one from Kenya and the other from Malawi, were killed by gunmen.", "killed"),
    ],
)
def test_where_someone_comes_from_is_not_where_it_happened(nlp: Language, text: str, trigger: str) -> None:
    assert place_of(nlp, text, trigger) is None


def test_a_verb_of_its_own_from_keeps_its_place(nlp: Language) -> None:
    assert place_of(nlp, "Rockets fired from Gaza hit the town.", "fired") == "Gaza"


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        (
            "The Islamic State group is being hit in its last desert pockets by Iranian-backed militias "
            "and Turkish-backed rebels. On Sunday it launched a counterattack against the militias.",
            "counterattack",
            "Islamic State",
        ),
        (
            "Kurdish fighters were pushed back by US-backed Turkish troops near the town. "
            "On Friday they attacked a Turkish convoy.",
            "attacked",
            "Kurd",
        ),
    ],
)
def test_a_subject_pronoun_stands_for_the_subject_before(
    nlp: Language, text: str, trigger: str, actor: str
) -> None:
    found, names = only_event(nlp, text, trigger)
    assert found.actor is not None and names[found.actor].startswith(actor)


def test_a_relative_of_the_one_named_is_not_that_one(nlp: Language) -> None:
    text = "Mr Sotloff's mother appealed to the group's leader to spare her son."
    appeal, names = only_event(nlp, text, "appealed")
    assert appeal.actor is None or "Sotloff" not in names[appeal.actor]
    assert "Following Mr" not in analyzed(nlp, "Following Mr Foley's death, the talks stopped.")[2].values()


def test_the_town_a_comma_puts_in_its_province_is_where_it_happened(nlp: Language) -> None:
    text = (
        "On 4 May 2020, in Recife, Pernambuco, a man accused of theft was beaten up by a crowd near a church."
    )
    events, _, _ = analyzed(nlp, text)
    doc_places = {p.id: p.name for p in nlp(text)._.marsad_places}
    (beating,) = [e for e in events if e.trigger.text == "beaten"]
    assert beating.place is not None and doc_places[beating.place] == "Recife"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Yemen's Houthi rebels seized weapons from the embassy guards.", "Houthis"),
        ("Syria's Kurdish YPG militia captured the town of Manbij.", "People's Protection Units"),
        (
            "The spokesman for the Iraqi Joint Operations Command denied the report.",
            "Joint Operations Command",
        ),
    ],
)
def test_the_actor_is_the_one_the_head_names_not_its_owner(nlp: Language, text: str, actor: str) -> None:
    events, _, names = analyzed(nlp, text)
    assert events and events[0].actor is not None and names[events[0].actor].startswith(actor)


@pytest.mark.parametrize(
    ("text", "trigger", "kept"),
    [
        ("Islamic State militants released a video showing the hostage.", "released", False),
        ("The footage released by the group could not be verified.", "released", False),
        ("The rebels released 20 prisoners on Monday.", "released", True),
        ("The photo received over 5,000 retweets.", "received", False),
        ("President Assad received the Iranian foreign minister in Damascus.", "received", True),
        ("A rebel held a severed head in the photo.", "severed", False),
    ],
)
def test_what_an_act_is_done_to_says_whether_it_is_one(
    nlp: Language, text: str, trigger: str, kept: bool
) -> None:
    events, _, _ = analyzed(nlp, text)
    assert any(e.trigger.text == trigger for e in events) == kept


def test_a_state_named_alone_after_a_person_of_that_surname_is_the_person(nlp: Language) -> None:
    text = (
        "Lisa Monaco, the homeland security adviser, met the families. Monaco, along with the State "
        "Department, has stayed in contact with them. She later flew to Monaco."
    )
    doc = nlp(text)
    (monaco,) = [a for a in doc._.marsad_actors if "Monaco" in a.name]
    assert monaco.type == "person"
    assert [m.start for m in monaco.mentions] == [0, text.index(". Monaco,") + 2]


def test_names_written_with_or_without_a_final_h_and_common_nouns_the_recogniser_names(nlp: Language) -> None:
    doc = nlp("Al-Nusrah fighters attacked the village. Media reports said the attack failed.")
    names = {a.name for a in doc._.marsad_actors}
    assert "Jabhat al-Nusra" in names
    assert "Media" not in names
    groups = {a.name for a in nlp("Civilians fled the town as Kurds advanced.")._.marsad_actors}
    assert "Civilians" not in groups


def test_words_of_a_bodys_formal_name_tell_of_no_event(nlp: Language) -> None:
    events, _, _ = analyzed(
        nlp, "Damascus acceded to the Convention on the Prohibition of Chemical Weapons in late 2013."
    )
    assert not [e for e in events if e.trigger.text == "Prohibition"]
    events, _, _ = analyzed(nlp, "The Committee to Protect Journalists condemned the arrest of the reporter.")
    assert [e.trigger.text for e in events] == ["condemned", "arrest"]


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("The women had vowed to avenge relatives killed by the rebels.", "vowed", "THREATEN"),
        ("Hezbollah vowed to retaliate against Israel.", "vowed", "THREATEN"),
        ("The government pledged to support the refugees.", "pledged", "AGREE"),
    ],
)
def test_what_is_promised_makes_a_promise_a_threat_or_an_agreement(
    nlp: Language, text: str, trigger: str, kind: str
) -> None:
    assert event(nlp, text, trigger).type == kind


def test_a_decision_to_act_is_the_act_announced(nlp: Language) -> None:
    found = event(nlp, "Russia decided to suspend its memorandum on air safety with Washington.", "suspend")
    assert (found.type, found.status) == ("SANCTION", "announced")


def test_a_negated_verb_does_not_deny_an_event_deep_in_its_object(nlp: Language) -> None:
    text = "The figures do not include losses to US-led air strikes in the town."
    assert event(nlp, text, "air strikes").status == "happened"
    assert event(nlp, "The army did not launch any attack on the town.", "attack").status == "denied"


def test_who_describes_or_reports_an_attack_does_not_make_it(nlp: Language) -> None:
    for text in (
        "Russia described the attack on the airbase as an aggression against a sovereign state.",
        "The ministry reported the attack on its embassy in Kabul.",
    ):
        events, _, _ = analyzed(nlp, text)
        attacks = [e for e in events if e.trigger.text == "attack"]
        assert all(e.actor is None for e in attacks)


def test_who_leads_or_backs_is_not_where_it_happened(nlp: Language) -> None:
    events, _, _ = analyzed(nlp, "At least 10 civilians were killed in US-led coalition strikes.")
    assert [e.place for e in events if e.trigger.text == "killed"] == [None]


def test_calling_an_event_something_neither_asks_for_it_nor_does_it(nlp: Language) -> None:
    text = "US air strikes hit the depot on Monday. American officials called the strikes successful."
    events, _, _ = analyzed(nlp, text)
    assert all(e.status != "hypothetical" for e in events)
    assert event(nlp, "The UN called for talks between the parties.", "talks").status == "hypothetical"


def test_committing_a_crime_is_no_commitment(nlp: Language) -> None:
    events, _, _ = analyzed(nlp, "These states have committed a horrible act against our people.")
    assert not [e for e in events if e.type == "AGREE"]
    assert event(nlp, "The rebels committed to withdraw from the town.", "committed").type == "AGREE"


def test_whom_an_act_of_saying_is_aimed_at_is_not_where_it_happened(nlp: Language) -> None:
    assert event(nlp, "Kyiv has repeatedly accused Moscow of war crimes.", "accused").place is None
    doc_places = {p.id: p.name for p in nlp("Erdogan visited Moscow in March.")._.marsad_places}
    visit = event(nlp, "Erdogan visited Moscow in March.", "visited")
    assert visit.place is not None and doc_places[visit.place] == "Moscow"


def test_a_list_after_a_preposition_of_place_holds_places(nlp: Language) -> None:
    text = "Ukraine's General Staff said its troops repelled 14 Russian attacks near Bakhmut and Avdiivka."
    doc = nlp(text)
    assert "Avdiivka" not in {m.text for a in doc._.marsad_actors for m in a.mentions}
    assert {"Bakhmut", "Avdiivka"} <= {m.text for p in doc._.marsad_places for m in p.mentions}
    assert any(a.kb_id == "afu" for a in doc._.marsad_actors)


@pytest.mark.parametrize(
    "text",
    [
        "FARAH, Afghanistan – An Afghan mother killed at least 25 Taliban insurgents, media reported.",
        "KUNDUZ, Afghanistan - Gunmen stormed a checkpoint overnight, officials said.",
    ],
)
def test_a_datelines_town_in_capitals_is_a_place_not_an_actor(nlp: Language, text: str) -> None:
    doc = nlp(text)
    town = text.split(",")[0]
    assert town not in {m.text for a in doc._.marsad_actors for m in a.mentions}
    assert town in {m.text for p in doc._.marsad_places for m in p.mentions}


@pytest.mark.parametrize(
    ("text", "trigger", "by"),
    [
        (
            "A village elder avenged the murder of his brother at the hands of the Taliban, by killing at "
            "least six Taliban gunmen and wounding two more in Ghor Province, officials said.",
            "killing",
            "Taliban",
        ),
        (
            "The elders avenged the murder of their chief at the hands of al-Shabaab, by killing three "
            "al-Shabaab fighters near Kismayo, residents said.",
            "killing",
            "al-Shabaab",
        ),
    ],
)
def test_who_an_earlier_act_is_at_the_hands_of_does_not_do_the_next(
    nlp: Language, text: str, trigger: str, by: str
) -> None:
    killing, names = only_event(nlp, text, trigger)
    assert killing.actor is None or by not in names[killing.actor]


def test_a_group_named_before_its_fighters_is_who_they_are_not_a_village(nlp: Language) -> None:
    doc = nlp("The woman picked up a weapon and shot at Taliban militants.")
    assert "taliban" in {a.kb_id for a in doc._.marsad_actors}
    assert not doc._.marsad_places
    text = "The woman picked up a weapon and started shooting at Taliban militants."
    shooting, names = only_event(nlp, text, "shooting")
    assert shooting.target is not None and names[shooting.target] == "Taliban"


def test_a_name_ending_in_a_bodys_word_is_a_body_and_the_title_holder_speaks(nlp: Language) -> None:
    text = '"The whole village stood up to them," Farah Province Police Chief Gen. Abdul Karim Sharifi said.'
    doc = nlp(text)
    types = {a.name: a.type for a in doc._.marsad_actors}
    assert types.get("Farah Province Police") != "person"
    (quote,) = [c for c in doc._.marsad_claims if c.kind != "cause"]
    assert quote.speaker_span is not None and quote.speaker_span.text == "Abdul Karim Sharifi"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'The campaign is "a symbol of a public uprising against the militants," the agency quoted '
            "Interior Ministry spokesman Sediq Sediqqi as saying.",
            "Sediq Sediqqi",
        ),
        (
            "Defence Minister Sergei Shoigu was quoted as saying that the warships would leave.",
            "Sergei Shoigu",
        ),
        (
            "State television quoted Prime Minister Nouri al-Maliki as saying the army would retake Mosul.",
            "Maliki",
        ),
    ],
)
def test_who_is_quoted_as_saying_is_the_speaker_and_no_cause_is_read_in_it(
    nlp: Language, text: str, speaker: str
) -> None:
    claims = nlp(text)._.marsad_claims
    said = [c for c in claims if c.kind != "cause"]
    assert said and all(c.speaker_span is not None and speaker in c.speaker_span.text for c in said)
    assert not [c for c in claims if c.kind == "cause" and c.cue in ("as", "quoted", "that")]


def test_a_surname_the_recogniser_calls_a_nationality_is_the_person_named_before(nlp: Language) -> None:
    text = (
        "Nikolay Mladenov, the departing UN envoy to Lebanon, reported that 41 people had died.\n\n"
        "Mr Mladenov confirmed there have been a growing number of arrests of protesters.\n\n"
        'But he said that "talks can still succeed."'
    )
    doc = nlp(text)
    people = [a for a in doc._.marsad_actors if "Mladenov" in a.name]
    assert len(people) == 1 and people[0].type == "person"
    speakers = {c.speaker for c in doc._.marsad_claims if c.kind != "cause"}
    assert speakers == {people[0].id}


def test_attacks_committed_against_people_are_no_commitment(nlp: Language) -> None:
    text = (
        "Most troubling are the new accounts of revenge attacks committed "
        "mainly against farmers of the Turkmen minority in villages retaken from the militants, "
        "the official said."
    )
    events, _, _ = analyzed(nlp, text)
    assert not [e for e in events if e.type == "AGREE"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Ambassador Mohamed Alhakim claimed a dozen doctors were executed by the militants in Mosul, "
            "in northern Iraq, for refusing to harvest organs for the group.",
            "Alhakim",
        ),
        (
            "Ms Lina Haddad said two journalists were arrested by police in Aleppo for refusing to reveal "
            "their sources.",
            "Haddad",
        ),
    ],
)
def test_who_reports_an_act_does_not_act_in_its_adjuncts(nlp: Language, text: str, source: str) -> None:
    refusing, names = only_event(nlp, text, "refusing")
    assert refusing.actor is None or source not in names[refusing.actor]


def test_a_name_given_is_not_speech(nlp: Language) -> None:
    text = (
        'The envoy accused the Islamic State - also referred to as IS, ISIS and ISIL - of "crimes of '
        'genocide".'
    )
    claims = [c for c in nlp(text)._.marsad_claims if c.kind != "cause"]
    assert claims and all(c.cue != "referred" for c in claims)


@pytest.mark.parametrize(
    ("text", "actor", "kb_id"),
    [
        (
            "Regime forces shelled the town of Douma near Damascus. The regime denied targeting civilians.",
            "The regime",
            "syria-government",
        ),
        (
            "Government forces shelled the town of Douma near Damascus on Monday, killing four people.",
            "Government forces",
            "syria-saa",
        ),
        (
            "The army said it had retaken the town of Tikrit from militants, north of Baghdad.",
            "The army",
            "iraq-armed-forces",
        ),
    ],
)
def test_an_unqualified_regime_or_army_is_the_one_of_the_country_the_report_is_about(
    nlp: Language, text: str, actor: str, kb_id: str
) -> None:
    linked = {m.text: a.kb_id for a in nlp(text)._.marsad_actors for m in a.mentions}
    assert linked.get(actor) == kb_id


@pytest.mark.parametrize(
    "text",
    [
        "Pro-government fighters captured two villages near Aleppo and Idlib.",
        "The government of Iraq asked Damascus and Aleppo officials for help.",
        "Officials from Aleppo and Homs discussed regime change in Damascus.",
    ],
)
def test_a_backer_a_named_government_or_an_idea_is_no_unnamed_regime(nlp: Language, text: str) -> None:
    linked = {a.kb_id for a in nlp(text)._.marsad_actors}
    assert not {"syria-government", "syria-saa"} & linked


def test_nationality_words_tell_what_country_a_text_without_place_names_is_about(nlp: Language) -> None:
    doc = nlp(
        "Syrian government forces shelled the town of Douma on Monday. Regime forces advanced towards "
        "Harasta."
    )
    places = {m.text: p.country for p in doc._.marsad_places for m in p.mentions}
    assert places.get("Douma") == "SY" and places.get("Harasta") == "SY"
    assert "Harasta" not in {m.text for a in doc._.marsad_actors for m in a.mentions}


def test_an_ing_clause_hung_on_a_verb_is_done_by_its_subject(nlp: Language) -> None:
    text = (
        "Opposition spokesman Karim Haddad told Al Jazeera television, condemning the air force's "
        "shelling of the eastern districts of Homs as a war crime."
    )
    condemning, names = only_event(nlp, text, "condemning")
    assert condemning.actor is not None and names[condemning.actor] == "Karim Haddad"


def test_an_agreement_struck_is_no_strike(nlp: Language) -> None:
    events, _, _ = analyzed(nlp, "It took months of negotiations before an agreement was struck with the UN.")
    assert not [e for e in events if e.type == "FIGHT"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Fighting was reported in Jobar near Damascus and in Aleppo. The state news agency said "
            "several soldiers had trouble breathing.",
            "state news agency",
        ),
        ("Clashes erupted in Homs and Hama on Friday. State TV broadcast images of gas masks.", "State TV"),
    ],
)
def test_state_media_unnamed_speak_for_the_state_the_report_is_about(
    nlp: Language, text: str, mention: str
) -> None:
    linked = {m.text: a.kb_id for a in nlp(text)._.marsad_actors for m in a.mentions}
    assert linked.get(mention) == "syria"


def test_a_nationality_before_state_media_makes_them_the_states_voice(nlp: Language) -> None:
    text = (
        'Syrian state media accused rebels of using chemical arms, calling it "their last card in the war."'
    )
    doc = nlp(text)
    names = {a.id: a.kb_id for a in doc._.marsad_actors}
    quotes = [c for c in doc._.marsad_claims if c.kind == "quote"]
    assert quotes and all(c.speaker is not None and names[c.speaker] == "syria" for c in quotes)


def test_a_country_with_only_half_the_places_is_no_main_country(nlp: Language) -> None:
    text = "Fighting was reported in Jobar and in Aleppo. The army said it had advanced."
    linked = {a.kb_id for a in nlp(text)._.marsad_actors}
    assert "germany-bundeswehr" not in linked


def test_a_linked_actor_modifying_an_event_noun_does_it(nlp: Language) -> None:
    text = (
        "Clashes erupted in Homs and Hama. The government assault was accompanied by a heavy aerial campaign."
    )
    assault, names = only_event(nlp, text, "assault")
    assert assault.actor is not None and names[assault.actor] == "Syrian government"


def test_who_backs_a_group_named_in_a_report_is_the_name_before_backed(nlp: Language) -> None:
    backed, names = only_event(
        nlp, "Activists said the Saudi-backed militants could be responsible.", "backed"
    )
    assert backed.actor is not None and names[backed.actor] == "Saudi Arabia"


def test_receiving_weapons_is_no_visit(nlp: Language) -> None:
    events, _, _ = analyzed(
        nlp, "Villagers suspect that some fighters received anti-tank missiles from a foreign patron."
    )
    assert not [e for e in events if e.type == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "province", "country"),
    [
        (
            "On 6 May 2020, 4 Taliban fighters were wounded during a raid by Afghan troops in "
            "Giro district, Ghazni.",
            "Ghazni",
            "AF",
        ),
        ("Gunmen attacked a police post in Dila district, Ghazni, on Friday.", "Ghazni", "AF"),
    ],
)
def test_a_name_put_beside_a_district_is_its_province_not_a_person(
    nlp: Language, text: str, province: str, country: str
) -> None:
    doc = nlp(text)
    assert province not in {m.text for a in doc._.marsad_actors for m in a.mentions}
    places = {m.text: p.country for p in doc._.marsad_places for m in p.mentions}
    assert places.get(province) == country
    assert all(code in (None, country) for code in places.values())


def test_a_second_passive_has_no_agent_from_the_first(nlp: Language) -> None:
    text = "On 6 May 2020, 5 Taliban fighters were killed and 3 were wounded in a raid."
    wounded, _ = only_event(nlp, text, "wounded")
    assert wounded.actor is None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "On 2 May 2020, rebel forces dropped a grenade from a drone on the positions near Hnutove.",
            "dropped a grenade",
        ),
        (
            "Observers recorded a total of 9 bursts of fire from heavy machineguns near Zolote.",
            "bursts of fire",
        ),
    ],
)
def test_drone_drops_and_bursts_of_fire_are_fighting(nlp: Language, text: str, trigger: str) -> None:
    assert event(nlp, text, trigger).type == "FIGHT"


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "target"),
    [
        (
            "James Foley died in 2014. Foley's killing prompted an emotional response.",
            "killing",
            None,
            "James Foley",
        ),
        (
            "Bashar al-Assad spoke. Assad's crackdown on protesters continued.",
            "crackdown",
            "Bashar al-Assad",
            None,
        ),
    ],
)
def test_a_persons_possessive_before_an_act_suffered_is_its_victim(
    nlp: Language, text: str, trigger: str, actor: str | None, target: str | None
) -> None:
    found, names = only_event(nlp, text, trigger)
    assert (names[found.actor] if found.actor else None) == actor
    assert (names[found.target] if found.target else None) == target


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        (
            "Canon Andrew White, vicar of the only Anglican church in Iraq, posted a message. "
            "Canon White said the militants were close.",
            "White",
        ),
        ("Bishop Samuel Kato visited the camp at Gulu. Bishop Kato said the rebels had left.", "Kato"),
        ("Senator Amos Oduya toured the border. Senator Oduya said the troops needed pay.", "Oduya"),
    ],
)
def test_a_title_written_before_a_name_does_not_make_another_person(
    nlp: Language, text: str, surname: str
) -> None:
    people = [a for a in nlp(text)._.marsad_actors if a.type == "person"]
    assert len(people) == 1 and people[0].name.endswith(surname) and len(people[0].mentions) == 2


def test_a_surname_written_with_its_article_is_the_person_named_before(nlp: Language) -> None:
    text = (
        "Hisham al-Hashimi, an Iraqi security strategist, said the convoy was hit. "
        '"They were rarely apart," al-Hashimi was quoted as saying.'
    )
    people = [a for a in nlp(text)._.marsad_actors if a.type == "person"]
    assert [len(p.mentions) for p in people] == [2]


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        ("The group seeks to form an Islamic emirate in the Levant.", False),
        ("The Islamic Emirate said its fighters had entered the city.", True),
    ],
)
def test_a_name_whose_head_the_text_writes_in_lower_case_is_a_description(
    nlp: Language, text: str, linked: bool
) -> None:
    assert ("taliban" in {a.kb_id for a in nlp(text)._.marsad_actors}) == linked


def test_the_first_word_of_a_facility_name_is_no_place_of_its_own(nlp: Language) -> None:
    text = (
        "He ran a bakery before the 2003 U.S. invasion. He was later held for a year by American "
        "troops at Camp Bucca, military records show."
    )
    places = nlp(text)._.marsad_places
    assert [p.name for p in places] == ["United States"]


@pytest.mark.parametrize(
    ("text", "striker", "where"),
    [
        ("More than 20 other people were killed in the US air strike.", "united-states", None),
        ("Five people died in the Idlib strikes on Monday.", None, "Idlib"),
        ("Twelve people died in the Paris attacks.", None, "Paris"),
    ],
)
def test_a_states_name_before_a_strike_is_who_struck_and_a_towns_is_where(
    nlp: Language, text: str, striker: str | None, where: str | None
) -> None:
    doc = nlp(text)
    kb = {a.id: a.kb_id for a in doc._.marsad_actors}
    places = {p.id: p.name for p in doc._.marsad_places}
    (strike,) = [e for e in doc._.marsad_events if e.type == "FIGHT"]
    assert kb.get(strike.actor or "") == striker
    assert places.get(strike.place or "") == where


@pytest.mark.parametrize(
    "text",
    [
        "The Jaysh al-Izza brigade, also known as the Army of Glory, shelled the town.",
        "Khalid Mahmoud Saleh, a senior commander and also known as Abu Hamza, was killed in the raid.",
        "Khalid Mahmoud Saleh, also known as Abu Hamza, was killed in the raid.",
        "Khalid Mahmoud Saleh, nicknamed Abu Hamza, was killed in the raid.",
    ],
)
def test_a_name_after_known_as_is_another_name_of_the_actor_described(nlp: Language, text: str) -> None:
    actors = nlp(text)._.marsad_actors
    assert len(actors) == 1 and len(actors[0].mentions) == 2


def test_a_sources_seat_is_not_the_country_whose_army_the_report_means(nlp: Language) -> None:
    text = (
        "Forty-one people including nine women died on Friday when jets struck a market in the northern "
        "city of Aleppo, the Syrian Observatory for Human Rights said on Saturday. "
        "The Britain-based Observatory said rebels vowed to shell two loyalist villages if the market "
        "was hit again by the army."
    )
    army = [a for a in nlp(text)._.marsad_actors if any(m.text == "the army" for m in a.mentions)]
    assert "uk-armed-forces" not in [a.kb_id for a in army]


def test_a_participle_joined_to_a_passive_shares_its_sufferer(nlp: Language) -> None:
    doc = nlp("Fifteen members of the Mountain Brigade were killed or wounded in the shelling.")
    names = {a.id: a.name for a in doc._.marsad_actors}
    hurt = [
        (e.trigger.text, names.get(e.actor or ""), names.get(e.target or "")) for e in doc._.marsad_events
    ]
    assert hurt == [("killed", None, "Mountain Brigade"), ("wounded", None, "Mountain Brigade")]


def test_a_compass_province_of_a_place_is_a_part_of_it_not_a_namesake_abroad(nlp: Language) -> None:
    text = (
        "Rebels stepped up their shelling of the hilltop town of Khan Touman in the Northern "
        "Province of Aleppo, wounding at least 11 soldiers."
    )
    countries = {p.country for p in nlp(text)._.marsad_places}
    assert countries <= {"SY", None}


def test_a_negative_subject_denies_a_quoted_participle(nlp: Language) -> None:
    (event,) = nlp("None of them were ‘handed over’ in any sense to the army.")._.marsad_events
    assert event.negated and event.status == "denied"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "In a report that aired on the channel's “The Kelly File,” host Megyn Kelly revealed the guards "
            "were told to surrender their weapons.",
            "The Kelly File",
        ),
        # a programme a speaker appears on, after "on" or a plural possessive, verbs and all
        ('"We will not send troops," the envoy said on "Face the Nation."', "Face the Nation"),
        ('On CBS\' "This Week," the senator said the plan would fail.', "This Week"),
    ],
)
def test_a_quoted_title_is_no_quotation(nlp: Language, text: str, title: str) -> None:
    claims = [c for c in nlp(text)._.marsad_claims if c.kind != "cause"]
    assert not [c for c in claims if c.text.startswith(title)]


def test_a_role_in_an_undated_report_is_the_holder_it_has_named(nlp: Language) -> None:
    text = (
        "Mahmoud Abbas met the Egyptian leader in Cairo. Later the Palestinian president voiced his "
        "displeasure at the talks."
    )
    doc = nlp(text)  # no publication date: the knowledge base cannot say who held the role then
    abbas = [a for a in doc._.marsad_actors if a.kb_id == "mahmoud-abbas"]
    assert abbas and "Palestinian president" in [m.text for m in abbas[0].mentions]


def test_a_name_the_matcher_finds_again_is_the_place_the_report_named(nlp: Language) -> None:
    text = (
        "Hamas still governs the Gaza Strip. Gaza is rebuilding after a seven-week war, and the West Bank "
        "is quiet.\n\nRelatedIsrael: Can the New Coalition Survive Its First Budget Vote in the "
        "Knesset?Gaza War Leaves Fishermen Without Boats or Nets Along the CoastWest Bank: Jordan and Aid "
        "Agencies Warn Over Settler Attacks on Olive Farmers in Nablus"
    )
    countries = {p.country for p in nlp(text)._.marsad_places if p.name.startswith("Gaza")}
    assert countries == {"PS"}


def test_a_state_that_leads_a_coalition_is_no_place_named(nlp: Language) -> None:
    text = (
        "At Least 10 Civilians Die in US-Led Coalition Strikes Near Raqqa\n\n"
        "At least 10 civilians were killed in US-led coalition strikes west of Raqqa, SANA reported."
    )
    assert "United States" not in [p.name for p in nlp(text)._.marsad_places]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        (
            "The Islamic State on Monday claimed responsibility for a suicide bombing near the border.",
            "suicide bombing",
            "Islamic State",
        ),
        (
            "The Taliban took responsibility for killing two police officers in Kandahar.",
            "killing",
            "Taliban",
        ),
        # the act a relative clause describes did what the clause says
        ("Hezbollah fighters launched an attack that killed four soldiers.", "killed", "Hezbollah"),
        # a part of a group acts for it
        (
            "Some in the Syrian opposition initially welcomed the Islamic State.",
            "welcomed",
            "Syrian opposition",
        ),
        ("Many among the Houthis rejected the truce on Sunday.", "rejected", "Houthis"),
    ],
)
def test_who_claims_an_act_or_is_part_of_a_group_is_its_actor(
    nlp: Language, text: str, trigger: str, actor: str
) -> None:
    found, names = only_event(nlp, text, trigger)
    assert found.actor is not None and names[found.actor] == actor


def test_the_regime_is_the_one_named_before_with_that_word(nlp: Language) -> None:
    text = (
        "The Syrian regime has escalated its attacks against militant positions since the group seized "
        "Mosul in neighbouring Iraq. Iraqi troops fled Mosul, and Iraqi officials asked Baghdad for help. "
        "The regime fears the militants are getting stronger."
    )
    regime = [a for a in nlp(text)._.marsad_actors if any(m.text == "The regime" for m in a.mentions)]
    assert [a.kb_id for a in regime] == ["syria-government"]


def test_a_name_the_recogniser_reads_once_as_a_place_and_once_as_a_group_is_a_place(
    nlp: Language,
) -> None:
    text = (
        "At least 20 militants were killed in air strikes targeting a training base in Raqa, the monitor "
        "said. The militants are firmly in control of Raqa their stronghold."
    )
    doc = nlp(text)
    assert "Raqa" not in {m.text for a in doc._.marsad_actors for m in a.mentions}
    assert any(m.text == "Raqa" for p in doc._.marsad_places for m in p.mentions)


def test_a_body_named_after_a_city_speaks(nlp: Language) -> None:
    text = "A source at the Damascus Police Command told SANA that gunmen fired a rocket shell at the square."
    _, claims, names = analyzed(nlp, text)
    (claim,) = [c for c in claims if c.kind != "cause"]
    assert claim.speaker is not None and names[claim.speaker] == "Damascus Police Command"


def test_relatives_speak_for_themselves_not_for_the_one_they_are_named_after(nlp: Language) -> None:
    text = "James Foley was killed in August. Foley's parents said the government had threatened them."
    _, claims, names = analyzed(nlp, text)
    (claim,) = [c for c in claims if c.kind != "cause"]
    assert claim.speaker_span is not None and "parents" in claim.speaker_span.text
    assert claim.speaker is None or names[claim.speaker] != "James Foley"


def test_he_is_no_body_an_earlier_event_named(nlp: Language) -> None:
    text = (
        'On "Meet the Press," Denis McDonough pushed the plan for fighting Islamic State, and urged '
        "Congress to fund the rebels. He pledged there is no intention to send troops."
    )
    found, names = only_event(nlp, text, "pledged")
    assert found.actor is None or names[found.actor] != "US Congress"


def test_a_name_after_anti_or_pro_is_not_the_party(nlp: Language) -> None:
    found, names = only_event(nlp, "Congress voted to fund anti-ISIS groups in Syria.", "fund")
    assert found.target is None or names[found.target] != "Islamic State"


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("You cannot build an army to destroy ISIL without allies.", "destroy", "planned"),
        ("The army crushed the rebels near Homs on Sunday.", "crushed", "happened"),
        # an infinitive describing a noun is what it is for, not what it did
        ("Washington is training a force to fight the Islamic State.", "fight", "planned"),
    ],
)
def test_destroying_an_armed_party_is_fighting_it(
    nlp: Language, text: str, trigger: str, status: str
) -> None:
    found, _ = only_event(nlp, text, trigger)
    assert (found.type, found.status) == ("FIGHT", status)


def test_destroying_homes_stays_coercion(nlp: Language) -> None:
    found, _ = only_event(nlp, "Militants destroyed dozens of homes in the village.", "destroyed")
    assert found.type == "COERCE"


def test_a_capital_before_a_place_word_is_the_city_not_the_state(nlp: Language) -> None:
    text = (
        "Houthi fighters seized rifles and cars left behind by the American staff at the shuttered U.S. "
        "Embassy in Sana’a.\n\nHow many rifles were seized is unknown.\n\nA Sana'a airport official "
        "confirmed that the fighters drove the embassy's cars, which had been left in a car park, out of "
        "the airport, a news agency reported."
    )
    _, claims, names = analyzed(nlp, text)
    confirmed = [c for c in claims if c.cue == "confirmed"]
    assert confirmed and all(c.speaker is None or names[c.speaker] != "Yemen" for c in confirmed)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Fierce clashes between rebels and government troops near Syrian capital\n\nThe army held.",
            "Fierce",
        ),
        ("Secretary of State John Kerry said the terminology does not matter.", "State"),
        ("The Home Secretary will issue exclusion orders, cancelling their passports.", "Home"),
    ],
)
def test_an_opening_adjective_or_an_offices_last_word_is_no_actor(
    nlp: Language, text: str, word: str
) -> None:
    assert word not in {m.text for a in nlp(text)._.marsad_actors for m in a.mentions}


def test_a_name_before_an_arm_is_a_product_not_an_actor(nlp: Language) -> None:
    text = (
        "An analyst said that the Tornado jets offer the coalition enhanced capability. The pilot fires "
        "Storm Shadow missiles and Paveway IV bombs."
    )
    names = {m.text for a in nlp(text)._.marsad_actors for m in a.mentions}
    assert not names & {"Tornado", "Paveway", "Storm Shadow"}


def test_whom_a_body_opposes_is_not_the_body(nlp: Language) -> None:
    found, names = only_event(nlp, "Poland supports the coalition against the Islamic State.", "supports")
    assert found.target is None or names[found.target] != "Islamic State"


def test_a_bodys_name_the_recogniser_missed_is_an_actor(nlp: Language) -> None:
    text = (
        "News that the militants had reached the airport road came from the Foundation for Peace and "
        "Renewal in the Near East, a charity that funds a parish school."
    )
    bodies = [a for a in nlp(text)._.marsad_actors if a.name.startswith("Foundation for Peace")]
    assert [a.type for a in bodies] == ["organisation"]


@pytest.mark.parametrize(
    "text",
    [
        "More than 100 parents gathered in front of a school to demand a cut in tuition fees.",
        "A group of people gathered outside the governor's house in support of the president.",
    ],
)
def test_coming_together_for_a_claim_is_a_protest(nlp: Language, text: str) -> None:
    found, _ = only_event(nlp, text, "gathered")
    assert (found.type, found.mode) == ("PROTEST", "demo")


def test_coming_together_for_nothing_said_is_no_protest(nlp: Language) -> None:
    events, _, _ = analyzed(nlp, "The ministers gathered in Geneva on Monday.")
    assert not [e for e in events if e.type == "PROTEST"]


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        # found bodies are killings
        ("In Tijuana, a man's head was found inside a sack on Tuesday.", "found", "ASSAULT"),
        ("Police found the bodies of three men near the road.", "found the bodies", "ASSAULT"),
        # a verb-object phrase read in the passive too
        ("The ambassador was recalled on Monday after the incident.", "recalled", "SANCTION"),
        # burning property, human chains, protest processions, projectiles
        ("Taxi riders burnt one vehicle in the town after a road accident.", "burnt", "COERCE"),
        ("Activists of the party formed a human chain in the city.", "human chain", "PROTEST"),
        ("Truck drivers held a protest procession in Skopje against a fuel tax.", "protest", "PROTEST"),
        ("On Tuesday, monitors observed a total of 32 projectiles near Horlivka.", "projectiles", "FIGHT"),
        # words the lemmatizer misreads ("raped" as "rap")
        ("A soldier raped a woman in the village and stole her goods.", "raped", "ASSAULT"),
        ("Gunmen were sniping at civilians near the bridge.", "sniping", "FIGHT"),
    ],
)
def test_acts_the_lexicon_reads_in_more_forms(nlp: Language, text: str, trigger: str, kind: str) -> None:
    found, _ = only_event(nlp, text, trigger)
    assert found.type == kind
