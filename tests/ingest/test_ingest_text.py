"""kg.ingest.read on plain-text files and stdin: encodings, binary files, missing and
empty files, ids, format forcing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kg.errors import ConfigError, InputError
from kg.ingest import file_id, format_for, read
from kg.types import Document

# en dashes and curly single quotes, written as escapes for the linter
DASHES = "Moscow and Beijing \u2013 jointly \u2013 Z\u00fcrich \u00a35 \u2018x\u2019"
BODY = "Russia and China cooperate.\n\nThe two countries signed a deal."


def read_all(*sources: str | Path, **kwargs: object) -> tuple[list[Document], list[InputError]]:
    errors: list[InputError] = []
    docs = list(read(list(sources), on_error=errors.append, **kwargs))  # type: ignore[arg-type]
    return docs, errors


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder named ``news``, the current one: a file ``a.txt`` in it has the
    document id ``news/a.txt`` (the name of its folder and its own)."""
    work = tmp_path / "news"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def test_plain_text_file(in_tmp: Path) -> None:
    (in_tmp / "a.txt").write_text(BODY + "\n", encoding="utf-8")
    [doc] = list(read(["a.txt"]))
    assert doc == Document(id="news/a.txt", text=BODY, source="a.txt")


def test_file_without_extension_and_unknown_extension_are_text(in_tmp: Path) -> None:
    (in_tmp / "NOTES").write_text(BODY, encoding="utf-8")
    (in_tmp / "story.article").write_text(BODY, encoding="utf-8")
    docs, errors = read_all("NOTES", "story.article")
    assert errors == []
    assert [(d.id, d.text) for d in docs] == [("news/NOTES", BODY), ("news/story.article", BODY)]


def test_read_is_lazy(in_tmp: Path) -> None:
    (in_tmp / "a.txt").write_text(BODY, encoding="utf-8")
    iterator = read(["a.txt", "missing.txt"])  # nothing is read yet
    assert next(iterator).id == "news/a.txt"
    with pytest.raises(InputError, match="no such file"):
        next(iterator)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbf" + "Café crème.\n".encode(), "Café crème."),  # UTF-8 with BOM
        ("Café crème — “quoted”.".encode("cp1252"), "Café crème — “quoted”."),
        ("Plain ascii but with one é.".encode("latin-1"), "Plain ascii but with one é."),
        # charset-normalizer alone guesses cp1250 and cp850 for these two:
        ("Café crème — naïve résumé, “quoted” text for the façade of the hôtel.".encode(
            "cp1252"), "Café crème — naïve résumé, “quoted” text for the façade of the hôtel."),
        (DASHES.encode("cp1252"), DASHES),
        ("Zürich £5, naïve résumé.".encode("utf-16"), "Zürich £5, naïve résumé."),  # BOM
        ("Путин: Россия и Китай разрабатывают оружие.".encode("cp1251"),
         "Путин: Россия и Китай разрабатывают оружие."),
        ("Putin sagte: Grüße.".encode(), "Putin sagte: Grüße."),
    ],
    ids=["utf8-bom", "cp1252", "latin-1", "cp1252-vs-cp1250", "cp1252-vs-cp850", "utf16-bom",
         "cp1251", "utf8"],
)
def test_encodings(in_tmp: Path, data: bytes, expected: str) -> None:
    (in_tmp / "e.txt").write_bytes(data)
    [doc] = list(read(["e.txt"]))
    assert doc.text == expected


def test_crlf_and_cr_become_lf(in_tmp: Path) -> None:
    (in_tmp / "crlf.txt").write_bytes(b"First para.\r\n\r\nSecond para.\r\n")
    (in_tmp / "cr.txt").write_bytes(b"First para.\r\rSecond para.\r")
    docs, errors = read_all("crlf.txt", "cr.txt")
    assert errors == []
    assert [d.text for d in docs] == ["First para.\n\nSecond para."] * 2


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("nul.txt", b"Some text\x00\x00\x01\x02 more"),
        ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
        ("ctrl.dat", bytes(range(1, 9)) * 100),
    ],
)
def test_binary_content_is_an_error_not_garbage(in_tmp: Path, name: str, data: bytes) -> None:
    (in_tmp / name).write_bytes(data)
    (in_tmp / "ok.txt").write_text(BODY, encoding="utf-8")
    docs, errors = read_all(name, "ok.txt")
    assert [d.id for d in docs] == ["news/ok.txt"]
    [error] = errors
    assert error.source == name
    assert "binary" in error.message
    assert error.hint


