"""Event classes (CAMEO style) in the networkx projection: the ``event`` filter (an
axis, a quad class or a category, read from the store's ontology), the ``event``
and ``quad`` edge attributes, and their way into the exports, paths and
neighbourhoods."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import ConfigError
from kg.export import cytoscape_data, export_graph, generate_csv, write_graphml
from kg.graph import neighbors, shortest_paths, to_networkx
from kg.graph.project import event_concepts
from kg.namespaces import KG
from kg.rdf import ONTOLOGY_GRAPH, entity_iri
from kg.store import Store, open_store
from tests.graph import graph_fixtures as fx

RU, CN, UA = (str(entity_iri(e)) for e in (fx.RUSSIA, fx.CHINA, fx.UKRAINE))
PUTIN, XI = str(entity_iri(fx.PUTIN)), str(entity_iri(fx.XI))

#: A user's ontology in the store: a concept of their own under kg's verbal
#: cooperation, and a relation kg does not know classified by it.
USER_ONTOLOGY = b"""
@prefix kg: <http://kg.example.org/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://example.org/events#> .
ex:Handshake a skos:Concept ; skos:broader kg:VerbalCooperation .
kg:shakes_hands_with kg:eventClass ex:Handshake .
"""


def relations(G: nx.Graph) -> set[str]:
    return {str(d["relation"]) for *_e, d in G.edges(data=True)}


@pytest.fixture()
def user_store() -> Store:
    """The sample graph, a user's event class, one relation it classifies and one
    relation with no event class."""
    store = fx.build_sample(open_store("memory:"))
    store.load(USER_ONTOLOGY, "ttl", graph=ONTOLOGY_GRAPH)
    writer = fx._Writer("news/handshake.txt", date="2024-04-01")
    writer.say(fx.PUTIN, "shakes_hands_with", fx.XI, "Putin shook hands with Xi.")
    writer.say(fx.XI, "hosts_party_for", fx.PUTIN, "Xi threw Putin a party.")
    writer.load(store)
    return store


def test_cooperation_keeps_cooperates_with_and_drops_attacks(sample_store: Store) -> None:
    G = to_networkx(sample_store, kind="multidigraph", event="CooperationEvent")
    assert G.has_edge(RU, CN, "cooperates_with")
    assert G.has_edge(RU, CN, "helps")
    assert not G.has_edge(RU, UA)  # attacks
    assert relations(G) == {"cooperates_with", "helps", "supports", "meets_with",
                            "visits_secretly"}
    conflict = to_networkx(sample_store, kind="multidigraph", event="ConflictEvent")
    assert relations(conflict) == {"attacks", "expands_toward", "criticizes", "opposes"}
    everything = to_networkx(sample_store, kind="multidigraph")
    assert G.number_of_edges() + conflict.number_of_edges() == everything.number_of_edges()


@pytest.mark.parametrize("name", ["MaterialConflict", "materialconflict", "kg:MaterialConflict",
                                  "material conflict", str(KG.MaterialConflict)])
def test_a_quad_class_in_every_spelling(sample_store: Store, name: str) -> None:
    G = to_networkx(sample_store, kind="multidigraph", event=name)
    assert relations(G) == {"attacks", "expands_toward"}


def test_a_category_and_the_verbal_axis(sample_store: Store) -> None:
    assert relations(to_networkx(sample_store, event="Fight")) == {"attacks"}
    assert relations(to_networkx(sample_store, kind="multidigraph", event="kg:Consult")) == {
        "meets_with", "visits_secretly"}
    verbal = to_networkx(sample_store, kind="multidigraph", event="VerbalEvent")
    assert relations(verbal) == {"supports", "meets_with", "visits_secretly", "criticizes",
                                 "opposes"}
    # a known category that no relation has: an empty graph, not an error
    assert to_networkx(sample_store, event="Yield").number_of_edges() == 0


def test_event_combines_with_the_other_filters(sample_store: Store) -> None:
    G = to_networkx(sample_store, kind="multidigraph", event="CooperationEvent",
                    since="2024-03-01", types="Country")
    assert set(G.edges(keys=True)) == {(RU, CN, "cooperates_with"), (RU, CN, "helps")}
    assert G.edges[RU, CN, "cooperates_with"]["weight"] == 1  # one statement since March


@pytest.mark.parametrize("name", ["Peace", "kg:Cooperation", "http://example.org/Fight", "Figh"])
def test_an_unknown_event_class_lists_known_ones(sample_store: Store, name: str) -> None:
    with pytest.raises(ConfigError) as info:
        to_networkx(sample_store, event=name)
    message = str(info.value)
    assert repr(name) in message
    for known in ("CooperationEvent", "ConflictEvent", "MaterialConflict", "VerbalCooperation"):
        assert known in message
    assert "28 in all" in message


def test_a_store_without_event_classes_says_so() -> None:
    with pytest.raises(ConfigError, match="holds no event classes"):
        to_networkx(open_store("memory:"), event="CooperationEvent")


def test_edges_carry_event_and_quad(sample_store: Store) -> None:
    G = to_networkx(sample_store, kind="multidigraph")
    edge = G.edges[RU, UA, "attacks"]
    assert (edge["event"], edge["quad"], edge["group"]) == ("Fight", "MaterialConflict",
                                                            "conflict")
    edge = G.edges[PUTIN, XI, "meets_with"]
    assert (edge["event"], edge["quad"]) == ("Consult", "VerbalCooperation")
    assert all("event" in d and "quad" in d for *_e, d in G.edges(keys=True, data=True))


@pytest.mark.parametrize("kind", ["digraph", "graph"])
def test_merged_edges_take_the_best_supported_relations_class(sample_store: Store,
                                                              kind: str) -> None:
    G = to_networkx(sample_store, kind=kind)
    edge = G.edges[RU, CN]
    # cooperates_with (2 statements) beats helps (1) and, undirected, supports (1)
    assert edge["relation"] == "cooperates_with"
    assert (edge["event"], edge["quad"]) == ("EngageInMaterialCooperation",
                                             "MaterialCooperation")


def test_a_users_ontology_in_the_store_is_respected(user_store: Store) -> None:
    assert event_concepts(user_store, "handshake") == {"http://example.org/events#Handshake"}
    G = to_networkx(user_store, kind="multidigraph", event="Handshake")
    assert set(G.edges(keys=True)) == {(PUTIN, XI, "shakes_hands_with")}
    assert G.edges[PUTIN, XI, "shakes_hands_with"]["event"] == "Handshake"
    assert G.edges[PUTIN, XI, "shakes_hands_with"]["quad"] == "VerbalCooperation"
    cooperation = to_networkx(user_store, kind="multidigraph", event="CooperationEvent")
    assert "shakes_hands_with" in relations(cooperation)
    assert "hosts_party_for" not in relations(cooperation)
    everything = to_networkx(user_store, kind="multidigraph")
    unclassified = everything.edges[XI, PUTIN, "hosts_party_for"]
    assert "event" not in unclassified and "quad" not in unclassified


def test_graphml_round_trip_keeps_event_and_quad(user_store: Store, tmp_path: Path) -> None:
    G = to_networkx(user_store, kind="multidigraph")
    target = tmp_path / "events.graphml"
    write_graphml(G, target)
    H = nx.read_graphml(target, force_multigraph=True)
    found = {(d["relation"], d.get("event"), d.get("quad"))
             for *_e, d in H.edges(keys=True, data=True)}
    assert ("attacks", "Fight", "MaterialConflict") in found
    assert ("shakes_hands_with", "Handshake", "VerbalCooperation") in found
    assert ("hosts_party_for", None, None) in found


def test_exports_carry_event_and_quad(sample_store: Store, tmp_path: Path) -> None:
    G = to_networkx(sample_store, kind="multidigraph", event="MaterialConflict")
    rows = list(csv.DictReader(io.StringIO(generate_csv(G)["edges.csv"])))
    assert {(r["relation"], r["event"], r["quad"]) for r in rows} == {
        ("attacks", "Fight", "MaterialConflict"),
        ("expands_toward", "ExhibitForcePosture", "MaterialConflict")}
    header = next(csv.reader(io.StringIO(generate_csv(G)["edges.csv"])))
    assert header.index("group") < header.index("event") < header.index("quad")
    edges = cytoscape_data(G)["elements"]["edges"]
    assert {e["data"]["quad"] for e in edges} == {"MaterialConflict"}
    report = export_graph(sample_store, "gexf", tmp_path / "g.gexf", event="Fight")
    assert report.edges == 1
    H = nx.read_gexf(tmp_path / "g.gexf")
    assert [d["event"] for *_e, d in H.edges(data=True)] == ["Fight"]


def test_paths_and_neighbours_follow_the_event_filter(sample_store: Store) -> None:
    found = shortest_paths(sample_store, "Russia", "China", event="CooperationEvent")
    assert found and {r.relation for r in found[0].hops[0].relations} == {
        "cooperates_with", "helps", "supports"}
    assert shortest_paths(sample_store, "Russia", "China", event="ConflictEvent") == []
    H = neighbors(sample_store, "Russia", event="MaterialConflict")
    assert set(H) == {RU, UA, str(entity_iri(fx.NATO))}
    with pytest.raises(ConfigError, match="unknown event class"):
        neighbors(sample_store, "Russia", event="Peace")
