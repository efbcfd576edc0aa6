"""Causal sentences and their spans (marsad.nlp.causes) and the shipped classifier (causal_model)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest
from spacy.language import Language

from marsad.nlp.causal_model import CausalModelError, read_model
from marsad.nlp.causes import Cause, find_causes

CLAIMS = Path(str(files("marsad").joinpath("resources", "claims")))

# Report-style sentences written for these tests, none taken from the Causal News Corpus.
CAUSAL = [
    "Thousands of families fled their homes because of the heavy shelling.",
    "Two soldiers were killed in the blast near the checkpoint on Tuesday.",
    "Five people were injured in clashes between police and protesters.",
    "Police fired tear gas to disperse the crowd outside the parliament.",
    "The strike by transport workers paralysed the capital for three days.",
    "Hundreds of students marched to the ministry, demanding the release of their classmates.",
    "The curfew was imposed after rioters set fire to several shops.",
    "Fuel shortages have led to long queues at petrol stations across the country.",
    "Farmers blocked the highway in protest against the new land law.",
    "The government deployed troops to restore order in the province.",
    "The unions called a general strike over the cut in public sector wages.",
    "Three journalists were arrested for covering the demonstration.",
]
NOT_CAUSAL = [
    "The minister met the delegation in Geneva on Tuesday.",
    "The talks will resume next week in Doha.",
    "The city has a population of about two million people.",
    "The report was published by the United Nations on Monday.",
    "He is the former governor of the northern province.",
    "The committee includes representatives of five parties.",
    "The festival takes place every year in the old town.",
    "The new president was sworn in at a ceremony in the capital.",
    "The border crossing is about 40 kilometres north of the city.",
    "The company employs around 3,000 people in the region.",
    "Elections are scheduled for the end of the year.",
    "The bridge was built in the nineteenth century.",
]


def _causes(nlp: Language, text: str) -> list[Cause]:
    doc = nlp(text)
    found: list[Cause] = []
    previous = None
    for sentence in doc.sents:
        found += find_causes(sentence, previous)
        previous = sentence
    return found


def test_the_classifier_separates_causal_from_plain_sentences(nlp: Language) -> None:
    hits = [bool(_causes(nlp, text)) for text in CAUSAL]
    false_alarms = [text for text in NOT_CAUSAL if _causes(nlp, text)]
    assert sum(hits) >= 0.8 * len(CAUSAL), [t for t, hit in zip(CAUSAL, hits, strict=True) if not hit]
    assert len(false_alarms) <= 0.2 * len(NOT_CAUSAL), false_alarms


def _span(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "marker", "cause", "effect", "relation"),
    [
        (
            "Thousands of families fled their homes because of the heavy shelling.",
            "because of",
            "the heavy shelling",
            "Thousands of families fled their homes",
            "cause",
        ),
        (
            "Police fired tear gas to disperse the crowd outside the parliament.",
            "to",
            "disperse the crowd outside the parliament",
            "Police fired tear gas",
            "purpose",
        ),
        (  # who reports the cause is no part of it
            "The monitor said the strike killed nine people because the market was crowded.",
            "because",
            "the market was crowded",
            "the strike killed nine people",
            "cause",
        ),
        (
            "Thousands of families fled because of the heavy shelling, the United Nations said.",
            "because of",
            "the heavy shelling",
            "Thousands of families fled",
            "cause",
        ),
        (  # the cause after a preposition is its object, not the clause the sentence goes on with
            "A driver who suffered burns due to the blast described the moment the bus caught fire.",
            "due to",
            "the blast",
            "A driver who suffered burns",
            "cause",
        ),
    ],
)
def test_a_marker_gives_the_spans(
    nlp: Language, text: str, marker: str, cause: str, effect: str, relation: str
) -> None:
    (found,) = _causes(nlp, text)
    assert _span(text, found.marker) == marker
    assert (_span(text, found.cause), _span(text, found.effect)) == (cause, effect)
    assert found.relation == relation


@pytest.mark.parametrize(
    ("text", "cause_word", "effect_word"),
    [
        ("Two soldiers were killed in the blast near the checkpoint on Tuesday.", "blast", "killed"),
        ("Five people were injured in clashes between police and protesters.", "clashes", "injured"),
    ],
)
def test_a_causal_sentence_without_marker_is_cut_at_its_link(
    nlp: Language, text: str, cause_word: str, effect_word: str
) -> None:
    """ "killed in the blast" has no causal phrase: the signal word "in" separates cause from effect."""
    (found,) = _causes(nlp, text)
    assert _span(text, found.marker) == "in"
    assert cause_word in _span(text, found.cause) and effect_word not in _span(text, found.cause)
    assert effect_word in _span(text, found.effect)


def test_a_passive_verb_has_its_cause_after_it(nlp: Language) -> None:
    text = "At least 14 people were killed and 37 wounded during a car bombing at a cattle market on Friday."
    (found,) = _causes(nlp, text)
    assert "bombing" in _span(text, found.cause) and "people" in _span(text, found.effect)


def test_therefore_takes_the_previous_sentence_as_its_cause(nlp: Language) -> None:
    text = "The army lost the airport. Therefore, the militia advanced on the city."
    (found,) = _causes(nlp, text)
    assert _span(text, found.cause) == "The army lost the airport."
    assert _span(text, found.effect) == "the militia advanced on the city"


def test_so_opens_a_consequence_but_so_far_does_not(nlp: Language) -> None:
    text = "The army shelled the town for a week. So the residents fled to the border."
    (found,) = _causes(nlp, text)
    assert _span(text, found.marker) == "So"
    assert _span(text, found.cause) == "The army shelled the town for a week."
    text = "The group kept silent about its losses. So far, officials rely on local informants for news."
    assert not [c for c in _causes(nlp, text) if _span(text, c.marker).lower() == "so"]


def test_the_shipped_model_is_small_and_the_recorded_file() -> None:
    recorded = tomllib.loads((CLAIMS / "causal.toml").read_text("utf-8"))["model"]
    raw = (CLAIMS / recorded["file"]).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == recorded["sha256"]
    assert len(raw) < 1_000_000
    model = read_model(CLAIMS)
    assert model.sentence and model.signal and model.signal_best > 0


def test_a_model_file_that_is_not_the_recorded_one_is_refused(tmp_path: Path) -> None:
    shutil.copy(CLAIMS / "causal.toml", tmp_path / "causal.toml")
    recorded = tomllib.loads((CLAIMS / "causal.toml").read_text("utf-8"))["model"]
    (tmp_path / recorded["file"]).write_bytes((CLAIMS / recorded["file"]).read_bytes() + b"\0")
    with pytest.raises(CausalModelError, match="sha256"):
        read_model(tmp_path)


def test_importing_the_component_does_not_load_the_model() -> None:
    code = "import marsad.nlp.claims, marsad.nlp.causal_model as m;print(m.load_model.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"
