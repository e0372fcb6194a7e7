"""Rule tests on hand-built parses: no model needed, so they pin the rules themselves."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from kg.extract import extract
from kg.extract.spans import token_range
from kg.extract.tokens import view

_VOCAB = English().vocab  # English lexical attributes (is_alpha, is_punct ...), no model


def make(words: list[str], heads: list[int], deps: list[str], pos: list[str],
         tags: list[str] | None = None, lemmas: list[str] | None = None) -> Doc:
    """A parsed Doc; ``heads`` are absolute indices, the root points to itself."""
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos,
               tags=tags or [""] * len(words), lemmas=lemmas or [w.lower() for w in words],
               sent_starts=[True] + [False] * (len(words) - 1))


def test_svo_with_prepositional_extra() -> None:
    doc = make(
        ["Russia", "supplies", "gas", "to", "China", "."],
        [1, 1, 1, 1, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["NNP", "VBZ", "NN", "IN", "NNP", "."],
        ["Russia", "supply", "gas", "to", "China", "."],
    )
    (st,) = [s for s in extract(doc) if s.rule == "svo"]
    assert (st.subject.text, st.relation, st.lemma) == ("Russia", "supplies", "supply")
    assert [(o.text, o.role) for o in st.objects] == [("gas", "obj"), ("China", "to")]
    assert st.tense == "present"


def test_passive_preposition_in_relation_and_negation() -> None:
    doc = make(
        ["He", "was", "not", "airlifted", "to", "Berlin"],
        [3, 3, 3, 3, 3, 4],
        ["nsubjpass", "auxpass", "neg", "ROOT", "prep", "pobj"],
        ["PRON", "AUX", "PART", "VERB", "ADP", "PROPN"],
        ["PRP", "VBD", "RB", "VBN", "IN", "NNP"],
        ["he", "be", "not", "airlift", "to", "Berlin"],
    )
    (st,) = list(extract(doc))
    assert (st.subject.text, st.relation, st.lemma) == ("He", "was not airlifted to",
                                                         "airlift to")
    assert st.objects[0].text == "Berlin"
    assert st.passive and st.negated and st.tense == "past"


def test_span_cuts_relative_clause_and_conjunct() -> None:
    # "the man who left and the woman"
    doc = make(
        ["the", "man", "who", "left", "and", "the", "woman"],
        [1, 1, 3, 1, 1, 6, 1],
        ["det", "ROOT", "nsubj", "relcl", "cc", "det", "conj"],
        ["DET", "NOUN", "PRON", "VERB", "CCONJ", "DET", "NOUN"],
    )
    toks = view(doc).tokens
    assert token_range(toks[1]) == (0, 2)
    assert token_range(toks[1], split_conj=False) == (0, 2)  # the relcl still cuts
    assert token_range(toks[6]) == (5, 7)


def test_relative_clause_takes_antecedent_as_subject() -> None:
    doc = make(
        ["the", "man", "who", "founded", "Acme", "spoke"],
        [1, 5, 3, 1, 3, 5],
        ["det", "nsubj", "nsubj", "relcl", "dobj", "ROOT"],
        ["DET", "NOUN", "PRON", "VERB", "PROPN", "VERB"],
        ["DT", "NN", "WP", "VBD", "NNP", "VBD"],
        ["the", "man", "who", "found", "Acme", "speak"],
    )
    sts = {(s.subject.text, s.relation, tuple(o.text for o in s.objects), s.rule)
           for s in extract(doc)}
    assert ("the man", "founded", ("Acme",), "relcl") in sts


def test_view_matches_spacy_tokens() -> None:
    words = ["Moscow", "and", "Beijing", "work", "together", ",", "he", "said", "."]
    doc = make(
        words, [3, 0, 0, 7, 3, 7, 7, 7, 7],
        ["nsubj", "cc", "conj", "ccomp", "advmod", "punct", "nsubj", "ROOT", "punct"],
        ["PROPN", "CCONJ", "PROPN", "VERB", "ADV", "PUNCT", "PRON", "VERB", "PUNCT"],
    )
    v = view(doc)
    assert v.text == doc.text
    for mine, theirs in zip(v.tokens, doc, strict=True):
        assert (mine.i, mine.text, mine.idx, mine.dep_, mine.pos_, mine.head.i) == \
            (theirs.i, theirs.text, theirs.idx, theirs.dep_, theirs.pos_, theirs.head.i)
        assert (mine.left_edge.i, mine.right_edge.i) == (theirs.left_edge.i, theirs.right_edge.i)
        assert [c.i for c in mine.children] == [c.i for c in theirs.children]
        assert mine.is_punct == theirs.is_punct
    assert [(s.start, s.end) for s in v.sents] == [(s.start, s.end) for s in doc.sents]


def test_unparsed_and_empty_docs_give_nothing() -> None:
    nlp = English()
    assert list(extract(nlp("Russia supplies gas to China."))) == []
    assert list(extract(nlp(""))) == []
