"""Where the graph lives: one small interface, chosen by a URI-like option.

- a directory path (default ``./kg-store``): an embedded, persistent Oxigraph
  store on disk;
- ``memory:``: an Oxigraph store in memory, for tests and notebooks.

Queries always run on Oxigraph's SPARQL engine; rdflib stays the Python-facing
API through :meth:`Store.to_rdflib`.

>>> store = open_store("memory:")
>>> store.query("ASK { ?s ?p ?o }").boolean
False
"""

from __future__ import annotations

import ctypes
import errno
import io
import os
import sys
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, TypeVar

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from kg.errors import ConfigError, KgError, QueryError, StoreError
from kg.namespaces import BASE, PREFIXES

__all__ = [
    "DATASET_FORMATS",
    "DEFAULT_STORE",
    "FLUSH_EVERY",
    "MMAP_THRESHOLD",
    "NAMED_NODE_CACHE",
    "RELEASE_EVERY",
    "TRIPLE_FORMATS",
    "OxigraphStore",
    "QueryResult",
    "Store",
    "check_store_directory",
    "from_ox",
    "open_store",
    "to_ox",
    "write_nquads",
]

DEFAULT_STORE = "kg-store"
T = TypeVar("T")
RdfQuad = tuple[Node, Node, Node, URIRef]

#: ``kg export --format`` names → Oxigraph formats. Dataset formats keep the graphs.
DATASET_FORMATS: dict[str, ox.RdfFormat] = {
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}
#: Triple formats carry the union of all graphs.
TRIPLE_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "xml": ox.RdfFormat.RDF_XML,
}

_RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


