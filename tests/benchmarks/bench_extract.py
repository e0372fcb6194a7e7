"""Throughput of extraction against parsing, on BBC news articles.

Usage::

    python tests/benchmarks/bench_extract.py [N_FILES]

Reads the first N_FILES (default 400) articles of ../shared/data/bbc-news/news/*/*.txt,
parses them with ``nlp.pipe`` (timed alone), then runs :func:`kg.extract.extract`
over the parsed docs (timed alone), and prints words per second of the parse, of
parse + extract, and the cost of extraction as a share of the parse (the budget is
10 %). Parsing and extraction are timed in the same run, over the same docs, in
wall-clock and in process CPU time (the latter is steadier on a busy machine).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BBC = REPO.parent / "shared" / "data" / "bbc-news" / "news"


def main(argv: list[str]) -> int:
    """Run the benchmark; return a process exit code."""
    from kg.extract import extract
    from kg.nlp import load

    n_files = int(argv[1]) if len(argv) > 1 else 400
    files = sorted(BBC.glob("*/*.txt"))[:n_files]
    if not files:
        print(f"no articles under {BBC}", file=sys.stderr)
        return 2
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    nlp = load()
    list(nlp.pipe(texts[:5]))  # warm-up

    t0, c0 = time.perf_counter(), time.process_time()
    docs = list(nlp.pipe(texts, batch_size=64))
    t_parse, c_parse = time.perf_counter() - t0, time.process_time() - c0
    words = sum(1 for d in docs for t in d if not (t.is_punct or t.is_space))

    t0, c0 = time.perf_counter(), time.process_time()
    n_statements = 0
    for doc in docs:
        for _ in extract(doc):
            n_statements += 1
    t_extract, c_extract = time.perf_counter() - t0, time.process_time() - c0

    ratio = t_extract / t_parse
    print(f"{len(files)} articles, {words} words, {n_statements} statements")
    print("                        wall time   words/s (wall)   words/s (CPU)")
    print(f"nlp.pipe alone       : {t_parse:7.2f} s  {words / t_parse:12,.0f}  "
          f"{words / c_parse:12,.0f}")
    print(f"extract alone        : {t_extract:7.2f} s  {words / t_extract:12,.0f}  "
          f"{words / c_extract:12,.0f}")
    print(f"nlp.pipe + extract   : {t_parse + t_extract:7.2f} s  "
          f"{words / (t_parse + t_extract):12,.0f}  {words / (c_parse + c_extract):12,.0f}")
    print(f"extraction / parse   : {ratio:.1%} wall, {c_extract / c_parse:.1%} CPU "
          "(budget 10 %)")
    return 0 if ratio <= 0.10 else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
