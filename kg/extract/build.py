"""From frames and nominal facts to :class:`~kg.types.Statement` objects.

Coordination is split here (one statement per subject conjunct and per conjunct
of the second argument), reciprocal coordinations are turned into one statement
per direction, and the flags (negation, modality, tense, speaker, passive) and
the confidence are set.

Relation lemmas (``Statement.lemma``) are the lower-case lemmas of the relation's
content words: the verb, its particle, a predicative adjective, "to" plus the
verb of a control chain, and the preposition the relation ends with; auxiliaries,
modals, negation, adverbs and "that" are dropped. An implicit relation reads
"be", "be in", "have" or "have <noun> with". Examples: "was airlifted to" →
"airlift to", "are jointly working to develop" → "work to develop",
"did not approach" → "approach", "is" → "be".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from kg.extract.clauses import Frame, Obj, speaker_of
from kg.extract.confidence import features
from kg.extract.labels import (
    AUXILIARIES,
    CASE_MARKERS,
    CONJUNCTS,
    CONTRACTIONS,
    FUTURE_MODALS,
    MODALS,
    NEGATIONS,
    NOMINALS,
    PAST_TAGS,
    PRESENT_TAGS,
    RECIPROCALS,
    VERBALS,
)
from kg.extract.nominal import NominalFact
from kg.extract.spans import argument, clause_argument, token_range
from kg.extract.tokens import Tok as Token
from kg.extract.tokens import TSpan as Span
from kg.types import Argument

__all__ = ["Candidate", "SentenceInfo", "fact_statements", "frame_statements", "sentence_info"]


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    """The sentence's stripped text and offsets, its main-clause tense, and the
    speaker of a quotation it lies inside (found across sentences)."""

    span: Span
    text: str
    start: int
    end: int
    tense: str | None
    speaker: Token | None = None


def sentence_info(sent: Span, speaker: Token | None = None) -> SentenceInfo:
    """Offsets of ``sent`` with surrounding whitespace stripped."""
    raw = sent.text  # == doc.text[sent.start_char:sent.end_char]
    stripped = raw.lstrip()
    start = sent.start_char + len(raw) - len(stripped)
    stripped = stripped.rstrip()
    tense = _tense([*sent.root.children, sent.root])
    return SentenceInfo(sent, stripped, start, start + len(stripped), tense, speaker)


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and its nominal conjuncts ("Russia and China" → [Russia, China])."""
    out = [tok]
    stack = [tok]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if c.dep_ in CONJUNCTS and c.pos_ in NOMINALS and c not in out:
                out.append(c)
                stack.append(c)
    out.sort(key=lambda t: t.i)
    return out


def _norm(tok: Token) -> str:
    return tok.lower_.replace("\u2019", "'")


def _modality(rel: list[Token]) -> str | None:
    for t in rel:
        if t.tag_ == "MD" and _norm(t) in MODALS:
            return MODALS[_norm(t)]
    return None


def _verb_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    if not lemma.isalpha():
        lemma = CONTRACTIONS.get(_norm(tok), lemma)
    return lemma


def _tense(rel: list[Token]) -> str | None:
    for t in sorted(rel, key=lambda x: x.i):
        if t.dep_ not in AUXILIARIES and t.head.i != t.i and t.pos_ not in VERBALS:
            continue
        if t.tag_ == "MD" and _norm(t) in MODALS:
            return "future" if MODALS[_norm(t)] in FUTURE_MODALS else None
        if t.tag_ in PAST_TAGS:
            return "past"
        if t.tag_ in PRESENT_TAGS:
            return "present"
    return None


def _lemma(frame: Frame) -> str:
    words: list[str] = []
    if frame.prefix:
        words.append("be")
    for i, t in enumerate(frame.rel):
        if t.dep_ in NEGATIONS or _norm(t) in MODALS or t.dep_ == "advmod" or t.dep_ == "mark":
            continue
        if t.dep_ in AUXILIARIES:
            if t.tag_ == "TO" and i > 0 and words:
                words.append("to")
            continue
        words.append(_verb_lemma(t) if t.pos_ in VERBALS else t.lower_)
    return " ".join(words) or "be"


