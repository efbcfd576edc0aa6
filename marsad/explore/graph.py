"""The actor network: who is named with whom, and who did what to whom, with the sentences that say so.

Actors are merged across documents by name (case-insensitive), as documents give actors local ids.
Two actors are linked when they are named in the same sentence ("co-mention") or when an event has
one as its actor and the other as its target (the event type, e.g. "attack"). Every edge keeps up to
`EVIDENCE_PER_EDGE` sentences as evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from marsad.model import Result, Span

EVIDENCE_PER_EDGE = 5
CO_MENTION = "co-mention"


class Evidence(BaseModel):
    model_config = ConfigDict(frozen=True)

    doc_id: str
    start: int
    end: int
    text: str


class Node(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    type: str
    documents: int
    mentions: int


class Edge(BaseModel):
    model_config = ConfigDict(frozen=True)

    source: str
    target: str
    weight: int
    kinds: list[str]
    evidence: list[Evidence]


class Graph(BaseModel):
    model_config = ConfigDict(frozen=True)

    nodes: list[Node]
    edges: list[Edge]


@dataclass(slots=True)
class _NodeAcc:
    name: str
    type: str
    documents: set[str] = field(default_factory=set)
    mentions: int = 0


@dataclass(slots=True)
class _EdgeAcc:
    weight: int = 0
    kinds: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)


def node_key(name: str) -> str:
    return " ".join(name.casefold().split())


def build_graph(results: Iterable[Result], *, max_nodes: int = 80, actor: str | None = None) -> Graph:
    """The network over `results`, keeping the `max_nodes` most mentioned actors (and, with `actor`,
    only that actor's neighbourhood: actors whose name contains it and those linked to them)."""
    nodes: dict[str, _NodeAcc] = {}
    edges: dict[tuple[str, str], _EdgeAcc] = {}
    for result in results:
        _add_result(result, nodes, edges)
    if actor:
        wanted = node_key(actor)
        seeds = {key for key in nodes if wanted in key}
        keep = seeds | {k for pair in edges if seeds & set(pair) for k in pair}
        nodes = {key: acc for key, acc in nodes.items() if key in keep}
    ranked = sorted(nodes.items(), key=lambda item: (-item[1].mentions, item[0]))[:max_nodes]
    kept = {key for key, _ in ranked}
    return Graph(
        nodes=[
            Node(id=key, name=acc.name, type=acc.type, documents=len(acc.documents), mentions=acc.mentions)
            for key, acc in ranked
        ],
        edges=[
            Edge(source=a, target=b, weight=acc.weight, kinds=sorted(acc.kinds), evidence=acc.evidence)
            for (a, b), acc in sorted(edges.items())
            if a in kept and b in kept
        ],
    )


def _add_result(result: Result, nodes: dict[str, _NodeAcc], edges: dict[tuple[str, str], _EdgeAcc]) -> None:
    doc_id = result.doc.id
    text = result.doc.text
    keys = {}
    for a in result.actors:
        key = keys[a.id] = node_key(a.name)
        acc = nodes.setdefault(key, _NodeAcc(name=a.name, type=a.type))
        acc.documents.add(doc_id)
        acc.mentions += len(a.mentions)

    def link(a: str, b: str, kind: str, sentence: Span) -> None:
        if a == b:
            return
        acc = edges.setdefault((min(a, b), max(a, b)), _EdgeAcc())
        acc.weight += 1
        acc.kinds.add(kind)
        if len(acc.evidence) < EVIDENCE_PER_EDGE:
            acc.evidence.append(
                Evidence(
                    doc_id=doc_id,
                    start=sentence.start,
                    end=sentence.end,
                    text=text[sentence.start : sentence.end],
                )
            )

    for sentence in result.sentences:
        inside = sorted(
            {
                keys[a.id]
                for a in result.actors
                for m in a.mentions
                if sentence.start <= m.start and m.end <= sentence.end
            }
        )
        for i, a_key in enumerate(inside):
            for b_key in inside[i + 1 :]:
                link(a_key, b_key, CO_MENTION, sentence)
    for event in result.events:
        if event.actor in keys and event.target in keys:
            link(keys[event.actor], keys[event.target], event.type, event.sentence)
