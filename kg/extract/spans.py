"""Argument spans: from a head token to a contiguous, trimmed character span.

An argument is the head's subtree with relative clauses, appositions, conjuncts
(when the caller splits them) and trailing clauses cut away, then narrowed to the
contiguous run of tokens around the head and trimmed of edge punctuation.
"""

from __future__ import annotations

from kg.extract.labels import COORDINATORS, DEEP_CUTS, MARKERS, TOP_CUTS
from kg.extract.tokens import Tok as Token
from kg.types import Argument

__all__ = ["argument", "clause_argument", "one_name", "token_range"]

_OPENING = frozenset({"(", "[", "{", "\u201c", "\u2018", "`", "``", '"', "'"})
_CLOSING = {")": "(", "]": "[", "}": "{", "\u201d": "\u201c", "\u2019": "\u2018"}
_QUOTES = {"\u201c": "\u201d", "\u2018": "\u2019", '"': '"', "'": "'", "``": "''", "`": "'"}
_KEEP_CUTS_WITH_CONJ = TOP_CUTS - {"conj", "cc", "preconj"}


_COORDINATION = frozenset({"conj", "cc"})


#: Entity types whose "X and Y" inside one tag is as often two of them ("Ant and Dec").
_PAIRED_TYPES = frozenset({"PERSON", "NORP"})


def one_name(a: Token, b: Token) -> bool:
    """Whether two tokens lie inside one named entity, joined by "&" ("Ernst" and
    "Young" of "Ernst & Young") or by an "and" whose sides the document never writes
    without the other ("Bride and Prejudice"; not "Arsenal and Real Madrid" where it
    writes "Arsenal" elsewhere), which the coordination does not split."""
    if not a.ent_type_ or a.ent_type_ != b.ent_type_:
        return False
    lo, hi = (a, b) if a.i < b.i else (b, a)
    tokens = lo.doc.tokens
    between = tokens[lo.i + 1 : hi.i + 1]
    if not all(t.ent_iob_ == "I" for t in between):
        return False
    if any(t.text == "&" for t in between):
        return True
    if a.ent_type_ in _PAIRED_TYPES:
        return False
    cc = next((t for t in between if t.lower_ == "and"), None)
    if cc is None:
        return False
    start = lo.i
    while start > 0 and tokens[start].ent_iob_ == "I":
        start -= 1
    end = hi.i
    while end + 1 < len(tokens) and tokens[end + 1].ent_iob_ == "I":
        end += 1
    text = lo.doc.text
    left = text[tokens[start].idx : cc.idx].strip()
    right = text[cc.idx + len(cc.text) : tokens[end].idx + len(tokens[end].text)].strip()
    whole = text.count(text[tokens[start].idx : tokens[end].idx + len(tokens[end].text)])
    return text.count(left) <= whole and text.count(right) <= whole


def token_range(
    head: Token,
    *,
    split_conj: bool = True,
    exclude: frozenset[int] = frozenset(),
) -> tuple[int, int]:
    """The token range ``[start, end)`` of the argument headed by ``head``.

    ``split_conj`` cuts the head's conjuncts (one argument per conjunct);
    ``exclude`` names token indices that must stay outside the span (e.g. the
    verb of an enclosing clause).
    """
    cuts = TOP_CUTS if split_conj else _KEEP_CUTS_WITH_CONJ
    at = head.i
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    start, end = lo, hi
    for child in head.children:
        dep, i = child.dep_, child.i
        if dep in _COORDINATION and one_name(head, child):
            continue  # "Ernst & Young", "Marks & Spencer": one name, no coordination
        # (the cheap tests of _set_off and _score first: most children fail them)
        if (dep in cuts or i in exclude or ((i < at or dep == "acl") and _set_off(child))
                or (dep == "nummod" and _score(child))):
            if i < at:
                edge = child.right_edge.i + 1
                if edge > start:
                    start = edge
            else:
                edge = child.left_edge.i
                if edge < end:
                    end = edge
    tokens = head.doc.tokens
    if hi - lo > 3:
        deep = DEEP_CUTS
        for tok in tokens[start:end]:
            if tok.dep_ not in deep or tok.i == at:
                continue
            if tok.i < at:
                start = max(start, tok.right_edge.i + 1)
            else:
                end = min(end, tok.left_edge.i)
    return _trim(tokens, start, end, at)


def _score(child: Token) -> bool:
    """A result after a name that the parser hung on it ("beat Chelsea [2]-0")."""
    tokens = child.doc.tokens
    k = child.i
    return (child.i > child.head.i and child.dep_ == "nummod" and k + 2 < len(tokens)
            and child.head.pos_ == "PROPN"
            and child.text.isdigit() and tokens[k + 1].text in {"-", "\u2013"}
            and tokens[k + 2].text.isdigit())


