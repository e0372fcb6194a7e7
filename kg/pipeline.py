"""The stages composed: the one thing the CLI (and a notebook) calls.

    sources → ingest → nlp → extract → resolve → rdf → store

>>> graph = build([EXAMPLE_ARTICLE], store="memory:")        # doctest: +SKIP
>>> graph.query("ASK { ?s kg:cooperates_with ?o }").boolean   # doctest: +SKIP
True
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, TextIO

from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from kg.errors import ConfigError, InputError, KgError
from kg.ingest import MAX_CHARS
from kg.namespaces import KG, SCHEMA
from kg.stages import Built, Processed, StageOptions
from kg.types import Document, Statement

if TYPE_CHECKING:
    from kg.dask_engine import DaskOptions
    from kg.engine import Engine
    from kg.graph.stats import GraphStats
    from kg.ontology import Ontology, OntologyLike
    from kg.store import QueryResult

__all__ = [
    "EXAMPLE_ARTICLE",
    "BuildReport",
    "KnowledgeGraph",
    "Processed",
    "build",
    "extract",
    "extract_documents",
    "open_graph",
    "process",
    "process_documents",
]

#: The example article kg ships (a short, fictional news text written for kg).
EXAMPLE_ARTICLE = str(resources.files("kg.data").joinpath("example-article.txt"))

Source = str | os.PathLike[str]


@dataclass(frozen=True)
class BuildReport:
    """What one build did. ``extractions`` are the open statements the rules found
    (``kg extract``'s rows); ``statements`` the ``rdf:Statement`` nodes this build
    wrote (extractions whose arguments resolved, with their evidence). The facts,
    entities and edges of the whole store are :meth:`KnowledgeGraph.stats`'s
    (entities are linked across documents after a build, so only the store can
    count them); README "Words" defines each word.
    """

    store: str
    documents: int = 0
    #: Documents whose text was already stored unchanged under the same id.
    skipped: int = 0
    #: Documents whose text is already stored (or read earlier in this build) under
    #: another id: the same text is never loaded twice.
    duplicates: int = 0
    sentences: int = 0
    extractions: int = 0
    statements: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: tuple[InputError, ...] = ()
    #: Files in the folders read that were left out for their binary type (.png...).
    ignored_files: int = 0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    @property
    def ok(self) -> bool:
        """Whether every input was read."""
        return not self.errors


@dataclass
class _Tally:
    documents: int = 0
    skipped: int = 0
    duplicates: int = 0
    sentences: int = 0
    extractions: int = 0
    statements: int = 0
    words: int = 0
    errors: list[InputError] = field(default_factory=list)
    ignored_files: int = 0


def extract(text: str, *, model: str | None = None) -> list[Statement]:
    """The open statements of one text (no store involved).

    >>> [(s.subject.text, s.relation) for s in extract("Russia supplies gas to China.")]
    ... # doctest: +SKIP
    [('Russia', 'supplies gas to')]
    """
    from kg.extract import extract as extract_doc
    from kg.nlp import load, parse

    doc = next(parse([text], nlp=load(model)))
    return list(extract_doc(doc))


def extract_documents(
    sources: Iterable[Source],
    *,
    model: str | None = None,
    batch_size: int = 64,
    processes: int = 1,
    on_error: Callable[[InputError], None] | None = None,
    stdin: TextIO | None = None,
    max_chars: int | None = MAX_CHARS,
) -> Iterator[tuple[Document, list[Statement]]]:
    """Read, parse and extract, yielding each document with its open statements
    (with ``processes`` > 1, parsed and extracted in worker processes)."""
    from kg.engine import LocalEngine
    from kg.ingest import read
    from kg.stages import extract_batch

    documents = read(sources, on_error=on_error, stdin=stdin, max_chars=max_chars)
    options = StageOptions(model=model, batch_size=batch_size)
    for items in LocalEngine(processes).run(extract_batch, documents, options=options):
        for document, statements in items:
            yield document, list(statements)


def process(
    sources: Iterable[Source],
    *,
    model: str | None = None,
    batch_size: int = 64,
    processes: int = 1,
    metonymy: bool = True,
    on_error: Callable[[InputError], None] | None = None,
    stdin: TextIO | None = None,
    skip: Callable[[Document], bool] | None = None,
    known_relations: Iterable[str] | None = None,
    ontology: OntologyLike = None,
    max_chars: int | None = MAX_CHARS,
    on_skip: Callable[[str], None] | None = None,
) -> Iterator[Processed]:
    """ingest → nlp → extract → resolve → rdf, lazily, one :class:`Processed` per
    document (``skip(document)`` drops a document before it is parsed).
    ``ontology`` extends kg's (see :func:`kg.ontology.as_ontology`); ``max_chars``
    and ``on_skip`` are :func:`kg.ingest.read`'s."""
    from kg.ingest import read

    documents = read(sources, on_error=on_error, stdin=stdin, max_chars=max_chars,
                     on_skip=on_skip)
    if skip is not None:
        documents = (d for d in documents if not skip(d))
    yield from process_documents(documents, model=model, batch_size=batch_size,
                                 processes=processes, metonymy=metonymy,
                                 known_relations=known_relations, ontology=ontology)


def process_documents(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    batch_size: int = 64,
    processes: int = 1,
    metonymy: bool = True,
    known_relations: Iterable[str] | None = None,
    ontology: OntologyLike = None,
) -> Iterator[Processed]:
    """nlp → extract → resolve → rdf over documents already read: in this
    process, or with ``processes`` > 1 in worker processes, each of which runs
    every stage on the documents it parses (:class:`kg.engine.LocalEngine`)."""
    from kg.engine import LocalEngine
    from kg.ontology import as_ontology

    options = StageOptions(
        model=model, batch_size=batch_size, metonymy=metonymy,
        ontology=None if ontology is None else as_ontology(ontology),
        known_relations=None if known_relations is None else frozenset(known_relations))
    yield from LocalEngine(processes).process(documents, options=options)


class KnowledgeGraph:
    """A store with kg's operations: build into it, query it, export it.

    >>> graph = open_graph("memory:")
    >>> graph.query("ASK { ?s ?p ?o }").boolean
    False
    """

    def __init__(self, store: str | os.PathLike[str] | None = None, *,
                 read_only: bool = False) -> None:
        from kg.store import Store, open_store

        self.store: Store = open_store(store, read_only=read_only)
        self.report: BuildReport | None = None
        #: (digest of the ontology data, quads of its graph) as this object loaded it
        self._ontology_loaded: tuple[str, int] | None = None

    # -- building -----------------------------------------------------------------
    def build(
        self,
        sources: Iterable[Source],
        *,
        model: str | None = None,
        batch_size: int = 64,
        processes: int = 1,
        metonymy: bool = True,
        force: bool = False,
        on_error: Callable[[InputError], None] | None = None,
        on_document: Callable[[Document, int], None] | None = None,
        stdin: TextIO | None = None,
        engine: str = "local",
        dask: DaskOptions | None = None,
        ontology: OntologyLike = None,
        max_chars: int | None = MAX_CHARS,
        on_duplicate: Callable[[Document, str], None] | None = None,
        on_skip_document: Callable[[Document], None] | None = None,
    ) -> BuildReport:
        """Build the graph of ``sources`` into this store.

        A document whose text is already stored unchanged is skipped unless
        ``force``; a changed one has its graph replaced. A document whose text is
        already stored (or read earlier in this build) under another id is not
        loaded again: ``on_duplicate(document, other_id)`` is told, and
        ``report.duplicates`` counts it. Two inputs of one build that give the same
        id with different texts are an input error for the second.
        ``on_skip_document(document)`` is called for each document skipped as
        unchanged (so that, with ``on_document``, ``on_duplicate`` and
        ``on_error``, a progress bar sees every input once). Input errors go to
        ``on_error`` (and into the report) while the rest of the batch goes on.
        ``on_document(document, words)`` is called after each stored document.
        ``engine="dask"`` runs the stages on a dask.distributed cluster
        (:mod:`kg.dask_engine`; a LocalCluster unless ``dask.scheduler`` is given).
        ``ontology`` extends kg's ontology with the user's files, or is an
        :class:`~kg.ontology.Ontology` (see :func:`kg.ontology.as_ontology`); it is
        loaded into the store's ontology graph and names the relations.
        A document longer than ``max_chars`` characters is an input error (``None``
        or 0: no limit); files of a binary type met in folders are not read but
        counted in ``report.ignored_files``.
        """
        from kg.ontology import as_ontology
        from kg.rdf import content_hash, document_iri

        onto = as_ontology(ontology)
        known = self._load_ontology(onto)
        tally = _Tally()
        start = time.perf_counter()

        def record_error(error: InputError) -> None:
            tally.errors.append(error)
            if on_error is not None:
                on_error(error)

        def ignore_file(_path: str) -> None:
            tally.ignored_files += 1

        seen = _Seen()  # this build's documents: id → content hash → id

        def skipped(document: Document) -> bool:
            tally.skipped += 1
            if on_skip_document is not None:
                on_skip_document(document)
            return True

        def skip_unchanged(document: Document, digest: str | None = None) -> bool:
            digest = digest or content_hash(document.text)
            earlier = seen.digest(document.id)
            if earlier is not None and earlier != digest:
                record_error(InputError(
                    f"another input of this build has the same document id {document.id!r}",
                    source=document.source, line=document.line,
                    hint="build the folder that holds both files, or give each record "
                         "its own id"))
                return True
            other = seen.document(digest)
            if other is None:
                iri = document_iri(document.id)
                if not force and self._unchanged(iri, digest):
                    seen.add(document.id, digest)
                    return skipped(document)
                other = self._stored_as(digest, iri)
            if other == document.id:  # named twice in this build
                return skipped(document)
            if other is not None:
                tally.duplicates += 1
                if on_duplicate is not None:
                    on_duplicate(document, other)
                return True
            seen.add(document.id, digest)
            return False

        from kg.ingest import read

        options = StageOptions(model=model, batch_size=batch_size, metonymy=metonymy,
                               ontology=onto, known_relations=known)
        batches: Iterable[list[Built]]
        if engine == "dask":
            from kg import dask_engine

            # the workers read the documents (from paths they see); the client checks
            # what to build and loads the shards
            batches = dask_engine.run_sources(
                [os.fspath(s) for s in sources], skip=skip_unchanged,
                load_shard=self._load_shard, on_error=record_error,
                on_skip_file=ignore_file, stdin=stdin, max_chars=max_chars or None,
                options=dask or dask_engine.DaskOptions(), stages=options)
        else:
            documents = (d for d in read(sources, on_error=record_error, stdin=stdin,
                                         max_chars=max_chars, on_skip=ignore_file)
                         if not skip_unchanged(d))
            batches = _engine(engine, processes=processes, dask=dask).build(
                documents, options=options, store=self.store)
        try:
            for items in batches:
                for item in items:
                    _count(tally, item)
                    if on_document is not None:
                        on_document(item.document, item.words)
        finally:
            seen.close()
        from kg.resolve.crossdoc import link_surnames

        self.store.release()  # what reading the written store cached, handed back
        link_surnames(self.store)  # bare surnames → the one full name the store knows
        self.store.release()

        self.report = BuildReport(
            store=self.store.uri,
            documents=tally.documents,
            skipped=tally.skipped,
            duplicates=tally.duplicates,
            sentences=tally.sentences,
            extractions=tally.extractions,
            statements=tally.statements,
            words=tally.words,
            seconds=time.perf_counter() - start,
            errors=tuple(tally.errors),
            ignored_files=tally.ignored_files,
        )
        return self.report

    def _load_shard(self, shard: Path, items: list[Built]) -> None:
        """Replace the graphs of ``items`` with the contents of an N-Quads shard
        (through :meth:`kg.store.Store.load`, so that a Virtuoso store with a bulk
        folder takes it with its bulk loader)."""
        from kg.rdf import document_iri

        for item in items:
            self.store.remove_graph(document_iri(item.document.id))
        with shard.open("rb") as data:
            self.store.load(data, "nq")

    def _unchanged(self, iri: URIRef, digest: str) -> bool:
        """Whether the document ``iri`` is stored with the text whose hash is ``digest``."""
        return next(self.store.match(iri, KG.contentHash, Literal(digest), iri), None) is not None

    def _stored_as(self, digest: str, iri: URIRef) -> str | None:
        """The id of a stored document other than ``iri`` whose text has ``digest``.

        Read from the store's indexes (:meth:`kg.store.Store.match`), not with a query:
        these run once per document, and a query costs a parse and a hand-over to
        the sandboxed query threads."""
        for document, _, _, graph in self.store.match(None, KG.contentHash, Literal(digest)):
            if document == graph and document != iri:
                for _s, _p, found, _g in self.store.match(document, SCHEMA.identifier, None,
                                                          graph):
                    return str(found)
        return None

    def _load_ontology(self, ontology: Ontology | None = None) -> frozenset[str]:
        """Put the ontology (kg's by default) in its own graph (replacing an older
        copy); return the relation names it declares.

        A graph that this object loaded with the same data and that still holds as
        many quads is left as it is: the builds of a stream into one store do not
        each reload the same ontology."""
        from kg.ontology import default_ontology
        from kg.rdf import ONTOLOGY_GRAPH

        ontology = ontology or default_ontology()
        data, fmt = ontology.store_data
        digest = hashlib.sha256(data).hexdigest()
        if self._ontology_loaded is None or self._ontology_loaded[0] != digest or (
                self._ontology_loaded[1] != self._ontology_quads()):
            self.store.remove_graph(ONTOLOGY_GRAPH)
            self.store.load(data, fmt, graph=ONTOLOGY_GRAPH)
            self._ontology_loaded = (digest, self._ontology_quads())
        return frozenset(ontology.relations)

    def _ontology_quads(self) -> int:
        from kg.rdf import ONTOLOGY_GRAPH

        rows = self.store.query(f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{ONTOLOGY_GRAPH}> "
                                "{ ?s ?p ?o } }", union=False).rows
        return int(str(rows[0][0])) if rows and rows[0][0] is not None else 0

    def remove(self, doc_ids: Iterable[str]) -> list[str]:
        """Drop the graphs of documents by id; return the ids that were not stored."""
        from kg.rdf import document_iri

        missing = []
        for doc_id in doc_ids:
            iri = document_iri(doc_id)
            if not self.store.query("ASK { GRAPH ?d { ?d a schema:NewsArticle } }",
                                    bindings={"d": iri}, union=False).boolean:
                missing.append(doc_id)
                continue
            self.store.remove_graph(iri)
        return missing

    def documents(self) -> list[tuple[str, str | None]]:
        """The stored documents as ``(id, title)`` pairs, sorted by id."""
        rows = self.store.query(
            """SELECT ?id ?title { GRAPH ?d { ?d a schema:NewsArticle ; schema:identifier ?id .
                                     OPTIONAL { ?d schema:name ?title } } } ORDER BY ?id""",
            union=False,
        ).rows
        return [(str(i), None if t is None else str(t)) for i, t in rows]

    # -- reading ------------------------------------------------------------------
    def query(self, sparql: str, **bindings: Node) -> QueryResult:
        """Run SPARQL (all graphs seen as one default graph; kg's prefixes predefined).

        Keyword arguments bind variables to RDF terms safely, e.g.
        ``graph.query("SELECT ?o { ?e rdfs:label ?name ; ?p ?o }", name=Literal("Russia"))``.
        """
        return self.store.query(sparql, bindings=bindings)

    def to_rdflib(self) -> Dataset:
        """The whole graph as an in-memory :class:`rdflib.Dataset` (a copy)."""
        return self.store.to_rdflib()

    def export(self, out: IO[bytes], fmt: str) -> None:
        """Write the store in an RDF format (nq, trig, jsonld, ttl, nt, xml)."""
        self.store.dump(out, fmt)

    def stats(self, *, top: int = 10, breakdown: bool = True) -> GraphStats:
        """The store's counts in kg's words (README "Words"): documents, statements,
        facts, entities, edges, connected entities; entities by type and top
        relations unless not ``breakdown`` (``kg build``'s summary needs neither)."""
        from kg.graph.stats import graph_stats

        return graph_stats(self.store, top=top, breakdown=breakdown)

    def __len__(self) -> int:
        return len(self.store)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Seen:
    """The documents one build has read: id → content hash, and content hash →
    the first id with that text, as two ``dict``s would hold them, but in a
    private temporary SQLite database (on disk, with SQLite's bounded page cache)
    so that a build's memory does not grow with its number of documents.

    >>> seen = _Seen()
    >>> seen.add("a", "h1")
    >>> seen.digest("a"), seen.document("h1"), seen.digest("b")
    ('h1', 'a', None)
    >>> seen.close()
    """

    def __init__(self) -> None:
        import sqlite3

        # "": a private database in a temporary file; one thread at a time uses it
        self._db = sqlite3.connect("", check_same_thread=False)
        self._db.executescript(
            "CREATE TABLE ids (id TEXT PRIMARY KEY, digest TEXT NOT NULL);"
            "CREATE TABLE texts (digest TEXT PRIMARY KEY, id TEXT NOT NULL);")

    def digest(self, doc_id: str) -> str | None:
        """The content hash read under ``doc_id`` in this build, if any."""
        return self._one("SELECT digest FROM ids WHERE id = ?", doc_id)

    def document(self, digest: str) -> str | None:
        """The id of the text with hash ``digest`` read in this build, if any."""
        return self._one("SELECT id FROM texts WHERE digest = ?", digest)

    def add(self, doc_id: str, digest: str) -> None:
        """Record that ``doc_id`` was read with the text whose hash is ``digest``."""
        self._db.execute("INSERT OR REPLACE INTO ids VALUES (?, ?)", (doc_id, digest))
        self._db.execute("INSERT OR REPLACE INTO texts VALUES (?, ?)", (digest, doc_id))

    def _one(self, sql: str, key: str) -> str | None:
        row = self._db.execute(sql, (key,)).fetchone()
        return None if row is None else str(row[0])

    def close(self) -> None:
        self._db.close()


def _engine(name: str, *, processes: int, dask: DaskOptions | None) -> Engine:
    """The engine ``KnowledgeGraph.build(engine=name)`` runs."""
    if name == "local":
        from kg.engine import LocalEngine

        return LocalEngine(processes)
    if name == "dask":
        from kg.dask_engine import DaskEngine, DaskOptions

        return DaskEngine(dask or DaskOptions())
    raise ConfigError(f"unknown engine {name!r}", hint="use local or dask")


def _count(tally: _Tally, item: Built) -> None:
    tally.documents += 1
    tally.sentences += item.sentences
    tally.extractions += item.extractions
    tally.statements += item.statements
    tally.words += item.words


def open_graph(store: str | os.PathLike[str] | None = None, *,
               read_only: bool = False) -> KnowledgeGraph:
    """Open a knowledge graph store: a directory (default ``./kg-store``) or ``memory:``."""
    return KnowledgeGraph(store, read_only=read_only)


def build(sources: Iterable[Source] | Source, *, store: str | os.PathLike[str] | None = None,
          **options: object) -> KnowledgeGraph:
    """Build the graph of ``sources`` (files, folders, ``-``) into ``store`` and
    return it; the build's summary is ``graph.report``.

    >>> graph = build([EXAMPLE_ARTICLE], store="memory:")     # doctest: +SKIP
    >>> graph.report.documents                                # doctest: +SKIP
    1
    """
    if isinstance(sources, str | os.PathLike):
        sources = [sources]
    graph = KnowledgeGraph(store)
    try:
        graph.build(sources, **options)  # type: ignore[arg-type]
    except KgError:
        graph.close()
        raise
    return graph

