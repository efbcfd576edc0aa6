"""Relations between actors from statements and relation words, with dates and evidence."""

from __future__ import annotations

from marsad.model import Actor, Claim, DocumentInfo, Mention, Result, Span
from marsad.resolve.relations import build_relations


def _actor(aid: str, kb: str, text: str, name: str) -> Actor:
    start = text.index(name)
    return Actor(
        id=aid,
        name=name,
        type="state",
        kb_id=kb,
        mentions=[Mention(start=start, end=start + len(name), text=name)],
    )


def test_relation_words_and_accusations_become_dated_edges() -> None:
    text = "Iran, the arch-enemy of Israel, backs Syria. Turkey accused Russia of bombing civilians."
    actors = [
        _actor("a1", "iran", text, "Iran"),
        _actor("a2", "israel", text, "Israel"),
        _actor("a3", "syria", text, "Syria"),
        _actor("a4", "turkey", text, "Turkey"),
        _actor("a5", "russia", text, "Russia"),
    ]
    said = "Russia of bombing civilians"
    start = text.index(said)
    claim = Claim(
        id="c1", kind="reported", speaker="a4", text=said, start=start, end=start + len(said), cue="accused"
    )
    result = Result(
        doc=DocumentInfo(id="d1", source="x", language="en", text=text, published="2017-12-11"),
        sentences=[Span(start=0, end=44), Span(start=45, end=len(text))],
        actors=actors,
        claims=[claim],
    )
    graph = build_relations([result])
    edges = {(e.source, e.target, e.relation): e for e in graph.edges.values()}
    assert ("iran", "israel", "hostile") in edges
    assert ("turkey", "russia", "hostile") in edges
    hostile = edges[("turkey", "russia", "hostile")]
    assert hostile.first == "2017-12-11" and hostile.evidence[0].via == "claim"
    assert any(relation == "supports" for _, _, relation in edges)


def _text_edges(text: str, names: list[str]) -> set[tuple[str, str, str]]:
    actors = [_actor(f"a{n}", name.lower(), text, name) for n, name in enumerate(names)]
    result = Result(
        doc=DocumentInfo(id="d1", source="x", language="en", text=text, published="2017-12-11"),
        sentences=[Span(start=0, end=len(text))],
        actors=actors,
    )
    return {(e.source, e.target, e.relation) for e in build_relations([result]).edges.values()}


def test_a_relation_word_links_the_names_beside_it() -> None:
    assert ("iran", "syria", "ally") in _text_edges(
        "Iran and its ally Syria met in Tehran.", ["Iran", "Syria"]
    )
    assert ("us", "sdf", "supports") in _text_edges("The US-backed SDF took the town.", ["US", "SDF"])


def test_unnamed_allies_and_distant_names_link_nobody() -> None:
    text = "The firm responses by Syria and its allies to the American interventions were decisive."
    assert _text_edges(text, ["Syria", "American"]) == set()
    text = "Russia did not come to retain Assad or to support Iran, analysts in Moscow argued."
    assert _text_edges(text, ["Russia", "Assad", "Iran"]) == set()
