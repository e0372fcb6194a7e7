"""A small knowledge graph built by hand (no spaCy model) for the graph and export tests.

It holds friendly and hostile names (quotes, ``<``, ``>``, braces, newlines,
backslashes, ampersands, RTL marks, a ``</script>``), a negated and a hypothetical
statement (kept as nodes, never edges), a literal object, two dated documents and
an undated one. ``tests/graph/conftest.py`` and ``tests/export/conftest.py`` import
its ``sample_store`` fixture.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.rdf import ONTOLOGY_GRAPH, document_iri, document_quads
from kg.store import Store, open_store
from kg.types import Argument, Document, Entity, ResolvedStatement, Statement, Value

REPO = Path(__file__).resolve().parents[2]
ONTOLOGY_TTL = REPO / "ontology" / "kg.ttl"

RUSSIA = Entity("country/RU", "Russia", "Country", frozenset({"Russian Federation", "Moscow"}),
                "Q159")
CHINA = Entity("country/CN", "China", "Country", frozenset({"PRC", "Beijing"}), "Q148")
UKRAINE = Entity("country/UA", "Ukraine", "Country", frozenset(), "Q212")
PUTIN = Entity("person/Vladimir Putin", "Vladimir Putin", "Person", frozenset({"Putin"}),
               "Q7747")
XI = Entity("person/Xi Jinping", "Xi Jinping", "Person", frozenset({"Xi"}), "Q15031")
NATO = Entity("org/NATO", "NATO", "InternationalOrganization",
              frozenset({"North Atlantic Treaty Organization"}), "Q7184")
QUOTED = Entity('company/Acme "Quoted" <Corp> {x}', 'Acme "Quoted" <Corp> {x}', "Company",
                frozenset({"Acme & Sons"}))
NEWLINE = Entity("org/Line Break", "Line\nBreak \\ Co & AT&amp;T", "Organization")
RTL = Entity("group/rtl", "\u202eevil\u202c \u0627\u0644\u062c\u0632\u064a\u0631\u0629\u200f",
             "Group")
SCRIPT = Entity("org/script", "</script><script>alert(1)</script>", "Organization",
                frozenset({"<b>bold</b>"}))

HOSTILE = (QUOTED, NEWLINE, RTL, SCRIPT)
ENTITIES = (RUSSIA, CHINA, UKRAINE, PUTIN, XI, NATO, *HOSTILE)


class _Writer:
    """Builds one document's text sentence by sentence and its resolved statements."""

    def __init__(self, doc_id: str, *, date: str | None = None, title: str | None = None):
        self.doc_id, self.date, self.title = doc_id, date, title
        self.text = ""
        self.resolved: list[ResolvedStatement] = []

    def say(self, subject: Entity, relation: str, obj: Entity | Value, sentence: str, *,
            negated: bool = False, modality: str | None = None,
            speaker: Entity | None = None, confidence: float = 0.8) -> None:
        start = len(self.text)
        self.text += sentence + " "
        end = start + len(sentence)
        subj_text = subject.label
        obj_text = obj.label if isinstance(obj, Entity) else obj.lexical
        subj_arg = Argument(subj_text, start, start + 1, start, start + 1, role="subj")
        obj_arg = Argument(obj_text, start + 1, start + 2, start + 1, start + 2, role="obj")
        st = Statement(subject=subj_arg, relation=relation.replace("_", " "),
                       lemma=relation.replace("_", " "), objects=(obj_arg,), sentence=sentence,
                       sentence_start=start, sentence_end=end, confidence=confidence,
                       rule="test", negated=negated, modality=modality)
        self.resolved.append(ResolvedStatement(st, subject, relation, obj, speaker=speaker))

    def load(self, store: Store) -> None:
        document = Document(id=self.doc_id, text=self.text, title=self.title, date=self.date)
        quads = document_quads(document, self.resolved)
        store.replace_graph(document_iri(document.id), quads)


def build_sample(store: Store, *, ontology: bool = True) -> Store:
    """Load the sample documents (and the ontology, so that groups are known)."""
    if ontology:
        store.load(ONTOLOGY_TTL.read_bytes(), "ttl", graph=ONTOLOGY_GRAPH)

    d1 = _Writer("news/2024-01-10 summit.txt", date="2024-01-10", title="Summit")
    d1.say(RUSSIA, "cooperates_with", CHINA,
           "\u201cWe cooperate with China in the security area,\u201d Putin said.",
           speaker=PUTIN, confidence=0.9)
    d1.say(PUTIN, "meets_with", XI, "Putin met Xi Jinping in Beijing.")
    d1.say(NATO, "expands_toward", RUSSIA, "Putin said NATO expanded toward Russia.",
           speaker=PUTIN)
    d1.say(RUSSIA, "attacks", CHINA, "Russia did not attack China.", negated=True)
    d1.say(RUSSIA, "invades", UKRAINE, "Russia may invade Ukraine.", modality="may")
    d1.say(RUSSIA, "signs_agreement_with", Value("2024-01-10", "date"),
           "Russia signed on 10 January 2024.")
    d1.load(store)

    d2 = _Writer("news/2024-03-05 war.txt", date="2024-03-05")
    d2.say(RUSSIA, "cooperates_with", CHINA, "Russia keeps cooperating with China.",
           confidence=0.7)
    d2.say(RUSSIA, "helps", CHINA, "Russia helped China with gas.")
    d2.say(RUSSIA, "attacks", UKRAINE, "Russia attacked Ukraine again.")
    d2.say(QUOTED, "supports", NEWLINE, 'Acme "Quoted" <Corp> {x} backed Line Break & Co.')
    d2.say(NEWLINE, "criticizes", RTL, "Line Break\ncriticised the group.")
    d2.say(RTL, "visits_secretly", RUSSIA, "The group visited Russia secretly.")
    d2.load(store)

    d3 = _Writer("news/undated <odd> \"name\".txt")
    d3.say(CHINA, "supports", RUSSIA, "China supports Russia.")
    d3.say(UKRAINE, "opposes", SCRIPT, "Ukraine opposes </script><script>alert(1)</script>.")
    d3.say(SCRIPT, "helps", QUOTED, "It helps Acme.")
    d3.load(store)
    return store


@pytest.fixture()
def sample_store() -> Store:
    """A memory store with the sample graph and the ontology."""
    return build_sample(open_store("memory:"))
