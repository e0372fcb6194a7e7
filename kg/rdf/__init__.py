"""Resolved statements → RDF quads (rdflib terms), following DESIGN.md's contract.

Three kinds of named graph:

- one per document, named by the document's IRI: the document node, the direct
  relation triples asserted by that document, and a statement node (an
  ``rdf:Statement``) per extraction carrying its evidence;
- :data:`ENTITIES_GRAPH`: one description per entity (type, label, aliases,
  ``owl:sameAs``), shared by all documents so that a query sees each fact once;
- :data:`RELATIONS_GRAPH`: the declarations of relations that the ontology does not
  name (a name built from a lemma), with their group and event class;
- :data:`ONTOLOGY_GRAPH`: the ontology itself (loaded by the store).

Every IRI kg mints is ASCII: names are percent-encoded, never pasted raw.

>>> from kg.types import Entity
>>> str(entity_iri(Entity(key="person/Vladimir Putin", label="Vladimir Putin", type="Person")))
'http://kg.example.org/entity/person/Vladimir_Putin'
>>> str(document_iri("news/a b.txt"))
'http://kg.example.org/doc/news%2Fa_b.txt'
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.namespaces import (
    DOC,
    ENT,
    ENTITIES_GRAPH,
    KG,
    NIF,
    ONTOLOGY_GRAPH,
    OWL,
    PROV,
    RDF,
    RDFS,
    RELATIONS_GRAPH,
    SCHEMA,
    SKOS,
    STMT,
    WD,
    XSD,
)
from kg.types import Document, Entity, ResolvedStatement, Value

if TYPE_CHECKING:
    from kg.ontology import Ontology

__all__ = [
    "ENTITIES_GRAPH",
    "ONTOLOGY_GRAPH",
    "RELATIONS_GRAPH",
    "Quad",
    "content_hash",
    "document_iri",
    "document_quads",
    "entity_iri",
    "entity_quads",
    "relation_iri",
    "segment",
    "text_literal",
]

Quad = tuple[Node, Node, Node, URIRef]


_SAFE = "-_.~"


@lru_cache(maxsize=65_536)
def segment(text: str) -> str:
    """One IRI path segment for arbitrary text: spaces become ``_``, everything
    outside unreserved ASCII is percent-encoded, and ``.``/``..`` cannot occur.
    Kept for names, which recur across documents (a bounded cache).

    >>> segment('Xi Jinping')
    'Xi_Jinping'
    >>> segment('<a>"{b}\\n')
    '%3Ca%3E%22%7Bb%7D%0A'
    """
    return _encode_segment(text)


@lru_cache(maxsize=8)
def _document_segment(doc_id: str) -> str:
    """:func:`segment` of a document's id, kept only for the few documents at
    hand (each of its statements' IRIs repeats it): an id comes once in a build,
    and in :func:`segment`'s cache each would stay, about 300 bytes a document,
    in every worker and in the main process, up to its 65,536 entries."""
    return _encode_segment(doc_id)


def _encode_segment(text: str) -> str:
    """What :func:`segment` returns, computed."""
    text = " ".join(text.split(" ")).replace(" ", "_")
    out = quote(text, safe=_SAFE)
    if out in {"", ".", ".."}:
        out = out.replace(".", "%2E") or "_"
    return out


def entity_iri(entity: Entity) -> URIRef:
    """The entity's IRI, from its key (each ``/``-separated part a segment)."""
    return ENT["/".join(segment(part) for part in entity.key.split("/"))]


def document_iri(doc_id: str) -> URIRef:
    """The document's IRI, which also names its graph."""
    return DOC[_document_segment(doc_id)]


def relation_iri(name: str) -> URIRef:
    """The IRI of a relation given its snake_case local name."""
    return KG[segment(name)]


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text_literal(text: str) -> Literal:
    """A string literal that every RDF syntax can carry: control characters XML
    forbids become spaces (one for one, so character offsets still hold).

    >>> text_literal("a\\x00b")
    rdflib.term.Literal('a b')
    """
    return Literal(_CONTROL.sub(" ", text))


def content_hash(text: str) -> str:
    """``sha256:<hex>`` of the document text, stored to skip unchanged documents."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _object_term(obj: Entity | Value) -> Node:
    if isinstance(obj, Entity):
        return entity_iri(obj)
    if obj.datatype:
        return Literal(obj.lexical, datatype=XSD[obj.datatype])
    return text_literal(obj.lexical)


def _statement_iri(doc_id: str, rs: ResolvedStatement, obj: Node) -> URIRef:
    s = rs.statement
    parts = [
        doc_id, str(s.sentence_start), s.subject.start, s.subject.end, s.relation, rs.relation,
        str(obj), s.rule, *[f"{a.start}:{a.end}" for a in s.objects],
    ]
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]
    return STMT[f"{_document_segment(doc_id)}/{digest}"]


def entity_quads(entity: Entity, *, iri: URIRef | None = None) -> Iterator[Quad]:
    """The entity's description, in :data:`ENTITIES_GRAPH` (``iri``: the entity's
    IRI, when the caller has made it already)."""
    g = ENTITIES_GRAPH
    if iri is None:
        iri = entity_iri(entity)
    yield iri, _TYPE, KG[segment(entity.type)], g
    yield iri, _LABEL, text_literal(entity.label), g
    for alias in sorted(entity.aliases):
        if alias != entity.label:
            yield iri, _ALT_LABEL, text_literal(alias), g
    if entity.wikidata:
        yield iri, _SAME_AS, WD[segment(entity.wikidata)], g


def _relation_quads(name: str, *, literal: bool, known: frozenset[str],
                    ontology: Ontology | None = None) -> Iterator[Quad]:
    """Declare a relation the ontology does not (a fallback name from its lemma),
    under the group the ontology gives its verb, with its verb's event class, so
    that group and event queries find it."""
    if name in known:
        return
    from kg.ontology import default_ontology

    info = (ontology or default_ontology()).relation_info(name)
    iri = relation_iri(name)
    kind = OWL.DatatypeProperty if literal else OWL.ObjectProperty
    g = RELATIONS_GRAPH
    yield iri, RDF.type, kind, g
    yield iri, RDFS.label, text_literal(info.label), g
    if not literal:
        yield iri, RDFS.subPropertyOf, KG[segment(info.group)], g
        if info.event:
            yield iri, KG.eventClass, KG[segment(info.event)], g


def document_quads(
    document: Document,
    resolved: Sequence[ResolvedStatement],
    *,
    known_relations: Iterable[str] = (),
    ontology: Ontology | None = None,
) -> list[Quad]:
    """All quads one document contributes: its own graph and the shared descriptions.

    ``known_relations`` are the relation names the ontology already declares;
    the others get a declaration in :data:`RELATIONS_GRAPH`, from ``ontology``
    (kg's own by default).
    """
    known = frozenset(known_relations)
    d = document_iri(document.id)
    quads: list[Quad] = [
        (d, RDF.type, SCHEMA.NewsArticle, d),
        (d, SCHEMA.identifier, text_literal(document.id), d),
        (d, SCHEMA.text, text_literal(document.text), d),
        (d, KG.contentHash, Literal(content_hash(document.text)), d),
    ]
    if document.title:
        quads.append((d, SCHEMA.name, text_literal(document.title), d))
    if document.date:
        quads.append((d, SCHEMA.datePublished, _date_literal(document.date), d))
    if document.url:
        url = Literal(_CONTROL.sub(" ", document.url), datatype=XSD.anyURI)
        quads.append((d, SCHEMA.url, url, d))
    if document.source:
        quads.append((d, KG.source, text_literal(document.source), d))

    entities: dict[str, Entity] = {}
    relations: dict[str, bool] = {}
    sentences: dict[str, Literal] = {}
    iris: dict[str, URIRef] = {}  # entity key → IRI: an entity recurs in many quads
    for rs in resolved:
        entities.setdefault(rs.subject.key, rs.subject)
        if isinstance(rs.object, Entity):
            entities.setdefault(rs.object.key, rs.object)
        if rs.speaker is not None:
            entities.setdefault(rs.speaker.key, rs.speaker)
        relations.setdefault(rs.relation, isinstance(rs.object, Value))
        quads.extend(_statement_quads(document, d, rs, sentences, iris))

    mentions = SCHEMA.mentions
    for entity in entities.values():
        iri = _entity_iri(entity, iris)
        quads.append((d, mentions, iri, d))
        quads.extend(entity_quads(entity, iri=iri))
    for name, literal in relations.items():
        quads.extend(_relation_quads(name, literal=literal, known=known, ontology=ontology))
    return quads


def _date_literal(value: str) -> Literal:
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        return Literal(value, datatype=XSD.date)
    return text_literal(value)


# The evidence's terms, made once: rdflib builds a new URIRef on every attribute
# access of a namespace, and a new Literal runs its datatype checks each time.
_TYPE, _STATEMENT, _SUBJECT, _PREDICATE, _OBJECT = (
    RDF.type, RDF.Statement, RDF.subject, RDF.predicate, RDF.object)
_DERIVED_FROM, _BEGIN, _END = PROV.wasDerivedFrom, NIF.beginIndex, NIF.endIndex
_SENTENCE, _SUBJECT_TEXT, _RELATION_TEXT, _OBJECT_TEXT = (
    KG.sentence, KG.subjectText, KG.relationText, KG.objectText)
_ARGUMENT, _ARGUMENT_TEXT, _ROLE, _CONFIDENCE, _RULE = (
    KG.argument, KG.argumentText, KG.role, KG.confidence, KG.rule)
_NEGATED, _ASSERTED, _MODALITY, _TENSE, _SPEAKER, _WITHHELD = (
    KG.negated, KG.asserted, KG.modality, KG.tense, KG.speaker, KG.withheld)
_BOOLEAN = {True: Literal(True), False: Literal(False)}
_LABEL, _ALT_LABEL, _SAME_AS = RDFS.label, SKOS.altLabel, OWL.sameAs


def _entity_iri(entity: Entity, iris: dict[str, URIRef]) -> URIRef:
    """:func:`entity_iri`, made once per entity key of a document (``iris``)."""
    iri = iris.get(entity.key)
    if iri is None:
        iri = iris[entity.key] = entity_iri(entity)
    return iri


@lru_cache(maxsize=4_096)
def _word_literal(text: str) -> Literal:
    """:func:`text_literal` of a short, often repeated text (rule, role, relation words)."""
    return text_literal(text)


@lru_cache(maxsize=65_536)
def _offset_literal(offset: int) -> Literal:
    return Literal(offset, datatype=XSD.nonNegativeInteger)


@lru_cache(maxsize=16_384)
def _confidence_literal(confidence: float) -> Literal:
    """An ``xsd:double`` of a confidence already rounded to 4 places (at most
    10,001 of them)."""
    return Literal(confidence, datatype=XSD.double)


def _statement_quads(document: Document, d: URIRef, rs: ResolvedStatement,
                     sentences: dict[str, Literal], iris: dict[str, URIRef]) -> Iterator[Quad]:
    s = rs.statement
    subj, pred = _entity_iri(rs.subject, iris), relation_iri(rs.relation)
    obj = _entity_iri(rs.object, iris) if isinstance(rs.object, Entity) else _object_term(
        rs.object)
    node = _statement_iri(document.id, rs, obj)
    sentence = sentences.get(s.sentence)
    if sentence is None:
        sentence = sentences[s.sentence] = text_literal(s.sentence)
    asserted = rs.asserted
    if asserted:
        yield subj, pred, obj, d
    yield node, _TYPE, _STATEMENT, d
    yield node, _SUBJECT, subj, d
    yield node, _PREDICATE, pred, d
    yield node, _OBJECT, obj, d
    yield node, _DERIVED_FROM, d, d
    yield node, _SENTENCE, sentence, d
    yield node, _BEGIN, _offset_literal(s.sentence_start), d
    yield node, _END, _offset_literal(s.sentence_end), d
    yield node, _SUBJECT_TEXT, text_literal(s.subject.text), d
    yield node, _RELATION_TEXT, _word_literal(s.relation), d
    if s.objects:
        yield node, _OBJECT_TEXT, text_literal(s.objects[0].text), d
    for index, extra in enumerate(s.objects[1:], start=2):
        arg = URIRef(f"{node}/arg{index}")
        yield node, _ARGUMENT, arg, d
        yield arg, _ARGUMENT_TEXT, text_literal(extra.text), d
        if extra.role:
            yield arg, _ROLE, _word_literal(extra.role), d
    yield node, _CONFIDENCE, _confidence_literal(round(float(s.confidence), 4)), d
    yield node, _RULE, _word_literal(s.rule), d
    yield node, _NEGATED, _BOOLEAN[bool(s.negated)], d
    withheld = rs.reason_withheld
    yield node, _ASSERTED, _BOOLEAN[withheld is None], d
    if withheld is not None:
        yield node, _WITHHELD, _word_literal(withheld), d
    if s.modality:
        yield node, _MODALITY, _word_literal(s.modality), d
    if s.tense:
        yield node, _TENSE, _word_literal(s.tense), d
    if rs.speaker is not None:
        yield node, _SPEAKER, _entity_iri(rs.speaker, iris), d
