"""The Dask engine: kg's stages (:func:`kg.stages.build_batch`, what the local
engine's worker processes run too) as tasks on a dask.distributed cluster, each
partition writing an N-Quads shard that the store bulk-loads.

The client reads the documents (streaming) and ships partitions of them to the
workers; each worker loads the spaCy model once, processes its partition and
writes ``shard-N.nq`` into a folder that client and workers share (a temporary
folder for a LocalCluster; give ``shard_dir`` on a shared filesystem for a real
cluster). At most ``2 * workers`` partitions are in flight, so memory stays
bounded. The graph equals the local engine's: each loaded document's graph is
dropped, then its shard is loaded.

>>> from kg.dask_engine import DaskOptions
>>> DaskOptions().partition_size
32
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.engine import Engine
from kg.errors import ConfigError
from kg.stages import Built, StageOptions
from kg.types import Document

if TYPE_CHECKING:
    from kg.store import Store

__all__ = ["DaskEngine", "DaskOptions", "run"]


@dataclass(frozen=True)
class DaskOptions:
    """Where and how to run: ``scheduler`` is a dask.distributed address
    (``tcp://host:8786``); ``None`` starts a LocalCluster of ``workers`` processes."""

    scheduler: str | None = None
    workers: int = 2
    partition_size: int = 32
    shard_dir: str | None = None


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


def _client(options: DaskOptions) -> tuple[Any, Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError("the dask engine needs dask.distributed",
                          hint='install it with: pip install "kg[dask]"') from exc
    if options.scheduler:
        try:
            return Client(options.scheduler, timeout="20s"), None
        except OSError as exc:
            raise ConfigError(f"cannot reach the Dask scheduler {options.scheduler}: {exc}",
                              hint="start one (dask scheduler) or drop --scheduler") from exc
    cluster = LocalCluster(n_workers=options.workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None)
    return Client(cluster), cluster


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
    shard_root = Path(options.shard_dir or tempfile.mkdtemp(prefix="kg-shards-"))
    shard_root.mkdir(parents=True, exist_ok=True)
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
        client.close()
        if cluster is not None:
            cluster.close()
        if options.shard_dir is None:
            for leftover in shard_root.glob("*"):
                leftover.unlink(missing_ok=True)
            shard_root.rmdir()
