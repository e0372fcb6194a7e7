"""The network commands: graph-export, path, neighbors, analyze."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.store import open_store
from tests.graph import graph_fixtures as fx

runner = CliRunner()
COMMANDS = ("graph-export", "path", "neighbors", "analyze")


@pytest.fixture()
def store_dir(tmp_path: Path) -> str:
    path = tmp_path / "store"
    store = fx.build_sample(open_store(path))
    store.close()
    return str(path)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name: str) -> None:
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output and "--store" in result.output
    assert "--event" in result.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "cytoscape", "d3", "dot", "csv", "html"])
def test_graph_export_formats(store_dir: str, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["graph-export", "-f", fmt, "-o", str(target), "-s", store_dir])
    assert result.exit_code == 0, result.output
    # every format reports the same edges (entity -relation-> entity); the pictures
    # say how many lines they merged them into
    assert "10 connected entities, 11 edges" in result.output
    merged = fmt not in {"graphml", "gexf", "cytoscape", "d3", "csv"}
    assert ("drawn as 10 lines" in result.output) == merged
    assert target.exists()
    if fmt == "graphml":
        assert nx.read_graphml(target, force_multigraph=True).number_of_edges() == 11


def test_graph_export_filters(store_dir: str, tmp_path: Path) -> None:
    target = tmp_path / "conflict.graphml"
    result = runner.invoke(app, ["graph-export", "-f", "graphml", "-o", str(target),
                                 "-s", store_dir, "--group", "conflict", "--since",
                                 "2024-01-01", "--kind", "digraph"])
    assert result.exit_code == 0, result.output
    G = nx.read_graphml(target)
    assert {d["relation"] for *_e, d in G.edges(data=True)} == {
        "attacks", "expands_toward", "criticizes"}
    result = runner.invoke(app, ["graph-export", "-f", "d3", "-o", str(tmp_path / "p.json"),
                                 "-s", store_dir, "-t", "Person", "-r", "meets_with"])
    assert result.exit_code == 0, result.output
    assert len(json.loads((tmp_path / "p.json").read_text())["links"]) == 1


def test_graph_export_event_class(store_dir: str, tmp_path: Path) -> None:
    target = tmp_path / "cooperation.graphml"
    result = runner.invoke(app, ["graph-export", "-f", "graphml", "-o", str(target),
                                 "-s", store_dir, "--event", "CooperationEvent"])
    assert result.exit_code == 0, result.output
    G = nx.read_graphml(target, force_multigraph=True)
    found = {(d["relation"], d["event"], d["quad"]) for *_e, d in G.edges(keys=True, data=True)}
    assert ("cooperates_with", "EngageInMaterialCooperation", "MaterialCooperation") in found
    assert {relation for relation, _e, _q in found}.isdisjoint({"attacks", "criticizes"})
    assert {quad for _r, _e, quad in found} == {"VerbalCooperation", "MaterialCooperation"}
    result = runner.invoke(app, ["graph-export", "-f", "graphml", "-o", str(target),
                                 "-s", store_dir, "-e", "Peace"])
    assert result.exit_code == 2
    assert "unknown event class" in result.output and "CooperationEvent" in result.output
    result = runner.invoke(app, ["path", "Russia", "China", "-s", store_dir,
                                 "--event", "ConflictEvent"])
    assert result.exit_code == 1 and "no path" in result.output


def test_graph_export_bad_values(store_dir: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["graph-export", "-f", "svg", "-o", str(tmp_path / "x.svg"),
                                 "-s", store_dir, "--since", "yesterday"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output
    out = str(tmp_path / "x")
    result = runner.invoke(app, ["graph-export", "-f", "gif", "-o", out, "-s", store_dir])
    assert result.exit_code == 2
    missing = tmp_path / "nothing-here"
    result = runner.invoke(app, ["graph-export", "-f", "d3", "-o", out, "-s", str(missing)])
    assert result.exit_code == 4 and "kg build" in result.output
    assert not (tmp_path / "x").exists()


def test_path_prints_the_sentences(store_dir: str) -> None:
    result = runner.invoke(app, ["path", "Putin", "xi jinping", "-s", store_dir])
    assert result.exit_code == 0, result.output
    assert "Vladimir Putin —meets_with→ Xi Jinping" in result.output
    assert "Putin met Xi Jinping in Beijing." in result.output
    result = runner.invoke(app, ["path", "Russia", "Acme", "-s", store_dir, "--json"])
    assert result.exit_code == 0, result.output
    paths = json.loads(result.output)
    assert len(paths) == 2 and all(len(p["hops"]) == 3 for p in paths)
    assert paths[0]["labels"][-1] == fx.QUOTED.label


def test_path_without_a_path_or_an_entity(store_dir: str) -> None:
    result = runner.invoke(app, ["path", "Putin", "Ukraine", "-s", store_dir])
    assert result.exit_code == 1 and "no path" in result.output
    result = runner.invoke(app, ["path", "Nobody [red]x[/red]", "Ukraine", "-s", store_dir])
    assert result.exit_code == 2 and "Nobody [red]x[/red]" in result.output


def test_neighbors(store_dir: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["neighbors", "Russia", "-s", store_dir, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {n["label"] for n in data["nodes"] if n["depth"] == 1} == {
        "China", "Ukraine", "NATO", fx.RTL.label}
    result = runner.invoke(app, ["neighbors", "Acme", "--depth", "2", "-s", store_dir,
                                 "-o", str(tmp_path / "acme.gexf")])
    assert result.exit_code == 0, result.output
    assert "</script><script>alert(1)</script>" in result.output  # printed, not interpreted
    assert nx.read_gexf(tmp_path / "acme.gexf").number_of_nodes() == 5


def test_analyze(store_dir: str) -> None:
    result = runner.invoke(app, ["analyze", "-s", store_dir, "--json", "--top", "3"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["nodes"] == 10 and data["edges"] == 11
    assert data["leaders"]["pagerank"][0]["label"] == "Russia"
    assert data["components"] == [8, 2]
    table = runner.invoke(app, ["analyze", "-s", store_dir])
    assert table.exit_code == 0, table.output
    assert "leaders" in table.output and "communities" in table.output
