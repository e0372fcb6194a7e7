"""GraphML and GEXF: networkx reads back what kg writes, hostile names intact."""

from __future__ import annotations

import io
import math
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import ExportError
from kg.export import generate_gexf, generate_graphml, write_gexf, write_graphml
from kg.graph import annotate, to_networkx
from kg.rdf import entity_iri
from kg.store import Store
from tests.graph import graph_fixtures as fx

KINDS = ("multidigraph", "digraph", "graph")


@pytest.mark.parametrize("kind", KINDS)
def test_graphml_round_trip(sample_store: Store, tmp_path: Path, kind: str) -> None:
    G = annotate(to_networkx(sample_store, kind=kind))
    target = tmp_path / "g.graphml"
    write_graphml(G, target)
    H = nx.read_graphml(target, force_multigraph=G.is_multigraph())
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    assert H.is_directed() == G.is_directed()
    for entity in fx.HOSTILE:
        node = str(entity_iri(entity))
        assert H.nodes[node]["label"] == entity.label
    assert isinstance(H.nodes[str(entity_iri(fx.RUSSIA))]["mentions"], int)
    assert isinstance(H.nodes[str(entity_iri(fx.RUSSIA))]["pagerank"], float)


@pytest.mark.parametrize("kind", KINDS)
def test_gexf_round_trip(sample_store: Store, tmp_path: Path, kind: str) -> None:
    G = annotate(to_networkx(sample_store, kind=kind))
    target = tmp_path / "g.gexf"
    write_gexf(G, target)
    H = nx.read_gexf(target)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    labels = {d["label"] for _n, d in H.nodes(data=True)}
    assert {e.label for e in fx.HOSTILE} <= labels
    weights = sorted(d["weight"] for *_e, d in H.edges(data=True))
    assert weights == sorted(float(w) for *_e, w in G.edges(data="weight"))


def test_parallel_edges_keep_unique_ids(sample_store: Store) -> None:
    G = to_networkx(sample_store, kind="multidigraph")
    text = "".join(generate_graphml(G))
    H = nx.read_graphml(io.StringIO(text), force_multigraph=True)
    ru, cn = str(entity_iri(fx.RUSSIA)), str(entity_iri(fx.CHINA))
    assert H.number_of_edges(ru, cn) == 2
    assert sorted(d["relation"] for d in H[ru][cn].values()) == ["cooperates_with", "helps"]
    gexf = "".join(generate_gexf(G))
    assert nx.read_gexf(io.StringIO(gexf)).number_of_edges(ru, cn) == 2


def test_unsafe_values_are_cleaned() -> None:
    G = nx.MultiDiGraph()
    G.add_node("a\x00b", label="ctl\x1b\x07 chars", score=float("nan"), tags=["x", "y"],
               gone=None)
    G.add_node("c", score=2, label="plain")
    G.add_node("d", score=2.5)
    G.add_edge("a\x00b", "c", key="k", id="clash", type="reserved", weight=1)
    G.add_edge("c", "d", key="k", mixed="text")
    G.add_edge("d", "c", key="k", mixed=3)
    H = nx.read_graphml(io.StringIO("".join(generate_graphml(G))), force_multigraph=True)
    assert H.nodes["ab"]["label"] == "ctl chars"
    assert H.nodes["ab"]["tags"] == "x; y"
    assert "score" not in H.nodes["ab"] and "gone" not in H.nodes["ab"]
    assert H.nodes["c"]["score"] == 2.0 and H.nodes["d"]["score"] == 2.5
    assert {d["mixed"] for _u, _v, d in H.edges(data=True) if "mixed" in d} == {"text", "3"}
    K = nx.read_gexf(io.StringIO("".join(generate_gexf(G))))
    assert K.number_of_edges() == 3
    assert any(d.get("kg_type") == "reserved" for *_e, d in K.edges(data=True))
    assert all(not (isinstance(v, float) and math.isnan(v))
               for _n, d in K.nodes(data=True) for v in d.values())


def test_write_into_a_missing_folder_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot write"):
        write_graphml(nx.path_graph(3), tmp_path / "missing" / "g.graphml")
    assert not (tmp_path / "missing").exists()


def test_failed_write_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    target = tmp_path / "g.gexf"
    target.write_text("old")

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(nx, "write_graphml", boom)
    with pytest.raises(RuntimeError):
        write_graphml(nx.path_graph(3), target)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.gexf"]
