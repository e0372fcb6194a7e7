"""``kg serve`` speaks the SPARQL 1.1 Protocol: curl, SPARQLWrapper, content negotiation."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from kg.serve import SparqlServer, write_select

LABELS = "SELECT ?label { ?e a kg:Country ; rdfs:label ?label } ORDER BY ?label"
COUNTRIES = ["China", "Georgia", "Russia", "Ukraine"]

Start = Callable[..., SparqlServer]


def test_get_json_and_post_forms(running: Start, http: Any) -> None:
    url = running().url
    reply = http.get(url, LABELS)
    assert reply.status == 200
    assert reply.headers["Content-Type"].startswith("application/sparql-results+json")
    data = json.loads(reply.body)
    assert data["head"]["vars"] == ["label"]
    assert [b["label"]["value"] for b in data["results"]["bindings"]] == COUNTRIES
    for reply in (
        http.post_form(url, "query", LABELS),
        http.request(url, data=LABELS.encode(),
                     headers={"Content-Type": "application/sparql-query"}),
    ):
        assert reply.status == 200
        assert [b["label"]["value"] for b in json.loads(reply.body)["results"]["bindings"]] \
            == COUNTRIES


@pytest.mark.parametrize(("accept", "media", "first_line"), [
    ("text/csv", "text/csv", "label"),
    ("text/tab-separated-values", "text/tab-separated-values", "?label"),
    ("application/sparql-results+xml", "application/sparql-results+xml", '<?xml version="1.0"?>'),
    ("text/csv;q=0.2, application/sparql-results+xml", "application/sparql-results+xml",
     '<?xml version="1.0"?>'),
    ("*/*", "application/sparql-results+json", '{"head": {"vars": ["label"]}'),
])
def test_content_negotiation(running: Start, http: Any, accept: str, media: str,
                             first_line: str) -> None:
    reply = http.get(running().url, LABELS, accept=accept)
    assert reply.status == 200
    assert reply.headers["Content-Type"].split(";")[0] == media
    assert reply.text.startswith(first_line)


def test_format_parameter_and_typed_terms(running: Start, http: Any) -> None:
    url = running().url
    query = ("SELECT ?doc ?date ?title { ?doc schema:datePublished ?date ; schema:name ?title }"
             " ORDER BY ?date")
    tsv = http.get(url, query, format="tsv").text.splitlines()
    assert tsv[0] == "?doc\t?date\t?title"
    assert tsv[1] == ('<http://kg.example.org/doc/news%2Fone.txt>\t'
                      '"2024-03-19"^^<http://www.w3.org/2001/XMLSchema#date>\t"Security talks"')
    data = json.loads(http.get(url, query).body)
    date = data["results"]["bindings"][0]["date"]
    assert date == {"type": "literal", "value": "2024-03-19",
                    "datatype": "http://www.w3.org/2001/XMLSchema#date"}


def test_csv_quotes_awkward_values(running: Start, http: Any) -> None:
    reply = http.get(running().url, "SELECT ?l { ?e rdfs:label ?l FILTER(CONTAINS(?l, 'Evil')) }",
                accept="text/csv")
    rows = list(csv.reader(io.StringIO(reply.text)))
    assert rows == [["l"], ['Evil"} >Corp']]


def test_ask_and_construct(running: Start, http: Any) -> None:
    url = running().url
    assert json.loads(http.get(url, "ASK { ?s kg:cooperates_with ?o }").body)["boolean"] is True
    construct = "CONSTRUCT { ?s kg:cooperates_with ?o } WHERE { ?s kg:cooperates_with ?o }"
    turtle = http.get(url, construct)
    assert turtle.headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert len(graph) == 1
    nt = http.get(url, construct, accept="application/n-triples")
    assert nt.headers["Content-Type"].startswith("application/n-triples")
    assert nt.text.count(" .\n") == 1


def test_dataset_parameters(running: Start, http: Any) -> None:
    url = running().url
    count = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"

    def n(**params: str) -> int:
        return int(json.loads(http.get(url, count, **params).body)["results"]["bindings"][0]["n"]
                   ["value"])

    whole = n()
    one = n(**{"default-graph-uri": "http://kg.example.org/doc/news%2Fone.txt"})
    assert 0 < one < whole


def test_row_limit_is_flagged(running: Start, http: Any) -> None:
    reply = http.get(running(max_rows=2).url, LABELS)
    assert reply.headers.get("X-KG-Truncated") == "true"
    assert len(json.loads(reply.body)["results"]["bindings"]) == 2
    full = http.get(running(max_rows=4).url, LABELS)
    assert "X-KG-Truncated" not in full.headers


def test_errors_are_clear(running: Start, http: Any) -> None:
    server = running(max_request_bytes=200)
    url = server.url
    bad = http.get(url, "SELECT ?x WHERE { ?x }")
    assert bad.status == 400
    assert "does not parse" in bad.text
    assert http.request(url).status == 400
    assert http.request(url.replace("/sparql", "/nope")).status == 404
    big = http.post_form(url, "query", "SELECT * {?s ?p ?o}" + " " * 500)
    assert big.status == 413
    other = http.request(url, data=b"x", headers={"Content-Type": "text/plain"})
    assert other.status == 415
    # a DNS-rebinding page would send its own Host name
    assert http.request(url + "?query=ASK%7B%7D", headers={"Host": "evil.example:80"}).status == 403


def test_html_page(running: Start, http: Any) -> None:
    reply = http.request(running().url.replace("/sparql", "/"))
    assert reply.status == 200
    assert reply.headers["Content-Type"].startswith("text/html")
    assert "<textarea" in reply.text
    assert "http" not in reply.text.split("<script>")[1]  # nothing fetched from elsewhere
    assert "default-src 'none'" in reply.headers["Content-Security-Policy"]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_html_page_script_parses(running: Start, http: Any, tmp_path: Path) -> None:
    page = http.request(running().url.replace("/sparql", "/")).text
    script = page.split("<script>")[1].split("</script>")[0]
    (tmp_path / "page.js").write_text(script, encoding="utf-8")
    subprocess.run(["node", "--check", str(tmp_path / "page.js")], check=True, timeout=60)


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_curl_select_json_and_csv(running: Start) -> None:
    url = running().url

    def curl(*args: str) -> str:
        return subprocess.run(["curl", "-sS", "--fail", *args], check=True,
                              capture_output=True, text=True, timeout=60).stdout

    data = json.loads(curl("-G", url, "--data-urlencode", f"query={LABELS}",
                           "-H", "Accept: application/sparql-results+json"))
    assert [b["label"]["value"] for b in data["results"]["bindings"]] == COUNTRIES
    text = curl(url, "--data-urlencode", f"query={LABELS}", "-H", "Accept: text/csv")
    assert text.splitlines() == ["label", *COUNTRIES]


def test_sparqlwrapper_select_json_and_csv(running: Start) -> None:
    sparqlwrapper = pytest.importorskip("SPARQLWrapper")
    client = sparqlwrapper.SPARQLWrapper(running().url)
    client.setQuery(LABELS)
    client.setReturnFormat(sparqlwrapper.JSON)
    data = client.query().convert()
    assert [b["label"]["value"] for b in data["results"]["bindings"]] == COUNTRIES
    client.setReturnFormat(sparqlwrapper.CSV)
    raw = client.query().convert()
    assert raw.decode().splitlines() == ["label", *COUNTRIES]
    client.setMethod(sparqlwrapper.POST)
    client.setReturnFormat(sparqlwrapper.JSON)
    assert len(client.query().convert()["results"]["bindings"]) == 4


def test_write_select_round_trips_through_rdflib() -> None:
    import pyoxigraph as ox
    from rdflib.query import Result

    rows = [[ox.NamedNode("http://x/a"), ox.Literal("b", language="en")],
            [ox.BlankNode("b0"), None]]
    for fmt in ("json", "xml", "csv"):
        body = write_select(["a", "b"], rows, fmt)
        parsed = Result.parse(io.BytesIO(body), format=fmt)
        assert [str(v) for v in parsed.vars] == ["a", "b"]
        assert len(list(parsed)) == 2


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_html_page_shows_a_table_in_a_browser(running: Start, tmp_path: Path) -> None:
    import urllib.parse

    page = running().url[: -len("sparql")] + "?" + urllib.parse.urlencode({"query": LABELS})
    dom = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--no-first-run", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path}", "--virtual-time-budget=5000",
         "--dump-dom", page], capture_output=True, text=True, timeout=120).stdout
    table = dom.split('<div id="out">', 1)[1].split("</div>", 1)[0]
    assert "<th>label</th>" in table
    assert [f"<td>{c}</td>" in table for c in COUNTRIES] == [True] * 4
    assert "4 row(s)" in dom
