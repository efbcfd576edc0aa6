from spacy.language import Language


def test_no_sentence_crosses_a_paragraph_break(nlp: Language) -> None:
    text = (
        "Russian forces withdraw from the coast\n\n"
        "Moscow announced the move on Monday, according to state media (http://example.org/news/2017/12,\n\n"
        "From the base, the president ordered a partial withdrawal of the troops deployed in Syria."
    )
    doc = nlp(text)
    breaks = [i for i in range(len(text)) if text.startswith("\n\n", i)]
    for sentence in doc.sents:
        inside = sentence.text.rstrip()
        assert "\n\n" not in inside, inside
    starts = {sentence.start_char for sentence in doc.sents}
    assert {b + 2 for b in breaks} <= starts
