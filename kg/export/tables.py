"""``nodes.csv`` and ``edges.csv``: the graph as two tables (Gephi's spreadsheet
import, pandas, R, a spreadsheet).

UTF-8, comma-separated, RFC 4180 quoting (a field with a comma, quote or newline
is quoted; quotes doubled). Nodes: ``id`` then ``label``, ``type``, ``wikidata``
... ; edges: ``source``, ``target`` (node ids), then ``relation``, ``weight``...

>>> import networkx as nx
>>> G = nx.DiGraph([("a", "b", {"relation": "supports", "weight": 1})])
>>> node_table(G)
(['id'], [['a'], ['b']])
>>> edge_table(G)
(['source', 'target', 'relation', 'weight'], [['a', 'b', 'supports', '1']])
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import ExportError
from kg.export._common import json_value, write_text

__all__ = ["edge_table", "generate_csv", "node_table", "write_csv"]

_NODE_FIRST = ["id", "label", "type", "wikidata", "mentions", "documents", "aliases",
               "degree", "pagerank", "community"]
_EDGE_FIRST = ["source", "target", "key", "relation", "relations", "label", "weight", "group",
               "event", "quad", "confidence", "documents", "document", "sentence"]


#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV
#: injection"): such a text cell gets a leading ``'``, so it is shown, not run.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    """A CSV cell: lists joined with ``; ``; text that a spreadsheet would run as a
    formula is guarded with a leading ``'`` (numbers are left as they are).

    >>> print(_cell("=SUM(A1:A9)"))
    '=SUM(A1:A9)
    >>> _cell(-0.5), _cell("Putin")
    ('-0.5', 'Putin')
    """
    value = json_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return _guard("; ".join(_cell(v) for v in value))
    if isinstance(value, int | float):
        return str(value)
    return _guard(str(value))


def _guard(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _columns(first: list[str], keys: Iterable[str]) -> list[str]:
    seen = set(keys)
    return [c for c in first if c in seen] + sorted(seen - set(first))


def node_table(G: nx.Graph) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the node table."""
    keys = {"id"} | {str(k) for _n, d in G.nodes(data=True) for k in d}
    header = _columns(_NODE_FIRST, keys)
    rows = []
    for n, data in G.nodes(data=True):
        record = {str(k): v for k, v in data.items()}
        record["id"] = n
        rows.append([_cell(record.get(c)) for c in header])
    return header, rows


def edge_table(G: nx.Graph) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the edge table (``key`` for multigraphs)."""
    if G.is_multigraph():
        edges = [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)]
    else:
        edges = [(u, v, None, d) for u, v, d in G.edges(data=True)]
    keys = {"source", "target"} | {str(k) for *_r, d in edges for k in d}
    if G.is_multigraph():
        keys.add("key")
    header = _columns(_EDGE_FIRST, keys)
    rows = []
    for u, v, k, data in edges:
        record = {str(name): value for name, value in data.items()}
        record.update(source=u, target=v)
        if k is not None:
            record["key"] = k
        rows.append([_cell(record.get(c)) for c in header])
    return header, rows


def _csv_text(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def generate_csv(G: nx.Graph) -> dict[str, str]:
    """``{"nodes.csv": text, "edges.csv": text}``."""
    return {"nodes.csv": _csv_text(*node_table(G)), "edges.csv": _csv_text(*edge_table(G))}


def write_csv(G: nx.Graph, path: str | os.PathLike[str]) -> list[Path]:
    """Write ``nodes.csv`` and ``edges.csv`` into the folder ``path`` (created if
    missing), each atomically; return their paths.

    >>> import tempfile
    >>> [p.name for p in write_csv(nx.DiGraph([("a", "b")]), tempfile.mkdtemp())]
    ['nodes.csv', 'edges.csv']
    """
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file",
                          hint="the csv export writes nodes.csv and edges.csv into a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create the folder {folder}: {exc.strerror or exc}") from exc
    written = []
    for name, text in generate_csv(G).items():
        write_text(folder / name, text)
        written.append(folder / name)
    return written
