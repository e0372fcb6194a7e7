"""Leaders, communities, components, the relation histogram and the cap on nodes."""

from __future__ import annotations

import builtins
from typing import Any

import networkx as nx
import pytest

from kg.graph import (
    analyze,
    annotate,
    communities,
    components,
    degree_leaders,
    pagerank,
    relation_histogram,
    to_networkx,
    top_subgraph,
)
from kg.graph.analytics import _pagerank_python
from kg.store import Store


def test_analyze_the_sample(sample_store: Store) -> None:
    G = to_networkx(sample_store, kind="multidigraph")
    result = analyze(G, top=3)
    assert (result.nodes, result.edges, result.statements) == (10, 11, 12)
    assert result.degree[0].label == "Russia"
    assert result.pagerank[0].label == "Russia"
    assert result.betweenness[0].label == "Russia"
    assert result.betweenness_exact
    assert result.components == (8, 2)
    assert sum(len(c) for c in result.communities) == 10
    assert ("Vladimir Putin", "Xi Jinping") in result.communities
    relations = {name: (edges, statements) for name, edges, statements in result.relations}
    assert relations["cooperates_with"] == (1, 2)
    assert relations["supports"] == (2, 2)
    assert dict(result.groups) == {"cooperation": 6, "conflict": 4, "communication": 1,
                                   "movement": 1}
    data = result.to_dict()
    assert data["leaders"]["degree"][0]["label"] == "Russia"  # type: ignore[index]


def test_communities_are_reproducible_with_a_seed() -> None:
    G = nx.connected_caveman_graph(6, 5)
    first = communities(G, seed=7)
    assert first == communities(G, seed=7)
    assert sorted(len(c) for c in first) == [5] * 6


def test_components_largest_first_and_weakly_connected() -> None:
    G = nx.DiGraph([("a", "b"), ("c", "b"), ("x", "y")])
    G.add_node("z")
    assert components(G) == [["a", "b", "c"], ["x", "y"], ["z"]]


def test_relation_histogram_counts_merged_edges_under_each_relation() -> None:
    G = nx.DiGraph()
    G.add_edge("a", "b", relation="supports", relations="supports; helps", weight=3)
    G.add_edge("b", "c", relation="helps", weight=1)
    assert relation_histogram(G) == [("supports", 1, 3), ("helps", 2, 1)]


def test_pagerank_without_scipy_matches_scipy(monkeypatch: pytest.MonkeyPatch) -> None:
    G = nx.gnp_random_graph(40, 0.1, seed=3, directed=True)
    for u, v in G.edges:
        G.edges[u, v]["weight"] = 1 + (u + v) % 3
    pure = _pagerank_python(G, weight="weight", tol=1e-10, max_iter=1000)
    pytest.importorskip("scipy")
    expected = nx.pagerank(G, weight="weight", tol=1e-10, max_iter=1000)
    assert max(abs(pure[n] - expected[n]) for n in G) < 1e-6

    real_import = builtins.__import__

    def no_scipy(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "scipy" or name.startswith("scipy."):
            raise ImportError("scipy hidden by the test")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_scipy)
    fallback = pagerank(G)
    assert max(abs(fallback[n] - expected[n]) for n in G) < 1e-4


def test_top_subgraph_keeps_the_most_central() -> None:
    G = nx.star_graph(20)
    H = top_subgraph(G, 5, by="degree")
    assert H.number_of_nodes() == 5
    assert 0 in H
    assert H.graph["truncated_from"] == 21
    assert top_subgraph(G, 100) is G


def test_annotate_adds_centrality(sample_store: Store) -> None:
    G = annotate(to_networkx(sample_store), seed=1)
    for _n, data in G.nodes(data=True):
        assert isinstance(data["pagerank"], float)
        assert isinstance(data["degree"], int)
        assert isinstance(data["community"], int)


def test_empty_graph() -> None:
    result = analyze(nx.MultiDiGraph())
    assert result.nodes == 0 and result.communities == () and result.components == ()
    assert degree_leaders(nx.Graph()) == ()


def test_community_lists_name_each_entity_once() -> None:
    """Entities that share a label ("Frost, Frost") are counted or told apart by type."""
    G = nx.Graph()
    frosts = [f"person/Frost/{i}" for i in range(3)]
    for node in frosts:
        G.add_node(node, label="Frost", type="Person")
    G.add_node("person/Cable", label="Vincent Cable", type="Person")
    G.add_node("org/Cable", label="Vincent Cable", type="Organization")
    G.add_node("bbc", label="BBC", type="MediaOrganization")
    for node in [*frosts, "person/Cable", "org/Cable"]:
        G.add_edge("bbc", node, weight=3)
    result = analyze(G)
    assert result.community_sizes == (6,)
    (members,) = result.communities
    assert len(members) == len(set(members))
    assert set(members) == {"BBC", "Frost \u00d73", "Vincent Cable (Organization)",
                            "Vincent Cable (Person)"}
    assert result.to_dict()["community_sizes"] == [6]
