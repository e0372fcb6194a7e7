"""PNG and SVG through Graphviz, with a cap on the nodes drawn."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import ExportError
from kg.export import export_graph, generate_dot, render, write_png, write_svg
from kg.export import picture as picture_module
from kg.export._common import EVENT_CLASS_COLORS, TYPE_COLORS, type_color
from kg.export.dot import EDGE_LABEL_LIMIT
from kg.export.picture import picture_graph
from kg.graph import annotate, to_networkx
from kg.store import Store

needs_graphviz = pytest.mark.skipif(
    shutil.which("dot") is None or shutil.which("sfdp") is None,
    reason="Graphviz is not installed (apt-get install graphviz)")
SVG = "{http://www.w3.org/2000/svg}"


def _count(svg: bytes, kind: str) -> int:
    root = ET.fromstring(svg)
    return sum(1 for g in root.iter(f"{SVG}g") if g.get("class") == kind)


@needs_graphviz
def test_svg_and_png_of_the_sample(sample_store: Store, tmp_path: Path) -> None:
    G = annotate(to_networkx(sample_store))
    write_svg(G, tmp_path / "g.svg")
    svg = (tmp_path / "g.svg").read_bytes()
    assert _count(svg, "node") == G.number_of_nodes()  # the legend is the graph's label
    assert b"entities" in svg and b"edges" in svg
    assert _count(svg, "edge") == G.number_of_edges()
    write_png(G, tmp_path / "g.png")
    assert (tmp_path / "g.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@needs_graphviz
def test_large_graphs_are_capped_to_the_most_central() -> None:
    G = nx.barabasi_albert_graph(500, 2, seed=2)
    for n in G:
        G.nodes[n]["label"] = f"n{n}"
    svg = render(G, "svg", max_nodes=25)
    H = picture_graph(G, max_nodes=25)
    assert _count(svg, "node") == H.number_of_nodes() <= 25
    assert b">n0<" in svg  # the first hub survives the cap


def test_no_entity_is_drawn_without_an_edge() -> None:
    # a dense core, a fringe of pairs and a lone entity: the picture is the
    # connected core; the edge cap keeps a spanning tree, so nobody floats
    G = nx.DiGraph(nx.gnm_random_graph(70, 400, seed=4, directed=True))
    for u, v in G.edges:
        G.edges[u, v]["weight"] = 1 + (u * v) % 5
    G.add_edges_from((f"a{i}", f"b{i}", {"weight": 9}) for i in range(30))
    G.add_node("alone")
    H = picture_graph(G, max_nodes=50, max_edges=60)
    assert H.number_of_nodes() == 50
    assert all(H.degree(n) > 0 for n in H)
    assert nx.is_weakly_connected(H) and H.number_of_edges() == 60


def test_dense_pictures_label_only_the_heaviest_edges() -> None:
    G = nx.DiGraph()
    for i in range(80):
        G.add_edge(f"x{i % 20}", f"y{i}", relations="has_gap_with; has_asylum_with",
                   relation="has_gap_with", weight=1 + (i == 7) * 9)
    dot = generate_dot(G)
    labels = re.findall(r' -> n\d+ \[xlabel="([^"]*)"', dot)   # dropped where they'd overlap
    assert len(labels) == EDGE_LABEL_LIMIT          # the heaviest only, main relation
    assert all(label == "has gap with" for label in labels)
    assert 'forcelabels="false"' in dot
    small = generate_dot(nx.DiGraph([("a", "b", {"relations": "r1; r2"})]))
    assert 'label="r1, r2"' in small


def test_legend_names_entity_types_and_edge_colours() -> None:
    G = nx.DiGraph()
    G.add_node("uk", label="United Kingdom", type="Country")
    G.add_node("lab", label="Labour Party", type="PoliticalParty")
    G.add_edge("lab", "uk", relation="governs", quad="MaterialCooperation")
    G.add_edge("uk", "lab", relation="criticizes", quad="VerbalConflict")
    dot = generate_dot(G, legend=True)
    legend = dot[dot.index("labelloc"):]
    for word in ("Country", "PoliticalParty", "MaterialCooperation", "VerbalConflict",
                 EVENT_CLASS_COLORS["VerbalConflict"], TYPE_COLORS["PoliticalParty"]):
        assert word in legend
    assert "no event class" not in legend  # only the classes drawn


def _distance(a: str, b: str) -> float:
    ra, rb = (tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in (a, b))
    return sum((x - y) ** 2 for x, y in zip(ra, rb, strict=True)) ** 0.5


def test_country_and_party_colours_are_far_apart() -> None:
    assert _distance(type_color("Country"), type_color("PoliticalParty")) > 120


@needs_graphviz
def test_export_graph_reports_what_was_drawn(sample_store: Store, tmp_path: Path) -> None:
    report = export_graph(sample_store, "svg", tmp_path / "g.svg", max_nodes=4)
    assert report.nodes == 10 and report.drawn_nodes is not None and report.drawn_nodes <= 4
    svg = (tmp_path / "g.svg").read_bytes()
    assert _count(svg, "node") == report.drawn_nodes
    assert _count(svg, "edge") == report.drawn_edges


def test_missing_graphviz_says_how_to_install(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.setattr(picture_module.shutil, "which", lambda _name: None)
    with pytest.raises(ExportError, match="apt-get install graphviz"):
        write_svg(nx.path_graph(3), tmp_path / "g.svg")
    assert not (tmp_path / "g.svg").exists()


def test_unknown_format_and_engine() -> None:
    with pytest.raises(ExportError):
        render(nx.path_graph(2), "gif")
    with pytest.raises(ExportError, match="engine"):
        render(nx.path_graph(2), "svg", engine="rm -rf")
