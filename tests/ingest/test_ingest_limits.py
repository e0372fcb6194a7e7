"""The document length limit (``max_chars``) and UTF-8 with damaged bytes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kg.errors import ConfigError, InputError
from kg.ingest import MAX_CHARS, read
from kg.ingest.decode import decode_bytes
from kg.types import Document

SENTENCE = "Norway signed a treaty with Finland in Oslo. "


def collect(*sources: str | Path, **options: object) -> tuple[list[Document], list[InputError]]:
    errors: list[InputError] = []
    docs = list(read(list(sources), on_error=errors.append, **options))  # type: ignore[arg-type]
    return docs, errors


def test_default_limit_is_spacys_max_length() -> None:
    assert MAX_CHARS == 1_000_000


def test_a_text_over_the_limit_is_reported_with_its_length(tmp_path: Path) -> None:
    long = tmp_path / "long.txt"
    long.write_text(SENTENCE * 100)  # 4,499 characters once stripped; under 4 x 2,000 bytes
    short = tmp_path / "short.txt"
    short.write_text(SENTENCE)
    docs, errors = collect(long, short, max_chars=2_000)
    assert [d.text for d in docs] == [SENTENCE.strip()]
    [error] = errors
    assert error.source == str(long)
    assert error.message == ("too long for one document: 4,499 characters, over the limit "
                             "of 2,000")
    assert "--max-chars" in (error.hint or "")


def test_a_file_far_over_the_limit_is_refused_from_its_size(tmp_path: Path) -> None:
    huge = tmp_path / "huge.md"
    huge.write_text("x" * 9_000)  # more than 4 bytes a character could hold
    docs, errors = collect(huge, max_chars=2_000)
    assert docs == []
    assert [e.message for e in errors] == [
        "too large for one document: 9,000 bytes (0.0 MB), over the limit of 2,000 characters"]


def test_an_html_page_may_be_far_larger_than_its_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    script = "<script>var x = 1;</script>" * 300  # 8,100 bytes of markup
    page.write_text(f"<html><head>{script}</head><body><article><p>{SENTENCE * 3}</p>"
                    "</article></body></html>")
    docs, errors = collect(page, max_chars=2_000)
    assert errors == [] and len(docs) == 1


def test_a_long_record_is_reported_by_line_and_the_others_read(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": t}) for t in
                              (SENTENCE, SENTENCE * 100, SENTENCE)) + "\n")
    docs, errors = collect(feed, max_chars=2_000)
    assert [d.line for d in docs] == [1, 3]
    assert [(e.source, e.line) for e in errors] == [(str(feed), 2)]


def test_no_limit(tmp_path: Path) -> None:
    long = tmp_path / "long.txt"
    long.write_text(SENTENCE * 100)
    for off in (0, None):
        docs, errors = collect(long, max_chars=off)
        assert errors == [] and len(docs) == 1
    with pytest.raises(ConfigError, match="max_chars"):
        collect(long, max_chars=-1)


def test_standard_input_over_the_limit() -> None:
    docs, errors = collect("-", stdin=io.StringIO(SENTENCE * 100), max_chars=2_000)
    assert docs == [] and errors[0].source == "-"


def test_utf8_with_a_damaged_byte_is_reported_with_line_and_offset() -> None:
    data = "Françoise Dupont visited Zürich.\nThen ".encode() + b"\xff Oslo."
    with pytest.raises(InputError) as caught:
        decode_bytes(data, source="a.txt")
    assert caught.value.line == 2
    assert "invalid UTF-8 at byte 40" in caught.value.message


def test_legacy_encodings_are_still_detected() -> None:
    # "à «" in cp1252 (E0 A0 AB) happens to be a valid UTF-8 sequence; the rest is not
    text = "Françoise à « Zürich » visited the café."
    assert decode_bytes(text.encode("cp1252"), source="b.txt") == text
    assert decode_bytes("Zürich.".encode("latin-1"), source="c.txt") == "Zürich."
