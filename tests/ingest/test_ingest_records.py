"""JSON Lines, CSV/TSV and JSON inputs: fields, ids, lines, and bad records."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import read
from kg.types import Document


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder named ``news``, the current one: a file ``a.txt`` in it has the
    document id ``news/a.txt`` (the name of its folder and its own)."""
    work = tmp_path / "news"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def read_all(*sources: str, **kwargs: object) -> tuple[list[Document], list[InputError]]:
    errors: list[InputError] = []
    docs = list(read(list(sources), on_error=errors.append, **kwargs))  # type: ignore[arg-type]
    return docs, errors


def where(errors: list[InputError]) -> list[tuple[str | None, int | None]]:
    return [(e.source, e.line) for e in errors]


# --- JSON Lines ---------------------------------------------------------------


def test_jsonl_fields_ids_and_metadata(in_tmp: Path) -> None:
    lines = [
        {"id": "reuters-1", "text": "Russia and China cooperate.\r\nMore.", "title": "Pact",
         "date": "2024-03-19T10:00:00Z", "url": "https://x.org/1", "lang": "en",
         "words": 4, "paywall": False, "tags": ["a", "b"], "extra": None},
        {"text": "  Second record.  ", "date": "spring 2024"},
        {"id": 42, "text": "Third."},
    ]
    (in_tmp / "news.jsonl").write_text(
        "\n".join(json.dumps(r) for r in lines[:2]) + "\n\n" + json.dumps(lines[2]) + "\n",
        encoding="utf-8")
    docs, errors = read_all("news.jsonl")
    assert errors == []
    assert docs[0] == Document(
        id="reuters-1", text="Russia and China cooperate.\nMore.", title="Pact",
        date="2024-03-19", url="https://x.org/1", source="news.jsonl", line=1,
        metadata=(("lang", "en"), ("words", "4"), ("paywall", "false")))
    assert (docs[1].id, docs[1].text, docs[1].date, docs[1].line) == (
        "news/news.jsonl#2", "Second record.", None, 2)
    assert docs[1].metadata == (("date", "spring 2024"),)
    assert (docs[2].id, docs[2].line) == ("42", 4)  # the blank line 3 is skipped


def test_jsonl_bad_lines_are_reported_and_the_rest_comes_through(in_tmp: Path) -> None:
    (in_tmp / "bad.ndjson").write_text(
        '{"text": "One."}\n'
        '{"text": "Two." \n'             # 2: invalid JSON
        '{"title": "no text"}\n'         # 3: missing text
        '{"text": 17}\n'                 # 4: text not a string
        '{"text": "   "}\n'              # 5: empty text
        '["text"]\n'                     # 6: not an object
        '{"text": "Seven.", "id": [1]}\n'  # 7: bad id
        '{"text": "Eight."}\n',
        encoding="utf-8")
    (in_tmp / "other.txt").write_text("Still read.", encoding="utf-8")
    docs, errors = read_all("bad.ndjson", "other.txt")
    assert [d.text for d in docs] == ["One.", "Eight.", "Still read."]
    assert where(errors) == [("bad.ndjson", n) for n in (2, 3, 4, 5, 6, 7)]
    messages = [e.message for e in errors]
    assert messages[0].startswith("invalid JSON")
    assert messages[1:5] == ["record has no 'text' field", "'text' is a int, not a string",
                             "'text' is empty", "expected a JSON object, found a list"]
    assert all(e.hint for e in errors)
    assert str(errors[1]).startswith("bad.ndjson:3: record has no 'text' field (")


def test_jsonl_without_on_error_raises_the_first_error(in_tmp: Path) -> None:
    (in_tmp / "bad.jsonl").write_text('{"text": "One."}\n{oops}\n', encoding="utf-8")
    iterator = read(["bad.jsonl"])
    assert next(iterator).text == "One."
    with pytest.raises(InputError) as info:
        next(iterator)
    assert (info.value.source, info.value.line) == ("bad.jsonl", 2)


def test_jsonl_encodings_bom_crlf_and_a_line_that_is_not_utf8(in_tmp: Path) -> None:
    data = (b'\xef\xbb\xbf{"text": "Caf\xc3\xa9."}\r\n'
            b'{"text": "caf\xe9"}\r\n'  # latin-1 byte in a UTF-8 file
            b'{"text": "Third."}\r\n')
    (in_tmp / "enc.jsonl").write_bytes(data)
    docs, errors = read_all("enc.jsonl")
    assert [(d.text, d.line) for d in docs] == [("Café.", 1), ("Third.", 3)]
    assert where(errors) == [("enc.jsonl", 2)]


