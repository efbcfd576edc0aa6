"""Actor linking on hand-written reporting: names, metonyms, demonyms, roles, references, affiliations."""

from __future__ import annotations

from spacy.language import Language

from marsad.model import Actor
from marsad.nlp.actors import actor_key


def link(nlp: Language, text: str, published: str | None = None) -> list[Actor]:
    doc = nlp.make_doc(text)
    doc._.marsad_published = published
    actors: list[Actor] = nlp(doc)._.marsad_actors
    for actor in actors:
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text
    return actors


def by_kb(actors: list[Actor]) -> dict[str, list[str]]:
    return {a.kb_id: [m.text for m in a.mentions] for a in actors if a.kb_id}


def test_capitals_demonyms_and_names_resolve_to_the_state(nlp: Language) -> None:
    text = (
        "Moscow rejected the proposal on Tuesday. The Russians say the Kremlin will not negotiate, "
        "and Russia's envoy left the talks in Geneva."
    )
    assert by_kb(link(nlp, text))["russia"] == ["Moscow", "Russians", "Kremlin", "Russia"]


def test_a_capital_used_as_a_place_is_not_the_state(nlp: Language) -> None:
    actors = by_kb(link(nlp, "Protesters gathered in Tehran while Washington imposed new sanctions."))
    assert "iran" not in actors
    assert actors["united-states"] == ["Washington"]


def test_demonym_before_forces_or_regime_is_the_institution(nlp: Language) -> None:
    text = "Turkish troops shelled the town as Iraqi forces advanced and the Syrian regime stayed silent."
    actors = by_kb(link(nlp, text))
    assert actors["tsk"] == ["Turkish troops"]
    assert actors["iraq-armed-forces"] == ["Iraqi forces"]
    assert actors["syria-government"] == ["Syrian regime"]


def test_spellings_of_the_islamic_state_are_one_actor(nlp: Language) -> None:
    text = "ISIS claimed the attack. Kurdish officials blamed Daesh, and the ISIL cell was dismantled."
    assert by_kb(link(nlp, text))["isis"] == ["ISIS", "Daesh", "ISIL"]


def test_role_phrase_is_its_holder_on_the_document_date(nlp: Language) -> None:
    text = (
        "The Turkish PM met his Iranian counterpart in Tehran, and the Russian defence minister "
        "flew to Ankara."
    )
    actors = {a.kb_id: a for a in link(nlp, text, published="2016-03-17") if a.kb_id}
    assert [m.text for m in actors["ahmet-davutoglu"].mentions] == ["Turkish PM"]
    assert actors["ahmet-davutoglu"].role == "prime minister of Turkey"
    assert [m.text for m in actors["sergei-shoigu"].mentions] == ["Russian defence minister"]
    later = by_kb(link(nlp, text, published="2017-06-01"))
    assert "binali-yildirim" in later and "ahmet-davutoglu" not in later


def test_role_phrase_without_a_date_stays_the_state(nlp: Language) -> None:
    actors = by_kb(link(nlp, "The Turkish PM arrived on Monday."))
    assert actors == {"turkey": ["Turkish"]}


def test_a_title_before_a_name_gives_the_person_their_role(nlp: Language) -> None:
    actors = {a.kb_id: a for a in link(nlp, "Syrian President Bashar al-Assad received the delegation.")}
    assert actors["bashar-al-assad"].role == "president of Syria"


def test_his_country_and_possessive_forces_follow_the_person(nlp: Language) -> None:
    text = "Erdogan said his country would not accept a corridor, and Erdogan's army moved south."
    actors = by_kb(link(nlp, text))
    assert actors["turkey"] == ["his country"]
    assert actors["tsk"] == ["Erdogan's army"]


def test_the_latter_is_the_last_actor_named(nlp: Language) -> None:
    text = "Iran signed a deal with Qatar last year, and the latter agreed to pay in advance."
    assert by_kb(link(nlp, text))["qatar"] == ["Qatar", "the latter"]


def test_affiliation_stated_in_apposition(nlp: Language) -> None:
    text = (
        "Karim Haddad, a spokesman for the Syrian Democratic Forces, said the road was open. "
        "The spokesman of Hezbollah, Ali Mansour, denied it."
    )
    actors = link(nlp, text)
    ids = {a.kb_id or a.name: a.id for a in actors}
    by_name = {a.name: a for a in actors}
    assert by_name["Karim Haddad"].type == "person" and by_name["Karim Haddad"].kb_id is None
    assert by_name["Karim Haddad"].affiliation == ids["sdf"]
    assert by_name["Ali Mansour"].affiliation == ids["hezbollah"]


