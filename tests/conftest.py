"""Shared fixtures: the bundled example reports and one spaCy pipeline per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="session")
def examples() -> dict[str, str]:
    """The bundled real reports, by file name."""
    return {path.name: path.read_text("utf-8") for path in sorted(EXAMPLES.glob("*.txt"))}


@pytest.fixture(scope="session")
def nlp() -> Language:
    from marsad.nlp import build_nlp

    return build_nlp()
