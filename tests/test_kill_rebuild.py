"""A build killed with SIGKILL in the middle, run again, gives exactly a clean build's graph."""

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


@needs_shared(BBC)
@pytest.mark.slow
def test_kill_9_then_rebuild_equals_clean_build(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(BBC.glob("business/*.txt"))[:150]:
        (corpus / path.name).write_bytes(path.read_bytes())
    killed, clean = tmp_path / "killed", tmp_path / "clean"

    proc = subprocess.Popen([*KG, "build", str(corpus), "--store", str(killed), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(8)  # the model loads in ~2 s; the build of ~50k words takes over 10 s
    if proc.poll() is not None:
        pytest.skip("the build finished before it could be killed (machine too fast)")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    subprocess.run([*KG, "build", str(corpus), "--store", str(killed), "-q"], check=True,
                   capture_output=True)
    subprocess.run([*KG, "build", str(corpus), "--store", str(clean), "-q"], check=True,
                   capture_output=True)
    assert canonical(killed) == canonical(clean)
