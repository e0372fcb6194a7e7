"""People named by surname only, linked across documents once the build is done.

A document that says "Mr Howard" but never "Michael Howard" cannot tell, alone, who
Mr Howard is; nor can the first documents of a stream know the names that later
ones give. So the resolver gives such a bare surname a key scoped to its document,
``person/Howard/<digest of the text>`` (:func:`scoped_person_key`): two documents'
Mr Smiths never merge by accident. After a build, :func:`link_surnames` looks at
every person the store knows: a scoped surname whose surname ends exactly one full
name of a person (two words or more, the same type) is rewritten to that person's
IRI in every graph, and its label becomes an alias. Two people with that surname
(Tony Blair and Ian Blair), or none, leave it alone: no link is better than a wrong
one; unless one of them is far the more prominent in the store (named in five times
as many documents as the others together, and in five at least).

The decision depends only on what the store holds when the build ends, not on the
order in which documents arrived, so a build killed and run again, or run on
several workers, gives the same graph as one clean run.

>>> scoped_person_key("Howard", document_scope("Mr Howard said..."))
'person/Howard/6f83570c84'
>>> surname_of("http://kg.example.org/entity/person/Howard/6f83570c84")
'Howard'
>>> surname_of("http://kg.example.org/entity/person/Michael_Howard") is None
True
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING
from urllib.parse import unquote

from rdflib import URIRef
from rdflib.term import Node

from kg.namespaces import ENT, ENTITIES_GRAPH, KG, RDF, RDFS, SCHEMA, SKOS
from kg.resolve.gazetteer import normalize

if TYPE_CHECKING:  # the store is a later stage: only its interface is used here
    from kg.store import Store

Quad = tuple[Node, Node, Node, URIRef]

__all__ = ["LINKS_AT_ONCE", "PEOPLE_AT_ONCE", "PROMINENCE", "PROMINENT_DOCUMENTS",
           "document_scope", "link_surnames", "scoped_person_key", "surname_links", "surname_of"]

#: A full name that stands for a bare surname it shares with others must be named in
#: this many documents at least ...
PROMINENT_DOCUMENTS = 5
#: ... and this many times as many as the others together.
PROMINENCE = 5
#: Surnames linked in one pass (their documents, then their entity descriptions),
#: so that what a pass holds in memory does not grow with the corpus. A pass reads
#: each of its documents once per surname: 100, not 500, took the linking of 500
#: surnames over the whole BBC five times from 6.5 s to 2.4 s and its peak from 160
#: to 151 MB.
LINKS_AT_ONCE = 100
#: People read from the store between two releases of its caches (:meth:`Store.release`):
#: each IRI and label read fills the embedded store's block cache (about 3.5 kB a
#: person), which only a release hands back, so a read of all people must pause.
#: 1,000, not 2,000: the whole BBC ten times has 9,000 people (5,000 of them bare
#: surnames, one set per copy); reading them 2,000 at a time peaked at 148 MB, 1,000
#: at a time at 142 (its first copy alone: 140 and 137 MB).
PEOPLE_AT_ONCE = 1_000
_SCOPED = re.compile(re.escape(str(ENT)) + r"person/([^/]+)/([0-9a-f]{10})$")


def document_scope(text: str) -> str:
    """A digest of a document's text (10 hex digits) that scopes its bare surnames."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def scoped_person_key(name: str, scope: str) -> str:
    """The entity key of a person ``name``d by one word in the document ``scope``."""
    return f"person/{name}/{scope}"


def surname_of(iri: str) -> str | None:
    """The name of a scoped bare-surname person IRI, ``None`` for any other IRI."""
    match = _SCOPED.match(iri)
    return unquote(match.group(1)).replace("_", " ") if match else None


