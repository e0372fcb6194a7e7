"""spaCy's attribute ruler with its patterns matched on arrays: the same matches, faster.

en_core_web_sm's ``attribute_ruler`` maps the tagger's fine tags to parts of speech
and morphology, and fixes a few words ("ain't", "gonna"), with 179 token patterns run
through spaCy's :class:`~spacy.matcher.Matcher`. The Matcher tries every pattern at
every token: about a tenth of the whole pipeline's time on news text. The patterns
are all of one kind (single tokens or short fixed sequences, each token tested on
its tag, lower-case form, dependency label or being white space, by value, ``IN``,
``NOT_IN`` or ``REGEX``), so :class:`IndexedAttributeRuler` tests them on the
columns of :meth:`~spacy.tokens.Doc.to_array`, skipping a pattern at once when a
value it needs is absent from the document, and hands the same sorted match list to
spaCy's own :meth:`~spacy.pipeline.AttributeRuler.set_annotations`. A pattern of
any other kind (an ``OP``, another attribute or predicate) makes it use the Matcher
for every pattern, as spaCy does.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> ruler = nlp.add_pipe("kg_attribute_ruler")
>>> ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"})
>>> [t.lemma_ for t in nlp("I am gon na win")]
['', '', 'go', '', '']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

__all__ = ["IndexedAttributeRuler", "index_attribute_ruler"]

#: The token attributes the arrays hold, in column order.
_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_IDS = (TAG, LOWER, DEP, IS_SPACE)


@dataclass(frozen=True)
class _Test:
    """One token attribute's test: ``kind`` is "eq" (``values`` holds one hash),
    "in", "not_in" (hashes) or "regex" (``regex`` on the attribute's text)."""

    column: int
    kind: str
    values: tuple[int, ...] = ()
    regex: re.Pattern[str] | None = None


@dataclass(frozen=True)
class _Pattern:
    """One pattern of one rule: its tests per token; ``match_id`` is the rule's
    Matcher key (the rule's number, as the AttributeRuler names it)."""

    attr_id: int
    match_id: int
    tokens: tuple[tuple[_Test, ...], ...]


def _test(name: str, value: Any) -> _Test | None:
    """``name``'s test, or ``None`` when it is not one the arrays can run."""
    if name not in _COLUMNS:
        return None
    column = _COLUMNS.index(name)
    if name == "IS_SPACE":
        return _Test(column, "eq", (int(value),)) if isinstance(value, bool) else None
    if isinstance(value, str):
        return _Test(column, "eq", (get_string_id(value),))
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((op, arg),) = value.items()
    if op in {"IN", "NOT_IN"} and all(isinstance(v, str) for v in arg):
        return _Test(column, op.lower(), tuple(get_string_id(v) for v in arg))
    if op == "REGEX" and isinstance(arg, str):
        return _Test(column, "regex", regex=re.compile(arg))
    return None


def _compile(patterns: Sequence[dict[str, Any]]) -> tuple[_Pattern, ...] | None:
    """The AttributeRuler's rules (its ``patterns``, in order) as array tests, or
    ``None`` when one of them is of a kind the arrays do not run."""
    compiled: list[_Pattern] = []
    for attr_id, rule in enumerate(patterns):
        for pattern in rule["patterns"]:
            if not isinstance(pattern, list) or not pattern:
                return None
            tokens: list[tuple[_Test, ...]] = []
            for spec in pattern:
                tests = tuple(_test(name, value) for name, value in spec.items())
                if any(t is None for t in tests):
                    return None
                tokens.append(tuple(t for t in tests if t is not None))
            compiled.append(_Pattern(attr_id, get_string_id(str(attr_id)), tuple(tokens)))
    return tuple(compiled)


class IndexedAttributeRuler(AttributeRuler):
    """An :class:`~spacy.pipeline.AttributeRuler` whose :meth:`match` tests its
    patterns on arrays (see the module's text); everything else is spaCy's."""

    _compiled = False  # whether _index is the rules' as they are now
    _index: tuple[_Pattern, ...] | None = None  # None: some rule needs the Matcher

    def add(self, patterns: Any, attrs: dict[str, Any], index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled = False

    def clear(self) -> None:
        super().clear()
        self._compiled = False

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The matches of the patterns in ``doc``, as spaCy's ``match`` gives them:
        ``(rule number, match id, start, end)``, sorted."""
        if not self._compiled:
            self._index, self._compiled = _compile(self.patterns), True
        if self._index is None:
            return super().match(doc)
        return _matches(self._index, doc)


def _matches(patterns: tuple[_Pattern, ...], doc: Doc) -> list[tuple[int, int, int, int]]:
    n = len(doc)
    if not n:
        return []
    table = doc.to_array(list(_IDS))
    columns = [table[:, k] for k in range(len(_IDS))]
    present = [set(column.tolist()) for column in columns]
    masks: dict[_Test, numpy.ndarray] = {}
    strings = doc.vocab.strings

    def mask(test: _Test) -> numpy.ndarray:
        found = masks.get(test)
        if found is None:
            column = columns[test.column]
            if test.kind == "eq":
                found = column == test.values[0]
            elif test.kind == "regex":
                assert test.regex is not None
                search: Callable[[str], object] = test.regex.search
                kinds, inverse = numpy.unique(column, return_inverse=True)
                hits = numpy.array([search(strings[int(h)] if h else "") is not None
                                    for h in kinds.tolist()], dtype=bool)
                found = hits[inverse]
            else:
                found = numpy.isin(column, numpy.array(test.values, dtype=column.dtype))
                if test.kind == "not_in":
                    found = ~found
            masks[test] = found
        return found

    out: set[tuple[int, int, int, int]] = set()  # a rule's alternatives match once
    for pattern in patterns:
        length = len(pattern.tokens)
        if length > n or any(t.kind == "eq" and t.values[0] not in present[t.column]
                             for tests in pattern.tokens for t in tests):
            continue  # a value it needs is not in the document
        starts = numpy.ones(n - length + 1, dtype=bool)
        for offset, tests in enumerate(pattern.tokens):
            for test in tests:
                starts &= mask(test)[offset:n - length + 1 + offset]
        out.update((pattern.attr_id, pattern.match_id, s, s + length)
                   for s in numpy.flatnonzero(starts).tolist())
    return sorted(out)


@Language.factory("kg_attribute_ruler", default_config={"validate": False})
def _make(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def index_attribute_ruler(nlp: Language) -> bool:
    """Swap ``nlp``'s spaCy ``attribute_ruler`` for an :class:`IndexedAttributeRuler`
    holding the same patterns, when the arrays can run them all; return whether it
    did. The annotations are the same (tests compare the matches on news text).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("attribute_ruler")
    >>> index_attribute_ruler(nlp), type(nlp.get_pipe("attribute_ruler")).__name__
    (True, 'IndexedAttributeRuler')
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe("attribute_ruler")
    if type(stock) is not AttributeRuler:
        return False
    patterns = stock.patterns
    if _compile(patterns) is None:
        return False
    indexed = nlp.replace_pipe("attribute_ruler", "kg_attribute_ruler")
    assert isinstance(indexed, IndexedAttributeRuler)
    indexed.add_patterns(patterns)
    return True
