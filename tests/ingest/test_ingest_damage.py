"""Bad input is refused, not loaded: an unterminated CSV quote, random bytes in a
``.txt``, ASCII text with stray bytes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import read


def _read(path: Path) -> tuple[list[str], list[InputError]]:
    errors: list[InputError] = []
    texts = [doc.text for doc in read([str(path)], on_error=errors.append)]
    return texts, errors


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_an_unterminated_quote_is_an_error_naming_file_and_line(tmp_path: Path,
                                                                delimiter: str) -> None:
    path = tmp_path / ("news.csv" if delimiter == "," else "news.tsv")
    path.write_text(delimiter.join(["id", "text"]) + "\n"
                    + delimiter.join(["1", "Putin met Xi in Moscow."]) + "\n"
                    + delimiter.join(["2", '"Obama visited Paris.']) + "\n"
                    + delimiter.join(["3", "Merkel met Macron."]) + "\n"
                    + delimiter.join(["4", "Lula went to Lisbon."]) + "\n", encoding="utf-8")
    texts, errors = _read(path)
    assert texts == ["Putin met Xi in Moscow."]  # the row before is kept, nothing swallowed
    assert len(errors) == 1
    assert errors[0].source == str(path)
    assert errors[0].line == 3
    assert "never closed" in str(errors[0])


def test_quoted_fields_over_several_lines_still_read(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text('id,text\n1,"Putin said ""yes""\nand left."\n2,Obama visited Paris.\n',
                    encoding="utf-8")
    texts, errors = _read(path)
    assert errors == []
    assert texts == ['Putin said "yes"\nand left.', "Obama visited Paris."]


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("low", [0, 1, 0x80])
def test_random_bytes_in_a_txt_are_refused(tmp_path: Path, seed: int, low: int) -> None:
    rng = random.Random(seed)
    path = tmp_path / "article.txt"
    path.write_bytes(bytes(rng.randrange(low, 256) for _ in range(5000)))
    texts, errors = _read(path)
    assert texts == []
    assert len(errors) == 1
    assert errors[0].source == str(path)


def test_ascii_with_stray_bytes_is_refused_with_the_place(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(b"Putin met Xi in Moscow.\nHello \xff\xfe broken \xc3\x28 text here.\n")
    texts, errors = _read(path)
    assert texts == []
    assert len(errors) == 1
    assert errors[0].line == 2
    assert "byte 30" in str(errors[0])


@pytest.mark.parametrize("text", [
    "Caf\u00e9 cr\u00e8me in Z\u00fcrich.\n",
    "He said \u201cno\u201d \u2013 and left\u2026\n",
    "The \u00a3200 fee, 30\u00b0C.\n",
])
def test_real_legacy_text_is_still_read(tmp_path: Path, text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("cp1252"))
    texts, errors = _read(path)
    assert errors == []
    assert texts == [text.strip()]
