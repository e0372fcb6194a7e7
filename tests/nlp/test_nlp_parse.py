"""Paragraph-aware parsing: blank lines are hard boundaries, offsets are kept."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.nlp import MAX_CHUNK, count_sentences, parse, pieces, split_paragraphs


@pytest.mark.parametrize("cut", [split_paragraphs, pieces])
@given(st.text(alphabet=st.sampled_from("ab .!?\n\t\u201d\")"), max_size=300),
       st.integers(min_value=4, max_value=50))
def test_cuts_join_back_to_the_text_within_the_limit(
        cut: Callable[..., list[str]], text: str, limit: int) -> None:
    parts = cut(text, limit=limit)
    assert "".join(parts) == text
    assert all(len(p) <= limit for p in parts)


def test_pieces_end_after_lines_that_are_not_finished_prose() -> None:
    text = ("Tuesday, March 19, 2024\n\nPutin: Russia and China developing weapons\n\n"
            "Moscow and Beijing are working. They said so.\n\nTalks went on.\n\n"
            "\"We agree,\" he said.\"\n\nThe end (of it).\n\nMore")
    assert pieces(text) == [
        "Tuesday, March 19, 2024\n\n", "Putin: Russia and China developing weapons\n\n",
        "Moscow and Beijing are working. They said so.\n\nTalks went on.\n\n"
        "\"We agree,\" he said.\"\n\n",
        "The end (of it).\n\nMore"]
    long = "The talks went on. " * 600  # 11,400 characters of finished prose
    assert [len(p) for p in pieces(long)] == [len(p) for p in split_paragraphs(long)]


def test_blank_lines_split_and_sentence_ends_split() -> None:
    assert split_paragraphs("Tuesday, March 19, 2024\n\nTitle line\n\nBody. More") == [
        "Tuesday, March 19, 2024\n\n", "Title line\n\n", "Body. More"]
    assert split_paragraphs("He left.\nShe came") == ["He left.\n", "She came"]
    # a line wrapped inside a sentence stays one chunk
    assert split_paragraphs("Russia and\nChina cooperate.") == ["Russia and\nChina cooperate."]


def test_each_bulleted_line_is_read_on_its_own() -> None:
    text = ("The winners were:\n- Best play - The Long Road by Ann Fry at the Globe \n"
            " - Best actor - Tom Wade in Hamlet at the Old Vic")
    assert split_paragraphs(text) == [
        "The winners were:\n", "- Best play - The Long Road by Ann Fry at the Globe \n",
        " - Best actor - Tom Wade in Hamlet at the Old Vic"]
    doc = next(parse([text]))
    assert not any("Globe" in s.text and "Wade" in s.text for s in doc.sents)
    # a dash inside a line is no bullet
    assert split_paragraphs("Leeds won 2 - 1\nin the end.") == ["Leeds won 2 - 1\nin the end."]


def test_long_text_is_cut_at_sentence_ends() -> None:
    text = "Russia and China cooperate. " * 10
    chunks = split_paragraphs(text, limit=60)
    assert all(c.endswith(". ") for c in chunks)
    assert "".join(chunks) == text


def test_long_text_is_not_cut_after_a_title_or_an_initial() -> None:
    text = "Mr. Smith met J. Jones in the U.S. Senate. " * 5
    chunks = split_paragraphs(text, limit=100)
    assert "".join(chunks) == text
    assert len(chunks) > 1
    assert all(c.endswith("Senate. ") for c in chunks)


def test_a_long_paragraph_is_cut_into_chunks_of_at_most_max_chunk() -> None:
    text = "The talks went on. " * 2_000  # one 38,000-character paragraph
    chunks = split_paragraphs(text)
    assert "".join(chunks) == text
    assert all(len(c) <= MAX_CHUNK and c.endswith("on. ") for c in chunks)


def test_parse_keeps_text_and_sentence_boundaries(nlp) -> None:
    text = "Tuesday, March 19, 2024\n\nPutin: Russia and China developing weapons\n\n" \
           "Moscow and Beijing are working together, Putin said."
    doc = next(parse([text], nlp=nlp))
    assert doc.text == text
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences == ["Tuesday, March 19, 2024",
                         "Putin: Russia and China developing weapons",
                         "Moscow and Beijing are working together, Putin said."]


def test_parse_a_single_line_longer_than_spacy_allows(nlp) -> None:
    text = "word " * 260_000  # 1.3 million characters, over nlp.max_length
    doc = next(parse([text], nlp=nlp))
    assert len(doc.text) == len(text)


def test_parse_empty_and_whitespace(nlp) -> None:
    docs = list(parse(["", "  \n\n ", "One."], nlp=nlp))
    assert [d.text for d in docs] == ["", "  \n\n ", "One."]


def test_count_sentences_skips_blank_ones(nlp) -> None:
    text = "Tuesday, March 19, 2024\n\nPutin spoke. He left.\n\n  \n\nEnd"
    doc = next(parse([text], nlp=nlp))
    assert count_sentences(doc) == sum(1 for s in doc.sents if s.text.strip()) == 4
    assert count_sentences(next(parse(["  \n\n "], nlp=nlp))) == 0


def test_a_co_word_stays_one_token_read_as_its_unhyphened_spelling() -> None:
    doc = next(parse(["Britain will co-operate with France. Gervais co-wrote it. "
                      "Co-operation grew under the co-ordinator."]))
    words = {t.text: t for t in doc}
    assert words["co-operate"].pos_ == "VERB" and words["co-operate"].lemma_ == "cooperate"
    assert words["co-wrote"].lemma_ == "cowrite"
    assert words["Co-operation"].norm_ == "cooperation"
    assert words["co-ordinator"].lemma_ == "coordinator"
    assert "".join(t.text_with_ws for t in doc) == doc.text  # no character moves


@pytest.mark.slow
def test_parse_in_two_processes_gives_what_one_does(nlp) -> None:
    # kg's pipeline pickles for spaCy's worker processes (its own components too)
    texts = ["Britain will co-operate with France.", "Putin spoke. He left.", ""]
    one = [[(t.text, t.lemma_, t.dep_) for t in d] for d in parse(texts, nlp=nlp)]
    two = [[(t.text, t.lemma_, t.dep_) for t in d] for d in parse(texts, nlp=nlp, n_process=2)]
    assert two == one
    assert one[0][2][1] == "cooperate"


@pytest.mark.slow
def test_a_verb_whose_base_ends_in_a_silent_e_keeps_it_in_its_lemma(nlp) -> None:
    # spaCy's rule lemmatizer cut "hopes", "hoped", "hoping" to "hop"
    doc = next(parse(["Wenger hopes to win. He hoped and is hoping. Connolly rates "
                      "Barkley. Wood slated Cohen. They were primed to go."], nlp=nlp))
    lemmas = {t.text: t.lemma_ for t in doc}
    assert [lemmas[w] for w in ("hopes", "hoped", "hoping", "rates", "slated", "primed")] \
        == ["hope", "hope", "hope", "rate", "slate", "prime"]
    # verbs that do end as the shorter one stay as they were
    doc = next(parse(["He hopped off, visited Paris and fixes cars."], nlp=nlp))
    assert [t.lemma_ for t in doc if t.pos_ == "VERB"] == ["hop", "visit", "fix"]
