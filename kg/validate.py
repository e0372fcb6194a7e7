"""Check a kg graph against SHACL shapes: is it what kg's RDF contract says it is?

The shapes are ``ontology/shapes.ttl`` (entities, statements and their evidence,
documents) plus, with ``ontology=True``, one shape per ``rdfs:domain``/``rdfs:range``
that ``kg.ttl`` declares and one per object property (IRI objects only), generated
here by :func:`relation_shapes` so that they follow the ontology. Validation runs
pySHACL over the union of the store's graphs (which holds the ontology graph, so
``sh:class`` sees the subclass hierarchy).

>>> import kg
>>> from kg.validate import validate
>>> validate(kg.open_graph("memory:")).conforms          # an empty graph is well-formed
True
>>> graph = kg.build([kg.EXAMPLE_ARTICLE], store="memory:")   # doctest: +SKIP
>>> for v in validate(graph).violations:                      # doctest: +SKIP
...     print(compact(v.focus), compact(v.path), v.message)
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

from kg.errors import ConfigError
from kg.namespaces import KG, PREFIXES
from kg.ontology import Ontology, class_alternatives

__all__ = [
    "SHAPES_NS",
    "ValidationReport",
    "Violation",
    "compact",
    "relation_shapes",
    "shapes_graph",
    "shapes_path",
    "validate",
]

#: The namespace of kg's shapes (``kgsh:``).
SHAPES_NS = Namespace("http://kg.example.org/shapes#")

ShapesSource = str | os.PathLike[str] | Graph


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result.

    Terms are given as strings: IRIs in full, literals as their lexical form, a
    blank node (a nested shape, a complex path) as ``None`` or its SHACL path text.
    ``severity`` is ``Violation``, ``Warning`` or ``Info``; ``component`` the SHACL
    constraint component that failed (``MinCountConstraintComponent``...).
    """

    focus: str
    path: str | None
    message: str
    severity: str = "Violation"
    shape: str | None = None
    value: str | None = None
    component: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """The result as a JSON-ready dict."""
        return {
            "focus": self.focus,
            "path": self.path,
            "message": self.message,
            "severity": self.severity,
            "shape": self.shape,
            "value": self.value,
            "component": self.component,
        }


