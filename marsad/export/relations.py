"""The relation graph (marsad.resolve.relations) as GraphML or JSON, for `marsad graph`."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TextIO
from xml.etree import ElementTree as ET

from marsad.resolve.relations import RelationGraph

_NODE_KEYS = (("name", "string"), ("type", "string"), ("documents", "int"))
_EDGE_KEYS = (
    ("relation", "string"),
    ("count", "int"),
    ("first", "string"),
    ("last", "string"),
    ("evidence", "string"),
)


def write_relations_json(graph: RelationGraph, out: TextIO) -> None:
    payload = {
        "nodes": [
            {"id": n.id, "name": n.name, "type": n.type, "documents": len(n.documents)}
            for n in graph.nodes.values()
        ],
        "edges": [
            {
                "source": e.source,
                "target": e.target,
                "relation": e.relation,
                "count": e.count,
                "first": e.first,
                "last": e.last,
                "evidence": [asdict(v) for v in e.evidence],
            }
            for e in graph.edges.values()
        ],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_relations_graphml(graph: RelationGraph, out: TextIO) -> None:
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    for name, kind in _NODE_KEYS:
        ET.SubElement(root, "key", {"id": name, "for": "node", "attr.name": name, "attr.type": kind})
    for name, kind in _EDGE_KEYS:
        ET.SubElement(root, "key", {"id": name, "for": "edge", "attr.name": name, "attr.type": kind})
    body = ET.SubElement(root, "graph", id="relations", edgedefault="directed")
    for node in graph.nodes.values():
        element = ET.SubElement(body, "node", id=node.id)
        ET.SubElement(element, "data", key="name").text = node.name
        ET.SubElement(element, "data", key="type").text = node.type
        ET.SubElement(element, "data", key="documents").text = str(len(node.documents))
    for index, edge in enumerate(graph.edges.values()):
        element = ET.SubElement(body, "edge", id=f"r{index}", source=edge.source, target=edge.target)
        evidence = " | ".join(f"{v.doc_id}:{v.start}-{v.end} {v.text}" for v in edge.evidence)
        for key, value in (
            ("relation", edge.relation),
            ("count", str(edge.count)),
            ("first", edge.first or ""),
            ("last", edge.last or ""),
            ("evidence", evidence),
        ):
            ET.SubElement(element, "data", key=key).text = value
    ET.indent(root)
    out.write(ET.tostring(root, encoding="unicode", xml_declaration=True))
    out.write("\n")
