"""SHACL validation: the graphs kg builds conform; broken ones say what is wrong where."""

from __future__ import annotations

import functools
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib.namespace import SH
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.namespaces import ENT, KG, RDF, RDFS, STMT
from kg.ontology import default_ontology
from kg.store import Store, open_store
from kg.validate import (
    SHAPES_NS,
    ValidationReport,
    Violation,
    compact,
    relation_shapes,
    shapes_graph,
    validate,
)
from tests.conftest import BBC, SEED_ARTICLE, needs_shared

pytestmark = pytest.mark.slow  # builds graphs with the spaCy model

PUTIN = str(ENT["person/Vladimir_Putin"])
RAUTIO = str(ENT["person/Matti_Rautio"])
FINLAND = str(ENT["country/FI"])
ENTITIES = "<http://kg.example.org/graph/entities>"


def _nquads(source: str) -> bytes:
    graph = kg.build([source], store="memory:")
    buffer = io.BytesIO()
    graph.export(buffer, "nq")
    graph.close()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def example_nq() -> bytes:
    return _nquads(kg.EXAMPLE_ARTICLE)


@pytest.fixture(scope="module")
def seed_nq() -> bytes:
    if not SEED_ARTICLE.exists():
        pytest.skip(f"{SEED_ARTICLE} is absent (../shared not here)")
    return _nquads(str(SEED_ARTICLE))


def _store(nq: bytes, *, drop: Callable[[str], bool] = lambda _line: False,
           add: str = "", uri: str = "memory:") -> Store:
    """A store holding ``nq`` without the lines ``drop`` selects, plus ``add``."""
    lines = [line for line in nq.decode("utf-8").splitlines() if not drop(line)]
    store = open_store(uri)
    store.load(("\n".join(lines) + "\n" + add).encode("utf-8"), "nq")
    return store


def _statement(nq: bytes) -> str:
    """The IRI of one statement node of the graph (the first in sorted order)."""
    store = _store(nq)
    rows = store.query("SELECT ?s { ?s a rdf:Statement } ORDER BY ?s LIMIT 1").rows
    assert rows, "the graph has no statement"
    return str(rows[0][0])


@functools.lru_cache(maxsize=4)
def _baseline(nq: bytes) -> frozenset[Violation]:
    """What the unbroken graph already reports (see test_example_graph_conforms)."""
    return frozenset(validate(_store(nq)).violations)


def _only(report: ValidationReport, nq: bytes) -> Violation:
    """The one result that breaking ``nq`` added."""
    assert not report.conforms
    new = [v for v in report.violations if v not in _baseline(nq)]
    assert len(new) == 1, [v.to_dict() for v in new]
    return new[0]


# -- the graphs kg builds --------------------------------------------------------------
def test_example_graph_conforms(example_nq: bytes) -> None:
    report = validate(_store(example_nq))
    assert [v.to_dict() for v in report.violations] == []
    assert report.conforms is True


def test_empty_store_conforms() -> None:
    report = validate(open_store("memory:"))
    assert report.to_dict() == {"conforms": True, "violations": []}


@needs_shared(SEED_ARTICLE)
def test_seed_graph_conforms(seed_nq: bytes) -> None:
    store = _store(seed_nq)
    report = validate(store)
    assert report.violations == ()
    assert report.conforms is True



#: BBC politics articles whose graphs once broke the domain and range of relations
#: (peers and titled names untyped, places tagged as people, programmes as events).
POLITICS = ("iraq-advice-claim-sparks-new-row", "blair-stresses-prosperity-goals",
            "could-rivalry-overshadow-election", "kilroy-silk-attacked-with-slurry",
            "councils-prepare-to-set-tax-rises", "defiant-hunts-put-ban-to-the-test",
            "child-access-laws-shake-up", "baron-kinnock-makes-lords-debut",
            "howard-truanted-to-play-snooker", "minimum-wage-increased-to-aps5-05",
            "new-ukip-defection-to-veritas", "pakistani-women-must-not-hide")


@needs_shared(BBC)
def test_bbc_politics_graph_conforms() -> None:
    paths = [str(BBC / "politics" / f"{name}.txt") for name in POLITICS]
    report = validate(kg.build(paths, store="memory:"))
    assert [(compact(v.focus), v.message) for v in report.violations] == []
    assert report.conforms is True


