"""``kg load``: bulk-load RDF files into a store (format from the extension, gzip too)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.cli.store import guess_rdf_format
from kg.errors import ConfigError
from kg.queries import parse_params
from kg.store import OxigraphStore

NQ = (b'<http://x.org/a> <http://x.org/p> "1" <http://x.org/g1> .\n'
      b'<http://x.org/b> <http://x.org/p> "2" <http://x.org/g2> .\n')
TTL = b'@prefix x: <http://x.org/> .\nx:c x:p "3" .\n'


def test_load_files_into_a_store(tmp_path: Path) -> None:
    (tmp_path / "a.nq.gz").write_bytes(gzip.compress(NQ))
    (tmp_path / "b.ttl").write_bytes(TTL)
    store = tmp_path / "store"
    runner = CliRunner()
    result = runner.invoke(app, ["load", str(tmp_path / "a.nq.gz"), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "+2 quads" in result.output
    result = runner.invoke(app, ["load", str(tmp_path / "b.ttl"), "--store", str(store),
                                 "--graph", "http://x.org/g3"])
    assert result.exit_code == 0, result.output
    with OxigraphStore(store) as opened:
        graphs = {str(r[0]) for r in opened.query(
            "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }").rows}
    assert graphs == {"http://x.org/g1", "http://x.org/g2", "http://x.org/g3"}


def test_load_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    (tmp_path / "a.nq").write_bytes(NQ)
    (tmp_path / "a.txt").write_bytes(b"x")
    runner = CliRunner()
    store = str(tmp_path / "store")
    graph = runner.invoke(app, ["load", str(tmp_path / "a.nq"), "-s", store, "-g", "http://g/"])
    assert graph.exit_code == 2
    assert "names its own graphs" in graph.output
    unknown = runner.invoke(app, ["load", str(tmp_path / "a.txt"), "-s", store])
    assert unknown.exit_code == 2
    assert "cannot tell the RDF format" in unknown.output
    missing = runner.invoke(app, ["load", str(tmp_path / "none.ttl"), "-s", store])
    assert missing.exit_code == 2
    bad_iri = runner.invoke(app, ["load", str(tmp_path / "a.nq"), "-s", store, "-g", "a b"])
    assert bad_iri.exit_code == 2


def test_helpers() -> None:
    assert guess_rdf_format("x.TTL") == "ttl"
    assert guess_rdf_format("x.owl") == "xml"
    assert parse_params(["k=v=w"]) == {"k": "v=w"}
    with pytest.raises(ConfigError):
        parse_params(["=v"])
