"""User ontologies (``--ontology FILE``, ``ontology=``): new relations with their
lemmas, classes and event classes extend (or replace) kg's ontology, name the
relations kg emits and reach the store's ontology graph."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.errors import ConfigError
from kg.namespaces import KG
from kg.ontology import Ontology, as_ontology, default_ontology, load_ontology
from kg.queries import run_saved
from kg.rdf import ONTOLOGY_GRAPH

PREFIXES = """@prefix kg:   <http://kg.example.org/ontology#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""

MINE = PREFIXES + """
kg:pledges_support_to a owl:ObjectProperty ;
    rdfs:subPropertyOf kg:cooperation ;
    rdfs:label "pledges support to"@en ;
    rdfs:domain kg:Agent ; rdfs:range kg:Agent ;
    kg:eventClass kg:ExpressIntentToCooperate ;
    kg:lemma "pledge support to" , "pledge to" .

kg:meets_with kg:lemma "shake hand with" .

kg:Ministry a owl:Class ;
    rdfs:subClassOf kg:GovernmentBody ;
    rdfs:label "ministry"@en .
"""

#: The extractor reads this as Germany —"pledge to"→ Ukraine.
NEWS = "Germany pledged its support to Ukraine.\n"


@pytest.fixture()
def mine(tmp_path: Path) -> Path:
    path = tmp_path / "mine.ttl"
    path.write_text(MINE, encoding="utf-8")
    return path


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the Ontology object ------------------------------------------------------------
def test_a_user_ontology_extends_kgs(mine: Path) -> None:
    onto = load_ontology([mine])
    assert onto.relation_for("pledge support to") == "pledges_support_to"
    assert onto.relation_for("pledge to") == "pledges_support_to"
    assert onto.relation_for("shake hand with") == "meets_with"  # a lemma for kg's relation
    assert onto.relation_for("partner with") == "cooperates_with"  # kg's lexicon stays
    info = onto.relation_info("pledges_support_to")
    assert (info.group, info.event, info.domain, info.declared) == (
        "cooperation", "ExpressIntentToCooperate", "Agent", True)
    assert "Ministry" in onto.classes and "Person" in onto.classes
    assert (KG.pledges_support_to, KG.lemma, None) in onto.graph
    # kg's own ontology is untouched
    assert default_ontology().relation_for("pledge to") == "pledges_to"
    assert "pledges_support_to" not in default_ontology().relations


def test_a_user_ontology_can_replace_kgs(tmp_path: Path) -> None:
    path = write(tmp_path, "only.ttl", PREFIXES + """
kg:backing rdfs:subPropertyOf kg:related_to ; rdfs:label "backing"@en .
kg:backs rdfs:subPropertyOf kg:backing ; rdfs:label "backs"@en ; kg:lemma "support" .
""")
    onto = load_ontology([path], replace=True)
    assert onto.relation_for("support") == "backs"
    assert onto.relation_for("partner with") == "partners_with"  # kg's lexicon is gone
    assert set(onto.relations) == {"related_to", "backing", "backs"}
    assert onto.groups == {"backing"}
    assert onto.relation_info("backs").group == "backing"
    assert onto.classes == frozenset()
    with pytest.raises(ConfigError, match="needs an ontology file"):
        Ontology(replace=True)


def test_the_ontology_option_accepts_paths_and_objects(mine: Path) -> None:
    assert as_ontology(None) is default_ontology()
    assert as_ontology(mine).relation_for("pledge to") == "pledges_support_to"
    assert as_ontology([str(mine)]).relation_for("pledge to") == "pledges_support_to"
    onto = load_ontology([mine])
    assert as_ontology(onto) is onto


def test_a_user_ontology_travels_to_worker_processes(mine: Path, tmp_path: Path) -> None:
    onto = load_ontology([mine])
    mine.unlink()  # a remote worker has no copy of the file: its content travels
    copy = pickle.loads(pickle.dumps(onto))
    assert copy.relation_for("pledge to") == "pledges_support_to"
    assert copy.sources == onto.sources


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (PREFIXES + "kg:a kg:b kg:c .\n\nkg:x kg:lemma \"foo\" ;\n   kg:y .\n",
         r"bad\.ttl:7: the ontology does not parse as turtle: objectList expected"),
        ("kg:x kg:lemma \"foo\" .\n", r"bad\.ttl:1: the ontology does not parse"),
        (PREFIXES + '<http://example.org/pledges> kg:lemma "pledge to" .\n',
         r"bad\.ttl: <http://example.org/pledges> has a kg:lemma but is not a kg relation"),
        (PREFIXES + 'kg:pledges kg:lemma "pledge to" .\n',
         r"bad\.ttl: kg:pledges has a kg:lemma but is not a sub-property of kg:related_to"),
        (PREFIXES + 'kg:Pledges rdfs:subPropertyOf kg:cooperation ; kg:lemma "pledge" .\n',
         r"not a kg relation name"),
        (PREFIXES + 'kg:a rdfs:subPropertyOf kg:cooperation ; kg:lemma "pledge" .\n'
         'kg:b rdfs:subPropertyOf kg:cooperation ; kg:lemma "Pledge" .\n',
         r"the lemma 'Pledge' names two relations, kg:a and kg:b"),
    ],
)
def test_a_bad_ontology_file_is_a_config_error(tmp_path: Path, text: str,
                                               message: str) -> None:
    path = write(tmp_path, "bad.ttl", text)
    with pytest.raises(ConfigError, match=message) as caught:
        load_ontology([path])
    assert caught.value.exit_code == 2
    assert caught.value.hint


def test_a_missing_ontology_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no ontology file .*nope\.ttl"):
        load_ontology([tmp_path / "nope.ttl"])