def test_unknown_people_and_groups_are_kept_with_a_typed_guess(nlp: Language) -> None:
    text = (
        "Brigadier General Samir Khoury of the Liwa Suqur al-Badiya Brigade said Khoury's men held the hill."
    )
    actors = {a.name: a for a in link(nlp, text)}
    person = next(a for a in actors.values() if a.type == "person")
    assert person.name == "Samir Khoury" and person.kb_id is None
    assert any(a.type == "armed group" and a.kb_id is None for a in actors.values())


def test_linked_actors_carry_knowledge_base_facts(nlp: Language) -> None:
    actors = {a.kb_id: a for a in link(nlp, "Vladimir Putin spoke with the Syrian Democratic Forces.")}
    putin = actors["vladimir-putin"]
    assert (putin.type, putin.country, putin.code, putin.wikidata) == ("person", "RUS", "RUSGOV", "Q7747")
    assert actors["sdf"].type == "armed group"


def test_actor_key_folds_articles_possessives_and_case() -> None:
    assert actor_key("the SDF's") == actor_key("SDF") == "sdf"
    assert actor_key("The Kremlin") == actor_key("kremlin")


def test_a_town_spacy_labels_an_organisation_is_a_place_not_an_actor(nlp: Language) -> None:
    text = (
        "Syrian troops reached the outskirts of al-Bukamal on Thursday, and allied militias cut the "
        "road between Deir ez-Zor and al-Bukamal."
    )
    doc = nlp.make_doc(text)
    doc._.marsad_published = None
    doc = nlp(doc)
    assert [ent.label_ for ent in doc.ents if ent.text == "al-Bukamal"] == ["ORG", "ORG"]  # the premise
    assert all(a.kb_id for a in doc._.marsad_actors)
    place_mentions = [m.text for p in doc._.marsad_places for m in p.mentions]
    assert place_mentions.count("al-Bukamal") == 2


def test_names_that_stand_where_places_do_are_not_actors(nlp: Language) -> None:
    texts = [
        "Opposition fighters said they had retaken Jurin camp in the Latakia countryside.",
        "Pro-government units seized the al-Tabqa airbase and advanced on the Maskanah road.",
        "Government troops shelled the villages of Busayrah and Shheil on Sunday, a monitor said.",
    ]
    for text in texts:
        assert [a.name for a in link(nlp, text) if not a.kb_id] == []


def test_a_headline_fragment_is_not_an_organisation(nlp: Language) -> None:
    text = (
        "Erdogan and the Final Push Toward Afrin\n\n"
        "Erdogan said the final push toward Afrin would begin soon, according to Samir Haddad, "
        "a researcher at the Levant Policy Forum."
    )
    actors = link(nlp, text)
    assert {a.name for a in actors if not a.kb_id} == {"Samir Haddad", "Levant Policy Forum"}
    assert "recep-tayyip-erdogan" in by_kb(actors)


def test_a_headline_word_after_a_known_name_does_not_hide_it(nlp: Language) -> None:
    text = "Russia Signals a Winter Offensive\n\nMoscow signalled a winter offensive on Tuesday."
    actors = link(nlp, text)
    assert [a.name for a in actors if not a.kb_id] == []
    assert by_kb(actors)["russia"] == ["Russia", "Moscow"]


def test_compass_region_and_descriptive_adjectives_are_not_actors(nlp: Language) -> None:
    text = (
        "Iranian officials said the Hezbollah delegation and its European hosts discussed the "
        "extremist Zionist lobby, Western sanctions and the north-eastern countryside."
    )
    assert [a.name for a in link(nlp, text) if not a.kb_id] == []


def test_a_group_adjective_before_people_stays_an_actor(nlp: Language) -> None:
    actors = link(nlp, "Sunni tribal leaders said Kurdish fighters withdrew.")
    assert {a.name for a in actors if a.type == "group" and not a.kb_id} == {"Sunni", "Kurdish"}


def test_an_unknown_person_sharing_a_town_name_stays_a_person(nlp: Language) -> None:
    text = "Voters who gathered around Douglas said they trusted him. Douglas said he would stay in Douglas."
    actors = [a for a in link(nlp, text) if not a.kb_id]
    assert [(a.name, a.type, len(a.mentions)) for a in actors] == [("Douglas", "person", 2)]


