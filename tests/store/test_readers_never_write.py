"""Readers never write: ``kg stats/query/export/documents/serve`` open stores
read-only, leave every directory byte-identical, and refuse what they cannot read
(not a store, a damaged store) with one clear message and exit code 4."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import StoreError
from kg.serve import make_server
from kg.store import OxigraphStore, open_store

runner = CliRunner()


def snapshot(path: Path) -> dict[str, tuple[int, int, str]]:
    """Every file under ``path``: size, modification time and content hash."""
    files: dict[str, tuple[int, int, str]] = {}
    for root, dirs, names in os.walk(path):
        for name in dirs + names:
            full = Path(root, name)
            status = full.stat()
            digest = hashlib.sha256(full.read_bytes()).hexdigest() if full.is_file() else "dir"
            files[str(full.relative_to(path))] = (status.st_size, status.st_mtime_ns, digest)
    return files


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("readers") / "store"
    store = OxigraphStore(path)
    store._store.bulk_extend(
        ox.Quad(ox.NamedNode(f"http://x.org/{i}"), ox.NamedNode("http://x.org/p"),
                ox.Literal(i), ox.NamedNode("http://x.org/g")) for i in range(2000))
    store.close()
    return path


def _sst(path: Path) -> list[Path]:
    return sorted(p for p in path.iterdir() if p.suffix == ".sst")


def _no_current(path: Path) -> None:
    (path / "CURRENT").unlink()


def _truncated_sst(path: Path) -> None:
    for sst in _sst(path):
        with sst.open("r+b") as handle:
            handle.truncate(sst.stat().st_size // 2)


def _deleted_sst(path: Path) -> None:
    for sst in _sst(path):
        sst.unlink()


def _garbage_manifest(path: Path) -> None:
    manifest = next(p for p in path.iterdir() if p.name.startswith("MANIFEST-"))
    manifest.write_bytes(bytes(range(256)) * 4)


DAMAGE: dict[str, Callable[[Path], None]] = {
    "deleted CURRENT": _no_current,
    "truncated .sst": _truncated_sst,
    "deleted .sst": _deleted_sst,
    "garbage MANIFEST": _garbage_manifest,
}

READERS = [
    ["stats"],
    ["query", "SELECT * { ?s ?p ?o } LIMIT 3"],
    ["export", "--format", "nq"],
    ["export", "--format", "ttl"],
    ["documents"],
    ["run", "most-connected"],
]


@pytest.fixture()
def damaged(built: Path, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    copy = tmp_path / "store-copy"
    shutil.copytree(built, copy)
    DAMAGE[request.param](copy)
    yield copy


def test_readers_leave_a_store_byte_identical(built: Path) -> None:
    before = snapshot(built)
    for command in READERS:
        result = runner.invoke(app, [*command, "--store", str(built)])
        assert result.exit_code == 0, (command, result.output)
    with open_store(built, read_only=True) as store:
        assert len(store) == 2000
    server = make_server(str(built), port=0, workers=1)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
        with urllib.request.urlopen(f"{server.url}?{query}", timeout=60) as reply:
            assert b"2000" in reply.read()
    finally:
        server.shutdown()
        server.server_close()
    assert snapshot(built) == before


@pytest.mark.parametrize("content", ["empty", "other files"])
def test_a_directory_that_is_not_a_store_is_refused_untouched(tmp_path: Path,
                                                              content: str) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    if content == "other files":
        (folder / "holiday.jpg").write_bytes(b"\xff\xd8\xff" + b"\0" * 100)
        (folder / "notes").mkdir()
    before = snapshot(folder)
    for command in READERS:
        result = runner.invoke(app, [*command, "--store", str(folder)])
        assert result.exit_code == 4, (command, result.output)
        assert str(folder) in result.output
        assert "store" in result.output
        assert "Traceback" not in result.output
    with pytest.raises(StoreError):
        make_server(str(folder), port=0)
    assert snapshot(folder) == before


@pytest.mark.parametrize("damaged", list(DAMAGE), indirect=True)
def test_a_damaged_store_gives_one_clear_message(damaged: Path) -> None:
    before = snapshot(damaged)
    for command in READERS:
        result = runner.invoke(app, [*command, "--store", str(damaged)])
        assert result.exit_code == 4, (command, result.output)
        text = " ".join(result.output.split())
        assert str(damaged) in text
        assert "damaged" in text
        assert "rebuild" in text or "backup" in text
        assert "Traceback" not in result.output
    with pytest.raises(StoreError, match="damaged"):
        make_server(str(damaged), port=0, workers=1)
    assert snapshot(damaged) == before


def test_the_real_cli_prints_no_traceback(built: Path, tmp_path: Path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(built, copy)
    _no_current(copy)
    before = snapshot(copy)
    done = subprocess.run([sys.executable, "-m", "kg", "stats", "--store", str(copy)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 4, done.stderr
    assert "Traceback" not in done.stderr
    assert str(copy) in " ".join(done.stderr.split())
    assert snapshot(copy) == before


# -- disk full ---------------------------------------------------------------------
class _FullDisk:
    """A stand-in for an Oxigraph store whose disk fills up: reads work, writes fail."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def update(self, *args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def load(self, *args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def __len__(self) -> int:
        return len(self.real)


