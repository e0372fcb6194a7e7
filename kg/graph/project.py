"""The RDF graph projected onto networkx: entities as nodes, relations as edges.

Only asserted direct triples between two entities become edges; the
``rdf:Statement`` nodes behind each triple (``kg:asserted true``) give the
evidence: how many statements support it (the edge ``weight``), the first
sentence that said it, the document it came from and the best confidence.

Node ids are the entity IRIs (strings). Node attributes: ``label``, ``type``
(ontology class local name), ``wikidata`` (a Q-id, when known), ``aliases``
(``"; "``-joined), ``mentions`` (statements the entity takes part in) and
``documents`` (documents that mention it). Missing values are left out rather
than set to ``None``, so every attribute is a GraphML-safe type.

Edges carry the relation's group and, where the ontology classifies it, its
CAMEO-style event category (``event``) and quad class (``quad``); ``event=``
keeps one event class (``CooperationEvent``, ``MaterialConflict``, ``Fight``...).

>>> from kg.store import open_store
>>> G = to_networkx(open_store("memory:"))
>>> G.number_of_nodes(), G.is_directed()
(0, True)
"""

from __future__ import annotations

import datetime as _dt
import io
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
from rdflib import URIRef
from rdflib.term import Node

from kg.errors import ConfigError
from kg.graph.stats import local_name
from kg.namespaces import KG
from kg.rdf import ENTITIES_GRAPH, document_iri
from kg.store import Store
from kg.suggest import unknown

__all__ = [
    "GROUPS",
    "KINDS",
    "Evidence",
    "Fact",
    "entity_info",
    "event_concepts",
    "facts",
    "group_name",
    "relation_info",
    "select",
    "to_networkx",
]

#: Accepted ``kind`` values and their canonical names.
KINDS: dict[str, str] = {
    "multidigraph": "multidigraph",
    "multi": "multidigraph",
    "digraph": "digraph",
    "directed": "digraph",
    "graph": "graph",
    "undirected": "graph",
}

#: The relation groups kg's ontology declares under its root relation (the two
#: that matter most for news networks first).
GROUPS = ("cooperation", "conflict", "communication", "movement", "economic",
          "affiliation", "location")

@dataclass(frozen=True, slots=True)
class Evidence:
    """One asserted statement behind an edge."""

    sentence: str
    document: str
    date: str
    begin: int
    confidence: float

    def sort_key(self) -> tuple[str, str, int]:
        """Earliest first: dated documents by date, then document id, then offset."""
        return (self.date or "9999", self.document, self.begin)


@dataclass(frozen=True, slots=True)
class Fact:
    """An asserted triple ``subject —relation→ object`` (IRIs) with one statement's evidence."""

    subject: str
    relation: str
    object: str
    evidence: Evidence


#: Every asserted entity-to-entity statement with its evidence. The evidence
#: properties are required (kg's RDF contract gives every statement node all
#: three): OPTIONAL or FILTER here would stop Oxigraph from starting with the
#: bound subject and object when ``facts`` pins them.
_FACTS_QUERY = """
SELECT ?g ?s ?p ?o ?sentence ?begin ?conf WHERE {
  GRAPH ?g {
    ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:asserted true ;
        kg:sentence ?sentence ; nif:beginIndex ?begin ; kg:confidence ?conf .
    ?s ?p ?o .
    ?g schema:mentions ?o .
  }
}"""

_DOCUMENTS_QUERY = """
SELECT ?g ?id ?date WHERE {
  GRAPH ?g {
    ?g a schema:NewsArticle .
    OPTIONAL { ?g schema:identifier ?id }
    OPTIONAL { ?g schema:datePublished ?date }
  }
}"""


def select(store: Store, sparql: str, bindings: Mapping[str, Node] | None = None
           ) -> list[tuple[str | None, ...]]:
    """SELECT rows as plain strings (IRIs and lexical forms; ``None`` when unbound).

    Reads the SPARQL JSON results the store serialises, which is several times
    faster than building rdflib terms for large answers. A variable in
    ``bindings`` must be in the SELECT clause.

    >>> from kg.store import open_store
    >>> select(open_store("memory:"), "SELECT ?x { BIND(<http://e/x> AS ?x) }")
    [('http://e/x',)]
    """
    buffer = io.BytesIO()
    store.query_to(buffer, sparql, "json", bindings=bindings or None)
    data = json.loads(buffer.getvalue())
    names = data["head"]["vars"]
    rows: list[tuple[str | None, ...]] = []
    for binding in data["results"]["bindings"]:
        rows.append(tuple(binding[v]["value"] if v in binding else None for v in names))
    return rows


