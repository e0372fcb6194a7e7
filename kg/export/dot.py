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

from kg.export._common import (
    DEFAULT_EDGE_COLOR,
    EVENT_CLASS_COLORS,
    event_class_color,
    type_color,
    write_text,
    xml_text,
)

__all__ = ["EDGE_LABEL_LIMIT", "dot_quote", "generate_dot", "iter_dot", "write_dot"]

#: Every edge is labelled with its relations up to this many edges; beyond, only
#: the ``EDGE_LABEL_LIMIT`` heaviest get a label (their main relation, shortened),
#: so that labels never pile up in a dense core. The relations stay in each edge's
#: tooltip.
EDGE_LABEL_LIMIT = 30


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
    edge_labels: bool | int | None = None,
) -> Iterator[str]:
    """The DOT text of G, line by line (see :func:`generate_dot`)."""
    directed = G.is_directed()
    m = G.number_of_edges()
    if edge_labels is None:
        edge_labels = True if m <= EDGE_LABEL_LIMIT else EDGE_LABEL_LIMIT
    labelled = _labelled_edges(G, edge_labels)
    dense = labelled is not None
    arrow = "->" if directed else "--"
    yield f"{'digraph' if directed else 'graph'} {dot_quote(name)} {{\n"
    layout = _layout_attrs(engine, G.number_of_nodes(), G.number_of_edges())
    if dense:
        # edge labels as xlabels: Graphviz leaves out those that would overlap
        layout["forcelabels"] = False
    yield f"  graph {_attr_list(layout)};\n"
    if legend:
        yield from _legend(G)
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
            "fontcolor": _text_color(type_color(kind) if kind else "#dddddd"),
            "fontsize": round(10 + 8 * math.sqrt(share), 1),
        }
        yield f"  {ids[node]} {_attr_list(attrs)};\n"

    edges = (G.edges(keys=True, data=True) if G.is_multigraph()
             else ((u, v, None, d) for u, v, d in G.edges(data=True)))
    for index, (u, v, _key, data) in enumerate(edges):
        relation = str(data.get("relations") or data.get("relation") or "")
        w = _weight(data)
        sentence = str(data.get("sentence", ""))
        text = relation.replace("; ", ", ").replace("_", " ")
        if labelled is None:
            label = _shorten(text, max_label) if edge_labels else ""
        elif index in labelled:
            main = str(data.get("relation") or relation.split("; ")[0]).replace("_", " ")
            label = _shorten(main, 22)
        else:
            label = ""
        attrs = {
            "xlabel" if dense else "label": label,
            "tooltip": f"{text}: {sentence}" if sentence else text,
            "color": event_class_color(data.get("quad")),
            "penwidth": round(1 + math.log2(w), 2),
            "weight": w,
        }
        if dense and label:
            attrs["fontcolor"] = "#222222"
        yield f"  {ids[u]} {arrow} {ids[v]} {_attr_list(attrs)};\n"

    yield "}\n"


def _text_color(fill: str) -> str:
    """Black on light fills, white on dark ones (relative luminance, WCAG)."""
    try:
        channels = [int(fill[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    except ValueError:
        return "#000000"
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#ffffff" if luminance < 0.18 else "#000000"


def _weight(data: dict[str, object]) -> int:
    try:
        return max(1, int(data.get("weight", 1)))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 1


def _labelled_edges(G: nx.Graph, edge_labels: bool | int) -> set[int] | None:
    """The positions (in G's edge order) of the edges that get a label when only
    the ``edge_labels`` heaviest do; None when all or none do."""
    if isinstance(edge_labels, bool) or edge_labels >= G.number_of_edges():
        return None
    data = (d for *_uv, d in (G.edges(keys=True, data=True) if G.is_multigraph()
                              else G.edges(data=True)))
    weights = [(-_weight(d), i) for i, d in enumerate(data)]
    return {i for _w, i in sorted(weights)[: max(0, edge_labels)]}


def _legend(G: nx.Graph) -> Iterator[str]:
    """The legend, as the graph's label under the picture (so that it takes no part
    in the layout): entity types (fill colours) and event classes (edge colours)."""
    kinds = sorted({str(d.get("type", "")) for _n, d in G.nodes(data=True)} - {""})
    quads = {str(d.get("quad") or "") for *_uv, d in G.edges(data=True)}
    rows = []
    if kinds:
        cells = "".join(f'<td bgcolor="{type_color(kind)}">{html.escape(xml_text(kind))}</td>'
                        for kind in kinds)
        rows.append(f'<tr><td border="0" align="right"><b>entities</b></td>{cells}</tr>')
    if G.number_of_edges():
        entries = [(q, c) for q, c in EVENT_CLASS_COLORS.items() if q in quads]
        if "" in quads:
            entries.append(("no event class", DEFAULT_EDGE_COLOR))
        cells = "".join(f'<td border="0"><font color="{color}" point-size="14">'
                        f"\u2501\u2501</font> {html.escape(name)}</td>"
                        for name, color in entries)
        rows.append(f'<tr><td border="0" align="right"><b>edges</b></td>{cells}</tr>')
    if rows:
        yield ('  graph [labelloc="b", labeljust="l", fontsize=11, '
               'label=<<table border="0" cellborder="1" cellspacing="2" cellpadding="3">'
               f"{''.join(rows)}</table>>];\n")


def generate_dot(G: nx.Graph, **options: object) -> str:
    """The DOT text of G: nodes filled by type colour and sized by ``pagerank`` when
    present, edges labelled by relation, coloured by event class, thicker with weight,
    the first source sentence as the edge tooltip. Options: ``name``, ``engine``
    (layout hints for dot or sfdp/neato), ``legend``, ``max_label``, ``edge_labels``
    (True, False, or N: only the N heaviest edges, by their main relation; default:
    all up to :data:`EDGE_LABEL_LIMIT` edges, else the :data:`EDGE_LABEL_LIMIT`
    heaviest)."""
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
