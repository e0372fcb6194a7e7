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

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypedDict

from rdflib import URIRef
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
    return _count_rows(store, sparql)


def _quads(store: Store) -> int:
    """The store's quads, counted (a scan of one index) with its caches handed back."""
    store.release()
    return len(store)


#: Named graphs the paged counts read between two releases of the store
#: (:func:`_paged_counts`): each page's reads fill the engine's caches with that
#: page's blocks only, so the summary of a store ten times larger holds no more.
GRAPHS_PER_PAGE = 50


class Counts(TypedDict):
    """The counts of :class:`GraphStats` that are not the breakdown."""

    documents: int
    statements: int
    asserted: int
    entities: int
    facts: int
    edges: int
    connected: int
    quads: int


def graph_stats(store: Store, *, top: int = 10, breakdown: bool = True) -> GraphStats:
    """Compute :class:`GraphStats` on the store. Without ``breakdown`` the entities
    by type and the top relations are left empty (what ``kg build``'s summary
    prints has neither; their queries hold a set of the statements per relation, a
    cost that grows with the store).

    A store whose :meth:`~kg.store.Store.release` hands memory back (an Oxigraph
    store on disk, as ``kg build`` has) is counted a page of named graphs at a
    time (:func:`_paged_counts`), with the same numbers as the whole-store
    queries (:func:`_sparql_counts`) that other stores answer."""
    counts = _paged_counts(store) if store.releases else None
    if counts is None:
        counts = _sparql_counts(store)
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
        **counts,
        entities_by_type=tuple((local_name(t), int(str(n))) for t, n in by_type),
        top_relations=tuple((local_name(p), int(str(n))) for p, n in relations),
    )


def _sparql_counts(store: Store) -> Counts:
    """The counts, each one query over the whole store (any backend)."""
    edge = f"GRAPH ?g {{ {_FACT} ?g schema:mentions ?o . }}"
    return {
        "documents": _count(
            store, "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d a schema:NewsArticle }"),
        "statements": _count(
            store, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a rdf:Statement }"),
        "asserted": _count(
            store, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a rdf:Statement ; kg:asserted true }"),
        "entities": _count(
            store, "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?d schema:mentions ?e }"),
        "facts": _count(store, f"SELECT (COUNT(*) AS ?n) {{ SELECT DISTINCT ?s ?p ?o {{ "
                               f"GRAPH ?g {{ {_FACT} }} }} }}"),
        "edges": _count(
            store, f"SELECT (COUNT(*) AS ?n) {{ SELECT DISTINCT ?s ?p ?o {{ {edge} }} }}"),
        "connected": _count(store, f"""SELECT (COUNT(DISTINCT ?e) AS ?n) {{
            {{ SELECT DISTINCT ?s ?o {{ {edge} }} }}
            VALUES ?end {{ 0 1 }} BIND(IF(?end = 0, ?s, ?o) AS ?e) }}"""),
        "quads": _quads(store),
    }


#: Subjects typed in one graph each are counted; those typed in several (none in
#: what kg builds) are kept, to be counted once (:func:`_paged_counts`).
_SPREAD = "BIND(EXISTS {{ GRAPH ?h {{ {pattern} }} FILTER(?h != ?g) }} AS ?spread)"


