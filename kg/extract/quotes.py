"""Quotations that run over several sentences, and who they are attributed to.

The parser attaches a quotation to its speech verb only within one sentence:
in ``“Have we approached them? They have approached ours,” he explained.`` the
first sentence has no speech verb at all. :func:`quote_speakers` pairs the quote
marks of a document, and for each quotation that spans sentences finds the speech
verb right after the closing mark (or right before the opening one, as in
``Putin said: “... . ...”``, or in the sentence before, as in ``“...,” he said. “... .
...”``); every sentence inside the quotation is attributed to that verb's subject. A
quotation of one sentence with no speech verb of its own is attributed the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from kg.extract.clauses import subject_of
from kg.extract.labels import SPEECH_VERBS, VERBALS
from kg.extract.tokens import TDoc, Tok

__all__ = ["quotation_marks", "quote_speakers"]


class _Mark(Protocol):
    """What pairing quote marks reads of a token (kg's own or spaCy's)."""

    @property
    def text(self) -> str: ...
    @property
    def i(self) -> int: ...
    @property
    def idx(self) -> int: ...
    @property
    def is_space(self) -> bool: ...
    @property
    def is_punct(self) -> bool: ...

_OPEN = frozenset({"\u201c", "``"})
_CLOSE = frozenset({"\u201d", "''"})
_STRAIGHT = '"'
_MARKS = _OPEN | _CLOSE | {_STRAIGHT}
#: Pronouns that may be a quotation's speaker.
_PERSONAL = frozenset({"he", "she", "they", "we", "i"})


def _pairs(doc: TDoc) -> list[tuple[int, int]]:
    return quotation_marks(doc.tokens)


def quotation_marks(tokens: Sequence[_Mark], *, marks: Iterable[int] | None = None
                    ) -> list[tuple[int, int]]:
    """Index pairs (open, close) of the double quote marks (curly, PTB or straight)
    of a document's ``tokens``: the quotations the extractor attributes, so that a
    later stage asking whether a word is quoted reads them as it did. ``marks``, in
    order, are the indices of the tokens that may be quote marks, when the caller
    knows them (the rest are not looked at).

    >>> import spacy
    >>> quotation_marks(spacy.blank("en")('He said: "It is over. "We lost." Then he left.'))
    [(3, 12)]
    """
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    for tok in tokens if marks is None else (tokens[i] for i in marks):
        text = tok.text
        if text not in _MARKS:
            continue
        if text == _STRAIGHT and opened is not None and _opening(tokens, tok):
            continue  # a new paragraph of the open quotation: news closes no quotation
            # that goes on in the next paragraph, and opens it again there
        if text in _OPEN or (text == _STRAIGHT and opened is None):
            opened = tok.i
        elif (text in _CLOSE or text == _STRAIGHT) and opened is not None:
            pairs.append((opened, tok.i))
            opened = None
    return pairs


def _opening(tokens: Sequence[_Mark], mark: _Mark) -> bool:
    """Whether a straight quote mark opens a quotation: space (or nothing) before
    it, a word right after it (`room. "I'm happy`; not `this," he said`)."""
    i = mark.i
    before = (i == 0 or tokens[i - 1].is_space
              or tokens[i - 1].idx + len(tokens[i - 1].text) < mark.idx)
    after = i + 1 < len(tokens) and tokens[i + 1].idx == mark.idx + len(mark.text)
    return before and after and not tokens[i + 1].is_punct


def _speech(tok: Tok) -> bool:
    """Whether ``tok`` is a verb of saying."""
    return tok.pos_ in VERBALS and tok.lemma_.lower() in SPEECH_VERBS


def _says_its_own(verb: Tok) -> bool:
    """Whether a verb of saying has what it says in its own clause (an object, a
    clause, a modal): then it reports no quotation before it."""
    return any(c.dep_ in {"dobj", "ccomp", "xcomp"} or c.tag_ == "MD" for c in verb.children)


def _speech_subject(tokens: list[Tok]) -> Tok | None:
    for tok in tokens:
        if _speech(tok):
            subj, _ = subject_of(tok)
            if subj is not None:
                return subj
    return None


def _introduced(tokens: list[Tok], mark: int) -> bool:
    """Whether the quotation opening at token ``mark`` follows a colon (`he
    said: "...`), so that the speech verb before it is its speaker's."""
    i = mark - 1
    while i >= 0 and tokens[i].is_space:
        i -= 1
    return i >= 0 and tokens[i].text == ":"


