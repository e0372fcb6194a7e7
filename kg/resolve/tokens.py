"""Token attributes of a parsed document, read from spaCy's token table in bulk.

spaCy builds a new :class:`~spacy.tokens.Token` object on every ``doc[i]``, span
iteration or ``token.head``, and decodes a string from its string store on every
``token.text``; ``doc.text``, ``span.text`` and ``doc.sents`` do so for each of
their tokens. The resolver reads what it needs of a whole document at once
instead, with one :meth:`~spacy.tokens.Doc.to_array` call (:class:`TokenTable`).

>>> import spacy
>>> doc = spacy.blank("en")("Russia and  China cooperate.")
>>> table = TokenTable(doc)
>>> table.text == doc.text, table.starting_at(12), table.starting_at(13)
(True, 3, None)
>>> table.text_of(0, 2) == doc[0:2].text, table.text_of(3, 5) == doc[3:5].text
(True, True)
"""

from __future__ import annotations

import bisect
from collections.abc import Collection

import numpy
from spacy.attrs import IDX, LOWER, ORTH, POS, SENT_START, SPACY
from spacy.parts_of_speech import PROPN
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

__all__ = ["TokenTable"]

#: orth id → the word, and the word with a space after it. An id is a hash of its
#: string, the same in every string store, so one cache serves every document.
_WORDS: dict[int, str] = {}
_SPACED: dict[int, str] = {}
_MAX_WORDS = 1 << 20  # emptied beyond this, so that a long stream cannot grow it forever


def _learn(orths: list[int], doc: Doc) -> None:
    """Put the words of ``orths`` that the caches lack into them."""
    if len(_WORDS) > _MAX_WORDS:
        _WORDS.clear()
        _SPACED.clear()
    strings = doc.vocab.strings
    for orth in orths:
        if orth not in _WORDS:
            word = _WORDS[orth] = strings[orth]
            _SPACED[orth] = word + " "


def _joined(orths: list[int], spaces: list[int]) -> str:
    """The text of the tokens ``orths`` (each followed by a space where ``spaces``
    says so); ``KeyError`` when a word is not cached yet."""
    words, spaced = _WORDS, _SPACED
    return "".join([spaced[orth] if space else words[orth]
                    for orth, space in zip(orths, spaces, strict=True)])


_IDS: dict[int, tuple[Collection[str], frozenset[int]]] = {}


def _ids(words: Collection[str]) -> frozenset[int]:
    """The string ids of ``words`` (memoised for the collection object: callers pass
    module-level constants)."""
    found = _IDS.get(id(words))
    if found is None or found[0] is not words:
        if len(_IDS) > 256:
            _IDS.clear()
        found = _IDS[id(words)] = (words, frozenset(get_string_id(w) for w in words))
    return found[1]


class TokenTable:
    """What the resolver reads of every token of ``doc``: the text (as
    ``doc.text``); each token's character offset (``idx``), part of speech
    (``pos``, a :mod:`spacy.parts_of_speech` id) and whether a space follows it
    (``spaces``); the first token of each sentence (``sent_starts``); and the
    proper nouns (``proper_nouns``)."""

    def __init__(self, doc: Doc) -> None:
        table = doc.to_array([ORTH, SPACY, IDX, POS, SENT_START, LOWER])
        orths, spaces, idx, pos = table[:, :4].T.tolist()
        try:
            self.text = _joined(orths, spaces)
        except KeyError:
            _learn(orths, doc)
            self.text = _joined(orths, spaces)
        self.idx: list[int] = idx
        self.pos: list[int] = pos
        self.spaces: list[int] = spaces
        sent_start = table[:, 4]
        if len(sent_start):
            sent_start[0] = 1  # the first token starts a sentence, whatever the parse
        self.sent_starts: list[int] = numpy.flatnonzero(sent_start == 1).tolist()
        proper = numpy.flatnonzero(table[:, 3] == int(PROPN))
        #: the indices of the proper nouns (PROPN), and their character offsets
        self.proper_nouns: tuple[list[int], list[int]] = (proper.tolist(),
                                                          table[proper, 2].tolist())
        self._lower = table[:, 5]
        self._lowers: list[int] | None = None

    def find(self, words: Collection[str]) -> list[int]:
        """The indices of the tokens whose lower-case form is one of ``words``,
        found in the table (no Token object is made for the others).

        >>> import spacy
        >>> TokenTable(spacy.blank("en")("Talks, then more talks.")).find({"talks"})
        [0, 4]
        """
        ids = _ids(words)
        if self._lowers is None:
            self._lowers = self._lower.tolist()
        return [i for i, word in enumerate(self._lowers) if word in ids]

    def starting_at(self, offset: int) -> int | None:
        """The index of the token that starts at character ``offset``, if one does."""
        i = bisect.bisect_right(self.idx, offset) - 1  # (the last, should tokens be empty)
        return i if i >= 0 and self.idx[i] == offset else None

    def span_text(self, span: Span) -> str:
        """``span.text``, cut out of the document's text."""
        return self.text[span.start_char:span.end_char]

    def text_of(self, start: int, end: int) -> str:
        """The text of tokens ``start`` to ``end`` (exclusive, at least one), like
        ``doc[start:end].text`` without building the span."""
        last = end - 1
        after = self.idx[end] if end < len(self.idx) else len(self.text)
        return self.text[self.idx[start]:after - self.spaces[last]]
