"""The remote store against a real Virtuoso (start one with ``.ci/virtuoso.sh start``).

The server is ``$KG_TEST_SPARQL_ENDPOINT`` or, if unset, ``http://127.0.0.1:8890/sparql``
when something answers there; credentials ``$KG_TEST_SPARQL_USER`` /
``$KG_TEST_SPARQL_PASSWORD`` (default ``dba``/``dba``, a new Virtuoso's). Without a
server every test here is skipped, with the reason.

These tests write kg's sample graphs (two documents, the entities and ontology
graphs) into the server, replacing what is there under those names, and read
only those graphs (``default-graph-uri``), so other data on the server does not
matter. A lock file in the temp folder keeps two test runs from interleaving.
"""

from __future__ import annotations

import fcntl
import importlib.util
import io
import json
import os
import shutil
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pyoxigraph
import pytest
from rdflib import Literal, URIRef
from typer.testing import CliRunner

from kg.queries import list_queries, run_saved
from kg.rdf import ENTITIES_GRAPH, ONTOLOGY_GRAPH, RELATIONS_GRAPH, document_iri
from kg.store import OxigraphStore, open_store
from kg.store.remote import SparqlStore


def _sample() -> ModuleType:
    path = Path(__file__).resolve().parent / "sample.py"
    spec = importlib.util.spec_from_file_location("kg_test_sample_virtuoso", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sample = _sample()
ENDPOINT = os.environ.get("KG_TEST_SPARQL_ENDPOINT") or "http://127.0.0.1:8890/sparql"
USER = os.environ.get("KG_TEST_SPARQL_USER", "dba")
PASSWORD = os.environ.get("KG_TEST_SPARQL_PASSWORD", "dba")
PARAMS = {
    "relations-between": {"a": "russia", "b": "CHINA"},
    "said-by": {"speaker": "Putin"},
    "statements-about": {"name": 'Evil"} >Corp'},
    "documents-mentioning": {"name": "Russian Federation"},
}
SAMPLE_GRAPHS = [document_iri("news/one.txt"), document_iri("news/two.txt"), ENTITIES_GRAPH,
                 RELATIONS_GRAPH, ONTOLOGY_GRAPH]
TEST_GRAPH = URIRef("http://kg.example.org/test/loaded")


def _reachable() -> str | None:
    """``None`` when a SPARQL server answers at ENDPOINT, else why not."""
    url = ENDPOINT + "?" + urllib.parse.urlencode({"query": "ASK { }"})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=3) as response:
            json.loads(response.read())
    except (OSError, ValueError) as exc:
        return (f"no SPARQL server at {ENDPOINT} ({exc}); start one with "
                "`.ci/virtuoso.sh start` or set KG_TEST_SPARQL_ENDPOINT")
    return None


_WHY_NOT = _reachable()
pytestmark = pytest.mark.skipif(_WHY_NOT is not None, reason=_WHY_NOT or "")


@pytest.fixture(scope="module")
def server_lock() -> Iterator[None]:
    """One test run at a time on the shared server (they write the same graphs)."""
    path = Path(tempfile.gettempdir()) / "kg-sparql-tests.lock"
    with path.open("a") as handle:
        deadline = time.monotonic() + 600
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    pytest.skip(f"another test run has held {path} for 10 minutes")
                time.sleep(0.5)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture()
def remote(monkeypatch: pytest.MonkeyPatch, server_lock: None) -> Iterator[SparqlStore]:
    monkeypatch.setenv("KG_STORE_USER", USER)
    monkeypatch.setenv("KG_STORE_PASSWORD", PASSWORD)
    store = open_store(ENDPOINT)
    assert isinstance(store, SparqlStore)
    # the server may hold other graphs: read only the sample's
    store.default_graphs = tuple(str(g) for g in SAMPLE_GRAPHS)
    for graph in [*SAMPLE_GRAPHS, TEST_GRAPH]:
        store.remove_graph(graph)
    yield store
    for graph in [*SAMPLE_GRAPHS, TEST_GRAPH]:
        store.remove_graph(graph)


@pytest.fixture()
def embedded() -> OxigraphStore:
    store = OxigraphStore()
    sample.load_sample(store)
    return store


def _kg_quads(store: SparqlStore) -> int:
    values = " ".join(f"<{g}>" for g in SAMPLE_GRAPHS)
    result = store.query(f"SELECT (COUNT(*) AS ?n) {{ VALUES ?g {{ {values} }} "
                         "GRAPH ?g { ?s ?p ?o } }", union=False)
    return int(str(result.rows[0][0]))


