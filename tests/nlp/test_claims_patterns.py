"""marsad_claims on the attribution patterns beyond verbs of saying: wanting and backing, nouns of
saying, colon paragraphs, quote-only cues, inverted speakers, "according to" and quotation marks."""

from __future__ import annotations

import pytest
from spacy.language import Language

from marsad.model import Claim
from marsad.nlp.quotes import find_quotes


def _speech(nlp: Language, text: str) -> list[Claim]:
    return [c for c in nlp(text)._.marsad_claims if c.kind != "cause"]


def _speaker(claim: Claim) -> str | None:
    return claim.speaker_span.text if claim.speaker_span else None


def _named_speech(nlp: Language, text: str) -> list[tuple[Claim, str | None]]:
    """Each claim of speech with the name of the actor its speaker is linked to."""
    doc = nlp(text)
    names = {a.id: a.name for a in doc._.marsad_actors}
    return [(c, names.get(c.speaker or "")) for c in doc._.marsad_claims if c.kind != "cause"]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # newspaper archives write '' on both sides
        ("was ''taking a close look'' at it. ''It is bad,'' he said.", ["taking a close look", "It is bad,"]),
        # a straight quote never closed in its paragraph frees the quotations after it
        ('"Kevin was snoring.\n\n“Here he is,” she said. “I would.”', ["Here he is,", "I would."]),
        # a paragraph left open and the next opened with the same mark: one quotation goes on
        (
            "“The talks failed.\n\n“We will meet again next week,” he said.",
            ["The talks failed.", "We will meet again next week,"],
        ),
        # ... unless the next paragraph only quotes a name
        ('the "militia are able.\n\n"Jaysh al-Fateh" advanced', ["Jaysh al-Fateh"]),
    ],
)
def test_quotation_marks_pair_within_paragraphs(text: str, quoted: list[str]) -> None:
    assert [text[q.inner_start : q.inner_end] for q in find_quotes(text)] == quoted


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "Hillary Clinton wants to double the budget of the national service corps.",
            "Hillary Clinton",
            "wants",
            "to double the budget of the national service corps",
        ),
        (
            "The governor urged residents to leave the coastal towns before the storm.",
            "The governor",
            "urged",
            "residents to leave the coastal towns before the storm",
        ),
        (  # coordinated with a cue, it shares its subject
            "The senator criticized the budget and plans to cut the deficit by half.",
            "The senator",
            "plans",
            "to cut the deficit by half",
        ),
        (
            "The newspaper endorsed the former mayor of the capital.",
            "The newspaper",
            "endorsed",
            "the former mayor of the capital",
        ),
    ],
)
def test_wanting_and_backing_verbs_attribute_what_is_wanted(
    nlp: Language, text: str, speaker: str, cue: str, content: str
) -> None:
    (claim,) = _speech(nlp, text)
    assert (_speaker(claim), claim.cue, claim.text) == (speaker, cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "If we want to know the reason for the withdrawal, we must examine its arrival.",
        "The army wants more soldiers.",  # no infinitive, and "want" takes no object
        "The Center will continue its work in accordance with international agreements.",
    ],
)
def test_wishes_supposed_or_without_content_and_non_speech_continue_are_no_claims(
    nlp: Language, text: str
) -> None:
    assert _speech(nlp, text) == []


def test_continue_hangs_only_the_quotation_it_introduces(nlp: Language) -> None:
    text = (
        "“The siege is over,” the governor said. The agency will continue its work in the city, "
        "“If the fighters return, we will strike them again.”"
    )
    claims = _speech(nlp, text)
    assert [(c.cue, _speaker(c)) for c in claims] == [("said", "the governor"), (None, "the governor")]
    (continued,) = _speech(nlp, "“We are asking for a hearing in a courtroom,” she continued.")
    assert continued.cue == "continued" and continued.kind == "quote"


def test_a_cue_ending_its_paragraph_with_a_colon_takes_the_next_one(nlp: Language) -> None:
    text = "Caddell continued:\n\n“The health issue is very much a partisan issue in this race.”"
    (claim,) = _speech(nlp, text)
    assert (_speaker(claim), claim.cue) == ("Caddell", "continued")
    assert claim.text == "The health issue is very much a partisan issue in this race"
    text = "The New York Times reports:\n\nThe senator resigned on Friday after the vote."
    (claim,) = _speech(nlp, text)
    assert (_speaker(claim), claim.kind) == ("The New York Times", "colon")
    assert claim.text == "The senator resigned on Friday after the vote"


