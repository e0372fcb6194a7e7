"""An interactive HTML view of the graph that works offline, in a file or a notebook.

The page draws the graph with Cytoscape.js and its fCoSE force layout, vendored
from the npm registry with their licences (``kg/export/static/``) and inlined into
the page, so it opens from a ``file://`` URL, inside a notebook, or anywhere else
without a network; its Content-Security-Policy forbids every request.

What the page holds and what it opens on:

- the page holds the ``max_nodes`` most central entities (PageRank over the
  undirected graph, :func:`kg.graph.analytics.centrality`; default 2000,
  0 for all) and the edges between them; an entity whose every edge the cap
  removed is left out rather than drawn as a lone dot;
- it opens on the **connected core**: among the ``view_nodes`` most central of those
  (default 100), the largest connected group (a view of at most 40 entities is
  shown whole). The filters (entity type, event
  class, relation group, event category, dates), the "entities shown" number and
  the "connected core only" switch change the view; the same rule applies after
  each change, so no entity is ever drawn without an edge;
- nodes are coloured by entity type and sized by PageRank; edges are coloured by
  event class (verbal/material cooperation/conflict, grey when the relation has
  none); both legends double as filters;
- only the labels that fit without overlapping are drawn (the most central first,
  recomputed on zoom); hovering an entity shows its neighbours' labels, clicking
  an entity or an edge lists the sentences and documents behind it.

:func:`view_counts` gives the numbers the page shows on opening, which
``kg graph-export`` prints too; :class:`GraphView` shows the page inline in
Jupyter.

>>> import networkx as nx
>>> G = nx.DiGraph([("a", "b", {"relation": "supports", "sentence": "</script>"})])
>>> page = generate_html(G)
>>> page.startswith("<!DOCTYPE html>"), "\\u003c/script\\u003e" in page
(True, True)
>>> view_counts(G).shown_nodes, view_counts(G).shown_edges
(2, 1)
"""

from __future__ import annotations

import datetime as _dt
import heapq
import html
import json
import math
import os
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import networkx as nx

from kg.export._common import (
    DEFAULT_EDGE_COLOR,
    EVENT_CLASS_COLORS,
    event_class_color,
    type_color,
    write_text,
    xml_text,
)
from kg.export._viewer import SCRIPT, STYLE
from kg.export.dot import EDGE_LABEL_LIMIT
from kg.graph.analytics import centrality

__all__ = [
    "CORE_LIMIT",
    "DEFAULT_MAX_NODES",
    "DEFAULT_VIEW_NODES",
    "EVIDENCE_LIMIT",
    "VENDORED",
    "GraphView",
    "ViewCounts",
    "attach_evidence",
    "core_graph",
    "generate_html",
    "html_payload",
    "page_graph",
    "view",
    "view_counts",
    "write_html",
]

#: The most central entities the page holds (0 for all).
DEFAULT_MAX_NODES = 2000
#: How many of them the view starts from (its connected core is drawn).
DEFAULT_VIEW_NODES = 100
#: Sentences listed per edge (the count of all statements is shown beside them).
EVIDENCE_LIMIT = 5
#: A view of more entities than this shows only its largest connected group (a
#: smaller one is shown whole).
CORE_LIMIT = 40
#: The vendored scripts, in load order, with the licence file of each.
VENDORED: tuple[tuple[str, str], ...] = (
    ("cytoscape.min.js", "LICENSE.cytoscape"),
    ("layout-base.js", "LICENSE.layout-base"),
    ("cose-base.js", "LICENSE.cose-base"),
    ("cytoscape-fcose.js", "LICENSE.cytoscape-fcose"),
)
#: The event-class legend's entry for relations without one.
NO_EVENT_CLASS = "no event class"

_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "img-src data: blob:; connect-src 'none'; worker-src 'none'; base-uri 'none'; "
        "form-action 'none'")
# Runs first: counts what the policy blocks, so a test can see it stayed at zero.
_GUARD = ("document.addEventListener('securitypolicyviolation',function(){var b="
          "document.documentElement;b.setAttribute('data-kg-csp-violations',String("
          "1+Number(b.getAttribute('data-kg-csp-violations')||0)));});")


