"""The catalogue of bad inputs, run through ``kg build`` in one batch: each gets a
clear message (file, line, what to do), the exit code is 2, and every good document
of the batch is in the store.

Tests that need a file or folder kg may not read or write run ``kg`` in a child
process: as root (CI) without the capabilities that let root ignore file modes
(``setpriv``), or on a read-only bind mount in a private mount namespace
(``unshare``). Where neither works they are skipped, saying why.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import string
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest import MAX_CHARS

runner = CliRunner()
GOOD = "Norway signed a treaty with Finland in Oslo."
REPO = Path(__file__).resolve().parent.parent
Run = Callable[..., subprocess.CompletedProcess[str]]


def documents_in(store: Path) -> int:
    result = runner.invoke(app, ["stats", "--store", str(store), "--json"])
    assert result.exit_code == 0, result.output
    return int(json.loads(result.output)["documents"])


def kg_process(prefix: list[str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``kg ARGS`` in a child process started through ``prefix``."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "KG_STORE": ""}
    return subprocess.run([*prefix, sys.executable, "-m", "kg", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def _mode_enforcing_prefix() -> list[str] | None:
    """A command prefix under which file modes bind this process's user, or None."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--"]


@pytest.fixture
def without_root_powers(tmp_path: Path) -> Run:
    """Run ``kg`` where ``chmod`` is obeyed (root's DAC capabilities dropped)."""
    prefix = _mode_enforcing_prefix()
    if prefix is None:
        pytest.skip("running as root and setpriv (util-linux) is not installed, so chmod "
                    "cannot stop this process")
    probe = tmp_path / "probe"
    probe.mkdir(mode=0o555)
    check = subprocess.run([*prefix, "sh", "-c", f"test ! -w '{probe}'"], check=False)
    probe.rmdir()
    if check.returncode != 0:
        pytest.skip("setpriv cannot drop root's DAC capabilities here (no CAP_SETPCAP?)")
    return lambda *args, cwd=tmp_path: kg_process(prefix, *args, cwd=cwd)


def tree_digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


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
    add("utf16.txt", "Estonia signed a treaty with Latvia.".encode("utf-16"))
    # bom, crlf, latin1, c1, utf16, and the good line of mixed.jsonl; j1 has the
    # text of bom.txt, which is stored once (README "Rebuilding")
    good_documents = 6

    bad[str(add("empty.txt", b""))] = "empty"
    bad[str(add("binary.txt", b"\x00\x01\x02\x89PNG\x00" * 50))] = "binary"
    bad[str(add("mixed.jsonl", b'{"text": "Chile signed a treaty with Peru."}\n{oops\n'
                b'{"title": "no text"}\n{"text": 42}\n'))] = ":2"
    bad[str(add("notext.csv", b"id,body\n1,hello\n"))] = "text"
    bad[str(add("damaged.txt", "Françoise Dupont visited Zürich.\n".encode() + b"\xff"
                + b" Then she left.\n"))] = "damaged.txt:2: invalid UTF-8 at byte 35"
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
    assert "mixed.jsonl:3: record has no 'text' field" in result.output
    assert "mixed.jsonl:4" in result.output
    assert f"{len(bad) + 2} input(s) failed" in result.output  # + mixed.jsonl:3 and :4
    assert documents_in(store) == good_documents


def test_unreadable_files_and_folders(tmp_path: Path, without_root_powers: Run) -> None:
    news = tmp_path / "news"
    (news / "locked").mkdir(parents=True)
    (news / "locked" / "hidden-away.txt").write_text(GOOD)
    (news / "a.txt").write_text(GOOD)
    (news / "secret.txt").write_text("Sweden signed a treaty with Denmark.")
    (news / "secret.txt").chmod(0)
    (news / "locked").chmod(0)
    alone = tmp_path / "alone.txt"
    alone.write_text("Chile signed a treaty with Peru.")
    alone.chmod(0)
    good = tmp_path / "good.txt"
    good.write_text("Iceland signed a treaty with Norway.")
    try:
        result = without_root_powers("build", "news", "alone.txt", "good.txt", "--store", "s")
    finally:
        for path in (news / "secret.txt", news / "locked", alone):
            path.chmod(0o755)
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "news/secret.txt: cannot read the file: Permission denied" in output
    assert "news/locked: cannot list the folder: Permission denied" in output
    assert "alone.txt: cannot read the file: Permission denied" in output
    assert "3 input(s) failed" in output and "Traceback" not in output
    assert documents_in(tmp_path / "s") == 2  # news/a.txt and good.txt


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


