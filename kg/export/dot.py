"""DOT for Graphviz, written by hand so that any name is safe.

Nodes get synthetic ids (``n0``, ``n1``...); names go into quoted ``label`` and
``tooltip`` attributes, escaped for Graphviz's escString: ``\\`` and ``"`` are
backslash-escaped, newlines become ``\\n``, ``&`` becomes ``&amp;`` (Graphviz
decodes HTML entities in labels), and characters that SVG cannot carry are dropped.
``<``, ``>``, ``{``, ``}`` and keywords are harmless inside quotes.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("x", label='Acme "Q" <C> {x}\\nB & C', type="Company")
>>> G.add_edge("x", "y", relation="supports", weight=2, group="cooperation")
>>> print(dot_quote('Acme "Q"\\nB & C'))
"Acme \\"Q\\"\\nB &amp; C"
>>> "n0 -> n1" in generate_dot(G)
True
"""

from __future__ import annotations

import html
import math
import os
from collections.abc import Hashable, Iterator

import networkx as nx

from kg.export._common import group_color, type_color, write_text, xml_text

__all__ = ["EDGE_LABEL_LIMIT", "dot_quote", "generate_dot", "iter_dot", "write_dot"]

#: Edges are labelled with their relation up to this many edges (beyond, the
#: labels would hide the picture; the relation stays in each edge's tooltip).
EDGE_LABEL_LIMIT = 80


def dot_quote(text: object) -> str:
    """``text`` as a quoted DOT string (an escString: safe as an id or a label)."""
    value = xml_text(str(text)).replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    value = value.replace("\n", "\\n")
    return f'"{value}"'


def _shorten(text: str, limit: int | None) -> str:
    if limit is None or len(text) <= limit:
        return text
    return text[: max(1, limit - 1)].rstrip() + "\u2026"


def _attr_list(attrs: dict[str, object]) -> str:
    parts = []
    for key, value in attrs.items():
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        if isinstance(value, int | float):
            parts.append(f"{key}={value:g}" if isinstance(value, float) else f"{key}={value}")
        else:
            parts.append(f"{key}={dot_quote(value)}")
    return "[" + ", ".join(parts) + "]" if parts else ""


def _layout_attrs(engine: str, n: int, m: int) -> dict[str, object]:
    common: dict[str, object] = {"fontname": "Helvetica", "bgcolor": "white", "pad": 0.3}
    if engine == "dot":
        return {**common, "rankdir": "LR", "nodesep": 0.35, "ranksep": 0.9}
    # spline routing around nodes is slow beyond a few hundred edges: straight lines
    return {**common, "overlap": "prism", "overlap_scaling": 2 if n < 40 else 4,
            "sep": "+12", "splines": "true" if m <= 200 else "line", "K": 1.2}


def iter_dot(
    G: nx.Graph,
    *,
    name: str = "kg",
    engine: str = "dot",
    legend: bool = False,
    max_label: int | None = 48,
    edge_labels: bool | None = None,
) -> Iterator[str]:
    """The DOT text of G, line by line (see :func:`generate_dot`)."""
    directed = G.is_directed()
    if edge_labels is None:
        edge_labels = G.number_of_edges() <= EDGE_LABEL_LIMIT
    arrow = "->" if directed else "--"
    yield f"{'digraph' if directed else 'graph'} {dot_quote(name)} {{\n"
    layout = _layout_attrs(engine, G.number_of_nodes(), G.number_of_edges())
    yield f"  graph {_attr_list(layout)};\n"
    yield ('  node [shape=ellipse, style="filled", fontname="Helvetica", fontsize=11, '
           'color="#444444", penwidth=0.8];\n')
    yield '  edge [fontname="Helvetica", fontsize=8, fontcolor="#333333", arrowsize=0.7];\n'

    ids: dict[Hashable, str] = {}
    ranks = [float(d.get("pagerank", 0.0) or 0.0) for _n, d in G.nodes(data=True)]
    top = max(ranks) if ranks else 0.0
    for index, (node, data) in enumerate(G.nodes(data=True)):
        ids[node] = f"n{index}"
        label = str(data.get("label", node))
        kind = str(data.get("type", ""))
        share = float(data.get("pagerank", 0.0) or 0.0) / top if top > 0 else 0.0
        attrs: dict[str, object] = {
            "label": _shorten(label, max_label),
            "tooltip": f"{label} ({kind})" if kind else label,
            "fillcolor": type_color(kind) if kind else "#dddddd",
            "fontsize": round(10 + 8 * math.sqrt(share), 1),
        }
        yield f"  {ids[node]} {_attr_list(attrs)};\n"

    edges = (G.edges(keys=True, data=True) if G.is_multigraph()
             else ((u, v, None, d) for u, v, d in G.edges(data=True)))
    for u, v, _key, data in edges:
        relation = str(data.get("relations") or data.get("relation") or "")
        weight = data.get("weight", 1)
        try:
            w = max(1, int(weight))
        except (TypeError, ValueError):
            w = 1
        sentence = str(data.get("sentence", ""))
        text = relation.replace("; ", ", ").replace("_", " ")
        attrs = {
            "label": _shorten(text, max_label) if edge_labels else "",
            "tooltip": f"{text}: {sentence}" if sentence else text,
            "color": group_color(data.get("group")),
            "penwidth": round(1 + math.log2(w), 2),
            "weight": w,
        }
        yield f"  {ids[u]} {arrow} {ids[v]} {_attr_list(attrs)};\n"

    if legend:
        kinds = sorted({str(d.get("type", "")) for _n, d in G.nodes(data=True)} - {""})
        if kinds:
            cells = "".join(
                f'<td bgcolor="{type_color(kind)}">{html.escape(xml_text(kind))}</td>'
                for kind in kinds
            )
            yield ('  kg_legend [shape=plaintext, style="solid", fontsize=9, '
                   'label=<<table border="0" cellborder="1" cellspacing="2" cellpadding="3">'
                   f"<tr>{cells}</tr></table>>];\n")
    yield "}\n"


def generate_dot(G: nx.Graph, **options: object) -> str:
    """The DOT text of G: nodes filled by type colour and sized by ``pagerank`` when
    present, edges labelled by relation, coloured by group, thicker with weight,
    the first source sentence as the edge tooltip. Options: ``name``, ``engine``
    (layout hints for dot or sfdp/neato), ``legend``, ``max_label``, ``edge_labels``
    (default: up to :data:`EDGE_LABEL_LIMIT` edges)."""
    return "".join(iter_dot(G, **options))  # type: ignore[arg-type]


def write_dot(G: nx.Graph, path: str | os.PathLike[str], **options: object) -> None:
    """Write G as DOT (UTF-8), atomically.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "g.dot"
    >>> write_dot(nx.DiGraph([("a", "b")]), target)
    >>> target.read_text().splitlines()[0]
    'digraph "kg" {'
    """
    write_text(path, generate_dot(G, **options))