def test_a_union_domain_accepts_any_of_its_classes() -> None:
    from rdflib import Graph

    ontology = Graph().parse(data="""
        @prefix kg: <http://kg.example.org/ontology#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        kg:lives_in a owl:ObjectProperty ;
            rdfs:domain [ owl:unionOf ( kg:Person kg:Group ) ] .
        """, format="turtle")
    shapes = relation_shapes(ontology)
    message = shapes.value(SHAPES_NS["domain/lives_in"], SH.message)
    assert str(message) == ("the subject of kg:lives_in must be a kg:Person or kg:Group "
                            "(rdfs:domain of kg:lives_in)")


def test_knowledge_graph_is_accepted_too(example_nq: bytes) -> None:
    graph = kg.build([kg.EXAMPLE_ARTICLE], store="memory:")
    assert validate(graph) == validate(_store(example_nq))


def test_shapes_apply_to_the_built_graph(example_nq: bytes) -> None:
    """The shapes target real nodes: dropping every label breaks every entity."""
    entities = {line.split(" ", 1)[0].strip("<>") for line in example_nq.decode().splitlines()
                if f"> <{RDFS.label}> " in line and line.startswith(f"<{ENT}")}
    assert RAUTIO in entities and FINLAND in entities
    report = validate(_store(example_nq, drop=lambda line: f"> <{RDFS.label}> " in line
                             and line.startswith(f"<{ENT}")))
    focused = {v.focus for v in report.violations if v.path == str(RDFS.label)}
    assert focused == entities


# -- broken graphs ---------------------------------------------------------------------
def test_entity_without_label(example_nq: bytes) -> None:
    store = _store(example_nq, drop=lambda line: line.startswith(f"<{RAUTIO}> <{RDFS.label}>"))
    violation = _only(validate(store), example_nq)
    assert violation.focus == RAUTIO
    assert violation.path == str(RDFS.label)
    assert violation.component == "MinCountConstraintComponent"
    assert violation.severity == "Violation"
    assert violation.shape == str(SHAPES_NS.EntityLabel)
    assert "exactly one rdfs:label" in violation.message


def test_entity_with_two_labels(example_nq: bytes) -> None:
    store = _store(example_nq, add=f'<{RAUTIO}> <{RDFS.label}> "M. Rautio" {ENTITIES} .\n')
    violation = _only(validate(store), example_nq)
    assert (violation.focus, violation.component) == (RAUTIO, "MaxCountConstraintComponent")


def test_entity_without_a_type_is_still_checked(example_nq: bytes) -> None:
    """An entity that lost its rdf:type is found through the statements naming it."""
    store = _store(example_nq, drop=lambda line: line.startswith(f"<{RAUTIO}> <{RDF.type}>"))
    report = validate(store)
    assert not report.conforms
    new = [v for v in report.violations if v not in _baseline(example_nq)]
    typed = [v for v in new if v.path == str(RDF.type)]
    assert [v.focus for v in typed] == [RAUTIO]
    assert "rdf:type from the kg ontology" in typed[0].message
    # the rest is the domain of the relations Rautio is the subject of (kg:Agent)
    assert {v.focus for v in new} == {RAUTIO}
    assert all("rdfs:domain" in v.message for v in new if v.path is None)


def test_entity_typed_outside_the_ontology(example_nq: bytes) -> None:
    store = _store(
        example_nq, drop=lambda line: line.startswith(f"<{RAUTIO}> <{RDF.type}>"),
        add=f"<{RAUTIO}> <{RDF.type}> <https://schema.org/Person> {ENTITIES} .\n")
    report = validate(store)
    typed = [v for v in report.violations if v.path == str(RDF.type)]
    assert [(v.focus, v.component) for v in typed] == [
        (RAUTIO, "QualifiedMinCountConstraintComponent")]


def test_confidence_out_of_range(example_nq: bytes) -> None:
    node = _statement(example_nq)
    confidence = f"<{node}> <{KG.confidence}> "
    graph = next(line for line in example_nq.decode().splitlines()
                 if line.startswith(confidence)).rsplit(" ", 2)[-2]
    store = _store(example_nq, drop=lambda line: line.startswith(confidence),
                   add=f'{confidence}"2.5"^^<http://www.w3.org/2001/XMLSchema#double> '
                       f"{graph} .\n")
    violation = _only(validate(store), example_nq)
    assert violation.focus == node
    assert violation.path == str(KG.confidence)
    assert violation.component == "MaxInclusiveConstraintComponent"
    assert violation.value == "2.5"
    assert "[0, 1]" in violation.message


