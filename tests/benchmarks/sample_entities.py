"""Draw a seeded sample of resolved entity mentions from a built store, to judge by
hand; or score such judgements (not collected by pytest).

    kg build ../shared/data/bbc-news/news/politics --store /tmp/politics
    /work/venv/bin/python tests/benchmarks/sample_entities.py --store /tmp/politics \\
        [--seed 4] [-n 100] [--score tests/benchmarks/entity_judgements.tsv --round after]

A mention is the subject or the first object of a statement node whose
``rdf:subject``/``rdf:object`` is an entity: its text as it stands in the sentence
(``kg:subjectText``/``kg:objectText``), the entity IRI, its type and Wikidata link.
The sample is the ``n`` mentions with the smallest hash of (seed, document, offset,
role, text): a mention that exists in two builds is drawn in both, so a sample of a
build before a change and one after it mostly overlap and can be compared.

The output is TSV on stdout: doc, role, mention, iri, type, sameas, sentence. The
sentence is there for the judge to read; judgements keep only doc, mention, iri,
type, verdict and a short comment (never the article's text).

With ``--score FILE``, each sampled mention is looked up in FILE (columns round, doc,
mention, iri, type, verdict, comment; verdict ``ok`` or ``wrong``) by (doc, mention,
iri, type) within ``--round``, and the accuracy of the judged ones is printed, with
the mentions still to judge.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from kg.store import open_store

_QUERY = """
SELECT ?doc ?role ?text ?entity ?type ?sameas ?sentence ?begin {
  ?s a rdf:Statement ; prov:wasDerivedFrom ?d ; kg:sentence ?sentence ;
     nif:beginIndex ?begin .
  ?d schema:identifier ?doc .
  { ?s rdf:subject ?entity ; kg:subjectText ?text . BIND("subject" AS ?role) }
  UNION
  { ?s rdf:object ?entity ; kg:objectText ?text . BIND("object" AS ?role) FILTER isIRI(?entity) }
  GRAPH <http://kg.example.org/graph/entities> { ?entity a ?type }
  OPTIONAL { GRAPH <http://kg.example.org/graph/entities> { ?entity owl:sameAs ?sameas } }
}"""


@dataclass(frozen=True, slots=True)
class Mention:
    """One resolved entity mention of a statement."""

    doc: str
    role: str
    text: str
    iri: str
    type: str
    sameas: str
    sentence: str
    begin: int


def _short(iri: str) -> str:
    for prefix, short in (("http://kg.example.org/entity/", "ent:"),
                          ("http://kg.example.org/ontology#", "kg:"),
                          ("http://www.wikidata.org/entity/", "wd:")):
        if iri.startswith(prefix):
            return short + iri[len(prefix):]
    return iri


def mentions(store_path: str) -> list[Mention]:
    """Every resolved entity mention in the store (one per statement and role)."""
    store = open_store(store_path, read_only=True)
    seen: dict[tuple[str, int, str, str], Mention] = {}
    for doc, role, text, entity, cls, sameas, sentence, begin in store.query(_QUERY).rows:
        mention = Mention(Path(str(doc)).name, str(role), " ".join(str(text).split()),
                          _short(str(entity)), _short(str(cls)),
                          _short(str(sameas)) if sameas is not None else "",
                          " ".join(str(sentence).split()), int(str(begin)))
        seen.setdefault((mention.doc, mention.begin, mention.role, mention.text), mention)
    store.close()
    return list(seen.values())


def sample(found: list[Mention], *, seed: int, n: int) -> list[Mention]:
    """The ``n`` mentions with the smallest seeded hash (stable across builds)."""
    def rank(m: Mention) -> str:
        return hashlib.sha1(f"{seed}|{m.doc}|{m.begin}|{m.role}|{m.text}".encode()).hexdigest()

    return sorted(sorted(found, key=rank)[:n], key=lambda m: (m.doc, m.begin, m.role))


def score(drawn: list[Mention], judgements: Path, round_: str) -> None:
    """Print the accuracy of the drawn mentions that ``judgements`` judges."""
    verdicts: dict[tuple[str, str, str, str], str] = {}
    with judgements.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["round"] == round_:
                verdicts[(row["doc"], row["mention"], row["iri"], row["type"])] = row["verdict"]
    judged = [verdicts.get((m.doc, m.text, m.iri, m.type)) for m in drawn]
    ok = sum(v == "ok" for v in judged)
    total = sum(v is not None for v in judged)
    print(f"round {round_}: {ok}/{total} right ({100 * ok / max(total, 1):.1f} %), "
          f"{len(drawn) - total} not judged", file=sys.stderr)
    for m, v in zip(drawn, judged, strict=True):
        if v is None:
            print(f"  to judge: {m.doc}\t{m.text}\t{m.iri}\t{m.type}", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("--score", type=Path)
    parser.add_argument("--round", default="after")
    args = parser.parse_args(argv)
    drawn = sample(mentions(args.store), seed=args.seed, n=args.n)
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["doc", "role", "mention", "iri", "type", "sameas", "sentence"])
    for m in drawn:
        out.writerow([m.doc, m.role, m.text, m.iri, m.type, m.sameas, m.sentence])
    if args.score is not None:
        score(drawn, args.score, args.round)


if __name__ == "__main__":
    main()