def _reciprocal_marker(doc_tokens: list[Token]) -> tuple[int, int] | None:
    for a, b in pairwise(doc_tokens):
        if (a.lower_, b.lower_) in RECIPROCALS:
            return a.i, b.i + 1
    return None


def _object_args(frame: Frame, obj: Obj, exclude: frozenset[int], split: bool) -> list[Argument]:
    if obj.clause:
        return [clause_argument(obj.head, obj.role, exclude=exclude)]
    heads = conjuncts(obj.head) if split else [obj.head]
    return [argument(h, obj.role, split_conj=split, exclude=exclude) for h in heads]


#: A statement before its confidence: the Statement fields, and its features.
Candidate = tuple[dict[str, Any], dict[str, float]]


def frame_statements(frame: Frame, info: SentenceInfo) -> Iterator[Candidate]:
    """Candidates for one frame: one per subject conjunct x second-argument conjunct."""
    verb = frame.verb
    exclude = frozenset({verb.i})
    subj = frame.subject
    if subj.pos_ in VERBALS:
        subjects = [clause_argument(subj, "subj", exclude=exclude)]
        subj_heads = [subj]
    else:
        subj_heads = conjuncts(subj) if frame.how != "acl" else [subj]
        subj_heads = sorted([*subj_heads, *frame.co_subjects], key=lambda t: t.i)
        subjects = [argument(h, "subj", exclude=exclude, start_at=frame.subject_start)
                    for h in subj_heads]
    rel_words = [t.text for t in frame.rel]
    relation = " ".join([frame.prefix, *rel_words] if frame.prefix else rel_words)
    negated = any(t.dep_ in NEGATIONS for t in frame.rel)
    modality = _modality(frame.rel)
    tense = _tense(frame.rel) if any(t.tag_ in _FINITE_TAGS for t in frame.rel) else info.tense
    if frame.prefix:
        tense = info.tense if info.tense != "future" else "present"
    speaker_tok = speaker_of(verb) or info.speaker
    speaker = argument(speaker_tok, "speaker") if speaker_tok is not None else None
    lemma = _lemma(frame)
    base: dict[str, Any] = dict(
        sentence=info.text, sentence_start=info.start, sentence_end=info.end,
        negated=negated, modality=modality, tense=tense, speaker=speaker,
        passive=frame.passive,
    )

    # reciprocal coordination: "X and Y cooperate", "X and Y call each other friend"
    if len(subj_heads) == 2 and subj.pos_ not in VERBALS:
        recips = list(_reciprocal(frame, subj_heads, subjects, relation, lemma))
        if recips:
            for sub, rel, lem, objs in recips:
                feats = features("reciprocal", sub, objs, frame, info)
                yield dict(subject=sub, relation=rel, lemma=lem, objects=objs,
                           rule="reciprocal", **base), feats
            return

    first_args: list[Argument] = []
    extra_args: list[Argument] = []
    subjects = [a for a in subjects if _wordy(a)]
    for k, obj in enumerate(frame.objects):
        args = [a for a in _object_args(frame, obj, exclude, split=(k == 0)) if _wordy(a)]
        if not args:
            continue
        if not first_args:
            first_args = args
        else:
            extra_args.extend(args)
    for sub in subjects:
        if not first_args:
            feats = features(frame.rule, sub, (), frame, info)
            yield dict(subject=sub, relation=relation, lemma=lemma, objects=(),
                       rule=frame.rule, **base), feats
            continue
        for first in first_args:
            if _overlaps(sub, first):
                continue
            objs = (first, *(a for a in extra_args if not _overlaps(a, sub)))
            feats = features(frame.rule, sub, objs, frame, info)
            yield dict(subject=sub, relation=relation, lemma=lemma, objects=objs,
                       rule=frame.rule, **base), feats