def test_binary_extension_is_reported_without_reading(in_tmp: Path) -> None:
    (in_tmp / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(InputError, match=r"photo\.png: unsupported file type '\.png'"):
        list(read(["photo.png"]))


def test_nonexistent_path_names_it_and_batch_goes_on(in_tmp: Path) -> None:
    (in_tmp / "ok.txt").write_text(BODY, encoding="utf-8")
    docs, errors = read_all("nope/missing.txt", "ok.txt")
    assert [d.id for d in docs] == ["news/ok.txt"]
    [error] = errors
    assert error.source == "nope/missing.txt"
    assert error.message == "no such file or directory"
    assert str(error).startswith("nope/missing.txt: no such file or directory (")


def test_nonexistent_path_raises_without_on_error(in_tmp: Path) -> None:
    with pytest.raises(InputError) as info:
        list(read(["ghost.txt"]))
    assert info.value.source == "ghost.txt"


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_file_is_an_error(in_tmp: Path, content: bytes) -> None:
    (in_tmp / "empty.txt").write_bytes(content)
    docs, errors = read_all("empty.txt")
    assert docs == []
    assert [(e.source, e.message) for e in errors] == [("empty.txt", "empty file")]


def test_ids_do_not_depend_on_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inside = tmp_path / "work" / "news"
    inside.mkdir(parents=True)
    outside = tmp_path / "other"
    outside.mkdir()
    (inside / "a.txt").write_text(BODY, encoding="utf-8")
    (outside / "b.txt").write_text("Another text.", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "work")
    docs = list(read([inside / "a.txt", "../other/b.txt", "./news/../news/a.txt"]))
    assert [d.id for d in docs] == ["news/a.txt", "other/b.txt", "news/a.txt"]
    assert docs[1].source == "../other/b.txt"
    assert file_id(inside / "a.txt") == "news/a.txt"
    # the folder named, from outside it or from inside it (.): the same ids
    from_outside = [d.id for d in read(["news"])]
    monkeypatch.chdir(inside)
    from_inside = [d.id for d in read(["."])]
    named_file = [d.id for d in read(["a.txt"])]
    monkeypatch.chdir(tmp_path)
    absolute = [d.id for d in read([str(inside)])]
    assert from_outside == from_inside == named_file == absolute == ["news/a.txt"]
    # no machine path in an id: nothing above the folder named
    assert all(str(tmp_path) not in d.id for d in docs)


def test_id_does_not_depend_on_content(in_tmp: Path) -> None:
    path = in_tmp / "a.txt"
    path.write_text("First version.", encoding="utf-8")
    first = next(read(["a.txt"]))
    path.write_text("Second, changed version.", encoding="utf-8")
    second = next(read(["a.txt"]))
    assert first.id == second.id == "news/a.txt"
    assert first.text != second.text


def test_stdin_plain_text() -> None:
    stdin = io.StringIO("\ufeffTuesday, March 19, 2024\r\n\r\nPutin speaks\r\n\r\nHe spoke.\r\n")
    [doc] = list(read(["-"], stdin=stdin))
    assert (doc.text, doc.title, doc.date, doc.source) == ("He spoke.", "Putin speaks",
                                                           "2024-03-19", "-")
    assert doc.id.startswith("stdin:") and len(doc.id) == len("stdin:") + 12
    again = next(read(["-"], stdin=io.StringIO("He spoke.")))
    other = next(read(["-"], stdin=io.StringIO("She spoke.")))
    assert again.id == doc.id  # the same text, the same id
    assert other.id != doc.id


def test_stdin_empty_is_an_error() -> None:
    docs, errors = read_all("-", stdin=io.StringIO("\n  \n"))
    assert docs == []
    assert [(e.source, e.message) for e in errors] == [("-", "empty file")]


def test_stdin_with_forced_format() -> None:
    stdin = io.StringIO('{"text": "A."}\nnot json\n{"id": "x", "text": "B."}\n')
    docs, errors = read_all("-", stdin=stdin, fmt="jsonl")
    assert [(d.id, d.text, d.line) for d in docs] == [("stdin#1", "A.", 1), ("x", "B.", 3)]
    assert [(e.source, e.line) for e in errors] == [("-", 2)]


def test_forced_format_overrides_extension(in_tmp: Path) -> None:
    (in_tmp / "records.txt").write_text('{"text": "From JSON."}\n', encoding="utf-8")
    [doc] = list(read(["records.txt"], fmt="jsonl"))
    assert (doc.id, doc.text) == ("news/records.txt#1", "From JSON.")


def test_unknown_format_is_a_config_error_at_call_time() -> None:
    with pytest.raises(ConfigError, match="unknown input format 'docx'"):
        read(["x"], fmt="docx")


def test_a_lone_path_is_one_source(in_tmp: Path) -> None:
    (in_tmp / "a.txt").write_text(BODY, encoding="utf-8")
    assert [d.id for d in read("a.txt")] == ["news/a.txt"]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.txt", "text"), ("a", "text"), ("a.MD", "markdown"), ("a.markdown", "markdown"),
     ("a.htm", "html"), ("a.ndjson", "jsonl"), ("a.jsonl", "jsonl"), ("a.tsv", "tsv"),
     ("a.csv", "csv"), ("a.json", "json"), ("a.pdf", "binary"), ("a.docx", "binary")],
)
def test_format_for(name: str, fmt: str) -> None:
    assert format_for(name) == fmt