def _set_off(child: Token) -> bool:
    """A modifier set off by a comma: a participle after the head ("The report,
    published on Monday,") or a fronted phrase before it ("Consistent with X, Y")."""
    if child.i > child.head.i:
        if child.dep_ != "acl":
            return False
        lo = child.left_edge.i
        return lo > 0 and child.doc.tokens[lo - 1].text == ","
    lo, hi = child.left_edge.i, child.right_edge.i
    return hi - lo >= 2 and hi + 1 < child.head.i and child.doc.tokens[hi + 1].text == ","


def _trim(doc: list[Token], start: int, end: int, keep: int) -> tuple[int, int]:
    """``[start, end)`` without edge whitespace, punctuation and coordinators (never
    past token ``keep``); brackets and quotes stay when they pair up inside."""
    while start < keep and doc[start].is_space:
        start += 1
    while end - 1 > keep and doc[end - 1].is_space:
        end -= 1
    while start < keep and (doc[start].is_punct or doc[start].dep_ in COORDINATORS):
        if doc[start].text in _OPENING and _has_closer(doc, start, end):
            break
        start += 1
    while end - 1 > keep and (doc[end - 1].is_punct or doc[end - 1].is_space
                              or doc[end - 1].dep_ in COORDINATORS):
        last = doc[end - 1].text
        opener = _CLOSING.get(last)
        if opener is not None and any(t.text == opener for t in doc[start : end - 1]):
            break
        if last in {'"', "'"} and sum(t.text == last for t in doc[start : end - 1]) % 2 == 1:
            break  # closes a straight quote opened inside the span
        end -= 1
    # a lone opening bracket or quote left at the start
    if start < keep and doc[start].text in _OPENING and not _has_closer(doc, start, end):
        start += 1
    # a phrase in quotes whose quote marks hang elsewhere in the tree: take them in
    if start > 0 and end < len(doc) and doc[start - 1].text in _QUOTES:
        before, after = doc[start - 1].text, doc[end].text
        pairs = _QUOTES[before] == after or (before in {'"', "'"} and after == before)
        if pairs and not any(t.text in _QUOTES or t.text == after for t in doc[start:end]):
            start, end = start - 1, end + 1
    return start, end


def _has_closer(doc: list[Token], start: int, end: int) -> bool:
    opener = doc[start].text
    for tok in doc[start + 1 : end]:
        if _CLOSING.get(tok.text) == opener or (tok.text == opener and opener in {'"', "'"}):
            return True
        if opener in {"``", "`"} and tok.text in {"''", "'"}:
            return True
    return False


def argument(
    head: Token,
    role: str,
    *,
    split_conj: bool = True,
    exclude: frozenset[int] = frozenset(),
    start_after: int | None = None,
    start_at: int | None = None,
) -> Argument:
    """An :class:`~kg.types.Argument` for the phrase headed by ``head``.

    ``start_after`` drops every token up to and including that index (used to
    take the possessed noun out of "NATO's expansion"); ``start_at`` extends the
    span leftwards to that index (a noun phrase the parser split in two).
    """
    start, end = token_range(head, split_conj=split_conj, exclude=exclude)
    if start_at is not None and start_at < start:
        start = start_at
    if start_after is not None and start <= start_after < head.i:
        start, end = _trim(head.doc.tokens, start_after + 1, end, head.i)
    return _make(head, role, start, end)


def clause_argument(verb: Token, role: str, *, exclude: frozenset[int] = frozenset()) -> Argument:
    """An argument that is a whole clause (reported speech, "that"-clauses)."""
    doc = verb.doc.tokens
    start, end = verb.left_edge.i, verb.right_edge.i + 1
    for child in verb.children:
        if child.i in exclude:
            if child.i < verb.i:
                start = max(start, child.right_edge.i + 1)
            else:
                end = min(end, child.left_edge.i)
    while start < verb.i and doc[start].dep_ in MARKERS and doc[start].head.i == verb.i:
        start += 1
    start, end = _trim(doc, start, end, verb.i)
    return _make(verb, role, start, end)


def _make(head: Token, role: str, start: int, end: int) -> Argument:
    doc = head.doc
    tokens = doc.tokens
    last = tokens[end - 1]
    cstart, cend = tokens[start].idx, last.idx + len(last.text)
    return Argument(
        text=doc.text[cstart:cend],
        start=cstart,
        end=cend,
        head_start=head.idx,
        head_end=head.idx + len(head.text),
        label=head.ent_type_,
        role=role,
    )