def _documents(store: Store, document: str | None) -> dict[str, tuple[str, str]]:
    """Document graph IRI → (document id, date ``YYYY-MM-DD`` or "")."""
    bindings = {"g": _document_term(document)} if document is not None else None
    found: dict[str, tuple[str, str]] = {}
    for g, doc_id, date in select(store, _DOCUMENTS_QUERY, bindings):
        if g is not None:
            found[g] = (doc_id or local_name(g), (date or "")[:10])
    return found


def _in_range(day: str, start: str | None, end: str | None) -> bool:
    if not (start or end):
        return True
    if not day:
        return False
    return not ((start and day < start) or (end and day > end))


def _iso(value: str | _dt.date | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()[:10]
    text = str(value).strip()
    try:
        _dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ConfigError(f"{name} {text!r} is not a date",
                          hint="give it as YYYY-MM-DD") from None
    return text[:10]


def _document_term(document: str) -> URIRef:
    if document.startswith(("http://", "https://", "urn:")):
        return URIRef(document)
    return document_iri(document)


def facts(
    store: Store,
    *,
    document: str | None = None,
    since: str | _dt.date | None = None,
    until: str | _dt.date | None = None,
    subject: str | None = None,
    object: str | None = None,
    pairs: Iterable[tuple[str, str]] | None = None,
) -> list[Fact]:
    """Every asserted entity-to-entity triple with the evidence of each statement.

    ``document`` is a document id (or its IRI); ``since``/``until`` bound the
    document date (inclusive; undated documents are left out when either is
    given); ``subject``/``object`` pin an end of the triple (entity IRIs);
    ``pairs`` keeps only these (subject, object) pairs, in one query.

    >>> from kg.store import open_store
    >>> facts(open_store("memory:"))
    []
    """
    start, end = _iso(since, "since"), _iso(until, "until")
    bindings: dict[str, Node] = {}
    if document is not None:
        bindings["g"] = _document_term(document)
    if subject is not None:
        bindings["s"] = URIRef(subject)
    if object is not None:
        bindings["o"] = URIRef(object)
    query = _FACTS_QUERY
    if pairs is not None:
        rows = " ".join(f"({_iri_text(s)} {_iri_text(o)})" for s, o in sorted(set(pairs)))
        if not rows:
            return []
        query = query.replace("WHERE {", "WHERE {\n  VALUES (?s ?o) { " + rows + " }", 1)
    documents = _documents(store, document)
    out: list[Fact] = []
    for g, s, p, o, sentence, begin, conf in select(store, query, bindings):
        if g is None or s is None or p is None or o is None:
            continue
        doc_id, day = documents.get(g, (local_name(g), ""))
        if not _in_range(day, start, end):
            continue
        evidence = Evidence(
            sentence=sentence or "",
            document=doc_id,
            date=day,
            begin=_int(begin),
            confidence=_float(conf),
        )
        out.append(Fact(s, p, o, evidence))
    return out


_IRI_FORBIDDEN = frozenset('<>"{}|^`\\ \t\n\r')


def _iri_text(iri: str) -> str:
    """``<iri>`` for a SPARQL text, refusing anything that could break out of it."""
    if not iri or any(ch in _IRI_FORBIDDEN or ord(ch) < 0x20 for ch in iri):
        raise ConfigError(f"not an IRI kg can query: {iri!r}")
    return f"<{iri}>"


def _int(term: object) -> int:
    try:
        return int(str(term)) if term is not None else 0
    except ValueError:
        return 0


def _float(term: object) -> float:
    try:
        return float(str(term)) if term is not None else 0.0
    except ValueError:
        return 0.0


@dataclass(frozen=True, slots=True)
class RelationInfo:
    """What the ontology (or the shared entities graph) says about a relation.

    ``event`` and ``quad`` are the local names of its event category and quad
    class; ``concepts`` the IRIs of its event classes and every concept broader.
    """

    iri: str
    name: str
    label: str
    group: str | None
    event: str | None = None
    quad: str | None = None
    concepts: frozenset[str] = frozenset()


#: Each relation's event classes and every concept above them (``skos:broader*``,
#: the class itself included), marking the quad classes: members of
#: ``kg:QuadClasses``, or concepts right under ``kg:CooperationEvent`` or
#: ``kg:ConflictEvent`` (as the saved query cooperation-network reads them).
_EVENTS_QUERY = """
SELECT ?p ?class ?concept ?quad WHERE {
  ?p kg:eventClass ?class .
  ?class skos:broader* ?concept .
  BIND(EXISTS { kg:QuadClasses skos:member ?concept }
       || EXISTS { ?concept skos:broader kg:CooperationEvent }
       || EXISTS { ?concept skos:broader kg:ConflictEvent } AS ?quad)
}"""


@dataclass(frozen=True, slots=True)
class _Events:
    event: str | None
    quad: str | None
    concepts: frozenset[str]


def _relation_events(store: Store) -> dict[str, _Events]:
    """Relation IRI → its event category, quad class and concepts, in one query."""
    classes: dict[str, set[str]] = defaultdict(set)
    quads: dict[str, set[str]] = defaultdict(set)
    concepts: dict[str, set[str]] = defaultdict(set)
    for p, cls, concept, quad in select(store, _EVENTS_QUERY):
        if p is None or cls is None or concept is None:
            continue
        classes[p].add(local_name(cls))
        concepts[p].add(concept)
        if quad == "true":
            quads[p].add(local_name(concept))
    return {
        p: _Events(event=min(names), quad=min(quads[p]) if quads.get(p) else None,
                   concepts=frozenset(concepts[p]))
        for p, names in classes.items()
    }


def relation_info(store: Store) -> dict[str, RelationInfo]:
    """Relation IRI → name, label, group (the super-property directly under
    the root relation (``kg:related_to``) that the relation reaches by ``rdfs:subPropertyOf``)
    and event class (``kg:eventClass``, with its quad class and broader concepts).

    >>> from kg.store import open_store
    >>> relation_info(open_store("memory:"))
    {}
    """
    parents: dict[str, set[str]] = defaultdict(set)
    for p, sup in select(store, "SELECT ?p ?sup { ?p rdfs:subPropertyOf ?sup }"):
        if p is not None and sup is not None:
            parents[p].add(sup)
    labels: dict[str, str] = {}
    for p, label in select(
        store,
        """SELECT ?p ?label {
             { ?p a owl:ObjectProperty } UNION { ?p a owl:DatatypeProperty }
             UNION { ?p rdfs:subPropertyOf ?any }
             OPTIONAL { ?p rdfs:label ?label
                        FILTER(LANG(?label) = "" || LANGMATCHES(LANG(?label), "en")) }
           }""",
    ):
        if p is not None:
            key = p
            if label is not None and (key not in labels or not labels[key]):
                labels[key] = label
            labels.setdefault(key, "")
    # A group is a property with sub-properties of its own whose parent is a root
    # (kg:related_to in kg's ontology): kg:cooperation, kg:conflict...
    children = {sup for sups in parents.values() for sup in sups}
    roots = {p for p in children if not parents.get(p)}
    groups = {g for g, sups in parents.items() if sups & roots and g in children}

    def group_of(iri: str) -> str | None:
        seen: set[str] = set()
        frontier = [iri]
        while frontier:
            current = frontier.pop()
            if current in seen:
                continue
            seen.add(current)
            if current in groups:
                return local_name(current)
            frontier.extend(sorted(parents.get(current, ())))
        return None

    events = _relation_events(store)
    none = _Events(None, None, frozenset())
    info: dict[str, RelationInfo] = {}
    for iri in sorted(set(labels) | set(parents) | set(events)):
        if iri in roots:
            continue
        name = local_name(iri)
        event = events.get(iri, none)
        info[iri] = RelationInfo(iri=iri, name=name,
                                 label=labels.get(iri) or name.replace("_", " "),
                                 group=group_of(iri), event=event.event, quad=event.quad,
                                 concepts=event.concepts)
    return info


#: The event classes a store knows: the concepts of kg:EventScheme and every
#: concept a relation's event class reaches by skos:broader*, each with how many
#: concepts it reaches (itself included), to list the broad ones first.
_CONCEPTS_QUERY = """
SELECT ?c (COUNT(DISTINCT ?b) AS ?above) WHERE {
  { ?c skos:inScheme kg:EventScheme } UNION { ?p kg:eventClass/skos:broader* ?c }
  ?c skos:broader* ?b .
} GROUP BY ?c"""


def _concept_key(text: str) -> str:
    """``"Material conflict"``, ``"material_conflict"`` and ``"MaterialConflict"`` alike."""
    return "".join(ch for ch in text if ch not in " _-\t").casefold()


def event_concepts(store: Store, event: str) -> frozenset[str]:
    """The IRIs of the event class named ``event``: a local name (``CooperationEvent``,
    ``MaterialConflict``, ``Fight``; case, spaces, ``_`` and ``-`` ignored), ``kg:Name``
    or a full IRI, among the concepts of the store's ontology. An unknown name is a
    :class:`~kg.errors.ConfigError` that lists a few known ones.

    >>> from kg.ontology import ontology_dir
    >>> from kg.rdf import ONTOLOGY_GRAPH
    >>> from kg.store import open_store
    >>> store = open_store("memory:")
    >>> store.load((ontology_dir() / "kg.ttl").read_bytes(), "ttl", graph=ONTOLOGY_GRAPH)
    >>> sorted(event_concepts(store, "kg:materialconflict"))
    ['http://kg.example.org/ontology#MaterialConflict']
    >>> event_concepts(store, "Peace")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.ConfigError: unknown event class 'Peace' (use one of ConflictEvent, ...)
    """
    known: dict[str, int] = {}
    for concept, above in select(store, _CONCEPTS_QUERY):
        if concept is not None:
            known[concept] = _int(above)
    text = event.strip().strip("<>")
    if text.startswith(("http://", "https://", "urn:")):
        found = {text} & set(known)
    else:
        namespace = ""
        if text[:3].lower() == "kg:":
            namespace, text = str(KG), text[3:]
        key = _concept_key(text)
        found = {iri for iri in known
                 if iri.startswith(namespace) and _concept_key(local_name(iri)) == key}
    if found:
        return frozenset(found)
    ranked = sorted(known, key=lambda iri: (known[iri], local_name(iri)))
    names = [local_name(iri) for iri in ranked[:10]]
    if not names:
        hint = "the store holds no event classes: build into it, or load kg's ontology"
    else:
        more = f", \N{HORIZONTAL ELLIPSIS} ({len(known)} in all)" if len(known) > len(names) else ""
        hint = "use one of " + ", ".join(names) + more
    raise ConfigError(f"unknown event class {event!r}", hint=hint)


def _relation(iri: str, info: Mapping[str, RelationInfo]) -> RelationInfo:
    found = info.get(iri)
    if found is not None:
        return found
    name = local_name(iri)
    return RelationInfo(iri=iri, name=name, label=name.replace("_", " "), group=None)


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """An entity's description from the shared entities graph."""

    iri: str
    label: str
    type: str
    aliases: tuple[str, ...]
    wikidata: str


def entity_info(store: Store) -> dict[str, EntityInfo]:
    """Entity IRI → label, type, aliases and Wikidata id (from the entities graph).

    >>> from kg.store import open_store
    >>> entity_info(open_store("memory:"))
    {}
    """
    rows = select(
        store,
        """SELECT ?eg ?e ?label ?type ?alias ?same {
             GRAPH ?eg {
               ?e rdfs:label ?label .
               OPTIONAL { ?e a ?type }
               OPTIONAL { ?e skos:altLabel ?alias }
               OPTIONAL { ?e owl:sameAs ?same }
             }
           }""",
        {"eg": ENTITIES_GRAPH},
    )
    labels: dict[str, str] = {}
    types: dict[str, set[str]] = defaultdict(set)
    aliases: dict[str, set[str]] = defaultdict(set)
    wikidata: dict[str, set[str]] = defaultdict(set)
    for _eg, e, label, typ, alias, same in rows:
        if e is None or label is None:
            continue
        key = e
        labels[key] = min(labels.get(key, label), label)
        if typ is not None:
            types[key].add(local_name(typ))
        if alias is not None:
            aliases[key].add(alias)
        if same is not None and "wikidata.org/entity/" in same:
            wikidata[key].add(local_name(same))
    return {
        iri: EntityInfo(
            iri=iri,
            label=label,
            type=min(types[iri]) if types.get(iri) else "Entity",
            aliases=tuple(sorted(aliases.get(iri, ()))),
            wikidata=min(wikidata[iri]) if wikidata.get(iri) else "",
        )
        for iri, label in labels.items()
    }


def _mentions(store: Store, document: str | None, start: str | None,
              end: str | None) -> tuple[Counter[str], Counter[str]]:
    """Per entity: statements it takes part in (as subject, object or speaker), and
    the documents where it does."""
    bindings = {"g": _document_term(document)} if document is not None else None
    documents = _documents(store, document)
    rows = select(
        store,
        """SELECT ?g ?e (COUNT(DISTINCT ?st) AS ?n) {
             GRAPH ?g {
               { ?st rdf:subject ?e } UNION { ?st rdf:object ?e } UNION { ?st kg:speaker ?e }
               FILTER(isIRI(?e))
             }
           } GROUP BY ?g ?e""",
        bindings,
    )
    statements: Counter[str] = Counter()
    in_documents: Counter[str] = Counter()
    for g, e, n in rows:
        if g is None or e is None or g not in documents:
            continue
        if not _in_range(documents[g][1], start, end):
            continue
        statements[e] += _int(n)
        in_documents[e] += 1
    return statements, in_documents


def _check_group(wanted: str, given: str, rel_info: Mapping[str, RelationInfo]) -> None:
    """A group the store's relations do not have is a typo, not an empty network."""
    known = {info.group.lower() for info in rel_info.values() if info.group}
    if known and wanted not in known:
        raise unknown("relation group", given, known)


def _check_relations(store: Store, wanted: set[str], rel_info: Mapping[str, RelationInfo]
                     ) -> None:
    known = {info.name for info in rel_info.values()}
    if not wanted <= known:  # a relation used but declared nowhere is no typo
        known |= {local_name(p) for p, in select(
            store, "SELECT DISTINCT ?p { ?st rdf:predicate ?p }") if p is not None}
    for name in sorted(wanted):
        if known and name not in known:
            raise unknown("relation", name, known, show=10,
                          hint="list them with: kg stats --top 50")


#: Types in the entities graph that are not entity classes (relations declared there).
_NOT_CLASSES = frozenset({"ObjectProperty", "DatatypeProperty", "Property", "Class"})


def _check_types(store: Store, names: Iterable[str], ent_info: Mapping[str, EntityInfo]
                 ) -> None:
    """A class that neither the ontology nor any entity has is a typo."""
    known = {info.type for info in ent_info.values()} - _NOT_CLASSES
    for c, in select(store, "SELECT DISTINCT ?c { { ?c a owl:Class } UNION "
                            "{ ?c rdfs:subClassOf ?sup } }"):
        if c is not None and c.startswith(str(KG)):
            known.add(local_name(c))
    folded = {k.lower() for k in known}
    for name in names:
        wanted = local_name(name.strip().removeprefix("kg:"))
        if known and wanted.lower() not in folded:
            raise unknown("entity type", name, known)


def _subclasses(store: Store, names: Iterable[str]) -> set[str]:
    """The class local names given and, where the ontology is loaded, their subclasses
    (lower-cased)."""
    wanted = {n.lower() for n in names}
    children: dict[str, set[str]] = defaultdict(set)
    for c, sup in select(store, "SELECT ?c ?sup { ?c rdfs:subClassOf ?sup }"):
        if c is not None and sup is not None:
            children[local_name(sup).lower()].add(local_name(c).lower())
    frontier = list(wanted)
    while frontier:
        for child in children.get(frontier.pop(), ()):
            if child not in wanted:
                wanted.add(child)
                frontier.append(child)
    return wanted


def _canonical_kind(kind: str) -> str:
    try:
        return KINDS[kind.lower()]
    except KeyError:
        raise ConfigError(f"unknown graph kind {kind!r}",
                          hint="use multidigraph, digraph or graph") from None


def group_name(group: str) -> str:
    """A group's local name, lower-cased: ``kg:cooperation``, an IRI or ``Cooperation``
    alike.

    >>> group_name("kg:Cooperation"), group_name("http://kg.example.org/ontology#conflict")
    ('cooperation', 'conflict')
    """
    text = group.strip().strip("<>")
    if text[:3].lower() == "kg:":
        text = text[3:]
    return local_name(text).lower()


def _relation_filter(relations: Iterable[str] | str | None) -> set[str] | None:
    if relations is None:
        return None
    if isinstance(relations, str):
        relations = [relations]
    wanted = set()
    for r in relations:
        r = r.strip()
        if r:
            wanted.add(local_name(r) if ("#" in r or "/" in r) else r)
    return wanted or None


def to_networkx(
    store: Store,
    *,
    kind: str = "digraph",
    relations: Iterable[str] | str | None = None,
    types: Iterable[str] | str | None = None,
    document: str | None = None,
    since: str | _dt.date | None = None,
    until: str | _dt.date | None = None,
    min_weight: int = 1,
    group: str | None = None,
    event: str | None = None,
    isolates: bool = False,
    counts: bool = True,
) -> nx.Graph:
    """Project the store's knowledge graph onto networkx.

    Parameters
    ----------
    kind
        ``"multidigraph"``: one edge per (subject, relation, object), keyed by the
        relation name; ``"digraph"`` (default): one weighted edge per ordered pair,
        relations merged; ``"graph"``: one weighted undirected edge per pair.
    relations
        Keep only these relations (local names such as ``cooperates_with``, or IRIs).
    types
        Keep only entities of these ontology classes (``Person``, ``Country``...;
        case-insensitive; subclasses included when the ontology is loaded). An edge
        is kept when both ends are kept.
    document, since, until
        Keep only evidence from this document (id or IRI) or from documents dated
        in ``[since, until]`` (``YYYY-MM-DD``).
    min_weight
        Drop edges supported by fewer statements (after merging, for digraph/graph).
    group
        Keep only relations of this group (``cooperation``, ``conflict``,
        ``communication``...), as the ontology declares with ``rdfs:subPropertyOf``.
    event
        Keep only relations whose ``kg:eventClass`` is this event class or narrower
        (``skos:broader*``): an axis (``CooperationEvent``, ``ConflictEvent``,
        ``VerbalEvent``, ``MaterialEvent``), a quad class (``VerbalCooperation``,
        ``MaterialConflict``...) or a CAMEO category (``Consult``, ``Fight``...);
        case-insensitive, or ``kg:Name``, or an IRI. Read from the store's ontology,
        so a user's ontology loaded there counts; unknown names are a ConfigError.
    isolates
        Also add the entities the selected documents mention that have no edge.
    counts
        Add the ``mentions`` and ``documents`` node attributes (one more query;
        paths and neighbourhoods that only need labels skip it).

    Edge attributes: ``relation`` (local name; for merged edges the best-supported
    one), ``relations`` (all, ``"; "``-joined, merged kinds only), ``label``,
    ``weight`` (statements), ``sentence`` and ``document`` (the first evidence),
    ``documents`` (how many), ``confidence`` (the best), ``group``, ``event`` (the
    CAMEO category, e.g. ``Fight``) and ``quad`` (its quad class, e.g.
    ``MaterialConflict``) when known, for merged edges those of ``relation``.

    >>> from kg.store import open_store
    >>> to_networkx(open_store("memory:"), kind="multidigraph").is_multigraph()
    True
    >>> to_networkx(open_store("memory:"), event="Fight")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.ConfigError: unknown event class 'Fight' (the store holds no event classes...)
    """
    canonical = _canonical_kind(kind)
    if min_weight < 1:
        raise ConfigError("min_weight must be at least 1")
    start, end = _iso(since, "since"), _iso(until, "until")
    if start and end and start > end:
        raise ConfigError(f"since {start} is after until {end}")
    wanted_relations = _relation_filter(relations)
    wanted_group = group_name(group) if group else None
    wanted_concepts = event_concepts(store, event) if event else None

    rel_info = relation_info(store)
    ent_info = entity_info(store)
    if wanted_group is not None:
        _check_group(wanted_group, group or "", rel_info)
    if wanted_relations is not None:
        _check_relations(store, wanted_relations, rel_info)
    wanted_types = None
    if types is not None:
        names = [types] if isinstance(types, str) else list(types)
        names = [local_name(n.strip().removeprefix("kg:")) for n in names if n.strip()]
        if names:
            _check_types(store, names, ent_info)
        wanted_types = _subclasses(store, names) if names else None

    def keep_entity(iri: str) -> bool:
        if wanted_types is None:
            return True
        info = ent_info.get(iri)
        return info is not None and info.type.lower() in wanted_types

    rel_cache: dict[str, RelationInfo] = {}
    # (s, p, o) → evidence list
    triples: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for fact in facts(store, document=document, since=start, until=end):
        rel = rel_cache.get(fact.relation)
        if rel is None:
            rel = rel_cache[fact.relation] = _relation(fact.relation, rel_info)
        if wanted_relations is not None and rel.name not in wanted_relations:
            continue
        if wanted_group is not None and (rel.group or "") != wanted_group:
            continue
        if wanted_concepts is not None and not (rel.concepts & wanted_concepts):
            continue
        if not (keep_entity(fact.subject) and keep_entity(fact.object)):
            continue
        triples[(fact.subject, fact.relation, fact.object)].append(fact.evidence)

    G: nx.Graph
    if canonical == "multidigraph":
        G = nx.MultiDiGraph()
    elif canonical == "digraph":
        G = nx.DiGraph()
    else:
        G = nx.Graph()
    G.graph["kind"] = canonical

    edges = _aggregate(triples, rel_info, canonical)
    kept: set[tuple[str, str]] = set()
    for (u, v, key), data in sorted(edges.items()):
        if int(str(data["weight"])) < min_weight:
            continue
        kept.add((u, v))
        if canonical == "multidigraph":
            G.add_edge(u, v, key=key, **data)
        else:
            G.add_edge(u, v, **data)
    # The edges in kg's words (README "Words"): entity —relation→ entity, however
    # the kind merges them into lines; what every command reports as "edges".
    G.graph["edges"] = G.number_of_edges() if canonical == "multidigraph" else len({
        (s, _relation(p, rel_info).name, o) for s, p, o in triples
        if ((s, o) if canonical != "graph" else tuple(sorted((s, o)))) in kept})

    statements: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    if counts or isolates:
        statements, documents = _mentions(store, document, start, end)
    if isolates:
        for iri in sorted(documents):
            if keep_entity(iri) and iri in ent_info:
                G.add_node(iri)
    for iri in sorted(G.nodes):
        info = ent_info.get(iri)
        attrs: dict[str, object] = {
            "label": info.label if info else local_name(iri).replace("_", " "),
            "type": info.type if info else "Entity",
        }
        if counts:
            attrs["mentions"] = statements.get(iri, 0)
            attrs["documents"] = documents.get(iri, 0)
        if info and info.wikidata:
            attrs["wikidata"] = info.wikidata
        if info and info.aliases:
            attrs["aliases"] = "; ".join(a for a in info.aliases if a != info.label)
            if not attrs["aliases"]:
                del attrs["aliases"]
        G.nodes[iri].update(attrs)
    return G


def _aggregate(
    triples: Mapping[tuple[str, str, str], list[Evidence]],
    rel_info: Mapping[str, RelationInfo],
    kind: str,
) -> dict[tuple[str, str, str], dict[str, object]]:
    """Merge the evidence of each triple into edge attributes for ``kind``."""
    grouped: dict[tuple[str, str, str], list[tuple[RelationInfo, list[Evidence]]]] = (
        defaultdict(list))
    for (s, p, o), evidence in triples.items():
        rel = _relation(p, rel_info)
        if kind == "multidigraph":
            key = (s, o, rel.name)
        elif kind == "digraph":
            key = (s, o, "")
        else:
            a, b = sorted((s, o))
            key = (a, b, "")
        grouped[key].append((rel, evidence))

    out: dict[tuple[str, str, str], dict[str, object]] = {}
    for key, parts in grouped.items():
        per_relation: Counter[str] = Counter()
        rels: dict[str, RelationInfo] = {}
        all_evidence: list[Evidence] = []
        for rel, evidence in parts:
            per_relation[rel.name] += len(evidence)
            rels[rel.name] = rel
            all_evidence.extend(evidence)
        ranked = sorted(per_relation.items(), key=lambda item: (-item[1], item[0]))
        best = rels[ranked[0][0]]
        first = min(all_evidence, key=Evidence.sort_key)
        data: dict[str, object] = {
            "relation": best.name,
            "label": best.label,
            "weight": sum(per_relation.values()),
            "sentence": first.sentence,
            "document": first.document,
            "documents": len({e.document for e in all_evidence}),
            "confidence": round(max(e.confidence for e in all_evidence), 4),
        }
        if kind != "multidigraph":
            data["relations"] = "; ".join(name for name, _ in ranked)
        if best.group:
            data["group"] = best.group
        if best.event:
            data["event"] = best.event
        if best.quad:
            data["quad"] = best.quad
        out[key] = data
    return out
