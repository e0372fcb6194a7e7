"""The RDF contract of DESIGN.md, on hand-built statements (no spaCy model)."""

from __future__ import annotations

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.namespaces import KG, NIF, OWL, SCHEMA, WD
from kg.rdf import (
    ENTITIES_GRAPH,
    RELATIONS_GRAPH,
    document_iri,
    document_quads,
    entity_iri,
    segment,
)
from kg.types import Argument, Document, Entity, ResolvedStatement, Statement, Value

TEXT = "Russia and China cooperate. Russia may attack Ukraine."
RUSSIA = Entity(key="country/RU", label="Russia", type="Country", wikidata="Q159",
                aliases=frozenset({"Russia", "Moscow"}))
CHINA = Entity(key="country/CN", label="China", type="Country", wikidata="Q148")
UKRAINE = Entity(key="country/UA", label="Ukraine", type="Country")


def arg(text: str, start: int) -> Argument:
    return Argument(text=text, start=start, end=start + len(text), head_start=start,
                    head_end=start + len(text))


def statement(subject: Argument, relation: str, obj: Argument, *, start: int, end: int,
              modality: str | None = None) -> Statement:
    return Statement(subject=subject, relation=relation, lemma=relation, objects=(obj,),
                     sentence=TEXT[start:end], sentence_start=start, sentence_end=end,
                     confidence=0.8, rule="test", modality=modality)


def quads() -> list:
    document = Document(id="news/a b.txt", text=TEXT, title="T", date="2024-03-19")
    cooperate = statement(arg("Russia", 0), "cooperate with", arg("China", 11), start=0, end=27)
    attack = statement(arg("Russia", 28), "may attack", arg("Ukraine", 46), start=28, end=54,
                       modality="may")
    resolved = [
        ResolvedStatement(cooperate, RUSSIA, "cooperates_with", CHINA),
        ResolvedStatement(attack, RUSSIA, "attacks", UKRAINE),
        ResolvedStatement(cooperate, RUSSIA, "founded_in", Value("2024-01-01", "date")),
    ]
    return document_quads(document, resolved, known_relations={"cooperates_with"})


def dataset() -> Dataset:
    ds = Dataset()
    for s, p, o, g in quads():
        ds.graph(g).add((s, p, o))
    return ds


def test_iris_are_ascii_and_percent_encoded() -> None:
    assert str(document_iri("news/a b.txt")) == "http://kg.example.org/doc/news%2Fa_b.txt"
    assert segment("..") == "%2E%2E"
    hostile = Entity(key='person/<a> "b" {c}\n\u202eX', label="x", type="Person")
    iri = str(entity_iri(hostile))
    assert iri.isascii()
    assert not set(iri) & set('<>"{}\n ')


def test_direct_triple_for_asserted_statement_only() -> None:
    ds = dataset()
    doc = ds.graph(document_iri("news/a b.txt"))
    assert (entity_iri(RUSSIA), KG.cooperates_with, entity_iri(CHINA)) in doc
    # "may attack" is hypothetical: a statement node, but no direct triple
    assert (entity_iri(RUSSIA), KG.attacks, entity_iri(UKRAINE)) not in doc
    nodes = list(doc.subjects(RDF.predicate, KG.attacks))
    assert len(nodes) == 1
    assert doc.value(nodes[0], KG.asserted) == Literal(False)
    assert doc.value(nodes[0], KG.modality) == Literal("may")


def test_statement_offsets_slice_the_document_text() -> None:
    doc = dataset().graph(document_iri("news/a b.txt"))
    text = str(doc.value(document_iri("news/a b.txt"), SCHEMA.text))
    for node in doc.subjects(RDF.type, RDF.Statement):
        begin = int(doc.value(node, NIF.beginIndex))
        end = int(doc.value(node, NIF.endIndex))
        assert text[begin:end] == str(doc.value(node, KG.sentence))


def test_entities_are_described_once_in_the_shared_graph() -> None:
    ents = dataset().graph(ENTITIES_GRAPH)
    russia = entity_iri(RUSSIA)
    assert (russia, RDF.type, KG.Country) in ents
    assert (russia, RDFS.label, Literal("Russia")) in ents
    assert (russia, SKOS.altLabel, Literal("Moscow")) in ents
    assert (russia, SKOS.altLabel, Literal("Russia")) not in ents  # the label is no alias
    assert (russia, OWL.sameAs, WD.Q159) in ents
    # relations the ontology does not know are declared, apart from the entities (a
    # query for entities returns no property); known ones are not
    relations = dataset().graph(RELATIONS_GRAPH)
    assert (KG.attacks, RDF.type, OWL.ObjectProperty) in relations
    assert (KG.founded_in, RDF.type, OWL.DatatypeProperty) in relations
    assert (KG.cooperates_with, None, None) not in relations
    assert not set(ents.subjects(RDF.type, OWL.ObjectProperty))
    assert not set(ents.subjects(RDF.type, OWL.DatatypeProperty))


def test_literal_objects_keep_their_datatype() -> None:
    doc = dataset().graph(document_iri("news/a b.txt"))
    values = list(doc.objects(entity_iri(RUSSIA), KG.founded_in))
    assert values == [Literal("2024-01-01", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#date"))]


def test_quads_are_deterministic() -> None:
    assert sorted(map(str, quads())) == sorted(map(str, quads()))