@cache
def _static(name: str) -> str:
    return (resources.files("kg.export") / "static" / name).read_text(encoding="utf-8")


def _library_scripts() -> str:
    """The vendored libraries as inline ``<script>`` elements, each preceded by its
    licence in a comment."""
    parts = []
    for script, licence in VENDORED:
        code = _static(script)
        notice = _static(licence).replace("*/", "* /")
        if "</script" in code.lower() or "<!--" in code:
            raise RuntimeError(f"kg/export/static/{script} cannot be inlined safely")
        parts.append(f"<script>/*! {script}: {notice.strip()} */\n{code}\n</script>")
    return "\n".join(parts)


def _short(text: str, limit: int = 40) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1].rstrip() + "\u2026"


def _ranked(G: nx.Graph) -> tuple[list[Hashable], dict[Hashable, float]]:
    """G's nodes, most central first (:func:`kg.graph.analytics.centrality`, then
    label, then id), and their scores."""
    ranks = {n: float(v) for n, v in centrality(G).items()}
    order = sorted(G.nodes, key=lambda n: (-ranks.get(n, 0.0),
                                           str(G.nodes[n].get("label", n)), str(n)))
    return order, ranks


def _rank_order(G: nx.Graph) -> list[Hashable]:
    return _ranked(G)[0]


def page_graph(G: nx.Graph, max_nodes: int = DEFAULT_MAX_NODES) -> nx.Graph:
    """The part of G the page holds: its ``max_nodes`` most central entities (all
    when 0) and the edges between them, without the entities the cap cut off from
    every edge (an entity that had no edge in G stays).

    >>> G = nx.DiGraph([("hub", str(i)) for i in range(5)] + [("x", "y")])
    >>> sorted(page_graph(G, 4).nodes)
    ['0', 'hub', 'x', 'y']
    """
    if max_nodes <= 0 or G.number_of_nodes() <= max_nodes:
        return G
    kept = _rank_order(G)[:max_nodes]
    H = G.subgraph(kept)
    orphans = {n for n in H if H.degree(n) == 0 and G.degree(n) > 0}
    out = G.subgraph([n for n in kept if n not in orphans]).copy()
    out.graph["truncated_from"] = G.number_of_nodes()
    return out


@dataclass(frozen=True)
class ViewCounts:
    """The numbers of a graph, the page made of it and the view it opens on."""

    graph_nodes: int
    graph_edges: int
    page_nodes: int
    page_edges: int
    shown_nodes: int
    shown_edges: int
    view_nodes: int

    def sentence(self) -> str:
        """How the page and ``kg graph-export`` say it."""
        text = f"showing {self.shown_nodes} entities and {self.shown_edges} edges"
        if (self.shown_nodes, self.shown_edges) != (self.graph_nodes, self.graph_edges):
            text += (f" of {self.graph_nodes} entities and {self.graph_edges} edges "
                     "(the connected core of the most central)")
        return text


def _largest(nodes: Sequence[int], edges: Sequence[tuple[int, int]]) -> list[int]:
    """The nodes of ``nodes`` (in their order) in its largest connected group over
    ``edges`` (ties: the group holding the most central, i.e. smallest, index)."""
    parent = {n: n for n in nodes}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s, t in edges:
        if s in parent and t in parent:
            a, b = find(s), find(t)
            if a != b:
                parent[max(a, b)] = min(a, b)
    sizes = Counter(find(n) for n in nodes)
    best = min(sizes, key=lambda root: (-sizes[root], root))
    return [n for n in nodes if find(n) == best]


def _grow(nodes: Sequence[int], edges: Sequence[tuple[int, int]], top: int) -> list[int]:
    """``top`` of ``nodes`` grown from the most central (smallest index) outwards:
    each step adds the most central node next to those already chosen (a new seed,
    the most central left, when none is), so the cap cuts no chosen node off."""
    allowed = set(nodes)
    adjacent: dict[int, set[int]] = {n: set() for n in nodes}
    for s, t in edges:
        if s in allowed and t in allowed and s != t:
            adjacent[s].add(t)
            adjacent[t].add(s)
    chosen: set[int] = set()
    rest = iter(sorted(allowed))
    frontier: list[int] = []
    while len(chosen) < min(top, len(allowed)):
        if not frontier:
            seed = next(x for x in rest if x not in chosen)
            frontier = [seed]
        node = heapq.heappop(frontier)
        if node in chosen:
            continue
        chosen.add(node)
        for other in adjacent[node]:
            if other not in chosen:
                heapq.heappush(frontier, other)
    return sorted(chosen)


