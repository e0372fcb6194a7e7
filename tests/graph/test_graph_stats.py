"""The summary's counts: read a page of graphs at a time (an Oxigraph store on
disk) or with one query each (any store), the same numbers either way."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from kg.graph.stats import _paged_counts, _sparql_counts, graph_stats
from kg.namespaces import KG, SCHEMA
from kg.pipeline import KnowledgeGraph
from kg.store import OxigraphStore, Store, open_store
from tests.conftest import BBC, needs_shared

Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef]

TRUE = Literal(True)
DOCS = [URIRef(f"urn:doc:{i}") for i in range(4)]
NODES = [URIRef(f"urn:e:{i}") for i in range(4)]
RELATIONS = [URIRef(f"urn:r:{i}") for i in range(2)]
STATEMENTS = [URIRef(f"urn:st:{i}") for i in range(5)]


def _statement(st: URIRef, s: URIRef, p: URIRef, o: URIRef, g: URIRef, *,
               asserted: bool = True) -> list[Quad]:
    quads: list[Quad] = [(st, RDF.type, RDF.Statement, g), (st, RDF.subject, s, g),
                         (st, RDF.predicate, p, g), (st, RDF.object, o, g),
                         (st, KG.asserted, Literal(asserted), g)]
    if asserted:
        quads.append((s, p, o, g))
    return quads


def _store_of(path: Path, quads: list[Quad]) -> Store:
    store = open_store(path)
    store.change(add=quads)
    return store


def test_only_a_writable_oxigraph_store_on_disk_is_counted_in_pages(tmp_path: Path) -> None:
    disk = open_store(tmp_path / "store")
    assert disk.releases and not open_store("memory:").releases
    disk.close()
    assert not open_store(tmp_path / "store", read_only=True).releases


def test_paged_counts_equal_the_whole_store_queries_across_pages(tmp_path: Path) -> None:
    d0, d1, d2 = DOCS[:3]
    a, b, c = NODES[:3]
    r = RELATIONS[0]
    quads: list[Quad] = []
    for doc in (d0, d1, d2):
        quads.append((doc, RDF.type, SCHEMA.NewsArticle, doc))
    quads += [(d0, SCHEMA.mentions, a, d0), (d0, SCHEMA.mentions, b, d0),
              (d1, SCHEMA.mentions, a, d1), (d2, SCHEMA.mentions, c, d2)]
    quads += _statement(STATEMENTS[0], a, r, b, d0)            # an edge
    quads += _statement(STATEMENTS[1], a, r, b, d1)            # the same fact again, no edge
    quads += _statement(STATEMENTS[2], a, r, c, d2, asserted=False)
    quads += _statement(STATEMENTS[3], c, r, a, d2)            # no edge: d2 does not mention a
    # one statement node in two graphs, and a document typed in two graphs
    quads += _statement(STATEMENTS[4], b, r, c, d0) + _statement(STATEMENTS[4], b, r, c, d2)
    quads.append((d1, RDF.type, SCHEMA.NewsArticle, d2))
    # an asserted flag whose type is in another graph
    quads += [(STATEMENTS[2], KG.asserted, TRUE, d1)]
    store = _store_of(tmp_path / "store", quads)
    expected = _sparql_counts(store)
    assert expected["statements"] == 5 and expected["documents"] == 3
    for size in (1, 2, 3, 50):
        assert _paged_counts(store, size) == expected
    assert graph_stats(store, breakdown=False).to_dict()["facts"] == expected["facts"]


def test_the_default_graph_or_a_blank_graph_name_leaves_it_to_the_queries(
        tmp_path: Path) -> None:
    doc = DOCS[0]
    store = open_store(tmp_path / "store")
    assert isinstance(store, OxigraphStore)
    store.change(add=[(doc, RDF.type, SCHEMA.NewsArticle, doc)])
    store.load(b"<urn:x> <urn:y> <urn:z> .\n", "nt")  # into the default graph
    assert _paged_counts(store) is None
    blank = open_store(tmp_path / "blank")
    blank.load(b"<urn:x> <urn:y> <urn:z> _:g .\n", "nq")
    assert _paged_counts(blank) is None
    assert graph_stats(store, breakdown=False).documents == 1


_terms = st.sampled_from(NODES)
_quad = st.one_of(
    st.tuples(st.sampled_from(STATEMENTS), _terms, st.sampled_from(RELATIONS), _terms,
              st.sampled_from(DOCS), st.booleans()).map(
        lambda t: _statement(t[0], t[1], t[2], t[3], t[4], asserted=t[5])),
    st.tuples(st.sampled_from(DOCS), st.sampled_from(DOCS)).map(
        lambda t: [(t[0], RDF.type, SCHEMA.NewsArticle, t[1])]),
    st.tuples(st.sampled_from(DOCS), _terms, st.sampled_from(DOCS)).map(
        lambda t: [(t[0], SCHEMA.mentions, t[1], t[2])]),
    st.tuples(st.sampled_from(STATEMENTS), st.sampled_from(DOCS)).map(
        lambda t: [(t[0], KG.asserted, TRUE, t[1])]),
)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(_quad, min_size=1, max_size=12), size=st.integers(1, 3))
def test_paged_counts_equal_the_queries_on_any_small_store(
        tmp_path_factory: pytest.TempPathFactory, parts: list[list[Quad]], size: int) -> None:
    quads = list(dict.fromkeys(q for part in parts for q in part))
    store = _store_of(tmp_path_factory.mktemp("store") / "store", quads)
    try:
        assert _paged_counts(store, size) == _sparql_counts(store)
    finally:
        store.close()


@needs_shared(BBC)
@pytest.mark.slow
def test_paged_counts_equal_the_queries_on_a_build_of_bbc_articles(tmp_path: Path) -> None:
    paths = sorted(BBC.glob("politics/*.txt"))[:12]
    with KnowledgeGraph(tmp_path / "store") as graph:
        graph.build(paths)
        store = graph.store
        assert store.releases
        paged = _paged_counts(store, 5)
        assert paged is not None and paged["documents"] == 12 and paged["facts"] > 0
        assert paged == _sparql_counts(store)
        assert graph.stats(breakdown=False).facts == paged["facts"]
