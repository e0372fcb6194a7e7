"""A store on any SPARQL 1.1 server (Virtuoso, Fuseki, GraphDB, Oxigraph server, Neptune).

Open it with ``--store http://HOST:PORT/PATH`` (or ``https://``): the URL is the
server's SPARQL *query* endpoint. Everything else comes from keyword arguments
or the environment:

=========================  ==========================================================
``KG_STORE_USER``          user name for writing (and reading, if the server asks)
``KG_STORE_PASSWORD``      password; HTTP digest or basic auth, as the server asks
``KG_STORE_TOKEN``         a bearer token sent with every request instead (``kg serve
                           --allow-update --token``, hosted servers)
``KG_STORE_UPDATE_URL``    the SPARQL Update endpoint (default: see below)
``KG_STORE_GRAPH_STORE``   the Graph Store HTTP Protocol endpoint (optional)
``KG_STORE_UNION_GRAPH``   an IRI the server reads as "all graphs" when given as
                           ``default-graph-uri`` (Fuseki: ``urn:x-arq:UnionGraph``)
``KG_STORE_TIMEOUT``       seconds per HTTP request (default 120)
``KG_STORE_BULK_DIR``      Virtuoso: :meth:`SparqlStore.load` goes through its bulk
                           loader via this folder (see :mod:`kg.store.virtuoso`, with
                           ``KG_STORE_BULK_SERVER_DIR``, ``KG_STORE_SQL``,
                           ``KG_STORE_ISQL``)
=========================  ==========================================================

Without ``KG_STORE_UPDATE_URL`` updates go to the query URL (SPARQL 1.1 allows
one endpoint for both), except on **Virtuoso** (recognised by its ``Server``
header) with credentials: then updates go to ``/sparql-auth`` and graphs are
PUT to ``/sparql-graph-crud-auth`` on the same host, with digest auth, because
Virtuoso refuses anonymous writes.

Writes. :meth:`SparqlStore.replace_graph` replaces a document's graph in *one*
request: a Graph Store ``PUT`` of the graph as Turtle when a Graph Store
endpoint is known, otherwise one SPARQL Update ``DROP SILENT GRAPH <g> ;
INSERT DATA { GRAPH <g> { … } }``. (A graph larger than one batch -- ``batch_size``
triples for SPARQL Update, ten times that for the Graph Store -- is sent as that
request followed by more batches, so it is atomic only up to one batch.) Shared
quads (entity descriptions) and :meth:`SparqlStore.load` are added in batches
(Graph Store ``POST`` or ``INSERT DATA``): adding a triple that exists changes
nothing, so re-running never duplicates. Requests are retried with exponential
back-off on connection errors, HTTP 429 and 5xx (but not when a 5xx is
the server's way to report a bad query); every write is idempotent, so a retry
is safe.

The default graph. kg reads with "all named graphs as one default graph".
Virtuoso, GraphDB/RDF4J and Neptune do that by default; Fuseki does it with
``KG_STORE_UNION_GRAPH=urn:x-arq:UnionGraph`` (or ``tdb2:unionDefaultGraph``
in its config); the Oxigraph server with ``union-default-graph`` in its query
URL. ``union=False`` sends no dataset and leaves the default to the server. To read
only some graphs of a shared server, give ``default_graphs=[…]``: they are sent
as ``default-graph-uri`` and merged into the default graph.

Parameters. The SPARQL protocol has no way to send bindings, so ``bindings``
are written into the query as a ``VALUES`` block at the start of its WHERE
group, each value serialised as an escaped RDF term (never as raw text); the
values are then joined with the whole WHERE pattern exactly as an initial
binding would be (the same for sub-SELECTs that do not project the variable).

>>> store = SparqlStore("http://127.0.0.1:8890/sparql")
>>> store.uri
'http://127.0.0.1:8890/sparql'
>>> with_values("SELECT ?x { ?x ?p ?o }", {"o": Literal('a "b" }')})
'SELECT ?x { VALUES (?o) { ("a \\\\"b\\\\" }") } ?x ?p ?o }'
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from email.message import Message
from typing import IO, Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import ConfigError, QueryError, StoreError
from kg.namespaces import BASE, PREFIXES
from kg.store import DATASET_FORMATS, TRIPLE_FORMATS, QueryResult, RdfQuad, Store, from_ox
from kg.store.virtuoso import SUFFIXES as BULK_FORMATS
from kg.store.virtuoso import BulkLoader

__all__ = ["VIRTUOSO_SYSTEM_GRAPHS", "SparqlStore", "redact_uri", "sparql_term", "with_values"]

log = logging.getLogger("kg.store.remote")

#: Graphs Virtuoso keeps for itself; left out of ``len()`` and ``dump()``.
VIRTUOSO_SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/sparql",
    "http://www.w3.org/2002/07/owl#",
)
#: Where triples without a graph go (many servers refuse updates of the default graph).
DEFAULT_GRAPH = URIRef(BASE + "graph/default")

_RESULTS_JSON = "application/sparql-results+json"
_ACCEPT = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
}
#: Graph Store uploads carry this many times ``batch_size`` triples (Turtle is cheap to
#: parse; Virtuoso loads 50,000 triples a second this way, five times INSERT DATA).
_GSP_FACTOR = 10
_RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}
# Virtuoso answers a bad query with HTTP 500 and "Virtuoso 37000 Error SP030: …".
_DETERMINISTIC = re.compile(r"Virtuoso [0-9A-Z]{5} Error|SPARQL compiler|syntax error",
                            re.IGNORECASE)
# ... but a deadlock or serialisation failure (SQLSTATE 40001) is worth a retry.
_CONFLICT = re.compile(r"\b40001\b|SR172|deadlock", re.IGNORECASE)
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"^[A-Za-z]+(?:-[A-Za-z0-9]+)*$")
_TOKEN = re.compile(
    r'(?P<opaque>"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*)"
    r"|(?P<open>\{)|(?P<close>\})"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_]*)",
    re.DOTALL,
)
_KINDS = {"SELECT": "select", "ASK": "ask", "CONSTRUCT": "graph", "DESCRIBE": "graph"}


# -- terms ---------------------------------------------------------------------------
def _iri_text(value: str) -> str:
    if _BAD_IRI.search(value) or not value:
        raise ConfigError(f"{value!r} cannot be written as an IRI",
                          hint="IRIs cannot hold spaces, quotes, <, >, {, }, |, ^, ` or \\")
    return f"<{value}>"


def _string(value: str) -> str:
    # The escapes of N-Triples/Turtle/SPARQL strings. A backslash is doubled, so a
    # value holding the text "\\u0022" stays that text on Oxigraph and Virtuoso
    # (both checked by the tests); no value can end the string early.
    out = []
    for char in value:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif char == "\b":
            out.append("\\b")
        elif char == "\f":
            out.append("\\f")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def sparql_term(term: Node) -> str:
    """An RDF term written for a SPARQL query or Turtle (escaped; never raw text).

    >>> sparql_term(Literal('x" } DROP ALL #', lang="en"))
    '"x\\\\" } DROP ALL #"@en'
    >>> sparql_term(URIRef("http://x.org/a>b"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.ConfigError: 'http://x.org/a>b' cannot be written as an IRI (...)
    """
    if isinstance(term, URIRef):
        return _iri_text(str(term))
    if isinstance(term, BNode):
        label = re.sub(r"[^A-Za-z0-9_]", "_", str(term)) or "b"
        return f"_:{label}"
    if isinstance(term, Literal):
        text = _string(str(term))
        if term.language:
            if not _LANG.match(term.language):
                raise ConfigError(f"bad language tag {term.language!r}")
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != str(XSD.string):
            return f"{text}^^{_iri_text(str(term.datatype))}"
        return text
    raise ConfigError(f"cannot write {term!r} as an RDF term")


def with_values(sparql: str, bindings: Mapping[str, Node]) -> str:
    """``sparql`` with ``bindings`` as a ``VALUES`` block opening its WHERE group.

    Strings, IRIs and comments are skipped when looking for the group, so a
    ``{`` inside them is not mistaken for it.

    >>> with_values("ASK { ?s ?p ?o }", {"s": URIRef("http://x.org/a")})
    'ASK { VALUES (?s) { (<http://x.org/a>) } ?s ?p ?o }'
    >>> with_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"o": Literal(1)})
    'CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?o) { (1) } ?s ?p ?o }'
    """
    if not bindings:
        return sparql
    names = []
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ConfigError(f"bad variable name {name!r}")
        names.append(name)
    block = ("VALUES (" + " ".join(f"?{n}" for n in names) + ") { (" +
             " ".join(_value_term(bindings[n]) for n in names) + ") }")
    position = _where_group(sparql)
    return f"{sparql[:position]} {block}{sparql[position:]}"


def _value_term(term: Node) -> str:
    if isinstance(term, Literal) and term.datatype is not None and not term.language:
        # integers, decimals, doubles, booleans in their short form where it is safe
        if term.datatype in (XSD.integer,) and re.fullmatch(r"[+-]?[0-9]+", str(term)):
            return str(term)
        if term.datatype == XSD.boolean and str(term) in ("true", "false"):
            return str(term)
    return sparql_term(term)


def _where_group(sparql: str) -> int:
    """The offset just after the ``{`` that opens the query's WHERE group."""
    depth = 0
    kind: str | None = None
    template_pending = False
    for match in _TOKEN.finditer(sparql):
        if match.group("opaque"):
            continue
        word = match.group("word")
        if word is not None:
            upper = word.upper()
            if depth == 0 and kind is None and upper in _KINDS:
                kind = upper
                template_pending = upper == "CONSTRUCT"
            elif depth == 0 and upper == "WHERE" and template_pending:
                raise ConfigError("bindings cannot be sent with the short CONSTRUCT WHERE form "
                                  "to a remote store",
                                  hint="write CONSTRUCT { template } WHERE { pattern }")
            continue
        if match.group("open"):
            if depth == 0 and kind is not None:
                if template_pending:
                    template_pending = False
                    depth += 1
                    continue
                return match.end()
            depth += 1
        elif match.group("close"):
            depth = max(0, depth - 1)
    raise ConfigError("cannot find the WHERE group of the query to bind its parameters",
                      hint="bindings need a query with a WHERE { … } group")


def query_kind(sparql: str) -> str:
    """``select``, ``ask`` or ``graph`` from the query's first query-form keyword.

    >>> query_kind("PREFIX x: <http://x/select> # ASK\\nCONSTRUCT { } WHERE { }")
    'graph'
    """
    for match in _TOKEN.finditer(sparql):
        word = match.group("word")
        if word is not None and word.upper() in _KINDS:
            return _KINDS[word.upper()]
    raise QueryError("the query has no SELECT, ASK, CONSTRUCT or DESCRIBE",
                     hint="kg query runs queries; use kg load or a build to write")


def _term_from_json(data: Mapping[str, Any]) -> Node:
    kind = data.get("type")
    value = str(data.get("value", ""))
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = data.get("xml:lang")
        if lang:
            return Literal(value, lang=lang)
        datatype = data.get("datatype")
        if datatype and datatype != str(XSD.string):
            if datatype == str(XSD.boolean) and value in ("1", "0"):
                value = "true" if value == "1" else "false"  # Virtuoso writes 1/0
            return Literal(value, datatype=URIRef(datatype))
        return Literal(value)
    raise QueryError(f"unexpected term in the server's answer: {data!r}")


# -- the store -------------------------------------------------------------------------
@dataclass
class _Endpoints:
    query: str
    update: str
    graph_store: str | None


def redact_uri(uri: str) -> str:
    """``uri`` with the password of a ``user:password@`` part replaced by ``***``.

    >>> redact_uri("http://kg:s3cret@127.0.0.1:8890/sparql")
    'http://kg:***@127.0.0.1:8890/sparql'
    >>> redact_uri("kg-store")
    'kg-store'
    """
    try:
        parts = urllib.parse.urlsplit(uri)
    except ValueError:
        return uri
    if "@" not in parts.netloc:
        return uri
    userinfo, _, host = parts.netloc.rpartition("@")
    name, colon, _secret = userinfo.partition(":")
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{name}{':***' if colon else ''}@{host}"))


class SparqlStore(Store):
    """A :class:`kg.store.Store` on a SPARQL 1.1 server (see the module's doc).

    >>> store = SparqlStore("http://127.0.0.1:8890/sparql", batch_size=500)
    >>> store.batch_size
    500
    """

    def __init__(
        self,
        endpoint: str,
        *,
        update_endpoint: str | None = None,
        graph_store_endpoint: str | None = None,
        user: str | None = None,
        password: str | None = None,
        token: str | None = None,
        union_graph: str | None = None,
        default_graphs: Sequence[str] = (),
        timeout: float = 120.0,
        retries: int = 4,
        backoff: float = 0.5,
        batch_size: int = 5_000,
        read_only: bool = False,
        bulk: BulkLoader | None = None,
    ) -> None:
        parts = urllib.parse.urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(f"store {redact_uri(endpoint)!r} is not an http(s) URL",
                              hint="give the query endpoint, e.g. http://127.0.0.1:8890/sparql")
        if "@" in parts.netloc:
            # user:password@ in the URL: used as credentials, never printed or sent in it
            userinfo, _, host = parts.netloc.rpartition("@")
            name, _, secret = userinfo.partition(":")
            if user is None:
                user = urllib.parse.unquote(name)
            if password is None and secret:
                password = urllib.parse.unquote(secret)
            endpoint = urllib.parse.urlunsplit(parts._replace(netloc=host))
            parts = urllib.parse.urlsplit(endpoint)
        self.uri = endpoint
        self.read_only = read_only
        self.user, self.password = user, password
        self._auth_header = {"Authorization": f"Bearer {token}"} if token else {}
        self.union_graph = union_graph
        self.default_graphs = tuple(default_graphs)
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self.batch_size = batch_size
        self.bulk = bulk
        self._given_update, self._given_gsp = update_endpoint, graph_store_endpoint
        self._endpoints: _Endpoints | None = None
        self._virtuoso: bool | None = None
        handlers: list[urllib.request.BaseHandler] = []
        if user is not None:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            manager.add_password(None, f"{parts.scheme}://{parts.netloc}/", user, password or "")
            handlers += [urllib.request.HTTPDigestAuthHandler(manager),
                         urllib.request.HTTPBasicAuthHandler(manager)]
        self._opener = urllib.request.build_opener(*handlers)

    @classmethod
    def from_uri(cls, uri: str, *, read_only: bool = False) -> SparqlStore:
        """A store for ``uri`` with the settings of the ``KG_STORE_*`` environment."""
        env = os.environ
        try:
            timeout = float(env.get("KG_STORE_TIMEOUT", "120"))
        except ValueError as exc:
            raise ConfigError("KG_STORE_TIMEOUT must be a number of seconds") from exc
        return cls(
            uri,
            update_endpoint=env.get("KG_STORE_UPDATE_URL") or None,
            graph_store_endpoint=env.get("KG_STORE_GRAPH_STORE") or None,
            user=env.get("KG_STORE_USER") or None,
            password=env.get("KG_STORE_PASSWORD"),
            token=env.get("KG_STORE_TOKEN") or None,
            union_graph=env.get("KG_STORE_UNION_GRAPH") or None,
            timeout=timeout,
            read_only=read_only,
            bulk=BulkLoader.from_env(urllib.parse.urlsplit(uri).hostname or "127.0.0.1", env),
        )

    # -- HTTP -------------------------------------------------------------------------
    def _request(self, url: str, *, data: bytes | None = None, method: str = "GET",
                 headers: Mapping[str, str] | None = None, what: str = "request",
                 ) -> tuple[int, Message, bytes]:
        """One HTTP exchange with retries; returns (status, headers, body)."""
        attempt = 0
        while True:
            request = urllib.request.Request(url, data=data, method=method,
                                             headers={"User-Agent": "kg", **self._auth_header,
                                                      **(headers or {})})
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    body = response.read()
                    self._note_server(response.headers)
                    return response.status, response.headers, body
            except urllib.error.HTTPError as exc:
                body = exc.read() if exc.fp is not None else b""
                self._note_server(exc.headers)
                text = body.decode("utf-8", "replace").strip()
                transient = exc.code in _RETRY_STATUS and (
                    not _DETERMINISTIC.search(text) or bool(_CONFLICT.search(text)))
                if not transient or attempt >= self.retries:
                    raise self._http_error(exc.code, text, what) from None
                delay = _retry_after(exc.headers) or self.backoff * 2 ** attempt
            except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
                if isinstance(exc, TimeoutError) or isinstance(
                        getattr(exc, "reason", None), TimeoutError):
                    # asking again would wait as long again (and pile work on the server)
                    raise StoreError(
                        f"the SPARQL server {self.uri} did not answer the {what} in "
                        f"{self.timeout:g} s", hint="raise KG_STORE_TIMEOUT, or make the "
                        "query more selective") from exc
                if attempt >= self.retries:
                    reason = getattr(exc, "reason", exc)
                    raise StoreError(f"cannot reach the SPARQL server {self.uri}: {reason}",
                                     hint="is it running? check the URL and port") from exc
                delay = self.backoff * 2 ** attempt
            attempt += 1
            log.warning("kg: %s to %s failed, retry %d in %.1f s", what, url, attempt, delay)
            time.sleep(delay)

    def _http_error(self, status: int, text: str, what: str) -> Exception:
        short = " ".join(text.split())[:400]
        if status in (401, 403) or "SR186" in text:
            return StoreError(f"the SPARQL server refused the {what} (HTTP {status}): {short}",
                              hint="set KG_STORE_USER and KG_STORE_PASSWORD to a user allowed "
                              "to write")
        if what == "query" and (400 <= status < 500 or _DETERMINISTIC.search(text)):
            return QueryError(f"the server rejected the query (HTTP {status}): {short}",
                              hint="check the SPARQL syntax; kg's prefixes are predefined")
        return StoreError(f"the SPARQL server failed the {what} (HTTP {status}): {short}")

    def _note_server(self, headers: Message | None) -> None:
        if self._virtuoso is None and headers is not None and headers.get("Server"):
            self._virtuoso = "virtuoso" in str(headers.get("Server")).lower()

    def _endpoints_for_writing(self) -> _Endpoints:
        if self._endpoints is not None:
            return self._endpoints
        if self.read_only:
            raise StoreError(f"the store {self.uri} is open read-only")
        if self._virtuoso is None and not self._given_update:
            self.query("ASK { }")  # learns the server's name from its answer
        update, gsp = self._given_update, self._given_gsp
        parts = urllib.parse.urlsplit(self.uri)
        if self._virtuoso and self.user is not None and parts.path.rstrip("/") == "/sparql":
            root = f"{parts.scheme}://{parts.netloc}"
            update = update or root + "/sparql-auth"
            gsp = gsp or root + "/sparql-graph-crud-auth"
        self._endpoints = _Endpoints(self.uri, update or self.uri, gsp)
        return self._endpoints

    def _update(self, sparql: str) -> None:
        endpoints = self._endpoints_for_writing()
        body = urllib.parse.urlencode({"update": sparql}).encode("utf-8")
        self._request(endpoints.update, data=body, method="POST", what="update", headers={
            "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})

    def _post_query(self, sparql: str, accept: str, *, union: bool,
                    ) -> tuple[Message, bytes]:
        prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
        form: list[tuple[str, str]] = [("query", prologue + sparql)]
        if union and self.default_graphs:
            form += [("default-graph-uri", g) for g in self.default_graphs]
        elif union and self.union_graph:
            form.append(("default-graph-uri", self.union_graph))
        _, headers, body = self._request(
            self.uri, data=urllib.parse.urlencode(form).encode("utf-8"), method="POST",
            what="query", headers={"Accept": accept,
                                   "Content-Type": "application/x-www-form-urlencoded"})
        return headers, body

    # -- Store API --------------------------------------------------------------------
    def query(self, sparql: str, *, bindings: Mapping[str, Node] | None = None,
              union: bool = True) -> QueryResult:
        kind = query_kind(sparql)
        text = with_values(sparql, bindings or {})
        if kind == "graph":
            headers, body = self._post_query(text, "application/n-triples, text/turtle;q=0.9",
                                             union=union)
            graph = Graph()
            media = (headers.get("Content-Type") or "text/turtle").split(";")[0].strip()
            rdf_format = "nt" if media in ("application/n-triples", "text/plain") else "turtle"
            try:
                graph.parse(data=body.decode("utf-8"), format=rdf_format)
            except Exception as exc:  # rdflib raises many kinds
                raise QueryError(f"cannot read the server's {media} answer: {exc}") from exc
            return QueryResult(kind="graph", triples=tuple(graph))
        _, body = self._post_query(text, _RESULTS_JSON, union=union)
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise QueryError(f"the server's answer is not SPARQL JSON: {body[:200]!r}") from exc
        if "boolean" in data:
            return QueryResult(kind="ask", boolean=bool(data["boolean"]))
        if kind == "ask":
            # Virtuoso answers ASK in JSON as a one-cell table (__ASK_RETVAL = 1 or 0)
            cells = [b for row in data.get("results", {}).get("bindings", [])
                     for b in row.values()]
            return QueryResult(kind="ask", boolean=bool(cells) and str(
                cells[0].get("value", "")).lower() in ("1", "true"))
        variables = tuple(data.get("head", {}).get("vars", []))
        rows = tuple(
            tuple(_term_from_json(b[v]) if v in b else None for v in variables)
            for b in data.get("results", {}).get("bindings", [])
        )
        return QueryResult(kind="select", variables=variables, rows=rows)

    def query_to(self, out: IO[bytes], sparql: str, fmt: str, *,
                 bindings: Mapping[str, Node] | None = None, union: bool = True) -> str:
        kind = query_kind(sparql)
        if kind == "graph":
            fmt = "nt" if fmt == "nt" else "ttl"
        elif fmt not in ("json", "xml", "csv", "tsv"):
            raise ConfigError(f"unknown results format {fmt!r}", hint="use json, xml, csv or tsv")
        _, body = self._post_query(with_values(sparql, bindings or {}), _ACCEPT[fmt],
                                   union=union)
        out.write(body)
        return kind

    def replace_graph(self, graph: URIRef, quads: Iterable[RdfQuad]) -> None:
        own: list[tuple[Node, Node, Node]] = []
        shared: list[RdfQuad] = []
        for s, p, o, g in quads:
            if g == graph:
                own.append((s, p, o))
            else:
                shared.append((s, p, o, g))
        endpoints = self._endpoints_for_writing()
        if endpoints.graph_store is not None:
            size = self.batch_size * _GSP_FACTOR
            self._send_graph(endpoints.graph_store, graph, own[:size], replace=True)
            for batch in _batches(own[size:], size):
                self._send_graph(endpoints.graph_store, graph, batch, replace=False)
        else:
            target = sparql_term(graph)
            first, rest = own[: self.batch_size], own[self.batch_size:]
            insert = f" ; INSERT DATA {{ GRAPH {target} {{\n{_triples(first)}}} }}" if first else ""
            self._update(f"DROP SILENT GRAPH {target}{insert}")
            for batch in _batches(rest, self.batch_size):
                self._update(f"INSERT DATA {{ GRAPH {target} {{\n{_triples(batch)}}} }}")
        self._insert_quads(shared)

    def _send_graph(self, url: str, graph: URIRef, triples: list[tuple[Node, Node, Node]], *,
                    replace: bool) -> None:
        """Graph Store Protocol: PUT (replace) or POST (add) ``triples`` as Turtle."""
        if not triples:
            if replace:
                self._update(f"DROP SILENT GRAPH {sparql_term(graph)}")
            return
        target = url + ("&" if "?" in url else "?") + urllib.parse.urlencode(
            {"graph-uri" if self._virtuoso else "graph": str(graph)})
        self._request(target, data=_triples(triples).encode("utf-8"),
                      method="PUT" if replace else "POST", what="graph upload",
                      headers={"Content-Type": "text/turtle; charset=utf-8"})

    def _insert_quads(self, quads: Iterable[RdfQuad]) -> None:
        """Add quads (set semantics: existing ones change nothing), in batches."""
        endpoints = self._endpoints_for_writing()
        gsp = endpoints.graph_store
        size = self.batch_size * _GSP_FACTOR if gsp is not None else self.batch_size
        batch: list[RdfQuad] = []

        def flush() -> None:
            if not batch:
                return
            if gsp is None:
                self._update(_insert_data(batch))
            else:
                by_graph: dict[URIRef, list[tuple[Node, Node, Node]]] = {}
                for s, p, o, g in batch:
                    by_graph.setdefault(g, []).append((s, p, o))
                for g, triples in by_graph.items():
                    self._send_graph(gsp, g, triples, replace=False)
            batch.clear()

        for quad in quads:
            batch.append(quad)
            if len(batch) >= size:
                flush()
        flush()

    def remove_graph(self, graph: URIRef) -> None:
        self._update(f"DROP SILENT GRAPH {sparql_term(graph)}")

    def dump(self, out: IO[bytes], fmt: str) -> None:
        if fmt not in DATASET_FORMATS and fmt not in TRIPLE_FORMATS:
            raise ConfigError(f"unknown RDF format {fmt!r}",
                              hint="use one of " + ", ".join([*DATASET_FORMATS, *TRIPLE_FORMATS]))
        from kg.store import OxigraphStore

        local = OxigraphStore()
        for graph in self._graphs():
            result = self.query("SELECT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } }",
                                bindings={"g": graph}, union=False)
            local.replace_graph(graph, [(s, p, o, graph) for s, p, o in result.rows
                                        if s is not None and p is not None and o is not None])
        local.dump(out, fmt)

    def _graphs(self) -> list[URIRef]:
        result = self.query("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", union=False)
        return [g for (g,) in result.rows
                if isinstance(g, URIRef) and str(g) not in VIRTUOSO_SYSTEM_GRAPHS]

    def load(self, data: IO[bytes] | bytes, fmt: str, *, graph: URIRef | None = None) -> None:
        import pyoxigraph as ox

        formats = {**DATASET_FORMATS, **TRIPLE_FORMATS}
        if fmt not in formats:
            raise ConfigError(f"unknown RDF format {fmt!r}",
                              hint="use one of " + ", ".join(formats))
        source = io.BytesIO(data) if isinstance(data, bytes) else data
        default = graph if graph is not None else DEFAULT_GRAPH
        if self.bulk is not None and fmt in BULK_FORMATS:
            self._bulk_load(self.bulk, source, fmt, default)
            return

        def quads() -> Iterator[RdfQuad]:
            try:
                for q in ox.parse(source, format=formats[fmt]):
                    g = getattr(q, "graph_name", None)
                    target = default if g is None or isinstance(g, ox.DefaultGraph) \
                        else URIRef(g.value)
                    yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), target
            except SyntaxError as exc:
                raise StoreError(f"the {fmt} data does not parse: {exc}") from exc

        self._insert_quads(quads())

    def _bulk_load(self, bulk: BulkLoader, source: IO[bytes], fmt: str, graph: URIRef,
                   ) -> None:
        """:meth:`load` through Virtuoso's bulk loader (:mod:`kg.store.virtuoso`)."""
        self._endpoints_for_writing()  # refuses a read-only store
        if self._virtuoso is None:
            self.query("ASK { }")  # learns the server's name from its answer
        if not self._virtuoso:
            raise ConfigError(f"KG_STORE_BULK_DIR is set, but {self.uri} is not Virtuoso",
                              hint="unset KG_STORE_BULK_DIR to load over HTTP")
        bulk.load(source, fmt, graph=str(graph), user=self.user, password=self.password)

    def __len__(self) -> int:
        excluded = ", ".join(f"<{g}>" for g in VIRTUOSO_SYSTEM_GRAPHS)
        result = self.query(
            f"SELECT (COUNT(*) AS ?n) {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({excluded})) }}",
            union=False)
        value = result.rows[0][0] if result.rows else None
        return int(str(value)) if value is not None else 0


# -- helpers -----------------------------------------------------------------------------
def _retry_after(headers: Message | None) -> float | None:
    if headers is None:
        return None
    value = headers.get("Retry-After")
    try:
        return min(60.0, max(0.0, float(value))) if value is not None else None
    except ValueError:
        return None


def _batches(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _triples(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    return "".join(f"{sparql_term(s)} {sparql_term(p)} {sparql_term(o)} .\n"
                   for s, p, o in triples)


def _insert_data(quads: Iterable[RdfQuad]) -> str:
    by_graph: dict[URIRef, list[tuple[Node, Node, Node]]] = {}
    for s, p, o, g in quads:
        by_graph.setdefault(g, []).append((s, p, o))
    groups = "".join(f"GRAPH {sparql_term(g)} {{\n{_triples(t)}}}\n" for g, t in by_graph.items())
    return f"INSERT DATA {{\n{groups}}}"
