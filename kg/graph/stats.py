"""Counts over a store: documents, statements, facts, entities, edges, entities by
type, top relations. The words mean the same in every command of kg (README,
"Words"):

documents
    the articles stored, one named graph each;
statements
    ``rdf:Statement`` nodes: one extraction whose subject (and object) resolved,
    with its evidence (sentence, offsets, confidence, speaker), negated and
    hypothetical ones included;
asserted statements
    the statements that are not negated nor hypothetical;
facts
    the distinct direct triples ``entity —relation→ entity or value`` the asserted
    statements give (one fact may rest on several statements);
entities
    the distinct entities the documents mention (subjects, objects, speakers);
edges
    the facts between two entities (a value such as a date is not an edge): the
    edges of the entity network (``kg analyze``, the exports and pictures);
connected entities
    the entities with at least one edge: the nodes of that network.

>>> from kg.store import open_store
>>> graph_stats(open_store("memory:")).documents
0
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib.term import Node

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
    facts: int = 0
    edges: int = 0
    connected: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "statements": self.statements,
            "asserted_statements": self.asserted,
            "facts": self.facts,
            "entities": self.entities,
            "edges": self.edges,
            "connected_entities": self.connected,
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


#: An asserted statement and its direct triple, in a document's graph (the same
#: pattern as :data:`kg.graph.project._FACTS_QUERY`, which builds the network).
_FACT = ("?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:asserted true . "
         "?s ?p ?o .")


def _count(store: Store, sparql: str) -> int:
    """The number a counting query gives, the store's read caches handed back
    first (:meth:`kg.store.Store.release`): each count scans much of the store,
    and what one scan left cached would add to the next one's."""
    store.release()
    rows = store.query(sparql).rows
    return int(str(rows[0][0])) if rows and rows[0][0] is not None else 0


def _quads(store: Store) -> int:
    """The store's quads, counted (a scan of one index) with its caches handed back."""
    store.release()
    return len(store)


def graph_stats(store: Store, *, top: int = 10, breakdown: bool = True) -> GraphStats:
    """Compute :class:`GraphStats` with SPARQL on the store. Without ``breakdown``
    the entities by type and the top relations are left empty (what ``kg build``'s
    summary prints has neither; their queries hold a set of the statements per
    relation, a cost that grows with the store)."""
    documents = _count(store, "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d a schema:NewsArticle }")
    statements = _count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a rdf:Statement }")
    asserted = _count(
        store, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a rdf:Statement ; kg:asserted true }"
    )
    entities = _count(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?d schema:mentions ?e }")
    facts = _count(store, f"SELECT (COUNT(*) AS ?n) {{ SELECT DISTINCT ?s ?p ?o {{ "
                          f"GRAPH ?g {{ {_FACT} }} }} }}")
    edge = f"GRAPH ?g {{ {_FACT} ?g schema:mentions ?o . }}"
    edges = _count(store, f"SELECT (COUNT(*) AS ?n) {{ SELECT DISTINCT ?s ?p ?o {{ {edge} }} }}")
    connected = _count(store, f"""SELECT (COUNT(DISTINCT ?e) AS ?n) {{
        {{ SELECT DISTINCT ?s ?o {{ {edge} }} }}
        VALUES ?end {{ 0 1 }} BIND(IF(?end = 0, ?s, ?o) AS ?e) }}""")
    by_type: tuple[tuple[Node | None, ...], ...] = ()
    relations: tuple[tuple[Node | None, ...], ...] = ()
    if breakdown:
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
        quads=_quads(store),
        facts=facts,
        edges=edges,
        connected=connected,
        entities_by_type=tuple((local_name(t), int(str(n))) for t, n in by_type),
        top_relations=tuple((local_name(p), int(str(n))) for p, n in relations),
    )