def test_saved_queries_agree_with_the_embedded_store(remote: SparqlStore,
                                                     embedded: OxigraphStore) -> None:
    sample.load_sample(remote)
    assert _kg_quads(remote) == len(embedded)
    for query in list_queries():
        params = PARAMS.get(query.name, {})
        here = run_saved(embedded, query.name, params)
        there = run_saved(remote, query.name, params)
        assert there.variables == here.variables, query.name
        assert there.rows == here.rows, query.name
        assert here.rows or query.name == "network", f"{query.name} found nothing"


def test_replacing_a_document_duplicates_nothing(remote: SparqlStore,
                                                 embedded: OxigraphStore) -> None:
    sample.load_sample(remote)
    before = _kg_quads(remote)
    document, resolved = sample.document_one()
    graph = document_iri(document.id)
    for _ in range(3):
        remote.replace_graph(graph, sample.quads_of(document, resolved))
    assert _kg_quads(remote) == before
    # a changed document: its graph is replaced, not merged
    changed, resolved = sample.document_one(title="Security talks (corrected)")
    remote.replace_graph(graph, sample.quads_of(changed, resolved))
    embedded.replace_graph(graph, sample.quads_of(changed, resolved))
    assert _kg_quads(remote) == len(embedded) == before
    titles = remote.query("SELECT ?d ?t { GRAPH ?d { ?d schema:name ?t } }",
                          bindings={"d": graph}, union=False)
    assert [str(row[1]) for row in titles.rows] == ["Security talks (corrected)"]
    statements = "SELECT (COUNT(DISTINCT ?st) AS ?n) { ?st a rdf:Statement }"
    assert remote.query(statements).rows == embedded.query(statements).rows


def test_the_sql_insert_path_without_graph_store(remote: SparqlStore) -> None:
    """The SPARQL Update replace (DROP + INSERT DATA), in small batches."""
    plain = SparqlStore(ENDPOINT, user=USER, password=PASSWORD, batch_size=40,
                        update_endpoint=ENDPOINT.rsplit("/", 1)[0] + "/sparql-auth",
                        default_graphs=[str(g) for g in SAMPLE_GRAPHS])
    sample.load_sample(plain)
    first = _kg_quads(plain)
    sample.load_sample(plain)
    assert _kg_quads(plain) == first
    assert plain._endpoints is not None and plain._endpoints.graph_store is None


def test_hostile_parameters_are_values(remote: SparqlStore) -> None:
    sample.load_sample(remote)
    for hostile in ['Russia" } ?s ?p ?o . #', "Russia> } UNION { ?s ?p ?o }", "\\u0022}"]:
        assert run_saved(remote, "statements-about", {"name": hostile}).rows == ()
    found = run_saved(remote, "statements-about", {"name": 'Evil"} >Corp'})
    assert [str(r[1]) for r in found.rows] == ['Evil"} >Corp']


def test_query_to_streams_the_servers_answer(remote: SparqlStore) -> None:
    sample.load_sample(remote)
    query = "SELECT ?l { ?e a kg:Country ; rdfs:label ?l } ORDER BY ?l"
    out = io.BytesIO()
    assert remote.query_to(out, query, "json") == "select"
    data = json.loads(out.getvalue())
    assert [b["l"]["value"] for b in data["results"]["bindings"]] == [
        "China", "Georgia", "Russia", "Ukraine"]
    out = io.BytesIO()
    remote.query_to(out, query, "csv")
    assert [line.strip('"') for line in out.getvalue().decode().split()] == [
        "l", "China", "Georgia", "Russia", "Ukraine"]
    graph = remote.query("CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a kg:Country ; "
                         "rdfs:label ?l }")
    assert graph.kind == "graph"
    assert len(graph.triples) == 4
    assert remote.query("ASK { ?s kg:cooperates_with ?o }").boolean is True


def test_typed_values_come_back_as_in_the_embedded_store(remote: SparqlStore,
                                                         embedded: OxigraphStore) -> None:
    sample.load_sample(remote)
    query = "SELECT ?st ?c ?a { ?st kg:confidence ?c ; kg:asserted ?a } ORDER BY ?st"
    assert remote.query(query).rows == embedded.query(query).rows
    # Oxigraph stores xsd:nonNegativeInteger as xsd:integer; Virtuoso keeps the type
    offsets = "SELECT ?st ?b { ?st nif:beginIndex ?b } ORDER BY ?st"
    assert [(s, int(b)) for s, b in remote.query(offsets).rows] == \
        [(s, int(b)) for s, b in embedded.query(offsets).rows]
    ask = "ASK { ?s ?p ?v }"
    for value, expected in ((Literal(True), True), (Literal("no such value"), False)):
        assert remote.query(ask, bindings={"v": value}).boolean is expected
    dates = "SELECT ?d { ?doc schema:datePublished ?d } ORDER BY ?d"
    assert remote.query(dates).rows == embedded.query(dates).rows


