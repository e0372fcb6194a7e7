"""IRIs kg mints and the prefixes every query gets for free.

>>> str(KG.cooperates_with)
'http://kg.example.org/ontology#cooperates_with'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "BASE",
    "DOC",
    "ENT",
    "ENTITIES_GRAPH",
    "KG",
    "NIF",
    "ONTOLOGY_GRAPH",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "RELATIONS_GRAPH",
    "SCHEMA",
    "SKOS",
    "STMT",
    "WD",
    "XSD",
]

#: The root of every IRI kg mints. example.org is reserved for documentation:
#: kg owns no domain, and a user who publishes the graph rewrites this base.
BASE = "http://kg.example.org/"
KG = Namespace(BASE + "ontology#")
ENT = Namespace(BASE + "entity/")
DOC = Namespace(BASE + "doc/")
STMT = Namespace(BASE + "statement/")
#: The named graph of the ontology, and the one shared graph of entity descriptions.
ONTOLOGY_GRAPH = URIRef(BASE + "ontology")
ENTITIES_GRAPH = URIRef(BASE + "graph/entities")
#: The declarations of relations that builds named from a lemma (the ontology's
#: extension: kept apart from the entities, and from the ontology a build reloads).
RELATIONS_GRAPH = URIRef(BASE + "graph/relations")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")

#: Predefined in every ``kg query``.
PREFIXES: dict[str, str] = {
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "xsd": str(XSD),
    "nif": str(NIF),
    "wd": str(WD),
    "kg": str(KG),
    "ent": str(ENT),
    "doc": str(DOC),
    "stmt": str(STMT),
}
