"""Contradictions and agreements between claims, within a document."""

from __future__ import annotations

from spacy.language import Language

from marsad.model import Actor, Claim
from marsad.nlp.disputes import find_disputes, topic


def _claim(cid: str, speaker: str, text: str, stance: str = "asserts") -> Claim:
    return Claim(id=cid, kind="quote", speaker=speaker, text=text, start=0, end=len(text), stance=stance)  # type: ignore[arg-type]


def test_a_denial_of_the_same_matter_contradicts() -> None:
    a = _claim("c1", "a1", "The SDF discussed a joint coordination center with Iraqi officers")
    b = _claim(
        "c2",
        "a2",
        "there is absolutely no agreement with SDF to establish a joint coordination center",
        "denies",
    )
    (found,) = find_disputes([a, b])
    assert (
        found.kind == "contradiction" and found.claims == ["c1", "c2"] and found.reason == "opposite stance"
    )
    assert found.speakers == ["a1", "a2"]


def test_a_state_and_its_ministries_and_forces_are_one_side() -> None:
    a = _claim("c1", "a1", "There were no Russian planes over the village of Hassajik near Aleppo", "denies")
    b = _claim("c2", "a2", "Russian planes stopped bombing the village of Hassajik near Aleppo")
    c = _claim("c3", "a3", "Belgian planes were not over the village of Hassajik near Aleppo", "denies")
    actors = [
        Actor(
            id="a1",
            name="Russian Defence Ministry",
            type="government",
            mentions=[],
            country="RUS",
            code="RUSGOV",
        ),
        Actor(id="a2", name="Russia", type="state", mentions=[], country="RUS", code="RUS"),
        Actor(id="a3", name="Belgium", type="state", mentions=[], country="BEL", code="BEL"),
    ]
    found = find_disputes([a, b, c], actors)
    assert [d.claims for d in found if d.kind == "contradiction"] == [["c2", "c3"]]


def test_unrelated_claims_do_not_dispute() -> None:
    a = _claim("c1", "a1", "The army captured the airport")
    b = _claim("c2", "a2", "There will be no elections this year", "denies")
    assert find_disputes([a, b]) == []


def test_the_same_speaker_never_disputes_himself() -> None:
    a = _claim("c1", "a1", "The army captured the airport near Kuweires")
    b = _claim("c2", "a1", "The army did not capture the airport near Kuweires", "denies")
    assert find_disputes([a, b]) == []


def test_different_casualty_figures_contradict() -> None:
    a = _claim("c1", "a1", "30 civilians were killed in the strike on the market")
    b = _claim("c2", "a2", "3 civilians were killed in the strike on the market")
    (found,) = find_disputes([a, b])
    assert found.reason == "different figures"


def test_two_speakers_saying_the_same_agree() -> None:
    a = _claim("c1", "a1", "the talks in Astana will resume next week")
    b = _claim("c2", "a2", "talks in Astana would resume next week")
    (found,) = find_disputes([a, b])
    assert found.kind == "agreement"


def test_topic_terms_fold_inflections() -> None:
    assert topic("securing the border").terms == topic("border security").terms


def test_a_denial_in_a_parsed_document_is_found(nlp: Language) -> None:
    text = (
        "The Syrian Democratic Forces said that they had captured the village of Abu Hamam. "
        "The Syrian army denied that the Syrian Democratic Forces had captured the village of Abu Hamam."
    )
    doc = nlp(text)
    kinds = [c.kind for c in doc._.marsad_contradictions]
    assert kinds == ["contradiction"]
