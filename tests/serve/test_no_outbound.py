"""Nothing leaves the machine: no query or update of an evasion corpus makes kg open a
connection, through ``kg serve`` (GET and POST, threads and worker processes) and
through ``kg query`` (an argument or a file).

A listener on 127.0.0.1 stands where each query points and counts connections. The
text check in front of the engine (``outbound_keyword``) is also switched off in
some runs, to show that the sandbox alone holds: the guarantee does not depend on
a second lexer agreeing with Oxigraph's parser.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import kg.serve
from kg.cli import app
from kg.errors import QueryError
from kg.sandbox import SandboxUnavailable, confined, deny_network
from kg.serve import SparqlServer
from kg.store import OxigraphStore

Start = Callable[..., SparqlServer]
runner = CliRunner()


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it accepts; it stops
    by itself when the test ends (and after 120 s at most)."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.hits: list[bytes] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        for _ in range(1200):  # bounded: 120 s
            if self.stopped.is_set():
                break
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            conn.settimeout(0.5)
            try:
                self.hits.append(conn.recv(1024) or b"(connected)")
            except OSError:
                self.hits.append(b"(connected)")
            conn.close()
        self.sock.close()

    def wait_for(self, count: int, seconds: float = 3.0) -> int:
        """The number of connections, waiting (a little) for ``count`` of them."""
        for _ in range(int(seconds * 20)):
            if len(self.hits) >= count:
                break
            time.sleep(0.05)
        return len(self.hits)

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join(5)


@pytest.fixture()
def listener() -> Iterator[Listener]:
    listening = Listener()
    yield listening
    listening.stop()


@pytest.fixture(scope="module")
def sandbox() -> None:
    try:
        confined(lambda: None, strict=True)
    except SandboxUnavailable as exc:  # pragma: no cover - not Linux
        pytest.skip(f"no network sandbox here: {exc}")


#: Queries that ask for a request to the listener (``URL`` is replaced by its address).
QUERIES = [
    # the forms of the issue: kg's lexer and Oxigraph's parser read escapes and "<" apart
    "SELECT ?z { BIND('\\u0027' AS ?v) SERVICE <URL/sparql> {?a ?b ?c} BIND('\\u0027' AS ?w) }",
    'SELECT ?z { BIND("\\u0022" AS ?v) SERVICE <URL/sparql> {?a ?b ?c} BIND("\\u0022" AS ?w) }',
    "SELECT * { VALUES ?x {<URL/sparql>} FILTER EXISTS { BIND(1 AS ?o) FILTER(?o<2)SERVICE?x#>\n"
    "{?a ?b ?c} } }",
    # plain, case, SILENT, comments, spacing
    "SELECT * { SERVICE <URL/sparql> { ?a ?b ?c } }",
    "select * { sErViCe <URL/sparql> { ?a ?b ?c } }",
    "SELECT * { SERVICE SILENT <URL/sparql> { ?a ?b ?c } }",
    "SELECT * { SERVICE#comment\n<URL/sparql>#another\n{ ?a ?b ?c } }",
    "SELECT * {SERVICE<URL/sparql>{?a ?b ?c}}",
    # prefixed names, BASE, escapes in IRIs and keywords
    "PREFIX r: <URL/> SELECT * { SERVICE r:sparql { ?a ?b ?c } }",
    "BASE <URL/> SELECT * { SERVICE <sparql> { ?a ?b ?c } }",
    "SELECT * { SERVICE <URL\\u002Fsparql> { ?a ?b ?c } }",
    "SELECT * { \\u0053ERVICE <URL/sparql> { ?a ?b ?c } }",
    # a variable endpoint
    "SELECT * { VALUES ?e { <URL/sparql> } SERVICE ?e { ?a ?b ?c } }",
    "SELECT * { BIND(<URL/sparql> AS ?e) SERVICE ?e { ?a ?b ?c } }",
    # nested groups, subqueries, OPTIONAL, MINUS, UNION, EXISTS in ORDER BY
    "SELECT * { { { OPTIONAL { SERVICE <URL/sparql> { ?a ?b ?c } } } } }",
    "SELECT * { { SELECT * { SERVICE <URL/sparql> { ?a ?b ?c } } } }",
    "SELECT * { ?s ?p ?o MINUS { SERVICE <URL/sparql> { ?s ?p ?o } } }",
    "SELECT * { { ?s ?p ?o } UNION { SERVICE <URL/sparql> { ?a ?b ?c } } }",
    "SELECT * { ?s ?p ?o } ORDER BY (EXISTS { SERVICE <URL/sparql> { ?a ?b ?c } })",
    "SELECT * { ?s ?p ?o FILTER NOT EXISTS { SERVICE <URL/sparql> { ?a ?b ?c } } }",
    # the other query forms
    "ASK { SERVICE <URL/sparql> { ?a ?b ?c } }",
    "CONSTRUCT { ?a ?b ?c } WHERE { SERVICE <URL/sparql> { ?a ?b ?c } }",
    "DESCRIBE ?a WHERE { SERVICE <URL/sparql> { ?a ?b ?c } }",
    # inside strings it is not a use, but must not reach anything either way
    "SELECT * { BIND('''x''' AS ?q) SERVICE <URL/sparql> { ?a ?b ?c } }",
]

#: Updates (sent with the token to a server that allows updates).
UPDATES = [
    "LOAD <URL/x.ttl>",
    "load silent <URL/x.ttl> into graph <http://x.org/g>",
    "INSERT DATA { <http://x.org/a> <http://x.org/b> '\\u0027' } ; LOAD <URL/x.ttl> ; "
    "INSERT DATA { <http://x.org/a> <http://x.org/b> '\\u0027' }",
    "INSERT { ?a ?b ?c } WHERE { BIND('\\u0027' AS ?v) SERVICE <URL/sparql> { ?a ?b ?c } "
    "BIND('\\u0027' AS ?w) }",
    "DELETE { ?a ?b ?c } WHERE { SERVICE SILENT <URL/sparql> { ?a ?b ?c } }",
    "PREFIX r: <URL/> LOAD r:x.ttl",
]


def fill(store: OxigraphStore) -> None:
    store._store.bulk_extend(
        ox.Quad(ox.NamedNode(f"http://x.org/{i}"), ox.NamedNode("http://x.org/p"),
                ox.Literal(i), ox.NamedNode("http://x.org/g")) for i in range(20))


def on_disk(tmp_path: Path) -> str:
    path = tmp_path / "store"
    store = OxigraphStore(path)
    fill(store)
    store.close()
    return str(path)


def texts(templates: list[str], listener: Listener) -> list[str]:
    return [t.replace("URL", f"http://127.0.0.1:{listener.port}") for t in templates]


def send_all(http: Any, url: str, queries: list[str], **headers: str) -> list[int]:
    statuses = []
    for query in queries:
        statuses.append(http.get(url, query).status)
        statuses.append(http.post_form(url, "query", query).status)
        statuses.append(http.request(url, data=query.encode(), headers={
            "Content-Type": "application/sparql-query", **headers}).status)
    return statuses


def still_answers(http: Any, url: str) -> None:
    reply = http.get(url, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    assert reply.status == 200, reply.text
    assert int(json.loads(reply.body)["results"]["bindings"][0]["n"]["value"]) >= 0


@pytest.fixture(params=["checked", "unchecked"])
def text_check(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run with kg's text check on, and off (the sandbox alone must hold)."""
    if request.param == "unchecked":
        monkeypatch.setattr(kg.serve, "outbound_keyword", lambda _text: None)
    return str(request.param)


