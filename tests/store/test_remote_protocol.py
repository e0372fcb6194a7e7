"""The remote store without Virtuoso: term writing, parameter binding, retries, and
a full round trip against ``kg serve`` (a SPARQL 1.1 server with updates, no Graph
Store Protocol), so the generic SPARQL Update path is always tested."""

from __future__ import annotations

import importlib.util
import io
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import BNode, Literal, URIRef

from kg.errors import ConfigError, QueryError, StoreError
from kg.queries import list_queries, run_saved
from kg.rdf import ENTITIES_GRAPH, document_iri
from kg.serve import SparqlServer, make_server
from kg.store import OxigraphStore, open_store
from kg.store.remote import SparqlStore, query_kind, sparql_term, with_values


def _sample() -> ModuleType:
    path = Path(__file__).resolve().parent / "sample.py"
    spec = importlib.util.spec_from_file_location("kg_test_sample_remote", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sample = _sample()
PARAMS = {
    "relations-between": {"a": "russia", "b": "CHINA"},
    "said-by": {"speaker": "Putin"},
    "statements-about": {"name": 'Evil"} >Corp'},
    "documents-mentioning": {"name": "Russian Federation"},
}


# -- writing terms and binding parameters -------------------------------------------------
@pytest.mark.parametrize("value", ['x" } DROP ALL #', "a\nb\tc\\d", "\\u0022", "'''", "☃",
                                   "\\", '\\"', "\\U00000022"])
def test_literals_are_escaped(value: str) -> None:
    store = OxigraphStore()
    text = f"SELECT ?x {{ BIND({sparql_term(Literal(value))} AS ?x) }}"
    assert store.query(text).rows == ((Literal(value),),)  # one literal, the same value


def test_terms() -> None:
    assert sparql_term(URIRef("http://x.org/a")) == "<http://x.org/a>"
    assert sparql_term(Literal("a", lang="en-GB")) == '"a"@en-GB'
    assert sparql_term(Literal("1", datatype=URIRef("http://x.org/t"))) == '"1"^^<http://x.org/t>'
    assert sparql_term(BNode("b 1")).startswith("_:b_1")
    for bad in (URIRef("http://x.org/a> } DROP ALL { <b"), URIRef("a b")):
        with pytest.raises(ConfigError, match="cannot be written as an IRI"):
            sparql_term(bad)


def test_values_go_into_the_where_group() -> None:
    query = ('PREFIX x: <http://x.org/> # a { brace\n'
             'SELECT ?s (CONCAT("{", ?o, \'\'\'}{\'\'\') AS ?c) FROM <http://x.org/g> WHERE {'
             ' ?s ?p ?o { SELECT ?o { ?o ?q ?r } } }')
    bound = with_values(query, {"o": Literal("}")})
    head, tail = bound.split('WHERE {', 1)
    assert tail.startswith(' VALUES (?o) { ("}") } ?s ?p ?o')
    assert head == query.split("WHERE {", 1)[0]
    construct = with_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": URIRef("http://a")})
    assert construct == ("CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?s) { (<http://a>) } "
                         "?s ?p ?o }")
    with pytest.raises(ConfigError, match="short CONSTRUCT WHERE"):
        with_values("CONSTRUCT WHERE { ?s ?p ?o }", {"s": URIRef("http://a")})
    with pytest.raises(ConfigError, match="bad variable name"):
        with_values("ASK { }", {"a) } DROP ALL {": Literal(1)})
    assert with_values("ASK { }", {}) == "ASK { }"


def test_query_kind() -> None:
    assert query_kind("select * {}") == "select"
    assert query_kind("PREFIX ask: <http://x/> # CONSTRUCT\nASK {}") == "ask"
    assert query_kind("DESCRIBE <http://x>") == "graph"
    with pytest.raises(QueryError):
        query_kind("DROP ALL")


def test_open_store_routes_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_STORE_USER", "u")
    monkeypatch.setenv("KG_STORE_UNION_GRAPH", "urn:x-arq:UnionGraph")
    store = open_store("http://127.0.0.1:1/sparql")
    assert isinstance(store, SparqlStore)
    assert store.user == "u"
    assert store.union_graph == "urn:x-arq:UnionGraph"
    with pytest.raises(ConfigError, match="not an http"):
        open_store("ftp://127.0.0.1/sparql")


# -- retries -----------------------------------------------------------------------------
class _Flaky(BaseHTTPRequestHandler):
    """Fails the first ``failures`` requests with ``status``, then answers ASK true."""

    failures = 2
    status = 503
    text = b"busy"
    seen = 0
    delay = 0.0

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        type(self).seen += 1
        time.sleep(type(self).delay)
        if type(self).seen <= type(self).failures:
            body = type(self).text
            self.send_response(type(self).status)
            self.send_header("Retry-After", "0")
        else:
            body = json.dumps({"head": {}, "boolean": True}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def flaky() -> Iterator[tuple[str, type[_Flaky]]]:
    handler = type("Handler", (_Flaky,), {"seen": 0})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", handler
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("status", [503, 429, 502])
def test_transient_errors_are_retried(flaky: tuple[str, type[_Flaky]], status: int) -> None:
    url, handler = flaky
    handler.status = status
    store = SparqlStore(url, backoff=0.01)
    assert store.query("ASK { }").boolean is True
    assert handler.seen == 3


def test_a_deadlock_is_retried_but_a_bad_query_is_not(flaky: tuple[str, type[_Flaky]]) -> None:
    url, handler = flaky
    handler.status = 500
    handler.text = b"Virtuoso 40001 Error SR172: Transaction deadlocked"
    assert SparqlStore(url, backoff=0.01).query("ASK { }").boolean is True
    assert handler.seen == 3
    handler.seen = 0
    handler.text = b"Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error"
    with pytest.raises(QueryError, match="SP030"):
        SparqlStore(url, backoff=0.01).query("ASK { }")
    assert handler.seen == 1


def test_a_timeout_is_not_retried(flaky: tuple[str, type[_Flaky]]) -> None:
    url, handler = flaky
    handler.failures, handler.delay = 0, 1.0
    with pytest.raises(StoreError, match=r"did not answer the query in 0.2 s"):
        SparqlStore(url, backoff=0.01, timeout=0.2).query("ASK { }")
    assert handler.seen == 1


def test_retries_give_up(flaky: tuple[str, type[_Flaky]]) -> None:
    url, handler = flaky
    handler.failures = 10
    with pytest.raises(StoreError, match="HTTP 503"):
        SparqlStore(url, backoff=0.01, retries=2).query("ASK { }")
    assert handler.seen == 3


def test_a_bad_query_is_not_retried(flaky: tuple[str, type[_Flaky]]) -> None:
    url, handler = flaky
    handler.status = 400
    with pytest.raises(QueryError, match="HTTP 400"):
        SparqlStore(url, backoff=0.01).query("ASK { }")
    assert handler.seen == 1


def test_an_unreachable_server_is_a_store_error() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StoreError, match="cannot reach"):
        SparqlStore(f"http://127.0.0.1:{port}/sparql", backoff=0.01, retries=1).query("ASK {}")


# -- a round trip through kg serve ---------------------------------------------------------
@pytest.fixture()
def served() -> Iterator[tuple[SparqlServer, OxigraphStore]]:
    backing = OxigraphStore()
    server = make_server(backing, port=0, allow_update=True, token="t0ken", max_rows=100_000)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, backing
    server.shutdown()
    server.server_close()


def test_remote_store_over_kg_serve(served: tuple[SparqlServer, OxigraphStore]) -> None:
    server, backing = served
    remote = SparqlStore(server.url, token="t0ken", batch_size=50)  # many batches
    sample.load_sample(remote)
    embedded = OxigraphStore()
    sample.load_sample(embedded)
    assert len(remote) == len(embedded) == len(backing)
    for query in list_queries():
        params = PARAMS.get(query.name, {})
        assert run_saved(remote, query.name, params) == run_saved(embedded, query.name, params), \
            query.name

    # replacing a document's graph leaves no duplicate and no stale triple
    document, resolved = sample.document_one(title="Security talks, updated")
    graph = document_iri(document.id)
    for _ in range(2):
        remote.replace_graph(graph, sample.quads_of(document, resolved))
        embedded.replace_graph(graph, sample.quads_of(document, resolved))
    assert len(remote) == len(embedded)
    titles = remote.query("SELECT ?d ?t { ?d schema:name ?t }", bindings={"d": graph})
    assert [str(r[1]) for r in titles.rows] == ["Security talks, updated"]

    out = io.BytesIO()
    assert remote.query_to(out, "SELECT ?l { ?e a kg:Country ; rdfs:label ?l } ORDER BY ?l",
                           "csv") == "select"
    assert out.getvalue().decode().split() == ["l", "China", "Georgia", "Russia", "Ukraine"]

    dump = io.BytesIO()
    remote.dump(dump, "nq")
    assert dump.getvalue().count(b"\n") == len(embedded)

    remote.remove_graph(graph)
    assert not remote.query("ASK { GRAPH ?g { ?s ?p ?o } }", bindings={"g": graph}).boolean
    assert remote.query("ASK { GRAPH ?g { ?s ?p ?o } }",
                        bindings={"g": ENTITIES_GRAPH}).boolean


def test_remote_writes_need_the_token(served: tuple[SparqlServer, OxigraphStore]) -> None:
    server, _ = served
    with pytest.raises(StoreError, match="refused"):
        SparqlStore(server.url, backoff=0.01).remove_graph(URIRef("http://x.org/g"))
    with pytest.raises(StoreError, match="read-only"):
        SparqlStore(server.url, read_only=True).remove_graph(URIRef("http://x.org/g"))
