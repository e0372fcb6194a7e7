"""Network exports of the knowledge graph that open in real tools.

Each format is a ``write_<fmt>(G, path)`` over a pure ``generate``/``*_data``
function, networkx style, and every file is written atomically:

============  ===========================================  =========================
format        opens in                                     function
============  ===========================================  =========================
graphml       yEd, Gephi, Cytoscape, igraph, networkx      :func:`write_graphml`
gexf          Gephi                                        :func:`write_gexf`
cytoscape     Cytoscape.js, Cytoscape desktop              :func:`write_cytoscape`
d3            D3 force layouts (node-link JSON)            :func:`write_d3`
dot           Graphviz                                     :func:`write_dot`
csv           spreadsheets, pandas, Gephi (two tables)     :func:`write_csv`
html          any browser, offline                         :func:`write_html`
svg, png      anywhere (rendered by Graphviz)              :func:`write_svg`, :func:`write_png`
============  ===========================================  =========================

:func:`export_graph` projects a store with filters and writes one format; it is
what ``kg graph-export`` runs.

>>> import pathlib, tempfile
>>> from kg.store import open_store
>>> target = pathlib.Path(tempfile.mkdtemp()) / "graph.graphml"
>>> export_graph(open_store("memory:"), "graphml", target).nodes
0
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.errors import ConfigError
from kg.export.dot import dot_quote, generate_dot, write_dot
from kg.export.html import (
    GraphView,
    attach_evidence,
    generate_html,
    html_payload,
    view,
    view_counts,
    write_html,
)
from kg.export.jsonformats import cytoscape_data, d3_data, write_cytoscape, write_d3
from kg.export.picture import graphviz_available, render, write_png, write_svg
from kg.export.tables import edge_table, generate_csv, node_table, write_csv
from kg.export.xmlformats import generate_gexf, generate_graphml, write_gexf, write_graphml
from kg.store import Store

__all__ = [
    "DEFAULT_KINDS",
    "FORMATS",
    "ExportReport",
    "GraphView",
    "attach_evidence",
    "cytoscape_data",
    "d3_data",
    "dot_quote",
    "edge_table",
    "export_graph",
    "generate_csv",
    "generate_dot",
    "generate_gexf",
    "generate_graphml",
    "generate_html",
    "graphviz_available",
    "html_payload",
    "node_table",
    "render",
    "view",
    "view_counts",
    "write_csv",
    "write_cytoscape",
    "write_d3",
    "write_dot",
    "write_gexf",
    "write_graph",
    "write_graphml",
    "write_html",
    "write_png",
    "write_svg",
]

#: The formats :func:`write_graph` knows.
FORMATS = ("graphml", "gexf", "cytoscape", "d3", "dot", "csv", "html", "png", "svg")

#: The graph kind each format gets by default: data formats keep every relation as
#: its own edge; pictures merge the relations between two entities into one edge.
DEFAULT_KINDS = {
    "graphml": "multidigraph",
    "gexf": "multidigraph",
    "cytoscape": "multidigraph",
    "d3": "multidigraph",
    "csv": "multidigraph",
    "dot": "digraph",
    "html": "digraph",
    "png": "digraph",
    "svg": "digraph",
}


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote, in the words of README "Words": ``nodes`` entities
    (the connected ones, plus the isolated ones with ``isolates``), of which
    ``connected`` have an edge; ``edges`` entity —relation→ entity; ``lines`` the
    graph's edges once the kind merged the relations between two entities (equal
    to ``edges`` for a multidigraph)."""

    format: str
    paths: tuple[Path, ...]
    nodes: int
    edges: int
    #: pictures and pages: the entities and edges drawn (png/svg) or shown when the
    #: page opens (html)
    drawn_nodes: int | None = None
    connected: int | None = None
    lines: int | None = None
    #: pictures and pages: the entities and edges (lines, where the kind merges the
    #: relations between two entities) drawn (png/svg) or shown when the page opens
    drawn_edges: int | None = None
    #: html: the entities and edges the page holds (what its filters can show)
    page_nodes: int | None = None
    page_edges: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {"format": self.format, "paths": [str(p) for p in self.paths],
                "nodes": self.nodes, "edges": self.edges, "drawn_nodes": self.drawn_nodes,
                "connected_entities": self.connected, "lines": self.lines,
                "drawn_edges": self.drawn_edges, "page_nodes": self.page_nodes,
                "page_edges": self.page_edges}

    def sentence(self) -> str:
        """What an export prints after the file names, in the words of README
        "Words", with what the picture draws or the page opens on."""
        connected = self.connected if self.connected is not None else self.nodes
        if self.nodes > connected:
            text = f"{_count(self.nodes, 'entity', 'entities')} ({connected} connected)"
        else:
            text = f"{connected} connected {'entity' if connected == 1 else 'entities'}"
        text += f", {_count(self.edges, 'edge', 'edges')}"
        merged = self.lines is not None and self.lines != self.edges
        if merged:
            text += (f" (drawn as {self.lines} lines: the relations between two entities "
                     "merged)")
        if self.drawn_nodes is None:
            return text
        whole = (self.drawn_nodes, self.drawn_edges) == (
            self.nodes, self.lines if merged else self.edges)
        unit = "lines" if merged else "edges"
        if not whole:
            verb = "the page opens on" if self.format == "html" else "the picture shows"
            text += (f"; {verb} {self.drawn_nodes} entities and {self.drawn_edges} {unit}, "
                     "the connected core of the most central")
        if self.format == "html" and self.page_nodes is not None:
            if self.page_nodes != self.nodes:
                text += (f"; it holds {self.page_nodes} entities and {self.page_edges} "
                         f"{unit} for its filters (--max-nodes 0 for all)")
        elif not whole:
            text += " (--max-nodes 0 for all)"
        return text


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _check_format(fmt: str) -> str:
    name = fmt.lower().lstrip(".")
    if name not in FORMATS:
        raise ConfigError(f"unknown graph format {fmt!r}", hint="use one of " + ", ".join(FORMATS))
    return name