def test_confidence_must_be_a_double(example_nq: bytes) -> None:
    node = _statement(example_nq)
    confidence = f"<{node}> <{KG.confidence}> "
    store = _store(example_nq, drop=lambda line: line.startswith(confidence),
                   add=f'{confidence}"high" {ENTITIES} .\n')
    report = validate(store)
    assert not report.conforms
    new = [v for v in report.violations if v not in _baseline(example_nq)]
    assert {(v.focus, v.path) for v in new} == {(node, str(KG.confidence))}
    assert "DatatypeConstraintComponent" in {v.component for v in new}


def test_statement_without_sentence(example_nq: bytes) -> None:
    node = _statement(example_nq)
    store = _store(example_nq, drop=lambda line: line.startswith(f"<{node}> <{KG.sentence}>"))
    violation = _only(validate(store), example_nq)
    assert violation.focus == node
    assert violation.path == str(KG.sentence)
    assert violation.component == "MinCountConstraintComponent"
    assert "kg:sentence" in violation.message


def test_begin_after_end(example_nq: bytes) -> None:
    node = _statement(example_nq)
    begin = "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex>"
    store = _store(example_nq, drop=lambda line: line.startswith(f"<{node}> {begin}"),
                   add=f'<{node}> {begin} "999999"^^<http://www.w3.org/2001/XMLSchema#integer>'
                       f" {ENTITIES} .\n")
    violation = _only(validate(store), example_nq)
    assert violation.focus == node
    assert violation.component == "LessThanOrEqualsConstraintComponent"


def test_sentence_not_at_its_offsets(example_nq: bytes) -> None:
    node = _statement(example_nq)
    sentence = f"<{node}> <{KG.sentence}> "
    store = _store(example_nq, drop=lambda line: line.startswith(sentence),
                   add=f'{sentence}"A sentence the article does not have." {ENTITIES} .\n')
    violation = _only(validate(store), example_nq)
    assert violation.focus == node
    assert violation.path == str(KG.sentence)
    assert violation.shape == str(SHAPES_NS.StatementOffsets)
    assert violation.value == "A sentence the article does not have."


def test_statement_from_no_document(example_nq: bytes) -> None:
    node = _statement(example_nq)
    derived = f"<{node}> <http://www.w3.org/ns/prov#wasDerivedFrom>"
    store = _store(example_nq, drop=lambda line: line.startswith(derived),
                   add=f"{derived} <{ENT['city/Nowhere']}> {ENTITIES} .\n")
    report = validate(store)
    assert not report.conforms
    assert any(v.focus == node and v.component == "ClassConstraintComponent"
               for v in report.violations)


def test_document_without_content_hash(example_nq: bytes) -> None:
    store = _store(example_nq, drop=lambda line: f"<{KG.contentHash}>" in line)
    violation = _only(validate(store), example_nq)
    assert violation.focus.startswith("http://kg.example.org/doc/")
    assert violation.path == str(KG.contentHash)


def test_relation_subject_outside_its_domain(example_nq: bytes) -> None:
    """kg:works_for has rdfs:domain kg:Person; a country does not work for anyone."""
    store = _store(example_nq, add=f"<{FINLAND}> <{KG.works_for}> <{RAUTIO}> {ENTITIES} .\n")
    violation = _only(validate(store), example_nq)
    assert violation.focus == FINLAND
    assert violation.shape == str(SHAPES_NS["domain/works_for"])
    assert violation.component == "ClassConstraintComponent"
    assert "kg:Person (rdfs:domain of kg:works_for)" in violation.message


def test_domain_is_inherited_from_the_group(example_nq: bytes) -> None:
    """kg:belongs_to declares no domain; its group kg:affiliation says kg:Agent."""
    berlin = ENT["city/Berlin"]
    store = _store(example_nq, add=(
        f'<{berlin}> <{RDF.type}> <{KG.City}> {ENTITIES} .\n'
        f'<{berlin}> <{RDFS.label}> "Berlin" {ENTITIES} .\n'
        f"<{berlin}> <{KG.belongs_to}> <{FINLAND}> {ENTITIES} .\n"))
    violation = _only(validate(store), example_nq)
    assert violation.focus == str(berlin)
    assert violation.shape == str(SHAPES_NS["domain/belongs_to"])
    assert "kg:Agent (rdfs:domain of kg:affiliation)" in violation.message


