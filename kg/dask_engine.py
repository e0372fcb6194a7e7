"""The Dask engine: the same stages as :func:`kg.pipeline.process_documents`, run
as tasks on a dask.distributed cluster, each partition writing an N-Quads shard
that the store bulk-loads.

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

import dataclasses
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import ConfigError
from kg.pipeline import Processed
from kg.types import Document

if TYPE_CHECKING:
    from kg.ontology import Ontology

__all__ = ["DaskOptions", "run"]


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


def _run_partition(documents: list[Document], shard: str, model: str | None,
                   metonymy: bool, ontology: Ontology | None = None) -> list[Processed]:
    """Worker side: process one partition, write its quads to ``shard``."""
    from kg.pipeline import process_documents
    from kg.store import write_nquads

    done: list[Processed] = []
    tmp = shard + ".part"
    with open(tmp, "wb") as out:
        for item in process_documents(documents, model=model, metonymy=metonymy,
                                      ontology=ontology):
            write_nquads(out, item.quads)
            done.append(dataclasses.replace(item, quads=()))
    os.replace(tmp, shard)
    return done


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


def run(
    documents: Iterable[Document],
    *,
    load_shard: Callable[[Path, list[Processed]], None],
    options: DaskOptions = DaskOptions(),
    model: str | None = None,
    metonymy: bool = True,
    ontology: Ontology | None = None,
) -> Iterator[list[Processed]]:
    """Process ``documents`` on Dask; call ``load_shard(path, items)`` for each
    finished partition (in completion order) and yield its items. ``ontology``
    (kg's by default) travels to the workers with its user files' contents."""
    from dask.distributed import as_completed

    client, cluster = _client(options)
    shard_root = Path(options.shard_dir or tempfile.mkdtemp(prefix="kg-shards-"))
    shard_root.mkdir(parents=True, exist_ok=True)
    try:
        pending = as_completed()
        shards: dict[str, Path] = {}
        in_flight = 0
        limit = max(2, 2 * options.workers)

        def finished(future: Any) -> list[Processed]:
            shard = shards.pop(future.key)
            items: list[Processed] = future.result()
            load_shard(shard, items)
            shard.unlink(missing_ok=True)
            return items

        for index, partition in enumerate(_partitions(documents, options.partition_size)):
            shard = shard_root / f"shard-{index:06d}.nq"
            future = client.submit(_run_partition, partition, str(shard), model, metonymy,
                                   ontology, pure=False)
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