def _view(nodes: Sequence[int], edges: Sequence[tuple[int, int]], *, top: int, core: bool,
          isolated: set[int]) -> tuple[list[int], list[int]]:
    """The page's view rule, which its script repeats after every change.

    ``nodes`` are the candidate node indices in rank order (those with an edge
    that passes the filters, and the ``isolated`` ones, which have no edge at all),
    ``edges`` the passing edges as index pairs. When ``core`` and there are more
    than :data:`CORE_LIMIT` candidates, keep those of the largest connected group;
    then ``top`` of them (all when 0): the most central, grown outwards from the
    most central of all when ``core`` (:func:`_grow`), else simply the first;
    drop the nodes left without an edge (isolated ones too when ``core``); when
    ``core`` and still more than :data:`CORE_LIMIT`, the largest connected group
    again. Returns the node
    indices shown and the positions of the edges shown in ``edges``.
    """
    candidates = list(nodes)
    if core and len(candidates) > CORE_LIMIT:
        candidates = _largest(candidates, edges)
    if 0 < top < len(candidates):
        candidates = _grow(candidates, edges, top) if core else candidates[:top]
    keep = set(candidates)
    kept = [i for i, (s, t) in enumerate(edges) if s in keep and t in keep]
    touched = {x for i in kept for x in edges[i]}
    shown = [n for n in candidates if n in touched or (n in isolated and not core)]
    if core and len(shown) > CORE_LIMIT:
        shown = _largest(shown, [edges[i] for i in kept])
    chosen = set(shown)
    return shown, [i for i in kept if edges[i][0] in chosen]


def core_graph(G: nx.Graph, n: int) -> nx.Graph:
    """What the page would show of G on opening with ``n`` entities shown (all when
    0): the connected core of the most central (see :func:`_view`); pictures draw it.

    >>> G = nx.DiGraph([("hub", str(i)) for i in range(5)] + [("x", "y")])
    >>> sorted(core_graph(G, 3).nodes)   # grown from the hub: no entity cut off
    ['0', '1', 'hub']
    """
    order = _rank_order(G)
    index = {node: i for i, node in enumerate(order)}
    pairs = [(index[u], index[v]) for u, v in G.edges()]
    isolated = {index[node] for node in G if G.degree(node) == 0}
    shown, _kept = _view(range(len(order)), pairs, top=n, core=True, isolated=isolated)
    H = G.subgraph([order[i] for i in shown]).copy()
    if H.number_of_nodes() < G.number_of_nodes():
        H.graph["truncated_from"] = G.number_of_nodes()
    return H


def view_counts(G: nx.Graph, *, max_nodes: int = DEFAULT_MAX_NODES,
                view_nodes: int = DEFAULT_VIEW_NODES) -> ViewCounts:
    """What the page of G holds and shows when it opens (see the module docstring)."""
    H = page_graph(G, max_nodes)
    order = _rank_order(H)
    index = {n: i for i, n in enumerate(order)}
    pairs = [(index[u], index[v]) for u, v in H.edges()]
    isolated = {index[n] for n in H if G.degree(n) == 0}
    shown, kept = _view(range(len(order)), pairs, top=view_nodes, core=True,
                        isolated=isolated)
    return ViewCounts(graph_nodes=G.number_of_nodes(), graph_edges=G.number_of_edges(),
                      page_nodes=H.number_of_nodes(), page_edges=H.number_of_edges(),
                      shown_nodes=len(shown), shown_edges=len(kept), view_nodes=view_nodes)