def test_disk_full_during_a_load_is_one_clear_message(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.store as store_module

    real_open = store_module._open_oxigraph

    def full_open(path: Path | None, *, read_only: bool) -> tuple[Any, bool]:
        opened, writable = real_open(path, read_only=read_only)
        return _FullDisk(opened), writable

    monkeypatch.setattr(store_module, "_open_oxigraph", full_open)
    data = tmp_path / "x.nt"
    data.write_text("<http://x.org/a> <http://x.org/b> <http://x.org/c> .\n", encoding="utf-8")
    result = runner.invoke(app, ["load", str(data), "--store", str(tmp_path / "store")])
    assert result.exit_code == 4, result.output
    text = " ".join(result.output.split())
    assert "disk is full" in text
    assert str(tmp_path / "store") in text
    assert "Traceback" not in result.output


def _tmpfs(where: Path, size: str) -> bool:
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True, timeout=30, check=False)
    return done.returncode == 0


def test_disk_full_on_a_real_tiny_disk(tmp_path: Path) -> None:
    """Where the tests may mount a 256 KB tmpfs (root on Linux), fill it for real."""
    tiny = tmp_path / f"tiny-{uuid.uuid4().hex[:6]}"
    if not _tmpfs(tiny, "256k"):
        pytest.skip("cannot mount a tmpfs here")
    try:
        data = tmp_path / "x.nt"
        data.write_text("".join(
            f"<http://x.org/{i}> <http://x.org/p> \"{'long text ' * 20}{i}\" .\n"
            for i in range(20_000)), encoding="utf-8")
        result = runner.invoke(app, ["load", str(data), "--store", str(tiny / "store")])
        assert result.exit_code == 4, result.output
        text = " ".join(result.output.split())
        assert "disk is full" in text or "cannot write" in text, text
        assert "Traceback" not in result.output
    finally:
        subprocess.run(["umount", "-l", str(tiny)], capture_output=True, timeout=30,
                       check=False)


@pytest.mark.slow
def test_disk_full_during_a_build_on_a_real_tiny_disk(tmp_path: Path) -> None:
    """A build (the spaCy model) into a 600 KB tmpfs, which a whole build of the
    example (1.7 MB) overflows part way: one message, exit 4."""
    from kg.pipeline import EXAMPLE_ARTICLE

    tiny = tmp_path / f"tiny-{uuid.uuid4().hex[:6]}"
    if not _tmpfs(tiny, "600k"):
        pytest.skip("cannot mount a tmpfs here")
    try:
        result = runner.invoke(app, ["build", EXAMPLE_ARTICLE, "--store", str(tiny / "store")])
        assert result.exit_code == 4, result.output
        text = " ".join(result.output.split())
        assert "disk is full" in text, text
        assert str(tiny / "store") in text
        assert "Traceback" not in result.output
    finally:
        subprocess.run(["umount", "-l", str(tiny)], capture_output=True, timeout=30,
                       check=False)