def test_group_domain_not_inherited_by_relations_declared_on_the_fly(
        example_nq: bytes) -> None:
    """The RDF stage files an unlisted relation under a group guessed from its verb;
    the group's domain is not imposed through that guess."""
    berlin = ENT["city/Berlin"]
    store = _store(example_nq, add=(
        f"<{KG.scolds}> <{RDF.type}> <http://www.w3.org/2002/07/owl#ObjectProperty> {ENTITIES} .\n"
        f"<{KG.scolds}> <{RDFS.subPropertyOf}> <{KG.conflict}> {ENTITIES} .\n"
        f'<{berlin}> <{RDF.type}> <{KG.City}> {ENTITIES} .\n'
        f'<{berlin}> <{RDFS.label}> "Berlin" {ENTITIES} .\n'
        f"<{berlin}> <{KG.scolds}> <{FINLAND}> {ENTITIES} .\n"))
    assert set(validate(store).violations) == _baseline(example_nq)
    # but its objects must still be IRIs, since the graph declares it an object property
    store.load(f'<{berlin}> <{KG.scolds}> "loudly" {ENTITIES} .\n'.encode(), "nq")
    violation = _only(validate(store), example_nq)
    assert (violation.focus, violation.shape) == (str(berlin), str(SHAPES_NS["object/scolds"]))


def test_relation_object_outside_its_range(example_nq: bytes) -> None:
    """kg:arrests has rdfs:range kg:Person."""
    store = _store(example_nq, add=f"<{RAUTIO}> <{KG.arrests}> <{FINLAND}> {ENTITIES} .\n")
    violation = _only(validate(store), example_nq)
    assert violation.focus == FINLAND
    assert violation.shape == str(SHAPES_NS["range/arrests"])


def test_literal_object_of_an_object_property(example_nq: bytes) -> None:
    store = _store(example_nq, add=f'<{FINLAND}> <{KG.invades}> "1939" {ENTITIES} .\n')
    report = validate(store)
    ours = [v for v in report.violations if v.value == "1939"]
    assert [(v.focus, v.path, v.shape) for v in ours] == [
        (FINLAND, str(KG.invades), str(SHAPES_NS["object/invades"]))]
    assert "owl:ObjectProperty" in ours[0].message


def test_relation_declared_both_ways(example_nq: bytes) -> None:
    owl = "http://www.w3.org/2002/07/owl#"
    store = _store(example_nq, add=(
        f"<{KG.ponders}> <{RDF.type}> <{owl}ObjectProperty> {ENTITIES} .\n"
        f"<{KG.ponders}> <{RDF.type}> <{owl}DatatypeProperty> {ENTITIES} .\n"))
    report = validate(store)
    ours = [v for v in report.violations if v.focus == str(KG.ponders)]
    assert [(v.shape, v.component) for v in ours] == [
        (str(SHAPES_NS.RelationKind), "NotConstraintComponent")]


def test_ontology_false_skips_relation_shapes(example_nq: bytes) -> None:
    store = _store(example_nq, add=f"<{FINLAND}> <{KG.works_for}> <{RAUTIO}> {ENTITIES} .\n")
    assert validate(store, ontology=False).conforms is True


def test_undeclared_relation_in_a_statement(example_nq: bytes) -> None:
    node = _statement(example_nq)
    predicate = f"<{node}> <{RDF.predicate}> "
    store = _store(example_nq, drop=lambda line: line.startswith(predicate),
                   add=f"{predicate}<{KG.never_declared}> {ENTITIES} .\n")
    violation = _only(validate(store), example_nq)
    assert (violation.focus, violation.path) == (node, str(RDF.predicate))


def test_custom_shapes_replace_kgs(example_nq: bytes, tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:x:NoRautio> a sh:NodeShape ;\n"
        "  sh:targetClass <http://kg.example.org/ontology#Person> ;\n"
        "  sh:not [ sh:hasValue <http://kg.example.org/entity/person/Matti_Rautio> ] .\n",
        encoding="utf-8")
    violation = _only(validate(_store(example_nq), shapes=[shapes], ontology=False), example_nq)
    assert violation.focus == RAUTIO
    assert violation.shape == "urn:x:NoRautio"


def test_relation_shapes_follow_the_ontology() -> None:
    shapes = relation_shapes(default_ontology().graph)
    sh = "http://www.w3.org/ns/shacl#"
    from rdflib import URIRef

    # kg:urges declares no domain itself; it inherits kg:Agent from kg:communication
    urges = SHAPES_NS["domain/urges"]
    assert set(shapes.objects(urges, URIRef(sh + "class"))) == {KG.Agent}
    # kg:visits and kg:movement declare none
    assert (SHAPES_NS["domain/visits"], None, None) not in shapes
    assert (SHAPES_NS["range/cooperates_with"], URIRef(sh + "targetObjectsOf"),
            KG.cooperates_with) in shapes


