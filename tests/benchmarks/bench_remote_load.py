"""Benchmark: quads/s into Virtuoso, graph by graph against its bulk loader, in one run.

    python tests/benchmarks/bench_remote_load.py [N_FILES] [--copies K] [--endpoint URL]
        [--sql HOST:PORT] [--bulk-dir DIR]

Builds the first N BBC articles (default 100) into a memory store, dumps the
N-Quads and repeats them K times under distinct document names (default 20), with
every graph renamed under ``http://kg.example.org/bench/<method>/`` so that the
server's other graphs are not touched. Then, into the server (default
``$KG_TEST_SPARQL_ENDPOINT``, user/password ``dba``/``dba`` or ``$KG_STORE_USER``,
``$KG_STORE_PASSWORD``), times:

- graph by graph: ``SparqlStore.replace_graph`` once per graph, as ``kg build
  --store http://…`` writes each document (one Graph Store PUT each);
- batched: ``SparqlStore.load`` over HTTP (Graph Store POSTs of up to 50,000
  triples, one per graph in a batch), as ``kg load`` without a bulk folder;
- bulk: ``SparqlStore.load`` with ``KG_STORE_BULK_DIR`` (Virtuoso's ``ld_dir`` +
  ``rdf_loader_run`` + ``checkpoint``), as ``kg load`` and Dask shards with it.

Each method's graphs are counted on the server afterwards (they must hold every
distinct quad) and dropped. Prints quads/s and the ratios to graph by graph. Start
a server with ``bash .ci/virtuoso.sh start`` (its ``DirsAllowed`` holds the temp
folder, the default ``--bulk-dir``), and use a throwaway one (``KG_VIRTUOSO_DIR``,
``KG_VIRTUOSO_HTTP_PORT``, ``KG_VIRTUOSO_SQL_PORT``), not the tests' server: after
this benchmark's loads and drops, Virtuoso 7.2 answered the saved ``network`` query
with no rows on the test sample it answers on a fresh server (its plan for the
``rdfs:subPropertyOf*`` path joined with the statement patterns changes).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

BBC = Path(__file__).resolve().parents[3] / "shared" / "data" / "bbc-news" / "news"
BENCH = "http://kg.example.org/bench/"


def dataset(files: int, copies: int) -> list[tuple[object, object, object, str]]:
    """The build's quads, ``copies`` times under distinct document names, graph names
    as strings relative to the bench namespace."""
    import pyoxigraph as ox

    from kg.pipeline import KnowledgeGraph

    graph = KnowledgeGraph("memory:")
    graph.build(sorted(BBC.glob("*/*.txt"))[:files])
    buffer = io.BytesIO()
    graph.export(buffer, "nq")
    lines = buffer.getvalue().splitlines()
    data = b"\n".join(
        line.replace(b"<http://kg.example.org/doc/", b"<http://kg.example.org/doc/c%d-" % k)
        for k in range(copies) for line in lines) + b"\n"
    seen: set[tuple[object, object, object, str]] = set()
    for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        name = quad.graph_name
        g = urllib.parse.quote(name.value, safe="") if isinstance(name, ox.NamedNode) else "d"
        seen.add((quad.subject, quad.predicate, quad.object, g))
    return sorted(seen, key=lambda q: q[3])


def nquads(quads: list[tuple[object, object, object, str]], method: str) -> bytes:
    return "".join(f"{s} {p} {o} <{BENCH}{method}/{g}> .\n"
                   for s, p, o, g in quads).encode("utf-8")


def count(store: object, method: str) -> int:
    from kg.store.remote import SparqlStore

    assert isinstance(store, SparqlStore)
    result = store.query(
        f'SELECT (COUNT(*) AS ?n) {{ GRAPH ?g {{ ?s ?p ?o }} '
        f'FILTER(STRSTARTS(STR(?g), "{BENCH}{method}/")) }}', union=False)
    return int(str(result.rows[0][0]))


def drop(store: object, method: str) -> None:
    from rdflib import URIRef

    from kg.store.remote import SparqlStore

    assert isinstance(store, SparqlStore)
    graphs = store.query(f'SELECT DISTINCT ?g {{ GRAPH ?g {{ ?s ?p ?o }} '
                         f'FILTER(STRSTARTS(STR(?g), "{BENCH}{method}/")) }}', union=False)
    for (g,) in graphs.rows:
        assert isinstance(g, URIRef)
        store.remove_graph(g)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", nargs="?", type=int, default=100)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--endpoint", default=os.environ.get("KG_TEST_SPARQL_ENDPOINT"))
    parser.add_argument("--sql", default=os.environ.get("KG_STORE_SQL"))
    parser.add_argument("--bulk-dir", default=os.environ.get("KG_STORE_BULK_DIR"))
    args = parser.parse_args()
    if not BBC.exists():
        sys.exit(f"{BBC} is absent: this benchmark needs ../shared/data/bbc-news")
    if not args.endpoint:
        sys.exit("no server: start one with `bash .ci/virtuoso.sh start` and give --endpoint "
                 "or KG_TEST_SPARQL_ENDPOINT")

    from rdflib import URIRef

    from kg.store.remote import SparqlStore
    from kg.store.virtuoso import BulkLoader

    host = urllib.parse.urlsplit(args.endpoint).hostname or "127.0.0.1"
    user = os.environ.get("KG_STORE_USER", "dba")
    password = os.environ.get("KG_STORE_PASSWORD", "dba")
    folder = args.bulk_dir or tempfile.mkdtemp(prefix="kg-bench-bulk-")
    plain = SparqlStore(args.endpoint, user=user, password=password)
    bulk = SparqlStore(args.endpoint, user=user, password=password,
                       bulk=BulkLoader(folder=folder, sql=args.sql or f"{host}:1111"))

    quads = dataset(args.files, args.copies)
    graphs = len({g for *_, g in quads})
    print(f"{len(quads):,} distinct quads in {graphs:,} graphs "
          f"({args.files} BBC files x {args.copies} copies) into {args.endpoint}")

    from kg.store import from_ox

    groups: dict[URIRef, list[tuple[object, object, object, URIRef]]] = {}
    for s, p, o, g in quads:  # rdflib terms, as the pipeline has them
        name = URIRef(f"{BENCH}g/{g}")
        groups.setdefault(name, []).append((from_ox(s), from_ox(p), from_ox(o), name))

    def graph_by_graph() -> None:
        for name, graph_quads in groups.items():
            plain.replace_graph(name, graph_quads)  # type: ignore[arg-type]

    batched, bulked = nquads(quads, "b"), nquads(quads, "l")  # N-Quads files, made untimed
    methods: list[tuple[str, str, Callable[[], None]]] = [
        ("graph by graph (replace_graph, GSP PUT per graph)", "g", graph_by_graph),
        ("batched HTTP (load, GSP POST per graph per batch)", "b",
         lambda: plain.load(batched, "nq")),
        ("bulk loader (ld_dir + rdf_loader_run + checkpoint)", "l",
         lambda: bulk.load(bulked, "nq")),
    ]
    rates: dict[str, float] = {}
    for label, method, load in methods:
        drop(plain, method)
        began = time.perf_counter()
        load()
        seconds = time.perf_counter() - began
        stored = count(plain, method)
        rates[method] = len(quads) / seconds
        print(f"{label:52s} {seconds:7.2f} s {rates[method]:10,.0f} quads/s "
              f"(stored {stored:,}{'' if stored == len(quads) else ' MISMATCH'})")
        drop(plain, method)
    print(f"ratio bulk / graph by graph: x{rates['l'] / rates['g']:.1f}; "
          f"batched / graph by graph: x{rates['b'] / rates['g']:.1f}")


if __name__ == "__main__":
    main()