def test_zionist_entity_is_israel(nlp: Language) -> None:
    text = "Hezbollah said the Zionist entity and the Zionist regime would pay for the strike."
    actors = by_kb(link(nlp, text))
    assert actors["israel"] == ["Zionist entity"]
    assert actors["israel-government"] == ["Zionist regime"]


def test_the_white_house_is_the_state_not_a_new_organisation(nlp: Language) -> None:
    actors = link(nlp, "The White House declined to comment on the report.")
    assert by_kb(actors) == {"united-states": ["White House"]}


def test_a_town_spelt_as_the_text_writes_it_is_no_actor_spelt_otherwise(nlp: Language) -> None:
    # "Duma" is the knowledge base's name for Russia's parliament; "Douma" is the town near Damascus.
    assert "state-duma" not in by_kb(link(nlp, "Shelling hit a bakery in Douma on Monday."))
    assert "state-duma" in by_kb(link(nlp, "The Duma passed the law on Friday."))
    assert "bashar-al-assad" in by_kb(link(nlp, "Bashar al-Asad met the envoy in Damascus."))


def test_a_name_written_as_an_actor_writes_it_is_that_actor(nlp: Language) -> None:
    # "SANA" and "Sanaa" fold to one key; the agency is written "SANA", Yemen's capital "Sanaa".
    actors = by_kb(link(nlp, "SANA said rockets hit a school. Houthi forces hold Sanaa, which Yemen lost."))
    assert actors["sana"] == ["SANA"]
    assert "SANA" not in actors.get("yemen", [])


def test_a_bodys_head_noun_alone_is_the_body_already_named(nlp: Language) -> None:
    text = (
        "The Syrian Observatory for Human Rights said 12 fighters died near the Nusra Front's lines. "
        "The Observatory says clashes continue, and the Front denied losses. "
        "The Observatory for Democracy, a new group, said nothing."
    )
    actors = link(nlp, text)
    assert by_kb(actors)["sohr"] == ["Syrian Observatory for Human Rights", "Observatory"]
    assert by_kb(actors)["jabhat-al-nusra"] == ["Nusra Front", "Front"]
    assert any(a.kb_id is None and a.name == "Observatory for Democracy" for a in actors)


def test_a_possessive_that_lost_its_apostrophe_names_the_actor(nlp: Language) -> None:
    text = "Backed by Russias decisive support, Assads army regained Syrias east. The Kurds held Raqqa."
    actors = link(nlp, text)
    assert by_kb(actors)["russia"] == ["Russia"]
    assert by_kb(actors)["syria"] == ["Syria"]
    assert "Kurd" not in {m.text for a in actors for m in a.mentions}


def test_a_person_the_text_never_capitalises_is_no_actor(nlp: Language) -> None:
    doc = nlp("At 630 a.m. warplanes targeted the town.")
    assert ("warplanes", "PERSON") in {(e.text, e.label_) for e in doc.ents}  # what the recogniser says
    assert not doc._.marsad_actors


def test_a_name_spelt_in_capitals_and_in_title_case_links_either_way(nlp: Language) -> None:
    doc = nlp("An Isis fighter denied the claims, but ISIS still holds Mosul. The goddess isis was not.")
    linked = [(m.text, a.kb_id) for a in doc._.marsad_actors for m in a.mentions]
    assert linked == [("Isis", "isis"), ("ISIS", "isis")]


def test_other_names_before_a_known_surname_are_someone_else(nlp: Language) -> None:
    doc = nlp("Rebels reached Dahiyet al-Assad on Sunday. Hours later President Assad spoke in Damascus.")
    linked = {m.text: a.kb_id for a in doc._.marsad_actors for m in a.mentions}
    assert linked.get("Assad") == "bashar-al-assad"
    assert "al-Assad" not in linked and linked.get("Dahiyet al-Assad") != "bashar-al-assad"


def test_a_states_name_before_another_states_arm_makes_it_its_own(nlp: Language) -> None:
    doc = nlp(
        "The Afghanistan National Army soldiers trained in Massachusetts. The Iraqi National Army attacked."
    )
    linked = {m.text: a.kb_id for a in doc._.marsad_actors for m in a.mentions}
    assert linked["Afghanistan National Army"] == "afghanistan"
    assert linked["Iraqi National Army"] == "iraq-armed-forces"
    assert "yemen-armed-forces" not in linked.values()


