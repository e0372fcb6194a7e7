"""``kg build --engine dask --scheduler ADDRESS`` against a real scheduler: a
LocalCluster the test starts, and a scheduler plus workers started as separate
processes with the ``dask`` command, as a user would. The workers read the
documents from paths; the client loads the shards; bad input is reported by name
while the rest is built."""

from __future__ import annotations

import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.pipeline import EXAMPLE_ARTICLE, KnowledgeGraph
from tests.conftest import BBC
from tests.test_kill_rebuild import documents

pytest.importorskip("dask.distributed")
pytestmark = pytest.mark.slow


@pytest.fixture()
def news(tmp_path: Path) -> Path:
    """Three articles, a copy of one under another name, an empty and a binary file."""
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(EXAMPLE_ARTICLE, folder / "a.txt")
    texts = sorted(BBC.glob("politics/*.txt"))[:2] if BBC.exists() else []
    for index, path in enumerate(texts):
        shutil.copy(path, folder / f"p{index}.txt")
    shutil.copy(EXAMPLE_ARTICLE, folder / "z-copy.txt")
    (folder / "empty.txt").write_text("")
    (folder / "bin.txt").write_bytes(b"\x00\x01\xff\xfe\x00garbage\x00")
    return folder


def canonical(graph: KnowledgeGraph) -> list[bytes]:
    buffer = io.BytesIO()
    graph.export(buffer, "nq")
    return sorted(buffer.getvalue().splitlines())


def local_graph(news: Path) -> KnowledgeGraph:
    graph = KnowledgeGraph("memory:")
    graph.build([str(news)])
    return graph


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_build_against_a_local_cluster_by_address(news: Path, tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    from kg.dask_engine import DaskOptions

    store = tmp_path / "store"
    missing = tmp_path / "elsewhere" / "missing.txt"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        result = CliRunner().invoke(app, [
            "build", str(news), str(missing), "--store", str(store), "--engine", "dask",
            "--scheduler", address, "-q"])
        assert result.exit_code == 2, result.output  # input errors, the rest built
        output = " ".join(result.output.split())
        assert (f"{missing}: no such file or directory (the Dask workers read the inputs: "
                f"check that {missing} exists") in output
        assert "empty.txt: empty file" in output and "bin.txt: binary file" in output
        assert "z-copy.txt: the same text as stored document news/a.txt" in output
        assert "3 input(s) failed; the others were loaded" in output
        # again: every document is unchanged, decided without shipping a text
        with KnowledgeGraph(store) as again:
            report = again.build([str(news)], engine="dask",
                                 dask=DaskOptions(scheduler=address))
        assert report.documents == 0 and report.skipped == 1 + len(
            list(news.glob("p*.txt"))) and report.duplicates == 1
    with KnowledgeGraph(store, read_only=True) as built:
        assert canonical(built) == canonical(local_graph(news))


def _wait_for_workers(address: str, count: int, processes: list[subprocess.Popen[bytes]]
                      ) -> None:
    from dask.distributed import Client

    deadline = time.monotonic() + 120
    while True:
        for process in processes:
            assert process.poll() is None, f"{process.args} exited with {process.returncode}"
        try:
            with Client(address, timeout=5) as client:
                client.wait_for_workers(count, timeout=120)
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


@pytest.fixture()
def dask_cluster(tmp_path: Path) -> Iterator[str]:
    """``dask scheduler`` and ``dask worker`` (2 processes) on 127.0.0.1, as a user
    starts them; stopped after the test."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = (tmp_path / "dask.log").open("wb")
    work = tmp_path / "worker-cwd"  # the workers' own folder: only absolute paths work
    work.mkdir()
    processes = [subprocess.Popen(
        [sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port",
         str(port), "--no-dashboard"], stdout=log, stderr=log, cwd=work)]
    processes.append(subprocess.Popen(
        [sys.executable, "-m", "dask", "worker", address, "--nworkers", "2", "--nthreads",
         "1", "--host", "127.0.0.1", "--no-dashboard", "--memory-limit", "0"],
        stdout=log, stderr=log, cwd=work))
    try:
        _wait_for_workers(address, 2, processes)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


def test_build_on_a_cluster_started_with_the_dask_command(
        news: Path, tmp_path: Path, dask_cluster: str) -> None:
    store, shards = tmp_path / "store", tmp_path / "shards"
    done = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(news), "--store", str(store),
         "--engine", "dask", "--scheduler", dask_cluster, "--shard-dir", str(shards), "-q"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
        env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 2, done.stderr  # the empty and the binary file
    assert "empty.txt: empty file" in done.stderr
    assert "documents loaded" in done.stdout
    assert list(shards.iterdir()) == []  # every shard loaded, then removed
    with KnowledgeGraph(store, read_only=True) as built:
        assert canonical(built) == canonical(local_graph(news))


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    from kg.dask_engine import DaskOptions
    from kg.errors import ConfigError

    address = f"tcp://127.0.0.1:{free_port()}"
    with KnowledgeGraph("memory:") as graph, pytest.raises(
            ConfigError, match=rf"cannot reach the Dask scheduler {address} .*nothing was "
            r"built \(start it with `dask scheduler` on that machine"):
        graph.build([EXAMPLE_ARTICLE], engine="dask",
                    dask=DaskOptions(scheduler=address, connect_timeout=2))


def test_a_shard_the_client_cannot_see_is_a_clear_error(tmp_path: Path) -> None:
    from kg.dask_engine import _load
    from kg.errors import ConfigError

    shard = tmp_path / "on-the-worker" / "shard-000001.nq"
    with pytest.raises(ConfigError, match="give --shard-dir a folder that this machine and "
                       "every worker share"):
        _load(lambda _shard, _items: None, shard, [])


@pytest.mark.skipif(not BBC.exists(), reason=f"{BBC} is absent (../shared not here)")
def test_kill_9_of_the_client_then_a_rebuild_equals_a_clean_build(
        tmp_path: Path, dask_cluster: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(BBC.glob("business/*.txt"))[:150]:
        (corpus / path.name).write_bytes(path.read_bytes())
    store, shards = tmp_path / "store", tmp_path / "shards"
    build = [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store),
             "--engine", "dask", "--scheduler", dask_cluster, "--shard-dir", str(shards),
             "-q"]
    proc = subprocess.Popen(build, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # kill it once a shard is loaded (partitions of 32 documents), mid-build: a fixed
    # wait missed the build once the parse got faster
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        if documents(store) >= 1:
            break
        time.sleep(0.2)
    if proc.poll() is not None:
        pytest.skip("the build finished before it could be killed (machine too fast)")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < documents(store) < 150, "the kill did not land in the middle of the build"
    done = subprocess.run(build, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    clean = KnowledgeGraph("memory:")
    clean.build([str(corpus)])
    with KnowledgeGraph(store, read_only=True) as rebuilt:
        assert canonical(rebuilt) == canonical(clean)
