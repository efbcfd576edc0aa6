"""Corrections to the model's lemmas, from marsad/resources/lemmas.toml: words its lemmatizer
reads wrong ("raped" → "rap") that the event lexicon looks up by lemma."""

from __future__ import annotations

import tomllib
from importlib.resources import files

from spacy.language import Language

from marsad.errors import MarsadError

RULER = "attribute_ruler"


class LemmaTableError(MarsadError):
    """lemmas.toml is malformed."""


def load_table() -> dict[str, str]:
    text = files("marsad").joinpath("resources", "lemmas.toml").read_text(encoding="utf-8")
    try:
        table = tomllib.loads(text).get("lemmas", {})
    except tomllib.TOMLDecodeError as error:
        raise LemmaTableError(f"marsad/resources/lemmas.toml: {error}") from error
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise LemmaTableError("marsad/resources/lemmas.toml: [lemmas] maps words to lemmas (strings)")
    return {word.lower(): lemma for word, lemma in table.items()}


def configure(nlp: Language) -> None:
    """Set the corrected lemmas in the model's attribute ruler, which the lemmatizer does not
    overwrite; a model without one is left as it is."""
    if RULER not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe(RULER)
    for word, lemma in load_table().items():
        ruler.add([[{"LOWER": word}]], {"LEMMA": lemma})  # type: ignore[attr-defined]
