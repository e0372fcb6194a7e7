"""How two entities are connected, and what surrounds one: paths and neighbourhoods
with the sentences that justify each hop.

Names are matched against entity labels and aliases (``skos:altLabel``),
case-insensitively; an entity IRI is accepted as well. Where no label or alias
equals the name, a label or alias that contains it as a word is accepted.

>>> from kg.store import open_store
>>> shortest_paths(open_store("memory:"), "Putin", "Xi Jinping")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.errors.ConfigError: no entity is called 'Putin' (check the spelling, ...)
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import networkx as nx
from rdflib import Literal, URIRef

from kg.errors import ConfigError
from kg.graph.project import (
    Evidence,
    RelationInfo,
    _document_term,
    _documents,
    _in_range,
    _iso,
    _relation,
    _relation_filter,
    entity_info,
    event_concepts,
    facts,
    group_name,
    relation_info,
    select,
    to_networkx,
)
from kg.graph.stats import local_name
from kg.rdf import ENTITIES_GRAPH
from kg.store import Store
from kg.suggest import closest

__all__ = [
    "GraphPath",
    "Hop",
    "HopRelation",
    "find_entities",
    "neighbors",
    "shortest_paths",
]


def find_entities(store: Store, name: str) -> list[str]:
    """The IRIs of the entities whose label or alias is ``name`` (case-insensitive);
    failing that, those whose label or alias contains ``name`` as a whole word.

    >>> from kg.store import open_store
    >>> find_entities(open_store("memory:"), "Russia")
    []
    """
    text = name.strip()
    if not text:
        return []
    if text.startswith(("http://", "https://")):
        found = store.query(
            "ASK { GRAPH ?eg { ?e rdfs:label ?l } }",
            bindings={"e": _iri(text), "eg": ENTITIES_GRAPH},
        )
        return [text] if found.boolean else []
    rows = store.query(
        """SELECT DISTINCT ?eg ?name ?e ?l {
             GRAPH ?eg { ?e rdfs:label|skos:altLabel ?l }
             FILTER(CONTAINS(LCASE(STR(?l)), LCASE(STR(?name))))
           }""",
        bindings={"eg": ENTITIES_GRAPH, "name": Literal(text)},
    ).rows
    wanted = text.casefold()
    exact = sorted({str(e) for _g, _n, e, label in rows if str(label).casefold() == wanted})
    if exact:
        return exact
    word = re.compile(r"(?<!\w)" + re.escape(wanted) + r"(?!\w)")
    return sorted({str(e) for _g, _n, e, label in rows if word.search(str(label).casefold())})


def _iri(text: str) -> URIRef:
    return URIRef(text)


def _resolve(store: Store, name: str) -> list[str]:
    found = find_entities(store, name)
    if not found:
        near = closest(name.strip(), entity_names(store), n=3, cutoff=0.7)
        listing = ("list the entities with: kg query "
                   "'SELECT ?e ?label { ?e a ?type ; rdfs:label ?label }'")
        raise ConfigError(
            f"no entity is called {name!r}",
            hint=(f"did you mean {' or '.join(repr(n) for n in near)}? " if near else
                  "check the spelling, or ") + listing,
        )
    return found


def entity_names(store: Store) -> set[str]:
    """Every label and alias of the entities (not of the relations declared beside
    them), for "did you mean"."""
    rows = store.query(
        """SELECT DISTINCT ?l { GRAPH ?eg { ?e rdfs:label|skos:altLabel ?l
                                  FILTER NOT EXISTS { ?e a owl:ObjectProperty }
                                  FILTER NOT EXISTS { ?e a owl:DatatypeProperty } } }""",
        bindings={"eg": ENTITIES_GRAPH},
    ).rows
    return {str(label) for label, in rows if label is not None}


@dataclass(frozen=True)
class HopRelation:
    """One relation between the two ends of a hop, in the direction it was stated."""

    subject: str
    relation: str
    object: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Hop:
    """One step of a path: ``source`` to ``target`` (IRIs, with labels), and every
    relation stated between them (either direction) with its sentences."""

    source: str
    source_label: str
    target: str
    target_label: str
    relations: tuple[HopRelation, ...]

    def sentences(self) -> list[str]:
        """The distinct justifying sentences, earliest first."""
        seen: dict[str, None] = {}
        for rel in self.relations:
            for e in rel.evidence:
                seen.setdefault(e.sentence, None)
        return list(seen)

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "source_label": self.source_label,
            "target": self.target,
            "target_label": self.target_label,
            "relations": [
                {
                    "subject": r.subject,
                    "relation": r.relation,
                    "object": r.object,
                    "direction": "forward" if r.subject == self.source else "backward",
                    "evidence": [
                        {"sentence": e.sentence, "document": e.document, "date": e.date,
                         "confidence": e.confidence}
                        for e in r.evidence
                    ],
                }
                for r in self.relations
            ],
        }


@dataclass(frozen=True)
class GraphPath:
    """A shortest path: its hops in order."""

    hops: tuple[Hop, ...] = field(default=())

    @property
    def nodes(self) -> list[str]:
        if not self.hops:
            return []
        return [self.hops[0].source, *(h.target for h in self.hops)]

    @property
    def labels(self) -> list[str]:
        if not self.hops:
            return []
        return [self.hops[0].source_label, *(h.target_label for h in self.hops)]

    def to_dict(self) -> dict[str, object]:
        return {"nodes": self.nodes, "labels": self.labels,
                "hops": [h.to_dict() for h in self.hops]}


def shortest_paths(
    store: Store,
    a: str,
    b: str,
    *,
    max_paths: int = 5,
    directed: bool = False,
    relations: Iterable[str] | str | None = None,
    group: str | None = None,
    event: str | None = None,
    document: str | None = None,
    since: str | _dt.date | None = None,
    until: str | _dt.date | None = None,
) -> list[GraphPath]:
    """The shortest paths from the entity named ``a`` to the one named ``b`` (at most
    ``max_paths``), each hop with the relations and the sentences that justify it.

    Direction is ignored unless ``directed``; an empty list means no path. A name
    that matches several entities tries them all and keeps the shortest paths.
    ``relations``, ``group``, ``event`` and the document filters are those of
    :func:`kg.graph.to_networkx` (``event="CooperationEvent"``: only cooperation).

    >>> paths = shortest_paths(store, "Putin", "Xi Jinping")      # doctest: +SKIP
    >>> paths[0].hops[0].sentences()                              # doctest: +SKIP
    ['Putin met Xi Jinping in Beijing.']
    """
    sources, targets = _resolve(store, a), _resolve(store, b)
    rel_info = relation_info(store)
    concepts = event_concepts(store, event) if event else None
    wanted = _wanted_relations(relations, group, rel_info, concepts)
    H = _adjacency(store, rel_info, wanted, directed=directed, document=document,
                   since=since, until=until)
    best: list[list[str]] = []
    for s, t in itertools.product(sources, targets):
        if s == t or s not in H or t not in H:
            continue
        try:
            found = list(itertools.islice(nx.all_shortest_paths(H, s, t), max_paths))
        except nx.NetworkXNoPath:
            continue
        if not best or len(found[0]) < len(best[0]):
            best = found
        elif len(found[0]) == len(best[0]):
            best.extend(found)
    best = sorted(best)[:max_paths]
    labels = _labels(store, {n for path in best for n in path})
    steps = {(u, v) for path in best for u, v in itertools.pairwise(path)}
    asked = steps if directed else steps | {(v, u) for u, v in steps}
    evidence: dict[tuple[str, str], dict[str, list[Evidence]]] = {}
    for fact in facts(store, pairs=asked, document=document, since=since, until=until):
        name = _relation(fact.relation, rel_info).name
        if wanted is not None and name not in wanted:
            continue
        evidence.setdefault((fact.subject, fact.object), {}).setdefault(name, []).append(
            fact.evidence)

    def hop(u: str, v: str) -> Hop:
        found: list[HopRelation] = []
        for s, o in ([(u, v)] if directed else [(u, v), (v, u)]):
            for name, items in sorted(evidence.get((s, o), {}).items()):
                found.append(HopRelation(s, name, o,
                                         tuple(sorted(items, key=Evidence.sort_key))))
        return Hop(u, labels[u], v, labels[v], tuple(found))

    return [GraphPath(tuple(hop(u, v) for u, v in itertools.pairwise(path))) for path in best]


_PAIRS_QUERY = """
SELECT ?g ?s ?p ?o WHERE {
  GRAPH ?g {
    ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:asserted true .
    ?s ?p ?o .
    ?g schema:mentions ?o .
  }
}"""


def _adjacency(store: Store, rel_info: Mapping[str, RelationInfo], wanted: set[str] | None,
               *, directed: bool, document: str | None, since: str | _dt.date | None,
               until: str | _dt.date | None) -> nx.Graph:
    """Who is related to whom (no evidence, no attributes): the lean projection that
    path finding needs, several times faster than :func:`to_networkx`."""
    start, end = _iso(since, "since"), _iso(until, "until")
    bindings = {"g": _document_term(document)} if document is not None else None
    documents = _documents(store, document) if (start or end) else {}
    names: dict[str, str] = {}
    G: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    for g, s, p, o in select(store, _PAIRS_QUERY, bindings):
        if g is None or s is None or p is None or o is None or s == o:
            continue
        if (start or end) and not _in_range(documents.get(g, ("", ""))[1], start, end):
            continue
        if wanted is not None:
            name = names.get(p)
            if name is None:
                name = names[p] = _relation(p, rel_info).name
            if name not in wanted:
                continue
        G.add_edge(s, o)
    return G


def _labels(store: Store, iris: Iterable[str]) -> dict[str, str]:
    """The labels of a few entities (the IRI's last segment where none is stored)."""
    labels: dict[str, str] = {}
    for iri in sorted(iris):
        rows = select(store, "SELECT ?eg ?e ?l { GRAPH ?eg { ?e rdfs:label ?l } }",
                      {"eg": ENTITIES_GRAPH, "e": URIRef(iri)})
        found = sorted(label for _g, _e, label in rows if label is not None)
        labels[iri] = found[0] if found else local_name(iri).replace("_", " ")
    return labels


def _wanted_relations(relations: Iterable[str] | str | None, group: str | None,
                      rel_info: Mapping[str, RelationInfo],
                      concepts: frozenset[str] | None = None) -> set[str] | None:
    """The relation names the filters keep (``None``: all)."""
    names = _relation_filter(relations)
    if group:
        members = {i.name for i in rel_info.values() if i.group == group_name(group)}
        names = members if names is None else names & members
    if concepts is not None:
        members = {i.name for i in rel_info.values() if i.concepts & concepts}
        names = members if names is None else names & members
    return names


def neighbors(
    store: Store,
    x: str,
    *,
    depth: int = 1,
    kind: str = "multidigraph",
    relations: Iterable[str] | str | None = None,
    types: Iterable[str] | str | None = None,
    group: str | None = None,
    event: str | None = None,
    document: str | None = None,
    since: str | _dt.date | None = None,
    until: str | _dt.date | None = None,
    min_weight: int = 1,
) -> nx.Graph:
    """The subgraph of the entities within ``depth`` hops of the entity named ``x``
    (direction ignored), with every edge among them. Each node gets a ``depth``
    attribute (0 for ``x`` itself); the centre's IRIs are in ``graph["center"]``.
    The filters (``group``, ``event``...) are those of :func:`kg.graph.to_networkx`.

    >>> from kg.store import open_store
    >>> neighbors(open_store("memory:"), "Russia")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.ConfigError: no entity is called 'Russia' (check the spelling, ...)
    """
    if depth < 0:
        raise ConfigError("depth must be 0 or more")
    centers = _resolve(store, x)
    G = to_networkx(store, kind=kind, relations=relations, types=types, group=group,
                    event=event, document=document, since=since, until=until, min_weight=min_weight)
    U = G.to_undirected(as_view=True)
    distance: dict[str, int] = {}
    for c in centers:
        if c not in G:
            G.add_node(c)  # an entity with no edge still answers with itself
            U = G.to_undirected(as_view=True)
        for node, d in nx.single_source_shortest_path_length(U, c, cutoff=depth).items():
            if node not in distance or d < distance[node]:
                distance[node] = d
    H = G.subgraph(distance).copy()
    for node, d in distance.items():
        H.nodes[node]["depth"] = d
    if any("label" not in H.nodes[c] for c in centers):
        info = entity_info(store)
        for c in centers:
            if "label" not in H.nodes[c] and c in info:
                H.nodes[c].update(label=info[c].label, type=info[c].type)
    H.graph["center"] = " ".join(centers)
    return H
