"""A build killed with SIGKILL in the middle, run again, gives exactly a clean build's
graph: with one process, with worker processes (--processes 2) and with Dask."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import BBC, needs_shared

KG = [sys.executable, "-m", "kg"]


def canonical(store: Path) -> list[str]:
    out = subprocess.run([*KG, "export", "--store", str(store), "--format", "nq"],
                         check=True, capture_output=True, text=True).stdout
    return sorted(out.splitlines())


def documents(store: Path) -> int:
    """The documents stored so far (read-only: the store may be in use by a build)."""
    import pyoxigraph as ox

    try:
        reader = ox.Store.read_only(str(store))
    except (OSError, RuntimeError):  # not made yet
        return 0
    answer = reader.query("SELECT (COUNT(?d) AS ?n) { GRAPH ?d { ?d a "
                          "<https://schema.org/NewsArticle> } }")
    return int(next(iter(answer))[0].value)


def descendants(pid: int) -> list[int]:
    psutil = pytest.importorskip("psutil")
    try:
        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def gone_within(pids: list[int], seconds: float) -> list[int]:
    """The processes of ``pids`` still running after ``seconds``."""
    psutil = pytest.importorskip("psutil")
    deadline = time.monotonic() + seconds
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.5)
        alive = [p for p in alive
                 if psutil.pid_exists(p) and psutil.Process(p).status() != "zombie"]
    return alive


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(BBC.glob("business/*.txt"))[:150]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    store = tmp_path_factory.mktemp("clean") / "store"
    subprocess.run([*KG, "build", str(corpus), "--store", str(store), "-q"], check=True,
                   capture_output=True)
    return canonical(store)


@needs_shared(BBC)
@pytest.mark.slow
@pytest.mark.parametrize("options", [
    pytest.param([], id="one-process"),
    pytest.param(["--processes", "2"], id="two-processes"),
    pytest.param(["--engine", "dask", "--workers", "2"], id="dask"),
])
def test_kill_9_then_rebuild_equals_clean_build(options: list[str], corpus: Path,
                                                clean: list[str], tmp_path: Path) -> None:
    if "dask" in options:
        pytest.importorskip("dask.distributed")
    killed = tmp_path / "killed"
    proc = subprocess.Popen([*KG, "build", str(corpus), "--store", str(killed), "-q",
                             *options],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # kill it once some documents are stored, in the middle of the build
    deadline = time.monotonic() + 180
    while proc.poll() is None and time.monotonic() < deadline:
        if documents(killed) >= 20:
            break
        time.sleep(0.5)
    workers = descendants(proc.pid)
    if proc.poll() is not None:
        pytest.skip("the build finished before it could be killed (machine too fast)")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    left = gone_within(workers, 30)
    for pid in left:  # (ours: the build's own workers) not to leak them on failure
        os.kill(pid, signal.SIGKILL)
    assert not left, "the worker processes outlived their killed build"

    partial = documents(killed)
    assert 0 < partial < 150, "the kill did not land in the middle of the build"
    subprocess.run([*KG, "build", str(corpus), "--store", str(killed), "-q", *options],
                   check=True, capture_output=True)
    assert canonical(killed) == clean