def test_other_rdf_syntaxes_by_suffix(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.nt",
                 "<http://kg.example.org/ontology#vows> "
                 "<http://www.w3.org/2000/01/rdf-schema#subPropertyOf> "
                 "<http://kg.example.org/ontology#cooperation> .\n"
                 "<http://kg.example.org/ontology#vows> "
                 "<http://kg.example.org/ontology#lemma> \"vow\" .\n")
    assert load_ontology([path]).relation_for("vow") == "vows"
    bad = write(tmp_path, "bad.rdf", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/"
                "22-rdf-syntax-ns#\">\n<x>\n</rdf:RDF>\n")
    with pytest.raises(ConfigError, match=r"bad\.rdf:3: .*mismatched tag"):
        load_ontology([bad])


# -- building with it ---------------------------------------------------------------
def _user_relation_in(graph: kg.KnowledgeGraph) -> None:
    assert graph.query('ASK { ?g rdfs:label "Germany" ; kg:pledges_support_to ?u . '
                       '?u rdfs:label "Ukraine" }').boolean
    declared = graph.store.query(
        "ASK { GRAPH ?o { kg:pledges_support_to rdfs:subPropertyOf kg:cooperation ; "
        "kg:lemma 'pledge to' ; kg:eventClass kg:ExpressIntentToCooperate . "
        "kg:Ministry rdfs:subClassOf kg:GovernmentBody . "
        "kg:cooperates_with kg:eventClass ?kgs } }",
        bindings={"o": ONTOLOGY_GRAPH}, union=False)
    assert declared.boolean
    # the user's relation is not declared again as an unknown verb
    assert not graph.query("ASK { GRAPH ?g { kg:pledges_support_to a ?kind } "
                           "FILTER(?g != <http://kg.example.org/ontology>) }").boolean
    network = run_saved(graph.store, "cooperation-network")
    assert {(str(r[1]), r[2], str(r[4]), r[6]) for r in network.rows} >= {
        ("Germany", KG.pledges_support_to, "Ukraine", KG.VerbalCooperation)}


def test_build_with_a_user_ontology_in_python(mine: Path, tmp_path: Path) -> None:
    news = write(tmp_path, "news.txt", NEWS)
    with kg.build([news], store="memory:", ontology=mine) as graph:
        _user_relation_in(graph)
    with kg.build([news], store="memory:") as graph:  # without it: kg's fallback name,
        # from the lemma and the noun the verb took ("pledged its support to")
        assert graph.query("ASK { ?g kg:pledges_support_to ?u }").boolean
        assert not graph.query("ASK { GRAPH <http://kg.example.org/ontology> { "
                               "kg:pledges_support_to ?p ?o } }").boolean
        assert graph.query("ASK { GRAPH <http://kg.example.org/graph/relations> { "
                           "kg:pledges_support_to a owl:ObjectProperty } }").boolean


def test_build_with_a_user_ontology_on_the_command_line(mine: Path, tmp_path: Path) -> None:
    news = write(tmp_path, "news.txt", NEWS)
    store = str(tmp_path / "store")
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(news), "--store", store, "--quiet",
                                 "--ontology", str(mine)])
    assert result.exit_code == 0, result.output
    with kg.open_graph(store, read_only=True) as graph:
        _user_relation_in(graph)
    result = runner.invoke(app, ["validate", "--store", store, "--ontology", str(mine)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_extract_nquads_with_a_user_ontology(mine: Path, tmp_path: Path) -> None:
    news = write(tmp_path, "news.txt", NEWS)
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(news), "--format", "nquads",
                                 "--ontology", str(mine)])
    assert result.exit_code == 0, result.output
    assert str(KG.pledges_support_to) in result.output
    result = runner.invoke(app, ["extract", str(news), "--ontology", str(mine)])
    assert result.exit_code == 2
    assert "--format nquads" in result.output


def test_cli_reports_a_bad_ontology_file(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.ttl", PREFIXES + "kg:a kg:b .\n")
    news = write(tmp_path, "news.txt", NEWS)
    runner = CliRunner()
    for args in (["build", str(news), "--store", "memory:", "-q"],
                 ["extract", str(news), "--format", "nquads"],
                 ["validate", "--store", "memory:"]):
        result = runner.invoke(app, [*args, "--ontology", str(bad)])
        assert result.exit_code == 2, (args, result.output)
        assert "bad.ttl:4: the ontology does not parse" in result.output, args
        assert "Traceback" not in result.output
    result = runner.invoke(app, ["build", str(news), "--store", "memory:", "-q",
                                 "--replace-ontology"])
    assert result.exit_code == 2
    assert "--replace-ontology needs --ontology FILE" in result.output
    result = runner.invoke(app, ["validate", "--store", "memory:", "--no-ontology",
                                 "--ontology", str(bad)])
    assert result.exit_code == 2
    assert "contradict" in result.output


def test_validate_checks_the_user_relations_domain(mine: Path) -> None:
    from kg.store import open_store
    from kg.validate import validate

    store = open_store("memory:")
    store.load(PREFIXES.encode() + b"""
<http://kg.example.org/entity/x> a kg:City ; rdfs:label "X" ;
    kg:pledges_support_to <http://kg.example.org/entity/y> .
<http://kg.example.org/entity/y> a kg:Country ; rdfs:label "Y" .
""", "ttl")
    with_mine = validate(store, ontology=load_ontology([mine])).violations
    assert any(v.focus == "http://kg.example.org/entity/x" and "pledges_support_to" in v.message
               for v in with_mine), with_mine
    # kg's ontology alone knows nothing of the relation's domain
    assert not any("pledges_support_to" in v.message for v in validate(store).violations)