@dataclass(frozen=True)
class QueryResult:
    """The answer to a query: ``kind`` is "select", "ask" or "graph".

    ``variables``/``rows`` hold a SELECT's table (rdflib terms, ``None`` when
    unbound), ``boolean`` an ASK's answer, ``triples`` a CONSTRUCT/DESCRIBE graph.
    """

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Node, Node, Node], ...] = ()

    def dicts(self) -> list[dict[str, Node | None]]:
        """SELECT rows as ``{variable: term}`` dicts."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


class Store(ABC):
    """The operations every backend offers."""

    uri: str

    @abstractmethod
    def replace_graph(self, graph: URIRef, quads: Iterable[RdfQuad]) -> None:
        """Replace ``graph`` with the quads of that graph in ``quads`` and add the
        others (shared graphs), in one transaction."""

    @abstractmethod
    def remove_graph(self, graph: URIRef) -> None:
        """Drop one named graph."""

    def replace_graphs(self, graphs: Iterable[URIRef], nquads: bytes) -> None:
        """Replace ``graphs`` with the graphs of ``nquads`` (their new contents, and
        quads of shared graphs), already serialised: what a build's workers hand
        over. One graph: as :meth:`replace_graph`. Several (a Dask shard): each is
        dropped, then ``nquads`` loaded; a document is then either wholly replaced,
        or wholly dropped (the process killed between the two steps: a rebuild
        loads it again), never half loaded where the backend's load is one
        transaction."""
        graphs = list(graphs)
        if len(graphs) == 1:
            self.replace_graph(graphs[0], parse_nquads(nquads))
            return
        for graph in graphs:
            self.remove_graph(graph)
        self.load(nquads, "nq")

    @abstractmethod
    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Node] | None = None,
        union: bool = True,
    ) -> QueryResult:
        """Run a SPARQL query. ``bindings`` are bound as RDF terms (never pasted
        into the text); ``union`` makes the default graph the union of all graphs."""

    @abstractmethod
    def query_to(
        self,
        out: IO[bytes],
        sparql: str,
        fmt: str,
        *,
        bindings: Mapping[str, Node] | None = None,
        union: bool = True,
    ) -> str:
        """Run a query and write its answer serialised: SPARQL 1.1 results
        (``json``, ``xml``, ``csv``, ``tsv``) for SELECT/ASK, Turtle (``ttl``, the
        default for graphs) or ``nt`` for CONSTRUCT/DESCRIBE. Returns the query kind."""

    @abstractmethod
    def dump(self, out: IO[bytes], fmt: str) -> None:
        """Write the whole store in a format of :data:`DATASET_FORMATS` or
        :data:`TRIPLE_FORMATS`."""

    @abstractmethod
    def load(self, data: IO[bytes] | bytes, fmt: str, *, graph: URIRef | None = None) -> None:
        """Bulk-load RDF into the store (into ``graph`` for triple formats)."""

    @abstractmethod
    def __len__(self) -> int:
        """The number of quads."""

    def match(self, subject: Node | None = None, predicate: Node | None = None,
              obj: Node | None = None, graph: URIRef | None = None) -> Iterator[RdfQuad]:
        """The quads of the named graphs that fit a pattern (``None`` fits any term).

        An embedded store reads them from its indexes, with no SPARQL to parse and
        no query thread; other backends ask with one query.

        >>> from rdflib import URIRef
        >>> store = open_store("memory:")
        >>> a, b, g = URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:g")
        >>> store.replace_graph(g, [(a, a, b, g), (b, a, a, g)])
        >>> [q[2] for q in store.match(subject=a)]
        [rdflib.term.URIRef('urn:b')]
        """
        bound = (("s", subject), ("p", predicate), ("o", obj), ("g", graph))
        bindings = {name: term for name, term in bound if term is not None}
        for s, p, o, g in self.query(_MATCH, bindings=bindings, union=False).rows:
            if s is not None and p is not None and o is not None and isinstance(g, URIRef):
                yield s, p, o, g

    def change(self, *, remove: Iterable[RdfQuad] = (), add: Iterable[RdfQuad] = ()) -> None:
        """Remove ``remove`` and add ``add`` (quads of named graphs). An embedded
        store does it in one transaction; the default rewrites each graph touched
        with :meth:`replace_graph`, one transaction per graph.

        >>> from rdflib import URIRef
        >>> store = open_store("memory:")
        >>> a, b, g = URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:g")
        >>> store.replace_graph(g, [(a, a, b, g)])
        >>> store.change(remove=[(a, a, b, g)], add=[(b, a, a, g)])
        >>> [q[0] for q in store.match(graph=g)]
        [rdflib.term.URIRef('urn:b')]
        """
        removed, added = set(remove), list(add)
        for graph in sorted({q[3] for q in removed} | {q[3] for q in added}, key=str):
            kept = [q for q in self.match(graph=graph) if q not in removed]
            self.replace_graph(graph, list(dict.fromkeys(
                kept + [q for q in added if q[3] == graph])))

    def to_rdflib(self) -> Dataset:
        """A copy of the store as an in-memory :class:`rdflib.Dataset`."""
        buffer = io.BytesIO()
        self.dump(buffer, "nq")
        dataset = Dataset()
        dataset.parse(data=buffer.getvalue().decode("utf-8"), format="nquads")
        return dataset

    def release(self) -> None:  # noqa: B027 - optional for backends
        """Hand back the memory the store's engine keeps for what it has read
        (a no-op where nothing is kept); the store stays open."""

    @property
    def releases(self) -> bool:
        """Whether :meth:`release` hands memory back (so that work done in pieces,
        with a release between them, holds less than work done at once)."""
        return False

    @property
    def stable_order(self) -> bool:
        """Whether a query of one triple pattern gives its rows in the same order
        each time it runs over the same data, so that the pages that LIMIT and
        OFFSET cut from its answer need no ORDER BY (which, to compare the terms,
        reads the text of every one of them, not only of the page's)."""
        return False

    def close(self) -> None:  # noqa: B027 - optional for backends
        """Release the store (a no-op where nothing is held)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


#: Quads an on-disk store takes between two flushes of its memory tables.
FLUSH_EVERY = 10_000
#: Quads a writable store on disk takes between two :meth:`OxigraphStore.release`.
RELEASE_EVERY = 20_000
_MATCH = "SELECT ?s ?p ?o ?g { GRAPH ?g { ?s ?p ?o } }"


class OxigraphStore(Store):
    """An embedded Oxigraph store, on disk (``path``) or in memory (``path=None``)."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *,
                 read_only: bool = False) -> None:
        self.uri = "memory:" if path is None else str(path)
        self.path = None if path is None else Path(path)
        self._store, self._writable = _open_oxigraph(self.path, read_only=read_only)
        self._unflushed = 0  # quads written to disk since the last flush
        self._unreleased = 0  # quads written since the store was last reopened
        self._readers = 0  # iterators of match() and quads() not yet finished

    def _written(self, quads: int) -> None:
        """Count quads written; flush a store on disk every :data:`FLUSH_EVERY`.

        RocksDB keeps what was written in memory tables until they are flushed, and
        Oxigraph does not bound them: without this, a build's memory grew with the
        corpus (900k quads in document-sized updates: 838 MB; flushed every 30k
        quads: 90 MB, and faster). They take about 1 MB per 1,000 quads, and the
        process keeps that memory once it has had it: writing 80,000 quads 100 at
        a time and flushing every 50,000 added 41 MB to the process; every 10,000,
        nothing measurable, and it was no slower. So a small build and a large one
        peak at the same place.
        """
        self._unflushed += quads
        self._unreleased += quads
        if self._unreleased >= RELEASE_EVERY:
            self.release()
        elif self._unflushed >= FLUSH_EVERY:
            self.flush()

    def _check_writable(self) -> None:
        if not self._writable:
            raise StoreError(f"the store {self.uri} is open read-only",
                             hint="open it for writing (a directory you may write to, "
                                  "not in use by another kg process)")

    def replace_graph(self, graph: URIRef, quads: Iterable[RdfQuad]) -> None:
        # One transaction: a build killed at any moment leaves the document either
        # wholly replaced or untouched. A graph the store does not hold yet (every
        # document of a first build) is one atomic insert; replacing one that it
        # holds is one SPARQL Update that drops it and inserts the new quads.
        self._check_writable()
        target = ox.NamedNode(str(graph))
        new = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in quads]
        try:
            if self._holds(target):
                self._store.update(f"DROP SILENT GRAPH {target} ;\n"
                                   f"INSERT DATA {{\n{_data_blocks(new)}}}")
            else:
                self._store.extend(new)
        except (OSError, RuntimeError) as exc:
            raise _storage_error(self.uri, exc, writing=True) from None
        self._written(len(new))

    def _holds(self, graph: ox.NamedNode) -> bool:
        """Whether the store has a quad in ``graph``."""
        return next(iter(self._store.quads_for_pattern(None, None, None, graph)), None) is not None

    def match(self, subject: Node | None = None, predicate: Node | None = None,
              obj: Node | None = None, graph: URIRef | None = None) -> Iterator[RdfQuad]:
        s, p, o = (None if term is None else to_ox(term) for term in (subject, predicate, obj))
        target = None if graph is None else ox.NamedNode(str(graph))
        self._readers += 1
        try:
            for q in self._store.quads_for_pattern(s, p, o, target):
                if isinstance(q.graph_name, ox.NamedNode):
                    yield (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object),
                           URIRef(q.graph_name.value))
        except (OSError, RuntimeError) as exc:
            raise _storage_error(self.uri, exc) from None
        finally:
            self._readers -= 1

    def change(self, *, remove: Iterable[RdfQuad] = (), add: Iterable[RdfQuad] = ()) -> None:
        self._check_writable()
        removed = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in remove]
        added = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in add]
        parts = []
        if removed:
            parts.append(f"DELETE DATA {{\n{_data_blocks(removed)}}}")
        if added:
            parts.append(f"INSERT DATA {{\n{_data_blocks(added)}}}")
        if not parts:
            return
        try:
            self._store.update(" ;\n".join(parts))
        except (OSError, RuntimeError) as exc:
            raise _storage_error(self.uri, exc, writing=True) from None
        self._written(len(removed) + len(added))

    def remove_graph(self, graph: URIRef) -> None:
        self._check_writable()
        try:
            self._store.update(f"DROP SILENT GRAPH <{ox.NamedNode(str(graph)).value}>")
        except (OSError, RuntimeError) as exc:
            raise _storage_error(self.uri, exc, writing=True) from None

    def replace_graphs(self, graphs: Iterable[URIRef], nquads: bytes) -> None:
        # two transactions (one update that drops them all, one load); unlike
        # load(), no flush here: the memory tables are flushed by size (_written)
        self._check_writable()
        drops = " ;\n".join(f"DROP SILENT GRAPH <{ox.NamedNode(str(g)).value}>"
                             for g in graphs)
        try:
            if drops:
                self._store.update(drops)
            if nquads:
                self._store.load(nquads, format=ox.RdfFormat.N_QUADS)
        except SyntaxError as exc:
            raise StoreError(f"the N-Quads of a build do not parse: {exc}",
                             hint="report this as a bug in kg") from exc
        except (OSError, RuntimeError) as exc:
            raise _storage_error(self.uri, exc, writing=True) from None
        self._written(nquads.count(b"\n"))

    # Queries run, and their answers are read, on a thread that cannot open a socket
    # (kg.sandbox): SERVICE in a query (or a file of queries) reaches nothing.
    def query(self, sparql: str, *, bindings: Mapping[str, Node] | None = None,
              union: bool = True) -> QueryResult:
        return self._confined(
            sparql, lambda: _result(self._run(sparql, bindings=bindings, union=union)))

    def query_to(self, out: IO[bytes], sparql: str, fmt: str, *,
                 bindings: Mapping[str, Node] | None = None, union: bool = True) -> str:
        if fmt not in _RESULT_FORMATS and fmt not in {"ttl", "nt"}:
            raise ConfigError(f"unknown results format {fmt!r}",
                              hint="use one of " + ", ".join(_RESULT_FORMATS))

        def work() -> str:
            result = self._run(sparql, bindings=bindings, union=union)
            if isinstance(result, ox.QueryTriples):
                _write_triples(out, result, "nt" if fmt == "nt" else "ttl")
                return "graph"
            if fmt not in _RESULT_FORMATS:
                raise ConfigError(f"{fmt} is for CONSTRUCT and DESCRIBE answers",
                                  hint="use one of " + ", ".join(_RESULT_FORMATS))
            result.serialize(out, format=_RESULT_FORMATS[fmt])
            return "ask" if isinstance(result, ox.QueryBoolean) else "select"

        return self._confined(sparql, work)

    def _confined(self, sparql: str, work: Callable[[], T]) -> T:
        from kg.sandbox import (
            MAX_NESTING,
            confined,
            nesting_depth,
            network_denied,
            outbound_keyword,
        )

        if nesting_depth(sparql) > MAX_NESTING:
            raise QueryError(f"the query nests brackets more than {MAX_NESTING} deep",
                             hint="simplify it")

        def guarded() -> T:
            if not network_denied():  # no sandbox here: refuse by the text at least
                keyword = outbound_keyword(sparql)
                if keyword is not None:
                    raise QueryError(f"{keyword} is refused: kg makes no outbound requests")
            try:
                return work()
            except (OSError, RuntimeError) as exc:
                raise self._query_failure(exc) from None

        return confined(guarded)

    def _query_failure(self, exc: BaseException) -> KgError:
        if isinstance(exc, PermissionError):
            return QueryError("the query tried to reach the network (SERVICE or LOAD); kg "
                              "makes no outbound requests")
        if _is_damage(exc) or isinstance(exc, OSError):
            return _storage_error(self.uri, exc)
        return QueryError(f"the query failed: {exc}")

    def _run(self, sparql: str, *, bindings: Mapping[str, Node] | None, union: bool) -> Any:
        substitutions = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        try:
            try:
                return self._store.query(sparql, prefixes=PREFIXES,
                                         use_default_graph_as_union=union,
                                         substitutions=substitutions or None)
            except RuntimeError as exc:
                if not bindings or "projection" not in str(exc):
                    raise
            # Oxigraph substitutes only variables a SELECT projects: bind the others
            # with a VALUES block, as the remote store does
            from kg.store.remote import with_values

            return self._store.query(with_values(sparql, bindings), prefixes=PREFIXES,
                                     use_default_graph_as_union=union)
        except SyntaxError as exc:
            from kg.suggest import sparql_syntax_error

            raise sparql_syntax_error(sparql, str(exc), PREFIXES) from exc
        except ValueError as exc:
            raise QueryError(f"the query failed: {exc}") from exc

    def dump(self, out: IO[bytes], fmt: str) -> None:
        if fmt not in DATASET_FORMATS and fmt not in TRIPLE_FORMATS:
            raise ConfigError(f"unknown RDF format {fmt!r}",
                              hint="use one of " + ", ".join([*DATASET_FORMATS, *TRIPLE_FORMATS]))
        try:
            if fmt in DATASET_FORMATS:
                self._store.dump(out, format=DATASET_FORMATS[fmt],
                                 prefixes=PREFIXES if fmt == "trig" else None)
                return
            _write_triples(out, (ox.Triple(q.subject, q.predicate, q.object)
                                 for q in self._store), fmt)
        except RuntimeError as exc:
            raise _storage_error(self.uri, exc) from None

    def load(self, data: IO[bytes] | bytes, fmt: str, *, graph: URIRef | None = None) -> None:
        formats = {**DATASET_FORMATS, **TRIPLE_FORMATS}
        if fmt not in formats:
            raise ConfigError(f"unknown RDF format {fmt!r}",
                              hint="use one of " + ", ".join(formats))
        target = ox.NamedNode(str(graph)) if graph is not None else None
        self._check_writable()
        try:
            self._store.load(data, format=formats[fmt], to_graph=target)
        except SyntaxError as exc:
            raise StoreError(f"the {fmt} data does not parse: {exc}") from exc
        except RuntimeError as exc:
            raise _storage_error(self.uri, exc, writing=True) from None
        self.flush()  # a bulk load: flush it now

    def quads(self) -> Iterator[tuple[Node, Node, Node, Node | None]]:
        """Every quad as rdflib terms (graph ``None`` for the default graph)."""
        self._readers += 1
        try:
            for q in self._store:
                graph = (None if isinstance(q.graph_name, ox.DefaultGraph)
                         else from_ox(q.graph_name))
                yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), graph
        finally:
            self._readers -= 1

    def __len__(self) -> int:
        try:
            return len(self._store)
        except (OSError, RuntimeError) as exc:
            raise _storage_error(self.uri, exc) from None

    def flush(self) -> None:
        """Write the memory tables of a store on disk to its files."""
        self._unflushed = 0
        if self.path is not None and self._writable:
            try:
                self._store.flush()
            except (OSError, RuntimeError) as exc:
                raise _storage_error(self.uri, exc, writing=True) from None

    def release(self) -> None:
        """Flush a writable store on disk, close it and open it again, and hand the
        freed heap back to the system (:func:`_trim_heap`).

        RocksDB under Oxigraph keeps what it reads in block caches (128 MB for the
        strings of the terms, RocksDB's default size for the indexes) and the index
        blocks of every file it has opened, and pyoxigraph offers no option to
        bound them: so a build's memory grew with the store it had written and
        read (the duplicate checks, the surname links, the summary). Closing the
        store frees all of it. Nothing happens while an iterator of :meth:`match`
        or :meth:`quads` is open (it holds the store open), nor in memory or
        read-only: the next write tries again.
        """
        self._unreleased = 0
        if self.path is None or not self._writable or self._readers or _shared(self._store):
            return
        self.flush()
        del self._store
        _trim_heap()
        self._store, self._writable = _open_oxigraph(self.path, read_only=False)

    @property
    def releases(self) -> bool:
        """A writable store on disk: :meth:`release` closes and reopens it."""
        return self.path is not None and self._writable

    @property
    def stable_order(self) -> bool:
        """Oxigraph reads a pattern's rows from one of its indexes, in the order of
        their keys (encoded terms), closed and reopened or not."""
        return True

    def close(self) -> None:
        if not hasattr(self, "_store"):
            return
        try:
            self.flush()
        finally:
            del self._store


