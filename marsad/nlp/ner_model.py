"""The fine-tuned entity recogniser: en_core_web_sm's NER trained further by scripts/train_ner.py.

The stock recogniser misses most all-caps headlines, tags sports teams named after places as GPE and
cuts many names short. The fine-tuned one has the same architecture and the same OntoNotes labels
(GPE, NORP, DATE... are read by actors, places, times and events), so it is a drop-in replacement of
the `ner` component's weights; it has its own tok2vec, so no other component changes. Weights are
stored as float16 (half the size, widened back to float32 on load) in one gzipped file whose SHA-256
is recorded in ner.toml and checked when it is loaded.

It is not the default: on CoNLL-2003 test it lifts PER/LOC/ORG F1 from 0.65/0.75/0.36 to
0.82/0.82/0.66, but it costs about a point of toponym F1 on GeoWebNews and LGL and mislabels some
Levant names the stock model gets right ("near Aleppo" as NORP).
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal, cast

import numpy as np
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from thinc.api import Model
from thinc.types import FloatsXd

from marsad.errors import MarsadError
from marsad.nlp.model_files import read_checked, write_recorded

# Values of the `ner` setting in default.toml: the spaCy model's own weights, or the fine-tuned ones.
STOCK = "stock"
FINE_TUNED = "fine-tuned"
RECORD = "ner.toml"
# What Pipe.to_bytes writes besides the model: the vocab is the pipeline's own, not ours to replace.
EXCLUDE = ("vocab",)


class NerModelError(MarsadError):
    """The `ner` setting is unknown, or the NER weights are missing or not the file ner.toml records."""


def resources() -> Traversable:
    return files("marsad").joinpath("resources", "ner")


def configure(nlp: Language, setting: str) -> None:
    """Give `nlp` the entity recogniser that default.toml's [nlp] `ner` names."""
    if setting == FINE_TUNED:
        use_fine_tuned(nlp)
    elif setting != STOCK:
        raise NerModelError(f"[nlp] ner = {setting!r}: expected {STOCK!r} or {FINE_TUNED!r}")


def use_fine_tuned(nlp: Language, folder: Traversable | None = None) -> None:
    """Load into `nlp`'s `ner` the weights that `folder`'s ner.toml names (by default the shipped ones)."""
    ner = nlp.get_pipe("ner")
    if not isinstance(ner, EntityRecognizer):
        raise NerModelError(f"the pipeline's `ner` is a {type(ner).__name__}, not spaCy's EntityRecognizer")
    ner.from_bytes(read_weights(folder or resources()), exclude=EXCLUDE)
    set_dtype(ner.model, "float32")


def read_weights(folder: Traversable) -> bytes:
    """The serialised component; refuses a file whose SHA-256 is not the recorded one."""
    return read_checked(folder, RECORD, NerModelError, "NER weights", "scripts/train_ner.py")


def write_weights(ner: EntityRecognizer, folder: Path) -> str:
    """Store `ner` as float16 in the file `folder`'s ner.toml names and record its SHA-256 there.

    `ner` is left float32.
    """
    set_dtype(ner.model, "float16")
    try:
        content = ner.to_bytes(exclude=EXCLUDE)
    finally:
        set_dtype(ner.model, "float32")
    return write_recorded(folder / RECORD, content, NerModelError)


def set_dtype(model: Model[Any, Any], dtype: Literal["float16", "float32"]) -> None:
    """Every float parameter of `model` and its layers as `dtype`."""
    for node in model.walk():
        for name in node.param_names:
            if node.has_param(name):
                param: FloatsXd = node.get_param(name)
                if np.issubdtype(param.dtype, np.floating):
                    node.set_param(name, cast(FloatsXd, param.astype(dtype)))
