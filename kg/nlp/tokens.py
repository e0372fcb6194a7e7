"""One token table per parsed document, read once and shared by extraction and
resolution.

spaCy builds a new :class:`~spacy.tokens.Token` object on every ``doc[i]`` and
decodes a string from its string store on every ``token.text``; ``doc.text``
builds every token. :class:`DocTokens` reads what kg's stages use of every token
with one :meth:`~spacy.tokens.Doc.to_array` call, decodes each distinct string once
(through one process-wide cache: a string id is a hash of the string, the same in
every string store) and joins the text. :func:`kg.extract.tokens.view` (the rules'
token objects) and :class:`kg.resolve.tokens.TokenTable` (the resolver's offsets and
scans) are built from it.

>>> import spacy
>>> doc = spacy.blank("en")("Russia and  China cooperate.")
>>> tokens = DocTokens(doc)
>>> tokens.text == doc.text, tokens.words[:3], tokens.idx[:3]
(True, ['Russia', 'and', ' '], [0, 7, 11])
"""

from __future__ import annotations

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

__all__ = ["DocTokens"]

_ATTRS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, ENT_IOB, IDX, IS_PUNCT, IS_ALPHA,
          IS_SPACE, SPACY, SENT_START]
_STRING_COLUMNS = [0, 1, 2, 3, 4, 5, 7]  # ORTH LOWER LEMMA POS TAG DEP ENT_TYPE
_FLAG_COLUMNS = [10, 11, 12, 13]  # IS_PUNCT IS_ALPHA IS_SPACE SPACY

#: string id → string, for every document of this process.
_STRINGS: dict[int, str] = {}
#: beyond this many strings the cache is emptied, so that a long stream of
#: documents (a year of news, with its names and numbers) cannot grow it forever
_MAX_STRINGS = 500_000


def _strings(strings: StringStore, hashes: numpy.ndarray) -> list[list[str]]:
    """The strings of columns of string ids, column by column: each distinct id is
    looked up once (through the process-wide cache), then numpy spreads them."""
    keys, where = numpy.unique(hashes, return_inverse=True)
    cache = _STRINGS
    if len(cache) > _MAX_STRINGS:
        cache.clear()
    names: list[str] = []
    for key in keys.tolist():
        name = cache.get(key)
        if name is None:
            name = cache[key] = strings[key] if key else ""
        names.append(name)
    table = numpy.array(names, dtype=object)
    columns: list[list[str]] = table[where.reshape(hashes.shape)].T.tolist()
    return columns


class DocTokens:
    """Every token of ``doc`` as columns of plain Python values, in token order:
    ``words``, ``lowers``, ``lemmas``, ``pos_``, ``tags``, ``deps``, ``ent_types``
    (strings); ``pos`` and ``lower_ids`` (string ids); ``head_offsets`` (``HEAD``:
    the head's index minus the token's), ``ent_iobs`` (spaCy's codes), ``idx``
    (character offsets); ``is_punct``, ``is_alpha``, ``is_space``, ``spaces``
    (booleans; ``spaces``: a space follows); ``sent_starts`` (the indices of the
    tokens that start a sentence, 0 always among them); and ``text`` (``doc.text``).
    """

    __slots__ = ("deps", "doc", "ent_iobs", "ent_types", "head_offsets", "idx", "is_alpha",
                 "is_punct", "is_space", "lemmas", "lower_ids", "lowers", "pos", "pos_",
                 "sent_starts", "spaces", "tags", "text", "words")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        raw = doc.to_array(_ATTRS) if len(doc) else numpy.zeros((0, len(_ATTRS)), "uint64")
        (self.words, self.lowers, self.lemmas, self.pos_, self.tags, self.deps,
         self.ent_types) = _strings(doc.vocab.strings, raw[:, _STRING_COLUMNS]) or [[]] * 7
        self.lower_ids: list[int] = raw[:, 1].tolist()
        self.pos: list[int] = raw[:, 3].tolist()
        self.head_offsets: list[int] = raw[:, 6].astype(numpy.int64).tolist()
        self.ent_iobs: list[int] = raw[:, 8].tolist()
        self.idx: list[int] = raw[:, 9].tolist()
        flags = (raw[:, _FLAG_COLUMNS] == 1).T.tolist() or [[]] * 4
        self.is_punct, self.is_alpha, self.is_space, self.spaces = flags
        self.text: str = "".join([w + " " if sp else w
                                  for w, sp in zip(self.words, self.spaces, strict=True)])
        starts: list[int] = numpy.flatnonzero(raw[:, 14] == 1).tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        self.sent_starts = starts if len(doc) else []

    def __len__(self) -> int:
        return len(self.idx)
