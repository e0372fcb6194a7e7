"""Static pictures (SVG, PNG) through Graphviz, run as a subprocess.

Small graphs are laid out with ``dot`` (left to right); larger ones with
``sfdp`` (force-directed). Beyond ``max_nodes`` (default 60) only the most
central entities (PageRank) are drawn, and among them at most three edges per
node (the heaviest), so that the picture stays readable; an entity that these
cuts leave without an edge is not drawn (:func:`picture_graph`). Edge labels are
drawn for every edge of a small picture, else for the heaviest few only (see
:data:`kg.export.dot.EDGE_LABEL_LIMIT`); a legend names the entity types and the
event classes that colour the edges.
Graphviz is a system package: ``apt-get install graphviz`` (Debian/Ubuntu),
``brew install graphviz`` (macOS), ``choco install graphviz`` (Windows).

>>> import networkx as nx
>>> choose_engine(nx.path_graph(10)), choose_engine(nx.path_graph(50))
('dot', 'sfdp')
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import networkx as nx

from kg.errors import ExportError
from kg.export._common import opened
from kg.export.dot import generate_dot

__all__ = [
    "DEFAULT_MAX_NODES",
    "RENDER_FORMATS",
    "choose_engine",
    "graphviz_available",
    "picture_graph",
    "render",
    "strongest_edges",
    "write_png",
    "write_svg",
]

#: The picture's default cap on entities.
DEFAULT_MAX_NODES = 60
#: Up to this many nodes, the hierarchical ``dot`` layout; above, ``sfdp``.
DOT_ENGINE_LIMIT = 30
RENDER_FORMATS = ("svg", "png", "pdf")
_ENGINES = ("dot", "sfdp", "neato", "fdp", "circo", "twopi")
INSTALL_HINT = ("install Graphviz: apt-get install graphviz (Debian/Ubuntu), "
                "brew install graphviz (macOS), choco install graphviz (Windows)")


def graphviz_available(engine: str = "dot") -> bool:
    """Whether the Graphviz program ``engine`` is on the PATH."""
    return shutil.which(engine) is not None


def choose_engine(G: nx.Graph) -> str:
    """``dot`` for small graphs, ``sfdp`` for the others."""
    return "dot" if G.number_of_nodes() <= DOT_ENGINE_LIMIT else "sfdp"


def strongest_edges(G: nx.Graph, n: int, *, keep_connected: bool = False) -> nx.Graph:
    """G with only its ``n`` heaviest edges (by ``weight``) and the nodes they
    join (plus the nodes that had no edge), or G itself when it has no more.
    ``keep_connected`` takes first the edges of a maximum spanning forest (the
    heaviest that keep every connected part connected), even beyond ``n``.

    >>> G = nx.Graph([(1, 2, {"weight": 5}), (2, 3), (3, 4)])
    >>> G.add_node(9)
    >>> H = strongest_edges(G, 1)
    >>> list(H.edges), sorted(H.nodes)
    ([(1, 2)], [1, 2, 9])
    """
    if n <= 0 or G.number_of_edges() <= n:
        return G
    if G.is_multigraph():
        edges = list(G.edges(keys=True, data=True))
    else:
        edges = [(u, v, None, d) for u, v, d in G.edges(data=True)]

    def weight(item: tuple[object, object, object, dict[str, object]]) -> float:
        try:
            return float(item[3].get("weight", 1))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 1.0

    ranked = sorted(enumerate(edges), key=lambda ie: (-weight(ie[1]), ie[0]))
    if keep_connected:
        parent: dict[object, object] = {x: x for x in G.nodes}

        def find(x: object) -> object:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        first, later = [], []
        for item in ranked:
            u, v = item[1][0], item[1][1]
            a, b = find(u), find(v)
            if a != b:
                parent[a] = b
                first.append(item)
            else:
                later.append(item)
        ranked = first + later[: max(0, n - len(first))]
    else:
        ranked = ranked[:n]
    H = G.__class__()
    H.graph.update(G.graph)
    kept = {x for _i, (u, v, _k, _d) in ranked for x in (u, v)}
    # nodes isolated by the cut go; nodes that had no edge to start with stay
    H.add_nodes_from((n, d) for n, d in G.nodes(data=True) if n in kept or G.degree(n) == 0)
    for _index, (u, v, key, data) in sorted(ranked):
        if key is None:
            H.add_edge(u, v, **data)
        else:
            H.add_edge(u, v, key=key, **data)
    H.graph["edges_truncated_from"] = G.number_of_edges()
    return H


def picture_graph(G: nx.Graph, *, max_nodes: int = DEFAULT_MAX_NODES,
                  max_edges: int | None = None) -> nx.Graph:
    """The part of G a picture draws: what the HTML view opens on with
    ``max_nodes`` entities (:func:`kg.export.html.core_graph`: the connected core
    of the most central; all of G when 0), among its edges the ``max_edges``
    heaviest (default three per entity; 0 for all) after those that keep it
    connected, and none of the entities left without an edge (an entity that
    had no edge in G stays).

    >>> G = nx.DiGraph([("hub", str(i)) for i in range(5)] + [("x", "y")])
    >>> sorted(picture_graph(G, max_nodes=3).nodes)
    ['0', '1', 'hub']
    """
    from kg.export.html import core_graph

    H = core_graph(G, max_nodes) if max_nodes > 0 else G
    edge_cap = 3 * H.number_of_nodes() if max_edges is None else max_edges
    H = strongest_edges(H, edge_cap, keep_connected=True)
    orphans = [n for n in H if H.degree(n) == 0 and G.degree(n) > 0]
    if orphans:
        H = H.copy() if H is G else H
        H.remove_nodes_from(orphans)
    return H


def render(
    G: nx.Graph,
    fmt: str = "svg",
    *,
    engine: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    max_edges: int | None = None,
    timeout: float = 300.0,
) -> bytes:
    """The picture of G as SVG, PNG or PDF: the ``max_nodes`` most central entities
    (PageRank) and, among them, the ``max_edges`` heaviest edges (default three per
    node drawn; 0 for all).

    Raises :class:`~kg.errors.ExportError` when Graphviz is missing or fails.
    """
    if fmt not in RENDER_FORMATS:
        raise ExportError(f"cannot render {fmt!r}", hint="use svg, png or pdf")
    H = picture_graph(G, max_nodes=max_nodes, max_edges=max_edges)
    chosen = engine or choose_engine(H)
    if chosen not in _ENGINES:
        raise ExportError(f"unknown Graphviz engine {chosen!r}",
                          hint="use one of " + ", ".join(_ENGINES))
    program = shutil.which(chosen)
    if program is None:
        raise ExportError(f"Graphviz's {chosen} program is not installed", hint=INSTALL_HINT)
    source = generate_dot(H, engine=chosen, legend=True)
    args = [program, f"-T{fmt}"]
    if fmt == "png":
        args.append("-Gdpi=110")
    try:
        done = subprocess.run(args, input=source.encode("utf-8"), capture_output=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ExportError(f"Graphviz {chosen} took more than {timeout:.0f} s",
                          hint="draw fewer nodes with --max-nodes") from exc
    except OSError as exc:
        raise ExportError(f"cannot run Graphviz {chosen}: {exc}", hint=INSTALL_HINT) from exc
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ExportError(f"Graphviz {chosen} failed: {message[-1] if message else 'no output'}")
    return done.stdout


def write_svg(G: nx.Graph, path: str | os.PathLike[str], *, engine: str | None = None,
              max_nodes: int = DEFAULT_MAX_NODES, max_edges: int | None = None) -> None:
    """Render G to an SVG file with Graphviz, atomically (see :func:`render`).

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "g.svg"
    >>> write_svg(nx.DiGraph([("a", "b")]), target)   # doctest: +SKIP
    >>> target.read_bytes().startswith(b"<?xml")      # doctest: +SKIP
    True
    """
    data = render(G, "svg", engine=engine, max_nodes=max_nodes, max_edges=max_edges)
    with opened(path) as handle:
        handle.write(data)


def write_png(G: nx.Graph, path: str | os.PathLike[str], *, engine: str | None = None,
              max_nodes: int = DEFAULT_MAX_NODES, max_edges: int | None = None) -> None:
    """Render G to a PNG file with Graphviz, atomically (see :func:`render`)."""
    data = render(G, "png", engine=engine, max_nodes=max_nodes, max_edges=max_edges)
    with opened(path) as handle:
        handle.write(data)


def write_picture(G: nx.Graph, path: str | os.PathLike[str], **options: object) -> None:
    """Render G in the format its suffix names (``.svg``, ``.png``, ``.pdf``)."""
    fmt = Path(path).suffix.lower().lstrip(".") or "svg"
    data = render(G, fmt, **options)  # type: ignore[arg-type]
    with opened(path) as handle:
        handle.write(data)
