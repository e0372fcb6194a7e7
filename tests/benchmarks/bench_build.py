"""Benchmark: ``kg build`` against raw spaCy on the same texts, in one run.

    python tests/benchmarks/bench_build.py [N_FILES] [--processes N] [--rounds R]

Prints words/s of ``nlp.pipe`` alone (the model kg loads, as spaCy ships it: kg's
copy differs only in matching its attribute ruler's rules on arrays,
:mod:`kg.nlp.ruler`, with the same annotations) and of a whole ``kg build`` into an
in-memory store (reading, parsing, extraction, resolution, RDF, loading), and their
ratio. Uses the
first N files of ../shared/data/bbc-news (sorted), 400 by default.

The two are timed in alternation on slices of the files (``--slices``, 10), the
builds of a round going into one store, for R rounds (3 by default), after one
warm-up of each pipeline (raw spaCy's is its own copy, so that neither parses
words the other has already met); the result is the ratio of the total times. The
first round is the cold one, a new corpus's (each pipeline meets the words for the
first time, kg's caches are empty); later rounds run warm. On a shared machine the
speed drifts by ±20 % over tens of seconds, so timing one whole run after the
other is not a fair comparison. ``--stages`` also prints what
each of kg's own stages costs, as a share of the raw parse.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import time
from pathlib import Path

from _corpus import bbc_sample


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="?", type=int, default=400)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--slices", type=int, default=10)
    parser.add_argument("--stages", action="store_true",
                        help="also time extract, resolve and RDF apart (one process)")
    args = parser.parse_args()

    from kg.pipeline import KnowledgeGraph

    sample = bbc_sample(args.files)
    paths, texts, words = sample.paths, sample.texts, sample.words
    # raw spaCy parses with a pipeline of its own: sharing kg's, it made the lexemes
    # of each slice's new words just before kg parsed the slice (kg's first round
    # ran warm, raw's cold)
    nlp = sample.fresh()

    # Alternate raw and kg on slices of the files, so that both see the same
    # machine: on a shared one, speed drifts by ±20 % over tens of seconds.
    size = max(1, len(paths) // args.slices)
    slices = [(paths[k:k + size], texts[k:k + size]) for k in range(0, len(paths), size)]
    raws: list[float] = []
    fulls: list[float] = []
    extractions = statements = quads = 0
    for _ in range(args.rounds):
        raw = full = 0.0
        graph = KnowledgeGraph("memory:")
        extractions = statements = 0
        for slice_paths, slice_texts in slices:
            start = time.perf_counter()
            for _ in nlp.pipe(slice_texts, batch_size=args.batch_size,
                              n_process=args.processes):
                pass
            raw += time.perf_counter() - start
            start = time.perf_counter()
            report = graph.build(slice_paths, batch_size=args.batch_size,
                                 processes=args.processes)
            full += time.perf_counter() - start
            extractions += report.extractions
            statements += report.statements
        quads = len(graph)
        graph.close()
        raws.append(raw)
        fulls.append(full)
    ratios = [raw / full for raw, full in zip(raws, fulls, strict=True)]
    raw, full = sum(raws) / len(raws), sum(fulls) / len(fulls)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; {len(paths)} BBC files, {words:,} words, "
          f"{args.processes} process(es), batch {args.batch_size}, {args.rounds} rounds")
    print(f"raw nlp.pipe        : {words / raw:8,.0f} words/s (mean {raw:.1f} s)")
    print(f"kg build (memory:)  : {words / full:8,.0f} words/s (mean {full:.1f} s; "
          f"{extractions:,} extractions, {statements:,} statements, {quads:,} quads)")
    print(f"ratio kg/raw        : {raw / full:.2f} "
          f"(rounds: {', '.join(f'{r:.2f}' for r in ratios)})")
    print(f"peak RSS            : {peak_mb:,.0f} MB")
    if args.stages:
        _stages(paths, raw)


def _stages(paths: list[Path], raw: float) -> None:
    """Time kg's stages after the parse, on docs parsed once, against ``raw``."""
    from kg.extract import extract
    from kg.ingest import read
    from kg.nlp import parse_tuples
    from kg.ontology import default_ontology
    from kg.rdf import document_quads
    from kg.resolve import Resolver

    documents = list(read(paths))
    start = time.perf_counter()
    docs = [doc for doc, _ in parse_tuples((d.text, d) for d in documents)]
    parse = time.perf_counter() - start
    start = time.perf_counter()
    statements = [tuple(extract(doc)) for doc in docs]
    extracted = time.perf_counter() - start
    resolver = Resolver()
    start = time.perf_counter()
    resolved = [tuple(resolver.resolve(s, doc, document_facts=True))
                for s, doc in zip(statements, docs, strict=True)]
    resolving = time.perf_counter() - start
    known = frozenset(default_ontology().relations)
    start = time.perf_counter()
    for document, facts in zip(documents, resolved, strict=True):
        document_quads(document, facts, known_relations=known)
    rdf = time.perf_counter() - start
    for name, seconds in (("kg's parse (pieces)", parse), ("extract", extracted),
                          ("resolve", resolving), ("rdf", rdf)):
        print(f"  {name:24s}: {seconds:6.1f} s, {100 * seconds / raw:5.1f} % of the raw parse")


if __name__ == "__main__":
    main()
