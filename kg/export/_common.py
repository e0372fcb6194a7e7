"""Helpers the exporters share: safe attribute values, colours, atomic writing."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import networkx as nx

from kg.errors import ExportError
from kg.fileio import atomic_write

__all__ = [
    "EVENT_CLASS_COLORS",
    "GROUP_COLORS",
    "TYPE_COLORS",
    "clean_graph",
    "event_class_color",
    "group_color",
    "json_value",
    "opened",
    "type_color",
    "xml_text",
]

#: Characters XML 1.0 forbids (controls other than tab, newline and carriage
#: return; lone surrogates; U+FFFE/U+FFFF).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: Colours of the common entity types (colour-blind-friendly where possible).
TYPE_COLORS: dict[str, str] = {
    "Person": "#4e79a7",
    "Country": "#e15759",
    "City": "#f28e2b",
    "Place": "#edc948",
    "Territory": "#ff9da7",
    "Facility": "#b07aa1",
    "Organization": "#59a14f",
    "GovernmentBody": "#76b7b2",
    "InternationalOrganization": "#86bcb6",
    "Company": "#8cd17d",
    "ArmedForce": "#9c755f",
    "MediaOrganization": "#499894",
    "PoliticalParty": "#8f63d2",  # violet: far from Country's red
    "Group": "#bab0ac",
    "Event": "#f1ce63",
    "Product": "#a0cbe8",
    "Work": "#fabfd2",
    "Law": "#d4a6c8",
    "Language": "#79706e",
    "Entity": "#c8c8c8",
}
_FALLBACK = ("#17becf", "#bcbd22", "#7f7f7f", "#e377c2", "#8c564b", "#9467bd", "#2ca02c",
             "#ff7f0e")

#: Edge colours by relation group.
GROUP_COLORS: dict[str, str] = {
    "cooperation": "#2e7d32",
    "conflict": "#c62828",
    "communication": "#1565c0",
    "economic": "#ef6c00",
    "movement": "#6a1b9a",
    "affiliation": "#00838f",
    "location": "#795548",
}
DEFAULT_EDGE_COLOR = "#9a9a9a"

#: Edge colours by event class (the quad class of the relation's CAMEO category):
#: cooperation green, conflict red/orange; verbal light, material dark.
EVENT_CLASS_COLORS: dict[str, str] = {
    "VerbalCooperation": "#5fb760",
    "MaterialCooperation": "#1b6e2a",
    "VerbalConflict": "#f29a1f",
    "MaterialConflict": "#c4161c",
}


def type_color(name: object) -> str:
    """A stable colour for an entity type.

    >>> type_color("Person"), type_color("Person") == type_color("person")
    ('#4e79a7', False)
    """
    text = str(name or "")
    if text in TYPE_COLORS:
        return TYPE_COLORS[text]
    return _FALLBACK[sum(text.encode("utf-8")) % len(_FALLBACK)]


def group_color(group: object) -> str:
    """The colour of an edge of relation group ``group`` (grey when unknown)."""
    return GROUP_COLORS.get(str(group or ""), DEFAULT_EDGE_COLOR)


def event_class_color(quad: object) -> str:
    """The colour of an edge whose relation has event class ``quad`` (grey when none).

    >>> event_class_color("MaterialConflict"), event_class_color(None)
    ('#c4161c', '#9a9a9a')
    """
    return EVENT_CLASS_COLORS.get(str(quad or ""), DEFAULT_EDGE_COLOR)


def xml_text(value: str) -> str:
    """``value`` without the characters XML 1.0 cannot carry.

    >>> xml_text("a\\x00b\\x1bc\\nd")
    'abc\\nd'
    """
    return _XML_ILLEGAL.sub("", value)


def json_value(value: Any) -> Any:
    """A value ``json.dumps`` accepts and round-trips: finite numbers, strings, bools,
    ``None``; anything else as its string."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, list | tuple | set | frozenset):
        return [json_value(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return json_value(value.item())
    return str(value)


def _scalar(value: Any) -> bool | int | float | str | None:
    """One GraphML/GEXF-safe value: bool, int, finite float or XML-safe string."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value if -(2**63) <= value < 2**63 else xml_text(str(value))
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if hasattr(value, "item") and not isinstance(value, str):
        return _scalar(value.item())
    if isinstance(value, list | tuple | set | frozenset):
        return xml_text("; ".join(str(v) for v in value))
    return xml_text(str(value))


def _unify(rows: Iterable[dict[str, Any]]) -> None:
    """Give every attribute one type across ``rows`` (GraphML declares one per key):
    mixed ints and floats become floats, other mixtures strings."""
    rows = list(rows)
    kinds: dict[str, set[type]] = {}
    for row in rows:
        for key, value in row.items():
            kinds.setdefault(key, set()).add(type(value))
    for key, seen in kinds.items():
        if len(seen) <= 1:
            continue
        cast: Callable[[Any], Any] = float if seen <= {int, float} else str
        for row in rows:
            if key in row:
                row[key] = cast(row[key])


def clean_graph(G: nx.Graph, *, rename: Mapping[str, Mapping[str, str]] | None = None,
                unique_edge_keys: bool = False) -> nx.Graph:
    """A copy of G whose node ids, attribute names and values are safe for XML
    formats: ``None`` dropped, lists joined, non-finite floats dropped, forbidden
    characters removed, one type per attribute. ``rename`` maps reserved attribute
    names per scope ("node", "edge") to others; ``unique_edge_keys`` re-keys a
    multigraph's edges ``e0, e1, ...`` (the relation stays in ``relation``).

    >>> H = clean_graph(nx.Graph([("a", "b", {"w": None, "s": "x\\x01y"})]))
    >>> H.edges["a", "b"]
    {'s': 'xy'}
    """
    rename = rename or {}

    def clean(data: Mapping[Any, Any], scope: str) -> dict[str, Any]:
        names = rename.get(scope, {})
        out: dict[str, Any] = {}
        for key, value in data.items():
            safe = _scalar(value)
            if safe is None:
                continue
            name = xml_text(str(key))
            out[names.get(name, name)] = safe
        return out

    H = G.__class__()
    H.graph.update(clean(G.graph, "graph"))
    node_id: dict[Hashable, str] = {n: xml_text(str(n)) for n in G.nodes}
    node_rows = [clean(d, "node") for _n, d in G.nodes(data=True)]
    _unify(node_rows)
    for n, row in zip(G.nodes, node_rows, strict=True):
        H.add_node(node_id[n], **row)
    if G.is_multigraph():
        edges = [(u, v, k, clean(d, "edge")) for u, v, k, d in G.edges(keys=True, data=True)]
        _unify(row for *_rest, row in edges)
        for index, (u, v, k, row) in enumerate(edges):
            key = f"e{index}" if unique_edge_keys else xml_text(str(k))
            H.add_edge(node_id[u], node_id[v], key=key, **row)
    else:
        plain = [(u, v, clean(d, "edge")) for u, v, d in G.edges(data=True)]
        _unify(row for *_rest, row in plain)
        for u, v, row in plain:
            H.add_edge(node_id[u], node_id[v], **row)
    return H


@contextmanager
def opened(path: str | os.PathLike[str]) -> Any:
    """Write ``path`` atomically (binary); an OS error becomes an :class:`ExportError`."""
    target = Path(path)
    try:
        with atomic_write(target) as handle:
            yield handle
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}",
                          hint="check that the folder exists and is writable") from exc


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` as UTF-8, atomically."""
    with opened(path) as handle:
        handle.write(text.encode("utf-8"))


def write_chunks(path: str | os.PathLike[str], chunks: Iterable[str]) -> None:
    """Write the strings of ``chunks`` as UTF-8, atomically (streamed)."""
    with opened(path) as handle:
        out: IO[bytes] = handle
        for chunk in chunks:
            out.write(chunk.encode("utf-8"))


def node_label(G: nx.Graph, node: Hashable) -> str:
    """A node's ``label`` attribute, or its id."""
    return str(G.nodes[node].get("label", node))
