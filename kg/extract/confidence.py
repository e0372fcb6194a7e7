"""Confidence of an extraction: a logistic model over rule and parse features.

:func:`features` turns an extraction into named numeric features; the weights in
:data:`WEIGHTS` were fitted by ``tests/benchmarks/fit_confidence.py`` (logistic
regression, cross-validated on the CaRB dev split) and are shipped as constants so
that kg needs no learning library at run time.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from kg.extract.confidence_weights import BIAS, WEIGHTS
from kg.extract.labels import SPEECH_VERBS
from kg.types import Argument

if TYPE_CHECKING:
    from kg.extract.build import SentenceInfo
    from kg.extract.clauses import Frame

__all__ = ["add_sentence_features", "confidence", "features"]


def _words(text: str) -> int:
    return len(text.split())


def features(
    rule: str,
    subject: Argument,
    objects: tuple[Argument, ...],
    frame: Frame | None,
    info: SentenceInfo,
) -> dict[str, float]:
    """Named features of one extraction (rule one-hot, sizes, parse signals)."""
    f: dict[str, float] = {"rule=" + rule: 1.0}
    span = info.span
    f["sent_len"] = min(span.end - span.start, 80) / 40.0
    subj_text = subject.text
    sw = _words(subj_text)
    f["subj_words"] = min(sw, 12) / 6.0
    f["subj_pron"] = 1.0 if sw == 1 and subj_text.lower() in _PRONOUNS else 0.0
    f["subj_ent"] = 1.0 if subject.label else 0.0
    f[_N_OBJECTS[min(len(objects), 3)]] = 1.0
    if objects:
        first = objects[0]
        obj_text = first.text
        f["obj_words"] = min(_words(obj_text), 20) / 8.0
        f["obj_ent"] = 1.0 if first.label else 0.0
        extra = sum(_words(o.text) for o in objects[1:]) if len(objects) > 1 else 0
        f["extra_words"] = min(extra, 30) / 10.0
        f["subj_comma"] = 1.0 if "," in subj_text else 0.0
        f["obj_pron"] = 1.0 if obj_text.lower() in _PRONOUNS else 0.0
        f["obj_comma"] = 1.0 if "," in obj_text else 0.0
    else:
        f["subj_comma"] = 1.0 if "," in subj_text else 0.0
    if frame is not None:
        verb = frame.verb
        lemma = verb.lemma_.lower()
        f["verb_be"] = 1.0 if lemma == "be" else 0.0
        f["verb_have"] = 1.0 if lemma == "have" else 0.0
        f["speech"] = 1.0 if lemma in SPEECH_VERBS else 0.0
        f["how=" + frame.how] = 1.0
        f["verb_root"] = 1.0 if verb.dep_ == "ROOT" else 0.0
        f["rel_prep"] = 1.0 if frame.rel_prep else 0.0
        frame_objects = frame.objects
        f["obj_clause"] = 1.0 if frame_objects and frame_objects[0].clause else 0.0
        f["rel_words"] = min(len(frame.rel), 6) / 3.0
        f["verb_tag=" + verb.tag_] = 1.0
        f["subj_dist"] = min(abs(frame.subject.i - verb.i), 20) / 10.0
        if frame_objects:
            f["obj_dep=" + frame_objects[0].head.dep_] = 1.0
    return f


#: The feature names of the number of objects (3 stands for 3 or more).
_N_OBJECTS = ("n_objects=0", "n_objects=1", "n_objects=2", "n_objects=3")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "there"})


def add_sentence_features(candidates: list[tuple[Any, dict[str, float]]],
                          info: SentenceInfo) -> None:
    """Features that compare a candidate with the others of its sentence."""
    n = len(candidates)
    per_token = n / max(info.span.end - info.span.start, 1)
    sent_cands = min(n, 30) / 10.0
    cands_per_token = min(per_token, 1.0) * 4.0
    for _, feats in candidates:
        feats["sent_cands"] = sent_cands
        feats["cands_per_token"] = cands_per_token


def confidence(feats: dict[str, float]) -> float:
    """The probability-like confidence in [0, 1] of one extraction, from its features."""
    score = BIAS
    weight = WEIGHTS.get
    for name, value in feats.items():
        score += weight(name, 0.0) * value
    return 1.0 / (1.0 + math.exp(-score))