def test_dump_and_load(remote: SparqlStore, embedded: OxigraphStore, tmp_path: Path) -> None:
    sample.load_sample(remote)
    buffer = io.BytesIO()
    remote.dump(buffer, "nq")
    quads = list(pyoxigraph.parse(buffer.getvalue(), format=pyoxigraph.RdfFormat.N_QUADS))
    ours = {str(g) for g in SAMPLE_GRAPHS}
    assert sum(1 for q in quads if q.graph_name.value in ours) == len(embedded)
    graphs = {q.graph_name.value for q in quads}
    assert {str(g) for g in SAMPLE_GRAPHS} <= graphs
    assert not any("openlinksw" in g for g in graphs)

    path = tmp_path / "extra.ttl"
    path.write_text('<http://x.org/a> <http://x.org/p> "v\\"}" .\n', encoding="utf-8")
    from kg.cli import app

    env = {"KG_STORE_USER": USER, "KG_STORE_PASSWORD": PASSWORD}
    result = CliRunner().invoke(app, ["load", str(path), "--store", ENDPOINT,
                                      "--graph", str(TEST_GRAPH)], env=env)
    assert result.exit_code == 0, result.output
    loaded = remote.query("SELECT ?g ?o { GRAPH ?g { ?s ?p ?o } }",
                          bindings={"g": TEST_GRAPH}, union=False)
    assert [r[1] for r in loaded.rows] == [Literal('v"}')]


def test_anonymous_writes_are_refused_clearly(server_lock: None) -> None:
    anonymous = SparqlStore(ENDPOINT, backoff=0.01, retries=1)
    from kg.errors import StoreError

    with pytest.raises(StoreError, match="KG_STORE_USER"):
        anonymous.remove_graph(TEST_GRAPH)


def test_wrong_password_is_refused(server_lock: None) -> None:
    from kg.errors import StoreError

    store = SparqlStore(ENDPOINT, user=USER, password=PASSWORD + "-wrong", backoff=0.01,
                        retries=1)
    with pytest.raises(StoreError, match=r"refused the update \(HTTP 401\)"):
        store.remove_graph(TEST_GRAPH)


SEED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed-article.txt"
SEED_PARAMS = {
    "relations-between": {"a": "Russia", "b": "China"},
    "said-by": {"speaker": "Vladimir Putin"},
    "statements-about": {"name": "NATO"},
    "documents-mentioning": {"name": "China"},
}


@pytest.mark.skipif(not SEED.exists(), reason=f"{SEED} is absent (../shared not here)")
def test_kg_build_into_virtuoso_answers_like_the_embedded_store(
        remote: SparqlStore, tmp_path: Path) -> None:
    """The real pipe through the CLI: `kg build --store <Virtuoso>` then the saved
    queries give the same rows as the same build in the embedded store."""
    from kg.cli import app
    from kg.rdf import document_iri as doc_iri

    # the document's id is its path from the folder named ("data/seed-article.txt")
    seed_graph = doc_iri(f"{SEED.parent.name}/{SEED.name}")
    remote.default_graphs = (str(seed_graph), str(ENTITIES_GRAPH), str(RELATIONS_GRAPH),
                             str(ONTOLOGY_GRAPH))
    remote.remove_graph(seed_graph)
    runner = CliRunner()
    local = tmp_path / "local"
    for target in (ENDPOINT, str(local)):
        result = runner.invoke(app, ["build", str(SEED), "--store", target, "--force", "-q"])
        assert result.exit_code == 0, result.output
    embedded = open_store(local)
    try:
        stored = embedded.query("SELECT ?d { ?d a schema:NewsArticle }").rows
        assert [str(row[0]) for row in stored] == [str(seed_graph)]
        for query in list_queries():
            params = SEED_PARAMS.get(query.name, {})
            here = run_saved(embedded, query.name, params)
            there = run_saved(remote, query.name, params)
            assert there.variables == here.variables, query.name
            assert sorted(map(str, there.rows)) == sorted(map(str, here.rows)), query.name
            if query.name in {"relations-between", "said-by", "documents-mentioning",
                              "most-connected"}:
                assert here.rows, f"{query.name} found nothing in the seed article"
    finally:
        embedded.close()
        remote.remove_graph(seed_graph)