def _evidence(data: dict[str, Any]) -> list[list[str]]:
    found = data.get("evidence")
    if isinstance(found, list | tuple) and found:
        return [[xml_text(str(x)) for x in item][:3] for item in found[:EVIDENCE_LIMIT]]
    if data.get("sentence") or data.get("document"):
        return [[xml_text(str(data.get("sentence", ""))), xml_text(str(data.get("document", ""))),
                 ""]]
    return []


def _weight(data: dict[str, Any]) -> int:
    try:
        return max(1, int(data.get("weight", 1)))
    except (TypeError, ValueError):
        return 1


def _int_or_none(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def _legend(counter: Counter[str], color: Any, order: Iterable[str] = ()) -> list[list[Any]]:
    fixed = [name for name in order if name in counter]
    rest = sorted((k for k in counter if k not in fixed), key=lambda k: (-counter[k], k))
    return [[name, color(name), counter[name]] for name in fixed + rest]


def html_payload(G: nx.Graph, *, max_nodes: int = DEFAULT_MAX_NODES,
                 view_nodes: int = DEFAULT_VIEW_NODES, title: str = "kg graph"
                 ) -> dict[str, Any]:
    """The JSON the page's script draws: nodes in rank order (most central first),
    edges by node index with their evidence, the legends and the counts."""
    H = page_graph(G, max_nodes)
    order, scores = _ranked(H)
    index = {n: i for i, n in enumerate(order)}
    ranks = [scores.get(n, 0.0) for n in order]
    top = max(ranks, default=0.0)
    nodes = []
    for i, node in enumerate(order):
        data = H.nodes[node]
        label = xml_text(" ".join(str(data.get("label", node)).split()))
        kind = xml_text(str(data.get("type", "") or "Entity"))
        share = ranks[i] / top if top > 0 else 0.0
        item: dict[str, Any] = {
            "id": xml_text(str(node)),
            "label": label,
            "short": _short(label, 28),
            "type": kind,
            "size": round(14 + 42 * math.sqrt(share), 1),
            "iso": 1 if G.degree(node) == 0 else 0,
        }
        for key in ("aliases", "wikidata"):
            if data.get(key):
                item[key] = xml_text(str(data[key]))
        for key in ("mentions", "documents", "degree"):
            value = _int_or_none(data.get(key))
            if value is not None:
                item[key] = value
        nodes.append(item)
    edges = []
    quads: Counter[str] = Counter()
    groups: Counter[str] = Counter()
    events: Counter[str] = Counter()
    days: set[str] = set()
    for u, v, data in H.edges(data=True):
        relation = str(data.get("relation") or "")
        names = [r for r in str(data.get("relations") or relation).split("; ") if r]
        quad = str(data.get("quad") or "")
        dates = sorted({str(d) for d in data.get("dates", ()) if d})
        days.update(dates)
        quads[quad or NO_EVENT_CLASS] += 1
        if data.get("group"):
            groups[str(data["group"])] += 1
        if data.get("event"):
            events[str(data["event"])] += 1
        edge: dict[str, Any] = {
            "s": index[u],
            "t": index[v],
            "rel": [xml_text(r) for r in names],
            "label": _short(xml_text(relation.replace("_", " ")), 30),
            "w": _weight(data),
            "ev": _evidence(data),
        }
        for key in ("group", "event", "quad"):
            if data.get(key):
                edge[key] = xml_text(str(data[key]))
        docs = _int_or_none(data.get("documents"))
        if docs is not None:
            edge["docs"] = docs
        if dates:
            edge["dates"] = dates
        edges.append(edge)
    counts = view_counts(G, max_nodes=max_nodes, view_nodes=view_nodes)
    kinds = Counter(n["type"] for n in nodes)
    return {
        "title": title,
        "directed": H.is_directed(),
        "counts": {
            "graph": [counts.graph_nodes, counts.graph_edges],
            # the edges (entity —relation→ entity) that the lines merge, as the CLI
            # and kg stats count them
            "relations": int(G.graph.get("edges", counts.graph_edges)),
            "page": [counts.page_nodes, counts.page_edges],
            "shown": [counts.shown_nodes, counts.shown_edges],
        },
        "view": view_nodes,
        "coreLimit": CORE_LIMIT,
        "edgeLabels": EDGE_LABEL_LIMIT,
        "nodes": nodes,
        "edges": edges,
        "types": _legend(kinds, type_color),
        "quads": _legend(quads, lambda q: (DEFAULT_EDGE_COLOR if q == NO_EVENT_CLASS
                                           else event_class_color(q)),
                         order=[*EVENT_CLASS_COLORS, NO_EVENT_CLASS]),
        "groups": _legend(groups, lambda _g: ""),
        "events": _legend(events, lambda _e: ""),
        "dates": [min(days), max(days)] if days else None,
    }


def _script_json(payload: dict[str, Any]) -> str:
    """JSON that cannot close its ``<script>`` element or open a comment."""
    text = json.dumps(payload, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def generate_html(G: nx.Graph, *, title: str = "kg graph",
                  max_nodes: int = DEFAULT_MAX_NODES,
                  view_nodes: int = DEFAULT_VIEW_NODES) -> str:
    """The page as a string (see the module docstring)."""
    payload = html_payload(G, max_nodes=max_nodes, view_nodes=view_nodes, title=title)
    counts = view_counts(G, max_nodes=max_nodes, view_nodes=view_nodes)
    summary = counts.sentence()
    safe_title = html.escape(xml_text(title))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kg">
<title>{safe_title}</title>
<script>{_GUARD}</script>
<style>{STYLE}</style>
</head>
<body>
<header id="kg-bar">
  <h1>{safe_title}</h1>
  <input id="kg-search" type="search" placeholder="Search entities or aliases" \
aria-label="Search entities">
  <span id="kg-matches"></span>
  <button id="kg-fit" type="button" title="Fit the view to the window">Fit</button>
  <button id="kg-relayout" type="button" title="Lay the view out again">Re-layout</button>
  <span id="kg-summary">{html.escape(summary)}</span>
</header>
<aside id="kg-side">
  <section><h2>Entities shown</h2>
    <label><input id="kg-top" type="number" min="0" step="10" value="{view_nodes}"> most \
central (0: all {counts.page_nodes})</label>
    <label><input id="kg-core" type="checkbox" checked> connected core only</label>
  </section>
  <section><h2>Entity types</h2><div id="kg-legend-types" class="kg-legend"></div></section>
  <section><h2>Edges: event class</h2><div id="kg-legend-events" class="kg-legend"></div>
  </section>
  <section id="kg-more"><h2>Relations</h2>
    <label>group <select id="kg-group"><option value="">all</option></select></label>
    <label>event <select id="kg-event"><option value="">all</option></select></label>
    <div id="kg-dates"><label>from <input id="kg-since" type="date"></label>
      <label>to <input id="kg-until" type="date"></label></div>
  </section>
  <p class="kg-hint">Hover an entity to see its neighbours; click an entity or an edge \
for the sentences behind it. Drag to pan, scroll to zoom.</p>
</aside>
<main id="kg-canvas" aria-label="Graph: {html.escape(summary)}"></main>
<aside id="kg-detail" aria-live="polite"><p class="kg-hint">Click an entity or an edge \
to see its details and the sentences behind it.</p></aside>
<script type="application/json" id="kg-data">{_script_json(payload)}</script>
{_library_scripts()}
<script>{SCRIPT}</script>
</body>
</html>
"""


def write_html(G: nx.Graph, path: str | os.PathLike[str], *, title: str = "kg graph",
               max_nodes: int = DEFAULT_MAX_NODES,
               view_nodes: int = DEFAULT_VIEW_NODES) -> None:
    """Write the interactive page, atomically.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "g.html"
    >>> write_html(nx.DiGraph([("a", "b")]), target, title="two nodes")
    >>> "<title>two nodes</title>" in target.read_text(encoding="utf-8")
    True
    """
    write_text(path, generate_html(G, title=title, max_nodes=max_nodes,
                                   view_nodes=view_nodes))


def attach_evidence(G: nx.Graph, store: Any, *, document: str | None = None,
                    since: str | _dt.date | None = None, until: str | _dt.date | None = None,
                    limit: int = EVIDENCE_LIMIT) -> nx.Graph:
    """Give each edge of G (a projection of ``store`` by :func:`kg.graph.to_networkx`,
    with the same ``document``/``since``/``until``) an ``evidence`` list of up to
    ``limit`` ``(sentence, document, date)`` triples, earliest first, and ``dates``,
    the distinct dates of all its statements; returns G. Used by the HTML view."""
    from kg.graph.project import Evidence, facts, relation_info
    from kg.graph.stats import local_name

    if G.number_of_edges() == 0:
        return G
    names = {iri: info.name for iri, info in relation_info(store).items()}
    directed = G.is_directed()

    def key(u: object, v: object) -> tuple[str, str]:
        a, b = str(u), str(v)
        return (a, b) if directed or a <= b else (b, a)

    def relations(data: dict[str, Any]) -> list[str]:
        text = str(data.get("relations") or data.get("relation") or "")
        return [r for r in text.split("; ") if r]

    wanted: dict[tuple[str, str], set[str]] = defaultdict(set)
    for u, v, data in G.edges(data=True):
        wanted[key(u, v)].update(relations(data))
    pairs = set(wanted) | ({(b, a) for a, b in wanted} if not directed else set())
    found: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for fact in facts(store, document=document, since=since, until=until, pairs=pairs):
        name = names.get(fact.relation) or local_name(fact.relation)
        pair = key(fact.subject, fact.object)
        if name in wanted.get(pair, ()):
            found[(*pair, name)].append(fact.evidence)
    for u, v, data in G.edges(data=True):
        pair = key(u, v)
        evidence = sorted((e for r in relations(data) for e in found.get((*pair, r), [])),
                          key=Evidence.sort_key)
        if evidence:
            data["evidence"] = [(e.sentence, e.document, e.date) for e in evidence[:limit]]
            data["dates"] = sorted({e.date for e in evidence if e.date})
    return G


class GraphView:
    """The interactive page of a graph, shown inline by Jupyter (``_repr_html_``
    puts the page in a sandboxed ``<iframe srcdoc>``, so it runs with its own
    policy and without a network, as in a browser).

    >>> v = GraphView(nx.DiGraph([("a", "b")]), height=400)
    >>> v._repr_html_().startswith("<iframe")
    True
    """

    def __init__(self, G: nx.Graph, *, title: str = "kg graph",
                 max_nodes: int = DEFAULT_MAX_NODES, view_nodes: int = DEFAULT_VIEW_NODES,
                 height: int = 640) -> None:
        self.graph = G
        self.title = title
        self.max_nodes = max_nodes
        self.view_nodes = view_nodes
        self.height = height
        self.counts = view_counts(G, max_nodes=max_nodes, view_nodes=view_nodes)

    @property
    def html(self) -> str:
        """The page itself."""
        return generate_html(self.graph, title=self.title, max_nodes=self.max_nodes,
                             view_nodes=self.view_nodes)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the page to ``path``."""
        write_text(path, self.html)

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                f'sandbox="allow-scripts" title="{html.escape(self.title, quote=True)}" '
                f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd">'
                "</iframe>")

    def __repr__(self) -> str:
        return f"<GraphView {self.title!r}: {self.counts.sentence()}>"


def view(source: Any, *, title: str = "kg graph", max_nodes: int = DEFAULT_MAX_NODES,
         view_nodes: int = DEFAULT_VIEW_NODES, height: int = 640,
         **filters: Any) -> GraphView:
    """The interactive view of a store (projected with ``filters`` as in
    :func:`kg.graph.to_networkx`: ``types=``, ``group=``, ``event=``, ``since=``...)
    or of a networkx graph, for a notebook::

        from kg.store import open_store
        from kg.export import view
        view(open_store("kg-store"), group="cooperation")   # the last line of a cell
    """
    if isinstance(source, nx.Graph):
        G = source
    else:
        from kg.graph import annotate, to_networkx

        G = to_networkx(source, kind=filters.pop("kind", "digraph"), **filters)
        annotate(G)
        attach_evidence(G, source, document=filters.get("document"),
                        since=filters.get("since"), until=filters.get("until"))
    return GraphView(G, title=title, max_nodes=max_nodes, view_nodes=view_nodes,
                     height=height)
