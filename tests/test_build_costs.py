"""What a build costs beyond its documents: memory bounded in the size of the
corpus, and per-build work that does not grow with the store (issue 16; issue 13's
speed clause)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.term import Node

import kg.store
from kg.namespaces import ENT, ENTITIES_GRAPH, KG, RDF, RDFS, SCHEMA, SKOS
from kg.pipeline import KnowledgeGraph
from kg.rdf import ONTOLOGY_GRAPH
from kg.resolve import crossdoc
from kg.resolve.crossdoc import link_surnames
from kg.store import NAMED_NODE_CACHE, OxigraphStore, QueryResult, open_store, to_ox

Quad = tuple[Node, Node, Node, URIRef]
DOC = "http://kg.example.org/doc/"


# -- the store ------------------------------------------------------------------------


def test_the_cache_of_converted_iris_is_bounded() -> None:
    from kg.store import _named_node

    for n in range(NAMED_NODE_CACHE + 500):
        to_ox(URIRef(f"urn:kg-test:{n}"))
    info = _named_node.cache_info()
    assert info.maxsize == NAMED_NODE_CACHE
    assert info.currsize <= NAMED_NODE_CACHE


def test_iris_of_documents_and_statements_stay_out_of_the_lasting_caches() -> None:
    # they come once in a build: they would push out the IRIs that recur
    from kg.rdf import document_iri, segment
    from kg.store import _named_node

    _named_node.cache_clear()
    segment.cache_clear()
    entity = to_ox(URIRef("http://kg.example.org/entity/person/Ann_Lee"))
    for n in range(300):
        doc = document_iri(f"news/{n}.txt")
        assert to_ox(doc).value == str(doc)
        to_ox(URIRef(f"http://kg.example.org/statement/news%2F{n}.txt/{n:020x}"))
    assert _named_node.cache_info().currsize == 1 and segment.cache_info().currsize == 0
    assert to_ox(URIRef("http://kg.example.org/entity/person/Ann_Lee")) is entity


@pytest.mark.parametrize("on_disk", [False, True])
def test_replace_graph_inserts_a_new_graph_and_replaces_a_stored_one(
        tmp_path: Path, on_disk: bool) -> None:
    store = open_store(tmp_path / "store" if on_disk else "memory:")
    a, b, c, g, shared = (URIRef(f"urn:{x}") for x in "abcgs")
    store.replace_graph(g, [(a, a, b, g), (a, a, Literal("x", lang="en"), shared)])
    store.replace_graph(g, [(c, a, b, g), (c, a, Literal(1.5), shared)])
    assert sorted(store.match(graph=g)) == [(c, a, b, g)]
    assert len(list(store.match(graph=shared))) == 2  # shared graphs only grow
    store.close()


def test_match_reads_a_pattern_and_change_is_one_update() -> None:
    store = open_store("memory:")
    a, b, c, g, h = (URIRef(f"urn:{x}") for x in "abcgh")
    store.replace_graph(g, [(a, a, b, g), (b, a, c, g), (a, b, c, h)])
    assert {q[3] for q in store.match(subject=a)} == {g, h}
    assert list(store.match(a, a, b, g)) == [(a, a, b, g)]
    assert list(store.match(obj=Literal("none"))) == []
    store.change(remove=[(a, a, b, g), (a, b, c, h)], add=[(c, c, c, g)])
    assert sorted(store.match()) == sorted([(b, a, c, g), (c, c, c, g)])


def _count_openings(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record each time an Oxigraph store is opened (the first opening included)."""
    import kg.store

    openings: list[object] = []
    real = kg.store._open_oxigraph

    def opening(path: Path | None, *, read_only: bool) -> tuple[object, bool]:
        openings.append(path)
        return real(path, read_only=read_only)

    monkeypatch.setattr(kg.store, "_open_oxigraph", opening)
    return openings


