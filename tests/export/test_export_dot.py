"""DOT: quoting that survives any name, and Graphviz renders what kg writes."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from kg.export import dot_quote, generate_dot, write_dot
from kg.graph import annotate, to_networkx
from kg.store import Store
from tests.graph import graph_fixtures as fx

SVG = "{http://www.w3.org/2000/svg}"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None,
                               reason="Graphviz is not installed (apt-get install graphviz)")


@pytest.mark.parametrize(("text", "quoted"), [
    ("plain", '"plain"'),
    ('say "hi"', '"say \\"hi\\""'),
    ("a\\b", '"a\\\\b"'),
    ("ends with \\", '"ends with \\\\"'),
    ("two\nlines", '"two\\nlines"'),
    ("cr\r\nlf", '"cr\\nlf"'),
    ("AT&T &amp;", '"AT&amp;T &amp;amp;"'),
    ("<b>{x}</b> -> ;", '"<b>{x}</b> -> ;"'),
    ("bell\x07", '"bell"'),
    ("\u202eRTL\u200f", '"\u202eRTL\u200f"'),
])
def test_dot_quote(text: str, quoted: str) -> None:
    assert dot_quote(text) == quoted


def _svg_node_texts(svg: bytes) -> list[list[str]]:
    root = ET.fromstring(svg)
    nodes = []
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "node":
            nodes.append([t.text or "" for t in group.iter(f"{SVG}text")])
    return nodes


@needs_dot
@pytest.mark.parametrize("kind", ["multidigraph", "digraph", "graph"])
def test_graphviz_renders_the_dot_with_every_name_intact(sample_store: Store, tmp_path: Path,
                                                         kind: str) -> None:
    G = annotate(to_networkx(sample_store, kind=kind))
    target = tmp_path / "g.dot"
    write_dot(G, target)
    done = subprocess.run(["dot", "-Tsvg", str(target)], capture_output=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert b"Warning" not in done.stderr and b"Error" not in done.stderr
    texts = _svg_node_texts(done.stdout)
    assert len(texts) == G.number_of_nodes()
    for entity in fx.HOSTILE:
        assert entity.label.split("\n") in texts
    root = ET.fromstring(done.stdout)
    edges = [g for g in root.iter(f"{SVG}g") if g.get("class") == "edge"]
    assert len(edges) == G.number_of_edges()


@needs_dot
def test_dot_with_legend_and_self_loop_and_keywords(tmp_path: Path) -> None:
    G = nx.MultiDiGraph()
    for name in ("graph", "node", "edge", "strict", "subgraph", "digraph", "-1", "a b", ""):
        G.add_node(name, label=name, type='Type "with" <quotes> & {braces}')
    G.add_edge("graph", "graph", key="self", relation="loops", sentence='He said "x"\\')
    G.add_edge("node", "edge", key="r", relation="rel\nname", weight="not a number")
    text = generate_dot(G, legend=True, engine="sfdp")
    done = subprocess.run(["dot", "-Tsvg"], input=text.encode(), capture_output=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr.decode()
    texts = _svg_node_texts(done.stdout)
    assert ["strict"] in texts and ["a b"] in texts
    legend = [t.text or "" for t in ET.fromstring(done.stdout).iter(f"{SVG}text")]
    assert 'Type "with" <quotes> & {braces}' in legend  # a cell of the legend (graph label)


def test_long_labels_are_shortened_in_the_picture_but_kept_in_the_tooltip() -> None:
    G = nx.Graph()
    G.add_node("x", label="A" * 100)
    text = generate_dot(G)
    assert '"' + "A" * 47 + "\u2026" + '"' in text
    assert "A" * 100 in text
