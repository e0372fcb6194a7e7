"""Every CLI command, through Typer's runner, on real files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import typer
from rdflib import Dataset, Graph
from typer.testing import CliRunner

from kg.cli import app
from kg.pipeline import EXAMPLE_ARTICLE

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "store"
    result = runner.invoke(app, ["build", EXAMPLE_ARTICLE, "--store", str(path)])
    assert result.exit_code == 0, result.output
    return str(path)


def test_every_command_has_help() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    names = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert {"build", "extract", "query", "export", "stats", "demo"} <= set(names)
    for name in names:
        sub = runner.invoke(app, [name, "--help"])
        assert sub.exit_code == 0, name
        assert "Usage" in sub.output


def test_build_prints_a_summary(store: str) -> None:
    result = runner.invoke(app, ["build", EXAMPLE_ARTICLE, "--store", store, "--force"])
    assert result.exit_code == 0, result.output
    for word in ("documents", "sentences", "extractions", "statements", "facts", "entities",
                 "edges", "words per second"):
        assert word in result.output


def test_rebuilding_keeps_the_store_size(store: str) -> None:
    def quads() -> int:
        out = runner.invoke(app, ["stats", "--store", store, "--json"])
        return int(json.loads(out.output)["quads"])

    before = quads()
    again = runner.invoke(app, ["build", EXAMPLE_ARTICLE, "--store", store, "--force"])
    assert again.exit_code == 0
    assert quads() == before
    skipped = runner.invoke(app, ["build", EXAMPLE_ARTICLE, "--store", store])
    assert "skipped" in skipped.output
    assert quads() == before


def test_query_table_and_formats(store: str) -> None:
    sparql = "SELECT ?label { ?e a kg:Country ; rdfs:label ?label } ORDER BY ?label"
    table = runner.invoke(app, ["query", sparql, "--store", store])
    assert table.exit_code == 0, table.output
    assert "Norway" in table.output and "Finland" in table.output
    as_json = runner.invoke(app, ["query", sparql, "--store", store, "--format", "json"])
    labels = [b["label"]["value"] for b in json.loads(as_json.output)["results"]["bindings"]]
    assert {"Norway", "Finland"} <= set(labels)
    as_csv = runner.invoke(app, ["query", sparql, "--store", store, "--format", "csv"])
    assert as_csv.output.splitlines()[0].strip() == "label"
    ask = runner.invoke(app, ["query", "ASK { ?s kg:cooperates_with ?o }", "--store", store])
    assert ask.output.strip() == "yes"


def test_query_construct_prints_turtle_and_file_option(store: str, tmp_path: Path) -> None:
    q = tmp_path / "q.rq"
    q.write_text("CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a kg:Country ; rdfs:label ?l }")
    result = runner.invoke(app, ["query", "--file", str(q), "--store", store, "--format", "ttl"])
    assert result.exit_code == 0, result.output
    assert len(Graph().parse(data=result.output, format="turtle")) >= 2


def test_query_errors_are_messages(store: str) -> None:
    bad = runner.invoke(app, ["query", "SELEC ?x", "--store", store])
    assert bad.exit_code == 5
    assert "does not parse" in bad.output
    neither = runner.invoke(app, ["query", "--store", store])
    assert neither.exit_code == 2
    missing = runner.invoke(app, ["query", "ASK {}", "--store", str(Path(store) / "nope")])
    assert missing.exit_code == 4
    assert "no store" in missing.output


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("nq", "nquads"), ("trig", "trig"),
                                                     ("jsonld", "json-ld")])
def test_export_dataset_formats_round_trip(store: str, tmp_path: Path, fmt: str,
                                           rdflib_format: str) -> None:
    target = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["export", "--store", store, "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    stats = json.loads(runner.invoke(app, ["stats", "--store", store, "--json"]).output)
    ds = Dataset()
    ds.parse(target, format=rdflib_format)
    assert len(list(ds.quads((None, None, None, None)))) == stats["quads"]


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("ttl", "turtle"), ("nt", "nt"),
                                                     ("xml", "xml")])
def test_export_triple_formats_parse(store: str, fmt: str, rdflib_format: str) -> None:
    result = runner.invoke(app, ["export", "--store", store, "--format", fmt])
    assert result.exit_code == 0
    assert len(Graph().parse(data=result.stdout_bytes, format=rdflib_format)) > 50


def test_stats(store: str) -> None:
    result = runner.invoke(app, ["stats", "--store", store, "--json"])
    data = json.loads(result.output)
    assert data["documents"] == 1
    assert data["statements"] > 0
    assert data["entities_by_type"]["Country"] >= 2
    assert data["top_relations"]
    table = runner.invoke(app, ["stats", "--store", store])
    assert "entity type" in table.output


def test_extract_jsonl_and_tsv() -> None:
    result = runner.invoke(app, ["extract", EXAMPLE_ARTICLE])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records and {"subject", "relation", "objects", "confidence"} <= set(records[0])
    text = Path(EXAMPLE_ARTICLE).read_text()
    tsv = runner.invoke(app, ["extract", EXAMPLE_ARTICLE, "--format", "tsv"])
    rows = tsv.output.splitlines()
    assert rows[0].startswith("doc\tconfidence")
    assert len(rows) == len(records) + 1
    assert "Norway" in text


def test_extract_carb_one_line_one_sentence(tmp_path: Path) -> None:
    sentences = tmp_path / "s.txt"
    sentences.write_text("Norway supplies gas to Finland .\nThe minister visited Oslo .\n")
    result = runner.invoke(app, ["extract", str(sentences), "--format", "carb"])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.output.splitlines()]
    assert rows and all(r[0] in {"Norway supplies gas to Finland .",
                                 "The minister visited Oslo ."} for r in rows)
    assert all(0.0 <= float(r[1]) <= 1.0 for r in rows)


def test_stdin_input(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", "-", "--store", str(tmp_path / "s")],
                           input="Norway and Finland signed a treaty in Oslo.\n")
    assert result.exit_code == 0, result.output
    assert "documents" in result.output


def test_bad_file_is_reported_and_the_rest_loaded(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Norway signed a treaty with Finland."}\n{not json\n')
    good = tmp_path / "good.txt"
    good.write_text("Sweden signed a treaty with Denmark.")
    store = tmp_path / "s"
    result = runner.invoke(app, ["build", str(bad), str(good), "--store", str(store)])
    assert result.exit_code == 2
    assert f"{bad}:2" in result.output
    stats = json.loads(runner.invoke(app, ["stats", "--store", str(store), "--json"]).output)
    assert stats["documents"] == 2  # the good record of bad.jsonl and good.txt


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(tmp_path / "nope.txt"),
                                 "--store", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "nope.txt" in result.output
    assert "Traceback" not in result.output


def test_store_path_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    result = runner.invoke(app, ["build", EXAMPLE_ARTICLE, "--store", str(target)])
    assert result.exit_code == 4
    assert "is a file" in result.output


def test_demo(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--store", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    assert "facts in the graph" in result.output
    assert "cooperates_with" in result.output


def test_export_is_atomic(store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.nq"
    target.write_text("old")

    def broken(self: object, out: io.BufferedIOBase, fmt: str) -> None:
        out.write(b"<a> <b> <c> .\n")
        raise OSError("disk full")

    monkeypatch.setattr("kg.pipeline.KnowledgeGraph.export", broken)
    result = runner.invoke(app, ["export", "--store", store, "-o", str(target)])
    assert result.exit_code != 0
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.nq"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_network_formats_read_back(store: str, tmp_path: Path, fmt: str) -> None:
    import networkx as nx

    target = tmp_path / f"g.{fmt}"
    result = runner.invoke(app, ["export", "--store", store, "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(target) if fmt == "graphml" else nx.read_gexf(target)
    assert graph.number_of_nodes() > 0
    assert f"{graph.number_of_nodes()} connected entities" in result.output


def test_export_network_format_needs_output(store: str) -> None:
    result = runner.invoke(app, ["export", "--store", store, "--format", "html"])
    assert result.exit_code == 2
    assert "needs --output" in result.output


def test_query_by_name_with_a_parameter(store: str) -> None:
    result = runner.invoke(app, ["query", "--store", store, "--name", "documents-mentioning",
                                 "-p", "name=Norway", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["results"]["bindings"]
    hostile = runner.invoke(app, ["query", "--store", store, "--name", "documents-mentioning",
                                  "-p", 'name=Norway" } UNION { ?s ?p ?o } #', "--format",
                                  "json"])
    assert hostile.exit_code == 0, hostile.output
    assert json.loads(hostile.output)["results"]["bindings"] == []
    mixed = runner.invoke(app, ["query", "ASK {}", "--name", "x", "--store", store])
    assert mixed.exit_code == 2


def test_format_lists_agree() -> None:
    from kg.cli.options import RDF_EXPORTS, ExportFormat, GraphFormat
    from kg.export import FORMATS
    from kg.store import DATASET_FORMATS, TRIPLE_FORMATS

    assert [f.value for f in GraphFormat] == list(FORMATS)
    assert {*DATASET_FORMATS, *TRIPLE_FORMATS} == RDF_EXPORTS
    assert {f.value for f in ExportFormat} == {*RDF_EXPORTS, *FORMATS}
