"""Extraction from the project's seed article (../shared/data/seed-article.txt)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from kg.extract import extract
from kg.types import Statement
from tests.conftest import SEED_ARTICLE, needs_shared

pytestmark = [pytest.mark.slow, needs_shared(SEED_ARTICLE)]


@pytest.fixture(scope="module")
def statements(parse: Callable[[str], Doc]) -> list[Statement]:
    return list(extract(parse(SEED_ARTICLE.read_text(encoding="utf-8"))))


def tuples(statements: list[Statement]) -> set[tuple[str, ...]]:
    return {(s.subject.text, s.relation, *(o.text for o in s.objects)) for s in statements}


def find(statements: list[Statement], subject: str, relation: str,
         first_object: str) -> Statement:
    for s in statements:
        if (s.subject.text, s.relation) == (subject, relation) and s.objects and \
                s.objects[0].text == first_object:
            return s
    raise AssertionError(f"no {subject!r} / {relation!r} / {first_object!r}")


def test_offsets_index_the_article(statements: list[Statement]) -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    assert len(statements) > 100
    for s in statements:
        assert text[s.sentence_start:s.sentence_end] == s.sentence
        for a in (s.subject, *s.objects):
            assert text[a.start:a.end] == a.text
            assert s.sentence_start <= a.start < a.end <= s.sentence_end
            assert "\n" not in a.text
        if s.speaker is not None:  # may stand in another sentence of a long quotation
            assert text[s.speaker.start:s.speaker.end] == s.speaker.text


def test_russia_and_china_engage_with_each_other(statements: list[Statement]) -> None:
    got = tuples(statements)
    assert ("Russia", "engage with", "China") in got
    assert ("China", "engage with", "Russia") in got
    st = find(statements, "Russia", "engage with", "China")
    assert st.rule == "reciprocal" and st.lemma == "engage with"


def test_we_cooperate_with_china_said_by_him(statements: list[Statement]) -> None:
    st = find(statements, "We", "cooperate with", "China")
    assert [o.text for o in st.objects] == ["China", "the security area"]
    assert st.speaker is not None and st.speaker.text == "he"


def test_supplies_energy_resources_to_china(statements: list[Statement]) -> None:
    st = find(statements, "we", "\u2019ll supply", "all types of energy resources")
    assert "China" in [o.text for o in st.objects]
    assert st.modality == "will" and st.tense == "future" and st.lemma == "supply"
    assert st.speaker is not None and st.speaker.text == "Putin"


def test_china_is_russias_biggest_trading_partner(statements: list[Statement]) -> None:
    st = find(statements, "China", "is", "Russia\u2019s biggest trading partner")
    assert st.speaker is not None and st.speaker.text == "Putin"
    assert ("Russia", "has", "biggest trading partner") in tuples(statements)


def test_xi_jinping_and_putin_call_each_other_friend(statements: list[Statement]) -> None:
    xi = "The President of the People\u2019s Republic of China Xi Jinping"
    got = tuples(statements)
    assert (xi, "call", "I", "friend") in got
    assert ("I", "call", xi, "friend") in got
    assert find(statements, "I", "call", xi).speaker.text == "Putin"  # type: ignore[union-attr]


def test_navalny_was_airlifted_to_berlin(statements: list[Statement]) -> None:
    st = find(statements, "he", "was airlifted to", "Berlin")
    assert st.passive and st.tense == "past" and st.lemma == "airlift to"
    assert [o.text for o in st.objects] == ["Berlin", "August 22"]
    # the fronted date scopes over the coordinated verb too
    assert ("he", "was admitted to", "the Charite hospital", "August 22") in tuples(statements)
    assert ("Navalny", "was rushed to", "a local hospital in the Siberian city of Omsk",
            "August 20, 2020") in tuples(statements)
    assert ("Navalny", "collapsing on", "a Moscow-bound flight from Tomsk") in tuples(statements)


def test_ushakov_notified_sullivan(statements: list[Statement]) -> None:
    st = find(statements, "Yury Ushakov", "had notified",
              "the US presidential national security advisor")
    assert st.speaker is not None
    assert st.speaker.text == "Russian presidential spokesman Dmitry Peskov"
    assert ("Dmitry Peskov", "is", "Russian presidential spokesman") in tuples(statements)


def test_ryabkov_will_represent_russia(statements: list[Statement]) -> None:
    st = find(statements, "Deputy Foreign Minister Sergey Ryabkov", "will represent", "Russia")
    assert [o.text for o in st.objects] == ["Russia", "the consultations"]
    assert st.modality == "will" and st.tense == "future" and not st.negated
    assert ("Sergey Ryabkov", "is", "Deputy Foreign Minister") in tuples(statements)


def test_quoted_claims_carry_the_speaker(statements: list[Statement]) -> None:
    st = find(statements, "Moscow", "are jointly working to develop", "state-of-the-art weapons")
    assert st.speaker is not None and st.speaker.text == "Russian President Vladimir Putin"
    st = find(statements, "the corresponding systems", "are emerging in", "Romania")
    assert st.speaker is not None and st.speaker.text == "Putin"
    assert ("the corresponding systems", "are emerging in", "Poland") in tuples(statements)
    st = find(statements, "NATO", "would not expand", "eastwards")
    assert st.negated and st.modality == "would"
    said = find(statements, "Putin", "stated", "Now the corresponding systems are emerging in "
                "Romania and Poland")
    assert said.speaker is None


def test_titles_and_possessives(statements: list[Statement]) -> None:
    got = tuples(statements)
    assert ("Vladimir Putin", "is", "Russian President") in got
    assert ("NATO", "has", "expansion") in got
    assert ("Russia", "has trade with", "China") not in got  # "between the two countries"


def test_light_view_matches_the_spacy_parse(parse: Callable[[str], Doc]) -> None:
    from kg.extract.tokens import view

    doc = parse(SEED_ARTICLE.read_text(encoding="utf-8"))
    v = view(doc)
    assert v.text == doc.text
    assert [(s.start, s.end) for s in v.sents] == [(s.start, s.end) for s in doc.sents]
    for mine, theirs in zip(v.tokens, doc, strict=True):
        assert (mine.text, mine.idx, mine.dep_, mine.tag_, mine.lemma_, mine.ent_type_,
                mine.ent_iob_, mine.head.i, mine.left_edge.i, mine.right_edge.i,
                mine.is_punct, mine.is_space, mine.is_alpha) == \
            (theirs.text, theirs.idx, theirs.dep_, theirs.tag_, theirs.lemma_, theirs.ent_type_,
             theirs.ent_iob_, theirs.head.i, theirs.left_edge.i, theirs.right_edge.i,
             theirs.is_punct, theirs.is_space, theirs.is_alpha)


def test_quotations_over_several_sentences_carry_the_speaker(
    statements: list[Statement],
) -> None:
    st = find(statements, "They", "cheated", "us")
    assert st.speaker is not None and st.speaker.text == "Putin"
    st = find(statements, "They", "have approached", "ours")
    assert st.speaker is not None and st.speaker.text == "he"
    st = find(statements, "We", "have issued",
              "numerous official inquiries from the Russian prosecutor\u2019s office")
    assert st.speaker is not None and st.speaker.text == "he"
