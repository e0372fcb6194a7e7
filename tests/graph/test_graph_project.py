"""The RDF → networkx projection: edges only from asserted entity-to-entity triples,
attributes, kinds and filters."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import ConfigError
from kg.graph import facts, to_networkx
from kg.rdf import entity_iri
from kg.store import Store, open_store
from tests.graph import graph_fixtures as fx

CHINA, NATO, NEWLINE, PUTIN, QUOTED = fx.CHINA, fx.NATO, fx.NEWLINE, fx.PUTIN, fx.QUOTED
RTL, RUSSIA, SCRIPT, UKRAINE, XI = fx.RTL, fx.RUSSIA, fx.SCRIPT, fx.UKRAINE, fx.XI
build_sample, _Writer = fx.build_sample, fx._Writer


def iri(entity: object) -> str:
    return str(entity_iri(entity))  # type: ignore[arg-type]


RU, CN, UA = iri(RUSSIA), iri(CHINA), iri(UKRAINE)


def triples(G: nx.Graph) -> set[tuple[str, str, str]]:
    if G.is_multigraph():
        return {(u, k, v) for u, v, k in G.edges(keys=True)}
    return {(u, d["relation"], v) for u, v, d in G.edges(data=True)}


def test_multidigraph_has_one_edge_per_asserted_relation(sample_store: Store) -> None:
    G = to_networkx(sample_store, kind="multidigraph")
    assert isinstance(G, nx.MultiDiGraph)
    assert G.number_of_nodes() == 10
    assert G.number_of_edges() == 11
    assert (RU, "cooperates_with", CN) in triples(G)
    assert (RU, "helps", CN) in triples(G)
    assert all(isinstance(n, str) and n.startswith("http://kg.example.org/entity/") for n in G)


def test_negated_hypothetical_and_literal_statements_are_not_edges(sample_store: Store) -> None:
    G = to_networkx(sample_store, kind="multidigraph")
    found = triples(G)
    assert (RU, "attacks", CN) not in found  # negated
    assert (RU, "invades", UA) not in found  # "may invade": hypothetical
    assert not any(r == "signs_agreement_with" for _s, r, _o in found)  # literal object
    assert iri(PUTIN) in G  # as the subject of meets_with, not as a speaker


def test_weight_counts_statements_and_first_sentence_is_earliest(sample_store: Store) -> None:
    G = to_networkx(sample_store, kind="multidigraph")
    edge = G.edges[RU, CN, "cooperates_with"]
    assert edge["weight"] == 2
    assert edge["documents"] == 2
    assert edge["sentence"].startswith("\u201cWe cooperate with China")
    assert edge["document"] == "news/2024-01-10 summit.txt"
    assert edge["confidence"] == pytest.approx(0.9)
    assert edge["group"] == "cooperation"
    assert edge["label"] == "cooperates with"
    assert G.edges[RU, UA, "attacks"]["group"] == "conflict"
    # not in the ontology: declared on the fly under the group of its verb
    assert G.edges[iri(RTL), RU, "visits_secretly"]["group"] == "movement"


def test_node_attributes(sample_store: Store) -> None:
    G = to_networkx(sample_store)
    russia = G.nodes[RU]
    assert russia["label"] == "Russia"
    assert russia["type"] == "Country"
    assert russia["wikidata"] == "Q159"
    assert russia["aliases"] == "Moscow; Russian Federation"
    assert russia["documents"] == 3
    assert russia["mentions"] >= 8
    assert G.nodes[iri(NEWLINE)]["label"] == NEWLINE.label
    assert G.nodes[iri(QUOTED)]["label"] == QUOTED.label
    assert "wikidata" not in G.nodes[iri(QUOTED)]
    assert all(v is not None for _n, d in G.nodes(data=True) for v in d.values())


def test_digraph_merges_relations_and_graph_merges_directions(sample_store: Store) -> None:
    D = to_networkx(sample_store, kind="digraph")
    assert isinstance(D, nx.DiGraph) and not D.is_multigraph()
    assert D.number_of_edges() == 10
    merged = D.edges[RU, CN]
    assert merged["weight"] == 3
    assert merged["relation"] == "cooperates_with"  # the best supported
    assert merged["relations"] == "cooperates_with; helps"
    U = to_networkx(sample_store, kind="graph")
    assert not U.is_directed()
    assert U.number_of_edges() == 9
    assert U.edges[RU, CN]["weight"] == 4  # China supports Russia too
    with pytest.raises(ConfigError):
        to_networkx(sample_store, kind="hypergraph")


def test_filters(sample_store: Store) -> None:
    only = to_networkx(sample_store, relations=["attacks"], kind="multidigraph")
    assert triples(only) == {(RU, "attacks", UA)}
    assert set(only) == {RU, UA}
    by_iri = to_networkx(sample_store, relations="http://kg.example.org/ontology#attacks")
    assert set(by_iri.edges) == {(RU, UA)}

    conflict = to_networkx(sample_store, group="conflict", kind="multidigraph")
    assert {r for _s, r, _o in triples(conflict)} == {
        "attacks", "expands_toward", "opposes", "criticizes"}
    cooperation = to_networkx(sample_store, group="cooperation", kind="multidigraph")
    assert {r for _s, r, _o in triples(cooperation)} == {"cooperates_with", "helps", "supports"}

    people = to_networkx(sample_store, types=["person"])
    assert set(people.edges) == {(iri(PUTIN), iri(XI))}
    # subclasses: InternationalOrganization and Company are Organizations
    orgs = to_networkx(sample_store, types="Organization", kind="multidigraph")
    assert set(orgs) == {iri(QUOTED), iri(NEWLINE), iri(SCRIPT)}
    assert iri(NATO) not in orgs  # NATO has no edge to another organization

    dated = to_networkx(sample_store, since="2024-02-01", kind="multidigraph")
    assert (RU, "attacks", UA) in triples(dated)
    assert (iri(NATO), "expands_toward", RU) not in triples(dated)
    assert dated.edges[RU, CN, "cooperates_with"]["weight"] == 1
    early = to_networkx(sample_store, until="2024-01-31")
    assert set(early.edges) == {(RU, CN), (iri(NATO), RU), (iri(PUTIN), iri(XI))}

    one = to_networkx(sample_store, document="news/2024-01-10 summit.txt")
    assert set(one.edges) == set(early.edges)
    assert one.nodes[RU]["documents"] == 1

    strong = to_networkx(sample_store, min_weight=2, kind="multidigraph")
    assert triples(strong) == {(RU, "cooperates_with", CN)}
    merged = to_networkx(sample_store, min_weight=2, kind="graph")
    assert set(map(frozenset, merged.edges)) == {frozenset({RU, CN})}


def test_bad_filters_are_config_errors(sample_store: Store) -> None:
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        to_networkx(sample_store, since="last week")
    with pytest.raises(ConfigError):
        to_networkx(sample_store, since="2024-05-01", until="2024-01-01")
    with pytest.raises(ConfigError):
        to_networkx(sample_store, min_weight=0)


def test_isolates_adds_mentioned_entities_without_edges() -> None:
    from kg.types import Entity

    store = build_sample(open_store("memory:"))
    lonely = Entity("person/Lonely", "Lonely Speaker", "Person")
    w = _Writer("lonely")
    w.say(RUSSIA, "praises", CHINA, "Russia praised China, Lonely said.", speaker=lonely)
    w.load(store)
    assert str(entity_iri(lonely)) not in to_networkx(store)
    G = to_networkx(store, isolates=True)
    assert G.nodes[str(entity_iri(lonely))]["label"] == "Lonely Speaker"


def test_without_the_ontology_edges_have_no_group() -> None:
    store = build_sample(open_store("memory:"), ontology=False)
    G = to_networkx(store, kind="multidigraph")
    assert G.number_of_edges() == 11
    assert all("group" not in d for *_e, d in G.edges(keys=True, data=True))
    assert to_networkx(store, group="conflict").number_of_edges() == 0


def test_facts_can_pin_both_ends(sample_store: Store) -> None:
    found = facts(sample_store, subject=RU, object=CN)
    assert sorted(f.relation.rsplit("#", 1)[-1] for f in found) == [
        "cooperates_with", "cooperates_with", "helps"]
    assert all(f.evidence.sentence for f in found)


def test_reloading_a_document_replaces_its_edges(sample_store: Store) -> None:
    w = _Writer("news/2024-03-05 war.txt", date="2024-03-05")
    w.say(UKRAINE, "fights", RUSSIA, "Ukraine fights Russia.")
    w.load(sample_store)
    G = to_networkx(sample_store, kind="multidigraph")
    assert (UA, "fights", RU) in triples(G)
    assert (RU, "attacks", UA) not in triples(G)
    assert G.edges[RU, CN, "cooperates_with"]["weight"] == 1


def test_facts_for_a_set_of_pairs(sample_store: Store) -> None:
    found = facts(sample_store, pairs=[(RU, CN), (CN, RU), (UA, RU)])
    assert sorted(f.relation.rsplit("#", 1)[-1] for f in found) == [
        "cooperates_with", "cooperates_with", "helps", "supports"]
    assert facts(sample_store, pairs=[]) == []
    with pytest.raises(ConfigError):
        facts(sample_store, pairs=[(RU, "http://x> } DROP ALL {")])