def test_release_reopens_a_store_on_disk_and_keeps_its_quads(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    openings = _count_openings(monkeypatch)
    store = OxigraphStore(tmp_path / "store")
    a, g, h = URIRef("urn:a"), URIRef("urn:g"), URIRef("urn:h")
    store.replace_graph(g, [(a, a, a, g)])
    store.release()
    assert len(openings) == 2  # closed and opened again
    assert list(store.match()) == [(a, a, a, g)]
    store.replace_graph(h, [(a, a, g, h)])
    assert len(store) == 2
    store.close()


def test_release_waits_for_what_holds_the_store_open(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    openings = _count_openings(monkeypatch)
    store = OxigraphStore(tmp_path / "store")
    a, g = URIRef("urn:a"), URIRef("urn:g")
    store.replace_graph(g, [(a, a, a, g), (a, a, g, g)])
    reading = store.match()
    next(reading)  # an open iterator holds the store open: no reopening under it
    store.release()
    assert len(openings) == 1
    assert len(list(reading)) == 1
    held = store._store  # nor while other code holds the engine
    store.release()
    assert len(openings) == 1
    del held
    store.release()
    assert len(openings) == 2
    store.close()


def test_writes_release_the_store_every_so_many_quads(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.store

    monkeypatch.setattr(kg.store, "RELEASE_EVERY", 10)
    openings = _count_openings(monkeypatch)
    store = OxigraphStore(tmp_path / "store")
    for n in range(6):
        g = URIRef(f"urn:g{n}")
        store.replace_graph(g, [(g, g, Literal(k), g) for k in range(4)])
    assert len(openings) == 3  # opened, then reopened after 12 and after 24 quads
    assert len(store) == 24
    store.close()
    memory = OxigraphStore(None)  # nothing to reopen in memory
    g = URIRef("urn:g")
    memory.replace_graph(g, [(g, g, g, g)])
    memory.release()
    assert len(memory) == 1


_LARGE_BLOCK = """
import ctypes, sys
from kg.store import OxigraphStore

class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
        "uordblks", "fordblks", "keepcost")]

libc = ctypes.CDLL(None)
if not hasattr(libc, "mallinfo2"):
    sys.exit(3)
libc.mallinfo2.restype = MallInfo2
libc.malloc.restype = ctypes.c_void_p
libc.malloc.argtypes = [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
if sys.argv[2] == "open":
    OxigraphStore(sys.argv[1]).close()
libc.free(libc.malloc(24 << 20))  # would raise a moving threshold to 24 MB
info = libc.mallinfo2()
size = info.fordblks + (2 << 20)  # more than all the heaps' free space: the heap
assert size < 24 << 20            # cannot hold it, it is mapped or grows the heap
block = libc.malloc(size)
print(libc.mallinfo2().hblks - info.hblks)
libc.free(block)
"""


@pytest.mark.parametrize("open_first", [True, False])
def test_a_store_on_disk_keeps_large_blocks_out_of_the_heap(
        tmp_path: Path, open_first: bool) -> None:
    # glibc raises its mmap threshold to the size of a mapped block once it is
    # freed (up to 32 MB); kg fixes it before its first store on disk opens, so
    # that a later large block its heaps cannot hold still gets pages of its own
    # (mapped, handed back when freed) instead of growing a heap. In a process of
    # its own, whose heap no other test has used.
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _LARGE_BLOCK, str(tmp_path / "store"),
         "open" if open_first else "no store"],
        capture_output=True, text=True, check=False)
    if done.returncode == 3:
        pytest.skip("glibc's mallinfo2 is needed to see where a block was put")
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == (1 if open_first else 0)


def test_a_build_remembers_its_documents_outside_the_heap(tmp_path: Path) -> None:
    from kg.pipeline import _Seen

    seen = _Seen()
    for n in range(1000):
        seen.add(f"doc{n}", f"{n:064x}")
    seen.add("doc1", "changed")
    assert seen.digest("doc999") == f"{999:064x}" and seen.document(f"{5:064x}") == "doc5"
    assert seen.digest("doc1") == "changed" and seen.document("changed") == "doc1"
    assert seen.digest("none") is None and seen.document("none") is None
    seen.close()


# -- bare surnames, linked across documents -----------------------------------------------


class _CountingStore(OxigraphStore):
    """An embedded store that counts what is read from it and which graphs are
    rewritten whole."""

    def __init__(self) -> None:
        super().__init__(None)
        self.read = 0
        self.replaced: list[URIRef] = []

    def match(self, subject: Node | None = None, predicate: Node | None = None,
              obj: Node | None = None, graph: URIRef | None = None) -> Iterator[Quad]:
        for quad in super().match(subject, predicate, obj, graph):
            self.read += 1
            yield quad

    def query(self, sparql: str, *, bindings: Mapping[str, Node] | None = None,
              union: bool = True) -> QueryResult:
        result = super().query(sparql, bindings=bindings, union=union)
        self.read += len(result.rows)
        return result

    def replace_graph(self, graph: URIRef, quads: Iterable[Quad]) -> None:
        self.replaced.append(graph)
        super().replace_graph(graph, quads)


def _person(key: str, label: str) -> list[Quad]:
    iri = URIRef(ENT + key)
    return [(iri, RDF.type, KG.Person, ENTITIES_GRAPH),
            (iri, RDFS.label, Literal(label), ENTITIES_GRAPH),
            (iri, SKOS.altLabel, Literal("Mr " + label.split()[-1]), ENTITIES_GRAPH)]


def _document(store: OxigraphStore, name: str, *people: str) -> None:
    doc = URIRef(DOC + name)
    quads: list[Quad] = [(doc, RDF.type, SCHEMA.NewsArticle, doc)]
    for key in people:
        iri = URIRef(ENT + key)
        quads += [(doc, SCHEMA.mentions, iri, doc),
                  (URIRef(DOC + name + "#s1"), RDF.subject, iri, doc)]
    store.replace_graph(doc, quads)


def _reference(quads: list[Quad], links: dict[str, str]) -> set[Quad]:
    """What linking does, written out whole: every graph rewritten."""
    def rename(term: Node) -> Node:
        return URIRef(links[str(term)]) if str(term) in links else term

    out: set[Quad] = set()
    for s, p, o, g in quads:
        target = links.get(str(s))
        if g != ENTITIES_GRAPH or target is None:
            out.add((rename(s), p, rename(o), g))
        elif p in {RDFS.label, SKOS.altLabel}:
            out.add((URIRef(target), SKOS.altLabel, o, g))
        elif p != RDF.type:
            out.add((URIRef(target), p, rename(o), g))
    return out


def _store_with_people(unrelated: int) -> _CountingStore:
    store = _CountingStore()
    store.change(add=[
        *_person("person/Anna_Korhonen", "Anna Korhonen"),
        *_person("person/Korhonen/0123456789", "Korhonen"),
        *_person("person/Aino_Virtanen", "Aino Virtanen"),
        *_person("person/Pekka_Virtanen", "Pekka Virtanen"),
        *_person("person/Virtanen/0123456789", "Virtanen"),
        (URIRef(ENT + "person/Anna_Korhonen"), KG.knows,
         URIRef(ENT + "person/Korhonen/0123456789"), ENTITIES_GRAPH),
    ])
    _document(store, "a", "person/Anna_Korhonen")
    _document(store, "b", "person/Korhonen/0123456789")
    _document(store, "c", "person/Virtanen/0123456789", "person/Aino_Virtanen")
    for n in range(unrelated):  # documents and entities that no link touches
        _document(store, f"other{n}", f"org/Other_{n}")
        store.change(add=[(URIRef(ENT + f"org/Other_{n}"), RDFS.label, Literal(f"Other {n}"),
                           ENTITIES_GRAPH)])
    return store


def test_linking_gives_the_graph_of_a_whole_rewrite() -> None:
    store = _store_with_people(unrelated=3)
    before = [q for q in store.match()]
    links = {ENT + "person/Korhonen/0123456789": ENT + "person/Anna_Korhonen"}
    assert link_surnames(store) == 1
    assert set(store.match()) == _reference(before, links)
    assert link_surnames(store) == 0  # nothing left to link


def test_linking_reads_what_it_changes_not_the_store() -> None:
    small, large = _store_with_people(unrelated=5), _store_with_people(unrelated=400)
    for store in (small, large):
        store.read, store.replaced = 0, []
        assert link_surnames(store) == 1
        assert store.replaced == []  # no graph rewritten whole
    assert large.read == small.read  # 400 more documents and entities: not read


def test_linking_works_in_passes_of_bounded_size(monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store_with_people(unrelated=0)
    more = [f"person/Korhonen/{n:010d}" for n in range(5)]
    store.change(add=[q for key in more for q in _person(key, "Korhonen")])
    for n, key in enumerate(more):
        _document(store, f"k{n}", key)
    before = [q for q in store.match()]
    passes: list[int] = []
    link = crossdoc._link
    monkeypatch.setattr(crossdoc, "LINKS_AT_ONCE", 2)
    monkeypatch.setattr(crossdoc, "_link", lambda s, olds, links: (
        passes.append(len(olds)), link(s, olds, links)))
    assert link_surnames(store) == 6
    assert passes == [2, 2, 2]
    target = ENT + "person/Anna_Korhonen"
    links = {ENT + key: target for key in [*more, "person/Korhonen/0123456789"]}
    assert set(store.match()) == _reference(before, links)


def test_linking_reads_the_people_a_page_at_a_time_and_releases_the_store_between(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Reading each person fills the embedded store's block cache, which only a
    # release hands back: on a store on disk the people are read a page at a time,
    # the store released (closed and reopened) between pages and while linking.
    store = OxigraphStore(tmp_path / "store")
    people = _store_with_people(unrelated=0)
    more = [f"person/Korhonen/{n:010d}" for n in range(5)]
    store.change(add=[*people.match(), *(q for key in more for q in _person(key, "Korhonen"))])
    for n, key in enumerate(more):
        _document(store, f"k{n}", key)
    before = list(store.match())
    releases: list[int] = []
    release = OxigraphStore.release

    def releasing(self: OxigraphStore) -> None:
        releases.append(self._readers)
        release(self)

    monkeypatch.setattr(OxigraphStore, "release", releasing)
    monkeypatch.setattr(crossdoc, "PEOPLE_AT_ONCE", 2)
    monkeypatch.setattr(crossdoc, "LINKS_AT_ONCE", 2)
    monkeypatch.setattr(kg.store, "RELEASE_EVERY", 5)
    assert link_surnames(store) == 6
    # 10 people: 5 pages, read twice (the targets, then the links); and the writes
    assert len(releases) > 10
    assert releases == [0] * len(releases)  # never under an open reading
    target = ENT + "person/Anna_Korhonen"
    links = {ENT + key: target for key in [*more, "person/Korhonen/0123456789"]}
    assert set(store.match()) == _reference(before, links)
    assert link_surnames(store) == 0
    store.close()


def test_a_count_of_mentions_is_the_number_of_documents_that_mention() -> None:
    store = _store_with_people(unrelated=3)
    _document(store, "d", "person/Anna_Korhonen")
    people = {s for s, _, _, _ in store.match(predicate=RDF.type, obj=KG.Person)}
    assert people
    for person in people:
        assert isinstance(person, URIRef)
        assert crossdoc._mention_count(store, person) == len(crossdoc._mentioned_in(store, person))
    assert crossdoc._mention_count(store, URIRef(ENT + "person/Anna_Korhonen")) == 2


class _UnorderedStore(OxigraphStore):
    """An embedded store that claims no stable order, as a remote one."""

    @property
    def stable_order(self) -> bool:
        return False


def test_people_pages_are_sorted_only_where_the_order_is_not_stable(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # An embedded store gives one pattern's rows in the order of its index: its
    # pages need no ORDER BY, which reads every person's IRI for every page.
    assert open_store("memory:").stable_order
    assert crossdoc._page_order(open_store("memory:")) == ""
    assert crossdoc._page_order(_UnorderedStore()) == "ORDER BY ?p "
    monkeypatch.setattr(crossdoc, "PEOPLE_AT_ONCE", 2)
    graphs = []
    for store in (OxigraphStore(), _UnorderedStore()):
        people = _store_with_people(unrelated=0)
        more = [f"person/Korhonen/{n:010d}" for n in range(5)]
        store.change(add=[*people.match(),
                          *(q for key in more for q in _person(key, "Korhonen"))])
        for n, key in enumerate(more):
            _document(store, f"k{n}", key)
        assert link_surnames(store) == 6
        graphs.append(set(store.match()))
    assert graphs[0] == graphs[1]


# -- a stream of builds into one store ---------------------------------------------------


@pytest.mark.slow
def test_a_stream_of_builds_checks_documents_without_queries(tmp_path: Path) -> None:
    texts = [f"Anna Korhonen met Pekka Virtanen in Helsinki on day {n}." for n in range(6)]
    paths = []
    for n, text in enumerate(texts):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(texts[0], encoding="utf-8")
    graph = KnowledgeGraph("memory:")
    loads: list[object] = []
    queries: list[str] = []
    load, query = graph.store.load, graph.store.query
    graph.store.load = lambda *a, **k: (loads.append(k.get("graph")), load(*a, **k))[1]  # type: ignore[method-assign]
    graph.store.query = lambda *a, **k: (queries.append(a[0]), query(*a, **k))[1]  # type: ignore[method-assign]
    graph.build(paths[:3])
    first = len(queries)
    report = graph.build([*paths, tmp_path / "copy.txt"])
    assert (report.documents, report.skipped, report.duplicates) == (3, 3, 1)
    assert len(queries) - first <= first  # not one (or two) per document
    assert loads == [ONTOLOGY_GRAPH]  # the ontology loaded by the first build only
    graph.store.remove_graph(ONTOLOGY_GRAPH)
    graph.build(paths[:1])
    assert loads == [ONTOLOGY_GRAPH, ONTOLOGY_GRAPH]  # gone: loaded again
    assert len(list(graph.store.match(graph=ONTOLOGY_GRAPH))) > 100
    graph.close()