def _shared(engine: ox.Store) -> bool:
    """Whether Python code other than the one attribute holds ``engine`` (which
    then could not be closed, nor the store opened again while it lives)."""
    return sys.getrefcount(engine) > 3  # the attribute, the argument, getrefcount's own


#: A heap block from this size up that glibc's heaps have no room for gets pages
#: of its own (``mmap``), handed back to the system when it is freed: kept fixed
#: in a process that opens a store on disk (:func:`_fix_mmap_threshold`).
MMAP_THRESHOLD = 1 << 20
_M_MMAP_THRESHOLD = -3  # mallopt's parameter number (glibc's malloc.h)


@lru_cache(maxsize=1)
def _fix_mmap_threshold() -> bool:
    """Keep glibc's ``mmap`` threshold at :data:`MMAP_THRESHOLD` in this process
    (done once, before the first store on disk opens); ``False`` where the C
    library has no ``mallopt`` or refuses.

    By default glibc raises the threshold to the size of each mapped block that
    is freed (up to 32 MB), so that later blocks of that size grow its heaps
    instead: the main one and one per thread, RocksDB's flush and compaction
    threads included. RocksDB under Oxigraph allocates and frees such blocks
    all the time (its memory tables grow by blocks, flushes and compactions
    read and write them), and in the heaps they fragment, so that the
    ``malloc_trim`` of a :meth:`OxigraphStore.release` cannot hand all of it
    back. Replaying the main process's writes of a build of the whole BBC ten
    times (its store work, no parsing), the resident size right after a release
    was 127 MB after the first copy and 146 MB after the tenth, and the loop of
    documents reached 167 MB; with the threshold fixed at 1 MB, 124, 136 and
    149 MB. At glibc's own starting value (128 kB) it saved a little more (122,
    131), but the replay's CPU time was 5 % higher; at 1 MB it was within the
    noise of the default's.
    """
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, ``None`` where the C library has none."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


