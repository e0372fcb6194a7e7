"""The knowledge graph as a network: the RDF store projected onto networkx, with
analytics (leaders, communities, components), paths and neighbourhoods.

>>> from kg.store import open_store
>>> G = to_networkx(open_store("memory:"), kind="multidigraph")
>>> analyze(G).nodes
0
"""

from __future__ import annotations

from kg.graph.analytics import (
    GraphAnalysis,
    Leader,
    analyze,
    annotate,
    betweenness_leaders,
    centrality,
    communities,
    components,
    degree_leaders,
    member_labels,
    pagerank,
    pagerank_leaders,
    relation_histogram,
    top_subgraph,
    undirected_weighted,
)
from kg.graph.paths import GraphPath, Hop, HopRelation, find_entities, neighbors, shortest_paths
from kg.graph.project import (
    GROUPS,
    KINDS,
    Evidence,
    Fact,
    event_concepts,
    facts,
    group_name,
    to_networkx,
)

__all__ = [
    "GROUPS",
    "KINDS",
    "Evidence",
    "Fact",
    "GraphAnalysis",
    "GraphPath",
    "Hop",
    "HopRelation",
    "Leader",
    "analyze",
    "annotate",
    "betweenness_leaders",
    "centrality",
    "communities",
    "components",
    "degree_leaders",
    "event_concepts",
    "facts",
    "find_entities",
    "group_name",
    "member_labels",
    "neighbors",
    "pagerank",
    "pagerank_leaders",
    "relation_histogram",
    "shortest_paths",
    "to_networkx",
    "top_subgraph",
    "undirected_weighted",
]
