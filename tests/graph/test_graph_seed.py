"""The real pipeline on the seed article (loads the spaCy model), then the network
commands on its graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "data" / "seed-article.txt"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SEED.exists(), reason=f"{SEED} is absent (../shared not here)"),
]


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import kg

    path = tmp_path_factory.mktemp("seed") / "store"
    graph = kg.build([SEED], store=path)
    graph.close()
    yield str(path)


def test_seed_article_projects_and_exports(seed_store: str, tmp_path: Path) -> None:
    from kg.export import export_graph
    from kg.graph import analyze, to_networkx
    from kg.store import open_store

    with open_store(seed_store, read_only=True) as store:
        G = to_networkx(store, kind="multidigraph")
        assert G.number_of_edges() >= 1
        assert all(d["sentence"] for *_e, d in G.edges(keys=True, data=True))
        assert analyze(G).nodes == G.number_of_nodes()
        report = export_graph(store, "graphml", tmp_path / "seed.graphml")
    H = nx.read_graphml(tmp_path / "seed.graphml", force_multigraph=True)
    assert H.number_of_edges() == report.edges


def test_seed_cooperation_network_has_russia_to_china(seed_store: str) -> None:
    from kg.graph import to_networkx
    from kg.store import open_store

    with open_store(seed_store, read_only=True) as store:
        G = to_networkx(store, kind="multidigraph", event="CooperationEvent", counts=False)
        conflict = to_networkx(store, kind="multidigraph", event="ConflictEvent", counts=False)
    label = {n: d["label"] for n, d in G.nodes(data=True)}
    pairs = {(label[u], label[v]) for u, v in G.edges()}
    assert ("Russia", "China") in pairs
    edges = [d for u, v, d in G.edges(data=True) if (label[u], label[v]) == ("Russia", "China")]
    assert all(d["quad"] in {"VerbalCooperation", "MaterialCooperation"} for d in edges)
    assert not set(G.edges(keys=True)) & set(conflict.edges(keys=True))


def test_kg_path_putin_xi_jinping_is_justified(seed_store: str) -> None:
    from kg.cli import app

    result = CliRunner().invoke(app, ["path", "Putin", "Xi Jinping", "--store", seed_store])
    assert result.exit_code == 0, result.output
    assert "Vladimir Putin" in result.output and "Xi Jinping" in result.output
    # the sentence that justifies the hop (paragraph 25 of the article)
    assert "call each other" in result.output
