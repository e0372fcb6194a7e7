"""The Dask engine: kg's stages (:func:`kg.stages.build_batch`, what the local
engine's worker processes run too) as tasks on a dask.distributed cluster, each
partition writing an N-Quads shard that the store bulk-loads.

:func:`run_sources` (what ``kg build --engine dask`` uses) has the *workers* read
the documents from paths they see: a worker lists the files, workers read each
partition of files and send back only ids and text hashes, the client decides
which documents to build (the store's unchanged and duplicate checks), and a
worker reads and builds those. :func:`run` takes documents the client has read
and ships them. Either way each worker loads the spaCy model once, processes its
partition and writes ``shard-N.nq`` into a folder that client and workers share
(a temporary folder for a LocalCluster; give ``shard_dir`` on a shared
filesystem for a real cluster), and the client loads the shards: it is the
store's one writer. At most ``2 * workers`` partitions are in flight, so memory
stays bounded. The graph equals the local engine's: each loaded document's graph
is dropped, then its shard is loaded.

>>> from kg.dask_engine import DaskOptions
>>> DaskOptions().partition_size
32
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from kg.engine import Engine
from kg.errors import ConfigError, InputError
from kg.stages import Built, StageOptions
from kg.types import Document

if TYPE_CHECKING:
    from kg.store import Store

__all__ = ["DaskEngine", "DaskOptions", "run", "run_sources"]


@dataclass(frozen=True)
class DaskOptions:
    """Where and how to run: ``scheduler`` is a dask.distributed address
    (``tcp://host:8786``); ``None`` starts a LocalCluster of ``workers`` processes."""

    scheduler: str | None = None
    workers: int = 2
    partition_size: int = 32
    shard_dir: str | None = None
    connect_timeout: float = 20.0


def _partitions(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _run_partition(documents: list[Document], shard: str,
                   options: StageOptions) -> list[Built]:
    """Worker side: process one partition, write its quads to ``shard``; return the
    documents' counts (without their quads)."""
    import dataclasses

    from kg.stages import build_batch

    done = build_batch(options, documents)
    tmp = shard + ".part"
    with open(tmp, "wb") as out:
        for item in done:
            out.write(item.nquads)
    os.replace(tmp, shard)
    return [dataclasses.replace(item, nquads=b"") for item in done]


#: A temporary shard folder's name: the pid of the build that made it, then a suffix.
_SHARD_FOLDER = re.compile(r"kg-shards-(\d+)-\w+")


def _shard_folder(options: DaskOptions) -> Path:
    """The folder a build's shards go to: ``--shard-dir``, or a temporary folder
    named after this process, made after removing the temporary folders of builds
    whose process is gone (killed with -9, it could not remove its own)."""
    if options.shard_dir is not None:
        folder = Path(options.shard_dir)
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    for old in Path(tempfile.gettempdir()).glob("kg-shards-*"):
        match = _SHARD_FOLDER.fullmatch(old.name)
        if match is not None and old.is_dir() and not _alive(int(match.group(1))):
            shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"kg-shards-{os.getpid()}-"))


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` runs (one of another user counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _close(client: Any, cluster: Any, shard_root: Path, options: DaskOptions) -> None:
    """Close the client (and the LocalCluster it started); remove a temporary shard
    folder with what is left in it."""
    client.close()
    if cluster is not None:
        cluster.close()
    if options.shard_dir is None:
        for leftover in shard_root.glob("*"):
            leftover.unlink(missing_ok=True)
        shard_root.rmdir()


def _client(options: DaskOptions) -> tuple[Any, Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError("the dask engine needs dask.distributed",
                          hint='install it with: pip install "kg[dask]"') from exc
    if options.scheduler:
        try:
            return Client(options.scheduler, timeout=options.connect_timeout), None
        except (OSError, ValueError) as exc:
            raise ConfigError(
                f"cannot reach the Dask scheduler {options.scheduler} "
                f"({' '.join(str(exc).split())[:200]}); nothing was built",
                hint="start it with `dask scheduler` on that machine and `dask worker "
                "tcp://HOST:8786` on each worker machine; check the address and that its "
                "port is reachable from here; or drop --scheduler to use a cluster on this "
                "machine") from exc
    import dask

    # without a dashboard nobody sees the workers' statistical profiles, the
    # system monitor's samples or the event loops' health ticks, which cost the
    # scheduler's thread in this process about 3 % of a core
    with dask.config.set({**_QUIET, **_forked()}):
        cluster = LocalCluster(n_workers=options.workers, threads_per_worker=1,
                               processes=True, host="127.0.0.1", dashboard_address=None)
    return Client(cluster), cluster


