"""The catalogue of bad inputs, run through ``kg build`` in one batch: each gets a
clear message (file, line, what to do), the exit code is 2, and every good document
of the batch is in the store."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
GOOD = "Norway signed a treaty with Finland in Oslo."


def make_batch(root: Path) -> tuple[list[str], dict[str, str], int]:
    """Files, the message fragment each bad one must produce, and the good-document count."""
    root.mkdir()
    bad: dict[str, str] = {}
    files: list[str] = []

    def add(name: str, data: bytes) -> Path:
        path = root / name
        path.write_bytes(data)
        files.append(str(path))
        return path

    add("bom.txt", b"\xef\xbb\xbf" + GOOD.encode())
    add("crlf.txt", b"Sweden signed a treaty with Denmark.\r\n\r\nIt was late.\r\n")
    add("latin1.txt", "Françoise Dupont visited Zürich.".encode("latin-1"))
    add("good.csv", b'id,text\nc1,"Iceland signed a treaty with Norway.\nIt was ""big"" news."\n')
    add("good.jsonl", json.dumps({"id": "j1", "text": GOOD}).encode() + b"\n")
    good_documents = 6  # bom, crlf, latin1, c1, j1, and the good line of mixed.jsonl

    bad[str(add("empty.txt", b""))] = "empty"
    bad[str(add("binary.txt", b"\x00\x01\x02\x89PNG\x00" * 50))] = "binary"
    bad[str(add("mixed.jsonl", b'{"text": "Chile signed a treaty with Peru."}\n{oops\n'
                b'{"title": "no text"}\n{"text": 42}\n'))] = ":2"
    bad[str(add("notext.csv", b"id,body\n1,hello\n"))] = "text"
    missing = root / "does-not-exist.txt"
    files.append(str(missing))
    bad[str(missing)] = "does-not-exist.txt"
    return files, bad, good_documents


def test_bad_inputs_are_reported_and_the_rest_loaded(tmp_path: Path) -> None:
    files, bad, good_documents = make_batch(tmp_path / "in")
    store = tmp_path / "store"
    result = runner.invoke(app, ["build", *files, "--store", str(store)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for path, fragment in bad.items():
        lines = [line for line in result.output.splitlines() if path in line]
        assert lines, f"no message names {path}"
        assert any(fragment in line for line in lines), (path, lines)
    # the JSONL file's other bad records are named by line too
    assert "mixed.jsonl:3" in result.output and "mixed.jsonl:4" in result.output
    stats = json.loads(runner.invoke(app, ["stats", "--store", str(store), "--json"]).output)
    assert stats["documents"] == good_documents


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD)
    path.chmod(0)
    result = runner.invoke(app, ["build", str(path), "--store", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "secret.txt" in result.output


def test_store_in_use_by_another_writer(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(GOOD)
    store = tmp_path / "store"
    assert runner.invoke(app, ["build", str(good), "--store", str(store)]).exit_code == 0
    # a store that is already in use by another writer is refused with a clear message
    from kg.store import open_store

    holder = open_store(store)
    try:
        result = runner.invoke(app, ["build", str(good), "--store", str(store), "--force"])
        assert result.exit_code == 4
        assert "in use" in result.output
    finally:
        holder.close()
