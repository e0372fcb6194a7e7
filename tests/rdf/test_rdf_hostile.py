"""Hostile names never give an invalid IRI or broken RDF, in any format."""

from __future__ import annotations

import io

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import RDFS

from kg.rdf import document_iri, document_quads, entity_iri
from kg.store import OxigraphStore
from kg.types import Argument, Document, Entity, ResolvedStatement, Statement

HOSTILE = [
    'Jo<b>"s" {x}', "line\nbreak", "tab\there", "\u202eevil\u202c",
    "\uff30\uff55\uff54\uff49\uff4e", "a b  c",
    "..", ".", "/", "#frag", "?q=1&x", "\\back", "emoji 🙂", "\x00nul", "",
]


def build_store() -> OxigraphStore:
    store = OxigraphStore()
    for index, name in enumerate(HOSTILE):
        text = f"{name} met {name}."
        arg = Argument(text=name, start=0, end=len(name), head_start=0, head_end=len(name))
        st = Statement(subject=arg, relation="met", lemma="meet", objects=(arg,),
                       sentence=text, sentence_start=0, sentence_end=len(text),
                       confidence=0.5, rule="test")
        entity = Entity(key=f"person/{name}", label=name or "?", type="Person",
                        aliases=frozenset({name + "\n"}))
        document = Document(id=f"{name}-{index}", text=text, title=name)
        quads = document_quads(document, [ResolvedStatement(st, entity, "meets", entity)])
        store.replace_graph(document_iri(document.id), quads)
    return store


def test_iris_are_distinct_and_safe() -> None:
    iris = {str(entity_iri(Entity(key=f"person/{n}", label=n, type="Person"))) for n in HOSTILE}
    assert len(iris) == len(HOSTILE)
    for iri in iris:
        assert iri.isascii() and not set(iri) & set(' <>"{}|\\^`\n\t')


@pytest.mark.parametrize(("fmt", "parser"), [("nq", "nquads"), ("trig", "trig"),
                                             ("jsonld", "json-ld")])
def test_dataset_formats_round_trip(fmt: str, parser: str) -> None:
    store = build_store()
    buffer = io.BytesIO()
    store.dump(buffer, fmt)
    dataset = Dataset()
    dataset.parse(data=buffer.getvalue().decode("utf-8"), format=parser)
    assert len(list(dataset.quads((None, None, None, None)))) == len(store)
    labels = {str(o) for _, _, o, _ in dataset.quads((None, RDFS.label, None, None))}
    assert {n.replace("\x00", " ") for n in HOSTILE if n} <= labels


@pytest.mark.parametrize(("fmt", "parser"), [("ttl", "turtle"), ("nt", "nt"), ("xml", "xml")])
def test_triple_formats_round_trip(fmt: str, parser: str) -> None:
    store = build_store()
    buffer = io.BytesIO()
    store.dump(buffer, fmt)
    graph = Graph().parse(data=buffer.getvalue().decode("utf-8"), format=parser)
    assert (None, RDFS.label, Literal('Jo<b>"s" {x}')) in graph
