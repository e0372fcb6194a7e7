"""Entity lookup, shortest paths with their justifying sentences, neighbourhoods."""

from __future__ import annotations

import pytest

from kg.errors import ConfigError
from kg.graph import find_entities, neighbors, shortest_paths
from kg.rdf import entity_iri
from kg.store import Store
from tests.graph import graph_fixtures as fx

RU, CN, UA = (str(entity_iri(e)) for e in (fx.RUSSIA, fx.CHINA, fx.UKRAINE))
PUTIN, XI, QUOTED = (str(entity_iri(e)) for e in (fx.PUTIN, fx.XI, fx.QUOTED))


def test_find_entities_by_label_alias_word_and_iri(sample_store: Store) -> None:
    assert find_entities(sample_store, "russia") == [RU]
    assert find_entities(sample_store, "RUSSIAN FEDERATION") == [RU]
    assert find_entities(sample_store, "Putin") == [PUTIN]  # an alias
    assert find_entities(sample_store, "Jinping") == [XI]  # a word of the label
    assert find_entities(sample_store, "Jin") == []  # not a whole word
    assert find_entities(sample_store, 'acme "quoted" <corp> {x}') == [QUOTED]
    assert find_entities(sample_store, RU) == [RU]
    assert find_entities(sample_store, "http://kg.example.org/entity/nobody") == []
    assert find_entities(sample_store, "  ") == []


def test_shortest_path_with_sentences(sample_store: Store) -> None:
    [path] = shortest_paths(sample_store, "Putin", "Xi Jinping")
    assert path.nodes == [PUTIN, XI]
    [hop] = path.hops
    assert hop.sentences() == ["Putin met Xi Jinping in Beijing."]
    assert hop.relations[0].relation == "meets_with"


def test_paths_ignore_direction_and_list_every_relation_of_a_hop(sample_store: Store) -> None:
    [path] = shortest_paths(sample_store, "China", "Ukraine")
    assert path.labels == ["China", "Russia", "Ukraine"]
    first = path.hops[0]
    stated = {(r.subject, r.relation, r.object) for r in first.relations}
    assert stated == {(RU, "cooperates_with", CN), (RU, "helps", CN), (CN, "supports", RU)}
    coop = next(r for r in first.relations if r.relation == "cooperates_with")
    assert len(coop.evidence) == 2
    assert coop.evidence[0].date == "2024-01-10"  # earliest first
    data = path.to_dict()
    assert data["hops"][0]["relations"][0]["direction"] in {"forward", "backward"}  # type: ignore[index]


def test_directed_paths_follow_subject_to_object(sample_store: Store) -> None:
    assert shortest_paths(sample_store, "Xi", "Putin", directed=True) == []
    assert shortest_paths(sample_store, "Xi", "Putin") != []
    [path] = shortest_paths(sample_store, "China", "Ukraine", directed=True)
    assert [r.relation for r in path.hops[0].relations] == ["supports"]


def test_several_shortest_paths_and_filters(sample_store: Store) -> None:
    found = shortest_paths(sample_store, "Russia", "Acme", max_paths=5)
    assert len(found) == 2
    assert all(len(p.hops) == 3 for p in found)
    assert shortest_paths(sample_store, "Russia", "Acme", group="cooperation") == []
    [only] = shortest_paths(sample_store, "China", "Russia", relations=["supports"])
    assert [r.relation for r in only.hops[0].relations] == ["supports"]


def test_no_path_and_unknown_names(sample_store: Store) -> None:
    assert shortest_paths(sample_store, "Putin", "Ukraine") == []
    with pytest.raises(ConfigError, match="no entity is called 'Nobody'"):
        shortest_paths(sample_store, "Nobody", "Ukraine")


def test_neighbors_by_depth(sample_store: Store) -> None:
    H = neighbors(sample_store, "Russia")
    assert H.nodes[RU]["depth"] == 0
    assert {n for n, d in H.nodes(data="depth") if d == 1} == {
        CN, UA, str(entity_iri(fx.NATO)), str(entity_iri(fx.RTL))}
    assert H.number_of_edges() == 6
    two = neighbors(sample_store, "Russia", depth=2)
    assert str(entity_iri(fx.SCRIPT)) in two and PUTIN not in two
    assert neighbors(sample_store, "Russia", depth=0).number_of_nodes() == 1
    conflict = neighbors(sample_store, "Russia", group="conflict")
    assert set(conflict) == {RU, UA, str(entity_iri(fx.NATO))}
