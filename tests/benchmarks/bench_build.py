"""Benchmark: ``kg build`` against raw spaCy on the same texts, in one run.

    python tests/benchmarks/bench_build.py [N_FILES] [--processes N]

Prints words/s of ``nlp.pipe`` alone (the same pipeline components kg runs, the
physical floor of kg's speed) and of a whole ``kg build`` into an in-memory store
(reading, parsing, extraction, resolution, RDF, loading), and their ratio. Uses the
first N files of ../shared/data/bbc-news (sorted), 400 by default.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
from pathlib import Path

BBC = Path(__file__).resolve().parents[3] / "shared" / "data" / "bbc-news" / "news"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="?", type=int, default=400)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    if not BBC.exists():
        sys.exit(f"{BBC} is absent: this benchmark needs ../shared/data/bbc-news")

    from kg.ingest import read
    from kg.nlp import load
    from kg.pipeline import KnowledgeGraph

    paths = sorted(BBC.glob("*/*.txt"))[: args.files]
    texts = [d.text for d in read(paths)]
    words = sum(len(t.split()) for t in texts)
    nlp = load()
    list(nlp.pipe(texts[:20]))  # warm up

    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.processes):
        pass
    raw = time.perf_counter() - start

    graph = KnowledgeGraph("memory:")
    start = time.perf_counter()
    report = graph.build(paths, batch_size=args.batch_size, processes=args.processes)
    full = time.perf_counter() - start

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; {len(paths)} BBC files, {words:,} words, "
          f"{args.processes} process(es), batch {args.batch_size}")
    print(f"raw nlp.pipe        : {words / raw:8,.0f} words/s ({raw:.1f} s)")
    print(f"kg build (memory:)  : {report.words / full:8,.0f} words/s ({full:.1f} s; "
          f"{report.statements:,} statements, {report.facts:,} facts, {len(graph):,} quads)")
    print(f"ratio kg/raw        : {(report.words / full) / (words / raw):.2f}")
    print(f"peak RSS            : {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
