"""The indexed attribute ruler: spaCy's Matcher's matches, found on arrays."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from kg.nlp.ruler import IndexedAttributeRuler, index_attribute_ruler

#: News-like text with what the model's rules are for: contractions, "gonna",
#: "let's", runs of white space, quotes, dashes, numbers, a hyphenated name.
TEXTS = [
    "I ain't gonna wait, he said.  \"Let's go,\" she replied - and they went.",
    "The U.S. gov't didn't say whether it'd cut rates by 0.5% in 2005 .\n\n\nNo.",
    "Gotta love it: Blair's aides were 'wanna-be' ministers, Tony Blair said\ton Monday.",
    "   Shares in BMW rose 3 % ; the firm's (Munich-based) rival fell . . . again!",
]


def _stock(ruler: AttributeRuler) -> AttributeRuler:
    twin = AttributeRuler(ruler.vocab)
    twin.add_patterns(ruler.patterns)
    return twin


def test_kg_pipeline_runs_the_indexed_ruler(nlp: Language) -> None:
    assert type(nlp.get_pipe("attribute_ruler")) is IndexedAttributeRuler
    assert nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("lemmatizer")


@pytest.mark.parametrize("text", TEXTS)
def test_model_rules_match_as_spacy_matches_them(nlp: Language, text: str) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        doc = nlp(text)
    expected = _stock(ruler).match(doc)
    assert expected  # every token has a tag rule
    assert ruler.match(doc) == expected


def test_annotations_equal_a_stock_pipelines(nlp: Language) -> None:
    """Parts of speech, morphology and lemmas (which read them) are the stock ones."""
    ruler = nlp.get_pipe("attribute_ruler")
    stock = _stock(ruler)
    for text in TEXTS:
        with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
            ours, theirs = nlp(text), nlp(text)
        ruler(ours)
        stock(theirs)
        assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in ours] == \
            [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in theirs]
    assert nlp("I ain't gonna go")[1].lemma_ == "be"


def _blank_with(rules: list[tuple[list[list[dict[str, Any]]], dict[str, Any]]]
                ) -> tuple[Language, IndexedAttributeRuler, AttributeRuler]:
    nlp = spacy.blank("en")
    indexed = nlp.add_pipe("kg_attribute_ruler")
    stock = AttributeRuler(nlp.vocab)
    for patterns, attrs in rules:
        indexed.add(patterns, attrs)
        stock.add(patterns, attrs)
    return nlp, indexed, stock


RULES: list[tuple[list[list[dict[str, Any]]], dict[str, Any]]] = [
    ([[{"TAG": "NN"}]], {"POS": "NOUN"}),
    ([[{"TAG": {"IN": ["VBD", "VBN"]}, "LOWER": "read"}]], {"LEMMA": "read"}),
    ([[{"LOWER": {"NOT_IN": ["a", "the"]}, "TAG": "DT"}]], {"POS": "PRON"}),
    ([[{"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "not"}),
    ([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"}),
    ([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, ),
    ([[{"IS_SPACE": True}]], {"POS": "SPACE"}),
    ([[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], {"DEP": "dep"}),
    ([[{"DEP": "nsubj", "LOWER": "it"}], [{"LOWER": "it"}]], {"MORPH": "Person=3"}),
    ([[{}, {"LOWER": "na"}]], {"MORPH": "Foo=Bar"}),
]
WORDS = ["gon", "na", "the", "a", "this", "read", "n't", "nt", "it", " ", "\n", "x"]
TAGS = ["NN", "VBD", "VBN", "DT", "RB", "_SP", "PRP"]
DEPS = ["", "nsubj", "dobj", "dep"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS),
                          st.sampled_from(DEPS)), max_size=12))
def test_made_up_rules_match_as_spacy_matches_them(
        tokens: list[tuple[str, str, str]]) -> None:
    nlp, indexed, stock = _blank_with(RULES)
    words = [w for w, _, _ in tokens]
    doc = Doc(nlp.vocab, words=words, tags=[t for _, t, _ in tokens])
    for token, (_, _, dep) in zip(doc, tokens, strict=True):
        token.dep_ = dep
    assert indexed.match(doc) == stock.match(doc)


def test_rules_added_later_are_matched() -> None:
    nlp, indexed, _ = _blank_with(RULES[:1])
    doc = Doc(nlp.vocab, words=["gon", "na"], tags=["NN", "NN"])
    assert len(indexed.match(doc)) == 2
    indexed.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"})
    assert len(indexed.match(doc)) == 3


def test_rules_the_arrays_cannot_run_go_to_the_matcher() -> None:
    rules = [([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"LEMMA": "very"}),
             ([[{"LENGTH": {">=": 3}}]], {"POS": "X"})]
    nlp, indexed, stock = _blank_with(rules)
    doc = Doc(nlp.vocab, words=["very", "very", "big", "ok"], tags=["RB", "RB", "JJ", "UH"])
    assert indexed.match(doc) == stock.match(doc) != []
    blank = spacy.blank("en")
    blank.add_pipe("attribute_ruler").add(*rules[0])
    assert index_attribute_ruler(blank) is False  # left as spaCy's
    assert type(blank.get_pipe("attribute_ruler")) is AttributeRuler


def test_swap_keeps_the_rules_and_their_order() -> None:
    nlp = spacy.blank("en")
    stock = nlp.add_pipe("attribute_ruler")
    stock.add_patterns([{"patterns": p, "attrs": a} for p, a in RULES])
    assert index_attribute_ruler(nlp) is True
    assert nlp.get_pipe("attribute_ruler").patterns == stock.patterns
    assert index_attribute_ruler(nlp) is False  # already swapped
    assert index_attribute_ruler(spacy.blank("en")) is False  # none to swap
