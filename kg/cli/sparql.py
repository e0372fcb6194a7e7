"""The SPARQL commands of ``kg``: ``query``, ``queries``, ``run`` and ``serve``::

    kg query 'SELECT ?s ?o { ?s kg:cooperates_with ?o }'
    kg queries                                  # the saved queries
    kg queries said-by                          # one query: description, parameters
    kg run said-by --param speaker="Vladimir Putin" --format csv
    kg serve --store kg-store --port 8000        # SPARQL endpoint at /sparql
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from kg.cli.console import err, handles_errors, open_output, out, print_result
from kg.cli.options import ResultFormat, RunFormat, StoreOption
from kg.errors import ConfigError, InputError

__all__ = ["queries", "query", "run", "serve"]


@handles_errors
def query(
    sparql: Annotated[str | None, typer.Argument(
        help="The SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE).", show_default=False)] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read the query from a file.")]
    = None,
    name: Annotated[str | None, typer.Option(
        "--name", "-n", help="Run a saved query by name (list them with: kg queries).",
        show_default=False)] = None,
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="key=value for a saved query's parameter; repeatable. Values "
        "are bound as RDF terms, never pasted into the query.", show_default=False)] = None,
    store: StoreOption = "kg-store",
    fmt: Annotated[ResultFormat, typer.Option("--format", "-f",
                   help="table for people; csv, tsv, json, xml (SPARQL 1.1 results) for "
                   "programs; CONSTRUCT/DESCRIBE print Turtle (or nt).")] = ResultFormat.table,
    union: Annotated[bool, typer.Option(
        help="See all named graphs as one default graph.")] = True,
) -> None:
    """Run a SPARQL query on the store. Prefixes rdf, rdfs, owl, skos, prov, schema, xsd,
    nif, wd, kg, ent, doc and stmt are predefined."""
    from kg.pipeline import KnowledgeGraph

    if name is not None:
        if sparql is not None or file is not None:
            raise ConfigError("give a query, --file or --name, not several")
        from kg.queries import parse_params, prepare

        text, bindings = prepare(name, parse_params(param))
    else:
        if param:
            raise ConfigError("--param goes with --name (a saved query)",
                              hint="list the saved queries with: kg queries")
        text, bindings = _query_text(sparql, file), {}
    with KnowledgeGraph(store, read_only=True) as graph:
        if fmt is ResultFormat.table:
            print_result(graph.store.query(text, bindings=bindings, union=union))
            return
        with open_output(None) as sink:
            graph.store.query_to(sink, text, fmt.value, bindings=bindings, union=union)


def _query_text(sparql: str | None, file: Path | None) -> str:
    if (sparql is None) == (file is None):
        raise ConfigError("give either a query or --file, not both or neither",
                          hint="kg query 'SELECT * { ?s ?p ?o } LIMIT 5'")
    if file is not None:
        try:
            return file.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read the query: {exc.strerror or exc}",
                             source=str(file), hint="check the path") from exc
    assert sparql is not None
    return sparql


# -- kg queries ------------------------------------------------------------------------
@handles_errors
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
@handles_errors
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


# -- kg serve --------------------------------------------------------------------------
@handles_errors
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
