"""Invariants of every statement on real news (BBC sample): offsets, ranges, flags."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from kg.extract import extract
from kg.types import HYPOTHETICAL_MODALS
from tests.conftest import BBC, needs_shared

pytestmark = [pytest.mark.slow, needs_shared(BBC)]

RULES = {"svo", "passive", "copula", "conj_verb", "xcomp", "relcl", "acl", "acl_be", "advcl",
         "pcomp", "repair", "reciprocal", "appos", "appos_place", "title", "poss",
         "np_place", "np_prep", "np_between"}


def test_statement_invariants_on_news(parse: Callable[[str], Doc]) -> None:
    files = sorted(BBC.glob("*/*.txt"))[::200][:10]
    assert files
    n = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for st in extract(parse(text)):
            n += 1
            assert text[st.sentence_start:st.sentence_end] == st.sentence
            assert st.sentence == st.sentence.strip()
            for arg in (st.subject, *st.objects):
                assert arg.text and text[arg.start:arg.end] == arg.text
                assert arg.start <= arg.head_start < arg.head_end <= arg.end
                assert st.sentence_start <= arg.start and arg.end <= st.sentence_end
                assert "\n" not in arg.text
                assert arg.text == arg.text.strip()
            assert 0.0 < st.confidence < 1.0
            assert st.rule in RULES
            assert st.relation and st.lemma == st.lemma.lower()
            assert st.tense in {None, "past", "present", "future"}
            assert st.modality is None or st.modality in HYPOTHETICAL_MODALS | {"will", "shall",
                                                                               "ought"}
            if st.speaker is not None:
                assert text[st.speaker.start:st.speaker.end] == st.speaker.text
    assert n > 100
