"""Open information extraction over a parsed spaCy Doc (dependency rules).

:func:`extract` yields :class:`~kg.types.Statement` objects:

- verb clauses (:mod:`kg.extract.clauses`): active, passive and copular, the
  preposition of the first prepositional object in the relation ("cooperate
  with", "was airlifted to"), particles, indirect objects, and further
  prepositional, time and manner phrases as extra arguments; subjects shared
  through coordination, control chains ("are working to develop"), relative
  clauses, participial modifiers and subjectless adverbial clauses;
- coordination split into one statement per conjunct, and reciprocal
  coordination ("X and Y cooperate", "call each other friend") into one per
  direction (:mod:`kg.extract.build`);
- reported speech: a clause under a speech verb (or after "according to", or
  inside a quotation that runs over several sentences, :mod:`kg.extract.quotes`)
  carries its ``speaker``; the speech act itself is a statement too;
- implicit be/have facts inside noun phrases (:mod:`kg.extract.nominal`):
  appositions, titles before names, possessives, places and prepositional
  attachments, relations between coordinated members ("trade between X and Y");
- negation, modality and tense as flags, and a confidence from a logistic model
  over rule and parse features (:mod:`kg.extract.confidence`).

Rule names (``Statement.rule``): ``svo``, ``passive``, ``copula``, ``conj_verb``,
``xcomp``, ``relcl``, ``acl``, ``acl_be``, ``advcl``, ``pcomp``, ``repair``,
``reciprocal``, ``appos``, ``appos_place``, ``title``, ``poss``, ``np_place``,
``np_prep``, ``np_between``. The relation lemma scheme is described in
:mod:`kg.extract.build`.

>>> from kg.nlp import load                                        # doctest: +SKIP
>>> doc = load()("Navalny was airlifted to Berlin.")               # doctest: +SKIP
>>> [(s.subject.text, s.relation, s.objects[0].text) for s in extract(doc)]  # doctest: +SKIP
[('Navalny', 'was airlifted to', 'Berlin')]

No model is loaded here: parsing belongs to :mod:`kg.nlp`. The rules walk a light
read-only view of the Doc (:mod:`kg.extract.tokens`) rather than spaCy tokens,
for speed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc

from kg.extract.build import Candidate, fact_statements, frame_statements, sentence_info
from kg.extract.clauses import clause_frames
from kg.extract.confidence import add_sentence_features, confidence
from kg.extract.nominal import nominal_facts
from kg.extract.quotes import quote_speakers
from kg.extract.tokens import Tok, TSpan, view
from kg.nlp.tokens import DocTokens
from kg.types import Statement

__all__ = ["IMPLICIT_RULES", "extract", "extract_sentence", "sentence_candidates"]

#: Rules whose relation word ("is", "has") does not occur in the sentence.
IMPLICIT_RULES = frozenset({"appos", "title", "poss", "np_place", "np_between", "acl_be",
                            "appos_place", "np_prep"})


def sentence_candidates(sent: TSpan, speaker: Tok | None = None) -> list[Candidate]:
    """The candidate statements of one sentence (fields and features, no confidence
    yet), duplicates removed; the sentence-level features are added here.

    ``speaker`` is the default speaker of the sentence's clauses (the sentence lies
    inside a quotation attributed in another sentence).
    """
    info = sentence_info(sent, speaker)
    seen: dict[tuple[Any, ...], Candidate] = {}
    for frame in clause_frames(sent):
        for cand in frame_statements(frame, info):
            seen.setdefault(_key(cand), cand)
    for fact in nominal_facts(sent):
        for cand in fact_statements(fact, info):
            seen.setdefault(_key(cand), cand)
    out = list(seen.values())
    add_sentence_features(out, info)
    return out


def _key(cand: Candidate) -> tuple[Any, ...]:
    fields = cand[0]
    subject = fields["subject"]
    return (subject.start, subject.end, fields["relation"],
            tuple([(o.start, o.end) for o in fields["objects"]]))


def extract_sentence(sent: TSpan, speaker: Tok | None = None) -> Iterator[Statement]:
    """Statements of one sentence, each with its confidence."""
    for fields, feats in sentence_candidates(sent, speaker):
        yield Statement(confidence=confidence(feats), **fields)


def extract(doc: Doc, *, min_confidence: float = 0.0,
            tokens: DocTokens | None = None) -> Iterator[Statement]:
    """Yield the open statements of every sentence of a parsed ``doc``.

    ``min_confidence`` drops statements below that confidence. The doc must have
    been parsed (dependency labels and sentence boundaries); NER labels, when
    present, fill :attr:`~kg.types.Argument.label` and help the title rule.
    ``tokens`` is the doc's token table when the caller has read it already (to
    share it with the resolver).
    """
    tdoc = view(doc, tokens=tokens)
    speakers = quote_speakers(tdoc)
    for k, sent in enumerate(tdoc.sents):
        for st in extract_sentence(sent, speakers.get(k)):
            if st.confidence >= min_confidence:
                yield st
    # Nothing holds a token any more (the statements hold none): free the view now
    # rather than leave it to the garbage collector, and let the next view reuse its
    # tokens. A generator closed early, or an error, skips this; the collector frees
    # that view as before.
    del speakers
    tdoc.release()
