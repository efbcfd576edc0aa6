"""Done criteria on the two bundled real reports, as `marsad analyze examples/` reads them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from marsad.model import Actor, RawDocument
from marsad.pipeline import Analyzed, Analyzer


@pytest.fixture(scope="module")
def analysed(nlp: Language, examples: dict[str, str]) -> dict[str, list[Actor]]:
    analyzer = Analyzer(nlp=nlp)
    raws = [RawDocument(source=name, text=text) for name, text in examples.items()]
    out = {}
    for raw, item in zip(raws, analyzer.analyze(raws), strict=True):
        assert isinstance(item, Analyzed)
        out[raw.source] = item.record.result.actors
    return out


def _mentions(actors: list[Actor], kb_id: str) -> list[str]:
    return [m.text for a in actors if a.kb_id == kb_id for m in a.mentions]


def test_2017_report_links_russia_the_islamic_state_and_the_sdf(analysed: dict[str, list[Actor]]) -> None:
    actors = analysed["putin-victory-2017.txt"]
    russia = _mentions(actors, "russia")
    assert {"Moscow", "Russian", "his country", "Russia"} <= set(russia)
    assert {"ISIS", "Dahesh"} == set(_mentions(actors, "isis"))
    assert "Washington" in _mentions(actors, "united-states")
    ids = {a.kb_id: a.id for a in actors if a.kb_id}
    bali = next(a for a in actors if a.name == "Mustafa Bali")
    assert bali.affiliation == ids["sdf"]
    rasool = next(a for a in actors if a.kb_id == "yahya-rasool")
    assert rasool.affiliation == ids["iraq-joc"]


def test_2016_report_dates_the_turkish_pm_to_davutoglu(analysed: dict[str, list[Actor]]) -> None:
    actors = analysed["russia-withdrawal-2016.txt"]
    davutoglu = next(a for a in actors if a.kb_id == "ahmet-davutoglu")
    assert [m.text for m in davutoglu.mentions] == ["Oglu", "Turkish PM"]
    assert davutoglu.role == "prime minister of Turkey"
    assert {"Islamic State organization", "ISIL"} == set(_mentions(actors, "isis"))
    assert "the latter" in _mentions(actors, "turkey")
    assert "Iranian president" in _mentions(actors, "hassan-rouhani")