def surname_links(people: Iterable[tuple[str, str]], *,
                  documents: Mapping[str, int] | None = None) -> dict[str, str]:
    """Scoped surname IRI → the one full-name person IRI it stands for, from the
    ``(iri, label)`` of every person.

    Two full names with the surname leave it alone, unless ``documents`` (person
    IRI → how many documents mention them) shows one of them to be far the more
    prominent: named in at least :data:`PROMINENT_DOCUMENTS` documents and
    :data:`PROMINENCE` times as many as all the others together (the "Mr Blair" of
    a year of British politics is Tony Blair, not Sir Ian Blair).

    >>> links = surname_links([(ENT + "person/Tony_Blair", "Tony Blair"),
    ...                        (ENT + "person/Blair/0123456789", "Blair"),
    ...                        (ENT + "person/Kelly/0123456789", "Kelly"),
    ...                        (ENT + "person/Ruth_Kelly", "Ruth Kelly"),
    ...                        (ENT + "person/Ms_Kelly_Holmes", "Kelly Holmes"),
    ...                        (ENT + "person/Brown/0123456789", "Brown"),
    ...                        (ENT + "person/Gordon_Brown", "Gordon Brown"),
    ...                        (ENT + "person/Nick_Brown", "Nick Brown")])
    >>> for old, new in sorted(links.items()):
    ...     print(old[len(ENT):], "->", new[len(ENT):])
    person/Blair/0123456789 -> person/Tony_Blair
    person/Kelly/0123456789 -> person/Ruth_Kelly
    >>> gordon, nick = ENT + "person/Gordon_Brown", ENT + "person/Nick_Brown"
    >>> surname_links([(gordon, "Gordon Brown"), (nick, "Nick Brown"),
    ...                (ENT + "person/Brown/0123456789", "Brown")],
    ...               documents={gordon: 40, nick: 2})[ENT + "person/Brown/0123456789"] == gordon
    True
    """
    full: dict[str, set[str]] = {}
    scoped: list[tuple[str, str]] = []
    for iri, label in people:
        if surname_of(iri) is not None:
            scoped.append((iri, normalize(label)))
        elif len(label.split()) >= 2:
            full.setdefault(normalize(label.split()[-1]), set()).add(iri)
    links: dict[str, str] = {}
    for iri, surname in sorted(scoped):
        target = _choose(full.get(surname, set()), documents)
        if target is not None:
            links[iri] = target
    return links


def _choose(candidates: set[str], documents: Mapping[str, int] | None) -> str | None:
    """The one full name of ``candidates`` that a bare surname stands for (see
    :func:`surname_links`), ``None`` if there is none."""
    if len(candidates) == 1:
        return next(iter(candidates))
    if len(candidates) > 1 and documents:
        ranked = sorted(candidates, key=lambda c: (-documents.get(c, 0), c))
        top = documents.get(ranked[0], 0)
        rest = sum(documents.get(c, 0) for c in ranked[1:])
        if top >= PROMINENT_DOCUMENTS and top >= PROMINENCE * max(rest, 1):
            return ranked[0]
    return None


def _rename(term: Node, links: Mapping[str, str]) -> Node:
    if isinstance(term, URIRef):
        target = links.get(str(term))
        if target is not None:
            return URIRef(target)
    return term


def link_surnames(store: Store) -> int:
    """Link the scoped bare surnames of ``store`` (a :class:`kg.store.Store`) to the
    one full name each stands for, in every graph; return how many were linked.

    Each document graph is changed in one transaction, and the shared entity
    descriptions last (for :data:`LINKS_AT_ONCE` surnames at a time), so that a
    run interrupted half-way is finished by the next. Only what a link changes is
    read and written: the documents that mention a linked surname, the triples of
    the entities graph about it, and the document counts of the full names that
    compete for one surname. The people are read twice, a page at a time with the
    store released between pages (:func:`_people`), never held whole: first the
    full names (one entry per distinct person, not per document), and the surname
    each decides, with every count read before anything changes; then the bare
    surnames, whose links are kept in a temporary file and made a page at a time
    once the reading is over, so that the writes release the store too. So what a
    build holds here, in Python and in the store's caches, does not grow with the
    number of documents.

    >>> from kg.store import open_store
    >>> store = open_store("memory:")
    >>> link_surnames(store)
    0
    """
    targets = _surname_targets(store)
    if not targets:
        return 0
    # The links are decided first, all people read (a page at a time, the store
    # released between pages), and kept on disk; then made, LINKS_AT_ONCE at a time,
    # with no reading of the store left open, so that the writes release it too.
    with _Links() as links:
        for iri, labels in _people(store, scoped=True):
            decided = [targets[name] for name in sorted(map(normalize, labels))
                       if name in targets]
            if decided:
                links.add(iri, decided[-1])  # (the last label decides, as in surname_links)
        return sum(_link_page(store, page) for page in links.pages(LINKS_AT_ONCE))


