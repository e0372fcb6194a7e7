"""An interactive, self-contained HTML page of the graph that works offline.

One file, no CDN, no library: the graph as JSON inside the page and a small
force-layout renderer written for kg (:mod:`kg.export._viewer`). Nodes are
coloured by type and sized by PageRank; edges are labelled with their relation
and coloured by group; hovering shows a node's details or an edge's first
source sentence; a search box highlights entities by label or alias. A
Content-Security-Policy forbids every network request.

Large graphs are cut to the ``max_nodes`` most central entities (PageRank) and
the page says so.

>>> import networkx as nx
>>> G = nx.DiGraph([("a", "b", {"relation": "supports", "sentence": "</script>"})])
>>> page = generate_html(G)
>>> page.startswith("<!DOCTYPE html>"), page.count("</script>")
(True, 2)
"""

from __future__ import annotations

import html
import json
import math
import os
from collections import Counter
from typing import Any

import networkx as nx

from kg.export._common import group_color, type_color, write_text, xml_text
from kg.export._viewer import SCRIPT, STYLE
from kg.graph.analytics import pagerank, top_subgraph

__all__ = ["DEFAULT_MAX_NODES", "generate_html", "html_payload", "write_html"]

#: The page's default cap: the force layout stays quick in any browser.
DEFAULT_MAX_NODES = 400

_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'")


def _short(text: str, limit: int = 40) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "\u2026"


def _node_info(node: object, data: dict[str, Any]) -> str:
    lines = [str(data.get("label", node))]
    kind = data.get("type")
    facts = [str(kind)] if kind else []
    if data.get("wikidata"):
        facts.append(f"Wikidata {data['wikidata']}")
    if facts:
        lines.append(" \u00b7 ".join(facts))
    if data.get("aliases"):
        lines.append(f"also: {data['aliases']}")
    counts = []
    if "mentions" in data:
        counts.append(f"{data['mentions']} statements")
    if "documents" in data:
        counts.append(f"{data['documents']} documents")
    if "degree" in data:
        counts.append(f"degree {data['degree']}")
    if counts:
        lines.append(", ".join(counts))
    lines.append(str(node))
    return "\n".join(lines)


def _edge_info(source: str, target: str, data: dict[str, Any], directed: bool) -> str:
    relation = str(data.get("relations") or data.get("relation") or "related")
    arrow = "\u2192" if directed else "\u2014"
    lines = [f"{source} \u2014{relation.replace('_', ' ')}{arrow} {target}"]
    details = []
    if "weight" in data:
        details.append(f"{data['weight']} statement(s)")
    if data.get("group"):
        details.append(str(data["group"]))
    if data.get("event"):
        quad = f" ({data['quad']})" if data.get("quad") else ""
        details.append(f"{data['event']}{quad}")
    if details:
        lines.append(", ".join(details))
    if data.get("sentence"):
        lines.append(f"\u201c{data['sentence']}\u201d")
    if data.get("document"):
        lines.append(f"\u2014 {data['document']}")
    return "\n".join(lines)


def html_payload(G: nx.Graph, *, max_nodes: int = DEFAULT_MAX_NODES,
                 title: str = "kg graph") -> dict[str, Any]:
    """The JSON the page's script draws (nodes with position-free styling, edges by
    node index, the type legend)."""
    ranks = {n: float(d["pagerank"]) for n, d in G.nodes(data=True)
             if isinstance(d.get("pagerank"), int | float)}
    if len(ranks) != G.number_of_nodes():
        ranks = {n: float(v) for n, v in pagerank(G).items()}
    H = top_subgraph(G, max_nodes) if max_nodes > 0 else G
    top = max((ranks.get(n, 0.0) for n in H.nodes), default=0.0)
    index = {n: i for i, n in enumerate(H.nodes)}
    nodes = []
    for node, data in H.nodes(data=True):
        label = xml_text(str(data.get("label", node)))
        share = ranks.get(node, 0.0) / top if top > 0 else 0.0
        nodes.append({
            "id": str(node),
            "label": label,
            "short": _short(label),
            "aliases": xml_text(str(data.get("aliases", ""))),
            "color": type_color(data.get("type", "")),
            "size": round(5 + 17 * math.sqrt(share), 2),
            "info": xml_text(_node_info(node, data)),
        })
    edges = []
    directed = H.is_directed()
    for u, v, data in H.edges(data=True):
        weight = data.get("weight", 1)
        try:
            w = max(1.0, float(weight))
        except (TypeError, ValueError):
            w = 1.0
        relation = str(data.get("relations") or data.get("relation") or "")
        edges.append({
            "s": index[u],
            "t": index[v],
            "label": _short(relation.replace("; ", ", ").replace("_", " "), 32),
            "color": group_color(data.get("group")),
            "width": round(min(1 + math.log2(w), 6.0), 2),
            "info": xml_text(_edge_info(str(nodes[index[u]]["label"]),
                                        str(nodes[index[v]]["label"]), data, directed)),
        })
    types = Counter(str(d.get("type", "")) for _n, d in H.nodes(data=True))
    return {
        "title": title,
        "directed": directed,
        "shown": H.number_of_nodes(),
        "total": G.number_of_nodes(),
        "nodes": nodes,
        "edges": edges,
        "types": [[t or "(none)", type_color(t), c]
                  for t, c in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))],
    }


def _script_json(payload: dict[str, Any]) -> str:
    """JSON that cannot close its ``<script>`` element or open a comment."""
    text = json.dumps(payload, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def generate_html(G: nx.Graph, *, title: str = "kg graph",
                  max_nodes: int = DEFAULT_MAX_NODES) -> str:
    """The page as a string (see the module docstring)."""
    payload = html_payload(G, max_nodes=max_nodes, title=title)
    shown, total = payload["shown"], payload["total"]
    summary = f"{shown} entities, {len(payload['edges'])} relations"
    if shown < total:
        summary += f" (the {shown} most central of {total}, by PageRank)"
    safe_title = html.escape(xml_text(title))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kg">
<title>{safe_title}</title>
<style>{STYLE}</style>
</head>
<body>
<div id="kg-bar">
  <h1>{safe_title}</h1>
  <input id="kg-search" type="search" placeholder="Search entities or aliases" \
aria-label="Search entities">
  <span id="kg-count"></span>
  <button id="kg-fit" type="button">Fit</button>
  <span id="kg-summary">{html.escape(summary)}</span>
</div>
<canvas id="kg-canvas" aria-label="Graph of {html.escape(summary)}"></canvas>
<div id="kg-legend"></div>
<div id="kg-tip" role="tooltip"></div>
<script type="application/json" id="kg-data">{_script_json(payload)}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""


def write_html(G: nx.Graph, path: str | os.PathLike[str], *, title: str = "kg graph",
               max_nodes: int = DEFAULT_MAX_NODES) -> None:
    """Write the interactive page, atomically.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "g.html"
    >>> write_html(nx.DiGraph([("a", "b")]), target, title="two nodes")
    >>> "<title>two nodes</title>" in target.read_text(encoding="utf-8")
    True
    """
    write_text(path, generate_html(G, title=title, max_nodes=max_nodes))
