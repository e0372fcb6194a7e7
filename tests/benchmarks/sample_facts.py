"""Draw a seeded sample of the knowledge graph's facts from a built store, to judge
by hand; or score such judgements (not collected by pytest).

    kg build ../shared/data/bbc-news/news/entertainment --store /tmp/ent
    .venv/bin/python tests/benchmarks/sample_facts.py --store /tmp/ent \\
        [--seed 13] [-n 100] [--score tests/benchmarks/fact_judgements.tsv --round R]

A fact is what a SPARQL user or a picture sees: an asserted direct triple between
two entities in a document's graph, or a role (``kg:holds_position`` and its text).
Each is shown with the sentence of one statement node that asserts it. The sample
is the ``n`` facts with the smallest hash of (seed, document, subject, relation,
object), so that a fact present in two builds is drawn in both.

The output is TSV on stdout: doc, subject, relation, object, types, sentence. The
sentence is for the judge to read; judgements keep only round, doc, subject,
relation, object, verdict and a short comment, never the article's text. A fact is
``ok`` only if the sentence states it, about the right real-world entities, with a
relation name that reads true; ``to-come`` is a fact that is right in every way but
that it is still to come ("U2 will play Hampden on 21 June"): the NewsKG guide and
kg's assertion policy count such a plainly stated act as a fact (its statement says
``kg:tense "future"``), a strict reader may not, so the score prints both counts;
anything else is ``wrong``.
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
SELECT ?doc ?s ?slabel ?stype ?p ?o ?olabel ?otype ?sentence {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      kg:asserted true ; kg:sentence ?sentence ; prov:wasDerivedFrom ?d .
  ?d schema:identifier ?doc .
  GRAPH ?d { ?s ?p ?o }
  GRAPH <http://kg.example.org/graph/entities> { ?s rdfs:label ?slabel ; a ?stype }
  OPTIONAL { GRAPH <http://kg.example.org/graph/entities> { ?o rdfs:label ?olabel ; a ?otype } }
  FILTER (isIRI(?o) || ?p = kg:holds_position)
}"""


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact of the graph, with a sentence that states it."""

    doc: str
    subject: str
    relation: str
    object: str
    types: str
    sentence: str

    def key(self) -> tuple[str, str, str, str]:
        return (self.doc, self.subject, self.relation, self.object)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def facts(store: str) -> list[Fact]:
    """Every fact of the store, once (the first sentence that states it)."""
    out: dict[tuple[str, str, str, str], Fact] = {}
    with open_store(store) as st:
        for row in st.query(_QUERY).dicts():
            doc = Path(str(row["doc"])).name
            obj = str(row["olabel"]) if row["olabel"] is not None else str(row["o"])
            types = f"{_local(str(row['stype']))}>{_local(str(row['otype'] or 'literal'))}"
            fact = Fact(doc, str(row["slabel"]), _local(str(row["p"])), obj, types,
                        " ".join(str(row["sentence"]).split()))
            out.setdefault(fact.key(), fact)
    return list(out.values())


def sample(all_facts: list[Fact], *, seed: int, n: int) -> list[Fact]:
    """The ``n`` facts with the smallest seeded hash."""
    def rank(f: Fact) -> str:
        return hashlib.sha256("\x1f".join((str(seed), *f.key())).encode()).hexdigest()
    return sorted(all_facts, key=rank)[:n]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("--score", type=Path, help="a judgements TSV to score the sample on")
    parser.add_argument("--round", default="", help="the judgements' round to read")
    args = parser.parse_args(argv)
    drawn = sample(facts(args.store), seed=args.seed, n=args.n)
    if args.score is None:
        out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        out.writerow(["doc", "subject", "relation", "object", "types", "sentence"])
        for f in drawn:
            out.writerow([f.doc, f.subject, f.relation, f.object, f.types, f.sentence])
        return 0
    verdicts: dict[tuple[str, str, str, str], str] = {}
    with args.score.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if not args.round or row["round"] == args.round:
                verdicts[(row["doc"], row["subject"], row["relation"], row["object"])] = (
                    row["verdict"])
    judged = [verdicts[f.key()] for f in drawn if f.key() in verdicts]
    missing = [f for f in drawn if f.key() not in verdicts]
    right = sum(v == "ok" for v in judged)
    to_come = sum(v == "to-come" for v in judged)
    total = len(judged) or 1
    print(f"sample={len(drawn)} judged={len(judged)} ok={right} to-come={to_come} "
          f"precision={right / total:.3f} "
          f"counting acts still to come={(right + to_come) / total:.3f}")
    for f in missing:
        print("unjudged:", f.doc, f.subject, f.relation, f.object, sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
