"""A source named at the end of its report ("..., the Observatory said") is the cue's subject,
whatever the parser first attached it to; claims, events and causes read the repaired parse."""

from __future__ import annotations

import pytest
from spacy.language import Language

from marsad.model import Claim

# The small parser hangs each of these sources on the noun before it and leaves the verb bare.
TRAILING = [
    (
        "Russian jets bombed a crowded market in the town of Maarat al-Numan on Monday, killing at "
        "least 20 civilians, the Syrian Observatory for Human Rights said.",
        "Syrian Observatory for Human Rights",
    ),
    (
        "The group might be smuggling oil to fund its operations, Karim Nasser, the Jordanian envoy "
        "to the U.N., reportedly said.",
        "Karim Nasser",
    ),
]


def _speech(nlp: Language, text: str) -> tuple[list[Claim], dict[str, str]]:
    doc = nlp(text)
    names = {a.id: a.name for a in doc._.marsad_actors}
    return [c for c in doc._.marsad_claims if c.kind != "cause"], names


@pytest.mark.parametrize(("text", "speaker"), TRAILING)
def test_a_trailing_source_is_the_speaker(nlp: Language, text: str, speaker: str) -> None:
    claims, names = _speech(nlp, text)
    assert [names.get(c.speaker or "") for c in claims] == [speaker]
    assert speaker not in claims[0].text


def test_a_trailing_source_is_no_victim_and_no_part_of_a_cause(nlp: Language) -> None:
    doc = nlp(TRAILING[0][0])
    killing = next(e for e in doc._.marsad_events if e.trigger.text == "killing")
    assert killing.target_mention is not None and killing.target_mention.text.endswith("civilians")
    causes = [c for c in doc._.marsad_claims if c.kind == "cause"]
    assert causes and all(
        "Observatory" not in (c.cause.text + c.effect.text) for c in causes if c.cause and c.effect
    )


def test_a_subject_the_parser_found_is_left_alone(nlp: Language) -> None:
    claims, _ = _speech(nlp, "He bought apples, oranges and bananas, she said.")
    assert [c.speaker_span.text if c.speaker_span else None for c in claims] == ["she"]
