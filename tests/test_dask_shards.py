"""The Dask engine's temporary shard folders: a killed build's is removed by the next."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")

from kg.dask_engine import DaskOptions, _shard_folder


def _dead_pid() -> int:
    """The pid of a process that has ended."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def test_a_killed_build_s_shard_folder_goes_with_the_next_build() -> None:
    tmp = Path(tempfile.gettempdir())
    dead = tmp / f"kg-shards-{_dead_pid()}-test"
    dead.mkdir(exist_ok=True)
    (dead / "shard-000001.nq").write_text("<a> <b> <c> <d> .\n", encoding="utf-8")
    ours = tmp / f"kg-shards-{os.getpid()}-test"
    ours.mkdir(exist_ok=True)
    try:
        folder = _shard_folder(DaskOptions())
        try:
            assert folder.name.startswith(f"kg-shards-{os.getpid()}-")
            assert not dead.exists()  # its process is gone
            assert ours.exists()  # a running build's stays
        finally:
            folder.rmdir()
    finally:
        for path in (dead, ours):
            if path.exists():
                for child in path.iterdir():
                    child.unlink()
                path.rmdir()


def test_a_given_shard_folder_is_used_as_it_is(tmp_path: Path) -> None:
    folder = _shard_folder(DaskOptions(shard_dir=str(tmp_path / "shards")))
    assert folder == tmp_path / "shards" and folder.is_dir()