# -- Virtuoso's bulk loader (kg/store/virtuoso.py) ----------------------------------------
SQL = os.environ.get("KG_TEST_VIRTUOSO_SQL") or "127.0.0.1:1111"
needs_isql = pytest.mark.skipif(shutil.which("isql-vt") is None,
                                reason="isql-vt (virtuoso-opensource-7-bin) is not installed")


@pytest.fixture()
def bulk_dir() -> Iterator[Path]:
    """A folder the server may read: under the temp folder, in .ci/virtuoso.sh's
    DirsAllowed."""
    folder = Path(tempfile.mkdtemp(prefix="kg-bulk-test-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@needs_isql
def test_the_bulk_loader_loads_what_http_loads(remote: SparqlStore, embedded: OxigraphStore,
                                               bulk_dir: Path) -> None:
    from kg.store.virtuoso import BulkLoader

    buffer = io.BytesIO()
    embedded.dump(buffer, "nq")
    remote.bulk = BulkLoader(folder=str(bulk_dir), sql=SQL)
    remote.load(buffer.getvalue(), "nq")
    assert _kg_quads(remote) == len(embedded) > 0
    assert list(bulk_dir.iterdir()) == []  # the file is gone
    # triples of a triple format go to the graph named
    remote.load(b'<http://x.org/a> <http://x.org/p> "bulk" .\n', "nt", graph=TEST_GRAPH)
    loaded = remote.query("SELECT ?o { GRAPH ?g { ?s ?p ?o } }", bindings={"g": TEST_GRAPH},
                          union=False)
    assert [r[0] for r in loaded.rows] == [Literal("bulk")]


@needs_isql
def test_the_bulk_loader_names_a_file_it_cannot_load(remote: SparqlStore,
                                                     bulk_dir: Path) -> None:
    from kg.errors import StoreError
    from kg.store.virtuoso import BulkLoader

    remote.bulk = BulkLoader(folder=str(bulk_dir), sql=SQL)
    with pytest.raises(StoreError, match=r"could not load .*kg-bulk-\w+\.nq: .*Unterminated"):
        remote.load(b'<http://x.org/a> <http://x.org/p> "open .\n', "nq")
    assert list(bulk_dir.iterdir()) == []
    # a folder the server may not read: the hint names DirsAllowed
    remote.bulk = BulkLoader(folder=str(bulk_dir), sql=SQL, server_folder="/no-such-dir")
    with pytest.raises(StoreError, match="DirsAllowed"):
        remote.load(b'<http://x.org/a> <http://x.org/p> "v" .\n', "nq")
    remote.bulk = BulkLoader(folder=str(bulk_dir), sql="127.0.0.1:9")
    with pytest.raises(StoreError, match="KG_STORE_SQL"):
        remote.load(b'<http://x.org/a> <http://x.org/p> "v" .\n', "nq")


@needs_isql
def test_kg_load_goes_through_the_bulk_loader(remote: SparqlStore, bulk_dir: Path,
                                              tmp_path: Path) -> None:
    from kg.cli import app

    path = tmp_path / "extra.nt"
    path.write_text('<http://x.org/a> <http://x.org/p> "through ld_dir" .\n', encoding="utf-8")
    env = {"KG_STORE_USER": USER, "KG_STORE_PASSWORD": PASSWORD,
           "KG_STORE_BULK_DIR": str(bulk_dir), "KG_STORE_SQL": SQL}
    result = CliRunner().invoke(app, ["load", str(path), "--store", ENDPOINT,
                                      "--graph", str(TEST_GRAPH)], env=env)
    assert result.exit_code == 0, result.output
    loaded = remote.query("SELECT ?o { GRAPH ?g { ?s ?p ?o } }", bindings={"g": TEST_GRAPH},
                          union=False)
    assert [r[0] for r in loaded.rows] == [Literal("through ld_dir")]
    env["KG_STORE_BULK_DIR"] = str(tmp_path / "missing")
    result = CliRunner().invoke(app, ["load", str(path), "--store", ENDPOINT,
                                      "--graph", str(TEST_GRAPH)], env=env)
    assert result.exit_code != 0
    assert "cannot write the bulk-load file" in result.output
