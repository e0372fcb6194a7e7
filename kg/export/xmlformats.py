"""GraphML (yEd, Cytoscape, Gephi, igraph) and GEXF (Gephi), through networkx's
writers on a cleaned copy of the graph: every attribute a bool, int, float or
XML-safe string with one type per attribute, every edge id unique.

>>> import io, networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_edge("a", "b", key="supports", relation="supports", weight=2)
'supports'
>>> text = "".join(generate_graphml(G))
>>> nx.read_graphml(io.StringIO(text)).number_of_edges()
1
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator

import networkx as nx

from kg.export._common import clean_graph, opened

__all__ = ["generate_gexf", "generate_graphml", "write_gexf", "write_graphml"]

#: Attribute names networkx's GEXF writer treats as structure, renamed on export.
_GEXF_RESERVED = {
    "node": {"id": "kg_id", "pid": "kg_pid", "start": "kg_start", "end": "kg_end",
             "viz": "kg_viz", "parents": "kg_parents", "spells": "kg_spells"},
    "edge": {"id": "kg_id", "type": "kg_type", "start": "kg_start", "end": "kg_end",
             "viz": "kg_viz", "spells": "kg_spells", "key": "kg_key"},
}
_GRAPHML_RESERVED = {"node": {"id": "kg_id"}, "edge": {"id": "kg_id"}}


def _graphml_ready(G: nx.Graph) -> nx.Graph:
    return clean_graph(G, rename=_GRAPHML_RESERVED, unique_edge_keys=True)


def generate_graphml(G: nx.Graph) -> Iterator[str]:
    """The GraphML document of G, in lines."""
    yield from nx.generate_graphml(_graphml_ready(G), encoding="utf-8", prettyprint=True)


def write_graphml(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write G as GraphML (UTF-8), atomically.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> write_graphml(nx.DiGraph([("a", "b", {"relation": "supports"})]), target)
    >>> nx.read_graphml(target).edges["a", "b"]["relation"]
    'supports'
    """
    H = _graphml_ready(G)
    with opened(path) as handle:
        nx.write_graphml(H, handle, encoding="utf-8", prettyprint=True)


def _gexf_ready(G: nx.Graph) -> nx.Graph:
    H = clean_graph(G, rename=_GEXF_RESERVED)
    for _u, _v, data in H.edges(data=True):
        if "weight" in data and not isinstance(data["weight"], int | float):
            data["kg_weight"] = data.pop("weight")
    return H


def generate_gexf(G: nx.Graph) -> Iterator[str]:
    """The GEXF 1.2 document of G, in lines."""
    yield from nx.generate_gexf(_gexf_ready(G), encoding="utf-8", prettyprint=True)


def write_gexf(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write G as GEXF 1.2 (UTF-8), atomically.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> write_gexf(nx.DiGraph([("a", "b", {"weight": 2})]), target)
    >>> nx.read_gexf(target).edges["a", "b"]["weight"]
    2.0
    """
    H = _gexf_ready(G)
    buffer = io.BytesIO()
    nx.write_gexf(H, buffer, encoding="utf-8", prettyprint=True)
    with opened(path) as handle:
        handle.write(buffer.getvalue())
