"""People named by surname only, linked across documents once the build is done.

A document that says "Mr Howard" but never "Michael Howard" cannot tell, alone, who
Mr Howard is; nor can the first documents of a stream know the names that later
ones give. So the resolver gives such a bare surname a key scoped to its document,
``person/Howard/<digest of the text>`` (:func:`scoped_person_key`): two documents'
Mr Smiths never merge by accident. After a build, :func:`link_surnames` looks at
every person the store knows: a scoped surname whose surname ends exactly one full
name of a person (two words or more, the same type) is rewritten to that person's
IRI in every graph, and its label becomes an alias. Two people with that surname
(Tony Blair and Ian Blair), or none, leave it alone: no link is better than a wrong
one; unless one of them is far the more prominent in the store (named in five times
as many documents as the others together, and in five at least).

The decision depends only on what the store holds when the build ends, not on the
order in which documents arrived, so a build killed and run again, or run on
several workers, gives the same graph as one clean run.

>>> scoped_person_key("Howard", document_scope("Mr Howard said..."))
'person/Howard/6f83570c84'
>>> surname_of("http://kg.example.org/entity/person/Howard/6f83570c84")
'Howard'
>>> surname_of("http://kg.example.org/entity/person/Michael_Howard") is None
True
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING
from urllib.parse import unquote

from rdflib import URIRef
from rdflib.term import Node

from kg.namespaces import ENT, ENTITIES_GRAPH, KG, RDF, RDFS, SKOS
from kg.resolve.gazetteer import normalize

if TYPE_CHECKING:  # the store is a later stage: only its interface is used here
    from kg.store import Store

Quad = tuple[Node, Node, Node, URIRef]

__all__ = ["PROMINENCE", "PROMINENT_DOCUMENTS", "document_scope", "link_surnames",
           "scoped_person_key", "surname_links", "surname_of"]

#: A full name that stands for a bare surname it shares with others must be named in
#: this many documents at least ...
PROMINENT_DOCUMENTS = 5
#: ... and this many times as many as the others together.
PROMINENCE = 5
_COUNTS = """
SELECT ?e (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?g schema:mentions ?e } } GROUP BY ?e"""
_SCOPED = re.compile(re.escape(str(ENT)) + r"person/([^/]+)/([0-9a-f]{10})$")
_PERSONS = """
SELECT ?e ?label ?g ?type { GRAPH ?g { ?e a ?type ; rdfs:label ?label } }"""
_MENTIONED_IN = """
SELECT DISTINCT ?g ?e { GRAPH ?g { ?g schema:mentions ?e } }"""
_GRAPH = """
SELECT ?s ?p ?o ?g { GRAPH ?g { ?s ?p ?o } }"""


def document_scope(text: str) -> str:
    """A digest of a document's text (10 hex digits) that scopes its bare surnames."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def scoped_person_key(name: str, scope: str) -> str:
    """The entity key of a person ``name``d by one word in the document ``scope``."""
    return f"person/{name}/{scope}"


def surname_of(iri: str) -> str | None:
    """The name of a scoped bare-surname person IRI, ``None`` for any other IRI."""
    match = _SCOPED.match(iri)
    return unquote(match.group(1)).replace("_", " ") if match else None