@dataclass(frozen=True)
class ValidationReport:
    """What :func:`validate` found: ``conforms`` is false when any result has
    severity ``Violation`` (warnings and infos do not count)."""

    conforms: bool
    violations: tuple[Violation, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The report as a JSON-ready dict."""
        return {
            "conforms": self.conforms,
            "violations": [v.to_dict() for v in self.violations],
        }

    def __len__(self) -> int:
        return len(self.violations)


def shapes_path() -> os.PathLike[str]:
    """The path of kg's ``shapes.ttl`` (in the checkout or the installed wheel)."""
    from kg.ontology import ontology_dir

    return ontology_dir() / "shapes.ttl"


def shapes_graph(shapes: ShapesSource | Sequence[ShapesSource] | None = None) -> Graph:
    """The shapes parsed into one graph: kg's ``shapes.ttl`` when ``shapes`` is
    ``None``, else the given Turtle files (or graphs) merged."""
    sources: Sequence[ShapesSource]
    if shapes is None:
        sources = [shapes_path()]
    elif isinstance(shapes, str | os.PathLike | Graph):
        sources = [shapes]
    else:
        sources = shapes
    graph = Graph()
    for source in sources:
        if isinstance(source, Graph):
            for triple in source:
                graph.add(triple)
            continue
        try:
            graph.parse(os.fspath(source), format=_rdf_format(os.fspath(source)))
        except FileNotFoundError as exc:
            raise ConfigError(f"no shapes file {os.fspath(source)}",
                              hint="give --shapes an existing Turtle file") from exc
        except Exception as exc:  # rdflib raises parser-specific errors
            raise ConfigError(f"the shapes file {os.fspath(source)} does not parse: {exc}",
                              hint="check its syntax (Turtle by default)") from exc
    return graph


def _rdf_format(path: str) -> str:
    lower = path.lower()
    for suffix, fmt in ((".nt", "nt"), (".rdf", "xml"), (".xml", "xml"), (".jsonld", "json-ld"),
                        (".n3", "n3")):
        if lower.endswith(suffix):
            return fmt
    return "turtle"


def _ancestors(graph: Graph, prop: URIRef) -> list[URIRef]:
    """``prop`` and its super-properties (rdfs:subPropertyOf*), nearest first."""
    seen: list[URIRef] = []
    todo = [prop]
    while todo:
        current = todo.pop(0)
        if current in seen:
            continue
        seen.append(current)
        todo.extend(p for p in graph.objects(current, RDFS.subPropertyOf)
                    if isinstance(p, URIRef))
    return seen


def _local(term: Node) -> str:
    text = str(term)
    return "kg:" + text[len(str(KG)):] if text.startswith(str(KG)) else text


def _kg_properties(graph: Graph, kind: URIRef) -> list[URIRef]:
    return sorted(p for p in graph.subjects(RDF.type, kind)
                  if isinstance(p, URIRef) and str(p).startswith(str(KG)))


def relation_shapes(ontology: Graph, *, declared: Graph | None = None) -> Graph:
    """SHACL shapes for kg's relations, generated from the ontology.

    Every ``kg:`` property that ``ontology`` (``kg.ttl``) declares gets the
    ``rdfs:domain`` and ``rdfs:range`` of itself and of its super-properties, as
    RDFS entails (a class, or an ``owl:unionOf`` classes, any one of which fits):
    the subjects of its triples must be ``sh:class`` of each domain,
    the IRI objects of each range. A literal object is not checked against a range;
    instead every ``owl:ObjectProperty`` (of ``ontology`` and of ``declared``, the
    relations a store declares on the fly) must have IRI objects.

    Domains and ranges are taken from ``ontology`` only: the RDF stage files a
    relation the ontology does not name under a group guessed from its verb
    (``has`` under ``kg:cooperation``), and inheriting the group's domain through
    that guess would not be sound.

    >>> from kg.ontology import default_ontology
    >>> shapes = relation_shapes(default_ontology().graph)
    >>> from rdflib.namespace import SH
    >>> (SHAPES_NS["domain/works_for"], SH["class"], KG.Person) in shapes
    True
    """
    shapes = Graph()
    for prop in _kg_properties(ontology, OWL.ObjectProperty) + _kg_properties(
            ontology, OWL.DatatypeProperty):
        local = str(prop)[len(str(KG)):]
        lineage = _ancestors(ontology, prop)
        object_property = (prop, RDF.type, OWL.ObjectProperty) in ontology
        for axiom, target, name in ((RDFS.domain, SH.targetSubjectsOf, "domain"),
                                    (RDFS.range, SH.targetObjectsOf, "range")):
            if name == "range" and not object_property:
                continue
            classes: list[tuple[tuple[URIRef, ...], URIRef]] = []
            for ancestor in lineage:
                for term in ontology.objects(ancestor, axiom):
                    alternatives = class_alternatives(ontology, term)
                    if alternatives and alternatives not in [c for c, _ in classes]:
                        classes.append((alternatives, ancestor))
            if not classes:
                continue
            shape = SHAPES_NS[f"{name}/{local}"]
            shapes.add((shape, RDF.type, SH.NodeShape))
            shapes.add((shape, target, prop))
            shapes.add((shape, SH.severity, SH.Violation))
            if name == "domain":
                members: URIRef | BNode = shape
            else:  # a literal object is reported by the object/ shape, not here
                members = BNode()
                literal = BNode()
                shapes.add((literal, SH.nodeKind, SH.Literal))
                shapes.add((shape, SH["or"], Collection(shapes, BNode(), [literal, members]).uri))
            for alternatives, _source in classes:
                if len(alternatives) == 1:
                    shapes.add((members, SH["class"], alternatives[0]))
                    continue
                options: list[Node] = []
                for cls in alternatives:
                    option = BNode()
                    shapes.add((option, SH["class"], cls))
                    options.append(option)
                either = BNode()
                shapes.add((either, SH["or"], Collection(shapes, BNode(), options).uri))
                shapes.add((members, SH.node, either))
            role = "subject" if name == "domain" else "object"
            wanted = " and ".join(
                " or ".join(_local(c) for c in alternatives) + f" (rdfs:{name} of {_local(source)})"
                for alternatives, source in classes)
            shapes.add((shape, SH.message,
                        Literal(f"the {role} of {_local(prop)} must be a {wanted}")))
    object_properties = set(_kg_properties(ontology, OWL.ObjectProperty))
    if declared is not None:
        object_properties.update(_kg_properties(declared, OWL.ObjectProperty))
    for prop in sorted(object_properties):
        shape = SHAPES_NS[f"object/{str(prop)[len(str(KG)):]}"]
        shapes.add((shape, RDF.type, SH.PropertyShape))
        shapes.add((shape, SH.targetSubjectsOf, prop))
        shapes.add((shape, SH.path, prop))
        shapes.add((shape, SH.nodeKind, SH.IRI))
        shapes.add((shape, SH.message, Literal(
            f"{_local(prop)} is an owl:ObjectProperty: its objects must be IRIs "
            "(a literal value needs an owl:DatatypeProperty)")))
    return shapes


def _data_graph(store: Any, *, ontology: Ontology | None) -> Graph:
    """The union of the store's graphs as one rdflib graph (plus the ontology)."""
    buffer = io.BytesIO()
    store.dump(buffer, "nt")
    graph = Graph()
    graph.parse(data=buffer.getvalue().decode("utf-8"), format="nt")
    if ontology is not None:
        for triple in ontology.graph:
            graph.add(triple)
    return graph


def _ontology(ontology: bool | Ontology) -> Ontology | None:
    from kg.ontology import Ontology, default_ontology

    if isinstance(ontology, Ontology):
        return ontology
    return default_ontology() if ontology else None


def validate(
    store: Any,
    *,
    shapes: ShapesSource | Sequence[ShapesSource] | None = None,
    ontology: bool | Ontology = True,
    on_step: Callable[[str], None] | None = None,
) -> ValidationReport:
    """Validate a store (or a :class:`~kg.pipeline.KnowledgeGraph`) against SHACL shapes.

    ``on_step(what)`` is told each step as it starts (reading the store, running
    the shapes, checking offsets), for a command to show that it is working.

    ``shapes`` are Turtle files or rdflib graphs replacing kg's ``shapes.ttl``.
    With ``ontology`` (the default) kg's ``kg.ttl`` is added to the data (its class
    hierarchy, whether or not the store holds it) and the shapes of the relations
    (domain, range, object kind) are generated from it (see :func:`relation_shapes`);
    an :class:`~kg.ontology.Ontology` (one extended by a user's files) is used in
    its place.
    No inference is run: ``sh:class`` and ``sh:targetClass`` follow
    ``rdfs:subClassOf`` in the data themselves. With kg's own shapes
    (``shapes=None``), each statement's ``kg:sentence`` is also checked against its
    document's text at its offsets, with the store's SPARQL engine.

    >>> from kg.store import open_store
    >>> store = open_store("memory:")
    >>> store.load(b'@prefix kg: <http://kg.example.org/ontology#> . '
    ...            b'<http://kg.example.org/entity/x> a kg:Person .', "ttl")
    >>> report = validate(store)
    >>> report.conforms
    False
    >>> [(v.focus, v.path) for v in report.violations]
    [('http://kg.example.org/entity/x', 'http://www.w3.org/2000/01/rdf-schema#label')]
    """
    import pyshacl
    from pyshacl.errors import ConstraintLoadError, ReportableRuntimeError, ShapeLoadError

    def step(what: str) -> None:
        if on_step is not None:
            on_step(what)

    target = getattr(store, "store", store)  # a KnowledgeGraph holds its Store
    onto = _ontology(ontology)
    step(f"reading {len(target):,} quads")
    data = _data_graph(target, ontology=onto)
    shacl = shapes_graph(shapes)
    if onto is not None:
        for triple in relation_shapes(onto.graph, declared=data):
            shacl.add(triple)
    step(f"checking {len(data):,} triples against the SHACL shapes")
    try:
        conforms, results, _text = pyshacl.validate(
            data,
            shacl_graph=shacl,
            inference="none",
            abort_on_first=False,
            allow_warnings=True,
            allow_infos=True,
            inplace=True,
        )
    except (ShapeLoadError, ConstraintLoadError, ReportableRuntimeError) as exc:
        raise ConfigError(f"the shapes are not valid SHACL: {exc}",
                          hint="see https://www.w3.org/TR/shacl/") from exc
    assert isinstance(results, Graph)
    found = list(_violations(results))
    if shapes is None:
        step("checking each statement's sentence against its document")
        found.extend(_offset_violations(target))
    violations = tuple(sorted(found,
                              key=lambda v: (v.focus, v.path or "", v.message, v.value or "")))
    conforms = bool(conforms) and not any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms=conforms, violations=violations)


