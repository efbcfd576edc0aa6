"""The fine-tuned NER weights: checked by hash on load, and tagging news with the labels Marsad reads."""

from __future__ import annotations

import hashlib
import shutil
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from marsad.nlp import default_config
from marsad.nlp.ner_model import RECORD, NerModelError, configure, read_weights, use_fine_tuned

NER = Path(str(files("marsad").joinpath("resources", "ner")))

# Report-style sentences written for these tests, none taken from a benchmark: (text, entities).
SENTENCES = [
    (
        "Defence Minister Sergei Shoigu met Turkish officials in Ankara on Monday.",
        {("Sergei Shoigu", "PERSON"), ("Turkish", "NORP"), ("Ankara", "GPE"), ("Monday", "DATE")},
    ),
    (
        "The Syrian Observatory for Human Rights said 12 fighters were killed near Raqqa.",
        {("The Syrian Observatory for Human Rights", "ORG"), ("12", "CARDINAL"), ("Raqqa", "GPE")},
    ),
    (
        "Amnesty International accused the army of shelling villages along the Euphrates.",
        {("Amnesty International", "ORG"), ("Euphrates", "LOC")},
    ),
    # All-caps headlines: the stock recogniser finds neither PUTIN nor KURDISH here.
    ("REBELS SHELL ALEPPO AS PUTIN MEETS ERDOGAN IN MOSCOW", {("PUTIN", "PERSON"), ("MOSCOW", "GPE")}),
    ("TURKISH ARMY ENTERS AFRIN, KURDISH YPG SAYS", {("KURDISH", "NORP"), ("YPG", "ORG")}),
]


@pytest.fixture(scope="module")
def fine_tuned() -> Language:
    nlp = spacy.load(default_config().model)
    nlp.select_pipes(enable=["ner"])
    use_fine_tuned(nlp)
    return nlp


def test_the_shipped_weights_are_the_recorded_file_and_small() -> None:
    recorded = tomllib.loads((NER / RECORD).read_text("utf-8"))["model"]
    raw = (NER / recorded["file"]).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == recorded["sha256"]
    assert len(raw) < 4_500_000


def test_a_weights_file_that_is_not_the_recorded_one_is_refused(tmp_path: Path) -> None:
    shutil.copy(NER / RECORD, tmp_path / RECORD)
    recorded = tomllib.loads((NER / RECORD).read_text("utf-8"))["model"]
    (tmp_path / recorded["file"]).write_bytes((NER / recorded["file"]).read_bytes() + b"\0")
    with pytest.raises(NerModelError, match="sha256"):
        read_weights(tmp_path)


def test_an_unknown_ner_setting_is_refused() -> None:
    with pytest.raises(NerModelError, match="expected"):
        configure(spacy.blank("en"), "large")


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[text[:30] for text, _ in SENTENCES])
def test_the_fine_tuned_ner_tags_news_sentences(
    fine_tuned: Language, text: str, expected: set[tuple[str, str]]
) -> None:
    found = {(ent.text, ent.label_) for ent in fine_tuned(text).ents}
    assert expected <= found
