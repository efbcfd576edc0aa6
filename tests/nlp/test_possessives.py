from spacy.language import Language


def _places(nlp: Language, text: str) -> dict[str, str | None]:
    doc = nlp(text)
    return {m.text: p.country for p in doc._.marsad_places for m in p.mentions}


def _actors(nlp: Language, text: str) -> dict[str, str | None]:
    doc = nlp(text)
    return {m.text: a.kb_id for a in doc._.marsad_actors for m in a.mentions}


def test_a_lost_apostrophe_leaves_the_name_a_place(nlp: Language) -> None:
    text = "Four medics were killed near Syrias second city Aleppo. Idlibs population has ballooned."
    assert _places(nlp, text) == {"Syria": "SY", "Aleppo": "SY", "Idlib": "SY"}
    assert not any(name.endswith("s") for name in _actors(nlp, text))


def test_a_lost_apostrophe_leaves_the_name_an_actor(nlp: Language) -> None:
    actors = _actors(nlp, "Fighting raged on Aleppos western edges as Assads forces advanced.")
    assert actors.get("Assad") == "bashar-al-assad" or "syria-saa" in actors.values()
    assert "Aleppos" not in actors


def test_the_text_and_offsets_are_kept(nlp: Language) -> None:
    text = "The armys tanks shelled Aleppos old city."
    doc = nlp(text)
    assert doc.text == text
    assert [t.text for t in doc][:3] == ["The", "army", "s"]
    assert doc[2].norm_ == "'s" and doc[2].idx == text.index("s tanks")


def test_names_and_plurals_stay_whole(nlp: Language) -> None:
    doc = nlp(
        "The New York Times reports that the Kurds and the Saudis met in Athens and Brussels today. "
        "Turkeys and chickens died near St. Marys River."
    )
    words = {t.text for t in doc}
    assert {"Times", "Kurds", "Saudis", "Athens", "Brussels", "Turkeys", "Marys"} <= words


def test_a_possessive_after_a_known_name_is_split(nlp: Language) -> None:
    places = _places(nlp, "Food prices doubled in Aleppo Syrias largest city before the war.")
    assert places == {"Aleppo": "SY", "Syria": "SY"}


def test_a_split_possessive_that_opens_a_sentence_leaves_a_valid_parse(nlp: Language) -> None:
    text = "Deputy Minister of Health: Aleppos Hospitals Closed as Siege Tightens"
    doc = nlp(text)
    assert all(sentence.root is not None for sentence in doc.sents)
    assert _places(nlp, text).get("Aleppo") == "SY"