def _trim_heap() -> None:
    """Hand the heap memory that is free back to the system (glibc keeps it
    otherwise, and a process's resident size only grows); elsewhere nothing."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


_WRITE_ERRORS = (errno.EACCES, errno.EPERM, errno.EROFS)
_WRITABLE_HINT = ("make it writable with chmod -R u+w or a read-write mount, or give --store "
                  "another directory; kg query, stats and export can read it as it is")


def _write_problem(directory: Path) -> str | None:
    """Why no file can be written in ``directory`` (``None``: one can). It is tried:
    permission bits, ACLs, root's capabilities and read-only mounts all have a say."""
    try:
        handle, probe = tempfile.mkstemp(prefix=".kg-write-test-", dir=directory)
    except OSError as exc:
        return (exc.strerror or str(exc)).lower()
    os.close(handle)
    os.unlink(probe)
    return None


def _not_writable(path: Path, reason: str) -> StoreError:
    return StoreError(f"the store {path} is not writable: {reason}; nothing was changed",
                      hint=_WRITABLE_HINT)


def _prepare_directory(path: Path) -> None:
    """Create the store directory if missing and check, before any work, that kg
    can write there: a clear :class:`~kg.errors.StoreError` instead of RocksDB's."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the store directory {path}: "
                         f"{(exc.strerror or str(exc)).lower()}",
                         hint="give --store a directory in a place you may write to") from exc
    reason = _write_problem(path)
    if reason is not None:
        raise _not_writable(path, reason)


def _open_oxigraph(path: Path | None, *, read_only: bool) -> tuple[ox.Store, bool]:
    """Open (or create) the store; the flag says whether it was opened for writing.

    A reader (``read_only``) of a store in a directory it may not write to (a
    read-only mount, another user's store) opens it with Oxigraph's read-only mode.
    """
    if path is None:
        return ox.Store(), True
    _fix_mmap_threshold()
    if path.exists() and not path.is_dir():
        raise StoreError(f"the store path {path} is a file, not a directory",
                         hint="give --store a directory (it is created if missing)")
    if read_only:
        # A reader never writes: Oxigraph's read-only mode, on a directory that is a
        # kg store (anything else is refused untouched).
        check_store_directory(path)
        return _open_read_only(path), False
    _prepare_directory(path)
    try:
        return ox.Store(str(path)), True
    except OSError as exc:
        text = str(exc)
        if "lock" not in text.lower():
            if any(os.strerror(code) in text for code in _WRITE_ERRORS):
                raise _not_writable(path, text) from exc
            raise StoreError(f"cannot open the store {path}: {exc}",
                             hint="check that it is a kg store and that the disk is not "
                                  "full") from exc
        if read_only:
            # another process is writing: read what it has flushed
            try:
                return ox.Store.read_only(str(path)), False
            except (OSError, RuntimeError):
                pass
        raise StoreError(f"the store {path} is in use by another kg process",
                         hint="wait for the other build to finish, then run again") from exc


def _open_read_only(path: Path) -> ox.Store:
    try:
        return ox.Store.read_only(str(path))
    except (OSError, RuntimeError) as exc:
        if isinstance(exc, PermissionError):
            raise StoreError(f"cannot read the store {path}: permission denied",
                             hint="run as a user who may read it") from None
        raise _storage_error(path, exc) from None


#: What RocksDB keeps in every store directory it made.
_STORE_MARKERS = ("CURRENT", "IDENTITY")


def check_store_directory(path: Path) -> None:
    """Refuse (:class:`~kg.errors.StoreError`, nothing touched) a path that is not a
    kg store on disk: missing, a file, empty, another kind of directory, or a store
    whose ``CURRENT`` file is gone."""
    build = f"build one first with: kg build FILE --store {path}"
    if not path.exists():
        raise StoreError(f"there is no store at {path}", hint=build)
    if not path.is_dir():
        raise StoreError(f"the store path {path} is a file, not a directory",
                         hint="give --store a store directory")
    try:
        names = {entry.name for entry in os.scandir(path)}
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {(exc.strerror or str(exc)).lower()}",
                         hint="run as a user who may read it") from None
    if not names:
        raise StoreError(f"there is no store at {path} (the directory is empty)", hint=build)
    if "CURRENT" in names:
        return
    if any(name.startswith("MANIFEST-") for name in names) or "IDENTITY" in names:
        raise StoreError(f"the store {path} is damaged: its CURRENT file is missing; "
                         "nothing was changed", hint=_DAMAGED_HINT)
    raise StoreError(f"{path} is not a kg store (it holds other files); nothing was changed",
                     hint="give --store the directory kg build wrote")


_DAMAGED_HINT = ("restore it from a backup, or rebuild it with kg build into a new "
                 "directory; kg did not change it")


def _is_damage(exc: BaseException) -> bool:
    text = str(exc)
    return "Corruption" in text or "corrupt" in text.lower()


def _storage_error(where: str | Path, exc: BaseException, *, writing: bool = False) -> StoreError:
    """One clear sentence for a failure of the storage under a store."""
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "No space left" in str(exc):
        return StoreError(f"the disk is full: kg cannot write to the store {where}",
                          hint="free some space and run the build again; documents stored "
                          "before this one are kept")
    if _is_damage(exc):
        return StoreError(f"the store {where} is damaged ({_first_line(exc)})",
                          hint=_DAMAGED_HINT)
    if isinstance(exc, FileNotFoundError):
        return StoreError(f"the store {where} is damaged: a file is missing "
                          f"({_first_line(exc)})", hint=_DAMAGED_HINT)
    verb = "write to" if writing else "read"
    return StoreError(f"cannot {verb} the store {where}: {_first_line(exc)}",
                      hint="check the disk and its permissions")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__


def open_store(uri: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
    """Open a store by URI: a directory path (default :data:`DEFAULT_STORE`) or ``memory:``."""
    text = str(uri) if uri is not None else DEFAULT_STORE
    if text == "memory:":
        return OxigraphStore(None)
    if "://" in text:  # issue 5: remote SPARQL servers, see kg/store/remote.py
        from kg.store.remote import SparqlStore

        return SparqlStore.from_uri(text, read_only=read_only)
    return OxigraphStore(text, read_only=read_only)


def write_nquads(out: IO[bytes], quads: Iterable[RdfQuad]) -> None:
    """Serialise rdflib quads as N-Quads (what ``kg extract --format nquads`` prints)."""
    out.write(ox.serialize(_ox_quads(quads), format=ox.RdfFormat.N_QUADS) or b"")


def _ox_quads(quads: Iterable[RdfQuad]) -> Iterator[ox.Quad]:
    """``quads`` as pyoxigraph quads, each term object converted once: a document's
    quads share their graph, predicates and statement nodes as the same objects."""
    # keyed by id(term): cheaper than an rdflib term's own hash; the term is kept
    # beside its conversion, so that its id cannot pass to another object
    converted: dict[int, tuple[Node, Any]] = {}
    get = converted.get
    for quad in quads:
        terms = []
        for term in quad:
            found = get(id(term))
            if found is None:
                found = converted[id(term)] = (term, to_ox(term))
            terms.append(found[1])
        yield ox.Quad(*terms)


def parse_nquads(data: bytes) -> Iterator[RdfQuad]:
    """The quads of N-Quads ``data`` as rdflib terms (what :func:`write_nquads` wrote).

    >>> import io
    >>> from rdflib import URIRef
    >>> out = io.BytesIO()
    >>> quad = (URIRef("urn:s"), URIRef("urn:p"), URIRef("urn:o"), URIRef("urn:g"))
    >>> write_nquads(out, [quad])
    >>> list(parse_nquads(out.getvalue())) == [quad]
    True
    """
    for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        yield (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object),  # type: ignore[misc]
               from_ox(q.graph_name))


def _write_triples(out: IO[bytes], triples: Iterable[Any], fmt: str) -> None:
    """Serialise triples (duplicates merged) in a triple format, with kg's prefixes."""
    union = ox.Store()
    union.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    union.dump(out, format=TRIPLE_FORMATS[fmt], from_graph=ox.DefaultGraph(),
               prefixes=PREFIXES if fmt in {"ttl", "xml"} else None)


def _result(result: Any) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows = tuple(
            tuple(None if sol[v] is None else from_ox(sol[v]) for v in variables)
            for sol in result
        )
        return QueryResult(kind="select", variables=variables, rows=rows)
    triples = tuple((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
                    for t in result)
    return QueryResult(kind="graph", triples=triples)


def _data_blocks(quads: Iterable[ox.Quad]) -> str:
    """The ``GRAPH <g> { triples }`` blocks of quads of named graphs, for the body
    of ``INSERT DATA`` or ``DELETE DATA`` (N-Triples, as Oxigraph writes them)."""
    by_graph: dict[ox.NamedNode | ox.BlankNode | ox.DefaultGraph, list[ox.Triple]] = {}
    for q in quads:
        by_graph.setdefault(q.graph_name, []).append(ox.Triple(q.subject, q.predicate,
                                                                q.object))
    return "".join(
        f"GRAPH {name} {{\n"
        + (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
        + "}\n"
        for name, triples in by_graph.items()
    )


#: IRIs converted by :func:`to_ox` that are kept (predicates, types, graphs and
#: entities recur in every document); a bounded cache, so a stream cannot grow it.
NAMED_NODE_CACHE = 1 << 14
#: IRIs of one document only (its own, its statements'): they recur in its quads,
#: never after, so they are kept a short while apart (:func:`_passing_node`).
_PASSING = (BASE + "doc/", BASE + "statement/")


@lru_cache(maxsize=NAMED_NODE_CACHE)
def _named_node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


@lru_cache(maxsize=256)
def _passing_node(iri: str) -> ox.NamedNode:
    """A document's or a statement's IRI converted, kept while its quads pass:
    in :func:`_named_node`'s cache they pushed out the IRIs that recur, and a
    worker's cache filled with them as a corpus grew (5,000 IRIs after the first
    500 BBC files, all 16,384 after the third time through)."""
    return ox.NamedNode(iri)


def to_ox(term: Node) -> Any:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        text = str(term)  # (a plain str: the cache compares it in C)
        return _passing_node(text) if text.startswith(_PASSING) else _named_node(text)
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=_named_node(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r} ({type(term).__name__})")


def from_ox(term: Any) -> Node:
    """A pyoxigraph term as an rdflib term (plain literals stay plain)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unexpected term {term!r}")