def _link_page(store: Store, links: dict[str, str]) -> int:
    """Link one page of scoped surnames, then release the store; return how many.

    A page's reads (the documents that mention each surname, and every surname
    looked up in each of them) fill the store's block caches by about 5 MB, which
    the writes release only every :data:`kg.store.RELEASE_EVERY` quads: a page
    writes about 900, so the caches grew by the page until then (the whole BBC ten
    times, 870 links: +46 MB over 9 pages, against +11 MB for one page)."""
    _link(store, sorted(links), links)
    store.release()
    return len(links)


def _surname_targets(store: Store) -> dict[str, str]:
    """Normalised bare surname → the full-name person IRI it stands for, for the
    surnames the store's scoped people bear (read from the store before any link,
    with the document counts of competing full names)."""
    full: dict[str, set[str]] = {}
    bare: set[str] = set()
    for iri, labels in _people(store):
        for label in labels:
            if surname_of(iri) is not None:
                bare.add(normalize(label))
            elif len(label.split()) >= 2:
                full.setdefault(normalize(label.split()[-1]), set()).add(iri)
    counts = _DocumentCounts(store, {iri for names in full.values() for iri in names})
    targets: dict[str, str] = {}
    for surname in sorted(bare):
        target = _choose(full.get(surname, set()), counts)
        if target is not None:
            targets[surname] = target
    return targets


def _people(store: Store, *, scoped: bool = False) -> Iterator[tuple[str, list[str]]]:
    """The people of the entities graph, each with its labels, read as a stream
    (only the scoped bare surnames if ``scoped``), :data:`PEOPLE_AT_ONCE` at a time
    with the store released between two pages (:meth:`Store.release`): no reading
    of the store is open while the caller has a person. Nothing may change the
    people while they are read: the pages are the slices of one query's answer."""
    offset = 0
    while True:
        rows = store.query(f"SELECT ?p {{ GRAPH <{ENTITIES_GRAPH}> {{ ?p a <{KG.Person}> }} }} "
                           f"{_page_order(store)}LIMIT {PEOPLE_AT_ONCE} OFFSET {offset}").rows
        page: list[tuple[str, list[str]]] = []
        for (person,) in rows:
            iri = str(person)
            if scoped and surname_of(iri) is None:
                continue
            labels = [str(o) for _, _, o, _ in
                      store.match(URIRef(iri), RDFS.label, None, ENTITIES_GRAPH)]
            if labels:
                page.append((iri, labels))
        store.release()
        yield from page
        if len(rows) < PEOPLE_AT_ONCE:
            return
        offset += PEOPLE_AT_ONCE


def _page_order(store: Store) -> str:
    """What orders the pages of :func:`_people`: nothing where the store gives the
    rows of one pattern in a stable order, else ORDER BY, so that the pages are the
    slices of one answer on any store (a remote one included). An embedded store
    sorts by reading the text of every person for every page: in one page's reading,
    with no release, about 3.5 kB a person (the whole BBC ten times, 9,000 people:
    link_surnames peaked 24 MB higher than without the sort)."""
    return "" if store.stable_order else "ORDER BY ?p "