def test_a_noun_of_saying_with_its_source_and_that_clause(nlp: Language) -> None:
    text = "Politifact seized on Trump’s claim that there have been thousands of shootings in Chicago."
    (claim,) = _speech(nlp, text)
    assert (_speaker(claim), claim.cue) == ("Trump", "claim")
    assert claim.text == "there have been thousands of shootings in Chicago"
    (denial,) = _speech(nlp, "The ministry issued a denial that its jets had struck the market.")
    assert (_speaker(denial), denial.stance) == ("The ministry", "denies")


def test_a_relative_that_clause_is_no_content_of_a_noun(nlp: Language) -> None:
    assert _speech(nlp, "The claim that he made last week was false.") == []


def test_the_speaker_after_the_cue_wins_over_a_misparsed_subject(nlp: Language) -> None:
    text = "“The campaign is in panic mode. Full panic mode,” said Leslie Wimes, a president of the caucus."
    (claim,) = _speech(nlp, text)
    assert _speaker(claim) == "Leslie Wimes"


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "According to talk radio host Rush Limbaugh, the move reeks of fear and desperation.",
            "Limbaugh",
            "the move reeks of fear and desperation",
        ),
        (
            "Rami Haddad often mocked his guests with crude jokes, according to show insiders.",
            "insiders",
            "Rami Haddad often mocked his guests with crude jokes",
        ),
    ],
)
def test_according_to_names_the_source_up_to_its_punctuation(
    nlp: Language, text: str, source: str, content: str
) -> None:
    (claim,) = _speech(nlp, text)
    assert claim.kind == "according-to" and claim.text == content
    assert source in (_speaker(claim) or "") and "," not in (_speaker(claim) or "")


def test_a_sentence_led_by_a_cue_after_a_quotation_holds_its_cue(nlp: Language) -> None:
    text = "“Who would have believed that we would come this far?” Trump said, looking out on the crowd."
    (claim,) = _speech(nlp, text)
    assert (_speaker(claim), claim.cue) == ("Trump", "said")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Spokeswoman Laurence Mortier denied the country's air force was active in the area at the time.",
            "the country's air force was active in the area at the time",
        ),
        (
            "The spokeswoman denied the air force was active near Aleppo.",
            "the air force was active near Aleppo",
        ),
    ],
)
def test_a_clause_whose_subject_the_parser_made_an_object_keeps_it(
    nlp: Language, text: str, content: str
) -> None:
    (claim,) = _speech(nlp, text)
    assert claim.text == content


def test_a_monitor_named_by_where_it_is_based_is_the_body_named_before_not_one_it_quotes(
    nlp: Language,
) -> None:
    text = (
        "Islamic State fighters retook two villages in Raqqa province, the Syrian Observatory for "
        'Human Rights said. "Daesh pushed the army back towards the dam," the London '
        "based monitor said."
    )
    doc = nlp(text)
    names = {a.id: a.name for a in doc._.marsad_actors}
    (quote,) = [c for c in doc._.marsad_claims if c.kind == "quote"]
    assert quote.speaker is not None and names[quote.speaker] == "Syrian Observatory for Human Rights"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Hezbollah fighters entered the town. In a message posted on Facebook, the group said: "
            "'We will hold it.'",
            "Hezbollah",
        ),
        (
            "The Syrian Observatory for Human Rights counted 40 dead, Reuters reported. The monitor said "
            "the toll would rise.",
            "Syrian Observatory for Human Rights",
        ),
        # a lower-case word of what the body does is still the body named before
        (
            "A car bomb hit a checkpoint near the dam on Friday, according to the Syrian Observatory for "
            "Human Rights in its daily tally. The monitoring group said two guards were wounded.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "Amnesty International documented 30 executions. The rights group said the prison must "
            "be opened to inspectors.",
            "Amnesty International",
        ),
    ],
)
def test_a_body_anaphor_skips_the_platforms_and_outlets_named_since(
    nlp: Language, text: str, body: str
) -> None:
    assert _named_speech(nlp, text)[-1][1] == body


def test_he_is_the_person_the_story_turned_to_after_the_last_speaker(nlp: Language) -> None:
    text = (
        'Sergey Lavrov said: "The offer stands." Later Mahmoud Abbas voiced his displeasure at the '
        'plan. "We cannot continue this way," he said.'
    )
    last, speaker = _named_speech(nlp, text)[-1]
    assert last.text.startswith("We cannot") and speaker == "Mahmoud Abbas"


def test_the_paper_is_the_outlet_named_before(nlp: Language) -> None:
    text = (
        "The commander was reportedly captured, Britain's Daily Mail reported.\n\n"
        "News of his arrest spread online once a video of the raid was posted on Twitter. "
        "Relatives in the village said he had fled months earlier, and neighbours said he was free and "
        "working abroad as a lorry driver, a long way from the front lines that have barely moved since "
        "spring.\n\n"
        "The brigade has not answered questions about the claims, the British daily said."
    )
    assert _named_speech(nlp, text)[-1][1] == "Daily Mail"
