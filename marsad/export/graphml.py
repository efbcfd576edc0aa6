"""GraphML: the actor network (see marsad.explore.graph) for Gephi, Cytoscape, networkx or yEd.

Nodes are actors merged by name, with type, documents and mentions; edges are undirected, weighted
by how often the two are named in one sentence or linked by an event, with the link kinds.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO
from xml.etree import ElementTree as ET

from marsad.explore.graph import build_graph
from marsad.model import Result

# An export keeps the whole network, not the screen-sized one the UI draws.
MAX_NODES = 100_000

_NODE_KEYS = (("name", "string"), ("type", "string"), ("documents", "int"), ("mentions", "int"))
_EDGE_KEYS = (("weight", "int"), ("kinds", "string"))


def write_graphml(results: Iterable[Result], out: TextIO) -> int:
    graph = build_graph(results, max_nodes=MAX_NODES)
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    for name, kind in _NODE_KEYS:
        ET.SubElement(root, "key", {"id": name, "for": "node", "attr.name": name, "attr.type": kind})
    for name, kind in _EDGE_KEYS:
        ET.SubElement(root, "key", {"id": name, "for": "edge", "attr.name": name, "attr.type": kind})
    body = ET.SubElement(root, "graph", id="actors", edgedefault="undirected")
    for node in graph.nodes:
        element = ET.SubElement(body, "node", id=node.id)
        for name, value in (("name", node.name), ("type", node.type)):
            ET.SubElement(element, "data", key=name).text = value
        ET.SubElement(element, "data", key="documents").text = str(node.documents)
        ET.SubElement(element, "data", key="mentions").text = str(node.mentions)
    for index, edge in enumerate(graph.edges):
        element = ET.SubElement(body, "edge", id=f"e{index}", source=edge.source, target=edge.target)
        ET.SubElement(element, "data", key="weight").text = str(edge.weight)
        ET.SubElement(element, "data", key="kinds").text = " ".join(edge.kinds)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
    return len(graph.nodes)
