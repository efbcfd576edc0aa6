"""The done criteria on the two bundled reports: speakers, the SDF–Iraqi dispute, motives, citations."""

from __future__ import annotations

import pytest
from spacy.language import Language

from marsad.model import RawDocument, Result
from marsad.pipeline import Analyzed, Analyzer


@pytest.fixture(scope="module")
def results(nlp: Language, examples: dict[str, str]) -> dict[str, Result]:
    analyzer = Analyzer(nlp=nlp)
    out = {}
    for name, text in examples.items():
        (item,) = analyzer.analyze([RawDocument(source=name, text=text)])
        assert isinstance(item, Analyzed)
        out[name] = item.record.result
    return out


def _kb(result: Result, actor_id: str | None) -> str | None:
    return next((a.kb_id for a in result.actors if a.id == actor_id), None)


def test_every_quotation_in_the_2017_report_has_its_speaker(results: dict[str, Result]) -> None:
    result = results["putin-victory-2017.txt"]
    speakers = {c.text[:30]: _kb(result, c.speaker) for c in result.claims if c.kind != "cause"}
    assert speakers["The consultative meeting, whic"] == "mustafa-bali"
    assert speakers["a mechanism for exchange of in"] == "mustafa-bali"
    assert speakers["an implicit recognition of one"] == "mustafa-bali"
    assert speakers["there is absolutely no agreeme"] == "yahya-rasool"
    assert speakers["joint center"] == "sdf"
    assert speakers["Syria has been preserved as an"] == "vladimir-putin"
    assert speakers["If the terrorists return to ac"] == "vladimir-putin"
    assert speakers["on behalf of the Syrian people"] == "bashar-al-assad"
    assert speakers["The coming generations that wi"] == "bashar-al-assad"
    assert speakers["Your visit is an opportunity t"] == "bashar-al-assad"
    assert speakers["it had already begun to implem"] == "russia-mod"


def test_the_spokesman_has_role_and_affiliation(results: dict[str, Result]) -> None:
    result = results["putin-victory-2017.txt"]
    (rasool,) = [c for c in result.claims if c.text.startswith("there is absolutely no agreement")]
    assert rasool.role == "spokesman for the Iraqi Operations Command"
    assert _kb(result, rasool.affiliation) == "iraq-joc"
    assert rasool.stance == "denies"
    assert "It was not a meeting" in rasool.text  # the quotation runs over two sentences
    (bali,) = [
        c for c in result.claims if c.text.startswith("The consultative meeting") and c.kind != "cause"
    ]
    assert bali.role == "director of the media center at SDF" and _kb(result, bali.affiliation) == "sdf"


def test_the_sdf_iraqi_dispute_is_a_contradiction_with_both_sides(results: dict[str, Result]) -> None:
    result = results["putin-victory-2017.txt"]
    claims = {c.id: c for c in result.claims}
    disputes = [x for x in result.contradictions if x.kind == "contradiction"]
    sides = [{_kb(result, claims[i].speaker) for i in x.claims} for x in disputes]
    assert {"sdf", "yahya-rasool"} in sides
    assert {"mustafa-bali", "yahya-rasool"} in sides
    joint = next(
        x for x in disputes if {_kb(result, claims[i].speaker) for i in x.claims} == {"sdf", "yahya-rasool"}
    )
    assert joint.evidence is not None and joint.evidence[0].text == "joint center"


def test_the_2016_report_argues_motives_in_its_outlets_voice(results: dict[str, Result]) -> None:
    result = results["russia-withdrawal-2016.txt"]
    causes = [c for c in result.claims if c.kind == "cause"]
    assert causes and all(c.attributed_to == "Eldorar Alshamia" for c in causes if c.speaker is None)
    by_cue = {c.cue: c for c in causes}
    deal = by_cue["accelerated"]
    assert deal.cause is not None and deal.cause.text == "Iran-West Nuclear Deal"
    assert deal.effect is not None and deal.effect.text.startswith("the Russian hurrying to Syria")
    pretext = by_cue["as a pretext for"]
    assert (
        pretext.relation == "purpose" and pretext.cause is not None and pretext.cause.text == "intervention"
    )
    step = by_cue["which made them"]
    assert step.cause is not None and "warm waters" in step.cause.text
    assert "in order to" in by_cue and "aimed at" in by_cue


def test_scare_quotes_of_the_2016_report_are_no_claims(results: dict[str, Result]) -> None:
    result = results["russia-withdrawal-2016.txt"]
    assert [c.text for c in result.claims if c.kind in ("quote", "colon")] == []


def test_every_citation_has_its_domain(results: dict[str, Result]) -> None:
    result = results["putin-victory-2017.txt"]
    urls = [c for c in result.citations if c.kind == "url"]
    assert {c.domain for c in urls} == {"abc.net.au", "al-akhbar.com", "sputniknews.com", "plenglish.com"}
    assert {c.outlet for c in urls} >= {"Sputnik", "Al-Akhbar", "Prensa Latina"}
    assert [c.text for c in result.citations if c.kind == "reference"] == ["(Roth, 2017)"]
