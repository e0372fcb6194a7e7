"""kg: a knowledge-graph loader for English news.

Read articles, extract who did what to whom with spaCy, resolve the actors to
ontology-typed entities, and load the facts with their evidence as RDF into an
Oxigraph store that answers SPARQL.

>>> import kg
>>> graph = kg.open_graph("memory:")
>>> len(graph)
0

Build and query (loads the spaCy model):

>>> graph = kg.build([kg.EXAMPLE_ARTICLE], store="memory:")          # doctest: +SKIP
>>> graph.query("SELECT ?o { ?s kg:cooperates_with ?o }").rows       # doctest: +SKIP
"""

from __future__ import annotations

# The subpackage kg.extract is imported first, so that the import system's binding
# of it as the attribute ``kg.extract`` happens now and the function below (the
# public ``kg.extract(text)``) replaces it for good; imported later, by a build,
# it would replace the function.
import kg.extract as _extract_stage  # noqa: F401
from kg.errors import KgError
from kg.pipeline import EXAMPLE_ARTICLE, BuildReport, KnowledgeGraph, build, extract, open_graph
from kg.types import Argument, Document, Entity, ResolvedStatement, Statement, Value

__all__ = [
    "EXAMPLE_ARTICLE",
    "Argument",
    "BuildReport",
    "Document",
    "Entity",
    "KgError",
    "KnowledgeGraph",
    "ResolvedStatement",
    "Statement",
    "Value",
    "build",
    "extract",
    "open_graph",
]

__version__ = "0.1.0"
