"""Store.replace_graphs: what a build's workers hand over (N-Quads) replaces graphs."""

from __future__ import annotations

import io

import pytest
from rdflib import Literal, URIRef

from kg.store import OxigraphStore, Store, write_nquads

G1, G2, SHARED = URIRef("urn:doc:1"), URIRef("urn:doc:2"), URIRef("urn:shared")
S, P = URIRef("urn:s"), URIRef("urn:p")


def nquads(*quads: tuple[URIRef, URIRef, object, URIRef]) -> bytes:
    out = io.BytesIO()
    write_nquads(out, quads)  # type: ignore[arg-type]
    return out.getvalue()


def contents(store: Store) -> set[tuple[str, str]]:
    rows = store.query("SELECT ?g ?o { GRAPH ?g { ?s ?p ?o } }", union=False).rows
    return {(str(g), str(o)) for g, o in rows}


@pytest.mark.parametrize("implementation", ["oxigraph", "base"])
def test_replace_graphs_drops_the_old_graphs_and_loads_the_new(implementation: str) -> None:
    store = OxigraphStore()
    replace = (store.replace_graphs if implementation == "oxigraph"
               else lambda graphs, data: Store.replace_graphs(store, graphs, data))
    store.replace_graph(G1, [(S, P, Literal("old 1"), G1), (S, P, Literal("old"), SHARED)])
    store.replace_graph(G2, [(S, P, Literal("old 2"), G2)])
    replace([G1], nquads((S, P, Literal("new 1"), G1), (S, P, Literal("new"), SHARED)))
    assert contents(store) == {(str(G1), "new 1"), (str(G2), "old 2"),
                               (str(SHARED), "old"), (str(SHARED), "new")}
    replace([G1, G2], nquads((S, P, Literal("newer 2"), G2)))  # G1 dropped, G2 replaced
    assert contents(store) == {(str(G2), "newer 2"), (str(SHARED), "old"),
                               (str(SHARED), "new")}
