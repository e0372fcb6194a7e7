"""The Dask engine builds the same graph as the local engine (LocalCluster, 2 workers)."""

from __future__ import annotations

import io

import pytest

from kg.pipeline import EXAMPLE_ARTICLE, KnowledgeGraph
from tests.conftest import BBC

pytest.importorskip("dask.distributed")


def canonical(graph: KnowledgeGraph) -> list[bytes]:
    buffer = io.BytesIO()
    graph.export(buffer, "nq")
    return sorted(buffer.getvalue().splitlines())


def test_dask_graph_equals_local_graph() -> None:
    from kg.dask_engine import DaskOptions

    sources = [EXAMPLE_ARTICLE]
    if BBC.exists():
        sources += [str(p) for p in sorted(BBC.glob("politics/*.txt"))[:5]]
    local = KnowledgeGraph("memory:")
    local.build(sources)
    distributed = KnowledgeGraph("memory:")
    report = distributed.build(sources, engine="dask",
                               dask=DaskOptions(workers=2, partition_size=2))
    assert report.documents == len(sources)
    assert len(distributed) == len(local) > 0
    assert canonical(distributed) == canonical(local)
