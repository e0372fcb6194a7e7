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

    def fresh(self) -> Language:
        """Another copy of the pipeline, loaded anew and warmed up the same way:
        for a baseline that has not parsed the corpus before."""
        import spacy

        nlp = spacy.load(f"{self.nlp.meta['lang']}_{self.nlp.meta['name']}")
        _warm(nlp, self.texts)
        return nlp


def bbc_sample(n: int) -> Sample:
    """Read the sample, or exit with a clear message when ../shared is absent."""
    if not BBC.exists():
        sys.exit(f"{BBC} is absent: this benchmark needs ../shared/data/bbc-news")
    from kg.ingest import read
    from kg.nlp import load

    paths = sorted(BBC.glob("*/*.txt"))[:n]
    texts = [d.text for d in read(paths)]
    nlp = load()
    _warm(nlp, texts)
    return Sample(paths, texts, sum(len(t.split()) for t in texts), nlp)


def _warm(nlp: Language, texts: list[str]) -> None:
    list(nlp.pipe(texts[:20]))
