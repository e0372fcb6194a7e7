"""The BBC sample the build benchmarks time, and the pipeline warmed up on it."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

BBC = Path(__file__).resolve().parents[3] / "shared" / "data" / "bbc-news" / "news"


@dataclass(frozen=True)
class Sample:
    """The first ``n`` BBC files (sorted), their texts as kg reads them, their word
    count, and the spaCy pipeline kg build uses too (``load()`` caches it), warmed up."""

    paths: list[Path]
    texts: list[str]
    words: int
    nlp: Language


def bbc_sample(n: int) -> Sample:
    """Read the sample, or exit with a clear message when ../shared is absent."""
    if not BBC.exists():
        sys.exit(f"{BBC} is absent: this benchmark needs ../shared/data/bbc-news")
    from kg.ingest import read
    from kg.nlp import load

    paths = sorted(BBC.glob("*/*.txt"))[:n]
    texts = [d.text for d in read(paths)]
    nlp = load()
    list(nlp.pipe(texts[:20]))  # warm up
    return Sample(paths, texts, sum(len(t.split()) for t in texts), nlp)