def _forked() -> dict[str, str]:
    """The LocalCluster's start method: its worker processes forked by kg's fork
    server (see :func:`kg.engine.fork_server`), which has kg's stages loaded and
    warm, instead of spawned and loading them in their first task. The server is
    started here, with kg's preload, before distributed would start one with its
    own. Nothing where there is no fork server."""
    from kg.engine import fork_server

    if fork_server() is None:
        return {}
    return {"distributed.worker.multiprocessing-method": "forkserver"}


#: The LocalCluster's settings for what only a dashboard shows (it has none).
_QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.tick.interval": "500ms",
}


class DaskEngine(Engine):
    """The stages on a dask.distributed cluster (see the module's description)."""

    def __init__(self, options: DaskOptions = DaskOptions()) -> None:
        self.options = options

    def build(self, documents: Iterable[Document], *, options: StageOptions,
              store: Store) -> Iterator[list[Built]]:
        def load_shard(shard: Path, items: list[Built]) -> None:
            from kg.rdf import document_iri

            store.replace_graphs([document_iri(item.document.id) for item in items],
                                 shard.read_bytes())

        yield from run(documents, load_shard=load_shard, options=self.options, stages=options)


def run(
    documents: Iterable[Document],
    *,
    load_shard: Callable[[Path, list[Built]], None],
    options: DaskOptions = DaskOptions(),
    stages: StageOptions | None = None,
) -> Iterator[list[Built]]:
    """Process ``documents`` on Dask; call ``load_shard(path, items)`` for each
    finished partition (in completion order) and yield its items. ``stages``
    (with the ontology, kg's by default) travel to the workers."""
    from dask.distributed import as_completed

    client, cluster = _client(options)
    shard_root = _shard_folder(options)
    try:
        pending = as_completed()
        shards: dict[str, Path] = {}
        in_flight = 0
        limit = max(2, 2 * options.workers)

        def finished(future: Any) -> list[Built]:
            shard = shards.pop(future.key)
            items: list[Built] = future.result()
            load_shard(shard, items)
            shard.unlink(missing_ok=True)
            return items

        for index, partition in enumerate(_partitions(documents, options.partition_size)):
            shard = shard_root / f"shard-{index:06d}.nq"
            future = client.submit(_run_partition, partition, str(shard),
                                   stages or StageOptions(), pure=False)
            shards[future.key] = shard
            pending.add(future)
            in_flight += 1
            while in_flight >= limit:
                yield finished(next(pending))
                in_flight -= 1
        for future in pending:
            yield finished(future)
    finally:
        _close(client, cluster, shard_root, options)


# -- documents read on the workers -------------------------------------------------------
@dataclass(frozen=True)
class _Key:
    """What the client needs of a document read on a worker to decide whether to
    build it (unchanged? a duplicate?): where it is and its text's hash, no text."""

    id: str
    source: str | None
    line: int | None
    digest: str

    def stub(self) -> Document:
        """A text-less stand-in for the client's checks and messages."""
        return Document(id=self.id, text="", source=self.source, line=self.line)


#: An :class:`InputError` as plain values (it crosses processes; the client rebuilds it).
_Error = tuple[str, str | None, int | None, str | None]


def _collect(errors: list[_Error]) -> Callable[[InputError], None]:
    def report(error: InputError) -> None:
        errors.append((error.message, error.source, error.line, error.hint))
    return report


