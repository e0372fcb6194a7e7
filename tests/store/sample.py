"""Hand-built documents (no spaCy model) shared by the saved-query, serve and
remote-store tests. Load with :func:`load_sample` into any :class:`kg.store.Store`.

Other test folders import this file by path (``tests`` is not a package).
"""

from __future__ import annotations

from pathlib import Path

from kg.rdf import ONTOLOGY_GRAPH, Quad, document_iri, document_quads
from kg.store import Store
from kg.types import Argument, Document, Entity, ResolvedStatement, Statement, Value

ONTOLOGY_TTL = Path(__file__).resolve().parents[2] / "ontology" / "kg.ttl"

RUSSIA = Entity(key="country/RU", label="Russia", type="Country", wikidata="Q159",
                aliases=frozenset({"Russia", "Russian Federation"}))
CHINA = Entity(key="country/CN", label="China", type="Country", wikidata="Q148")
UKRAINE = Entity(key="country/UA", label="Ukraine", type="Country")
GEORGIA = Entity(key="country/GE", label="Georgia", type="Country")
PUTIN = Entity(key="person/Vladimir Putin", label="Vladimir Putin", type="Person",
               aliases=frozenset({"Putin"}))
#: A label full of SPARQL syntax: a parameter equal to it must match it literally.
HOSTILE = Entity(key='org/Evil"} >Corp', label='Evil"} >Corp', type="Company")

TEXT1 = ("We cooperate with China in the security area, Putin said. "
         "Russia attacked Ukraine. Russia may attack Georgia.")
TEXT2 = "China supports Russia. Ukraine accuses Russia. Evil\"} >Corp helps China."


def arg(text: str, doc: str, start_at: int = 0) -> Argument:
    start = doc.index(text, start_at)
    return Argument(text=text, start=start, end=start + len(text), head_start=start,
                    head_end=start + len(text))


def sentence_of(doc: str, fragment: str) -> tuple[str, int, int]:
    start = doc.index(fragment)
    end = doc.index(".", start) + 1
    return doc[start:end], start, end


def statement(doc: str, sentence: str, subj: str, relation: str, obj: str, *,
              modality: str | None = None, negated: bool = False,
              speaker: str | None = None) -> Statement:
    text, start, end = sentence_of(doc, sentence)
    return Statement(subject=arg(subj, doc, start), relation=relation, lemma=relation,
                     objects=(arg(obj, doc, start),), sentence=text, sentence_start=start,
                     sentence_end=end, confidence=0.9, rule="test", modality=modality,
                     negated=negated,
                     speaker=arg(speaker, doc, start) if speaker else None)


def document_one(*, title: str = "Security talks") -> tuple[Document, list[ResolvedStatement]]:
    doc = Document(id="news/one.txt", text=TEXT1, title=title, date="2024-03-19")
    coop = statement(TEXT1, "We cooperate", "We", "cooperate with", "China", speaker="Putin")
    attack = statement(TEXT1, "Russia attacked", "Russia", "attacked", "Ukraine")
    maybe = statement(TEXT1, "Russia may", "Russia", "may attack", "Georgia", modality="may")
    return doc, [
        ResolvedStatement(coop, RUSSIA, "cooperates_with", CHINA, speaker=PUTIN),
        ResolvedStatement(attack, RUSSIA, "attacks", UKRAINE),
        ResolvedStatement(maybe, RUSSIA, "attacks", GEORGIA),
        ResolvedStatement(attack, RUSSIA, "attacked_on", Value("2024-03-18", "date")),
    ]


def document_two() -> tuple[Document, list[ResolvedStatement]]:
    doc = Document(id="news/two.txt", text=TEXT2, title="Reactions", date="2024-03-20")
    support = statement(TEXT2, "China supports", "China", "supports", "Russia")
    accuse = statement(TEXT2, "Ukraine accuses", "Ukraine", "accuses", "Russia")
    helps = statement(TEXT2, "Evil", 'Evil"} >Corp', "helps", "China")
    return doc, [
        ResolvedStatement(support, CHINA, "supports", RUSSIA),
        ResolvedStatement(accuse, UKRAINE, "accuses", RUSSIA),
        ResolvedStatement(helps, HOSTILE, "helps", CHINA),
    ]


KNOWN = {"cooperates_with", "attacks", "supports", "accuses", "helps"}


def quads_of(document: Document, resolved: list[ResolvedStatement]) -> list[Quad]:
    return document_quads(document, resolved, known_relations=KNOWN)


def load_sample(store: Store) -> None:
    """The ontology (in its graph) and the two documents, each in its graph."""
    store.replace_graph(ONTOLOGY_GRAPH, [])
    store.load(ONTOLOGY_TTL.read_bytes(), "ttl", graph=ONTOLOGY_GRAPH)
    for document, resolved in (document_one(), document_two()):
        store.replace_graph(document_iri(document.id), quads_of(document, resolved))