class _Links:
    """Scoped surname IRI → the full-name IRI it is linked to, for one run of
    :func:`link_surnames`, in a private temporary SQLite database (on disk) so that
    what it holds does not grow with the number of documents."""

    def __init__(self) -> None:
        import sqlite3

        self._db = sqlite3.connect("")  # "": a private database in a temporary file
        self._db.execute("CREATE TABLE links (iri TEXT PRIMARY KEY, target TEXT NOT NULL)")

    def add(self, iri: str, target: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO links VALUES (?, ?)", (iri, target))

    def pages(self, size: int) -> Iterator[dict[str, str]]:
        """The links, ``size`` at a time, in the order they were added."""
        cursor = self._db.execute("SELECT iri, target FROM links ORDER BY rowid")
        while rows := cursor.fetchmany(size):
            yield dict(rows)

    def __enter__(self) -> _Links:
        return self

    def __exit__(self, *exc: object) -> None:
        self._db.close()


def _link(store: Store, olds: list[str], links: Mapping[str, str]) -> None:
    """Rewrite the scoped surnames ``olds`` to their ``links`` in the documents that
    mention them, then in the entities graph."""
    for graph in sorted({g for old in olds for g in _mentioned_in(store, URIRef(old))},
                        key=str):
        affected = _about(store, olds, graph)
        store.change(remove=affected,
                     add=_unique([(_rename(s, links), p, _rename(o, links), graph)
                                  for s, p, o, _ in affected]))
    affected = _about(store, olds, ENTITIES_GRAPH)
    entities: list[Quad] = []
    for s, p, o, _ in affected:
        target = links.get(str(s))
        if target is None:
            entities.append((s, p, _rename(o, links), ENTITIES_GRAPH))
        elif p in {RDFS.label, SKOS.altLabel}:
            entities.append((URIRef(target), SKOS.altLabel, o, ENTITIES_GRAPH))
        elif p != RDF.type:
            entities.append((URIRef(target), p, _rename(o, links), ENTITIES_GRAPH))
    store.change(remove=affected, add=_unique(entities))


class _DocumentCounts(Mapping[str, int]):
    """Person IRI → the number of documents that mention it, counted when first
    asked (:func:`surname_links` asks only about full names that compete for a
    surname), for the people of ``people`` only."""

    def __init__(self, store: Store, people: set[str]) -> None:
        self._store = store
        self._people = people
        self._counts: dict[str, int] = {}

    def __getitem__(self, iri: str) -> int:
        if iri not in self._people:
            raise KeyError(iri)
        count = self._counts.get(iri)
        if count is None:
            count = self._counts[iri] = _mention_count(self._store, URIRef(iri))
        return count

    def __iter__(self) -> Iterator[str]:
        return iter(self._people)

    def __len__(self) -> int:
        return len(self._people)


def _mention_count(store: Store, entity: URIRef) -> int:
    """How many document graphs mention ``entity``: as many as :func:`_mentioned_in`
    finds, but counted by the store, which decodes no graph's IRI. Each IRI
    decoded fills the store's cache of strings, and the people who compete for a
    surname are the prominent ones, named in more documents as a corpus grows (the
    whole BBC ten times: 253 counts decoded 6,570 IRIs, +22 MB, with no release
    between them)."""
    # (the IRI in the text: a bound variable the query does not project becomes a
    # VALUES block, which Oxigraph joins after reading every mention, 30x slower)
    rows = store.query(f"SELECT (COUNT(DISTINCT ?g) AS ?n) {{ GRAPH ?g {{ "
                       f"?g <{SCHEMA.mentions}> {entity.n3()} }} }}", union=False).rows
    return int(str(rows[0][0])) if rows and rows[0][0] is not None else 0


def _mentioned_in(store: Store, entity: URIRef) -> set[URIRef]:
    """The document graphs that mention ``entity`` (``?g schema:mentions entity``)."""
    return {g for s, _, _, g in store.match(predicate=SCHEMA.mentions, obj=entity) if s == g}


def _about(store: Store, olds: list[str], graph: URIRef) -> list[Quad]:
    """The quads of ``graph`` whose subject or object is one of ``olds``."""
    found: list[Quad] = []
    for old in olds:
        found.extend(store.match(subject=URIRef(old), graph=graph))
        found.extend(store.match(obj=URIRef(old), graph=graph))
    return _unique(found)


def _unique(quads: list[Quad]) -> list[Quad]:
    return list(dict.fromkeys(quads))  # first occurrences, in order
