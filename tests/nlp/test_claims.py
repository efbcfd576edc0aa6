"""marsad_claims on hand-written sentences: quotes, reported speech, speakers, stance and causes."""

from __future__ import annotations

import pytest
from spacy.language import Language

from marsad.model import Actor, Claim
from marsad.nlp.quotes import find_quotes


def _read(
    nlp: Language, text: str, outlet: str | None = None
) -> tuple[list[Claim], dict[str, Actor], object]:
    doc = nlp.make_doc(text)
    doc._.marsad_outlet = outlet
    doc = nlp(doc)
    return doc._.marsad_claims, {a.id: a for a in doc._.marsad_actors}, doc


def _speech(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.kind != "cause"]


def _kb(actors: dict[str, Actor], actor_id: str | None) -> str | None:
    return actors[actor_id].kb_id if actor_id else None


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "we will win." Then "no".', ['"we will win."', '"no"']),
        ("«on “behalf” of the people»", ["«on “behalf” of the people»"]),
        ('the "Alawites militia are able.\n"Jaysh al-Fateh" advanced', ['"Jaysh al-Fateh"']),
        ("an “unclosed quotation", []),
    ],
)
def test_quotes_pair_marks_and_leave_unclosed_ones_out(text: str, quoted: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text)] == quoted


def test_reported_speech_names_speaker_cue_and_content(nlp: Language) -> None:
    claims, actors, _ = _read(nlp, "Sergey Lavrov said that Russia would keep its bases in Syria.")
    (claim,) = _speech(claims)
    assert claim.kind == "reported"
    assert _kb(actors, claim.speaker) == "sergey-lavrov"
    assert claim.cue == "said" and claim.stance == "asserts"
    assert claim.text == "Russia would keep its bases in Syria"


def test_a_denial_verb_gives_a_denying_stance(nlp: Language) -> None:
    claims, _, _ = _read(nlp, "The Syrian army denied that its forces had shelled the town of Ariha.")
    (claim,) = _speech(claims)
    assert claim.stance == "denies" and claim.cue == "denied"


def test_the_reports_a_source_denies_are_not_its_own_claim(nlp: Language) -> None:
    claims, actors, _ = _read(nlp, "The Pentagon denied reports that US troops had entered the town.")
    said = [(c.cue, c.stance, _kb(actors, c.speaker)) for c in _speech(claims)]
    assert said == [("denied", "denies", "pentagon")]


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("A military spokeswoman declined to comment on the report.", []),
        ("A security official, who refused to be named, said the attackers fled.", ["said"]),
    ],
)
def test_refusing_to_speak_or_to_be_named_is_no_claim(nlp: Language, text: str, cues: list[str]) -> None:
    claims, _, _ = _read(nlp, text)
    assert [c.cue for c in _speech(claims)] == cues


def test_a_questioning_verb_doubts(nlp: Language) -> None:
    claims, _, _ = _read(nlp, "The Turkish government questioned whether the strike had hit a hospital.")
    assert [c.stance for c in _speech(claims)] == ["doubts"]


def test_negation_inside_a_quotation_denies(nlp: Language) -> None:
    text = "“There is absolutely no agreement with the rebels,” Sergey Lavrov said."
    claims, actors, _ = _read(nlp, text)
    (claim,) = _speech(claims)
    assert claim.stance == "denies" and _kb(actors, claim.speaker) == "sergey-lavrov"


def test_according_to_makes_the_source_the_speaker(nlp: Language) -> None:
    claims, _, _ = _read(
        nlp, "According to the Syrian Observatory for Human Rights, rebels captured three villages."
    )
    (claim,) = _speech(claims)
    assert claim.kind == "according-to" and claim.cue == "according to"
    assert claim.text == "rebels captured three villages"
    assert claim.speaker is not None


