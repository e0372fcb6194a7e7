"""Quotations that run over several sentences, and who they are attributed to.

The parser attaches a quotation to its speech verb only within one sentence:
in ``“Have we approached them? They have approached ours,” he explained.`` the
first sentence has no speech verb at all. :func:`quote_speakers` pairs the quote
marks of a document, and for each quotation that spans sentences finds the speech
verb right after the closing mark (or right before the opening one, as in
``Putin said: “... . ...”``); every sentence inside the quotation is attributed to
that verb's subject.
"""

from __future__ import annotations

from kg.extract.clauses import subject_of
from kg.extract.labels import SPEECH_VERBS, VERBALS
from kg.extract.tokens import TDoc, Tok

__all__ = ["quote_speakers"]

_OPEN = frozenset({"\u201c", "``"})
_CLOSE = frozenset({"\u201d", "''"})
_STRAIGHT = '"'
_MARKS = _OPEN | _CLOSE | {_STRAIGHT}


def _pairs(doc: TDoc) -> list[tuple[int, int]]:
    """Index pairs (open, close) of double quote marks, curly, PTB or straight."""
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    for tok in doc.tokens:
        text = tok.text
        if text not in _MARKS:
            continue
        if text in _OPEN or (text == _STRAIGHT and opened is None):
            opened = tok.i
        elif (text in _CLOSE or text == _STRAIGHT) and opened is not None:
            pairs.append((opened, tok.i))
            opened = None
    return pairs


def _speech_subject(tokens: list[Tok]) -> Tok | None:
    for tok in tokens:
        if tok.pos_ in VERBALS and tok.lemma_.lower() in SPEECH_VERBS:
            subj, _ = subject_of(tok)
            if subj is not None:
                return subj
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
        if first == last:
            continue
        closing = doc.sents[last]
        after = doc.tokens[end + 1 : closing.end]
        # a quotation may close at the end of its sentence: the verb opens the next one
        if not any(t.is_alpha for t in after) and last + 1 < len(doc.sents):
            nxt = doc.sents[last + 1]
            after = doc.tokens[nxt.start : min(nxt.end, nxt.start + 6)]
        speaker = _speech_subject(after)
        if speaker is None:
            opening = doc.sents[first]
            speaker = _speech_subject(doc.tokens[opening.start : start])
        if speaker is None:
            continue
        for k in range(first, last + 1):
            if not doc.sents[k].start <= speaker.i < doc.sents[k].end:
                out.setdefault(k, speaker)
    return out
