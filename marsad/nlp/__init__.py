"""The NLP stage: spaCy's English pipeline plus Marsad's registered components, built from default.toml."""

from __future__ import annotations

import importlib
import tomllib
from dataclasses import dataclass
from importlib.resources import files

import spacy
from spacy.language import Language

from marsad.nlp import extensions, lemmas, ner_model


@dataclass(frozen=True, slots=True)
class NlpConfig:
    model: str
    batch_size: int
    components: tuple[str, ...]
    first: tuple[str, ...] = ()
    before_parser: tuple[str, ...] = ()
    ner: str = ner_model.STOCK


def default_config() -> NlpConfig:
    data = tomllib.loads(files("marsad").joinpath("default.toml").read_text("utf-8"))["nlp"]
    return NlpConfig(
        model=data["model"],
        batch_size=int(data["batch_size"]),
        components=tuple(data["components"]),
        first=tuple(data.get("first", ())),
        before_parser=tuple(data.get("before_parser", ())),
        ner=data.get("ner", ner_model.STOCK),
    )


COMPONENT_PREFIX = "marsad_"


def register_component(name: str) -> None:
    """Import the module that registers a Marsad factory: component `marsad_X` lives in marsad/nlp/X.py.

    Other spaCy factories (a user's own, or spaCy's) are left to spaCy's own registry.
    """
    if name.startswith(COMPONENT_PREFIX):
        importlib.import_module(f"marsad.nlp.{name.removeprefix(COMPONENT_PREFIX)}")


def build_nlp(config: NlpConfig | None = None) -> Language:
    """The spaCy model with Marsad's components added; spaCy checks each component's requirements."""
    config = config or default_config()
    extensions.register()
    nlp = spacy.load(config.model)
    ner_model.configure(nlp, config.ner)
    lemmas.configure(nlp)
    for name in reversed(config.first):
        register_component(name)
        nlp.add_pipe(name, first=True)
    for name in config.before_parser:
        register_component(name)
        nlp.add_pipe(name, before="parser")
    for name in config.components:
        register_component(name)
        nlp.add_pipe(name)
    return nlp
