"""Saved queries: headers, parameters bound as terms, results on hand-built documents."""

from __future__ import annotations

import importlib.util
import io
import json
import re
from pathlib import Path
from types import ModuleType

import pytest
import typer
from rdflib import Literal, URIRef
from typer.testing import CliRunner

from kg.errors import ConfigError
from kg.namespaces import KG, RDF, RDFS, SKOS
from kg.queries import (
    Parameter,
    list_queries,
    load_query,
    parse_query,
    prepare,
    run_saved,
    run_saved_to,
)
from kg.rdf import ONTOLOGY_GRAPH, entity_iri
from kg.store import OxigraphStore, open_store


def _sample() -> ModuleType:
    path = Path(__file__).resolve().parent / "store" / "sample.py"
    spec = importlib.util.spec_from_file_location("kg_test_sample", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sample = _sample()
EXPECTED = {
    "most-connected", "relations-between", "said-by", "cooperation-network",
    "conflict-network", "network", "statements-about", "documents-mentioning",
    "event-network", "asserted-facts", "claimed-facts",
}


@pytest.fixture()
def store() -> OxigraphStore:
    s = OxigraphStore()
    sample.load_sample(s)
    return s


def labels(rows: tuple, index: int) -> list[str]:
    return [str(row[index]) for row in rows]


def test_every_saved_query_has_a_header_and_runs_on_an_empty_store() -> None:
    queries = {q.name: q for q in list_queries()}
    assert set(queries) >= EXPECTED
    empty = open_store("memory:")
    for query in queries.values():
        assert query.summary and query.summary != query.name, query.name
        assert query.description, query.name
        params = {p.name: "x" for p in query.parameters if p.required}
        result = run_saved(empty, query.name, params)
        assert result.kind == "select"
        assert result.rows == ()
        # Oxigraph binds only projected variables: every bound parameter is projected
        projection = query.text.split("WHERE")[0]
        for p in query.parameters:
            if p.type != "limit":
                assert re.search(rf"\?{p.name}\b", projection), (query.name, p.name)


def test_header_parsing() -> None:
    query = parse_query("t", "# Summary line.\n#\n# More text\n# here.\n#\n"
                             "# @param n (integer, default 3) how many\n"
                             "# @param who (literal, required) a name\nSELECT ?n ?who {}\n")
    assert query.summary == "Summary line."
    assert query.description == "More text here."
    assert query.parameters == (Parameter("n", "integer", "3", False, "how many"),
                                Parameter("who", "literal", None, True, "a name"))
    with pytest.raises(ConfigError, match="bad parameter line"):
        parse_query("t", "# @param x (color) nope\nSELECT * {}")


def test_most_connected(store: OxigraphStore) -> None:
    result = run_saved(store, "most-connected")
    assert result.variables[:2] == ("entity", "label")
    assert labels(result.rows, 1) == ["Russia", "China", "Ukraine", 'Evil"} >Corp']
    assert [int(r[2]) for r in result.rows] == [2, 2, 1, 1]
    assert labels(run_saved(store, "most-connected", {"limit": "1"}).rows, 1) == ["Russia"]


def test_relations_between_either_direction_ignoring_case(store: OxigraphStore) -> None:
    result = run_saved(store, "relations-between", {"a": "russia", "b": "CHINA"})
    rows = {(str(r[2]), str(r[3]), str(r[4])) for r in result.rows}
    assert rows == {("Russia", str(KG.cooperates_with), "China"),
                    ("China", str(KG.supports), "Russia")}
    # an alias (skos:altLabel) names the entity too; a hypothetical attack counts as
    # a statement but not as an asserted one
    georgia = run_saved(store, "relations-between", {"a": "Russian Federation", "b": "Georgia"})
    assert [(int(r[5]), int(r[6])) for r in georgia.rows] == [(1, 0)]


def test_said_by(store: OxigraphStore) -> None:
    result = run_saved(store, "said-by", {"speaker": "putin"})
    assert len(result.rows) == 1
    row = result.dicts()[0]
    assert str(row["sentence"]).startswith("We cooperate with China")
    assert row["relation"] == KG.cooperates_with
    assert run_saved(store, "said-by", {"speaker": "Russia"}).rows == ()


def test_the_writers_facts_and_the_claims_are_apart(store: OxigraphStore) -> None:
    claimed = run_saved(store, "claimed-facts")
    assert {(str(r["speaker"]), str(r["subject"]), r["relation"], str(r["object"]))
            for r in claimed.dicts()} == {
        ("Vladimir Putin", "Russia", KG.cooperates_with, "China")}
    own = {(str(r["subject"]), r["relation"], str(r["object"]))
           for r in run_saved(store, "asserted-facts").dicts()}
    assert ("Russia", KG.cooperates_with, "China") not in own  # Putin's claim only
    assert ("Russia", KG.attacks, "Ukraine") in own
    assert ("Russia", KG.attacks, "Georgia") not in own  # hypothetical: never asserted


def test_networks_follow_the_event_classes(store: OxigraphStore) -> None:
    coop = run_saved(store, "cooperation-network")
    assert {(str(r[1]), str(r[4])) for r in coop.rows} == {
        ("Russia", "China"), ("China", "Russia"), ('Evil"} >Corp', "China")}
    assert {(r[2], r[5], r[6]) for r in coop.rows} == {
        (KG.cooperates_with, KG.EngageInMaterialCooperation, KG.MaterialCooperation),
        (KG.supports, KG.EngageInDiplomaticCooperation, KG.VerbalCooperation),
        (KG.helps, KG.ProvideAid, KG.MaterialCooperation)}
    conflict = run_saved(store, "conflict-network")
    assert {(str(r[1]), r[2], str(r[4]), r[6]) for r in conflict.rows} == {
        ("Russia", KG.attacks, "Ukraine", KG.MaterialConflict),
        ("Ukraine", KG.accuses, "Russia", KG.VerbalConflict)}
    generic = run_saved(store, "event-network", {"event": "kg:ConflictEvent"})
    assert {tuple(r[1:7]) for r in generic.rows} == {tuple(r[:6]) for r in conflict.rows}
    verbal = run_saved(store, "event-network", {"event": "kg:VerbalConflict"})
    assert [r[3] for r in verbal.rows] == [KG.accuses]
    fight = run_saved(store, "event-network", {"event": "kg:Fight"})
    assert [r[3] for r in fight.rows] == [KG.attacks]
    default = run_saved(store, "event-network")
    assert {r[3] for r in default.rows} == {r[2] for r in coop.rows}

    # give "accuses" a cooperation event class and "attacks" a finer conflict one:
    # the networks follow the ontology graph
    store.replace_graph(ONTOLOGY_GRAPH, [
        (KG.accuses, KG.eventClass, KG.Consult, ONTOLOGY_GRAPH),
        (KG.Consult, SKOS.broader, KG.VerbalCooperation, ONTOLOGY_GRAPH),
        (KG.VerbalCooperation, SKOS.broader, KG.CooperationEvent, ONTOLOGY_GRAPH),
        (KG.attacks, KG.eventClass, KG.Shelling, ONTOLOGY_GRAPH),
        (KG.Shelling, SKOS.broader, KG.Fight, ONTOLOGY_GRAPH),
        (KG.Fight, SKOS.broader, KG.MaterialConflict, ONTOLOGY_GRAPH),
        (KG.MaterialConflict, SKOS.broader, KG.ConflictEvent, ONTOLOGY_GRAPH),
    ])
    conflict = run_saved(store, "conflict-network")
    assert {(r[2], r[5], r[6]) for r in conflict.rows} == {
        (KG.attacks, KG.Shelling, KG.MaterialConflict)}  # through three levels
    coop = run_saved(store, "cooperation-network")
    assert {r[2] for r in coop.rows} == {KG.accuses}


def test_group_network_follows_the_ontology_grouping(store: OxigraphStore) -> None:
    conflict = run_saved(store, "network", {"group": "kg:conflict"})
    assert {r[3] for r in conflict.rows} == {KG.attacks, KG.accuses}
    store.replace_graph(ONTOLOGY_GRAPH, [
        (KG.accuses, RDFS.subPropertyOf, KG.cooperation, ONTOLOGY_GRAPH),
        (KG.attacks, RDFS.subPropertyOf, KG.hostility, ONTOLOGY_GRAPH),
        (KG.hostility, RDFS.subPropertyOf, KG.conflict, ONTOLOGY_GRAPH),
        (KG.hostility, RDF.type, RDF.Property, ONTOLOGY_GRAPH),
    ])
    conflict = run_saved(store, "network", {"group": "kg:conflict"})
    assert {r[3] for r in conflict.rows} == {KG.attacks}  # through two levels
    coop = run_saved(store, "network", {"group": "kg:cooperation"})
    assert {r[3] for r in coop.rows} == {KG.accuses}


def test_statements_about_and_documents_mentioning(store: OxigraphStore) -> None:
    about = run_saved(store, "statements-about", {"name": "Ukraine"})
    assert sorted(str(r[2]).rsplit("#")[-1] for r in about.rows) == ["accuses", "attacks"]
    assert all(str(r[7]).endswith(".") for r in about.rows)
    docs = run_saved(store, "documents-mentioning", {"name": "Vladimir Putin"})
    assert [str(r[2]) for r in docs.rows] == ["Security talks"]
    both = run_saved(store, "documents-mentioning", {"name": "China"})
    assert [str(r[2]) for r in both.rows] == ["Reactions", "Security talks"]  # newest first


@pytest.mark.parametrize("hostile", [
    'Russia" } ?s ?p ?o . #',
    "Russia> } UNION { ?s ?p ?o }",
    '"""Russia',
    "Russia\\\" ) || true || (\"",
    "}",
])
def test_parameters_cannot_change_the_query(store: OxigraphStore, hostile: str) -> None:
    size = len(store)
    for name in ("said-by", "statements-about", "documents-mentioning"):
        key = load_query(name).parameters[0].name
        assert run_saved(store, name, {key: hostile}).rows == ()
    assert run_saved(store, "relations-between", {"a": hostile, "b": "China"}).rows == ()
    assert len(store) == size
    text, bindings = prepare("said-by", {"speaker": hostile})
    assert text == load_query("said-by").text  # the text is the file, untouched
    assert bindings == {"speaker": Literal(hostile)}


def test_a_name_full_of_syntax_matches_literally(store: OxigraphStore) -> None:
    result = run_saved(store, "statements-about", {"name": 'Evil"} >Corp'})
    assert len(result.rows) == 1
    assert str(result.rows[0][1]) == 'Evil"} >Corp'
    assert result.rows[0][3] == Literal("China")


def test_bad_parameters_are_config_errors(store: OxigraphStore) -> None:
    with pytest.raises(ConfigError, match="needs the parameter 'speaker'"):
        run_saved(store, "said-by", {})
    with pytest.raises(ConfigError, match="no parameter 'who'"):
        run_saved(store, "said-by", {"speaker": "x", "who": "y"})
    for bad in ("5 } DROP ALL", "-1", "1e3", "ten"):
        with pytest.raises(ConfigError, match="not a valid limit"):
            run_saved(store, "most-connected", {"limit": bad})
    for bad in ("kg:x> } DROP ALL { <y", "not an iri", 'http://x/"y'):
        with pytest.raises(ConfigError, match="not a valid iri"):
            run_saved(store, "network", {"group": bad})
    with pytest.raises(ConfigError, match="no saved query"):
        load_query("../kg")
    with pytest.raises(ConfigError, match="the saved queries are"):
        load_query("nope")


def test_iri_parameters() -> None:
    iri = Parameter("g", "iri")
    assert iri.term("<http://x.org/a>") == URIRef("http://x.org/a")
    assert iri.term("ent:country/RU") == entity_iri(sample.RUSSIA)
    assert Parameter("b", "boolean").term("yes") == Literal(True)
    assert Parameter("d", "double").term("0.5") == Literal(0.5)


def test_run_saved_to_serialises(store: OxigraphStore) -> None:
    buffer = io.BytesIO()
    assert run_saved_to(store, buffer, "said-by", {"speaker": "Putin"}, "json") == "select"
    data = json.loads(buffer.getvalue())
    assert data["results"]["bindings"][0]["subject"]["value"] == "Russia"


def test_load_query_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("# Mine.\n# @param x (integer, default 2) x\nSELECT ?x {}\n")
    query = load_query(str(path))
    assert query.name == "mine"
    assert query.bind({}) == (path.read_text(), {"x": Literal(2)})


# -- the CLI: kg queries, kg run ---------------------------------------------------------
def _cli() -> tuple[CliRunner, typer.Typer]:
    from kg.cli import app

    return CliRunner(), app


def test_cli_queries_lists_and_shows() -> None:
    runner, app = _cli()
    listing = runner.invoke(app, ["queries"])
    assert listing.exit_code == 0
    for name in EXPECTED:
        assert name in listing.output
    one = runner.invoke(app, ["queries", "said-by"])
    assert one.exit_code == 0
    assert "speaker (literal, required)" in one.output
    assert "kg:speaker" in one.output


def test_cli_run(tmp_path: Path) -> None:
    runner, app = _cli()
    path = tmp_path / "store"
    with OxigraphStore(path) as store:
        sample.load_sample(store)
    args = ["run", "relations-between", "--store", str(path), "-p", "a=Russia", "-p", "b=china"]
    csv_out = runner.invoke(app, [*args, "--format", "csv"])
    assert csv_out.exit_code == 0, csv_out.output
    lines = csv_out.output.splitlines()
    assert lines[0] == "a,b,subject,relation,object,statements,asserted_statements,documents"
    assert len(lines) == 3
    table = runner.invoke(app, args)
    assert table.exit_code == 0
    assert "2 row(s)" in table.output
    assert "Russia" in table.output
    invoke = runner.invoke
    missing = invoke(app, ["run", "said-by", "--store", str(path)])
    assert missing.exit_code == 2
    assert "needs the parameter 'speaker'" in missing.output
    bad = invoke(app, ["run", "said-by", "--store", str(path), "-p", "speaker"])
    assert bad.exit_code == 2
    assert "not key=value" in bad.output


def test_every_kg_term_a_saved_query_uses_is_in_the_ontology() -> None:
    """Catches a rename in ontology/kg.ttl (say kg:conflict) that would empty a query."""
    from rdflib import Graph

    ontology = Graph().parse(sample.ONTOLOGY_TTL)
    declared = {str(s) for s in ontology.subjects()}
    for query in list_queries():
        for name in set(re.findall(r"\bkg:([A-Za-z_][A-Za-z0-9_]*)", query.text)):
            assert str(KG[name]) in declared, f"{query.name} uses kg:{name}, not in kg.ttl"
