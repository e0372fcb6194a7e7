"""Benchmark: the networkx projection, analytics and every export on a synthetic
graph of at least 100k edges loaded into a memory store (not collected by pytest).

    /work/venv/bin/python tests/benchmarks/bench_graph.py [--edges 100000] [--entities 20000]

Documents, statements and entities are built as kg.types objects and turned into
quads with kg.rdf.document_quads, exactly as the pipeline does, so the store holds
what a real build would (statement nodes with evidence, entity descriptions, the
ontology for relation groups).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kg.rdf import ONTOLOGY_GRAPH, document_iri, document_quads
from kg.store import open_store
from kg.types import Argument, Document, Entity, ResolvedStatement, Statement

T = TypeVar("T")
REPO = Path(__file__).resolve().parents[2]
RELATIONS = ["cooperates_with", "supports", "helps", "attacks", "threatens", "sanctions",
             "criticizes", "meets_with", "tells", "visits", "travels_to", "accuses",
             "signs_agreement_with", "opposes", "invades", "praises"]
TYPES = ["Person", "Country", "Organization", "City", "Company", "GovernmentBody"]


def timed(label: str, func: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = func()
    print(f"{label:<44} {time.perf_counter() - start:8.2f} s", flush=True)
    return result


def synthetic_documents(edges: int, entities: int, per_doc: int, seed: int
                        ) -> list[tuple[Document, list[ResolvedStatement]]]:
    rng = random.Random(seed)
    pool = [Entity(f"{TYPES[i % len(TYPES)].lower()}/E{i}", f"Entity {i}", TYPES[i % len(TYPES)],
                   frozenset({f"E{i}"}), f"Q{1000 + i}" if i % 3 == 0 else None)
            for i in range(entities)]
    # a heavy-tailed choice of subjects and objects, like news (a few actors everywhere)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(entities)]
    docs = []
    for d in range(0, edges, per_doc):
        text_parts, resolved = [], []
        offset = 0
        count = min(per_doc, edges - d)
        subjects = rng.choices(pool, weights=weights, k=count)
        objects = rng.choices(pool, weights=weights, k=count)
        for k, (subj, obj) in enumerate(zip(subjects, objects, strict=True)):
            relation = RELATIONS[(d + k) % len(RELATIONS)]
            sentence = f"{subj.label} {relation.replace('_', ' ')} {obj.label} (item {d + k})."
            a = Argument(subj.label, offset, offset + 1, offset, offset + 1)
            b = Argument(obj.label, offset + 2, offset + 3, offset + 2, offset + 3)
            st = Statement(a, relation, relation, (b,), sentence, offset,
                           offset + len(sentence), 0.8, "bench",
                           negated=(k % 50 == 0))
            resolved.append(ResolvedStatement(st, subj, relation, obj))
            text_parts.append(sentence)
            offset += len(sentence) + 1
        month = 1 + (d // per_doc) % 12
        docs.append((Document(id=f"bench/{d // per_doc}", text=" ".join(text_parts),
                              date=f"2024-{month:02d}-15"), resolved))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edges", type=int, default=100_000, help="statements to load")
    parser.add_argument("--entities", type=int, default=20_000)
    parser.add_argument("--per-doc", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from kg.export import write_graph
    from kg.graph import analyze, annotate, shortest_paths, to_networkx

    print(f"python {sys.version.split()[0]}; {args.edges} statements, {args.entities} entities")
    docs = timed("generate kg.types objects", lambda: synthetic_documents(
        args.edges, args.entities, args.per_doc, args.seed))
    store = open_store("memory:")
    store.load((REPO / "ontology" / "kg.ttl").read_bytes(), "ttl", graph=ONTOLOGY_GRAPH)

    def load() -> None:
        for document, resolved in docs:
            store.replace_graph(document_iri(document.id), document_quads(document, resolved))

    timed("document_quads + replace_graph (load)", load)
    print(f"{'quads in the store':<44} {len(store):8d}")

    M = timed("to_networkx multidigraph", lambda: to_networkx(store, kind="multidigraph"))
    print(f"{'  nodes / edges':<44} {M.number_of_nodes():8d} / {M.number_of_edges()}")
    D = timed("to_networkx digraph", lambda: to_networkx(store, kind="digraph"))
    print(f"{'  nodes / edges':<44} {D.number_of_nodes():8d} / {D.number_of_edges()}")
    timed("to_networkx conflict since 2024-06-01", lambda: to_networkx(
        store, group="conflict", since="2024-06-01"))
    timed("analyze (multidigraph)", lambda: analyze(M))
    timed("annotate (pagerank, degree, Louvain)", lambda: annotate(M))
    annotate(D)
    timed("shortest_paths Entity 0 → Entity 999", lambda: shortest_paths(
        store, "Entity 0", "Entity 999"))

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for fmt, graph in (("graphml", M), ("gexf", M), ("cytoscape", M), ("d3", M),
                           ("csv", M), ("dot", D), ("html", D), ("svg", D), ("png", D)):
            target = folder / ("csv" if fmt == "csv" else f"graph.{fmt}")
            try:
                timed(f"write {fmt}", lambda fmt=fmt, graph=graph, target=target:
                      write_graph(graph, fmt, target))
            except Exception as exc:
                print(f"write {fmt}: {exc}")
            if target.is_file():
                print(f"{'  size':<44} {target.stat().st_size / 1e6:8.1f} MB")


if __name__ == "__main__":
    main()
