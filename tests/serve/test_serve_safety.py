"""``kg serve`` is safe by default: read-only, no outbound requests, time and size limits."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg.errors import ConfigError, StoreError
from kg.serve import SparqlServer, make_server, outbound_keyword
from kg.store import OxigraphStore

Start = Callable[..., SparqlServer]
COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
#: A cross product that takes seconds on 3,000 triples (9 million pairs, filtered).
SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . FILTER(STR(?b) < STR(?d)) }"
#: 27 billion triples of triples: hours, unless stopped.
ENDLESS = "SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"


def count(http: Any, url: str) -> int:
    reply = http.get(url, COUNT)
    assert reply.status == 200, reply.text
    return int(json.loads(reply.body)["results"]["bindings"][0]["n"]["value"])


def fill(store: OxigraphStore, n: int = 3000) -> None:
    store._store.bulk_extend(
        ox.Quad(ox.NamedNode(f"http://x.org/{i}"), ox.NamedNode("http://x.org/p"),
                ox.Literal(i), ox.NamedNode("http://x.org/g")) for i in range(n))


# -- updates -------------------------------------------------------------------------
def test_updates_are_refused_without_the_flag(running: Start, http: Any) -> None:
    url = running().url
    before = count(http, url)
    for reply in (
        http.post_form(url, "update", "DROP ALL"),
        http.request(url, data=b"DROP ALL",
                     headers={"Content-Type": "application/sparql-update",
                              "Authorization": "Bearer anything"}),
    ):
        assert reply.status == 403
        assert "--allow-update" in reply.text
    assert http.request(url + "?update=DROP%20ALL").status == 405
    # an update sent as a query does not parse as one
    assert http.post_form(url, "query", "DROP ALL").status == 400
    assert count(http, url) == before


def test_updates_with_the_flag_need_the_token(running: Start, http: Any) -> None:
    url = running(allow_update=True, token="s3cret").url
    insert = "INSERT DATA { GRAPH <http://x.org/g> { <http://x.org/a> <http://x.org/b> 1 } }"
    before = count(http, url)
    assert http.post_form(url, "update", insert).status == 401
    wrong = http.post_form(url, "update", insert, headers={"Authorization": "Bearer s3cre"})
    assert wrong.status == 401
    assert wrong.headers["WWW-Authenticate"].startswith("Bearer")
    assert count(http, url) == before
    ok = http.post_form(url, "update", insert, headers={"Authorization": "Bearer s3cret"})
    assert ok.status == 200, ok.text
    assert count(http, url) == before + 1
    load = http.post_form(url, "update", "LOAD <http://127.0.0.1:9/x.ttl>",
                          headers={"Authorization": "Bearer s3cret"})
    assert load.status == 403
    assert "LOAD is refused" in load.text


def test_updates_on_a_store_on_disk_are_kept(tmp_path: Path, running: Start,
                                             http: Any) -> None:
    path = tmp_path / "store"
    OxigraphStore(path).close()
    server = running(str(path), allow_update=True, token="t", timeout=5.0)
    insert = "INSERT DATA { GRAPH <http://x.org/g> { <http://x.org/a> <http://x.org/b> 1 } }"
    reply = http.post_form(server.url, "update", insert, headers={"Authorization": "Bearer t"})
    assert reply.status == 200, reply.text
    assert count(http, server.url) == 1
    server.shutdown()
    server.server_close()
    with OxigraphStore(path) as store:
        assert len(store) == 1


def test_allow_update_without_a_token_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="token"):
        make_server("memory:", port=0, allow_update=True)


# -- no outbound requests --------------------------------------------------------------
@pytest.mark.parametrize("query", [
    "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "select * { service <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * {\n\tSeRvIcE\n\tSILENT <http://127.0.0.1:9/> {?s ?p ?o}}",
    "SELECT * { ?x ?y ?z .SERVICE<http://127.0.0.1:9/>{?s ?p ?o} }",
    "SELECT * { # a comment } SERVICE\nSERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * { SERVICE ?endpoint { ?s ?p ?o } VALUES ?endpoint { <http://127.0.0.1:9/> } }",
])
def test_service_is_refused(running: Start, http: Any, query: str) -> None:
    url = running().url
    reply = http.get(url, query)
    assert reply.status == 403, reply.text
    assert "SERVICE is refused" in reply.text
    assert http.post_form(url, "query", query).status == 403


@pytest.mark.parametrize(("text", "found"), [
    ("SELECT ?service { ?service <http://x/load> 'SERVICE' }", None),
    ("PREFIX service: <http://x/> SELECT * { ?s service:load ?o }", None),
    ("SELECT * { ?s ?p \"\"\"a \" SERVICE \"\"\" }", None),
    ("SELECT * { ?s <http://x/SERVICE> ?o } # SERVICE", None),
    ("SELECT * { ?s ?p ?o FILTER(?o<?p) SERVICE <x> {} }", "SERVICE"),
    ("load <http://x/>", "LOAD"),
    ("LOAD SILENT <http://x/> INTO GRAPH <http://y/>", "LOAD"),
    ("SELECT * { ?s ?p 'it''s' SERVICE <x> {} }", "SERVICE"),
])
def test_outbound_keyword(text: str, found: str | None) -> None:
    assert outbound_keyword(text) == found


# -- time limits -----------------------------------------------------------------------
def test_a_slow_query_on_disk_is_stopped_and_the_server_recovers(
        tmp_path: Path, running: Start, http: Any) -> None:
    store = OxigraphStore(tmp_path / "store")
    fill(store)
    store.close()
    url = running(str(tmp_path / "store"), timeout=1.0, workers=1).url
    started = time.monotonic()
    reply = http.get(url, ENDLESS)
    elapsed = time.monotonic() - started
    assert reply.status == 503
    assert "time limit of 1 s" in reply.text
    assert elapsed < 4
    # the worker was killed and replaced (left running, it would take hours): the
    # next query is answered as soon as the new worker is up
    started = time.monotonic()
    assert count(http, url) == 3000
    assert time.monotonic() - started < 20


def test_a_slow_query_in_memory_answers_at_the_deadline(running: Start, http: Any) -> None:
    store = OxigraphStore()
    fill(store)
    url = running(store, timeout=0.5).url
    started = time.monotonic()
    reply = http.get(url, SLOW)
    assert reply.status == 503
    assert time.monotonic() - started < 2
    # a streaming query stops at the deadline too
    many = http.get(url, "SELECT * { ?a ?p ?b . ?c ?q ?d }")
    assert many.status in (200, 503)


def test_serving_a_missing_or_remote_store_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        make_server(str(tmp_path / "missing"), port=0)
    with pytest.raises(ConfigError, match="own endpoint"):
        make_server("http://127.0.0.1:8890/sparql", port=0)


def test_binds_to_localhost_by_default() -> None:
    server = make_server("memory:", port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()
