"""CaRB input and output: PTB-tokenised sentences in, tab-separated tuples out.

CaRB sentences come tokenised Penn-Treebank style (```` `` ''``, ``-LRB-``,
spaces around punctuation). :func:`detokenize` turns such a line into natural text
for the parser and remembers where each original token landed, so that the
arguments of a statement can be written back with the original tokens, as the
scorer compares whitespace tokens.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import IMPLICIT_RULES, sentence_candidates
from kg.extract.confidence import confidence
from kg.extract.tokens import view
from kg.types import Argument, Statement

__all__ = ["carb_lines", "carb_rows", "detokenize"]

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{",
             "-RCB-": "}"}
_OPEN_QUOTES = {"``": '"', "`": "'"}
_CLOSE_QUOTES = {"''": '"'}
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "'S",
                              "'m", "'re", "'ve", "'d", "'ll", "n't", "N'T", "''", "'",
                              "...", "'RE", "'VE", "'LL", "'D", "'M"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "`", "$", "#"})


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Natural text for PTB ``tokens`` and each token's character span in it.

    >>> detokenize("He said `` no '' -LRB- twice -RRB- .".split())[0]
    'He said "no" (twice).'
    """
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    glue_next = True
    for k, tok in enumerate(tokens):
        text = _BRACKETS.get(tok, _OPEN_QUOTES.get(tok, _CLOSE_QUOTES.get(tok, tok)))
        prev = tokens[k - 1] if k else ""
        nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
        glue = glue_next or tok in _NO_SPACE_BEFORE or _BRACKETS.get(tok) in {")", "]", "}"}
        if tok == "-" and prev[-1:].isalnum() and nxt[:1].isalnum():
            glue = True
        if prev == "-" and k >= 2 and tokens[k - 2][-1:].isalnum() and tok[:1].isalnum():
            glue = True
        if not glue:
            parts.append(" ")
            pos += 1
        parts.append(text)
        spans.append((pos, pos + len(text)))
        pos += len(text)
        glue_next = tok in _NO_SPACE_AFTER or _BRACKETS.get(tok) in {"(", "[", "{"}
    return "".join(parts), spans


def _tokens_in(arg_start: int, arg_end: int, tokens: list[str],
               spans: list[tuple[int, int]]) -> str:
    return " ".join(t for t, (s, e) in zip(tokens, spans, strict=True)
                    if s < arg_end and e > arg_start)


def _with_preposition(doc: Doc, arg: Argument) -> tuple[int, int]:
    """Extend an extra argument to take in its preposition ("to China")."""
    span = doc.char_span(arg.head_start, arg.head_end, alignment_mode="expand")
    if span is None:
        return arg.start, arg.end
    head = span[0]
    prep = head.head
    if prep.dep_ in {"prep", "agent", "dative"} and prep.i < head.i and prep.idx < arg.start:
        return prep.idx, arg.end
    return arg.start, arg.end


def carb_rows(
    doc: Doc, tokens: list[str], spans: list[tuple[int, int]], sentence: str
) -> Iterator[tuple[Statement, str, dict[str, float]]]:
    """CaRB rows for one parsed sentence: (statement, row, its confidence features).

    Statements without an object are skipped (every CaRB tuple has two arguments).
    """
    for sent in view(doc).sents:
        for fields, feats in sentence_candidates(sent):
            if not fields["objects"]:
                continue
            st = Statement(confidence=confidence(feats), **fields)
            row = _row(doc, st, tokens, spans, sentence)
            if row is not None:
                yield st, row, feats


def _row(doc: Doc, st: Statement, tokens: list[str], spans: list[tuple[int, int]],
         sentence: str) -> str | None:
    """One CaRB row, arguments written with the input tokens."""
    relation = st.relation
    if st.rule in IMPLICIT_RULES and relation.split()[0] in {"is", "has"}:
        first, _, rest = relation.partition(" ")
        relation = ("be" if first == "is" else first) + (" " + rest if rest else "")
    args = [_tokens_in(st.subject.start, st.subject.end, tokens, spans)]
    for k, obj in enumerate(st.objects):
        start, end = obj.start, obj.end
        in_relation = k == 0 and relation.rsplit(" ", 1)[-1].lower() == obj.role
        if obj.role not in {"obj", "time", "subj"} and not in_relation:
            start, end = _with_preposition(doc, obj)
        args.append(_tokens_in(start, end, tokens, spans))
    if not all(args):
        return None
    return "\t".join([sentence, f"{st.confidence:.4f}", relation, *args])


def carb_lines(
    lines: Iterable[str],
    *,
    nlp: Language | None = None,
    batch_size: int = 256,
    min_confidence: float = 0.0,
) -> Iterator[str]:
    """Extract from CaRB input sentences; yield ``sentence<TAB>conf<TAB>rel<TAB>args…``.

    Each line is one PTB-tokenised sentence; it is detokenised, parsed as one text,
    and every statement with at least one object (and at least ``min_confidence``)
    becomes a row whose arguments are written with the line's own tokens, as CaRB's
    scorer compares whitespace tokens. An implicit "is"/"has" (appositions, titles,
    possessives) is written "be"/"has", which the scorer lets match any form of "be".
    Empty lines are skipped.

    >>> rows = carb_lines(["Navalny was airlifted to Berlin ."])  # doctest: +SKIP
    >>> next(rows).split("\t")[2:]                                # doctest: +SKIP
    ['was airlifted to', 'Navalny', 'Berlin']
    """
    if nlp is None:
        from kg.nlp import load

        nlp = load()
    items: list[tuple[str, list[str], list[tuple[int, int]]]] = []
    texts: list[str] = []

    def gen() -> Iterator[str]:
        for line in lines:
            sentence = line.strip()
            if not sentence:
                continue
            tokens = sentence.split()
            text, spans = detokenize(tokens)
            items.append((sentence, tokens, spans))
            texts.append(text)
            yield text

    for n, doc in enumerate(nlp.pipe(gen(), batch_size=batch_size)):
        sentence, tokens, spans = items[n]
        items[n] = ("", [], [])
        for st, row, _ in carb_rows(doc, tokens, spans, sentence):
            if st.confidence >= min_confidence:
                yield row
