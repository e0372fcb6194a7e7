"""Benchmark: loading N-Quads into kg's store against rdflib's own parser, in one run.

    python tests/benchmarks/bench_load.py [N_FILES] [--copies K]

Builds the first N BBC articles (default 100) into a memory store, dumps the
N-Quads, repeats them K times under distinct graph names (default 10) and times:
rdflib ``Dataset.parse`` (the baseline), kg's transactional ``Store.load`` and
Oxigraph's bulk loader, each into a fresh store, and prints quads/s and ratios.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

BBC = Path(__file__).resolve().parents[3] / "shared" / "data" / "bbc-news" / "news"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="?", type=int, default=100)
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()
    if not BBC.exists():
        sys.exit(f"{BBC} is absent: this benchmark needs ../shared/data/bbc-news")

    import pyoxigraph as ox
    from rdflib import Dataset

    from kg.pipeline import KnowledgeGraph
    from kg.store import OxigraphStore

    graph = KnowledgeGraph("memory:")
    graph.build(sorted(BBC.glob("*/*.txt"))[: args.files])
    buffer = io.BytesIO()
    graph.export(buffer, "nq")
    lines = buffer.getvalue().splitlines()
    data = b"\n".join(
        line.replace(b"<http://kg.example.org/doc/", b"<http://kg.example.org/doc/c%d-" % k)
        for k in range(args.copies) for line in lines
    ) + b"\n"
    quads = len(lines) * args.copies

    start = time.perf_counter()
    dataset = Dataset()
    dataset.parse(data=data.decode("utf-8"), format="nquads")
    rdflib_s = time.perf_counter() - start

    start = time.perf_counter()
    store = OxigraphStore()
    store.load(data, "nq")
    kg_s = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        disk = ox.Store(folder)
        disk.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        disk.flush()
        bulk_s = time.perf_counter() - start
        stored = len(disk)
        del disk

    print(f"{quads:,} quads ({len(store):,} distinct, {stored:,} on disk) from "
          f"{args.files} BBC files x {args.copies}")
    print(f"rdflib Dataset.parse      : {quads / rdflib_s:10,.0f} quads/s ({rdflib_s:.2f} s)")
    print(f"kg Store.load (memory)    : {quads / kg_s:10,.0f} quads/s ({kg_s:.2f} s)  "
          f"x{rdflib_s / kg_s:.1f}")
    print(f"Oxigraph bulk_load (disk) : {quads / bulk_s:10,.0f} quads/s ({bulk_s:.2f} s)  "
          f"x{rdflib_s / bulk_s:.1f}")


if __name__ == "__main__":
    main()
