"""SPARQL commands of the ``kg`` CLI: ``serve``, ``queries``, ``run`` and ``load``.

Importing this module registers the commands on :data:`kg.cli.app`::

    kg queries                                  # the saved queries
    kg queries said-by                          # one query: description, parameters
    kg run said-by --param speaker="Vladimir Putin" --format csv
    kg load shard-*.nq --store kg-store          # bulk-load RDF
    kg serve --store kg-store --port 8000        # SPARQL endpoint at /sparql
"""

from __future__ import annotations

import gzip
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, cast

import typer
from rich.markup import escape
from rich.table import Table

from kg.cli import StoreOption, command, err, out, print_result
from kg.errors import ConfigError, InputError

__all__ = ["RDF_EXTENSIONS", "guess_rdf_format", "load", "queries", "run", "serve"]

#: File extensions ``kg load`` recognises → kg's RDF format names.
RDF_EXTENSIONS = {
    ".nq": "nq", ".nquads": "nq", ".trig": "trig", ".jsonld": "jsonld", ".json": "jsonld",
    ".ttl": "ttl", ".turtle": "ttl", ".nt": "nt", ".ntriples": "nt", ".rdf": "xml",
    ".owl": "xml", ".xml": "xml",
}
_DATASET_FORMATS = {"nq", "trig", "jsonld"}


class RunFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    xml = "xml"


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


# -- kg queries ------------------------------------------------------------------------
@command
def queries(
    name: Annotated[str | None, typer.Argument(
        help="Show one saved query in full (its description, parameters and text).",
        show_default=False)] = None,
) -> None:
    """List the saved SPARQL queries (run one with: kg run NAME --param key=value)."""
    from kg.queries import list_queries, load_query

    if name is not None:
        query = load_query(name)
        out.print(f"[bold]{escape(query.name)}[/bold]: {escape(query.help())}")
        out.print()
        out.print(query.text, markup=False, highlight=False)
        return
    table = Table("name", "parameters", "description", title_justify="left")
    for query in list_queries():
        params = ", ".join(
            p.name + ("" if p.required else f"={p.default}" if p.default is not None else "?")
            for p in query.parameters)
        table.add_row(query.name, params, query.summary)
    out.print(table)


# -- kg run ----------------------------------------------------------------------------
@command
def run(
    name: Annotated[str, typer.Argument(help="A saved query (see kg queries) or a .rq file.",
                                        show_default=False)],
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="A parameter as key=value (repeatable).")] = None,
    store: StoreOption = "kg-store",
    fmt: Annotated[RunFormat, typer.Option(
        "--format", "-f", help="table for people; csv, tsv, json, xml for programs.")]
    = RunFormat.table,
) -> None:
    """Run a saved SPARQL query with parameters bound safely as RDF terms."""
    from kg.queries import parse_params, prepare
    from kg.store import open_store

    text, bindings = prepare(name, parse_params(param))
    with open_store(store, read_only=True) as opened:
        if fmt is RunFormat.table:
            print_result(opened.query(text, bindings=bindings))
            return
        sink = sys.stdout.buffer
        opened.query_to(sink, text, fmt.value, bindings=bindings)
        sink.flush()


# -- kg load ---------------------------------------------------------------------------
@command
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
    """Bulk-load RDF files into any store (embedded, memory: or a remote SPARQL server)."""
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


# -- kg serve --------------------------------------------------------------------------
@command
def serve(
    store: StoreOption = "kg-store",
    host: Annotated[str, typer.Option(
        help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port (0: any free port).", min=0,
                                      max=65535)] = 8000,
    allow_update: Annotated[bool, typer.Option(
        "--allow-update", help="Accept SPARQL updates that carry the token.")] = False,
    token: Annotated[str | None, typer.Option(
        help="Bearer token updates must send (with --allow-update; made up and printed "
        "if not given).", envvar="KG_SERVE_TOKEN")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds a query may run.", min=0.1)] = 30.0,
    max_rows: Annotated[int, typer.Option(help="Rows (or triples) per answer at most.",
                                          min=1)] = 10_000,
    workers: Annotated[int, typer.Option(help="Query worker processes kept ready.", min=1)] = 2,
    max_workers: Annotated[int, typer.Option(
        help="Worker processes at most (more start while all are busy).", min=1)] = 32,
    max_memory: Annotated[int, typer.Option(
        help="MB of memory a query worker may grow by before its query is stopped.",
        min=16)] = 1024,
    max_response: Annotated[int, typer.Option(
        help="Bytes an answer may have at most.", min=1)] = 64_000_000,
    read_timeout: Annotated[float, typer.Option(
        help="Seconds a client has to send a request (and may stay idle).", min=0.1)] = 10.0,
    max_connections: Annotated[int, typer.Option(
        help="Connections open at once at most.", min=1)] = 64,
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint (/sparql) with a query page (/)."""
    from kg.serve import make_server, new_token

    if allow_update and not token:
        token = new_token()
        err.print(f"updates need: Authorization: Bearer {token}", markup=False)
    server = make_server(store, host=host, port=port, timeout=timeout, max_rows=max_rows,
                         allow_update=allow_update, token=token, workers=workers,
                         max_workers=max(workers, max_workers), max_memory_mb=max_memory,
                         max_response_bytes=max_response, read_timeout=read_timeout,
                         max_connections=max_connections)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]warning:[/yellow] listening on {escape(host)}: other machines "
                  "can query this store", markup=True)
    err.print(f"kg serve: {server.url} (page: {server.url[:-len('sparql')]}); "
              f"{'read-write' if allow_update else 'read-only'}; Ctrl-C stops", markup=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        err.print("stopped")
    finally:
        server.server_close()
