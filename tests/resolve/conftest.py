"""Fixtures for the resolver tests: parsed documents and hand-built statements.

Statements are built the way the extractor builds them: arguments are character
spans of ``doc.text``; ``head_start``/``head_end`` are those of the span's syntactic
head (spaCy's ``Span.root``) and ``label`` is the NER label on that head.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from kg.types import Argument, Statement


@dataclass
class StatementMaker:
    """Builds statements over one parsed document.

    ``make("Earlier, Putin urged", "Putin", "urge", "NATO")`` finds the sentence
    starting with the anchor text, then the subject and object spans after it.
    """

    doc: Doc

    def arg(self, text: str, after: int = 0, role: str = "", head: str | None = None) -> Argument:
        # a whole word where there is one ("he", not the "he" of "the"), else any match
        found = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)").search(self.doc.text, after)
        start = found.start() if found else self.doc.text.index(text, after)
        end = start + len(text)
        span = self.doc.char_span(start, end, alignment_mode="expand")
        assert span is not None, text
        if head is not None:  # name the head explicitly (a word inside the span)
            offset = self.doc.text.index(head, start)
            token = next(t for t in span if t.idx == offset)
        else:
            token = span.root
        return Argument(text, start, end, token.idx, token.idx + len(token), token.ent_type_,
                        role)

    def __call__(
        self,
        anchor: str,
        subject: str,
        lemma: str,
        obj: str | None,
        *,
        role: str = "obj",
        passive: bool = False,
        speaker: str | None = None,
        subject_head: str | None = None,
        object_head: str | None = None,
        **flags: Any,
    ) -> Statement:
        base = self.doc.text.index(anchor)
        sent = next(s for s in self.doc.sents if s.start_char <= base < s.end_char)
        objects = (self.arg(obj, base, role, object_head),) if obj is not None else ()
        return Statement(
            subject=self.arg(subject, base, "subj", subject_head),
            relation=lemma,
            lemma=lemma,
            objects=objects,
            sentence=sent.text,
            sentence_start=sent.start_char,
            sentence_end=sent.end_char,
            confidence=0.9,
            rule="test",
            passive=passive,
            speaker=self.arg(speaker, sent.start_char) if speaker else None,
            **flags,
        )


SEED_ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "data" / "seed-article.txt"


@pytest.fixture(scope="session")
def seed_doc(parse: Callable[[str], Doc]) -> Doc:
    """The seed article, parsed (skips where ../shared is absent)."""
    if not SEED_ARTICLE.exists():
        pytest.skip(f"{SEED_ARTICLE} is absent (../shared not here)")
    return parse(SEED_ARTICLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed(seed_doc: Doc) -> StatementMaker:
    """A :class:`StatementMaker` over the seed article."""
    return StatementMaker(seed_doc)


@pytest.fixture(scope="session")
def maker(parse: Callable[[str], Doc]) -> Callable[[str], StatementMaker]:
    """``maker(text)`` parses ``text`` and returns a :class:`StatementMaker` over it."""

    def _make(text: str) -> StatementMaker:
        return StatementMaker(parse(text))

    return _make