def _input_error(fields: _Error) -> InputError:
    """A worker's input error for the client, with what to do on a cluster."""
    message, source, line, hint = fields
    if message.startswith(("no such file", "cannot open", "cannot list")):
        hint = (f"the Dask workers read the inputs: check that {source} exists under the same "
                "path on every worker (a folder they share), or build with --engine local")
    return InputError(message, source=source, line=line, hint=hint)


def _list_on_worker(sources: list[str]
                    ) -> tuple[list[tuple[str, str | None]], list[_Error], list[str]]:
    """Worker side: the files of ``sources`` (folders walked where the files are)."""
    from kg.ingest import list_files

    errors: list[_Error] = []
    skipped: list[str] = []
    files = list(list_files(sources, on_error=_collect(errors), on_skip=skipped.append))
    return files, errors, skipped


def _scan_partition(files: list[tuple[str, str | None]], max_chars: int | None,
                    ) -> tuple[list[_Key], list[_Error]]:
    """Worker side: read ``files``, return each document's key and the input errors."""
    from kg.ingest import read_files
    from kg.rdf import content_hash

    errors: list[_Error] = []
    keys = [_Key(d.id, d.source, d.line, content_hash(d.text))
            for d in read_files(files, on_error=_collect(errors), max_chars=max_chars)]
    return keys, errors


def _read_and_run(files: list[tuple[str, str | None]], shard: str,
                  keep: frozenset[tuple[str, str | None, int | None]],
                  stages: StageOptions, max_chars: int | None) -> list[Built]:
    """Worker side: read ``files`` again (their errors were reported by the scan),
    build the documents the client kept, write their shard."""
    from kg.ingest import read_files

    documents = [d for d in read_files(files, on_error=lambda _error: None,
                                       max_chars=max_chars)
                 if (d.id, d.source, d.line) in keep]
    os.makedirs(os.path.dirname(shard), exist_ok=True)
    return _run_partition(documents, shard, stages)


def _threads(client: Any, options: DaskOptions) -> int:
    """The cluster's worker threads as it is now (a scheduler's cluster may be far
    larger than ``options.workers``)."""
    threads = sum(client.nthreads().values()) if options.scheduler else 0
    return max(1, options.workers, threads)


