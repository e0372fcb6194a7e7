"""A light, read-only view of a parsed Doc for the rules.

spaCy builds a new :class:`~spacy.tokens.Token` object on every access (``tok.head``,
``tok.children``, ``doc[i]``), which dominates the cost of rule matching. The rules
instead walk :class:`Tok` objects built once per doc from its token table
(:class:`kg.nlp.tokens.DocTokens`, which the resolver reads too); they
carry the same attribute names as spaCy tokens (``dep_``, ``pos_``, ``head``,
``children``, ``left_edge`` ...), so the rules read like spaCy code.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import overload

import numpy
from spacy.tokens import Doc

from kg.nlp.tokens import DocTokens

__all__ = ["TDoc", "TSpan", "Tok", "view"]

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
        start, end = self.start, self.end
        tokens = self.doc.tokens
        for tok in tokens[start:end]:
            head = tok.head.i
            if not start <= head < end or head == tok.i:
                return tok
        return tokens[start]


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

    def release(self) -> None:
        """Empty the view once nothing refers to its tokens any more: it is unusable
        afterwards, and its tokens are reused by later views.

        A view is a web of reference cycles (a token and its head's children, a token
        and its doc), which only the cyclic garbage collector can free; views pile up
        while they wait for it, and its passes over them took a quarter of the time
        of :func:`kg.extract.extract`. Released, the view is freed by reference
        counting at once, and recycled tokens spare the next view most of its
        allocations, which are what sets the collector off.
        """
        tokens = self.tokens
        detached = _DETACHED
        for t in tokens:
            t.head = t.left_edge = t.right_edge = detached
            if t.children:
                t.children.clear()
        self.text, self.tokens, self.sents = "", [], []
        with _POOL_LOCK:
            room = _POOL_LIMIT - len(_POOL)
            if room > 0:
                _POOL.extend(tokens[:room])


#: What the links of a released view point to: a token with no attributes.
_DETACHED = Tok.__new__(Tok)

#: Tokens of released views, for :func:`view` to reuse (at most ``_POOL_LIMIT``).
_POOL: list[Tok] = []
_POOL_LIMIT = 20_000
_POOL_LOCK = threading.Lock()


def _blank_tokens(n: int) -> list[Tok]:
    """``n`` tokens to fill in (each with an empty ``children`` list): recycled
    ones first, new ones for the rest."""
    with _POOL_LOCK:
        keep = max(len(_POOL) - n, 0)
        tokens = _POOL[keep:]
        del _POOL[keep:]
    new = Tok.__new__
    for _ in range(n - len(tokens)):
        t = new(Tok)
        t.children = []
        tokens.append(t)
    return tokens


def _heads(offsets: numpy.ndarray) -> list[int]:
    """Absolute head indices from ``HEAD`` offsets; a root, or a token whose head
    would fall outside the doc, is its own head."""
    index = numpy.arange(len(offsets), dtype=numpy.int64)
    heads = index + offsets.astype(numpy.int64)
    bad = (heads < 0) | (heads >= len(offsets))
    result: list[int] = numpy.where(bad, index, heads).tolist()
    return result


def _edges(tokens: list[Tok], heads: list[int], roots: list[Tok]) -> tuple[list[int], list[int]]:
    """The first and last token index of every token's subtree, as index lists."""
    left = list(range(len(tokens)))
    right = left[:]
    # children before parents: breadth-first order from the roots, reversed
    order = roots[:]
    for t in order:  # the list grows while it is walked
        order.extend(t.children)
    for t in reversed(order):
        i = t.i
        h = heads[i]
        if h != i:
            if left[i] < left[h]:
                left[h] = left[i]
            if right[i] > right[h]:
                right[h] = right[i]
    return left, right


def view(doc: Doc, *, tokens: DocTokens | None = None) -> TDoc:
    """Build the light view of a parsed ``doc`` from its token table (``tokens``,
    read here when not given), on the tokens of released views where there are
    some (see :meth:`TDoc.release`)."""
    table = DocTokens(doc) if tokens is None else tokens
    n = len(table)
    if n == 0:
        return TDoc(table.text, [], [])
    heads = _heads(numpy.asarray(table.head_offsets, dtype=numpy.int64))
    tdoc = TDoc(table.text, [], [])
    toks = _blank_tokens(n)
    iob_names = _IOB
    for i, (t, word, lower, lemma, pos, tag, dep, ent, iob, idx, punct, alpha, space) in enumerate(
        zip(toks, table.words, table.lowers, table.lemmas, table.pos_, table.tags, table.deps,
            table.ent_types, table.ent_iobs, table.idx, table.is_punct, table.is_alpha,
            table.is_space, strict=True)
    ):
        t.i = i
        t.idx = idx
        t.text = word
        t.lower_ = lower
        t.lemma_ = lemma
        t.pos_ = pos
        t.tag_ = tag
        t.dep_ = dep
        t.ent_type_ = ent
        t.ent_iob_ = iob_names[iob] if iob < 4 else ""
        t.is_punct = punct
        t.is_alpha = alpha
        t.is_space = space
        t.doc = tdoc
    roots = []
    for t, h in zip(toks, heads, strict=True):
        if h == t.i:
            t.head = t
            roots.append(t)
        else:
            head = toks[h]
            t.head = head
            head.children.append(t)  # in token order, as spaCy's
    left, right = _edges(toks, heads, roots)
    for t, lo, hi in zip(toks, left, right, strict=True):
        t.left_edge = toks[lo]
        t.right_edge = toks[hi]
    firsts = table.sent_starts
    tdoc.tokens = toks
    tdoc.sents = [TSpan(tdoc, s, e) for s, e in zip(firsts, [*firsts[1:], n], strict=True)]
    return tdoc
