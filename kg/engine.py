"""Engines: where kg's stages run. The pipeline calls an engine; no engine imports
the pipeline.

An :class:`Engine` takes documents already read and the :class:`~kg.stages.StageOptions`,
runs every stage (parse, extract, resolve, RDF) on each document in the process that
parses it, and hands the compact results (:class:`~kg.stages.Built`: N-Quads and
counts) to the store, whose one writer is the calling process.
:class:`LocalEngine` runs them in this process (``processes=1``) or in worker
processes of its own; :class:`kg.dask_engine.DaskEngine` on a dask.distributed
cluster. Both run :func:`kg.stages.build_batch` on batches of whole documents.

>>> LocalEngine(processes=2).processes
2
"""

from __future__ import annotations

import os
import threading
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, TypeVar

from kg.errors import ConfigError, KgError
from kg.stages import Built, Processed, StageOptions, build_batch, process_batch, stages_for
from kg.types import Document

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from kg.store import Store

__all__ = ["FORKSERVER_PRELOAD", "TASKS_PER_PROCESS", "TASK_CHARS", "Engine", "LocalEngine",
           "fork_server", "write_built"]

R = TypeVar("R")

#: The characters of text in one task of a worker process: a few BBC articles. Small
#: enough that the workers finish together at the end of a build, large enough that
#: a task's round trip costs little next to its parse.
TASK_CHARS = 20_000

#: The batches in flight per worker process: one running, the others waiting, so
#: that a worker that finishes its batch while the batch at the head of the line
#: (the next result, in order) still runs finds another one.
TASKS_PER_PROCESS = 4


class Engine(ABC):
    """Runs kg's stages over documents and loads their graphs into a store."""

    @abstractmethod
    def build(self, documents: Iterable[Document], *, options: StageOptions,
              store: Store) -> Iterator[list[Built]]:
        """Process ``documents`` (read lazily), load each one's graph into
        ``store`` (replacing its older graph) and yield the loaded results, a
        batch at a time, once they are in the store."""


def write_built(store: Store, items: list[Built]) -> None:
    """Replace the graph of each of ``items`` in ``store`` with its N-Quads, one
    document at a time (see :meth:`kg.store.Store.replace_graphs`)."""
    from kg.rdf import document_iri

    for item in items:
        store.replace_graphs([document_iri(item.document.id)], item.nquads)


class LocalEngine(Engine):
    """The stages in this process (``processes=1``) or in ``processes`` worker
    processes. The workers are forked by a fork server (:func:`fork_server`): a fresh
    interpreter, started once per process, that loads the stages with the default
    options and warms them before it forks any worker, so that each worker starts
    with them (copy-on-write). This process itself is never forked: a fork would
    copy the locks that Oxigraph's and Rich's threads hold, and hang. Each worker
    takes batches of whole documents (:data:`TASK_CHARS`): it parses a document's
    pieces, joins them and runs every stage on it. At most
    :data:`TASKS_PER_PROCESS` batches per worker are in flight, so memory does not
    grow with the corpus, and results come back in the order of the documents."""

    def __init__(self, processes: int = 1) -> None:
        if processes < 1:
            raise ConfigError(f"processes must be at least 1, not {processes}",
                              hint="give --processes 1 or more")
        self.processes = processes

    def build(self, documents: Iterable[Document], *, options: StageOptions,
              store: Store) -> Iterator[list[Built]]:
        for items in self.run(build_batch, documents, options=options):
            write_built(store, items)
            yield items

    def process(self, documents: Iterable[Document], *,
                options: StageOptions) -> Iterator[Processed]:
        """Every stage over ``documents``, in full (no store): what
        :func:`kg.pipeline.process` yields."""
        if self.processes == 1:
            yield from stages_for(options).run(documents)
            return
        for items in self.run(process_batch, documents, options=options):
            yield from items

    def run(self, task: Callable[[StageOptions, list[Document]], list[R]],
            documents: Iterable[Document], *, options: StageOptions) -> Iterator[list[R]]:
        """``task(options, batch)`` over batches of ``documents``, in order."""
        if self.processes == 1:
            try:
                for batch in _batches(documents, TASK_CHARS):
                    yield task(options, batch)
            finally:  # this process's model is shared: no zone outlives the build
                stages_for(options).zone.close()
            return
        yield from _pooled(task, documents, options=options, processes=self.processes)


def _batches(documents: Iterable[Document], chars: int) -> Iterator[list[Document]]:
    """``documents`` in batches of about ``chars`` characters of text (at least one
    document each)."""
    batch: list[Document] = []
    size = 0
    for document in documents:
        batch.append(document)
        size += len(document.text)
        if size >= chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


#: What kg's fork server imports before it forks a worker: a module whose import
#: there loads and warms the stages (see :mod:`kg._forkserver`).
FORKSERVER_PRELOAD = "kg._forkserver"


def fork_server() -> BaseContext | None:
    """The context of kg's fork server, started if it is not running: a fresh
    interpreter (fork and exec, as a subprocess is), one per process, kept until
    this process exits, that imports :data:`FORKSERVER_PRELOAD` (the stages loaded
    and warmed) before it forks any worker; later builds find it warm. ``None``
    where there is no fork server (Windows). A fork server started earlier by other
    code, without kg's preload, forks workers that load the stages themselves."""
    import multiprocessing
    import multiprocessing.forkserver

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([FORKSERVER_PRELOAD])
    multiprocessing.forkserver.ensure_running()
    return context


def _context() -> BaseContext:
    """How the worker processes start: forked by kg's fork server
    (:func:`fork_server`), else with "spawn"."""
    import multiprocessing

    return fork_server() or multiprocessing.get_context("spawn")


def _pooled(task: Callable[[StageOptions, list[Document]], list[R]],
            documents: Iterable[Document], *, options: StageOptions,
            processes: int) -> Iterator[list[R]]:
    pool = ProcessPoolExecutor(max_workers=processes, mp_context=_context(),
                               initializer=_start_worker, initargs=(options,))
    pending: deque[Future[list[R]]] = deque()
    try:
        for batch in _batches(documents, TASK_CHARS):
            pending.append(pool.submit(task, options, batch))
            while len(pending) >= TASKS_PER_PROCESS * processes:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _result(future: Future[list[R]]) -> list[R]:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise KgError("a worker process of the build died (killed, or out of memory)",
                      hint="run the build again (documents already stored are kept); "
                           "with less memory, give fewer --processes") from exc


def _start_worker(options: StageOptions) -> None:
    """A worker's start: load the stages (before the first task; a worker forked
    from kg's fork server finds them loaded) and watch the parent, so that a worker
    whose build was killed (kill -9) exits too rather than wait for tasks for ever."""
    watcher = threading.Thread(target=_exit_with_parent, daemon=True,
                               name="kg-parent-watch")
    watcher.start()
    stages_for(options)


def _exit_with_parent() -> None:
    """Wait until the process that started this one is gone, then exit. (Not the
    parent process id: a worker forked by the fork server is the server's child.)"""
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is not None:
        parent.join()
        os._exit(1)
