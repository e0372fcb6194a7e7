"""A running ``kg serve`` (in a thread, on a free port) over the hand-built sample."""

from __future__ import annotations

import importlib.util
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kg.serve import SparqlServer, make_server
from kg.store import OxigraphStore


def _sample() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "store" / "sample.py"
    spec = importlib.util.spec_from_file_location("kg_test_sample_serve", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sample = _sample()


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


class Http:
    """HTTP helpers for the tests (a fixture, since ``tests`` is not a package)."""

    Reply = Reply

    @staticmethod
    def request(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
            method: str | None = None) -> Reply:
        """One HTTP request with the standard library; errors are replies too."""
        req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
        try:
            with urllib.request.urlopen(req, timeout=60) as response:
                return Reply(response.status, dict(response.headers.items()), response.read())
        except urllib.error.HTTPError as exc:
            return Reply(exc.code, dict(exc.headers.items()), exc.read())

    def get(self, url: str, query: str, accept: str | None = None, **params: str) -> Reply:
        qs = urllib.parse.urlencode({"query": query, **params})
        return self.request(f"{url}?{qs}", headers={"Accept": accept} if accept else {})

    def post_form(self, url: str, field: str, text: str,
                  headers: dict[str, str] | None = None) -> Reply:
        body = urllib.parse.urlencode({field: text}).encode()
        return self.request(url, data=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", **(headers or {})})


@pytest.fixture()
def http() -> Http:
    return Http()


@pytest.fixture()
def running() -> Iterator[Callable[..., SparqlServer]]:
    """Start servers with :func:`make_server` options; all are stopped at the end."""
    servers: list[SparqlServer] = []

    def start(store: Any = None, **options: Any) -> SparqlServer:
        if store is None:
            store = OxigraphStore()
            sample.load_sample(store)
        server = make_server(store, port=0, **options)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
