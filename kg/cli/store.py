"""The store commands of ``kg``: ``export``, ``remove``, ``documents``, ``stats`` and
``load`` (RDF files into any store)::

    kg documents --store kg-store
    kg export --format nq -o graph.nq
    kg load shard-*.nq --store kg-store          # bulk-load RDF
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import IO, Annotated, cast

import typer
from rich.markup import escape
from rich.table import Table

from kg.cli.console import err, export_message, handles_errors, open_output, out, store_table
from kg.cli.options import RDF_EXPORTS, ExportFormat, StoreOption
from kg.errors import ConfigError, InputError

__all__ = ["RDF_EXTENSIONS", "documents", "export", "guess_rdf_format", "load", "remove",
           "stats"]

#: File extensions ``kg load`` recognises → kg's RDF format names.
RDF_EXTENSIONS = {
    ".nq": "nq", ".nquads": "nq", ".trig": "trig", ".jsonld": "jsonld", ".json": "jsonld",
    ".ttl": "ttl", ".turtle": "ttl", ".nt": "nt", ".ntriples": "nt", ".rdf": "xml",
    ".owl": "xml", ".xml": "xml",
}
_DATASET_FORMATS = {"nq", "trig", "jsonld"}
_DATASET_FORMATS = {"nq", "trig", "jsonld"}


def guess_rdf_format(path: str) -> str:
    """kg's format name for an RDF file, from its extension (``.gz`` allowed).

    >>> guess_rdf_format("shard-001.nq.gz")
    'nq'
    """
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = os.path.splitext(name)[1]
    if suffix not in RDF_EXTENSIONS:
        raise ConfigError(f"cannot tell the RDF format of {path}",
                          hint="give --format (nq, trig, jsonld, ttl, nt, xml)")
    return RDF_EXTENSIONS[suffix]


@handles_errors
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f",
                   help="RDF: nq, trig, jsonld keep the named graphs; ttl, nt, xml give "
                   "their union. The entity network: graphml, gexf (Gephi, yEd), cytoscape, "
                   "d3 (JSON), dot (Graphviz), csv (nodes.csv + edges.csv in a folder), html "
                   "(interactive, offline), png, svg; filters: kg graph-export --help.")]
    = ExportFormat.nq,
    output: Annotated[Path | None, typer.Option("--output", "-o",
                      help="Write here instead of standard output (required for the "
                      "network formats).")] = None,
    store: StoreOption = "kg-store",
) -> None:
    """Dump the store as RDF, or its entity network for visualisation tools."""
    from kg.pipeline import KnowledgeGraph

    if fmt.value not in RDF_EXPORTS:
        if output is None:
            raise ConfigError(f"--format {fmt.value} needs --output",
                              hint=f"e.g. kg export --format {fmt.value} -o graph.{fmt.value}")
        from kg.export import export_graph

        with KnowledgeGraph(store, read_only=True) as graph:
            report = export_graph(graph.store, fmt.value, output)
        err.print(export_message(report), markup=False, highlight=False, soft_wrap=True)
        return
    with KnowledgeGraph(store, read_only=True) as graph, open_output(output) as sink:
        graph.export(sink, fmt.value)


# -- remove -------------------------------------------------------------------------
@handles_errors
def remove(
    doc_ids: Annotated[list[str], typer.Argument(
        help="Document ids, as `kg documents` lists them.", show_default=False)],
    store: StoreOption = "kg-store",
) -> None:
    """Drop documents (their named graphs) from the store."""
    from kg.pipeline import KnowledgeGraph

    with KnowledgeGraph(store) as graph:
        missing = graph.remove(doc_ids)
    for doc_id in doc_ids:
        if doc_id not in missing:
            out.print(f"removed {doc_id}", markup=False)
    if missing:
        raise InputError("not in the store: " + ", ".join(missing),
                         hint="list the stored documents with: kg documents")


@handles_errors
def documents(store: StoreOption = "kg-store") -> None:
    """List the documents in the store (id and title)."""
    from kg.pipeline import KnowledgeGraph

    with KnowledgeGraph(store, read_only=True) as graph:
        for doc_id, title in graph.documents():
            typer.echo(f"{doc_id}\t{title or ''}")  # a real tab, for cut and sort


# -- stats --------------------------------------------------------------------------
@handles_errors
def stats(
    store: StoreOption = "kg-store",
    top: Annotated[int, typer.Option(help="How many relations to list.", min=1)] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Counts of documents, statements, entities by type, and the most frequent relations."""
    from kg.pipeline import KnowledgeGraph

    with KnowledgeGraph(store, read_only=True) as graph:
        result = graph.stats(top=top)
    if as_json:
        out.print(json.dumps(result.to_dict(), indent=2), markup=False)
        return
    from kg.store.remote import redact_uri

    out.print(store_table(f"kg stats: {escape(redact_uri(store))}", result))
    types = Table("entity type", "entities", title_justify="left")
    for name, count in result.entities_by_type:
        types.add_row(name, str(count))
    out.print(types)
    relations = Table("relation", "statements", title_justify="left")
    for name, count in result.top_relations:
        relations.add_row(name, str(count))
    out.print(relations)



# -- kg load ---------------------------------------------------------------------------
@handles_errors
def load(
    files: Annotated[list[Path], typer.Argument(
        help="RDF files: .nq .trig .jsonld (keep their graphs), .ttl .nt .rdf/.owl/.xml "
        "(into --graph); .gz compressed too.", show_default=False)],
    store: StoreOption = "kg-store",
    graph: Annotated[str | None, typer.Option(
        "--graph", "-g", help="The named graph for triple formats (default: the default "
        "graph).")] = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="nq, trig, jsonld, ttl, nt or xml (default: from the file "
        "name).")] = None,
) -> None:
    """Bulk-load RDF files into any store (embedded, memory: or a remote SPARQL server).
    Into Virtuoso, set KG_STORE_BULK_DIR to go through its bulk loader (README)."""
    from rdflib import URIRef

    from kg.queries import Parameter
    from kg.store import open_store

    target: URIRef | None = None
    if graph is not None:
        term = Parameter("graph", "iri", description="an absolute IRI").term(graph)
        assert isinstance(term, URIRef)
        target = term
    plan = []
    for path in files:
        kind = fmt or guess_rdf_format(str(path))
        if kind in _DATASET_FORMATS and target is not None:
            raise ConfigError(f"{path} is {kind}, which names its own graphs",
                              hint="drop --graph, or load a triple format (ttl, nt, xml)")
        if not path.is_file():
            raise InputError("no such file", source=str(path), hint="check the path")
        plan.append((path, kind))
    with open_store(store) as opened:
        before = len(opened)
        for path, kind in plan:
            with _open_rdf(path) as handle:
                opened.load(handle, kind, graph=target)
            err.print(f"loaded {path}")
        after = len(opened)
    from kg.store.remote import redact_uri

    out.print(f"{len(plan)} file(s) loaded into {redact_uri(store)}: {after - before:+,} quads "
              f"({after:,} in all)")


def _open_rdf(path: Path) -> IO[bytes]:
    try:
        if path.name.lower().endswith(".gz"):
            return cast(IO[bytes], gzip.open(path, "rb"))
        return path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=str(path)) from exc
