"""Benchmark: one process, two processes and Dask, against raw spaCy, in one run.

    python tests/benchmarks/bench_engines.py [N_FILES] [--workers W]

On the first N files of ../shared/data/bbc-news (sorted, 400 by default) times,
into fresh in-memory stores:

- raw ``nlp.pipe`` with 1 and with W processes (the model kg loads, as spaCy ships
  it; kg's copy matches its attribute ruler's rules on arrays, :mod:`kg.nlp.ruler`),
  each with a pipeline loaded anew and warmed up on 20 files, as kg's is: not
  one that has parsed the corpus before, whose vocabulary its forked workers
  would inherit;
- ``kg build`` with ``--processes 1`` and ``--processes W`` (local engine);
- ``kg build --engine dask`` on a LocalCluster of W worker processes (partitions
  parsed on the workers, N-Quads shards loaded into the store);

and prints words/s, each build's ratio to raw spaCy with the same number of
processes, the speed-up of W processes over one, and the peak RSS of this
process and of its largest child. It also checks that the three builds give the
same graph (the same quads, compared as sorted N-Quads), and prints the main
process's share of the CPU time of each build: ``getrusage(RUSAGE_SELF)`` (this
process, with its store's threads) taken around the ``build`` call, against the
CPU time of every process below this one (the workers, and the fork server that
kg's workers are forked from, which is not this process's child to reap),
read with psutil every 0.1 s while the build runs (the last tenth of a second of
each is not counted; a process there before the build counts from the first read).
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import resource
import threading
import time
from collections.abc import Callable

import psutil
from _corpus import bbc_sample


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


class Descendants:
    """The CPU seconds and the peak RSS of the processes below this one while it
    runs (``with Descendants() as below: ...; below.cpu``)."""

    def __init__(self, every: float = 0.1) -> None:
        self.every = every
        self.me = psutil.Process()
        self.first: dict[int, float] = {}  # pid -> CPU s at the first read
        self.last: dict[int, float] = {}
        self.peak_rss = 0
        self._done = threading.Event()

    def _read(self, first: bool = False) -> None:
        for process in self.me.children(recursive=True):
            try:
                times = process.cpu_times()
                rss = process.memory_info().rss
            except psutil.Error:
                continue
            seconds = times.user + times.system
            if first:
                self.first[process.pid] = seconds
            self.last[process.pid] = seconds
            self.peak_rss = max(self.peak_rss, rss)

    def _loop(self) -> None:
        while not self._done.wait(self.every):
            self._read()

    def __enter__(self) -> Descendants:
        self._read(first=True)
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._done.set()
        self._thread.join()

    @property
    def cpu(self) -> float:
        return sum(s - self.first.get(pid, 0.0) for pid, s in self.last.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="?", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    from kg.dask_engine import DaskOptions
    from kg.pipeline import KnowledgeGraph

    sample = bbc_sample(args.files)
    paths, texts, words = sample.paths, sample.texts, sample.words
    w = args.workers

    shares: dict[str, tuple[float, float]] = {}  # name -> (main CPU s, workers' CPU s)
    peak_child = 0  # bytes

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    def raw(processes: int) -> float:
        nonlocal peak_child
        # a pipeline of its own, loaded and warmed up as the sample's was: one
        # that had parsed the corpus already would hand the lexemes of all its
        # words to the workers it forks, which no user's first run has
        fresh = sample.fresh()
        own = cpu()
        with Descendants() as below:
            seconds = _timed(lambda: list(fresh.pipe(texts, batch_size=64,
                                                     n_process=processes)))
        shares[f"raw, {processes} process(es)"] = (cpu() - own, below.cpu)
        peak_child = max(peak_child, below.peak_rss)
        return seconds

    quads: dict[str, int] = {}
    graphs: dict[str, list[bytes]] = {}

    def build(name: str, **options: object) -> float:
        nonlocal peak_child
        graph = KnowledgeGraph("memory:")
        own = cpu()
        with Descendants() as below:
            seconds = _timed(lambda: graph.build(paths, **options))  # type: ignore[arg-type]
        shares[name] = (cpu() - own, below.cpu)
        peak_child = max(peak_child, below.peak_rss)
        quads[name] = len(graph)
        buffer = io.BytesIO()
        graph.export(buffer, "nq")
        graphs[name] = sorted(buffer.getvalue().splitlines())
        graph.close()
        return seconds

    load_before = os.getloadavg()
    raw1 = raw(1)
    local1 = build("local, 1 process", processes=1)
    raw_w = raw(w)
    local_w = build(f"local, {w} processes", processes=w)
    dask_w = build(f"dask, {w} workers", engine="dask",
                   dask=DaskOptions(workers=w, partition_size=32))

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; {len(paths)} BBC files, {words:,} words; load "
          f"average (1, 5, 15 min) {' '.join(f'{x:.1f}' for x in load_before)} before, "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} after")
    print(f"{'run':22s} {'words/s':>9s} {'seconds':>8s} {'vs raw spaCy':>13s}")
    rows = [
        ("raw nlp.pipe, 1 proc", raw1, None),
        (f"raw nlp.pipe, {w} procs", raw_w, None),
        ("kg local, 1 process", local1, raw1),
        (f"kg local, {w} processes", local_w, raw_w),
        (f"kg dask, {w} workers", dask_w, raw_w),
    ]
    for name, seconds, baseline in rows:
        ratio = f"{baseline / seconds:13.2f}" if baseline else f"{'':13s}"
        print(f"{name:22s} {words / seconds:9,.0f} {seconds:8.1f} {ratio}")
    print(f"speed-up of {w} processes: raw x{raw1 / raw_w:.2f}, kg local x{local1 / local_w:.2f}, "
          f"kg dask x{local1 / dask_w:.2f}")
    first = next(iter(graphs.values()))
    same = all(g == first for g in graphs.values())
    print("quads: " + ", ".join(f"{name} {n:,}" for name, n in quads.items())
          + ("  (the same quads)" if same else "  (DIFFERENT graphs)"))
    for name, (main_cpu, workers_cpu) in shares.items():
        total = main_cpu + workers_cpu
        print(f"CPU of {name}: main process {main_cpu:.1f} s, workers {workers_cpu:.1f} s"
              + (f", main share {main_cpu / total:.1%}" if workers_cpu > 0 else ""))
    # CPU seconds drift less than wall-clock ones on a loaded machine
    cpu_of = {name: sum(pair) for name, pair in shares.items()}
    print(f"CPU ratios (raw CPU s / kg CPU s): local 1 process "
          f"{cpu_of['raw, 1 process(es)'] / cpu_of['local, 1 process']:.2f}, local {w} "
          f"processes {cpu_of[f'raw, {w} process(es)'] / cpu_of[f'local, {w} processes']:.2f}, "
          f"dask {cpu_of[f'raw, {w} process(es)'] / cpu_of[f'dask, {w} workers']:.2f}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: this process {own:,.0f} MB, largest process below it "
          f"{peak_child / 2**20:,.0f} MB (read every 0.1 s)")


if __name__ == "__main__":
    main()
