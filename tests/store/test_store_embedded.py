"""The embedded Oxigraph store: replace, query with bindings, dump, locking."""

from __future__ import annotations

import io
import json

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.errors import QueryError, StoreError
from kg.rdf import document_iri
from kg.store import OxigraphStore, open_store

G1 = document_iri("a")
G2 = document_iri("b")
S, P, O = URIRef("http://x/s"), URIRef("http://x/p"), URIRef("http://x/o")  # noqa: E741
SHARED = URIRef("http://kg.example.org/graph/entities")


def fill(store: OxigraphStore) -> None:
    store.replace_graph(G1, [(S, P, O, G1), (S, P, Literal('q "1" <x>'), G1), (O, P, S, SHARED)])
    store.replace_graph(G2, [(S, P, O, G2), (O, P, S, SHARED)])


def test_replace_graph_replaces_and_keeps_shared() -> None:
    store = OxigraphStore()
    fill(store)
    assert len(store) == 4  # the shared quad is stored once
    fill(store)
    assert len(store) == 4  # nothing duplicated
    store.replace_graph(G1, [(O, P, O, G1)])
    assert len(store) == 3


def test_query_union_and_bindings_are_terms() -> None:
    store = OxigraphStore()
    fill(store)
    rows = store.query("SELECT ?g { GRAPH ?g { ?s ?p ?o } }").rows
    assert len(rows) == 4
    union = store.query("SELECT ?o { <http://x/s> <http://x/p> ?o }").rows
    assert len(union) == 3  # the union default graph: O in two graphs, and the literal
    hostile = Literal('q "1" <x>')
    hit = store.query("ASK { ?s ?p ?lit }", bindings={"lit": hostile})
    assert hit.boolean is True
    miss = store.query("ASK { ?s ?p ?lit }", bindings={"lit": Literal('"} ; DROP ALL #')})
    assert miss.boolean is False
    assert len(store) == 4


def test_a_binding_need_not_be_projected() -> None:
    store = OxigraphStore()
    fill(store)
    hostile = Literal('q "1" <x>')
    rows = store.query("SELECT ?s { ?s ?p ?lit }", bindings={"lit": hostile}).rows
    assert rows == ((S,),)
    rows = store.query("SELECT ?s { ?s ?p ?lit } # a comment at the end",
                       bindings={"lit": Literal('"} ; DROP ALL #')}).rows
    assert rows == ()
    assert len(store) == 4


def test_prefixes_are_predefined() -> None:
    store = OxigraphStore()
    assert store.query("ASK { ?s rdf:type kg:Country ; rdfs:label ?l ; schema:x ?y }").kind == "ask"


def test_bad_query_is_a_query_error() -> None:
    with pytest.raises(QueryError, match="does not parse"):
        OxigraphStore().query("SELEC nothing")


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv", "xml"])
def test_results_formats(fmt: str) -> None:
    store = OxigraphStore()
    fill(store)
    buffer = io.BytesIO()
    kind = store.query_to(buffer, "SELECT ?s ?o { ?s <http://x/p> ?o }", fmt)
    assert kind == "select"
    text = buffer.getvalue().decode()
    if fmt == "json":
        assert len(json.loads(text)["results"]["bindings"]) == 4
    elif fmt in {"csv", "tsv"}:
        assert len(text.strip().splitlines()) == 5


def test_construct_prints_turtle() -> None:
    store = OxigraphStore()
    fill(store)
    buffer = io.BytesIO()
    assert store.query_to(buffer, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "ttl") == "graph"
    assert len(Graph().parse(data=buffer.getvalue().decode(), format="turtle")) == 3


@pytest.mark.parametrize(("fmt", "rdflib_format", "expected"), [
    ("nq", "nquads", 4), ("trig", "trig", 4), ("jsonld", "json-ld", 4),
])
def test_dataset_dumps_round_trip(fmt: str, rdflib_format: str, expected: int) -> None:
    store = OxigraphStore()
    fill(store)
    buffer = io.BytesIO()
    store.dump(buffer, fmt)
    ds = Dataset()
    ds.parse(data=buffer.getvalue().decode(), format=rdflib_format)
    assert len(list(ds.quads((None, None, None, None)))) == expected


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("ttl", "turtle"), ("nt", "nt"),
                                                      ("xml", "xml")])
def test_triple_dumps_are_the_union(fmt: str, rdflib_format: str) -> None:
    store = OxigraphStore()
    fill(store)
    buffer = io.BytesIO()
    store.dump(buffer, fmt)
    assert len(Graph().parse(data=buffer.getvalue().decode(), format=rdflib_format)) == 3


def test_persistent_store_reopens_and_locks(tmp_path) -> None:
    path = tmp_path / "store"
    store = open_store(path)
    fill(store)
    with pytest.raises(StoreError, match="in use"):
        open_store(path)
    store.flush()
    reader = open_store(path, read_only=True)
    assert len(reader) == 4
    reader.close()
    store.close()
    again = open_store(path)
    assert len(again) == 4
    again.close()


def test_store_path_that_is_a_file(tmp_path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        open_store(target)


def test_missing_store_for_reading(tmp_path) -> None:
    with pytest.raises(StoreError, match="no store"):
        open_store(tmp_path / "nope", read_only=True)


def test_store_that_cannot_be_created(tmp_path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match=r"cannot create the store directory .*not a directory"):
        open_store(tmp_path / "file" / "store")


def test_writer_leaves_no_probe_file(tmp_path) -> None:
    open_store(tmp_path / "store").close()
    assert not [p for p in (tmp_path / "store").iterdir() if p.name.startswith(".kg-")]


def test_reader_of_a_store_it_may_not_write_opens_it_read_only(tmp_path, monkeypatch) -> None:
    path = tmp_path / "store"
    store = open_store(path)
    fill(store)
    store.close()
    # os.access as a read-only directory answers it (the real case: tests/
    # test_bad_input_catalogue.py, with root's capabilities dropped or a read-only mount)
    monkeypatch.setattr("kg.store.os.access", lambda _path, _mode: False)
    reader = open_store(path, read_only=True)
    assert len(reader) == 4
    with pytest.raises(StoreError, match="open read-only"):
        reader.remove_graph(G1)
    reader.close()


def test_to_rdflib_copies_everything() -> None:
    store = OxigraphStore()
    fill(store)
    assert len(list(store.to_rdflib().quads((None, None, None, None)))) == 4


def test_a_store_on_disk_flushes_its_memory_tables_as_it_goes(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import kg.store

    monkeypatch.setattr(kg.store, "FLUSH_EVERY", 5)
    store = OxigraphStore(tmp_path / "st")
    flushes: list[int] = []

    def flush() -> None:
        flushes.append(store._unflushed)
        OxigraphStore.flush(store)

    store.flush = flush  # type: ignore[method-assign]
    for k in range(4):
        store.replace_graph(document_iri(f"d{k}"), [(S, P, O, document_iri(f"d{k}")),
                                                    (O, P, S, document_iri(f"d{k}"))])
    assert len(flushes) == 1  # after 6 quads; 2 wait for the next flush
    assert store._unflushed == 2
    store.close()
    assert len(flushes) == 2
    with OxigraphStore(tmp_path / "st", read_only=True) as again:
        assert len(again) == 8
