"""The local engine: kg's stages run in the worker processes that parse the
documents, and give what one process gives."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from kg.engine import LocalEngine, _batches
from kg.errors import ConfigError
from kg.pipeline import EXAMPLE_ARTICLE, KnowledgeGraph, process_documents
from kg.types import Document
from tests.conftest import BBC

KG = [sys.executable, "-m", "kg"]

#: A quotation whose two paragraphs fall into two parse pieces (the first piece
#: reaches kg.nlp.MAX_CHUNK just before its second paragraph), attributed after it.
QUOTE_ACROSS_PIECES = (
    "".join(f"The committee met on day {i} and discussed the budget at length.\n\n"
            for i in range(76))
    + "\u201cRussia will supply gas to China.\n\n"
      "China will buy more oil from Russia,\u201d Putin said.\n")


def sources() -> list[str]:
    found = [EXAMPLE_ARTICLE]
    if BBC.exists():
        found += [str(p) for p in sorted(BBC.glob("politics/*.txt"))[:4]]
    return found


def canonical(graph: KnowledgeGraph) -> list[bytes]:
    buffer = io.BytesIO()
    graph.export(buffer, "nq")
    return sorted(buffer.getvalue().splitlines())


def test_batches_hold_about_the_characters_asked_and_every_document_once() -> None:
    docs = [Document(id=str(i), text="x" * n) for i, n in enumerate([5, 5, 12, 1, 1, 30, 2])]
    batches = list(_batches(docs, 10))
    assert [[d.id for d in b] for b in batches] == [["0", "1"], ["2"], ["3", "4", "5"], ["6"]]


def test_processes_must_be_at_least_one() -> None:
    with pytest.raises(ConfigError, match="at least 1"):
        LocalEngine(0)


def test_the_quotation_across_parse_pieces_keeps_its_speaker() -> None:
    from kg.nlp import pieces

    parts = pieces(QUOTE_ACROSS_PIECES)
    assert len(parts) == 2 and parts[1].startswith("China will buy")  # the premise
    document = Document(id="quote", text=QUOTE_ACROSS_PIECES)
    for processes in (1, 2):
        [item] = process_documents([document], processes=processes)
        speakers = {s.relation: s.speaker.text if s.speaker else None for s in item.statements
                    if s.subject.text in {"Russia", "China"}}
        assert speakers == {"will supply": "Putin", "will buy": "Putin"}, processes


def test_two_processes_give_what_one_gives_in_full() -> None:
    from kg.ingest import read

    documents = list(read(sources()))
    one = list(process_documents(documents))
    two = list(process_documents(documents, processes=2))
    assert [i.document.id for i in two] == [d.id for d in documents]  # in order
    assert two == one  # statements, resolved statements and quads


def test_the_main_process_runs_no_stage_with_two_processes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.stages

    clean = KnowledgeGraph("memory:")
    clean.build(sources())

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a stage ran in the main process")

    monkeypatch.setattr(kg.stages.Stages, "run", refuse)  # the workers are new processes
    graph = KnowledgeGraph("memory:")
    report = graph.build(sources(), processes=2)
    assert report.documents == len(sources()) == clean.report.documents  # type: ignore[union-attr]
    assert report.extractions == clean.report.extractions > 0  # type: ignore[union-attr]
    assert report.statements == clean.report.statements  # type: ignore[union-attr]
    assert canonical(graph) == canonical(clean)
    with pytest.raises(AssertionError, match="main process"):
        KnowledgeGraph("memory:").build(sources(), processes=1)


@pytest.mark.slow
def test_cli_build_with_two_processes_equals_one(tmp_path: Path) -> None:
    stores = {}
    for processes in ("1", "2"):
        store = tmp_path / f"store-{processes}"
        done = subprocess.run([*KG, "build", *sources(), "--store", str(store), "-q",
                               "--processes", processes], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert f"documents loaded {len(sources())}" in " ".join(done.stdout.replace(
            "│", " ").split())
        stores[processes] = sorted(subprocess.run(
            [*KG, "export", "--store", str(store), "--format", "nq"], check=True,
            capture_output=True, text=True).stdout.splitlines())
    assert stores["2"] == stores["1"] and len(stores["1"]) > 100


def test_extract_documents_in_two_processes_equals_one() -> None:
    from kg.pipeline import extract_documents

    one = list(extract_documents(sources()))
    two = list(extract_documents(sources(), processes=2))
    assert [(d.id, s) for d, s in two] == [(d.id, s) for d, s in one]
    assert sum(len(s) for _d, s in one) > 10


def _sleep_then_name(options: object, batch: list[Document]) -> list[str]:
    """A task whose early batches take longest (so that they finish last)."""
    import time

    time.sleep(0.02 * max(0, 6 - int(batch[0].id)))
    return [d.id for d in batch]


def test_results_come_back_in_order_when_tasks_finish_out_of_order(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    from concurrent.futures import ThreadPoolExecutor

    import kg.engine
    from kg.stages import StageOptions

    running = {"now": 0, "most": 0}
    lock = threading.Lock()

    def task(options: StageOptions, batch: list[Document]) -> list[str]:
        with lock:
            running["now"] += 1
            running["most"] = max(running["most"], running["now"])
        try:
            return _sleep_then_name(options, batch)
        finally:
            with lock:
                running["now"] -= 1

    def threads(max_workers: int, **_: object) -> ThreadPoolExecutor:
        return ThreadPoolExecutor(max_workers=4 * max_workers)  # more than the cap

    monkeypatch.setattr(kg.engine, "ProcessPoolExecutor", threads)
    docs = [Document(id=str(i), text="x" * 10) for i in range(20)]
    monkeypatch.setattr(kg.engine, "TASK_CHARS", 10)  # one document a batch
    got = list(kg.engine._pooled(task, docs, options=StageOptions(), processes=2))
    assert got == [[str(i)] for i in range(20)]
    # the later batches ran while the slow first one did, up to the cap in flight
    assert 2 * 2 < running["most"] <= kg.engine.TASKS_PER_PROCESS * 2


def _worker_facts(options: object, batch: list[Document]) -> list[tuple[bool, bool, int]]:
    """In a worker: whether the fork server forked it, whether the server warmed the
    stages before, and how many models were loaded (in the server or here)."""
    import multiprocessing
    import os

    from kg.nlp import _load

    parent = multiprocessing.parent_process()
    forked_by_server = parent is not None and parent.pid != os.getppid()
    server = sys.modules.get("kg._forkserver")
    warmed = bool(server and server.WARMED)
    return [(forked_by_server, warmed, _load.cache_info().misses) for _ in batch]


@pytest.mark.skipif(sys.platform == "win32", reason="no fork server on Windows")
def test_workers_are_forked_from_a_warm_fork_server() -> None:
    from kg.stages import StageOptions

    docs = [Document(id=str(i), text="Russia supplies gas.") for i in range(4)]
    facts = [f for batch in LocalEngine(2).run(_worker_facts, docs, options=StageOptions())
             for f in batch]
    # forked by the server, which loaded the model and warmed the stages: no load here
    assert facts == [(True, True, 1)] * 4


def test_importing_the_preload_outside_a_fork_server_loads_nothing() -> None:
    import kg._forkserver

    assert not kg._forkserver._in_fork_server()
    assert not kg._forkserver.WARMED


def _die_on_third(options: object, batch: list[Document]) -> list[str]:
    """A task whose worker is killed (as by the kernel's OOM killer) on batch 2."""
    import os
    import signal

    if batch[0].id == "2":
        os.kill(os.getpid(), signal.SIGKILL)
    return [d.id for d in batch]


@pytest.mark.skipif(sys.platform == "win32", reason="no SIGKILL on Windows")
def test_a_forked_worker_killed_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.engine
    from kg.errors import KgError
    from kg.stages import StageOptions

    monkeypatch.setattr(kg.engine, "TASK_CHARS", 1)  # one document a batch
    docs = [Document(id=str(i), text="x") for i in range(6)]
    with pytest.raises(KgError, match="worker process of the build died"):
        list(LocalEngine(2).run(_die_on_third, docs, options=StageOptions()))
