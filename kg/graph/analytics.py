"""Network analytics over a projected graph: leaders, communities, components.

Every function takes the networkx graph that :func:`kg.graph.to_networkx`
returns (any kind) and is deterministic: Louvain runs with a fixed ``seed`` and
ties are broken by label, then IRI.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_edge("a", "b", relation="supports", weight=2)
>>> G.add_edge("b", "c", relation="attacks", weight=1)
>>> [leader.id for leader in degree_leaders(G, top=1)]
['b']
>>> analyze(G).components
(3,)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import asdict, dataclass, field

import networkx as nx

__all__ = [
    "GraphAnalysis",
    "Leader",
    "analyze",
    "annotate",
    "betweenness_leaders",
    "centrality",
    "communities",
    "components",
    "degree_leaders",
    "member_labels",
    "pagerank",
    "pagerank_leaders",
    "relation_histogram",
    "top_subgraph",
    "undirected_weighted",
]

#: Betweenness is exact while nodes times edges stays under this budget; above it, it
#: is estimated from a fixed-seed sample of pivots (networkx's ``k=``) sized so
#: that the work stays about the same.
BETWEENNESS_BUDGET = 1_000_000
BETWEENNESS_MIN_SAMPLE = 32


@dataclass(frozen=True, slots=True)
class Leader:
    """One node in a ranking."""

    id: str
    label: str
    type: str
    value: float


@dataclass(frozen=True)
class GraphAnalysis:
    """What ``kg analyze`` prints (``to_dict`` for ``--json``)."""

    nodes: int
    edges: int
    statements: int
    density: float
    degree: tuple[Leader, ...]
    pagerank: tuple[Leader, ...]
    betweenness: tuple[Leader, ...]
    betweenness_exact: bool
    communities: tuple[tuple[str, ...], ...]
    components: tuple[int, ...]
    relations: tuple[tuple[str, int, int], ...]
    groups: tuple[tuple[str, int], ...] = field(default=())
    #: entities in each community (its labels are distinct, so may be fewer)
    community_sizes: tuple[int, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {
            "nodes": self.nodes,
            "edges": self.edges,
            "statements": self.statements,
            "density": self.density,
            "leaders": {
                "degree": [asdict(x) for x in self.degree],
                "pagerank": [asdict(x) for x in self.pagerank],
                "betweenness": [asdict(x) for x in self.betweenness],
            },
            "betweenness_exact": self.betweenness_exact,
            "communities": [list(c) for c in self.communities],
            "community_sizes": list(self.community_sizes),
            "components": list(self.components),
            "relations": [{"relation": r, "edges": e, "statements": s}
                          for r, e, s in self.relations],
            "groups": dict(self.groups),
        }


def _label(G: nx.Graph, node: Hashable) -> str:
    return str(G.nodes[node].get("label", node))


def _leaders(G: nx.Graph, scores: Mapping[Hashable, float], top: int) -> tuple[Leader, ...]:
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], _label(G, kv[0]), str(kv[0])))
    return tuple(
        Leader(id=str(n), label=_label(G, n), type=str(G.nodes[n].get("type", "")),
               value=round(float(v), 6))
        for n, v in ranked[:top]
    )


def undirected_weighted(G: nx.Graph) -> nx.Graph:
    """A simple undirected graph whose edge ``weight`` sums the weights of every edge
    (any direction, any relation) between two nodes.

    >>> M = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("a", "b")])
    >>> undirected_weighted(M)["a"]["b"]["weight"]
    3
    """
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    for u, v, w in G.edges(data="weight", default=1):
        if H.has_edge(u, v):
            H[u][v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    return H


def degree_leaders(G: nx.Graph, *, top: int = 10, weight: str | None = None
                   ) -> tuple[Leader, ...]:
    """The nodes with the most edges (or the most statements with ``weight="weight"``)."""
    return _leaders(G, dict(G.degree(weight=weight)), top)


def pagerank(G: nx.Graph, *, weight: str = "weight") -> dict[Hashable, float]:
    """PageRank over the weighted edges (scipy when installed, else a pure-Python
    power iteration with the same result).

    >>> scores = pagerank(nx.DiGraph([("a", "b"), ("c", "b")]))
    >>> max(scores, key=scores.get)
    'b'
    """
    if G.number_of_nodes() == 0:
        return {}
    try:
        import scipy  # noqa: F401

        return dict(nx.pagerank(G, weight=weight))
    except ImportError:
        return _pagerank_python(G, weight=weight)


def _pagerank_python(G: nx.Graph, *, weight: str, alpha: float = 0.85,
                     tol: float = 1.0e-6, max_iter: int = 200) -> dict[Hashable, float]:
    D = G if G.is_directed() else G.to_directed()
    nodes = list(D)
    n = len(nodes)
    out_weight: dict[Hashable, float] = {u: 0.0 for u in nodes}
    incoming: dict[Hashable, list[tuple[Hashable, float]]] = {u: [] for u in nodes}
    for u, v, w in D.edges(data=weight, default=1):
        out_weight[u] += float(w)
        incoming[v].append((u, float(w)))
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = sum(rank[u] for u in nodes if out_weight[u] == 0)
        new = {
            v: (1 - alpha) / n + alpha * dangling / n
            + alpha * sum(rank[u] * w / out_weight[u] for u, w in incoming[v])
            for v in nodes
        }
        if sum(abs(new[u] - rank[u]) for u in nodes) < n * tol:
            return new
        rank = new
    return rank


def centrality(G: nx.Graph) -> dict[Hashable, float]:
    """How central each node is for drawing: PageRank over the undirected weighted
    graph (every statement between two entities counts for both), so the two ends
    of an edge rank alike and a cut to the most central keeps edges, not loose ends.

    >>> scores = centrality(nx.DiGraph([("a", "hub"), ("hub", "b"), ("hub", "c")]))
    >>> max(scores, key=scores.get)
    'hub'
    """
    return pagerank(undirected_weighted(G))


def pagerank_leaders(G: nx.Graph, *, top: int = 10) -> tuple[Leader, ...]:
    """The nodes with the highest PageRank."""
    return _leaders(G, pagerank(G), top)


def _betweenness(G: nx.Graph, *, seed: int) -> tuple[dict[Hashable, float], bool]:
    H = undirected_weighted(G)
    n, m = H.number_of_nodes(), max(H.number_of_edges(), 1)
    if n * m <= BETWEENNESS_BUDGET:
        return dict(nx.betweenness_centrality(H)), True
    k = min(n, max(BETWEENNESS_MIN_SAMPLE, BETWEENNESS_BUDGET // m))
    return dict(nx.betweenness_centrality(H, k=k, seed=seed)), k == n


def betweenness_leaders(G: nx.Graph, *, top: int = 10, seed: int = 42) -> tuple[Leader, ...]:
    """The brokers: nodes on the most shortest paths (direction ignored; estimated
    from ``seed``-chosen pivots on large graphs, see :data:`BETWEENNESS_BUDGET`)."""
    return _leaders(G, _betweenness(G, seed=seed)[0], top)


def communities(G: nx.Graph, *, seed: int = 42, resolution: float = 1.0
                ) -> list[list[Hashable]]:
    """Louvain communities on the undirected weighted graph, largest first; each a
    list of node ids sorted by label. The same ``seed`` gives the same answer.

    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    >>> communities(G)
    [['a', 'b', 'c'], ['x', 'y']]
    """
    H = undirected_weighted(G)
    if H.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(H, weight="weight", seed=seed,
                                             resolution=resolution)
    groups = [sorted(c, key=lambda n: (_label(G, n), str(n))) for c in found]
    groups.sort(key=lambda c: (-len(c), _label(G, c[0]), str(c[0])))
    return groups


def member_labels(G: nx.Graph, members: Iterable[Hashable]) -> tuple[str, ...]:
    """The labels of ``members``, each once: entities that share a label get their
    type when the types differ ("Vincent Cable (Person)", "Vincent Cable
    (Organization)") and a count when they do not ("Frost \u00d77"), in the order of
    ``members``.

    >>> G = nx.Graph()
    >>> G.add_nodes_from([(1, {"label": "Frost", "type": "Person"}),
    ...                   (2, {"label": "Frost", "type": "Person"}),
    ...                   (3, {"label": "Cable", "type": "Person"}),
    ...                   (4, {"label": "Cable", "type": "Organization"})])
    >>> member_labels(G, [1, 2, 3, 4])
    ('Frost \u00d72', 'Cable (Person)', 'Cable (Organization)')
    """
    found: dict[tuple[str, str], int] = {}
    types: dict[str, set[str]] = {}
    for node in members:
        label = " ".join(_label(G, node).split())
        kind = str(G.nodes[node].get("type", ""))
        found[(label, kind)] = found.get((label, kind), 0) + 1
        types.setdefault(label, set()).add(kind)
    out = []
    for (label, kind), count in found.items():
        text = f"{label} ({kind})" if len(types[label]) > 1 and kind else label
        out.append(f"{text} \u00d7{count}" if count > 1 else text)
    return tuple(out)


def components(G: nx.Graph) -> list[list[Hashable]]:
    """Connected components (weakly, for directed graphs), largest first."""
    connected = nx.weakly_connected_components if G.is_directed() else nx.connected_components
    found = connected(G)
    groups = [sorted(c, key=lambda n: (_label(G, n), str(n))) for c in found]
    groups.sort(key=lambda c: (-len(c), _label(G, c[0]), str(c[0])))
    return groups


def relation_histogram(G: nx.Graph) -> list[tuple[str, int, int]]:
    """``(relation, edges, statements)`` by statements, most frequent first. Merged
    edges (digraph/graph kinds) count under each relation they carry.

    >>> relation_histogram(nx.MultiDiGraph([("a", "b", {"relation": "r", "weight": 2})]))
    [('r', 1, 2)]
    """
    edges: Counter[str] = Counter()
    statements: Counter[str] = Counter()
    for _u, _v, data in G.edges(data=True):
        names = str(data.get("relations") or data.get("relation") or "").split("; ")
        for name in names:
            if name:
                edges[name] += 1
        main = str(data.get("relation", ""))
        if main:
            statements[main] += int(data.get("weight", 1))
    return sorted(((r, edges[r], statements[r]) for r in edges),
                  key=lambda t: (-t[2], -t[1], t[0]))


def annotate(G: nx.Graph, *, seed: int = 42) -> nx.Graph:
    """Add node attributes ``degree``, ``pagerank`` and ``community`` (an index into
    :func:`communities`) in place, for exports that size or colour by them; returns G."""
    ranks = pagerank(G)
    for index, members in enumerate(communities(G, seed=seed)):
        for n in members:
            G.nodes[n]["community"] = index
    for n, deg in G.degree():
        G.nodes[n]["degree"] = int(deg)
        G.nodes[n]["pagerank"] = round(float(ranks.get(n, 0.0)), 6)
    return G


def top_subgraph(G: nx.Graph, n: int, *, by: str = "pagerank") -> nx.Graph:
    """The subgraph induced by the ``n`` most central nodes (``by``: pagerank,
    centrality (:func:`centrality`), degree or weight), or G itself when it is
    small enough.

    >>> top_subgraph(nx.path_graph(5), 2, by="degree").number_of_nodes()
    2
    """
    if n <= 0 or G.number_of_nodes() <= n:
        return G
    if by == "pagerank":
        scores: Mapping[Hashable, float] = pagerank(G)
    elif by == "centrality":
        scores = centrality(G)
    elif by == "weight":
        scores = dict(G.degree(weight="weight"))
    else:
        scores = dict(G.degree())
    ranked = sorted(G.nodes, key=lambda x: (-scores.get(x, 0.0), _label(G, x), str(x)))
    H = G.subgraph(ranked[:n]).copy()
    H.graph["truncated_from"] = G.number_of_nodes()
    return H


def analyze(G: nx.Graph, *, top: int = 10, seed: int = 42,
            betweenness: bool = True) -> GraphAnalysis:
    """Degree, PageRank and betweenness leaders, Louvain communities (largest first,
    each as :func:`member_labels`, with ``community_sizes``), component sizes and
    the relation histogram. ``betweenness=False`` skips
    the slowest measure (its leaders are then empty)."""
    n = G.number_of_nodes()
    between: dict[Hashable, float] = {}
    exact = True
    if n and betweenness:
        between, exact = _betweenness(G, seed=seed)
    groups: Counter[str] = Counter()
    for _u, _v, data in G.edges(data=True):
        if data.get("group"):
            groups[str(data["group"])] += int(data.get("weight", 1))
    density = nx.density(G) if n > 1 else 0.0
    found = communities(G, seed=seed)
    return GraphAnalysis(
        nodes=n,
        edges=G.number_of_edges(),
        statements=int(sum(w for _u, _v, w in G.edges(data="weight", default=1))),
        density=round(density, 6) if math.isfinite(density) else 0.0,
        degree=degree_leaders(G, top=top),
        pagerank=pagerank_leaders(G, top=top),
        betweenness=_leaders(G, between, top),
        betweenness_exact=exact,
        communities=tuple(member_labels(G, c) for c in found),
        community_sizes=tuple(len(c) for c in found),
        components=tuple(len(c) for c in components(G)),
        relations=tuple(relation_histogram(G)),
        groups=tuple(sorted(groups.items(), key=lambda kv: (-kv[1], kv[0]))),
    )
