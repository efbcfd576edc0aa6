"""Outlets named as sources, and the outlet registry they are looked up in."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.nlp.citations import find_citations
from marsad.resolve.outlets import OutletRegistryError, load_registry


@pytest.mark.parametrize(
    ("text", "outlet", "kind"),
    [
        ("Sputnik reported that 20 soldiers died.", "Sputnik", "state media"),
        ("According to Reuters, the town fell.", "Reuters", "wire"),
        ("the state-run SANA news agency said the road was open", "SANA", "state media"),
        ("he told AFP on Monday", "Agence France-Presse", "wire"),
        (
            "The Syrian Observatory for Human Rights, a UK-based monitor, said 12 were killed.",
            "Syrian Observatory for Human Rights",
            "opposition media",
        ),
        ("a report by the Institute for the Study of War", "Institute for the Study of War", "think tank"),
    ],
)
def test_outlets_named_as_sources(text: str, outlet: str, kind: str) -> None:
    (citation,) = find_citations(text)
    assert (citation.kind, citation.outlet, citation.outlet_type) == ("outlet", outlet, kind)
    assert text[citation.start : citation.end] == citation.text


def test_an_outlet_named_without_a_cue_is_no_citation() -> None:
    assert find_citations("A Reuters photographer was wounded near Idlib.") == []


def test_urls_of_registered_domains_name_their_outlet() -> None:
    (citation,) = find_citations("(https://english.aawsat.com/home/article/123")
    assert (citation.domain, citation.outlet, citation.outlet_country) == (
        "english.aawsat.com",
        "Asharq Al-Awsat",
        "SAU",
    )


def test_the_registry_ships_enough_outlets_of_every_type() -> None:
    registry = load_registry()
    types = {o.type for o in registry.outlets.values()}
    assert len(registry.outlets) >= 100
    assert types == {"wire", "state media", "opposition media", "independent", "think tank"}


def test_users_extend_and_override_the_registry(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        'outlets = [{ name = "Deir Post", aliases = [], domains = ["deirpost.example"], country = "SYR",'
        ' type = "independent" }, { name = "Reuters", aliases = [], domains = ["reuters.com"],'
        ' country = "GBR", type = "independent" }]\n'
    )
    registry = load_registry((extra,))
    assert registry.by_domain("www.deirpost.example").name == "Deir Post"  # type: ignore[union-attr]
    assert registry.outlets["Reuters"].type == "independent"


def test_a_bad_registry_entry_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('outlets = [{ name = "X", type = "blog" }]\n')
    with pytest.raises(OutletRegistryError, match="type"):
        load_registry((bad,))
