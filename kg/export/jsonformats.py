"""JSON for the browser: Cytoscape.js elements and D3's node-link shape.

Both keep every node and edge attribute (JSON-safe: finite numbers, strings,
booleans); edges carry their relation in ``relation`` and a unique ``id``.

>>> import networkx as nx
>>> G = nx.DiGraph([("a", "b", {"relation": "supports", "weight": 1})])
>>> cytoscape_data(G)["elements"]["edges"][0]["data"]["source"]
'a'
>>> d3_data(G)["links"][0]["target"]
'b'
"""

from __future__ import annotations

import json
import os
from typing import Any

import networkx as nx

from kg.export._common import json_value, write_text

__all__ = [
    "cytoscape_data",
    "d3_data",
    "dumps",
    "write_cytoscape",
    "write_d3",
]


def _attrs(data: dict[Any, Any], reserved: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = str(key)
        if name in reserved:
            name = f"kg_{name}"
        safe = json_value(value)
        if safe is not None:
            out[name] = safe
    return out


def _edges(G: nx.Graph) -> list[tuple[Any, Any, Any, dict[str, Any]]]:
    if G.is_multigraph():
        return [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)]
    return [(u, v, None, d) for u, v, d in G.edges(data=True)]


def cytoscape_data(G: nx.Graph) -> dict[str, Any]:
    """The graph as Cytoscape.js JSON (``{"elements": {"nodes": [...], "edges":
    [...]}}``), which Cytoscape desktop also imports."""
    nodes = [{"data": {"id": str(n), **_attrs(d, {"id"})}} for n, d in G.nodes(data=True)]
    edges = []
    for index, (u, v, key, d) in enumerate(_edges(G)):
        data = {"id": f"e{index}", "source": str(u), "target": str(v),
                **_attrs(d, {"id", "source", "target"})}
        if key is not None:
            data.setdefault("key", json_value(key))
        edges.append({"data": data})
    return {
        "format_version": "1.0",
        "generated_by": "kg",
        "target_cytoscapejs_version": "~3",
        "data": _attrs(G.graph, set()),
        "directed": G.is_directed(),
        "elements": {"nodes": nodes, "edges": edges},
    }


def d3_data(G: nx.Graph) -> dict[str, Any]:
    """The graph in D3's node-link shape (``nodes`` with ``id``, ``links`` with
    ``source``/``target`` ids), also readable by ``nx.node_link_graph(data,
    edges="links")``."""
    nodes = [{"id": str(n), **_attrs(d, {"id"})} for n, d in G.nodes(data=True)]
    links = []
    for u, v, key, d in _edges(G):
        link = {"source": str(u), "target": str(v), **_attrs(d, {"source", "target"})}
        if key is not None:
            link["key"] = json_value(key)
        links.append(link)
    return {
        "directed": G.is_directed(),
        "multigraph": G.is_multigraph(),
        "graph": _attrs(G.graph, set()),
        "nodes": nodes,
        "links": links,
    }


def dumps(data: Any, *, indent: int | None = 1) -> str:
    """JSON text (UTF-8 characters kept, NaN refused)."""
    return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)


def _indent(G: nx.Graph) -> int | None:
    """Indented for people up to 10,000 elements, compact beyond."""
    return 1 if G.number_of_nodes() + G.number_of_edges() <= 10_000 else None


def write_cytoscape(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write G as Cytoscape.js JSON, atomically.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "g.json"
    >>> write_cytoscape(nx.DiGraph([("a", "b")]), target)
    >>> len(json.loads(target.read_text())["elements"]["nodes"])
    2
    """
    write_text(path, dumps(cytoscape_data(G), indent=_indent(G)) + "\n")


def write_d3(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write G as D3 node-link JSON, atomically.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "g.json"
    >>> write_d3(nx.DiGraph([("a", "b")]), target)
    >>> json.loads(target.read_text())["links"]
    [{'source': 'a', 'target': 'b'}]
    """
    write_text(path, dumps(d3_data(G), indent=_indent(G)) + "\n")
