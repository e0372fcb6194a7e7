"""kg's stages for one document, as a worker runs them: parse (in pieces, joined
back into one Doc), extract, resolve, RDF.

Every engine runs the same code here, in whichever process parses the document: the
local engine in this process (``processes=1``) or in its worker processes
(:mod:`kg.engine`), the Dask engine in its workers (:mod:`kg.dask_engine`). A worker
parses all the pieces of a document itself and joins them before extraction, so the
rules that need the whole document (quotations that run over several paragraphs, the
resolver's document-level scans) see it whole, wherever it was parsed.

>>> from kg.types import Document
>>> stages = Stages(StageOptions())                                       # doctest: +SKIP
>>> [item] = stages.run([Document(id="d", text="Russia supplies gas to China.")])  # doctest: +SKIP
>>> item.statements[0].relation                                            # doctest: +SKIP
'supplies gas to'
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.types import Document, ResolvedStatement, Statement

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.ontology import Ontology
    from kg.rdf import Quad
    from kg.resolve import Resolver

__all__ = ["WARM_TEXT", "ZONE_STRINGS", "Built", "MemoryZone", "Processed", "StageOptions",
           "Stages", "build_batch", "built", "extract_batch", "process_batch", "stages_for",
           "warm"]

#: How many strings the batches of a build may add to the spaCy string store (with
#: their lexemes and tokenizer cache entries) before they are freed: about 1,700 BBC
#: files' worth (11,516 new strings per 1,000 distinct files, 6 MB of RSS). Freeing
#: them after every batch cost 4-5 % of a parsing process's CPU (the next batch makes
#: the lexemes of its rarer words again, with a cold tokenizer cache).
ZONE_STRINGS = 20_000


@dataclass(frozen=True)
class Processed:
    """One document after every stage up to RDF."""

    document: Document
    sentences: int
    words: int
    statements: tuple[Statement, ...]
    resolved: tuple[ResolvedStatement, ...]
    quads: tuple[Quad, ...]


@dataclass(frozen=True)
class Built:
    """One document as a worker hands it to the store's writer: compact (no Doc,
    no statement objects), cheap to pickle and to load. ``nquads`` are the
    document's quads, serialised (its own graph and its shared descriptions);
    ``extractions`` counts its open statements, ``statements`` the
    ``rdf:Statement`` nodes among the quads."""

    document: Document
    sentences: int
    words: int
    extractions: int
    statements: int
    nquads: bytes


@dataclass(frozen=True)
class StageOptions:
    """What every worker needs to run the stages: the spaCy ``model`` (``None``: kg's
    default), ``batch_size`` (pieces per ``nlp.pipe`` batch), ``metonymy`` (a capital
    acting as an agent resolves to its state), the ``ontology`` (``None``: kg's) and
    the relation names it already declares (``known_relations``; ``None``: the
    ontology's). It is picklable: it travels to worker processes and Dask workers.

    >>> StageOptions().batch_size
    64
    """

    model: str | None = None
    batch_size: int = 64
    metonymy: bool = True
    ontology: Ontology | None = None
    known_relations: frozenset[str] | None = None


class MemoryZone:
    """A spaCy memory zone held open over many batches of one process: the strings,
    lexemes and tokenizer cache entries of the words the batches add are freed once
    they have added ``limit`` strings, when no batch is running (:meth:`batch`), or
    at :meth:`close`. What a batch makes of a Doc must not outlive it (a batch of a
    build returns N-Quads and counts). The batches of several threads share the zone.
    """

    def __init__(self, nlp: Language, limit: int = ZONE_STRINGS) -> None:
        self.nlp = nlp
        self.limit = limit
        self._stack: ExitStack | None = None
        self._base = 0  # the string store's size when the zone was opened
        self._running = 0
        self._lock = threading.Lock()

    @property
    def added(self) -> int:
        """The strings added since the zone was opened (0 when it is closed)."""
        return len(self.nlp.vocab.strings) - self._base if self._stack else 0

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run a batch in the zone (opened if it is not), and free what the batches
        added if that reached ``limit`` strings and no other batch is running."""
        with self._lock:
            if self._stack is None:
                self._stack = ExitStack()
                self._stack.enter_context(self.nlp.memory_zone())
                self._base = len(self.nlp.vocab.strings)
            self._running += 1
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1
                if not self._running and self.added >= self.limit:
                    self._close()

    def close(self) -> None:
        """Free what the batches added and close the zone (not while a batch runs)."""
        with self._lock:
            self._close()

    def _close(self) -> None:
        stack, self._stack = self._stack, None
        if stack is not None:
            stack.close()


class Stages:
    """The stages, set up once per process (the spaCy model, the resolver and its
    gazetteer) and run over batches of documents."""

    def __init__(self, options: StageOptions) -> None:
        from kg.nlp import load
        from kg.ontology import as_ontology

        self.options = options
        self.ontology: Ontology = as_ontology(options.ontology)
        self.nlp: Language = load(options.model)
        self.zone = MemoryZone(self.nlp)
        self._resolver: Resolver | None = None

    @property
    def resolver(self) -> Resolver:
        """The resolver (with its gazetteer), made on first use: ``kg extract``
        needs none."""
        if self._resolver is None:
            from kg.resolve import Resolver

            self._resolver = Resolver(metonymy=self.options.metonymy, ontology=self.ontology)
        return self._resolver

    @property
    def known(self) -> frozenset[str]:
        """The relation names the ontology already declares."""
        known = self.options.known_relations
        return frozenset(self.ontology.relations) if known is None else known

    def extract(self, documents: Iterable[Document]
                ) -> Iterator[tuple[Document, tuple[Statement, ...]]]:
        """Parse ``documents`` and extract each one's open statements (no resolution)."""
        from kg.extract import extract
        from kg.nlp import parse_tuples

        items = ((d.text, d) for d in documents)
        for doc, document in parse_tuples(items, nlp=self.nlp,
                                          batch_size=self.options.batch_size):
            yield document, tuple(extract(doc))

    def run(self, documents: Iterable[Document]) -> Iterator[Processed]:
        """Parse ``documents`` (lazily, ``batch_size`` pieces at a time) and run every
        stage on each whole document, in order."""
        from kg.extract import extract
        from kg.nlp import count_sentences, parse_tuples
        from kg.nlp.tokens import DocTokens
        from kg.rdf import document_quads

        resolver, known = self.resolver, self.known
        items = ((d.text, d) for d in documents)
        for doc, document in parse_tuples(items, nlp=self.nlp,
                                          batch_size=self.options.batch_size):
            tokens = DocTokens(doc)
            statements = tuple(extract(doc, tokens=tokens))
            resolved = tuple(resolver.resolve(statements, doc, document_facts=True,
                                              tokens=tokens))
            yield Processed(
                document=document,
                sentences=count_sentences(doc),
                words=len(document.text.split()),
                statements=statements,
                resolved=resolved,
                quads=tuple(document_quads(document, resolved, known_relations=known,
                                           ontology=self.ontology)),
            )


#: This process's stages, by options (a worker process serves one build; a Dask
#: worker may serve several builds with different options, one after another).
_STAGES: dict[tuple[object, ...], Stages] = {}


def _key(options: StageOptions) -> tuple[object, ...]:
    """``options`` by value (an ontology arrives as a new object with every task)."""
    onto = options.ontology
    return (options.model, options.batch_size, options.metonymy, options.known_relations,
            None if onto is None else onto.__reduce__()[1])


def stages_for(options: StageOptions) -> Stages:
    """This process's :class:`Stages` for ``options``, set up on first use."""
    key = _key(options)
    stages = _STAGES.get(key)
    if stages is None:
        for old in _STAGES.values():
            old.zone.close()  # its model may be shared (kg.nlp.load caches it)
        _STAGES.clear()  # one set at a time: a model and a gazetteer are large
        stages = _STAGES[key] = Stages(options)
    return stages


def built(item: Processed) -> Built:
    """``item`` made compact for the store's writer (see :class:`Built`)."""
    import io

    from rdflib import URIRef

    from kg.namespaces import RDF
    from kg.store import write_nquads

    out = io.BytesIO()
    write_nquads(out, item.quads)
    rdf_type, statement = RDF.type, RDF.Statement  # (a namespace makes a new term each time)
    # p == rdf_type as rdflib compares terms (same class, same text), with str's
    # own comparison in C: rdflib's __eq__ in Python cost as much as the rest
    same = str.__eq__
    return Built(
        document=item.document,
        sentences=item.sentences,
        words=item.words,
        extractions=len(item.statements),
        statements=len({s for s, p, o, _g in item.quads
                        if type(p) is URIRef and same(p, rdf_type)
                        and type(o) is URIRef and same(o, statement)}),
        nquads=out.getvalue(),
    )


#: What :func:`warm` runs the stages over: a few sentences that go through every
#: stage (a quotation, a title, an apposition, a place, a date, a possessive).
WARM_TEXT = (
    "1 March 2005\n\n"
    "Russia will supply gas to China, President Vladimir Putin said on Monday. "
    "\"We cooperate with China in the security area,\" he told reporters in Moscow.\n\n"
    "Tony Blair, the UK prime minister, met Gordon Brown's advisers at the BBC."
)


def warm(options: StageOptions) -> Stages:
    """This process's :class:`Stages` for ``options``, loaded and run once over
    :data:`WARM_TEXT` (outside any memory zone): what a worker forked from this
    process then finds ready."""
    stages = stages_for(options)
    list(stages.run([Document(id="kg-warm", text=WARM_TEXT)]))
    return stages


def process_batch(options: StageOptions, documents: list[Document]) -> list[Processed]:
    """A worker's task: every stage over ``documents``, in full."""
    return list(stages_for(options).run(documents))


def extract_batch(options: StageOptions, documents: list[Document]
                  ) -> list[tuple[Document, tuple[Statement, ...]]]:
    """A worker's task for ``kg extract``: parse and extract ``documents``."""
    return list(stages_for(options).extract(documents))


def build_batch(options: StageOptions, documents: list[Document]) -> list[Built]:
    """A worker's task in a build: every stage over ``documents``, compact.

    The batch runs in the process's memory zone (:class:`MemoryZone`), which frees
    the strings, lexemes and tokenizer cache entries of new words every
    :data:`ZONE_STRINGS` strings (nothing of a Doc outlives the batch), so that what
    the parsing process holds does not grow with the words of the corpus."""
    stages = stages_for(options)
    with stages.zone.batch():
        return [built(item) for item in stages.run(documents)]
