"""Fixtures for the graph tests: the hand-built sample store (see graph_fixtures.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def _load_fixtures() -> ModuleType:
    name = "kg_tests_graph_fixtures"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, Path(__file__).resolve().parents[1] / "graph" / "graph_fixtures.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


fixtures = _load_fixtures()
sample_store = fixtures.sample_store
