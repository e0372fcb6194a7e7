"""Benchmark: peak memory of a build against the size of the corpus.

    python tests/benchmarks/bench_memory.py [N_FILES] [--copies 1 5 10] [--processes P]

Writes one JSON Lines file per size, holding ``C`` copies of the first N files of
../shared/data/bbc-news (sorted; all 2,095 by default), each copy with its own
document ids (``copy3/business/001.txt``) and a last line that tells it apart
(``(copy 3)``: a text stored under another id would not be loaded again), then
builds each file into a fresh store on disk in a child process of its own, as
``kg build`` does (the build, then the store's summary), and prints that process's
peak RSS, its peak before the summary, and the largest worker's (``--processes``).
A build whose memory is flat in the corpus gives the same peak at every size.
The summary no longer sets the peak: it counts a page of named graphs at a time,
the store released between pages (``kg.graph.stats.GRAPHS_PER_PAGE``), where
whole-store counts filled RocksDB's block cache (up to about 32 MB, a size
pyoxigraph offers no option to change). What is left above the smallest size is
the build's own (its writes and the linking of surnames after the loop, RocksDB's
caches between two releases) and, in the workers, the parse of the largest batch.

``--tracemalloc`` also prints, for each size, the Python allocations still held
at the end of the build, by line (what grows with the corpus, not the peak).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BBC = Path(__file__).resolve().parents[3] / "shared" / "data" / "bbc-news" / "news"


def write_copies(paths: list[Path], copies: int, out: Path) -> int:
    """Write ``copies`` copies of ``paths`` as JSON Lines to ``out``; return the words."""
    from kg.ingest import read

    documents = list(read(paths))
    words = 0
    with out.open("w", encoding="utf-8") as handle:
        for copy in range(1, copies + 1):
            for document in documents:
                text = document.text if copy == 1 else f"{document.text}\n\n(copy {copy})"
                words += len(text.split())
                record = {"id": f"copy{copy}/{document.id}", "text": text}
                if document.title:
                    record["title"] = document.title
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_build(source: Path, store: Path, processes: int, trace: bool) -> None:
    """The child: build ``source`` into ``store``; print one JSON line of figures."""
    if trace:
        import tracemalloc

        tracemalloc.start(1)
    from bench_engines import Descendants

    from kg.pipeline import KnowledgeGraph

    start = time.perf_counter()
    # the workers are forked by kg's fork server, not this process's children:
    # their RSS is read every 0.1 s (RUSAGE_CHILDREN does not see them)
    with KnowledgeGraph(store) as graph, Descendants() as below:
        report = graph.build([source], processes=processes)
        built_mb = _peak_mb()
        quads = graph.stats(breakdown=False).quads
    figures: dict[str, object] = {
        "documents": report.documents,
        "duplicates": report.duplicates,
        "statements": report.statements,
        "quads": quads,
        "seconds": time.perf_counter() - start,
        "built_mb": built_mb,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_mb": below.peak_rss / 2**20,
    }
    if trace:
        snapshot = tracemalloc.take_snapshot()
        top = snapshot.statistics("lineno")[:15]
        figures["held_mb"] = sum(s.size for s in snapshot.statistics("filename")) / 2**20
        figures["top"] = [f"{s.size / 2**20:7.1f} MB {s.traceback}" for s in top]
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="?", type=int, default=2095)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 5, 10])
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--tracemalloc", action="store_true",
                        help="print the Python allocations held at the end of each build")
    parser.add_argument("--keep", type=Path, default=None,
                        help="write the JSON Lines files and stores here (kept)")
    parser.add_argument("--run", nargs=2, type=Path, metavar=("JSONL", "STORE"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_build(args.run[0], args.run[1], args.processes, args.tracemalloc)
        return
    if not BBC.exists():
        sys.exit(f"{BBC} is absent: this benchmark needs ../shared/data/bbc-news")
    paths = sorted(BBC.glob("*/*.txt"))[:args.files]
    with tempfile.TemporaryDirectory(prefix="kg-bench-memory-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
              f"{platform.python_version()}; {len(paths)} BBC files per copy, "
              f"{args.processes} process(es); load {os.getloadavg()[0]:.2f}")
        print(f"{'copies':>6s} {'documents':>9s} {'words':>10s} {'quads':>10s} "
              f"{'seconds':>8s} {'peak RSS':>9s} {'(build)':>8s} {'worker':>7s}")
        peaks = []
        for copies in args.copies:
            source = work / f"bbc-x{copies}.jsonl"
            words = write_copies(paths, copies, source)
            store = work / f"store-x{copies}"
            command = [sys.executable, __file__, "--run", str(source), str(store),
                       "--processes", str(args.processes)]
            if args.tracemalloc:
                command.append("--tracemalloc")
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode:
                sys.exit(f"the build of {copies} copies failed (exit {done.returncode}):\n"
                         + "\n".join(done.stderr.splitlines()[-30:]))
            output = done.stdout
            figures = json.loads(output.strip().splitlines()[-1])
            peaks.append(figures["peak_mb"])
            worker = f"{figures['worker_mb']:5.0f}MB" if args.processes > 1 else ""
            print(f"{copies:6d} {figures['documents']:9,d} {words:10,d} {figures['quads']:10,d} "
                  f"{figures['seconds']:8.0f} {figures['peak_mb']:7.0f}MB "
                  f"{figures['built_mb']:6.0f}MB {worker:>7s}",
                  flush=True)
            if args.tracemalloc:
                print(f"       Python allocations held at the end: {figures['held_mb']:.1f} MB")
                for line in figures["top"]:
                    print("       " + line)
        if len(peaks) > 1:
            print(f"largest peak / smallest: {max(peaks) / min(peaks):.2f}; "
                  f"load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