def test_two_builds_at_once_on_one_store(tmp_path: Path) -> None:
    """Two kg processes: the second is refused while the first holds the store, and
    the first then finishes its build intact."""
    store = tmp_path / "store"
    env = {**os.environ, "PYTHONPATH": str(REPO), "KG_STORE": ""}
    first = subprocess.Popen(  # reads its text from a pipe this test keeps open
        [sys.executable, "-m", "kg", "build", "-", "--store", str(store), "--quiet"],
        cwd=tmp_path, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(600):  # the store is open once RocksDB has made its LOCK file
            if (store / "LOCK").exists() or first.poll() is not None:
                break
            time.sleep(0.1)
        assert first.poll() is None, first.communicate()
        good = tmp_path / "good.txt"
        good.write_text(GOOD)
        second = kg_process([], "build", str(good), "--store", str(store), cwd=tmp_path)
        assert second.returncode == 4, second.stdout + second.stderr
        assert "in use" in second.stdout + second.stderr
        out, err = first.communicate(GOOD, timeout=300)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 0, out + err
    assert documents_in(store) == 1


# -- huge documents -------------------------------------------------------------------
def single_line(size: int, *, words: bool) -> str:
    """``size`` characters on one line: news-like sentences, or random letters."""
    if words:
        sentence = "Norway signed a treaty with Finland in Oslo on Tuesday after long talks. "
        return (sentence * (size // len(sentence) + 1))[:size]
    rng = random.Random(8)
    return "".join(rng.choices(string.ascii_letters, k=size))


def test_a_20_mb_single_line_is_refused_at_once_and_the_rest_loaded(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(single_line(20 * 2**20, words=True))
    letters = tmp_path / "letters.txt"
    letters.write_text(single_line(20 * 2**20, words=False))
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    store = tmp_path / "store"
    result = runner.invoke(app, ["build", str(big), str(letters), str(good),
                                 "--store", str(store)])
    assert result.exit_code == 2, result.output
    for path in (big, letters):
        assert (f"{path}: too large for one document: 20,971,520 bytes (20.0 MB), over the "
                f"limit of {MAX_CHARS:,} characters") in result.output
    assert "raise the limit with --max-chars" in result.output
    assert "2 input(s) failed" in result.output
    assert documents_in(store) == 1


def test_the_length_limit_can_be_lowered_and_raised(tmp_path: Path) -> None:
    line = tmp_path / "line.txt"
    line.write_text(single_line(3_000, words=True))
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": GOOD}) + "\n"
                    + json.dumps({"text": single_line(2_500, words=True)}) + "\n")
    store = tmp_path / "store"
    lowered = runner.invoke(app, ["build", str(line), str(feed), "--store", str(store),
                                  "--max-chars", "2000"])
    assert lowered.exit_code == 2, lowered.output
    assert (f"{line}: too long for one document: 2,999 characters, over the limit of 2,000"
            in lowered.output)
    assert f"{feed}:2: too long for one document: 2,500 characters" in lowered.output
    assert documents_in(store) == 1  # feed.jsonl#1
    raised = runner.invoke(app, ["build", str(line), str(feed), "--store", str(store),
                                 "--max-chars", "0"])
    assert raised.exit_code == 0, raised.output
    assert documents_in(store) == 3


def test_a_sentence_of_5000_tokens(tmp_path: Path) -> None:
    countries = ", ".join(f"Country{i}" for i in range(2_500))
    long = tmp_path / "long.txt"
    long.write_text(f"Norway signed a treaty with {countries} and Finland.")
    good = tmp_path / "good.txt"
    good.write_text("Iceland signed a treaty with Denmark.")
    store = tmp_path / "store"
    result = runner.invoke(app, ["build", str(long), str(good), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert documents_in(store) == 2
    from kg.nlp import load

    assert len(load().make_doc(long.read_text())) > 5_000


# -- folders --------------------------------------------------------------------------
def test_a_folder_walk_leaves_out_binary_types_and_symlink_loops(tmp_path: Path) -> None:
    news = tmp_path / "news"
    (news / "world").mkdir(parents=True)
    (news / "a.txt").write_text(GOOD)
    (news / "world" / "b.md").write_text("# Treaty\n\nChile signed a treaty with Peru.")
    (news / "world" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (news / "world" / "report.pdf").write_bytes(b"%PDF-1.4\n")
    os.symlink("..", news / "world" / "up")  # a loop: news/world/up -> news
    store = tmp_path / "store"
    result = runner.invoke(app, ["build", str(news), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "files not read (binary type)" in result.output
    assert [line.split("│")[2].strip() for line in result.output.splitlines()
            if "files not read" in line] == ["2"]
    assert documents_in(store) == 2
    # a file of a binary type named on its own is an error
    photo = str(news / "world" / "photo.png")
    named = runner.invoke(app, ["build", photo, str(news / "a.txt"), "--store", str(store)])
    assert named.exit_code == 2
    assert f"{photo}: unsupported file type '.png' (binary)" in named.output


# -- the store ------------------------------------------------------------------------
def test_store_path_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "store"
    target.write_text("not a store")
    result = runner.invoke(app, ["build", str(tmp_path / "missing.txt"), "--store",
                                 str(target)])
    assert result.exit_code == 4
    assert f"the store path {target} is a file, not a directory" in result.output
    assert "missing.txt" not in result.output  # refused before any input is read
    assert target.read_text() == "not a store"


def built_store(root: Path) -> Path:
    good = root / "good.txt"
    good.write_text(GOOD)
    store = root / "store"
    assert runner.invoke(app, ["build", str(good), "--store", str(store)]).exit_code == 0
    return store


def check_refused_as_read_only(result: subprocess.CompletedProcess[str], store: Path,
                               reason: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 4, output
    assert f"the store {store} is not writable: {reason}; nothing was changed" in output
    assert "chmod -R u+w" in output and "--store another directory" in output
    assert "missing.txt" not in output  # refused before any input is read
    assert "Traceback" not in output


def test_a_read_only_store_directory(tmp_path: Path, without_root_powers: Run) -> None:
    store = built_store(tmp_path)
    before = tree_digest(store)
    for path in (store, *store.iterdir()):
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        result = without_root_powers("build", "missing.txt", "good.txt", "--force",
                                     "--store", str(store))
        check_refused_as_read_only(result, store, "permission denied")
        assert tree_digest(store) == before
        # it can still be read
        stats = without_root_powers("stats", "--store", str(store), "--json")
        assert stats.returncode == 0, stats.stderr
        assert json.loads(stats.stdout)["documents"] == 1
        # a new store where nothing may be created
        nested = without_root_powers("build", "good.txt", "--store", str(store / "sub"))
        assert nested.returncode == 4
        assert f"cannot create the store directory {store / 'sub'}: permission denied" in (
            nested.stderr)
    finally:
        store.chmod(0o755)


def test_a_store_on_a_read_only_mount(tmp_path: Path) -> None:
    unshare = shutil.which("unshare")
    if unshare is None or os.geteuid() != 0:
        pytest.skip("needs root and unshare (util-linux) for a private read-only mount")
    store = built_store(tmp_path)
    before = tree_digest(store)
    mount = ["sh", "-c", 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" && '
             'exec "$@"', str(store)]
    probe = subprocess.run([unshare, "-m", *mount, "sh", "-c", f"! touch '{store}/x'"],
                           capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a read-only mount here: {probe.stderr.decode().strip()}")
    prefix = [unshare, "-m", *mount]
    result = kg_process(prefix, "build", "missing.txt", "good.txt", "--force",
                        "--store", str(store), cwd=tmp_path)
    check_refused_as_read_only(result, store, "read-only file system")
    stats = kg_process(prefix, "stats", "--store", str(store), "--json", cwd=tmp_path)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["documents"] == 1
    assert tree_digest(store) == before
