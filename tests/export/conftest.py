"""Fixtures for the export tests: the sample store of tests/graph/graph_fixtures.py."""

from tests.graph.graph_fixtures import sample_store

__all__ = ["sample_store"]
