"""The data that flows between kg's stages, as frozen dataclasses.

ingest → :class:`Document`; extract → :class:`Statement` (over :class:`Argument`
spans); resolve → :class:`ResolvedStatement` (over :class:`Entity` and
:class:`Value`). Every stage reads the types of the stages to its left only.

>>> doc = Document(id="d1", text="Russia and China cooperate.")
>>> doc.text[0:6]
'Russia'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Argument",
    "Document",
    "Entity",
    "ResolvedStatement",
    "Statement",
    "Value",
]


@dataclass(frozen=True, slots=True)
class Document:
    """One input article.

    ``text`` is the body that kg parses; every character offset elsewhere in kg
    (statements, arguments) indexes into it. ``title``/``date`` are metadata found
    by the reader (a leading date line and title line of a scraped page, HTML
    metadata, JSONL fields). ``source`` names where it came from (a path, ``-``)
    and ``line`` the 1-based line for record-oriented inputs (JSONL, CSV).
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when known
    url: str | None = None
    source: str | None = None
    line: int | None = None
    metadata: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Argument:
    """A span of the document that fills a slot of a statement.

    ``start``/``end`` are character offsets into :attr:`Document.text`;
    ``head_start``/``head_end`` those of the span's syntactic head token, so that the
    resolver can find the named entity the argument is about. ``label`` is the NER
    label of the entity covering the head, if any ("PERSON", "GPE", ...).
    ``role`` says how the argument attaches: "subj", "obj", or the preposition or
    marker it came with ("in", "to", "time" ...).
    """

    text: str
    start: int
    end: int
    head_start: int
    head_end: int
    label: str = ""
    role: str = ""


@dataclass(frozen=True, slots=True)
class Statement:
    """An open subject-relation-object(s) statement over one sentence.

    ``relation`` is the surface relation as CaRB expects it ("was airlifted to");
    ``lemma`` the normalised form used for naming ("airlift to"). ``objects`` holds
    the second argument first, then extra arguments (time, place, manner). A
    negated or hypothetical statement is kept with its flags set.
    """

    subject: Argument
    relation: str
    lemma: str
    objects: tuple[Argument, ...]
    sentence: str
    sentence_start: int
    sentence_end: int
    confidence: float
    rule: str
    negated: bool = False
    modality: str | None = None  # "may", "could", "will", "must", "would", ...
    tense: str | None = None  # "past", "present", "future"
    speaker: Argument | None = None
    passive: bool = False

    @property
    def object(self) -> Argument | None:
        """The first object argument, or ``None`` for intransitive statements."""
        return self.objects[0] if self.objects else None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (used by ``kg extract --format jsonl``)."""

        def arg(a: Argument | None) -> dict[str, Any] | None:
            if a is None:
                return None
            return {"text": a.text, "start": a.start, "end": a.end, "label": a.label,
                    "role": a.role}

        return {
            "subject": arg(self.subject),
            "relation": self.relation,
            "lemma": self.lemma,
            "objects": [arg(o) for o in self.objects],
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "confidence": round(self.confidence, 4),
            "rule": self.rule,
            "negated": self.negated,
            "modality": self.modality,
            "tense": self.tense,
            "speaker": arg(self.speaker),
            "passive": self.passive,
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world thing the graph has one node for.

    ``key`` is the stable identity the IRI is made from (a gazetteer id such as
    "country/RU", or a type and canonical name such as "person/Vladimir Putin");
    ``type`` is the local name of an ontology class ("Person", "Country", ...).
    """

    key: str
    label: str
    type: str
    aliases: frozenset[str] = field(default_factory=frozenset)
    wikidata: str | None = None  # "Q159"


@dataclass(frozen=True, slots=True)
class Value:
    """A literal object: a date, an amount, a quantity, or plain text."""

    lexical: str
    datatype: str | None = None  # an XSD local name such as "date", or None for a string


@dataclass(frozen=True, slots=True)
class ResolvedStatement:
    """A statement whose arguments are entities (or values) and whose relation is
    named by the ontology (``relation`` is a snake_case local name such as
    ``cooperates_with``)."""

    statement: Statement
    subject: Entity
    relation: str
    object: Entity | Value
    speaker: Entity | None = None
    #: Why the resolver's assertion policy withholds the direct triple ("denied",
    #: "conditional", "unnamed relation", "reported speech"), or ``None``.
    withheld: str | None = None

    @property
    def asserted(self) -> bool:
        """Whether the direct triple is asserted (not negated, not hypothetical,
        not withheld by the assertion policy)."""
        return self.reason_withheld is None

    @property
    def reason_withheld(self) -> str | None:
        """Why the direct triple is not asserted, or ``None`` when it is.

        >>> a = Argument("Russia", 0, 6, 0, 6, "GPE", "subj")
        >>> b = Argument("Georgia", 20, 27, 20, 27, "GPE", "obj")
        >>> st = Statement(a, "may attack", "attack", (b,), "", 0, 27, 0.5, "svo",
        ...                modality="may")
        >>> e = Entity("country/RU", "Russia", "Country")
        >>> ResolvedStatement(st, e, "attacks", e).reason_withheld
        'hypothetical'
        """
        s = self.statement
        if s.negated:
            return "negated"
        if s.modality in HYPOTHETICAL_MODALS:
            return "hypothetical"
        return self.withheld


#: Modal verbs that make a statement hypothetical: kept as a node, not asserted.
HYPOTHETICAL_MODALS = frozenset({"may", "might", "could", "would", "should", "must", "can"})
