"""PNG and SVG through Graphviz, with a cap on the nodes drawn."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import ExportError
from kg.export import export_graph, render, write_png, write_svg
from kg.export import picture as picture_module
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
    assert _count(svg, "node") == G.number_of_nodes() + 1  # + the legend
    assert _count(svg, "edge") == G.number_of_edges()
    write_png(G, tmp_path / "g.png")
    assert (tmp_path / "g.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@needs_graphviz
def test_large_graphs_are_capped_to_the_most_central() -> None:
    G = nx.barabasi_albert_graph(500, 2, seed=2)
    for n in G:
        G.nodes[n]["label"] = f"n{n}"
    svg = render(G, "svg", max_nodes=25)
    assert _count(svg, "node") == 25
    assert b">n0<" in svg  # the first hub survives the cap


@needs_graphviz
def test_export_graph_reports_what_was_drawn(sample_store: Store, tmp_path: Path) -> None:
    report = export_graph(sample_store, "svg", tmp_path / "g.svg", max_nodes=4)
    assert report.nodes == 10 and report.drawn_nodes == 4
    assert _count((tmp_path / "g.svg").read_bytes(), "node") == 5  # 4 + the legend


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