@pytest.mark.parametrize(
    "text",
    [
        "The London-based monitor said 26 people were killed in the raids.",
        "A watchdog based in Britain said the bakery was hit twice.",
    ],
)
def test_where_a_source_is_based_is_not_who_speaks(nlp: Language, text: str) -> None:
    claims, actors, _ = _read(nlp, text)
    (claim,) = _speech(claims)
    assert claim.speaker_span is not None
    assert {"monitor", "watchdog"} & set(claim.speaker_span.text.split())
    assert _kb(actors, claim.speaker) not in {"united-kingdom", "london"}


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("An Iraqi doctor said the hospital had run out of oxygen.", None),
        ("A former Syrian rebel fighter said the money was never paid.", None),
        ("Iraqi officials said the operation would continue.", "iraq"),
    ],
)
def test_a_nationality_makes_the_state_speak_only_through_its_officials(
    nlp: Language, text: str, state: str | None
) -> None:
    claims, actors, _ = _read(nlp, text)
    (claim,) = _speech(claims)
    assert _kb(actors, claim.speaker) == state


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "On Friday the anti-Assad Syrian Observatory for Human Rights reported that 31 men were missing.",
            "sohr",
        ),
        ("The pro-Kremlin channel RT said the convoy was never hit.", "rt"),
        (
            "The Syrian Observatory for Human Rights named the dead. The Britain-based Observatory "
            "said 12 people died.",
            "sohr",
        ),
    ],
)
def test_a_name_the_source_stands_for_or_against_does_not_speak(
    nlp: Language, text: str, speaker: str
) -> None:
    claims, actors, _ = _read(nlp, text)
    assert _kb(actors, _speech(claims)[-1].speaker) == speaker


def test_he_after_an_unnamed_source_is_that_source(nlp: Language) -> None:
    text = (
        "James Foley was killed in 2014. A former rebel fighter, speaking anonymously, admitted he "
        "was approached by the group. He said the group wanted one million dollars."
    )
    claims, _, _ = _read(nlp, text)
    assert [c.speaker for c in _speech(claims)] == [None, None]
    quoted = text.replace("He said the group wanted one million dollars.", 'He said: "They want a million."')
    claims, _, _ = _read(nlp, quoted)
    assert [c.speaker for c in claims if c.kind == "quote"] == [None]


def test_a_body_a_source_is_close_to_does_not_speak(nlp: Language) -> None:
    claims, _, _ = _read(nlp, "Sources close to Hezbollah said the fighters had withdrawn.")
    (claim,) = _speech(claims)
    assert claim.speaker is None


def test_a_multi_sentence_quotation_is_one_claim(nlp: Language) -> None:
    text = "Vladimir Putin said: “The operation is over. Our troops will come home.”"
    claims, actors, _ = _read(nlp, text)
    (claim,) = _speech(claims)
    assert claim.text == "The operation is over. Our troops will come home"
    assert _kb(actors, claim.speaker) == "vladimir-putin"


def test_he_said_goes_to_the_person_named_before(nlp: Language) -> None:
    text = (
        "Recep Tayyip Erdogan spoke in Ankara on Monday. "
        "“Turkey will never accept a terror corridor on its southern border,” he said."
    )
    claims, actors, _ = _read(nlp, text)
    (claim,) = _speech(claims)
    assert claim.speaker_span is not None and claim.speaker_span.text == "he"
    assert _kb(actors, claim.speaker) == "recep-tayyip-erdogan"


def test_a_quotation_without_cue_continues_the_previous_speaker(nlp: Language) -> None:
    text = (
        "“We have defeated the terrorists,” Vladimir Putin said. "
        "“The soldiers will return to their permanent bases in Russia.”"
    )
    claims, actors, _ = _read(nlp, text)
    assert [_kb(actors, c.speaker) for c in _speech(claims)] == ["vladimir-putin", "vladimir-putin"]


def test_scare_quotes_and_quoted_names_are_no_claims(nlp: Language) -> None:
    text = "The so-called “moderate rebels” withdrew, and the “Syrian Democratic Forces” moved in."
    claims, _, _ = _read(nlp, text)
    assert _speech(claims) == []


def test_apposition_gives_role_and_affiliation(nlp: Language) -> None:
    text = (
        "“The meeting discussed border security,” said Mustafa Bali, director of the media center at "
        "the Syrian Democratic Forces."
    )
    claims, actors, _ = _read(nlp, text)
    (claim,) = _speech(claims)
    assert _kb(actors, claim.speaker) == "mustafa-bali"
    assert claim.role is not None and claim.role.startswith("director of the media center")
    assert _kb(actors, claim.affiliation) == "sdf"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Iraqi Prime Minister Haider al-Abadi said the operation would continue.", "Iraqi Prime Minister"),
        ("Kremlin spokesman Dmitry Peskov said the talks had been useful.", "Kremlin spokesman"),
        ("Brigadier General Yahya Rasool said there was no agreement.", "Brigadier General"),
    ],
)
def test_a_title_before_the_name_is_the_speaker_s_role(nlp: Language, text: str, role: str) -> None:
    claims, _, _ = _read(nlp, text)
    (claim,) = _speech(claims)
    assert claim.role == role