def _paged_counts(store: Store, size: int = GRAPHS_PER_PAGE) -> Counts | None:
    """The counts of :func:`_sparql_counts`, the same numbers, read ``size``
    named graphs at a time with the store released between pages; ``None`` where
    the store's default graph holds quads or a graph is named by a blank node
    (kg writes neither): those are left to :func:`_sparql_counts`.

    Whole-store queries fill the engine's caches with every block they read (a
    join of the statements: as much as the cache holds, about 32 MB) and hold a
    set of every distinct statement and document, both growing with the store.
    Here each page reads its graphs' blocks only; a subject typed in one graph is
    counted in its page, only those typed in several graphs are kept (the same
    subject twice is still one); the facts, edges and entities are kept, a set
    that grows with the distinct facts and entities, not with the documents that
    repeat them."""
    if store.query("ASK { ?s ?p ?o }", union=False).boolean:
        return None
    totals = dict.fromkeys(("documents", "statements", "asserted", "quads"), 0)
    spread: dict[str, set[Node]] = {name: set() for name in totals}
    facts: set[tuple[Node, Node, Node]] = set()
    edges: set[tuple[Node, Node, Node]] = set()
    entities: set[Node] = set()
    subjects = {
        "documents": ("?s a schema:NewsArticle", ""),
        "statements": ("?s a rdf:Statement", ""),
        "asserted": ("?s kg:asserted true", "FILTER EXISTS { ?s a rdf:Statement }"),
    }
    for values in _graph_pages(store, size):
        if values is None:
            return None
        totals["quads"] += _count_rows(
            store, f"SELECT (COUNT(*) AS ?n) {{ {values} GRAPH ?g {{ ?s ?p ?o }} }}")
        for name, (pattern, condition) in subjects.items():
            totals[name] += _subjects_in_page(store, values, pattern, condition, spread[name])
        for s, p, o, edge in store.query(
                f"SELECT DISTINCT ?s ?p ?o ?edge {{ {values} GRAPH ?g {{ {_FACT} }} "
                f"BIND(EXISTS {{ GRAPH ?g {{ ?g schema:mentions ?o }} }} AS ?edge) }}").rows:
            if s is not None and p is not None and o is not None:
                facts.add((s, p, o))
                if str(edge) == "true":
                    edges.add((s, p, o))
        entities.update(e for (e,) in store.query(
            f"SELECT DISTINCT ?e {{ {values} GRAPH ?g {{ ?d schema:mentions ?e }} }}").rows
            if e is not None)
    store.release()
    return Counts(
        documents=totals["documents"] + len(spread["documents"]),
        statements=totals["statements"] + len(spread["statements"]),
        asserted=totals["asserted"] + len(spread["asserted"]),
        entities=len(entities),
        facts=len(facts),
        edges=len(edges),
        connected=len({s for s, _p, _o in edges} | {o for _s, _p, o in edges}),
        quads=totals["quads"],
    )


def _graph_pages(store: Store, size: int) -> Iterator[str | None]:
    """The store's named graphs, ``size`` at a time, each page a ``VALUES ?g``
    block, the store released before each (``None``: a graph named by a blank
    node, which VALUES cannot hold). The pages follow the store's own order of
    its graphs, the same for every query while the store does not change."""
    from kg.store.remote import sparql_term

    offset = 0
    while True:
        store.release()
        names = [row[0] for row in store.query(
            f"SELECT ?g {{ GRAPH ?g {{ }} }} LIMIT {int(size)} OFFSET {offset}").rows]
        if any(not isinstance(name, URIRef) for name in names):
            yield None
            return
        if names:
            yield "VALUES ?g { " + " ".join(sparql_term(n) for n in names if n) + " }"
        if len(names) < size:
            return
        offset += size


def _subjects_in_page(store: Store, values: str, pattern: str, condition: str,
                      spread: set[Node]) -> int:
    """The subjects of ``pattern`` (on ``?s``) in the page's graphs that meet
    ``condition`` and fit the pattern in no other graph; those that do are added
    to ``spread`` instead (to be counted once, however many pages hold them)."""
    where = f"{values} GRAPH ?g {{ {pattern} }} {condition} {_SPREAD.format(pattern=pattern)}"
    rows = store.query(f"SELECT (COUNT(*) AS ?n) (SUM(IF(?spread, 1, 0)) AS ?m) {{ {where} }}").rows
    total, shared = (int(str(term)) if term is not None else 0 for term in rows[0])
    if shared:
        spread.update(s for (s,) in store.query(
            f"SELECT DISTINCT ?s {{ {where} FILTER(?spread) }}").rows if s is not None)
    return total - shared


def _count_rows(store: Store, sparql: str) -> int:
    """The number a counting query gives (no release: the page's reads go on)."""
    rows = store.query(sparql).rows
    return int(str(rows[0][0])) if rows and rows[0][0] is not None else 0
