"""Scraped-page cleaning: the real seed article, BBC files, and hand-made pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.ingest import read
from kg.ingest.clean import (
    BOILERPLATE_PATTERNS,
    clean_page,
    cut_boilerplate,
    is_boilerplate,
    parse_date,
)
from tests.conftest import BBC, SEED_ARTICLE, needs_shared

BBC_FILES = [
    "business/1m-payoff-for-former-shell-boss.txt",
    "tech/2d-metal-slug-offers-retro-fun.txt",
    "entertainment/my-memories-of-marley.txt",
    "politics/david-blunkett-in-quotes.txt",
]


@needs_shared(SEED_ARTICLE)
def test_seed_article() -> None:
    [doc] = list(read([SEED_ARTICLE]))
    assert doc.date == "2024-03-19"
    assert doc.title == "Putin: Russia and China developing high-tech weapons"
    assert doc.text.startswith("Moscow and Beijing are jointly working")
    assert doc.text.endswith("expressed readiness for all-round cooperation to "
                             "investigate this case.")
    for junk in ("LEAVE A REPLY", "reCAPTCHA", "Subscribe", "Please enter", "More Articles",
                 "Tuesday, March 19"):
        assert junk not in doc.text
    assert doc.text == doc.text.strip()
    # Nothing of the body is lost: every paragraph between the title and "Subscribe".
    raw = SEED_ARTICLE.read_text(encoding="utf-8")
    body = raw.split("weapons\n\n", 1)[1].split("\n\n\u203a Subscribe", 1)[0].strip()
    assert doc.text == body


@needs_shared(BBC)
@pytest.mark.parametrize("name", BBC_FILES)
def test_bbc_first_line_is_the_title(name: str) -> None:
    path = BBC / name
    [doc] = list(read([path]))
    raw = path.read_text(encoding="utf-8")
    first, rest = raw.split("\n", 1)
    assert doc.title == first.strip()
    assert doc.date is None
    assert doc.text == "\n".join(line.rstrip() for line in rest.split("\n")).strip()
    assert doc.id == doc.source or doc.id.endswith(name)


@needs_shared(BBC)
def test_bbc_specific_titles() -> None:
    docs = list(read([BBC / f for f in BBC_FILES[:3]]))
    assert [d.title for d in docs] == ["$1m payoff for former Shell boss",
                                       "2D Metal Slug offers retro fun",
                                       "'My memories of Marley...'"]
    assert docs[0].text.startswith("Shell is to pay $1m (\u00a3522,000)")


def test_handmade_page_with_share_and_related_block() -> None:
    page = (
        "19 March 2024\n\n"
        "Ministers agree new trade pact\n\n"
        "Ministers from ten countries agreed a new trade pact on Friday.\n\n"
        "The pact cuts tariffs on steel.\n\n"
        "Share this article\n"
        "Facebook\n"
        "Twitter\n\n"
        "Related articles\n"
        "Steel prices fall again\n"
        "Tariffs: what you need to know\n\n"
        "\u00a9 2024 Example News. All rights reserved.\n"
    )
    cleaned = clean_page(page)
    assert cleaned.date == "2024-03-19"
    assert cleaned.title == "Ministers agree new trade pact"
    assert cleaned.text == ("Ministers from ten countries agreed a new trade pact on Friday."
                            "\n\nThe pact cuts tariffs on steel.")


def test_handmade_page_with_comment_form_and_cookie_notice() -> None:
    page = (
        "Published: Mon, 3 Jun 2024 10:15 GMT\n"
        "Floods hit the north\n\n"
        "Heavy rain flooded hundreds of homes, officials said.\n\n"
        "Leave a comment\n"
        "Your email address will not be published. Required fields are marked *\n"
        "Save my name, email, and website in this browser for the next time I comment.\n"
        "We use cookies to improve your experience on our site.\n"
        "Accept all cookies\n"
    )
    cleaned = clean_page(page)
    assert (cleaned.date, cleaned.title) == ("2024-06-03", "Floods hit the north")
    assert cleaned.text == "Heavy rain flooded hundreds of homes, officials said."


def test_title_before_date_line() -> None:
    cleaned = clean_page("Storm closes schools\n\nMarch 5, 2023\n\nSchools shut on Monday.")
    assert (cleaned.title, cleaned.date, cleaned.text) == (
        "Storm closes schools", "2023-03-05", "Schools shut on Monday.")


def test_a_stray_marker_inside_the_body_keeps_the_body() -> None:
    page = (
        "Talks resume\n\n"
        "Talks resumed in Geneva.\n\n"
        "Subscribe\n\n"
        "Negotiators met for six hours and agreed to meet again.\n\n"
        "Leave a reply\n"
        "Please enter your comment!\n"
    )
    cleaned = clean_page(page)
    assert cleaned.text == ("Talks resumed in Geneva.\n\nSubscribe\n\n"
                            "Negotiators met for six hours and agreed to meet again.")


def test_body_sentences_that_mention_markers_are_not_cut() -> None:
    page = ("Readers can subscribe to the paper for 5 pounds.\n\n"
            "Copyright law was changed in 2023.\n\n"
            "Share prices rose.")
    assert clean_page(page).text == page


def test_plain_prose_is_left_alone() -> None:
    text = "Putin spoke on Thursday.\nHe said Russia and China cooperate."
    assert clean_page(text) == (text, None, None)


def test_short_first_line_without_body_is_not_a_title() -> None:
    assert clean_page("Floods hit the north\n") == ("Floods hit the north", None, None)


def test_first_line_of_a_multi_line_paragraph_is_not_a_title() -> None:
    text = "Floods hit the north\nand the rain went on for days."
    assert clean_page(text).title is None


def test_sentence_first_paragraph_is_not_a_title() -> None:
    text = "Shell is to pay $1m to its ex-finance chief.\n\nShe left in April."
    assert clean_page(text).title is None


def test_a_byline_is_not_a_title() -> None:
    text = "By Sarah Rainsford, BBC News\n\nTalks resumed in Geneva."
    assert clean_page(text) == (text, None, None)
    titled = clean_page("Talks resume\n\n" + text)
    assert (titled.title, titled.text) == ("Talks resume", text)


def test_only_a_date_line_is_kept_as_text() -> None:
    assert clean_page("19 March 2024") == ("19 March 2024", None, None)


def test_page_that_is_only_boilerplate_is_not_emptied() -> None:
    assert clean_page("Subscribe\nShare this").text == "Subscribe\nShare this"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("Tuesday, March 19, 2024", "2024-03-19"),
        ("19 March 2024", "2024-03-19"),
        ("2024-03-19", "2024-03-19"),
        ("2024-03-19T08:30:00Z", "2024-03-19"),
        ("Updated 19 Mar 2024, 14:05", "2024-03-19"),
        ("March 2024", None),
        ("2024", None),
        ("Monday", None),
        ("Putin: Russia and China developing high-tech weapons", None),
        ("The meeting on 19 March 2024 was long and tiring for everyone there.", None),
    ],
)
def test_parse_date(value: str, iso: str | None) -> None:
    assert parse_date(value) == iso


@pytest.mark.parametrize(
    "line",
    ["LEAVE A REPLY", "Leave a comment", "\u203a Subscribe", "Subscribe", "Share this",
     "Share this:", "Related articles", "More Articles", "Please enter your comment!",
     "Please enter your name here",
     "The reCAPTCHA verification period has expired. Please reload the page.",
     "This website uses cookies to improve your experience.", "\u00bb Read more",
     "You may also like", "Tags: Russia, China", "  \u2022 Twitter  "],
)
def test_markers(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    ["Putin said he would subscribe to the plan.", "Moscow and Beijing share this view.",
     "More articles of the treaty were signed later.", "", "Related parties met.",
     "Read also the report.", "Users can reject all cookies under the new law.",
     "The firm said it had all rights reserved.", "Subscribe.", "Follow us on the road."],
)
def test_not_markers(line: str) -> None:
    assert not is_boilerplate(line)


def test_patterns_are_a_public_tuple_of_valid_regexes() -> None:
    assert isinstance(BOILERPLATE_PATTERNS, tuple) and len(BOILERPLATE_PATTERNS) > 20
    for pattern in BOILERPLATE_PATTERNS:
        re.compile(pattern)


def test_cut_boilerplate_keeps_lines_before_the_block() -> None:
    lines = ["Body one.", "", "Body two.", "", "Related stories", "Headline A", "Headline B"]
    assert cut_boilerplate(lines) == ["Body one.", "", "Body two.", ""]
    assert cut_boilerplate(["Body."]) == ["Body."]


def test_text_file_cleaning_through_read(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"Tuesday, March 19, 2024\r\n\r\nPutin speaks\r\n\r\nHe spoke.\r\n\r\n"
                     b"\xe2\x80\xba Subscribe\r\n\r\nLEAVE A REPLY\r\n")
    [doc] = list(read([path]))
    assert (doc.date, doc.title, doc.text) == ("2024-03-19", "Putin speaks", "He spoke.")


# --- properties -------------------------------------------------------------------

_WORDS = st.sampled_from(["Putin", "said", "China", "subscribe", "Subscribe", "to", "share",
                          "Share", "on", "related", "Related", "more", "More", "articles",
                          "the", "reply", "leave", "Leave", "a", "comment", "2024", "March",
                          "cookies", "accept", "all", "rights", "reserved", "Read", "also",
                          "follow", "us", "print", "email", "By"])
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=12).map(lambda ws: " ".join(ws) + ".")
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=3).map(" ".join)


@given(st.lists(_PARAGRAPH, min_size=1, max_size=6))
def test_prose_paragraphs_are_never_cut(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    assert clean_page(text) == (text, None, None)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_cleaned_text_is_a_slice_of_the_page(text: str) -> None:
    page = "\n".join(line.rstrip() for line in text.replace("\r", "\n").split("\n"))
    cleaned = clean_page(page)
    assert cleaned.text in page
    assert cleaned.text == cleaned.text.strip()
    if page.strip():
        assert cleaned.text  # a page with text never comes out empty