def test_shapes_file_ships_and_parses() -> None:
    graph = shapes_graph()
    assert (SHAPES_NS.StatementShape, None, None) in graph
    assert len(graph) > 100


def test_compact() -> None:
    assert compact(PUTIN) == "ent:person/Vladimir_Putin"
    assert compact(str(STMT["x"])) == "stmt:x"
    assert compact("urn:other") == "urn:other"
    assert compact(None) == ""


# -- the CLI ---------------------------------------------------------------------------
runner = CliRunner()


def _directory_store(nq: bytes, path: Path, **edits: object) -> str:
    store = _store(nq, uri=str(path), **edits)  # type: ignore[arg-type]
    store.close()
    return str(path)


@needs_shared(SEED_ARTICLE)
def test_cli_conforms(seed_nq: bytes, tmp_path: Path) -> None:
    store = _directory_store(seed_nq, tmp_path / "store")
    result = runner.invoke(app, ["validate", "--store", store])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "conforms"

    result = runner.invoke(app, ["validate", "--store", store, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"conforms": True, "violations": []}


def test_cli_conforms_without_ontology(example_nq: bytes, tmp_path: Path) -> None:
    store = _directory_store(example_nq, tmp_path / "store")
    result = runner.invoke(app, ["validate", "--store", store, "--no-ontology"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "conforms"


def test_cli_broken_store(example_nq: bytes, tmp_path: Path) -> None:
    store = _directory_store(example_nq, tmp_path / "store", drop=lambda line: line.startswith(
        f"<{RAUTIO}> <{RDFS.label}>"))
    result = runner.invoke(app, ["validate", "--store", store, "--no-ontology"])
    assert result.exit_code == 1, result.output
    assert "ent:person/Matti_Rautio" in result.stdout
    assert "rdfs:label" in result.stdout
    assert "1 result(s)" in result.stdout
    assert "conforms" not in result.stdout

    result = runner.invoke(app, ["validate", "--store", store])  # with the relation shapes
    assert result.exit_code == 1, result.output
    assert "ent:person/Matti_Rautio" in result.stdout


def test_cli_json(example_nq: bytes, tmp_path: Path) -> None:
    store = _directory_store(example_nq, tmp_path / "store", drop=lambda line: line.startswith(
        f"<{RAUTIO}> <{RDFS.label}>"))
    result = runner.invoke(app, ["validate", "--store", store, "--json", "--no-ontology"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["conforms"] is False
    assert [(v["focus"], v["path"], v["severity"]) for v in data["violations"]] == [
        (RAUTIO, str(RDFS.label), "Violation")]

    result = runner.invoke(app, ["validate", "--store", store, "--json"])
    assert result.exit_code == 1, result.output
    assert RAUTIO in {v["focus"] for v in json.loads(result.stdout)["violations"]}


def test_cli_limit_and_markup(example_nq: bytes, tmp_path: Path) -> None:
    """Messages are not read as Rich markup; --limit cuts the table."""
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:x:S> a sh:PropertyShape ; sh:targetClass <http://kg.example.org/ontology#Country> ;\n"
        '  sh:maxCount 0 ; sh:path <http://www.w3.org/2000/01/rdf-schema#label> ;\n'
        '  sh:message "[bold]no[/bold] countries" .\n', encoding="utf-8")
    store = _directory_store(example_nq, tmp_path / "store")
    result = runner.invoke(app, ["validate", "--store", store, "--shapes", str(shapes),
                                 "--no-ontology", "--limit", "1"])
    assert result.exit_code == 1, result.output
    assert "[bold]no[/bold] countries" in result.stdout
    assert result.stdout.count("countries") == 1
    assert "more (--limit 0 shows all)" in result.stderr


def test_cli_invalid_shapes(example_nq: bytes, tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:x:S> a sh:NodeShape ; sh:path <urn:x:p> ; sh:minCount 1 .\n", encoding="utf-8")
    store = _directory_store(example_nq, tmp_path / "store")
    result = runner.invoke(app, ["validate", "--store", store, "--shapes", str(shapes)])
    assert result.exit_code == 2, result.output
    assert "not valid SHACL" in result.stderr
    assert "Traceback" not in result.output


def test_cli_missing_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "--store", str(tmp_path / "absent")])
    assert result.exit_code != 0
    assert "no store" in result.stderr
