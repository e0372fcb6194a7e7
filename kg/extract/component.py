"""kg's extractor as a spaCy pipeline component, for spaCy users and notebooks.

``nlp.add_pipe("kg_statements")`` (after the parser and the NER) adds the open
statements of each Doc as ``doc._.kg_statements``, a tuple of
:class:`~kg.types.Statement` (what :func:`kg.extract.extract` yields)::

    >>> import spacy                                                # doctest: +SKIP
    >>> nlp = spacy.load("en_core_web_sm")                          # doctest: +SKIP
    >>> nlp.add_pipe("kg_statements", config={"min_confidence": 0.5})  # doctest: +SKIP
    >>> doc = nlp("Russia supplies gas to China.")                  # doctest: +SKIP
    >>> [(s.subject.text, s.relation) for s in doc._.kg_statements]  # doctest: +SKIP
    [('Russia', 'supplies gas to')]

The factory is registered under spaCy's ``spacy_factories`` entry point, so the
name works once kg is installed, without importing kg. The statements are kept in
``doc.user_data`` as plain lists, so that they survive ``nlp.pipe(n_process=N)``
and :class:`~spacy.tokens.DocBin` (``store_user_data=True``), which serialise Docs
with msgpack.

The component extracts from the Doc it is given, so give it whole documents: a
quotation that runs over several paragraphs, or the speaker of a quote named in
another paragraph, is found only within one Doc. kg's own engines parse a long text
in pieces (:func:`kg.nlp.pieces`) and join them into one Doc before they extract
(:mod:`kg.stages`), for this reason.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import extract
from kg.types import Argument, Statement

__all__ = ["NAME", "KgStatements", "make_kg_statements"]

#: The component's name (``nlp.add_pipe(NAME)``) and its Doc extension.
NAME = "kg_statements"
_KEY = "kg_statements"  # in doc.user_data


def _encode_argument(a: Argument | None) -> list[Any] | None:
    if a is None:
        return None
    return [a.text, a.start, a.end, a.head_start, a.head_end, a.label, a.role]


def _decode_argument(row: list[Any] | None) -> Argument | None:
    return None if row is None else Argument(*row)


def _encode(st: Statement) -> list[Any]:
    """``st`` as msgpack-ready lists, every field kept."""
    return [_encode_argument(st.subject), st.relation, st.lemma,
            [_encode_argument(o) for o in st.objects], st.sentence, st.sentence_start,
            st.sentence_end, st.confidence, st.rule, st.negated, st.modality, st.tense,
            _encode_argument(st.speaker), st.passive]


def _decode(row: list[Any]) -> Statement:
    (subject, relation, lemma, objects, sentence, sentence_start, sentence_end,
     confidence, rule, negated, modality, tense, speaker, passive) = row
    return Statement(
        subject=Argument(*subject), relation=relation, lemma=lemma,
        objects=tuple(Argument(*o) for o in objects),
        sentence=sentence, sentence_start=sentence_start, sentence_end=sentence_end,
        confidence=confidence, rule=rule, negated=negated, modality=modality, tense=tense,
        speaker=_decode_argument(speaker), passive=passive)


def _statements(doc: Doc) -> tuple[Statement, ...] | None:
    """``doc._.kg_statements``: ``None`` until the component has run on ``doc``."""
    rows = doc.user_data.get(_KEY)
    return None if rows is None else tuple(_decode(row) for row in rows)


if not Doc.has_extension(NAME):
    Doc.set_extension(NAME, getter=_statements)


class KgStatements:
    """The component: puts the statements of a Doc (with at least
    ``min_confidence``) on ``doc._.kg_statements``."""

    def __init__(self, *, min_confidence: float = 0.0) -> None:
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[_KEY] = [_encode(st) for st in
                               extract(doc, min_confidence=self.min_confidence)]
        return doc


@Language.factory(
    NAME,
    requires=["token.dep", "token.head", "token.is_sent_start"],
    assigns=[f"doc._.{NAME}"],
    default_config={"min_confidence": 0.0},
)
def make_kg_statements(nlp: Language, name: str, min_confidence: float) -> KgStatements:
    """spaCy's factory for :class:`KgStatements` (``nlp.add_pipe("kg_statements")``)."""
    return KgStatements(min_confidence=min_confidence)
