"""Folders (recursion, order, hidden entries, symlink loops) and read_lines."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import read, read_lines
from kg.types import Document

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt",
                                    reason="symlinks not available")


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """corpus/ with nested folders, hidden entries, a binary file and mixed formats."""
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "corpus"
    (root / "b_world" / "asia").mkdir(parents=True)
    (root / "a_news").mkdir()
    (root / ".git").mkdir()
    (root / "a_news" / "2.txt").write_text("Second.", encoding="utf-8")
    (root / "a_news" / "10.txt").write_text("Tenth.", encoding="utf-8")
    (root / "b_world" / "asia" / "china.md").write_text("# China\n\nChina grows.",
                                                        encoding="utf-8")
    (root / "b_world" / "feed.jsonl").write_text('{"text": "Fed one."}\n{"text": "Fed two."}\n',
                                                 encoding="utf-8")
    (root / "b_world" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "c.txt").write_text("Top level.", encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main", encoding="utf-8")
    return root


def collect(*sources: str | Path) -> tuple[list[Document], list[InputError]]:
    errors: list[InputError] = []
    return list(read(list(sources), on_error=errors.append)), errors


def test_folder_recursion_is_sorted_and_skips_hidden(tree: Path) -> None:
    skipped: list[str] = []
    errors: list[InputError] = []
    docs = list(read(["corpus"], on_error=errors.append, on_skip=skipped.append))
    assert [d.id for d in docs] == [
        "corpus/a_news/10.txt",
        "corpus/a_news/2.txt",
        "corpus/b_world/asia/china.md",
        "corpus/b_world/feed.jsonl#1",
        "corpus/b_world/feed.jsonl#2",
        "corpus/c.txt",
    ]
    assert docs[2].title == "China" and docs[2].text == "China grows."
    # A file of a binary type met in a folder is left out, not an error; a file of a
    # binary type named on its own is one (tests/ingest/test_ingest_text.py).
    assert errors == []
    assert skipped == [os.path.join("corpus", "b_world", "image.png")]


def test_folder_with_a_binary_file_of_a_text_type_reports_it(tree: Path) -> None:
    (tree / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    docs, errors = collect("corpus")
    assert "corpus/c.txt" not in [d.id for d in docs]
    assert [(e.source, e.message) for e in errors] == [
        (os.path.join("corpus", "c.txt"), "binary file (not text)")]


def test_folder_order_is_deterministic(tree: Path) -> None:
    first = [d.id for d in collect("corpus")[0]]
    second = [d.id for d in collect(str(tree))[0]]
    assert first == second


@needs_symlinks
def test_symlink_loop_is_not_followed(tree: Path) -> None:
    os.symlink("..", tree / "b_world" / "asia" / "up")  # corpus/b_world/asia/up -> b_world
    os.symlink(tree, tree / "a_news" / "root")  # corpus/a_news/root -> corpus
    docs, _ = collect("corpus")
    ids = [d.id for d in docs]
    assert len(ids) == len(set(ids)) == 6


@needs_symlinks
def test_symlinked_file_is_read_and_broken_link_reported(tree: Path) -> None:
    os.symlink(tree / "c.txt", tree / "a_news" / "link.txt")
    os.symlink(tree / "gone.txt", tree / "a_news" / "broken.txt")
    docs, errors = collect("corpus/a_news")
    # ids are paths from the folder named (corpus/a_news), whatever the working folder
    assert [d.id for d in docs] == ["a_news/10.txt", "a_news/2.txt", "a_news/link.txt"]
    assert docs[2].text == "Top level."
    assert [(e.source, e.message) for e in errors] == [
        (os.path.join("corpus/a_news", "broken.txt"), "skipped: a broken link")]


def test_forced_format_applies_to_every_file_of_a_folder(tree: Path) -> None:
    folder = tree / "jsons"
    folder.mkdir()
    (folder / "x.data").write_text('{"text": "X."}\n', encoding="utf-8")
    (folder / "y.data").write_text("oops\n", encoding="utf-8")
    errors: list[InputError] = []
    docs = list(read([folder], fmt="jsonl", on_error=errors.append))
    assert [d.id for d in docs] == ["jsons/x.data#1"]
    assert [(e.source, e.line) for e in errors] == [(str(folder / "y.data"), 1)]


def test_read_lines_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sents.txt").write_bytes(
        b"\xef\xbb\xbfFirst sentence .\r\n\r\n  Second one .  \r\nThird\tone .\n")
    docs = list(read_lines("sents.txt"))
    assert [(d.id, d.text, d.line, d.source) for d in docs] == [
        (f"{tmp_path.name}/sents.txt#1", "First sentence .", 1, "sents.txt"),
        (f"{tmp_path.name}/sents.txt#3", "Second one .", 3, "sents.txt"),
        (f"{tmp_path.name}/sents.txt#4", "Third\tone .", 4, "sents.txt"),
    ]
    assert all(d.title is None and d.date is None for d in docs)


def test_read_lines_stdin() -> None:
    docs = list(read_lines("-", stdin=io.StringIO("A .\nB .\n")))
    assert [(d.id, d.text) for d in docs] == [("stdin#1", "A ."), ("stdin#2", "B .")]


def test_read_lines_errors(tmp_path: Path) -> None:
    errors: list[InputError] = []
    assert list(read_lines(tmp_path / "missing.txt", on_error=errors.append)) == []
    (tmp_path / "empty.txt").write_text("\n\n", encoding="utf-8")
    assert list(read_lines(tmp_path / "empty.txt", on_error=errors.append)) == []
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    assert list(read_lines(tmp_path / "bin.txt", on_error=errors.append)) == []
    assert [e.message for e in errors] == ["no such file or directory", "empty file",
                                           "binary file (not text)"]
    with pytest.raises(InputError, match=r"missing\.txt: no such file"):
        list(read_lines(tmp_path / "missing.txt"))