def test_an_outlet_of_the_registry_is_a_media_outlet_whatever_the_recogniser_says(nlp: Language) -> None:
    doc = nlp("Launched in London in 1978, Asharq Al-Awsat established itself as a leading publication.")
    outlets = [a for a in doc._.marsad_actors if a.name == "Asharq Al-Awsat"]
    assert [a.type for a in outlets] == ["media outlet"]


def test_a_local_town_after_in_is_a_place_in_another_spelling_too(nlp: Language) -> None:
    text = (
        "Air raids struck Syria on Friday. In Jassem in the southern province of Daraa 9 farmers "
        "were wounded. Gunmen were later reported in Busra Al Sham."
    )
    doc = nlp(text)
    assert not doc._.marsad_actors[1:]  # Syria only
    places = {m.text: p.country for p in doc._.marsad_places for m in p.mentions}
    assert places == {"Syria": "SY", "Jassem": "SY", "Daraa": "SY", "Busra Al Sham": "SY"}


def test_a_surname_without_its_article_is_the_person_named_before(nlp: Language) -> None:
    doc = nlp(
        "Shuhud al-Hussein, a civil defence member, said his team rushed there. "
        '"We pulled two out," Hussein said.'
    )
    people = [(a.name, [m.text for m in a.mentions]) for a in doc._.marsad_actors]
    assert people == [("Shuhud al-Hussein", ["Shuhud al-Hussein", "Hussein"])]


def test_a_known_persons_surname_alone_is_that_person(nlp: Language) -> None:
    doc = nlp("President Sisi offered Mahmoud Abbas a deal. Abbas rejected it, unnamed sources said.")
    linked = [(m.text, a.kb_id) for a in doc._.marsad_actors for m in a.mentions if "Abbas" in m.text]
    assert linked == [("Mahmoud Abbas", "mahmoud-abbas"), ("Abbas", "mahmoud-abbas")]


def test_platforms_are_organisations_not_people(nlp: Language) -> None:
    doc = nlp("A Twitter account run by the group posted the video, which was shared on Telegram.")
    assert {(a.name, a.type) for a in doc._.marsad_actors if a.kb_id in ("twitter", "telegram")} == {
        ("Twitter", "organisation"),
        ("Telegram", "organisation"),
    }


def test_european_roles_are_their_holders_on_the_document_date(nlp: Language) -> None:
    text = "The French president and the British foreign secretary spoke, and the German chancellor called."
    in_2013 = by_kb(link(nlp, text, published="2013-08-21"))
    assert {"francois-hollande", "william-hague", "angela-merkel"} <= in_2013.keys()
    in_2019 = by_kb(link(nlp, text, published="2019-01-10"))
    assert {"emmanuel-macron", "jeremy-hunt", "angela-merkel"} <= in_2019.keys()
    assert "francois-hollande" not in in_2019


def test_residents_of_a_capital_live_in_the_city_not_its_state(nlp: Language) -> None:
    actors = by_kb(link(nlp, "The bombing could be heard by residents of Damascus and people of Baghdad."))
    assert "syria" not in actors and "iraq" not in actors


def test_a_seat_two_actors_share_is_the_one_the_report_names_otherwise(nlp: Language) -> None:
    text = "Russia has accused Belgium of killing six civilians near Aleppo, but Brussels denied the claim."
    assert by_kb(link(nlp, text))["belgium"] == ["Belgium", "Brussels"]
    assert "eu" in by_kb(link(nlp, "Brussels said the sanctions on Russia would stay in place."))


def test_a_clock_time_zone_is_no_organisation(nlp: Language) -> None:
    actors = link(nlp, "The raids hit the town at around 11:30 am (0830 GMT), activists said.")
    assert not [a.name for a in actors if a.name in ("GMT", "UTC")]


def test_an_outlet_under_its_short_and_full_names_is_one_actor(nlp: Language) -> None:
    actors = link(
        nlp,
        "Nine people died in the strike, AFP reported. A photographer working for Agence "
        "France-Presse saw the bodies.",
    )
    outlets = [a for a in actors if a.type == "media outlet"]
    assert [(a.name, sorted(m.text for m in a.mentions)) for a in outlets] == [
        ("Agence France-Presse", ["AFP", "Agence France-Presse"])
    ]
