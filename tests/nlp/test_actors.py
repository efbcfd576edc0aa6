from spacy.language import Language

from marsad.nlp.actors import actor_key


def test_mentions_of_one_actor_are_grouped_with_exact_evidence(nlp: Language) -> None:
    text = (
        "Mustafa Bali, director of the media center at the SDF, said the meeting was proposed by Iraqi "
        "officers. A spokesman for the Joint Operations Command denied it, but the SDF's statement stood. "
        "Later, Bali repeated that «the Syrian Democratic Forces» would coordinate with Baghdad."
    )
    actors = nlp(text)._.marsad_actors
    by_name = {actor.name: actor for actor in actors}
    assert len(by_name["SDF"].mentions) == 2
    assert by_name["Mustafa Bali"].type == "person"
    for actor in actors:
        assert actor.id.startswith("a")
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text
            assert mention.text == mention.text.strip("«»“” ")


def test_actor_key_folds_articles_possessives_and_case() -> None:
    assert actor_key("the SDF's") == actor_key("SDF") == "sdf"
    assert actor_key("The Kremlin") == actor_key("kremlin")