def write_graph(
    G: nx.Graph,
    fmt: str,
    path: str | os.PathLike[str],
    *,
    max_nodes: int | None = None,
    title: str = "kg graph",
    engine: str | None = None,
) -> list[Path]:
    """Write G in ``fmt`` (one of :data:`FORMATS`) to ``path`` (a folder for csv);
    return the files written. ``max_nodes`` caps html (default 2000) and png/svg
    (default 60) to the most central entities (0 for all)."""
    name = _check_format(fmt)
    target = Path(path)
    if name == "csv":
        return write_csv(G, target)
    if name == "html":
        write_html(G, target, title=title,
                   **({} if max_nodes is None else {"max_nodes": max_nodes}))
    elif name in ("png", "svg"):
        writer = write_png if name == "png" else write_svg
        writer(G, target, engine=engine,
               **({} if max_nodes is None else {"max_nodes": max_nodes}))
    else:
        simple = {"graphml": write_graphml, "gexf": write_gexf, "cytoscape": write_cytoscape,
                  "d3": write_d3, "dot": write_dot}
        simple[name](G, target)
    return [target]


def export_graph(
    store: Store,
    fmt: str,
    path: str | os.PathLike[str],
    *,
    kind: str | None = None,
    relations: Iterable[str] | str | None = None,
    types: Iterable[str] | str | None = None,
    document: str | None = None,
    since: str | _dt.date | None = None,
    until: str | _dt.date | None = None,
    min_weight: int = 1,
    group: str | None = None,
    event: str | None = None,
    isolates: bool = False,
    max_nodes: int | None = None,
    title: str = "kg graph",
    engine: str | None = None,
    annotate: bool = True,
    seed: int = 42,
) -> ExportReport:
    """Project ``store`` (filters as in :func:`kg.graph.to_networkx`, e.g. ``group``
    or ``event="CooperationEvent"``), add ``degree``, ``pagerank`` and ``community``
    to the nodes (``annotate``), and write ``fmt``. Edges keep their ``group``,
    ``event`` and ``quad`` attributes, so Gephi or Cytoscape can colour by them."""
    from kg.graph import annotate as add_centrality
    from kg.graph import to_networkx

    name = _check_format(fmt)
    G = to_networkx(store, kind=kind or DEFAULT_KINDS[name], relations=relations,
                    types=types, document=document, since=since, until=until,
                    min_weight=min_weight, group=group, event=event, isolates=isolates)
    if annotate:
        add_centrality(G, seed=seed)
    if name == "html":
        attach_evidence(G, store, document=document, since=since, until=until)
    paths = write_graph(G, name, path, max_nodes=max_nodes, title=title, engine=engine)
    extra: dict[str, int] = {}
    if name == "html":
        from kg.export.html import DEFAULT_MAX_NODES as HTML_MAX

        counts = view_counts(G, max_nodes=HTML_MAX if max_nodes is None else max_nodes)
        extra = {"drawn_nodes": counts.shown_nodes, "drawn_edges": counts.shown_edges,
                 "page_nodes": counts.page_nodes, "page_edges": counts.page_edges}
    elif name in ("png", "svg"):
        from kg.export.picture import DEFAULT_MAX_NODES as PICTURE_MAX
        from kg.export.picture import picture_graph

        H = picture_graph(G, max_nodes=PICTURE_MAX if max_nodes is None else max_nodes)
        extra = {"drawn_nodes": H.number_of_nodes(), "drawn_edges": H.number_of_edges()}
    connected = sum(1 for n in G.nodes if G.degree(n) > 0)
    return ExportReport(format=name, paths=tuple(paths), nodes=G.number_of_nodes(),
                        edges=int(G.graph.get("edges", G.number_of_edges())),
                        connected=connected, lines=G.number_of_edges(), **extra)