def _said_before(doc: TDoc, first: int, start: int) -> Tok | None:
    """The speaker of a quotation with no speech verb of its own that opens its
    sentence (``first``; its mark at token ``start``), from the sentence before, as
    news writes a speaker's next quotation: `"It is a disgrace," he said. "He is an
    Arsenal player."`."""
    if first == 0 or any(t.is_alpha for t in doc.tokens[doc.sents[first].start : start]):
        return None
    before = doc.sents[first - 1]
    for tok in doc.tokens[before.start : before.end]:
        if _speech(tok):
            subj, _ = subject_of(tok)
            if subj is not None and (subj.pos_ == "PROPN" or subj.lower_ in _PERSONAL or (
                    subj.pos_ == "NOUN" and any(c.lower_ == "the" for c in subj.children))):
                return subj  # someone's saying (not "it has been reported", "people say")
    return None


def quote_speakers(doc: TDoc) -> dict[int, Tok]:
    """Sentence index → the head of the speaker, for sentences inside a quotation
    that spans several sentences (the sentence with the speech verb is left to the
    clause rules)."""
    if not doc.sents:
        return {}
    pairs = _pairs(doc)
    if not pairs:
        return {}
    sent_of = [0] * len(doc.tokens)  # token index → sentence index
    for k, sent in enumerate(doc.sents):
        sent_of[sent.start : sent.end] = [k] * (sent.end - sent.start)
    out: dict[int, Tok] = {}
    for start, end in pairs:
        first, last = sent_of[start], sent_of[end]
        if first < last and not any(t.is_alpha for t in doc.tokens[start : doc.sents[first].end]):
            first += 1  # the opening mark ends the sentence before: `he said. "`
        if first < last and not any(t.is_alpha
                                    for t in doc.tokens[doc.sents[last].start : end]):
            last -= 1  # the closing mark opens the next sentence: `."\n\nThose ...`
        if first == last:
            sent = doc.sents[first]
            if any(_speech(t) for t in doc.tokens[sent.start : sent.end]):
                continue  # its speech verb is in the sentence: the clause rules' work
            speaker = _said_before(doc, first, start)
            if speaker is not None:
                out.setdefault(first, speaker)
            continue
        opening = doc.sents[first]
        speaker = None
        if _introduced(doc.tokens, start):  # `Wenger added: "... . ..."`
            speaker = _speech_subject(doc.tokens[opening.start : start])
        if speaker is None:
            speaker = _speaker_around(doc, first, last, start, end)
        if speaker is None:
            continue
        for k in range(first, last + 1):
            if not doc.sents[k].start <= speaker.i < doc.sents[k].end:
                out.setdefault(k, speaker)
    return out


def _speaker_around(doc: TDoc, first: int, last: int, start: int, end: int) -> Tok | None:
    """The speaker of a quotation (marks at tokens ``start`` and ``end``, sentences
    ``first`` to ``last``) from the speech verb after its closing mark, else before
    its opening mark, else in the sentence before it."""
    closing = doc.sents[last]
    after = doc.tokens[end + 1 : closing.end]
    # a quotation may close at the end of its sentence: the verb opens the next one
    # (if that verb says nothing of its own: not "Laporte will announce his line-up")
    if not any(t.is_alpha for t in after) and last + 1 < len(doc.sents):
        nxt = doc.sents[last + 1]
        after = [t for t in doc.tokens[nxt.start : min(nxt.end, nxt.start + 6)]
                 if not _says_its_own(t)]
    speaker = _speech_subject(after)
    if speaker is None:
        speaker = _speech_subject(doc.tokens[doc.sents[first].start : start])
    if speaker is None:
        speaker = _said_before(doc, first, start)
    return speaker
