"""Token attributes of a parsed document, read from spaCy's token table in bulk.

spaCy builds a new :class:`~spacy.tokens.Token` object on every ``doc[i]``, span
iteration or ``token.head``, and decodes a string from its string store on every
``token.text``; ``doc.text``, ``span.text`` and ``doc.sents`` do so for each of
their tokens. The resolver reads what it needs of a whole document at once
instead, from the document's token table (:class:`kg.nlp.tokens.DocTokens`, one
:meth:`~spacy.tokens.Doc.to_array` call shared with extraction).

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

from spacy.parts_of_speech import PROPN
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from kg.nlp.tokens import DocTokens

__all__ = ["TokenTable", "clause_verb"]

PROPN_ID = int(PROPN)

_IDS: dict[int, tuple[Collection[str], frozenset[int]]] = {}


def clause_verb(token: Token) -> Token:
    """The verb of the clause ``token`` is in: the token itself or its nearest head
    that is a verb (the sentence's root when none is).

    >>> from kg.nlp import parse
    >>> doc = next(parse(["Tom Hale was dropped in 1987."]))
    >>> clause_verb(doc[5]).text
    'dropped'
    """
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token


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
    (``spaces``); each token's dependency label (``deps``); the first token of each
    sentence (``sent_starts``); and the proper nouns (``proper_nouns``)."""

    def __init__(self, doc: Doc, *, tokens: DocTokens | None = None) -> None:
        table = DocTokens(doc) if tokens is None else tokens
        self.text = table.text
        self.idx: list[int] = table.idx
        self.pos: list[int] = table.pos
        self.spaces: list[bool] = table.spaces
        self.sent_starts: list[int] = table.sent_starts
        self.deps: list[str] = table.deps
        proper = PROPN_ID
        #: the indices of the proper nouns (PROPN), and their character offsets
        nouns = [i for i, pos in enumerate(table.pos) if pos == proper]
        self.proper_nouns: tuple[list[int], list[int]] = (nouns, [table.idx[i] for i in nouns])
        self._lowers: list[int] = table.lower_ids
        self._where: dict[int, list[int]] | None = None  # lower-case id → token indices

    def find(self, words: Collection[str]) -> list[int]:
        """The indices of the tokens whose lower-case form is one of ``words``,
        found in the table (no Token object is made for the others).

        >>> import spacy
        >>> TokenTable(spacy.blank("en")("Talks, then more talks.")).find({"talks"})
        [0, 4]
        """
        ids = _ids(words)
        where = self._where
        if where is None:  # indexed on the first call: a document asks a dozen times
            where = self._where = {}
            for i, word in enumerate(self._lowers):
                found = where.get(word)
                if found is None:
                    where[word] = [i]
                else:
                    found.append(i)
        if len(ids) < len(where):
            hits = [where[w] for w in ids if w in where]
        else:
            hits = [found for w, found in where.items() if w in ids]
        if len(hits) == 1:
            return hits[0][:]
        return sorted([i for found in hits for i in found])

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
