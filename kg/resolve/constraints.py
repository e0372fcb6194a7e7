"""The domain and range the ontology gives each relation, as checks on entity types.

A resolved statement whose subject or object type falls outside its relation's
``rdfs:domain``/``rdfs:range`` (inherited along ``rdfs:subPropertyOf``, a class or
an ``owl:unionOf`` of classes) states something the ontology says cannot be: a
place that "attacks", a newspaper "dismissed" like an employee. The resolver does
not assert such a statement; ``kg validate`` checks the same axioms on the graph.

>>> from kg.ontology import default_ontology
>>> types = TypeConstraints(default_ontology())
>>> types.allows("works_for", subject="Person", object="Company")
True
>>> types.allows("works_for", subject="City", object="Company")
False
>>> types.allows("located_in", subject="Person", object="GovernmentBody")
True
>>> types.allows("some_fallback_relation", subject="Event", object="Law")
True
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS
from rdflib.term import Node

from kg.namespaces import KG
from kg.ontology import Ontology, class_alternatives

__all__ = ["TypeConstraints", "allowed_classes"]

Alternatives = frozenset[str]


def _local(term: Node) -> str | None:
    text = str(term)
    return text[len(str(KG)):] if isinstance(term, URIRef) and text.startswith(str(KG)) else None


def allowed_classes(graph: Graph, term: Node) -> Alternatives | None:
    """The kg class names a domain or range term stands for: one class, or the
    members of an ``owl:unionOf`` list (``None`` for anything else)."""
    names = [_local(cls) for cls in class_alternatives(graph, term)]
    return frozenset(n for n in names if n) or None


class TypeConstraints:
    """Which entity types each declared relation accepts (see the module doc)."""

    def __init__(self, ontology: Ontology) -> None:
        self.graph = ontology.graph
        #: (relation, axiom) → the alternatives of each of its domains or ranges
        self._cache: dict[tuple[str, str], list[Alternatives]] = {}

    @cached_property
    def _ancestors(self) -> dict[str, frozenset[str]]:
        """Class name → itself and every super-class (rdfs:subClassOf*)."""
        parents: dict[str, set[str]] = {}
        for sub, sup in self.graph.subject_objects(RDFS.subClassOf):
            s, o = _local(sub), _local(sup)
            if s and o:
                parents.setdefault(s, set()).add(o)
        out: dict[str, frozenset[str]] = {}
        for name in parents:
            seen, todo = {name}, [name]
            while todo:
                for parent in parents.get(todo.pop(), ()):
                    if parent not in seen:
                        seen.add(parent)
                        todo.append(parent)
            out[name] = frozenset(seen)
        return out

    def _axioms(self, relation: str, axiom: URIRef) -> list[Alternatives]:
        """Each domain (or range) of the relation and its super-properties."""
        found: list[Alternatives] = []
        seen: set[Node] = set()
        todo: list[Node] = [KG[relation]]
        while todo:
            prop = todo.pop()
            if prop in seen:
                continue
            seen.add(prop)
            for term in self.graph.objects(prop, axiom):
                classes = allowed_classes(self.graph, term)
                if classes:
                    found.append(classes)
            todo.extend(self.graph.objects(prop, RDFS.subPropertyOf))
        return found

    def is_a(self, cls: str, classes: Iterable[str]) -> bool:
        """Whether class ``cls`` is one of ``classes`` or a subclass of one.

        >>> from kg.ontology import default_ontology
        >>> TypeConstraints(default_ontology()).is_a("PoliticalParty", {"Organization"})
        True
        """
        return bool(self._ancestors.get(cls, frozenset({cls})) & set(classes))

    def _fits(self, cls: str, wanted: Iterable[Alternatives]) -> bool:
        mine = self._ancestors.get(cls, frozenset({cls}))
        return all(mine & alternatives for alternatives in wanted)

    def allows(self, relation: str, *, subject: str, object: str | None) -> bool:
        """Whether a ``subject``-typed entity may have ``relation`` to an
        ``object``-typed one (``None``: a literal, whose range is not checked).
        Relations the ontology does not declare accept anything."""
        for axiom, cls in ((RDFS.domain, subject), (RDFS.range, object)):
            if cls is None:
                continue
            key = (relation, str(axiom))
            if key not in self._cache:
                self._cache[key] = self._axioms(relation, axiom)
            if not self._fits(cls, self._cache[key]):
                return False
        return True