@pytest.mark.parametrize(
    ("text", "marker", "cause", "effect", "relation"),
    [
        (
            "The offensive was launched in order to secure the highway.",
            "in order to",
            "secure the highway",
            "The offensive was launched",
            "purpose",
        ),
        (
            "Thousands of families fled because of the heavy shelling.",
            "because of",
            "the heavy shelling",
            "Thousands of families fled",
            "cause",
        ),
        (
            "The sanctions accelerated the collapse of the currency.",
            "accelerated",
            "The sanctions",
            "the collapse of the currency",
            "cause",
        ),
        (
            "Moscow used the attacks as a pretext for intervention.",
            "as a pretext for",
            "intervention",
            "Moscow used the attacks",
            "purpose",
        ),
    ],
)
def test_cause_and_motive_statements_have_both_spans(
    nlp: Language, text: str, marker: str, cause: str, effect: str, relation: str
) -> None:
    claims, _, _ = _read(nlp, text, outlet="Example Outlet")
    (claim,) = [c for c in claims if c.kind == "cause" and c.cue == marker]
    assert claim.cause is not None and claim.cause.text == cause
    assert claim.effect is not None and claim.effect.text == effect
    assert claim.relation == relation and claim.attributed_to == "Example Outlet"
    assert text[claim.cause.start : claim.cause.end] == cause


def test_therefore_takes_the_previous_sentence_as_cause(nlp: Language) -> None:
    text = "The army lost the airport. Therefore, the rebels control the whole province."
    claims, _, _ = _read(nlp, text)
    (claim,) = [c for c in claims if c.kind == "cause"]
    assert claim.cause is not None and claim.cause.text.startswith("The army lost the airport")
    assert claim.effect is not None and claim.effect.text == "the rebels control the whole province"


def test_a_plain_sentence_has_no_claims(nlp: Language) -> None:
    claims, _, _ = _read(nlp, "The convoy reached Deir al-Zour on Tuesday.")
    assert claims == []