def test_the_sandbox_itself_refuses_sockets(sandbox: None, listener: Listener) -> None:
    def connect() -> None:
        socket.create_connection(("127.0.0.1", listener.port), timeout=1).close()

    with pytest.raises(PermissionError):
        confined(connect)
    # the calling thread keeps its network: the filter is on the query thread only
    connect()
    assert listener.wait_for(1) == 1


def test_deny_network_is_per_thread(sandbox: None) -> None:
    result: list[str] = []

    def body() -> None:
        deny_network()
        deny_network()  # twice is harmless
        try:
            socket.socket()
        except PermissionError:
            result.append("refused")

    thread = threading.Thread(target=body)
    thread.start()
    thread.join()
    assert result == ["refused"]
    socket.socket().close()


def test_serve_in_threads_makes_no_request(sandbox: None, running: Start, http: Any,
                                           listener: Listener, text_check: str) -> None:
    url = running(timeout=5.0).url
    statuses = send_all(http, url, texts(QUERIES, listener))
    assert listener.hits == []
    assert 500 not in statuses
    if text_check == "unchecked":
        assert 403 in statuses  # refused by the sandbox, said plainly
    still_answers(http, url)


def test_serve_in_worker_processes_makes_no_request(sandbox: None, tmp_path: Path,
                                                    running: Start, http: Any,
                                                    listener: Listener, text_check: str) -> None:
    url = running(on_disk(tmp_path), timeout=5.0, workers=1).url
    statuses = send_all(http, url, texts(QUERIES, listener))
    assert listener.hits == []
    assert 500 not in statuses
    still_answers(http, url)