def surname_links(people: Iterable[tuple[str, str]], *,
                  documents: Mapping[str, int] | None = None) -> dict[str, str]:
    """Scoped surname IRI → the one full-name person IRI it stands for, from the
    ``(iri, label)`` of every person.

    Two full names with the surname leave it alone, unless ``documents`` (person
    IRI → how many documents mention them) shows one of them to be far the more
    prominent: named in at least :data:`PROMINENT_DOCUMENTS` documents and
    :data:`PROMINENCE` times as many as all the others together (the "Mr Blair" of
    a year of British politics is Tony Blair, not Sir Ian Blair).

    >>> links = surname_links([(ENT + "person/Tony_Blair", "Tony Blair"),
    ...                        (ENT + "person/Blair/0123456789", "Blair"),
    ...                        (ENT + "person/Kelly/0123456789", "Kelly"),
    ...                        (ENT + "person/Ruth_Kelly", "Ruth Kelly"),
    ...                        (ENT + "person/Ms_Kelly_Holmes", "Kelly Holmes"),
    ...                        (ENT + "person/Brown/0123456789", "Brown"),
    ...                        (ENT + "person/Gordon_Brown", "Gordon Brown"),
    ...                        (ENT + "person/Nick_Brown", "Nick Brown")])
    >>> for old, new in sorted(links.items()):
    ...     print(old[len(ENT):], "->", new[len(ENT):])
    person/Blair/0123456789 -> person/Tony_Blair
    person/Kelly/0123456789 -> person/Ruth_Kelly
    >>> gordon, nick = ENT + "person/Gordon_Brown", ENT + "person/Nick_Brown"
    >>> surname_links([(gordon, "Gordon Brown"), (nick, "Nick Brown"),
    ...                (ENT + "person/Brown/0123456789", "Brown")],
    ...               documents={gordon: 40, nick: 2})[ENT + "person/Brown/0123456789"] == gordon
    True
    """
    full: dict[str, set[str]] = {}
    scoped: list[tuple[str, str]] = []
    for iri, label in people:
        if surname_of(iri) is not None:
            scoped.append((iri, normalize(label)))
        elif len(label.split()) >= 2:
            full.setdefault(normalize(label.split()[-1]), set()).add(iri)
    links: dict[str, str] = {}
    for iri, surname in sorted(scoped):
        candidates = full.get(surname, set())
        if len(candidates) == 1:
            links[iri] = next(iter(candidates))
        elif len(candidates) > 1 and documents:
            ranked = sorted(candidates, key=lambda c: (-documents.get(c, 0), c))
            top = documents.get(ranked[0], 0)
            rest = sum(documents.get(c, 0) for c in ranked[1:])
            if top >= PROMINENT_DOCUMENTS and top >= PROMINENCE * max(rest, 1):
                links[iri] = ranked[0]
    return links


def _rename(term: Node, links: Mapping[str, str]) -> Node:
    if isinstance(term, URIRef):
        target = links.get(str(term))
        if target is not None:
            return URIRef(target)
    return term


def link_surnames(store: Store) -> int:
    """Link the scoped bare surnames of ``store`` (a :class:`kg.store.Store`) to the
    one full name each stands for, in every graph; return how many were linked.

    Each document graph is rewritten in one transaction, and the shared entity
    descriptions last, so that a run interrupted half-way is finished by the next."""
    rows = store.query(_PERSONS, bindings={"g": ENTITIES_GRAPH, "type": KG.Person},
                       union=False).rows
    counts = {str(e): int(str(n)) for e, n in store.query(_COUNTS, union=False).rows
              if e is not None and n is not None}
    links = surname_links(((str(row[0]), str(row[1])) for row in rows), documents=counts)
    if not links:
        return 0
    graphs: set[URIRef] = set()
    for old in links:
        for graph, _ in store.query(_MENTIONED_IN, bindings={"e": URIRef(old)},
                                    union=False).rows:
            if isinstance(graph, URIRef):
                graphs.add(graph)
    for graph in sorted(graphs, key=str):
        quads = [(_rename(s, links), p, _rename(o, links), graph)
                 for s, p, o in _triples(store, graph)]
        store.replace_graph(graph, _unique(quads))
    entities: list[Quad] = []
    for s, p, o in _triples(store, ENTITIES_GRAPH):
        target = links.get(str(s))
        if target is None:
            entities.append((s, p, _rename(o, links), ENTITIES_GRAPH))
        elif p in {RDFS.label, SKOS.altLabel}:
            entities.append((URIRef(target), SKOS.altLabel, o, ENTITIES_GRAPH))
        elif p != RDF.type:
            entities.append((URIRef(target), p, _rename(o, links), ENTITIES_GRAPH))
    store.replace_graph(ENTITIES_GRAPH, _unique(entities))
    return len(links)


def _triples(store: Store, graph: URIRef) -> Iterator[tuple[Node, Node, Node]]:
    for s, p, o, _ in store.query(_GRAPH, bindings={"g": graph}, union=False).rows:
        if s is not None and p is not None and o is not None:
            yield s, p, o


def _unique(quads: list[Quad]) -> list[Quad]:
    return list(dict.fromkeys(quads))  # first occurrences, in order

