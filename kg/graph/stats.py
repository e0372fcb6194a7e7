"""Counts over a store: documents, statements, entities by type, top relations.

>>> from kg.store import open_store
>>> graph_stats(open_store("memory:")).documents
0
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.store import Store

__all__ = ["GraphStats", "graph_stats", "local_name"]


@dataclass(frozen=True)
class GraphStats:
    """What ``kg stats`` prints."""

    documents: int
    statements: int
    asserted: int
    entities: int
    quads: int
    entities_by_type: tuple[tuple[str, int], ...]
    top_relations: tuple[tuple[str, int], ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "statements": self.statements,
            "asserted_statements": self.asserted,
            "entities": self.entities,
            "quads": self.quads,
            "entities_by_type": dict(self.entities_by_type),
            "top_relations": dict(self.top_relations),
        }


def local_name(iri: object) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name("http://kg.example.org/ontology#cooperates_with")
    'cooperates_with'
    """
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rstrip("/").rsplit("/", 1)[-1]


def _count(store: Store, sparql: str) -> int:
    rows = store.query(sparql).rows
    return int(str(rows[0][0])) if rows and rows[0][0] is not None else 0


def graph_stats(store: Store, *, top: int = 10) -> GraphStats:
    """Compute :class:`GraphStats` with SPARQL on the store."""
    documents = _count(store, "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d a schema:NewsArticle }")
    statements = _count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a rdf:Statement }")
    asserted = _count(
        store, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a rdf:Statement ; kg:asserted true }"
    )
    entities = _count(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?d schema:mentions ?e }")
    by_type = store.query(
        """SELECT ?type (COUNT(DISTINCT ?e) AS ?n)
           { ?d schema:mentions ?e . ?e a ?type }
           GROUP BY ?type ORDER BY DESC(?n) ?type"""
    ).rows
    relations = store.query(
        f"""SELECT ?p (COUNT(DISTINCT ?s) AS ?n)
            {{ ?s a rdf:Statement ; rdf:predicate ?p }}
            GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT {int(top)}"""
    ).rows
    return GraphStats(
        documents=documents,
        statements=statements,
        asserted=asserted,
        entities=entities,
        quads=len(store),
        entities_by_type=tuple((local_name(t), int(str(n))) for t, n in by_type),
        top_relations=tuple((local_name(p), int(str(n))) for p, n in relations),
    )
