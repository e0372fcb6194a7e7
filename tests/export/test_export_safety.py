"""Exports are safe to open: CSV cells a spreadsheet would run as formulas are
guarded (OWASP), and exported files get the modes the umask gives, not 0600."""

from __future__ import annotations

import csv
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from kg.export.tables import write_csv
from kg.fileio import atomic_write

FORMULAS = [
    '=HYPERLINK("http://127.0.0.1/x","click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\tindented",
    "\r=1",
]


def test_formula_cells_are_guarded(tmp_path: Path) -> None:
    G = nx.MultiDiGraph()
    for index, text in enumerate(FORMULAS):
        G.add_node(f"n{index}", label=text, aliases=[text, "plain"], weight=-0.5)
    G.add_edge("n0", "n1", relation="=1+1", weight=-2, sentence="@evil")
    write_csv(G, tmp_path / "out")
    with (tmp_path / "out" / "nodes.csv").open(newline="", encoding="utf-8") as handle:
        nodes = list(csv.DictReader(handle))
    labels = [row["label"] for row in nodes]
    assert labels == ["'" + text for text in FORMULAS]
    assert all(row["aliases"].startswith("'") for row in nodes)
    with (tmp_path / "out" / "edges.csv").open(newline="", encoding="utf-8") as handle:
        (edge,) = list(csv.DictReader(handle))
    assert edge["relation"] == "'=1+1"
    assert edge["sentence"] == "'@evil"
    assert edge["weight"] == "-2"  # a number stays a number


def test_plain_cells_are_unchanged(tmp_path: Path) -> None:
    G = nx.DiGraph()
    G.add_node("Russia", label="Russia", pagerank=0.25)
    G.add_edge("Russia", "China", relation="cooperates_with")
    write_csv(G, tmp_path / "out")
    text = (tmp_path / "out" / "nodes.csv").read_text(encoding="utf-8")
    assert "'" not in text


@pytest.fixture()
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_exported_files_get_the_umask_modes(tmp_path: Path, umask_022: None) -> None:
    G = nx.DiGraph([("a", "b")])
    for path in write_csv(G, tmp_path / "out"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
    with atomic_write(tmp_path / "x.nq") as handle:
        handle.write(b"")
    assert stat.S_IMODE((tmp_path / "x.nq").stat().st_mode) == 0o644


def test_a_tighter_umask_is_respected(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        with atomic_write(tmp_path / "private.csv") as handle:
            handle.write(b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "private.csv").stat().st_mode) == 0o600