#: Statements whose kg:sentence is not their document's text between their offsets.
_OFFSETS_QUERY = """
SELECT ?statement ?sentence ?begin ?end WHERE {
    ?statement a rdf:Statement ; kg:sentence ?sentence ;
               nif:beginIndex ?begin ; nif:endIndex ?end ; prov:wasDerivedFrom ?document .
    ?document schema:text ?text .
    FILTER (?begin <= ?end && SUBSTR(?text, ?begin + 1, ?end - ?begin) != STR(?sentence))
}"""


def _offset_violations(store: Any) -> Iterable[Violation]:
    """kg:sentence must be the document's text at [nif:beginIndex, nif:endIndex)
    (checked with the store's SPARQL engine: fast, and SUBSTR counts code points
    as kg's offsets do)."""
    for statement, sentence, begin, end in store.query(_OFFSETS_QUERY).rows:
        yield Violation(
            focus=str(statement),
            path=str(KG.sentence),
            message=(f"kg:sentence is not the text between nif:beginIndex {begin} and "
                     f"nif:endIndex {end} of the document's schema:text"),
            shape=str(SHAPES_NS.StatementOffsets),
            value=str(sentence),
            component="SPARQLConstraintComponent",
        )


def _violations(results: Graph) -> Iterable[Violation]:
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        severity = results.value(result, SH.resultSeverity)
        shape = results.value(result, SH.sourceShape)
        value = results.value(result, SH.value)
        component = results.value(result, SH.sourceConstraintComponent)
        yield Violation(
            focus=str(focus),
            path=_path_text(results, path),
            message="; ".join(messages) or "the shape is not satisfied",
            severity=_after_hash(severity) or "Violation",
            shape=None if shape is None or isinstance(shape, BNode) else str(shape),
            value=None if value is None else str(value),
            component=_after_hash(component),
        )


def _after_hash(term: Node | None) -> str | None:
    return None if term is None else str(term).rsplit("#", 1)[-1]


def _path_text(graph: Graph, path: Node | None) -> str | None:
    """A result path: an IRI in full; a complex path in SPARQL syntax."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return str(path)
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + (_path_text(graph, inverse) or "?")
    for predicate, mark in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"),
                            (SH.zeroOrOnePath, "?")):
        inner = graph.value(path, predicate)
        if inner is not None:
            return f"({_path_text(graph, inner)}){mark}"
    return str(path)


def compact(iri: str | None) -> str:
    """An IRI in kg's prefixed form where a prefix fits (``ent:country/RU``).

    >>> compact("http://kg.example.org/ontology#confidence")
    'kg:confidence'
    """
    if iri is None:
        return ""
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else iri