def test_claim_ids_are_unique_and_spans_index_the_text(nlp: Language) -> None:
    text = "Sergey Lavrov said that the talks would resume. The army withdrew because of the shelling."
    claims, _, _ = _read(nlp, text)
    assert [c.id for c in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text


def test_a_cue_inside_what_was_said_takes_the_clause_around_it(nlp: Language) -> None:
    text = "The ceasefire, the spokesman said, would hold until the end of the month."
    claims, _, _ = _read(nlp, text)
    (claim,) = _speech(claims)
    assert claim.cue == "said" and claim.speaker_span is not None
    assert claim.speaker_span.text == "the spokesman"
    assert "would hold until the end of the month" in claim.text


def test_called_for_takes_the_object_of_the_preposition(nlp: Language) -> None:
    claims, actors, _ = _read(nlp, "Sergey Lavrov called for an immediate halt to the shelling of Idlib.")
    (claim,) = _speech(claims)
    assert claim.cue == "called" and _kb(actors, claim.speaker) == "sergey-lavrov"
    assert claim.text == "an immediate halt to the shelling of Idlib"


def test_an_object_cue_and_a_naming_verb_take_their_object(nlp: Language) -> None:
    claims, _, _ = _read(nlp, "The council cited several attacks on aid convoys near the border.")
    assert [c.text for c in _speech(claims)] == ["several attacks on aid convoys near the border"]
    claims, _, _ = _read(nlp, "The ministry called the reports a fabrication by its enemies.")
    assert [c.text for c in _speech(claims)] == ["the reports a fabrication by its enemies"]


def test_a_name_after_a_dash_signs_the_quotation(nlp: Language) -> None:
    text = "Readers wrote to us.\n\n“The roads are closed and nobody can reach the market.” ― Layla Haddad\n"
    claims, _, _ = _read(nlp, text)
    (claim,) = _speech(claims)
    assert claim.cue == "―" and claim.speaker_span is not None
    assert claim.speaker_span.text == "Layla Haddad"
    assert claim.text.startswith("The roads are closed")


def test_a_transcript_line_belongs_to_its_capitalised_speaker(nlp: Language) -> None:
    text = "HOST: Will the talks go ahead next week?\nMINISTER: We expect every delegation to attend.\n"
    claims, _, _ = _read(nlp, text)
    speech = _speech(claims)
    assert [(c.kind, c.speaker_span.text if c.speaker_span else None) for c in speech] == [
        ("colon", "HOST"),
        ("colon", "MINISTER"),
    ]
    assert speech[1].text == "We expect every delegation to attend"


def test_a_label_that_names_no_speaker_is_no_claim(nlp: Language) -> None:
    claims, _, _ = _read(nlp, "UPDATE: The road to the airport has reopened after the storm.\n")
    assert _speech(claims) == []


def test_a_statement_saying_is_the_statement_s_claim(nlp: Language) -> None:
    text = "The army issued a statement saying that its troops had left the village."
    claims, _, _ = _read(nlp, text)
    (claim,) = _speech(claims)
    assert claim.speaker_span is not None and claim.speaker_span.text == "a statement"
    assert claim.text == "its troops had left the village"


def _speaker_names(claims: list[Claim], actors: dict[str, Actor]) -> list[str | None]:
    return [actors[c.speaker].name if c.speaker else None for c in _speech(claims)]


@pytest.mark.parametrize(
    ("text", "speaker", "content_end"),
    [
        (
            "The Syrian Observatory for Human Rights gave a toll. Shelling of the camp also injured "
            "at least 45 people said the Observatory a UK-based monitor.",
            "Syrian Observatory for Human Rights",
            "45 people",
        ),
        (
            "Government forces shelled the district overnight killing four civilians said Amnesty "
            "International.",
            "Amnesty International",
            "four civilians",
        ),
    ],
)
def test_an_inverted_source_without_its_comma_speaks(
    nlp: Language, text: str, speaker: str, content_end: str
) -> None:
    claims, actors, _ = _read(nlp, text)
    claim = _speech(claims)[-1]
    assert _speaker_names([claim], actors) == [speaker]
    assert claim.text.endswith(content_end)


def test_a_listener_after_told_stays_the_listener(nlp: Language) -> None:
    claims, actors, _ = _read(nlp, "The rebels had withdrawn from the hills, two officials told Reuters.")
    assert _speaker_names(claims, actors) == [None]


def test_the_group_speaks_for_the_body_named_before(nlp: Language) -> None:
    text = (
        "Three nurses of the Union of Medical Relief Organisations were inside a field hospital that was "
        "shelled overnight, the group said."
    )
    claims, actors, _ = _read(nlp, text)
    assert _speaker_names(claims, actors) == ["Union of Medical Relief Organisations"]
    claims, actors, _ = _read(nlp, "Two ambulances had been called to the clinic, the group said.")
    assert _speaker_names(claims, actors) == [None]


@pytest.mark.parametrize(
    "text",
    [
        '"Warplanes targeted the town this morning with gases believed to be sarin" said Mounzer Khalil '
        "head of the local health authority adding that dozens had died.",
        'Its "a shameful night... for every aid worker in the region" Maria Lindqvist spokeswoman for the '
        "UN refugee agency UNHCR said.",
    ],
)
def test_a_quotation_without_commas_keeps_its_named_speaker(nlp: Language, text: str) -> None:
    claims, actors, _ = _read(nlp, text)
    quotes = [c for c in claims if c.kind == "quote"]
    assert quotes and all(c.speaker and actors[c.speaker].type == "person" for c in quotes)


def test_who_is_named_in_the_speakers_relative_clause_does_not_speak(nlp: Language) -> None:
    text = (
        "James Foley was killed last month. The IS fighter, who suggests he is the man who killed "
        'Mr Foley, says: "I am back because of your foreign policy."'
    )
    claims, actors, _ = _read(nlp, text)
    (quote,) = [c for c in claims if c.kind == "quote"]
    assert quote.speaker is not None and actors[quote.speaker].kb_id == "isis"


def test_the_source_is_the_source_named_before_with_that_noun(nlp: Language) -> None:
    text = (
        "A Syrian military source flatly rejected claims that the army had shelled the hospital. "
        'The army "did not and will not target hospitals," the source said. '
        'An Iraqi official said the talks failed. "There is no deal," the official added.'
    )
    claims, actors, _ = _read(nlp, text)
    quotes = [c for c in claims if c.kind == "quote"]
    assert [actors[c.speaker].kb_id if c.speaker else None for c in quotes] == ["syria-saa", "iraq"]
    claims, _, _ = _read(nlp, 'A doctor said the wards were full. "We cannot cope," the source said.')
    assert [c.speaker for c in claims if c.kind == "quote"] == [None]
    text = (
        "An Iraqi official confirmed that the rebels took the vehicles. "
        "The same official also said that the rebels seized several weapons."
    )
    claims, actors, _ = _read(nlp, text)
    assert [actors[c.speaker].kb_id if c.speaker else None for c in claims if c.kind == "reported"] == [
        "iraq",
        "iraq",
    ]
