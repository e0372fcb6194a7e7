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
from operator import attrgetter
from typing import Any

from kg.extract.clauses import Frame, Obj, adverb_particle, instead_of, speaker_of
from kg.extract.confidence import features
from kg.extract.labels import (
    AUXILIARIES,
    CASE_MARKERS,
    CONJUNCTS,
    CONTRACTIONS,
    FINITE_TAGS,
    FUTURE_MODALS,
    MODALS,
    MUTUAL_VERBS,
    NEGATIONS,
    NOMINALS,
    PAST_TAGS,
    PRESENT_TAGS,
    RECIPROCALS,
    VERBALS,
)
from kg.extract.nominal import NominalFact
from kg.extract.spans import argument, clause_argument, one_name, token_range
from kg.extract.tokens import Tok as Token
from kg.extract.tokens import TSpan as Span
from kg.nlp import unhyphened
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
    root = sent.root
    tense = _tense([*root.children, root])
    return SentenceInfo(sent, stripped, start, start + len(stripped), tense, speaker)


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and its nominal conjuncts ("Russia and China" → [Russia, China])."""
    out = [tok]
    stack = [tok]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if (c.dep_ in CONJUNCTS and c.pos_ in NOMINALS and c not in out
                    and not one_name(cur, c) and not instead_of(c)):
                # (not inside one name: "Ernst & Young", "Marks & Spencer"; nor the
                # one not taken: "opted for Nyanga instead of Harinordoquy")
                out.append(c)
                stack.append(c)
    if len(out) > 1:
        out.sort(key=_position)
    return out


_position = attrgetter("i")


def _norm(tok: Token) -> str:
    return tok.lower_.replace("\u2019", "'")


def _modality(rel: list[Token]) -> str | None:
    for t in rel:
        if t.tag_ == "MD":
            modal = MODALS.get(_norm(t))
            if modal is not None:
                return modal
    return None


def _shared_by_coordination(verb: Token) -> tuple[str | None, bool]:
    """The modal and the negation that a coordinated verb in its base form, with no
    auxiliary of its own, shares with the verb it is coordinated with: "Leeds may
    sell the striker and sign Hale" (may sign), "did not sell X and buy Y"; none
    for a verb with a tense of its own ("could not keep Smith and sold him")."""
    if verb.tag_ != "VB" or verb.dep_ not in CONJUNCTS or any(
            c.dep_ in AUXILIARIES for c in verb.children):
        return None, False
    head = verb.head
    while (head.dep_ in CONJUNCTS and head.tag_ == "VB" and head.head.pos_ in VERBALS
           and not any(c.dep_ in AUXILIARIES for c in head.children)):
        head = head.head  # "may sell X, buy Y and sign Z"
    modal = next((MODALS[_norm(c)] for c in head.children
                  if c.tag_ == "MD" and _norm(c) in MODALS), None)
    return modal, any(c.dep_ in NEGATIONS for c in head.children)


def _verb_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    if not lemma.isalpha():
        lemma = CONTRACTIONS.get(_norm(tok), lemma)
    return lemma


def _tense(rel: list[Token]) -> str | None:
    for t in sorted(rel, key=_position):
        if t.dep_ not in AUXILIARIES and t.head.i != t.i and t.pos_ not in VERBALS:
            continue
        if t.tag_ == "MD" and _norm(t) in MODALS:
            return "future" if MODALS[_norm(t)] in FUTURE_MODALS else None
        if t.tag_ in PAST_TAGS:
            return "past"
        if t.tag_ in PRESENT_TAGS:
            return "present"
    return None


def _arranged(rel: list[Token]) -> bool:
    """Whether the relation is "is to VERB" / "are to VERB": an act arranged, still
    to come ("British Airways is to halt its flights")."""
    ordered = sorted(rel, key=_position)
    return any(a.lemma_ == "be" and a.tag_ in PRESENT_TAGS and b.tag_ == "TO"
               for a, b in pairwise(ordered))


#: Days a fixture is set for ("on Tuesday"), and days that are still to come.
_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                   "sunday", "tomorrow", "tonight"})
#: Words of a time still to come ("tomorrow", "next week", "later this month").
_COMING = frozenset({"tomorrow", "tonight", "next", "later"})
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july",
                     "august", "september", "october", "november", "december"})


def _scheduled(verb: Token) -> bool:
    """Whether a present-tense verb has a time of its own that says when an act
    still to come will happen, as news writes fixtures and plans: a weekday, a
    day of a month or a coming time ("England face Italy on 12 March", "he plays
    Karol Beck on Tuesday", "Chelsea host Arsenal next week"); not "on Sundays" (a
    habit), a time of the past ("last week") nor an act done ("have named Stevens for
    their match on Sunday")."""
    if verb.tag_ == "VBN":
        return False
    if _a_journey(verb):
        return True
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "in" and verb.tag_ in {"VBZ", "VBP"} and any(
                c.dep_ == "pobj" and _a_round(c) for c in child.children):
            return True  # "plays Greg Rusedski in the second round" (not "after disposing
            # of Cardiff in the third round")
        if child.dep_ == "prep" and child.lower_ == "on":
            times = [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ in {"npadvmod", "advmod"}:
            times = [child]
        else:
            continue
        for time in times:
            words = {t.lower_ for t in time.subtree}
            if "last" in words or "ago" in words or time.tag_ in {"NNS", "NNPS"}:
                continue
            if time.lower_ in _DAYS or (
                    time.ent_type_ in {"DATE", "TIME"} and (words & _COMING or (
                        words & _MONTHS and any(t.text.isdigit() for t in time.subtree)))):
                return True
    return False


def _awaited(verb: Token) -> bool:
    """Whether a present-tense clause is one that its sentence waits for ("before
    England and France come to Lansdowne Road", "until he signs"): what happens
    before or until it is still to come, so it is too."""
    return any(c.dep_ == "mark" and c.lower_ in {"before", "until", "till"}
               for c in verb.children)


#: Verbs of a journey, whose present simple news uses for one planned.
_JOURNEYS = frozenset({"travel", "go", "come", "head", "fly"})


def _a_journey(verb: Token) -> bool:
    """Whether a verb is a journey told in the present simple, which news uses for
    one planned ("Now the Italians travel to Edinburgh", "Helen Clitheroe now goes to
    Madrid", "Crystal Palace go to Sunderland"): a journey made is told in the past
    ("has flown to Dublin"), one under way with "-ing"."""
    return (verb.tag_ in {"VBZ", "VBP"} and verb.lemma_ in _JOURNEYS
            and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children))


#: Nouns of a round of a draw ("the second round", "the last 16", "the semi-finals").
_ROUNDS = frozenset({"round", "16", "eight", "four", "final", "semi-final", "quarter-final",
                     "semi-finals", "quarter-finals", "semis", "semi", "quarters"})


def _a_round(noun: Token) -> bool:
    """Whether ``noun`` is a round of a draw still to be played or the next one: a
    present tense against an opponent "in the second round", "in the last 16", "in
    the next round", "in an all-Australian final" is a fixture, as news writes the
    draw (a round played is told in the past tense; "in rounds" is none)."""
    words = [t.lower_ for t in noun.subtree]
    return noun.lower_ in _ROUNDS and (words[0] in {"the", "a", "an"} or "next" in words)


def _lemma(frame: Frame) -> str:
    words: list[str] = []
    if frame.prefix:
        words.append("be")
    for i, t in enumerate(frame.rel):
        dep = t.dep_
        if dep in NEGATIONS or dep == "mark" or _norm(t) in MODALS or (
                dep == "advmod" and not (i and frame.rel[i - 1].pos_ in VERBALS
                                         and adverb_particle(t, frame.rel[i - 1]))):
            continue  # (not "brushed aside": a particle the parse made an adverb)
        if dep in AUXILIARIES:
            if t.tag_ == "TO" and i > 0 and words:
                words.append("to")
            continue
        words.append(_verb_lemma(t) if t.pos_ in VERBALS else unhyphened(t.lower_))
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


#: Words in a relative clause that make it every antecedent's ("who both scored").
_EVERY = frozenset({"both", "all", "each", "together"})


def _last_only(frame: Frame, heads: list[Token]) -> bool:
    """Whether a relative clause after a list is its last member's only: its verb
    agrees with one ("X, Y and Z, which is ..."), or the list has three members or
    more and nothing says it is all of theirs ("Edge of Darkness, Vertical Limit and
    Beyond Borders, which starred Angelina Jolie"); "Lucas and Walliams, who were
    ..." and "X, Y and Z, who all ..." stay each member's."""
    verb = frame.verb
    if any(t.lower_ in _EVERY for t in verb.subtree):
        return False
    finite = next((t for t in sorted(frame.rel, key=_position) if t.tag_ in FINITE_TAGS),
                  None)
    if finite is not None and (finite.tag_ == "VBZ" or finite.lower_ == "was"):
        return True
    if finite is not None and (finite.tag_ == "VBP" or finite.lower_ == "were"):
        return False
    return len(heads) >= 3


def frame_statements(frame: Frame, info: SentenceInfo) -> Iterator[Candidate]:
    """Candidates for one frame: one per subject conjunct x second-argument conjunct."""
    verb = frame.verb
    exclude = frozenset({verb.i})
    subj = frame.subject
    if subj.pos_ in VERBALS:
        subjects = [clause_argument(subj, "subj", exclude=exclude)]
        subj_heads = [subj]
    else:
        subj_heads = conjuncts(subj) if frame.how != "acl" else [subj]  # in order already
        if frame.how == "relcl" and len(subj_heads) > 1:
            before = [h for h in subj_heads if h.i < verb.i]
            if before and (len(before) < len(subj_heads) or _last_only(frame, subj_heads)):
                # ("the X flag, which protects ..., and the Y flag": the clause comes
                # before Y, and is X's)
                subj_heads = before[-1:]
        if frame.co_subjects:
            subj_heads = sorted([*subj_heads, *frame.co_subjects], key=_position)
        subjects = [argument(h, "subj", exclude=exclude, start_at=frame.subject_start)
                    for h in subj_heads]
    rel = frame.rel
    rel_words = [t.text for t in rel]
    relation = " ".join([frame.prefix, *rel_words] if frame.prefix else rel_words)
    negated = False
    finite = False
    for t in rel:
        if t.dep_ in NEGATIONS:
            negated = True
        if t.tag_ in FINITE_TAGS:
            finite = True
    modality = _modality(rel)
    if frame.how == "conj":
        shared, denied = _shared_by_coordination(verb)
        modality = modality or shared
        negated = negated or denied
    if frame.prefix:
        tense = info.tense if info.tense != "future" else "present"
    else:
        tense = _tense(rel) if finite else info.tense
        if tense == "present" and (_arranged(rel) or _scheduled(verb) or (
                verb.dep_ == "advcl" and (_scheduled(verb.head) or _awaited(verb)))):
            # "... on Tuesday when he plays Karol Beck": the time of the clause it
            # hangs on; "before England and France come to Lansdowne Road"
            tense = "future"
    speaker_tok = speaker_of(verb) or info.speaker
    speaker = argument(speaker_tok, "speaker") if speaker_tok is not None else None
    lemma = _lemma(frame)
    base: dict[str, Any] = {
        "sentence": info.text, "sentence_start": info.start, "sentence_end": info.end,
        "negated": negated, "modality": modality, "tense": tense, "speaker": speaker,
        "passive": frame.passive,
    }

    # reciprocal coordination: "X and Y cooperate", "X and Y call each other friend"
    if len(subj_heads) == 2 and subj.pos_ not in VERBALS:
        recips = list(_reciprocal(frame, subj_heads, subjects, relation, lemma))
        if recips:
            for sub, rel_text, lem, objs in recips:
                feats = features("reciprocal", sub, objs, frame, info)
                yield {"subject": sub, "relation": rel_text, "lemma": lem, "objects": objs,
                       "rule": "reciprocal", **base}, feats
            return

    first_args: list[Argument] = []
    extra_args: list[Argument] = []
    subjects = [a for a in subjects if _has_word(a.text)]
    for k, obj in enumerate(frame.objects):
        args = [a for a in _object_args(frame, obj, exclude, split=(k == 0))
                if _has_word(a.text)]
        if not args:
            continue
        if not first_args:
            first_args = args
        else:
            extra_args.extend(args)
    rule = frame.rule
    for sub in subjects:
        if not first_args:
            feats = features(rule, sub, (), frame, info)
            yield {"subject": sub, "relation": relation, "lemma": lemma, "objects": (),
                   "rule": rule, **base}, feats
            continue
        for first in first_args:
            if _overlaps(sub, first):
                continue
            if extra_args:
                objs = (first, *[a for a in extra_args if not _overlaps(a, sub)])
            else:
                objs = (first,)
            feats = features(rule, sub, objs, frame, info)
            out = {"subject": sub, "relation": relation, "lemma": lemma, "objects": objs,
                   "rule": rule, **base}
            if _denied_conjunct(sub) or _denied_conjunct(first):
                out["negated"] = not negated  # "in Manchester and not Blackpool"
            elif _none_of(first):
                out["negated"] = True  # "were no match for", "have no interest in"
            yield out, feats


def _denied_conjunct(arg: Argument) -> bool:
    """Whether a conjunct is the one the coordination denies ("in Manchester and not
    Blackpool", "Brown, not Blair, will ..."; not "not only X but Y")."""
    words = arg.text.split(None, 2)
    return len(words) > 1 and words[0].lower() == "not" and words[1].lower() not in {
        "only", "just", "merely", "least", "to", "a", "an", "one"}


def _none_of(arg: Argument) -> bool:
    """Whether the verb's own object or complement is denied by "no" ("were no match
    for Benita Johnson", "has had no contact with Cole", "signed no deal with"): the
    relation it names, with the noun, does not hold (not a name: "No Doubt", "No 10").
    """
    words = arg.text.split(None, 2)
    return (arg.role in {"obj", "attr"} and len(words) > 1 and words[0] == "no"
            and words[1].isalpha() and words[1].islower())


#: Whether a text has a letter or digit (an argument that is only punctuation is dropped).
_has_word = re.compile(r"[^\W_]").search


def _overlaps(a: Argument, b: Argument) -> bool:
    return a.start < b.end and b.start < a.end


#: Prepositions of an intransitive coordination's objects that say where, when or
#: on what the two act together, not a third party ("cooperate in the security
#: area", "met in Moscow", "clashed over the budget"; not "talk to X", "fight for X").
_CIRCUMSTANCES = frozenset({"in", "on", "at", "over", "about", "during"})
#: Words that make a coordination's act each member's own ("both worked on").
_DISTRIBUTIVE = frozenset({"both", "each"})


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
        found = _reciprocal_marker(doc.tokens[lo:hi])
        if found is not None:
            marker, marked = found, k
            break
    if marker is None:
        lo = min(h.i for h in heads)
        if any(t.lower_ in _DISTRIBUTIVE for t in doc.tokens[lo:frame.verb.i]) or any(
                c.lower_ in _DISTRIBUTIVE for c in frame.verb.children):
            return  # "Purvis and Wade, who have both worked on": each did
        if frame.verb.pos_ != "VERB" or (frame.objects and (
                frame.passive or lemma.split()[0] not in MUTUAL_VERBS or any(
                    obj.clause or obj.role not in _CIRCUMSTANCES for obj in frame.objects))):
            return
        # intransitive coordination: "Russia and China cooperate [in the security
        # area]" → cooperate with, where and on what it says kept after the partner
        where = tuple(a for obj in frame.objects
                      for a in _object_args(frame, obj, exclude, split=False))
        prep = frame.objects[0].prep if frame.objects else None
        if prep is not None and prep in frame.rel:  # the first object's, no longer first
            relation = relation.removesuffix(f" {prep.text}")
            lemma = lemma.removesuffix(f" {prep.lower_}")
        for a, b in ((0, 1), (1, 0)):
            yield (subjects[a], relation + " with", lemma + " with",
                   (argument(heads[b], "with"), *where))
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
        subject = _range_arg(doc.tokens[lo:hi], fact.subject, "subj")
    else:
        cut = {fact.obj.i, fact.obj.head.i,
               *(c.i for c in fact.subject.children if c.dep_ in CASE_MARKERS)}
        subject = argument(fact.subject, "subj", exclude=frozenset(cut))
    if fact.object_range is not None:
        lo, hi = fact.object_range
        objects = [_range_arg(doc.tokens[lo:hi], fact.obj, "obj")]
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
        yield {
            "subject": subject, "relation": fact.relation, "lemma": fact.lemma,
            "objects": (obj,), "sentence": info.text, "sentence_start": info.start,
            "sentence_end": info.end, "rule": fact.rule,
            "tense": info.tense if info.tense != "future" else "present",
        }, feats


def _range_arg(span: list[Token], head: Token, role: str) -> Argument:
    start = span[0].idx
    end = span[-1].idx + len(span[-1].text)
    return Argument(text=head.doc.text[start:end], start=start, end=end, head_start=head.idx,
                    head_end=head.idx + len(head.text), label=head.ent_type_, role=role)
