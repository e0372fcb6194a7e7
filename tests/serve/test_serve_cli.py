"""``kg serve`` from the command line, as a real process."""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.store import OxigraphStore


def _sample() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "store" / "sample.py"
    spec = importlib.util.spec_from_file_location("kg_test_sample_cli", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sample = _sample()

CODE = "from kg.cli import main; main()"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_every_sparql_command_has_help() -> None:
    runner = CliRunner()
    for name in ("serve", "queries", "run", "load"):
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Usage" in result.output


def test_kg_serve_process(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with OxigraphStore(store) as opened:
        sample.load_sample(opened)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", CODE, "serve", "--store", str(store), "--port", str(port),
         "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/sparql"
        query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { ?s a kg:Country }"})
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}?{query}", timeout=30) as response:
                    data = json.loads(response.read())
                break
            except OSError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline, "kg serve did not answer in 60 s"
                time.sleep(0.2)
        assert data["results"]["bindings"][0]["n"]["value"] == "4"
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/sparql" in stderr.decode()


def _descendants(pid: int) -> set[int]:
    """Processes below ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_workers_do_not_outlive_a_killed_server(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with OxigraphStore(store) as opened:
        sample.load_sample(opened)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", CODE, "serve", "--store", str(store), "--port", str(port),
         "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=30):
                    break
            except OSError:
                assert time.monotonic() < deadline, "kg serve did not answer in 60 s"
                time.sleep(0.2)
        below = _descendants(process.pid)
        assert len(below) >= 2  # the fork server and its workers
    finally:
        process.kill()
        process.wait(30)
    for _ in range(100):  # bounded: 10 s
        if not _alive(below):
            break
        time.sleep(0.1)
    assert not _alive(below)
