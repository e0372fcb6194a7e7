"""Cytoscape.js and D3 node-link JSON: valid JSON, every node and edge, ids unique."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from kg.export import cytoscape_data, d3_data, write_cytoscape, write_d3
from kg.graph import to_networkx
from kg.rdf import entity_iri
from kg.store import Store
from tests.graph import graph_fixtures as fx


@pytest.mark.parametrize("kind", ["multidigraph", "digraph", "graph"])
def test_cytoscape_json(sample_store: Store, tmp_path: Path, kind: str) -> None:
    G = to_networkx(sample_store, kind=kind)
    write_cytoscape(G, tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    ids = [n["data"]["id"] for n in nodes] + [e["data"]["id"] for e in edges]
    assert len(ids) == len(set(ids))
    node_ids = {n["data"]["id"] for n in nodes}
    assert all(e["data"]["source"] in node_ids and e["data"]["target"] in node_ids
               for e in edges)
    labels = {n["data"]["label"] for n in nodes}
    assert {e.label for e in fx.HOSTILE} <= labels


@pytest.mark.parametrize("kind", ["multidigraph", "digraph", "graph"])
def test_d3_json_reads_back_into_networkx(sample_store: Store, tmp_path: Path,
                                          kind: str) -> None:
    G = to_networkx(sample_store, kind=kind)
    write_d3(G, tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == G.number_of_nodes()
    assert len(data["links"]) == G.number_of_edges()
    H = nx.node_link_graph(data, edges="links")
    assert H.number_of_edges() == G.number_of_edges()
    assert H.is_multigraph() == G.is_multigraph()
    ru = str(entity_iri(fx.RUSSIA))
    assert H.nodes[ru]["label"] == "Russia"


def test_json_values_are_safe() -> None:
    G = nx.Graph()
    G.add_node("a", score=float("inf"), tags={"x"}, id="clash")
    G.add_edge("a", "b", source="clash", weight=float("nan"))
    text = json.dumps(d3_data(G), allow_nan=False)
    data = json.loads(text)
    assert data["nodes"][0]["tags"] == ["x"] and "score" not in data["nodes"][0]
    assert data["nodes"][0]["kg_id"] == "clash"
    assert data["links"][0]["source"] == "a" and data["links"][0]["kg_source"] == "clash"
    cy = cytoscape_data(G)
    assert json.loads(json.dumps(cy, allow_nan=False))["elements"]["edges"][0]["data"][
        "source"] == "a"
