"""nodes.csv and edges.csv: RFC 4180 tables that read back with every name intact."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.errors import ExportError
from kg.export import write_csv
from kg.graph import to_networkx
from kg.store import Store
from tests.graph import graph_fixtures as fx


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("kind", ["multidigraph", "digraph"])
def test_csv_tables_read_back(sample_store: Store, tmp_path: Path, kind: str) -> None:
    G = to_networkx(sample_store, kind=kind)
    written = write_csv(G, tmp_path / "out")
    assert [p.name for p in written] == ["nodes.csv", "edges.csv"]
    nodes = _read(tmp_path / "out" / "nodes.csv")
    edges = _read(tmp_path / "out" / "edges.csv")
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    assert list(nodes[0])[:3] == ["id", "label", "type"]
    assert list(edges[0])[:2] == ["source", "target"]
    assert {e.label for e in fx.HOSTILE} <= {row["label"] for row in nodes}
    ids = {row["id"] for row in nodes}
    assert all(row["source"] in ids and row["target"] in ids for row in edges)
    sentences = {row["sentence"] for row in edges}
    assert "Line Break\ncriticised the group." in sentences
    if kind == "multidigraph":
        assert {row["key"] for row in edges} >= {"cooperates_with", "helps"}


def test_csv_into_a_file_path_is_an_error(tmp_path: Path, sample_store: Store) -> None:
    target = tmp_path / "x.csv"
    target.write_text("")
    with pytest.raises(ExportError, match="folder"):
        write_csv(to_networkx(sample_store), target)