def test_jsonl_empty_and_binary(in_tmp: Path) -> None:
    (in_tmp / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    (in_tmp / "bin.jsonl").write_bytes(b'{"text": "x"}\x00\x00\x00')
    docs, errors = read_all("empty.jsonl", "bin.jsonl")
    assert docs == []
    assert [(e.source, e.message) for e in errors] == [
        ("empty.jsonl", "empty file"), ("bin.jsonl", "binary file (not text)")]


def test_jsonl_is_streamed(in_tmp: Path) -> None:
    path = in_tmp / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(30_000):
            out.write(json.dumps({"text": f"Sentence number {n}."}) + "\n")
    errors: list[InputError] = []
    iterator = read(["big.jsonl"], on_error=errors.append)
    first = next(iterator)
    assert (first.id, first.line) == ("news/big.jsonl#1", 1)
    with path.open("r+b") as out:
        out.truncate(200_000)  # what was not read yet is gone
    rest = sum(1 for _ in iterator)
    assert rest < 10_000  # only a buffer's worth had been read, not the whole file


# --- CSV / TSV ------------------------------------------------------------------


def test_csv_columns_and_row_start_lines(in_tmp: Path) -> None:
    (in_tmp / "news.csv").write_text(
        "id,Title,text,date,source_name\r\n"
        "a1,Pact,\"Russia and China cooperate.\",2024-03-19,Agency\r\n"
        ",Two lines,\"First line.\r\nSecond line.\",,\r\n"
        "\r\n"
        ",,Fourth row.,,\r\n",
        encoding="utf-8")
    docs, errors = read_all("news.csv")
    assert errors == []
    assert docs[0] == Document(id="a1", text="Russia and China cooperate.", title="Pact",
                               date="2024-03-19", source="news.csv", line=2,
                               metadata=(("source_name", "Agency"),))
    assert [(d.id, d.text, d.line) for d in docs[1:]] == [
        ("news/news.csv#3", "First line.\nSecond line.", 3), ("news/news.csv#6", "Fourth row.", 6)]


def test_csv_without_text_column_is_an_error_on_line_1(in_tmp: Path) -> None:
    (in_tmp / "nocol.csv").write_text("id,body\n1,Hello.\n", encoding="utf-8")
    (in_tmp / "ok.csv").write_text("text\nHello.\n", encoding="utf-8")
    docs, errors = read_all("nocol.csv", "ok.csv")
    assert [(d.id, d.text) for d in docs] == [("news/ok.csv#2", "Hello.")]
    [error] = errors
    assert (error.source, error.line) == ("nocol.csv", 1)
    assert error.message == "no 'text' column (columns: 'id', 'body')"
    assert "text" in (error.hint or "")


def test_csv_empty_text_row_is_reported_and_others_come_through(in_tmp: Path) -> None:
    (in_tmp / "rows.csv").write_text("text,id\nOne.,\n   ,b\nThree.,c\n", encoding="utf-8")
    docs, errors = read_all("rows.csv")
    assert [d.id for d in docs] == ["news/rows.csv#2", "c"]
    assert [(e.source, e.line, e.message) for e in errors] == [("rows.csv", 3, "'text' is empty")]


def test_csv_cp1252_with_bom_free_header(in_tmp: Path) -> None:
    (in_tmp / "legacy.csv").write_bytes("text\n“Café” crème — naïve résumé.\n".encode("cp1252"))
    [doc] = list(read(["legacy.csv"]))
    assert doc.text == "“Café” crème — naïve résumé."


def test_csv_utf8_bom_header(in_tmp: Path) -> None:
    (in_tmp / "bom.csv").write_bytes(b"\xef\xbb\xbftext,id\nHello.,h1\n")
    [doc] = list(read(["bom.csv"]))
    assert (doc.id, doc.text) == ("h1", "Hello.")


def test_tsv(in_tmp: Path) -> None:
    (in_tmp / "news.tsv").write_text("id\ttext\nt1\tTabs, commas, all fine.\n",
                                     encoding="utf-8")
    [doc] = list(read(["news.tsv"]))
    assert (doc.id, doc.text, doc.line) == ("t1", "Tabs, commas, all fine.", 2)


def test_csv_empty_file(in_tmp: Path) -> None:
    (in_tmp / "empty.csv").write_text("", encoding="utf-8")
    docs, errors = read_all("empty.csv")
    assert docs == [] and [(e.source, e.message) for e in errors] == [("empty.csv", "empty file")]


def test_csv_header_only_yields_nothing_without_error(in_tmp: Path) -> None:
    (in_tmp / "header.csv").write_text("text,id\n", encoding="utf-8")
    assert read_all("header.csv") == ([], [])


# --- JSON -------------------------------------------------------------------------


def test_json_array_and_object(in_tmp: Path) -> None:
    (in_tmp / "many.json").write_text(json.dumps(
        [{"text": "One."}, {"id": "k", "text": "Two."}, "bad", {"text": ""}]), encoding="utf-8")
    (in_tmp / "one.json").write_text(json.dumps({"text": "Single.", "title": "T"}),
                                     encoding="utf-8")
    (in_tmp / "broken.json").write_text('{"text": \n', encoding="utf-8")
    docs, errors = read_all("many.json", "one.json", "broken.json")
    assert [(d.id, d.text) for d in docs] == [("news/many.json#1", "One."), ("k", "Two."),
                                             ("news/one.json", "Single.")]
    assert [(e.source, e.message) for e in errors][:2] == [
        ("many.json", "item 3 is a str, not an object"), ("many.json", "'text' is empty")]
    assert (errors[2].source, errors[2].line) == ("broken.json", 2)


@pytest.mark.parametrize(
    ("name", "data"),
    [("blank.jsonl", b"\xef\xbb\xbf\n\n"), ("u16.jsonl", "\n\n".encode("utf-16")),
     ("blank.csv", b"\r\n\r\n"), ("stdin-like.tsv", b"\xef\xbb\xbf")],
)
def test_record_files_with_nothing_in_them(in_tmp: Path, name: str, data: bytes) -> None:
    (in_tmp / name).write_bytes(data)
    docs, errors = read_all(name)
    assert docs == [] and [(e.source, e.message) for e in errors] == [(name, "empty file")]


def test_stdin_jsonl_and_csv_empty() -> None:
    for fmt in ("jsonl", "csv"):
        docs, errors = read_all("-", stdin=io.StringIO("\n"), fmt=fmt)
        assert docs == [] and [(e.source, e.message) for e in errors] == [("-", "empty file")]
