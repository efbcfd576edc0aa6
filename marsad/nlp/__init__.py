"""The NLP stage: spaCy's English pipeline plus Marsad's registered components, built from default.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib.resources import files

import spacy
from spacy.language import Language

from marsad.nlp import extensions


@dataclass(frozen=True, slots=True)
class NlpConfig:
    model: str
    batch_size: int
    components: tuple[str, ...]


def default_config() -> NlpConfig:
    data = tomllib.loads(files("marsad").joinpath("default.toml").read_text("utf-8"))["nlp"]
    return NlpConfig(
        model=data["model"], batch_size=int(data["batch_size"]), components=tuple(data["components"])
    )


def register_components() -> None:
    """Register Marsad's spaCy factories and Doc extensions; importing the modules is the registration."""
    from marsad.nlp import actors, citations  # noqa: F401

    extensions.register()


def build_nlp(config: NlpConfig | None = None) -> Language:
    """The spaCy model with Marsad's components appended; spaCy checks each component's requirements."""
    config = config or default_config()
    register_components()
    nlp = spacy.load(config.model)
    for name in config.components:
        nlp.add_pipe(name)
    return nlp