def _chunks(items: list[Any], size: int, threads: int) -> Iterator[list[Any]]:
    """``items`` in chunks of ``size``, smaller towards the end (about an eighth
    of what is left per thread, but at least ``size // 8``), so that the workers
    finish together rather than one working through a whole last partition while
    the others wait."""
    smallest = max(1, size // 8)
    start = 0
    while start < len(items):
        left = len(items) - start
        step = min(size, max(smallest, -(-left // (4 * threads))))
        yield items[start:start + step]
        start += step


def _load(load_shard: Callable[[Path, list[Built]], None], shard: Path,
          items: list[Built]) -> None:
    if not shard.exists():
        raise ConfigError(f"the shard {shard} a worker wrote is not visible here",
                          hint="give --shard-dir a folder that this machine and every "
                          "worker share (the same path on each)")
    load_shard(shard, items)
    shard.unlink(missing_ok=True)


def run_sources(
    sources: list[str],
    *,
    skip: Callable[[Document, str], bool],
    load_shard: Callable[[Path, list[Built]], None],
    on_error: Callable[[InputError], None],
    on_skip_file: Callable[[str], None] | None = None,
    stdin: TextIO | None = None,
    max_chars: int | None = None,
    options: DaskOptions = DaskOptions(),
    stages: StageOptions | None = None,
) -> Iterator[list[Built]]:
    """Build ``sources`` (files and folders as the *workers* see them; ``-`` is read
    here) on Dask: a worker lists the files; for each partition of files a worker
    reads them and returns each document's id, place and text hash; the client asks
    ``skip(document, digest)`` (the document without its text) which to build; a
    worker reads and builds those into a shard, which the client gives to
    ``load_shard`` before yielding the partition's items. Input errors (a file
    missing on the workers...) go to ``on_error`` and the rest goes on; files of a
    binary type met in folders go to ``on_skip_file``. At most twice the cluster's
    worker threads (or ``2 * workers``) tasks are in flight. The partitions get
    smaller towards the end (see :func:`_chunks`), and the documents are checked in
    input order whichever partition was read first. ``stages`` (with the ontology,
    kg's by default) travel to the workers.
    """
    import itertools

    from dask.distributed import as_completed

    from kg.ingest import read
    from kg.rdf import content_hash

    stage_options = stages or StageOptions()
    client, cluster = _client(options)
    shard_root = _shard_folder(options)
    try:
        threads = _threads(client, options)
        named = [s for s in sources if s != "-"]
        files: list[tuple[str, str | None]] = []
        if named:
            files, errors, skipped = client.submit(_list_on_worker, named, pure=False).result()
            for fields in errors:
                on_error(_input_error(fields))
            for path in skipped:
                if on_skip_file is not None:
                    on_skip_file(path)
        piped = (read(["-"], stdin=stdin, on_error=on_error, max_chars=max_chars)
                 if "-" in sources else iter(()))
        work: Iterator[tuple[str, list[Any]]] = itertools.chain(
            (("files", chunk) for chunk in _chunks(files, options.partition_size, threads)),
            (("documents", chunk) for chunk in _partitions(piped, options.partition_size)))
        pending = as_completed()
        tasks: dict[str, tuple[str, list[Any], Path | None, int]] = {}
        shard_numbers = itertools.count()
        # a name of this run's own: a task of a killed earlier build may still be
        # writing into a shared --shard-dir
        run_id = uuid.uuid4().hex[:12]
        # twice the worker threads in flight, so that each has its next task
        limit = 2 * threads
        # the chunks read, by their place in the input, until their turn to be
        # checked: the checks run in input order, as the local engine's do (which
        # of two documents with the same text is kept does not depend on which
        # scan finished first)
        ready: dict[int, tuple[str, list[Any], Any]] = {}
        turns = itertools.count()
        turn = 0

        def submit(stage: str, chunk: list[Any], function: Callable[..., Any],
                   *args: Any, place: int = -1) -> None:
            """Run ``function`` on a worker; a build's shard path goes second."""
            shard = (shard_root / f"shard-{run_id}-{next(shard_numbers):06d}.nq"
                     if stage == "build" else None)
            if shard is not None:
                args = (*args[:1], str(shard), *args[1:])
            future = client.submit(function, *args, pure=False)
            tasks[future.key] = (stage, chunk, shard, place)
            pending.add(future)

        def check() -> None:
            """Check the chunks whose turn it is; submit the builds of what is kept."""
            nonlocal turn
            while turn in ready:
                kind, chunk, scanned = ready.pop(turn)
                turn += 1
                if kind == "documents":
                    kept = [d for d in chunk if not skip(d, content_hash(d.text))]
                    if kept:
                        submit("build", kept, _run_partition, kept, stage_options)
                    continue
                keys, errors = scanned
                for fields in errors:
                    on_error(_input_error(fields))
                keep = frozenset((k.id, k.source, k.line) for k in keys
                                 if not skip(k.stub(), k.digest))
                if keep:
                    submit("build", chunk, _read_and_run, chunk, keep, stage_options,
                           max_chars)

        def top_up() -> None:
            while len(tasks) + len(ready) < limit:
                kind, chunk = next(work, ("", []))
                if not kind:
                    return
                place = next(turns)
                if kind == "files":
                    submit("scan", chunk, _scan_partition, chunk, max_chars, place=place)
                else:
                    ready[place] = (kind, chunk, None)
                    check()

        top_up()
        for future in pending:
            stage, chunk, shard, place = tasks.pop(future.key)
            if stage == "scan":
                ready[place] = ("files", chunk, future.result())
                check()
            else:
                assert shard is not None
                items: list[Built] = future.result()
                _load(load_shard, shard, items)
                yield items
            top_up()
    finally:
        _close(client, cluster, shard_root, options)