@pytest.mark.parametrize("where", ["memory", "disk"])
def test_updates_with_the_token_make_no_request(sandbox: None, tmp_path: Path, running: Start,
                                                http: Any, listener: Listener,
                                                text_check: str, where: str) -> None:
    store = on_disk(tmp_path) if where == "disk" else None
    url = running(store, allow_update=True, token="t", timeout=5.0).url
    auth = {"Authorization": "Bearer t"}
    for update in texts(UPDATES, listener):
        form = http.post_form(url, "update", update, headers=auth)
        direct = http.request(url, data=update.encode(), headers={
            "Content-Type": "application/sparql-update", **auth})
        assert form.status != 200 or "SILENT" in update.upper(), (update, form.text)
        assert direct.status in {form.status, 200 if "SILENT" in update.upper() else 0}
    assert listener.hits == []
    still_answers(http, url)


def test_kg_query_makes_no_request(sandbox: None, tmp_path: Path, listener: Listener) -> None:
    store = on_disk(tmp_path)
    for index, query in enumerate(texts(QUERIES, listener)):
        argument = runner.invoke(app, ["query", query, "--store", store])
        file = tmp_path / f"q{index}.rq"
        file.write_text(query, encoding="utf-8")
        from_file = runner.invoke(app, ["query", "--file", str(file), "--store", store,
                                        "--format", "json"])
        for result in (argument, from_file):
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                query, result.output)
            assert "Traceback" not in result.output
    assert listener.hits == []


def test_a_store_refuses_service_in_the_library_too(sandbox: None,
                                                    listener: Listener) -> None:
    store = OxigraphStore()
    fill(store)
    query = texts(["SELECT * { SERVICE <URL/sparql> { ?a ?b ?c } }"], listener)[0]
    with pytest.raises(QueryError, match="network"):
        store.query(query)
    silent = texts(["SELECT * { SERVICE SILENT <URL/sparql> { ?a ?b ?c } }"], listener)[0]
    assert store.query(silent).rows in ((), ((None, None, None),))
    assert listener.hits == []


def test_the_corpus_does_reach_the_listener_without_the_sandbox(listener: Listener) -> None:
    """The corpus is not vacuous: run bare, Oxigraph does make the request."""
    store = ox.Store()
    query = texts([QUERIES[0]], listener)[0]
    with pytest.raises(OSError):
        list(store.query(query))  # type: ignore[arg-type]
    assert listener.wait_for(1) == 1
    assert b"/sparql" in listener.hits[0]

