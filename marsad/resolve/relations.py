"""Relations between actors over time — ally, supports, hostile, rival, competes, negotiates — with
the date and the evidence of each, read from events and statements across stored results.

Three readings of each document:
1. Events: who did what to whom, by PLOVER type (FIGHT, ASSAULT → hostile; AID, SUPPORT → supports;
   CONSULT, AGREE → negotiates). Negated events ("did not attack") give nothing.
2. Claims: a speaker who accuses, condemns or threatens an actor named in the claim is hostile to
   it; one who praises, thanks or welcomes supports it.
3. Relation words in a sentence between two actors: "Iran and its ally Syria", "a serious competitor
   for Russia", "Ankara, the arch-enemy of Moscow".
Actors are identified across documents by knowledge-base id, else by type and folded name. The date
is the event's date, else the document's publication date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from marsad.model import Actor, Result

Relation = Literal["ally", "supports", "hostile", "rival", "competes", "negotiates"]
RELATIONS: tuple[Relation, ...] = ("ally", "supports", "hostile", "rival", "competes", "negotiates")

EVENT_RELATIONS: dict[str, Relation] = {
    "SUPPORT": "supports",
    "AID": "supports",
    "COOPERATE": "supports",
    "CONCEDE": "negotiates",
    "CONSULT": "negotiates",
    "AGREE": "negotiates",
    "REQUEST": "negotiates",
    "ACCUSE": "hostile",
    "REJECT": "hostile",
    "THREATEN": "hostile",
    "PROTEST": "hostile",
    "SANCTION": "hostile",
    "COERCE": "hostile",
    "ASSAULT": "hostile",
    "FIGHT": "hostile",
}
CUE_RELATIONS: dict[str, Relation] = {
    **dict.fromkeys(
        (
            "accuse",
            "condemn",
            "blame",
            "threaten",
            "warn",
            "denounce",
            "criticize",
            "criticise",
            "attack",
            "reject",
        ),
        "hostile",
    ),
    **dict.fromkeys(("praise", "thank", "welcome", "support", "back", "hail"), "supports"),
}
# Relation words between two actor mentions of one sentence; the nearest actor on each side is linked.
_WORDS: list[tuple[re.Pattern[str], Relation]] = [
    (re.compile(r"\b(?:all(?:y|ies|ied)|alliance|coalition partners?)\b", re.I), "ally"),
    (
        re.compile(
            r"\b(?:arch-?enemy|enem(?:y|ies)|hostil\w*|adversar\w*|war against|fight(?:ing)? against)\b", re.I
        ),
        "hostile",
    ),
    (re.compile(r"\b(?:rival\w*|contradiction between)\b", re.I), "rival"),
    (re.compile(r"\b(?:compet\w*)\b", re.I), "competes"),
    (re.compile(r"\b(?:negotiat\w*|talks with|mediat\w*)\b", re.I), "negotiates"),
    # Support done is an event (SUPPORT, AID); these are the words that name a standing relation.
    (
        re.compile(r"\b(?:backs|backing|backed|backers?|sponsor(?:s|ed)?|support for|patrons?)\b", re.I),
        "supports",
    ),
]
EVIDENCE_PER_EDGE = 5
# How near the relation word its two actors stand: the one after it names the related party ("ally
# Syria", "enemy of Moscow"), the one before may sit behind a short phrase ("Iran and its ally").
RIGHT_CHARS = 12
LEFT_CHARS = 25
# After an owner's word ("its allies") the related party is named at once ("its ally Syria") or not at all.
OWNED_RIGHT_CHARS = 1
_OWNER = re.compile(r"\b(?:its|their|his|her|our)\s+$", re.I)


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    doc_id: str
    start: int
    end: int
    text: str
    date: str | None
    via: str  # "event", "claim" or "text"


@dataclass(slots=True, kw_only=True)
class Node:
    id: str
    name: str
    type: str
    documents: set[str] = field(default_factory=set)


@dataclass(slots=True, kw_only=True)
class Edge:
    source: str
    target: str
    relation: Relation
    first: str | None = None  # earliest and latest dates of the evidence
    last: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    count: int = 0


@dataclass(slots=True, kw_only=True)
class RelationGraph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, Relation], Edge] = field(default_factory=dict)

    def add(self, a: Actor, b: Actor, relation: Relation, evidence: Evidence) -> None:
        ka, kb = actor_key(a), actor_key(b)
        if ka == kb:
            return
        for key, actor in ((ka, a), (kb, b)):
            self.nodes.setdefault(key, Node(id=key, name=actor.name, type=actor.type)).documents.add(
                evidence.doc_id
            )
        # Symmetric relations are stored once, in key order; supports/hostile keep their direction.
        if relation not in ("supports", "hostile"):
            ka, kb = sorted((ka, kb))
        edge = self.edges.setdefault((ka, kb, relation), Edge(source=ka, target=kb, relation=relation))
        edge.count += 1
        if len(edge.evidence) < EVIDENCE_PER_EDGE:
            edge.evidence.append(evidence)
        if evidence.date:
            edge.first = min(edge.first or evidence.date, evidence.date)
            edge.last = max(edge.last or evidence.date, evidence.date)


def actor_key(actor: Actor) -> str:
    return actor.kb_id or f"{actor.type}:{actor.name.casefold()}"


def build_relations(results: Iterable[Result]) -> RelationGraph:
    graph = RelationGraph()
    for result in results:
        _read(result, graph)
    return graph


def _read(result: Result, graph: RelationGraph) -> None:
    doc = result.doc
    text = doc.text
    actors = {a.id: a for a in result.actors}
    for event in result.events:
        relation = EVENT_RELATIONS.get(event.type)
        if relation is None or event.negated or not event.actor or not event.target:
            continue
        if event.actor in actors and event.target in actors:
            s = event.sentence
            date = event.date.start if event.date else doc.published
            graph.add(
                actors[event.actor],
                actors[event.target],
                relation,
                Evidence(
                    doc_id=doc.id,
                    start=s.start,
                    end=s.end,
                    text=text[s.start : s.end],
                    date=date,
                    via="event",
                ),
            )
    mentions = sorted((m.start, m.end, a.id) for a in result.actors for m in a.mentions)
    for claim in result.claims:
        relation = CUE_RELATIONS.get((claim.cue or "").lower().rstrip("sd")) or _cue_relation(claim.cue)
        if relation is None or not claim.speaker or claim.speaker not in actors:
            continue
        for start, _, actor_id in mentions:
            if claim.start <= start < claim.end and actor_id != claim.speaker:
                graph.add(
                    actors[claim.speaker],
                    actors[actor_id],
                    relation,
                    Evidence(
                        doc_id=doc.id,
                        start=claim.start,
                        end=claim.end,
                        text=claim.text,
                        date=doc.published,
                        via="claim",
                    ),
                )
                break
    for sentence in result.sentences:
        inside = [(s, e, a) for s, e, a in mentions if sentence.start <= s < sentence.end]
        if len({a for _, _, a in inside}) < 2:
            continue
        chunk = text[sentence.start : sentence.end]
        for pattern, relation in _WORDS:
            for match in pattern.finditer(chunk):
                pair = _pair_around(
                    text, sentence.start + match.start(), sentence.start + match.end(), inside
                )
                if pair is not None:
                    evidence = Evidence(
                        doc_id=doc.id,
                        start=sentence.start,
                        end=sentence.end,
                        text=chunk,
                        date=doc.published,
                        via="text",
                    )
                    graph.add(actors[pair[0]], actors[pair[1]], relation, evidence)


def _pair_around(
    text: str, start: int, end: int, inside: list[tuple[int, int, str]]
) -> tuple[str, str] | None:
    """The two actors a relation word links: the nearest mention before it and the one right after
    it ("Iran and its ally Syria", "Ankara, the arch-enemy of Moscow"), both close to the word. An
    owner's word with nobody named after it ("Syria and its allies to the American interventions")
    links nobody: the allies are not named."""
    after = next((m for m in inside if m[0] >= end), None)
    before = next((m for m in reversed(inside) if m[1] <= start), None)
    if after is None or before is None or after[2] == before[2]:
        return None
    owned = _OWNER.search(text, max(0, start - len("their ")), start) is not None
    if after[0] - end > (OWNED_RIGHT_CHARS if owned else RIGHT_CHARS) or start - before[1] > LEFT_CHARS:
        return None
    return before[2], after[2]


def _cue_relation(cue: str | None) -> Relation | None:
    if not cue:
        return None
    word = cue.lower()
    for stem, relation in CUE_RELATIONS.items():
        if word.startswith(stem[:5]):
            return relation
    return None