_WORD = re.compile(r"[^\W_]")
_FINITE_TAGS = PAST_TAGS | PRESENT_TAGS | {"MD"}


def _wordy(a: Argument) -> bool:
    return _WORD.search(a.text) is not None


def _overlaps(a: Argument, b: Argument) -> bool:
    return a.start < b.end and b.start < a.end


def _reciprocal(
    frame: Frame, heads: list[Token], subjects: list[Argument], relation: str, lemma: str
) -> Iterator[tuple[Argument, str, str, tuple[Argument, ...]]]:
    doc = frame.verb.doc
    exclude = frozenset({frame.verb.i})
    marker: tuple[int, int] | None = None
    marked = -1
    for k, obj in enumerate(frame.objects):
        if obj.clause:
            continue
        lo, hi = token_range(obj.head, exclude=exclude)
        found = _reciprocal_marker(doc[lo:hi])
        if found is not None:
            marker, marked = found, k
            break
    if marker is None:
        if frame.objects or frame.verb.pos_ != "VERB":
            return
        # intransitive coordination: "Russia and China cooperate" → cooperate with
        for a, b in ((0, 1), (1, 0)):
            yield (subjects[a], relation + " with", lemma + " with",
                   (argument(heads[b], "with"),))
        return
    obj = frame.objects[marked]
    lo, hi = token_range(obj.head, exclude=exclude)
    rest: list[Argument] = []
    for k, other in enumerate(frame.objects):
        if k != marked:
            rest.extend(_object_args(frame, other, exclude, split=False))
    for a, b in ((0, 1), (1, 0)):
        partner = argument(heads[b], obj.role)
        objs: list[Argument] = [partner]
        if marker[1] < hi:
            # the marker only starts the object: "call each other friend"
            remainder = argument(obj.head, "obj", exclude=exclude, start_after=marker[1] - 1)
            if remainder.text.strip("\u2018\u2019'\"` ,"):
                objs.append(remainder)
        yield subjects[a], relation, lemma, (*objs, *rest)


def fact_statements(fact: NominalFact, info: SentenceInfo) -> Iterator[Candidate]:
    """Statements for an implicit be/have fact inside a noun phrase."""
    doc = info.span.doc
    if fact.subject_range is not None:
        lo, hi = fact.subject_range
        subject = _range_arg(doc[lo:hi], fact.subject, "subj")
    else:
        cut = {fact.obj.i, fact.obj.head.i,
               *(c.i for c in fact.subject.children if c.dep_ in CASE_MARKERS)}
        subject = argument(fact.subject, "subj", exclude=frozenset(cut))
    if fact.object_range is not None:
        lo, hi = fact.object_range
        objects = [_range_arg(doc[lo:hi], fact.obj, "obj")]
    else:
        heads = conjuncts(fact.obj) if fact.split_object else [fact.obj]
        objects = [
            argument(h, "obj", exclude=frozenset({fact.subject.i}), start_after=fact.object_after)
            for h in heads
        ]
    for obj in objects:
        if _overlaps(subject, obj) or not obj.text or not subject.text:
            continue
        feats = features(fact.rule, subject, (obj,), None, info)
        yield dict(
            subject=subject, relation=fact.relation, lemma=fact.lemma, objects=(obj,),
            sentence=info.text, sentence_start=info.start, sentence_end=info.end,
            rule=fact.rule, tense=info.tense if info.tense != "future" else "present",
        ), feats


def _range_arg(span: list[Token], head: Token, role: str) -> Argument:
    start = span[0].idx
    end = span[-1].idx + len(span[-1].text)
    return Argument(text=head.doc.text[start:end], start=start, end=end, head_start=head.idx,
                    head_end=head.idx + len(head.text), label=head.ent_type_, role=role)
