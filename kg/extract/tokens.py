"""A light, read-only view of a parsed Doc for the rules.

spaCy builds a new :class:`~spacy.tokens.Token` object on every access (``tok.head``,
``tok.children``, ``doc[i]``), which dominates the cost of rule matching. The rules
instead walk :class:`Tok` objects built once per doc from ``Doc.to_array``; they
carry the same attribute names as spaCy tokens (``dep_``, ``pos_``, ``head``,
``children``, ``left_edge`` ...), so the rules read like spaCy code.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import overload

import numpy
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.strings import StringStore
from spacy.tokens import Doc

__all__ = ["TDoc", "TSpan", "Tok", "view"]

_ATTRS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, ENT_IOB, IDX, IS_PUNCT, IS_ALPHA,
          IS_SPACE, SPACY, SENT_START]
_IOB = ("", "I", "O", "B")


class Tok:
    """One token: the spaCy attributes the rules read, with plain Python values."""

    __slots__ = ("children", "dep_", "doc", "ent_iob_", "ent_type_", "head",
                 "i", "idx", "is_alpha", "is_punct", "is_space", "left_edge", "lemma_",
                 "lower_", "pos_", "right_edge", "tag_", "text")

    i: int
    idx: int
    text: str
    lower_: str
    lemma_: str
    pos_: str
    tag_: str
    dep_: str
    ent_type_: str
    ent_iob_: str
    is_punct: bool
    is_alpha: bool
    is_space: bool
    head: Tok
    children: list[Tok]
    left_edge: Tok
    right_edge: Tok
    doc: TDoc

    def __repr__(self) -> str:
        return self.text

    # A view holds one Tok per token, so identity is equality (object's own, fast
    # __eq__); the hash is the index, so that sets of tokens iterate in a stable order.
    def __hash__(self) -> int:
        return self.i

    @property
    def subtree(self) -> list[Tok]:
        """The tokens of this token's subtree, in order (contiguous for projective parses)."""
        return self.doc.tokens[self.left_edge.i : self.right_edge.i + 1]


class TSpan:
    """A slice of a :class:`TDoc` (a sentence or an argument)."""

    __slots__ = ("doc", "end", "start")

    def __init__(self, doc: TDoc, start: int, end: int) -> None:
        self.doc, self.start, self.end = doc, start, end

    def __iter__(self) -> Iterator[Tok]:
        return iter(self.doc.tokens[self.start : self.end])

    def __len__(self) -> int:
        return self.end - self.start

    def __getitem__(self, k: int) -> Tok:
        toks = self.doc.tokens[self.start : self.end]
        return toks[k]

    @property
    def start_char(self) -> int:
        """Character offset of the first token."""
        return self.doc.tokens[self.start].idx

    @property
    def end_char(self) -> int:
        """Character offset just after the last token."""
        last = self.doc.tokens[self.end - 1]
        return last.idx + len(last.text)

    @property
    def text(self) -> str:
        """The span's text, as in the document."""
        if self.end <= self.start:
            return ""
        return self.doc.text[self.start_char : self.end_char]

    @property
    def root(self) -> Tok:
        """The token whose head lies outside the span (the first one, if several)."""
        for tok in self:
            if not self.start <= tok.head.i < self.end or tok.head.i == tok.i:
                return tok
        return self.doc.tokens[self.start]


class TDoc:
    """The whole document: its text, tokens and sentences."""

    __slots__ = ("sents", "text", "tokens")

    def __init__(self, text: str, tokens: list[Tok], sents: list[TSpan]) -> None:
        self.text, self.tokens, self.sents = text, tokens, sents

    @overload
    def __getitem__(self, k: int) -> Tok: ...

    @overload
    def __getitem__(self, k: slice) -> list[Tok]: ...

    def __getitem__(self, k: int | slice) -> Tok | list[Tok]:
        return self.tokens[k]

    def __len__(self) -> int:
        return len(self.tokens)

    def span(self, start: int, end: int) -> TSpan:
        """Tokens ``[start, end)`` as a span."""
        return TSpan(self, start, end)


_CACHE: dict[int, str] = {}


def _columns(strings: StringStore, hashes: numpy.ndarray) -> list[list[str]]:
    """The strings of columns of string hashes, column by column: each distinct
    hash is looked up once (through a process-wide cache), then numpy spreads them."""
    keys, where = numpy.unique(hashes, return_inverse=True)
    cache = _CACHE
    names: list[str] = []
    for key in keys.tolist():
        name = cache.get(key)
        if name is None:
            name = strings[key] if key else ""
            if len(cache) < 500_000:
                cache[key] = name
        names.append(name)
    table = numpy.array(names, dtype=object)
    return table[where.reshape(hashes.shape)].T.tolist()


def view(doc: Doc) -> TDoc:
    """Build the light view of a parsed ``doc`` (one pass over ``Doc.to_array``)."""
    n = len(doc)
    if n == 0:
        return TDoc(doc.text, [], [])
    raw = doc.to_array(_ATTRS)
    texts, lowers, lemmas, poses, tags, deps, ents = _columns(
        doc.vocab.strings, raw[:, [0, 1, 2, 3, 4, 5, 7]])
    nums = raw[:, 8:].T.tolist()
    iobs, idxs, puncts, alphas, spaces, spaced = nums[:6]
    heads, starts = raw[:, [6, 14]].astype(numpy.int64).T.tolist()
    # doc.text, without spaCy building a Token per character run
    text = "".join([t + " " if sp else t for t, sp in zip(texts, spaced, strict=True)])
    tdoc = TDoc(text, [], [])
    tokens: list[Tok] = []
    append = tokens.append
    new = Tok.__new__
    for i, (word, lower, lemma, pos, tag, dep, ent, iob) in enumerate(zip(
        texts, lowers, lemmas, poses, tags, deps, ents, iobs, strict=True,
    )):
        t = new(Tok)
        t.i = i
        t.text = word
        t.lower_ = lower
        t.lemma_ = lemma
        t.pos_ = pos
        t.tag_ = tag
        t.dep_ = dep
        t.ent_type_ = ent
        t.ent_iob_ = _IOB[iob] if iob < 4 else ""
        t.children = []
        t.doc = tdoc
        t.left_edge = t.right_edge = t
        append(t)
    roots = []
    for t, offset, idx, punct, alpha, space in zip(tokens, heads, idxs, puncts, alphas,
                                                   spaces, strict=True):
        t.idx = idx
        t.is_punct = punct == 1
        t.is_alpha = alpha == 1
        t.is_space = space == 1
        h = t.i + offset
        if offset == 0 or not 0 <= h < n:
            t.head = t
            roots.append(t)
        else:
            head = tokens[h]
            t.head = head
            head.children.append(t)
    # subtree edges, children before parents (breadth-first order, reversed)
    order = roots
    for t in order:  # the list grows while it is walked
        order.extend(t.children)
    for t in reversed(order):
        for kid in t.children:
            if kid.left_edge.i < t.left_edge.i:
                t.left_edge = kid.left_edge
            if kid.right_edge.i > t.right_edge.i:
                t.right_edge = kid.right_edge
    firsts = [i for i, start in enumerate(starts) if start == 1 or i == 0]
    tdoc.tokens = tokens
    tdoc.sents = [TSpan(tdoc, s, e) for s, e in zip(firsts, [*firsts[1:], n], strict=True)]
    return tdoc
