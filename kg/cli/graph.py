"""The network commands of ``kg``: ``graph-export``, ``path``, ``neighbors``, ``analyze``.

Registered on :data:`kg.cli.app` by :mod:`kg.cli`. Each command is a thin shell: the
work is done by :mod:`kg.graph` and :func:`kg.export.export_graph`, which a notebook
can call directly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from kg.cli.console import err, export_message, handles_errors, out
from kg.cli.options import (
    DocumentOption,
    EventOption,
    GraphFormat,
    GraphKind,
    GroupOption,
    JsonOption,
    MinWeightOption,
    RelationOption,
    SinceOption,
    StoreOption,
    TypeOption,
    UntilOption,
)
from kg.errors import ConfigError

__all__ = ["analyze", "graph_export", "neighbors", "path"]




def _open(store: str) -> Any:
    from kg.store import open_store

    return open_store(store, read_only=store != "memory:")


def _cell(value: object) -> Text:
    """Table cell text that Rich never reads as markup (names may hold brackets)."""
    return Text(" ".join(str(value).split()))


# -- graph-export -------------------------------------------------------------------
@handles_errors
def graph_export(
    fmt: Annotated[GraphFormat, typer.Option(
        "--format", "-f", help="graphml, gexf (Gephi), cytoscape, d3 (JSON), dot (Graphviz), "
        "csv (nodes.csv + edges.csv in a folder), html (interactive, offline), png, svg "
        "(Graphviz).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write (a folder "
                                         "for csv).", show_default=False)],
    store: StoreOption = "kg-store",
    kind: Annotated[GraphKind | None, typer.Option(
        help="multidigraph: one edge per relation; digraph: relations between two entities "
        "merged; graph: undirected. Default: multidigraph for data formats, digraph for "
        "pictures.", show_default=False)] = None,
    relation: RelationOption = None,
    type_: TypeOption = None,
    document: DocumentOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_weight: MinWeightOption = 1,
    group: GroupOption = None,
    event: EventOption = None,
    isolates: Annotated[bool, typer.Option(help="Also export entities without relations.")]
    = False,
    max_nodes: Annotated[int | None, typer.Option(
        "--max-nodes", help="Draw only the N most central entities (png/svg: 60 by default) "
        "or put them in the page (html: 2000; it opens on the connected core of the 100 most "
        "central); 0 for all.", show_default=False)] = None,
    title: Annotated[str, typer.Option(help="The HTML page's title.")] = "kg graph",
    engine: Annotated[str | None, typer.Option(
        help="Graphviz layout for png/svg: dot, sfdp, neato... (default: dot up to 30 "
        "entities, else sfdp).", show_default=False)] = None,
) -> None:
    """Export the entity network (entities as nodes, relations as edges) for Gephi,
    Cytoscape, yEd, D3, Graphviz, a spreadsheet or a browser."""
    from kg.export import export_graph

    with _open(store) as graph_store:
        report = export_graph(
            graph_store, fmt.value, output, kind=kind.value if kind else None,
            relations=relation, types=type_, document=document, since=since, until=until,
            min_weight=min_weight, group=group, event=event, isolates=isolates,
            max_nodes=max_nodes,
            title=title, engine=engine,
        )
    err.print(export_message(report), markup=False, highlight=False, soft_wrap=True)


# -- path ---------------------------------------------------------------------------
@handles_errors
def path(
    a: Annotated[str, typer.Argument(help="An entity's name, alias or IRI.",
                                     show_default=False)],
    b: Annotated[str, typer.Argument(help="Another entity's name, alias or IRI.",
                                     show_default=False)],
    store: StoreOption = "kg-store",
    max_paths: Annotated[int, typer.Option("--max-paths", min=1,
                                           help="How many shortest paths to show.")] = 3,
    directed: Annotated[bool, typer.Option(
        help="Follow relations only from subject to object.")] = False,
    relation: RelationOption = None,
    group: GroupOption = None,
    event: EventOption = None,
    document: DocumentOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    as_json: JsonOption = False,
) -> None:
    """How A and B are connected: the shortest chains of relations, with the sentences
    that justify each hop. Exits 1 when there is no path."""
    from kg.graph import shortest_paths

    with _open(store) as graph_store:
        found = shortest_paths(graph_store, a, b, max_paths=max_paths, directed=directed,
                               relations=relation, group=group, event=event,
                               document=document, since=since, until=until)
    if as_json:
        out.print(json.dumps([p.to_dict() for p in found], indent=2, ensure_ascii=False),
                  markup=False, highlight=False)
    if not found:
        err.print(f"no path between {a!r} and {b!r}", markup=False, highlight=False,
                  soft_wrap=True)
        raise typer.Exit(1)
    if as_json:
        return
    for number, found_path in enumerate(found, start=1):
        hops = len(found_path.hops)
        heading = " \u2192 ".join(" ".join(label.split()) for label in found_path.labels)
        out.print(Text(f"path {number} ({hops} hop{'s' if hops != 1 else ''}): {heading}",
                       style="bold"))
        for hop in found_path.hops:
            for rel in hop.relations:
                forward = rel.subject == hop.source
                ends = (" ".join(hop.source_label.split()), " ".join(hop.target_label.split()))
                subject, obj = ends if forward else (ends[1], ends[0])
                out.print(Text(f"  {subject} \u2014{rel.relation}\u2192 {obj}"))
                for evidence in rel.evidence:
                    where = evidence.document + (f", {evidence.date}" if evidence.date else "")
                    sentence = " ".join(evidence.sentence.split())
                    out.print(Text(f"      {sentence}  [{where}]", style="dim"))


# -- neighbors ----------------------------------------------------------------------
@handles_errors
def neighbors(
    x: Annotated[str, typer.Argument(help="An entity's name, alias or IRI.",
                                     show_default=False)],
    store: StoreOption = "kg-store",
    depth: Annotated[int, typer.Option("--depth", "-n", min=0, max=6,
                                       help="How many hops out.")] = 1,
    relation: RelationOption = None,
    type_: TypeOption = None,
    group: GroupOption = None,
    event: EventOption = None,
    document: DocumentOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_weight: MinWeightOption = 1,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Also write the neighbourhood as a graph file (the format from "
        "--format or the suffix).", show_default=False)] = None,
    fmt: Annotated[GraphFormat | None, typer.Option(
        "--format", "-f", help="Format of --output.", show_default=False)] = None,
    as_json: JsonOption = False,
) -> None:
    """The entities within N hops of X (direction ignored) and the relations among them."""
    from kg.graph import neighbors as find_neighbors

    with _open(store) as graph_store:
        H = find_neighbors(graph_store, x, depth=depth, relations=relation, types=type_,
                           group=group, event=event, document=document, since=since,
                           until=until, min_weight=min_weight)
    if output is not None:
        from kg.export import write_graph
        from kg.graph import annotate

        name = fmt.value if fmt else output.suffix.lower().lstrip(".")
        if not name:
            raise ConfigError("cannot tell the format of --output",
                              hint="add --format or a suffix such as .graphml")
        annotate(H)
        write_graph(H, name, output, title=f"kg: {x}")
        err.print(f"wrote {output}", markup=False, highlight=False, soft_wrap=True)
    edges = sorted(
        ((str(H.nodes[u].get("label", u)), str(k if isinstance(k, str) else d.get("relation")),
          str(H.nodes[v].get("label", v)), int(d.get("weight", 1)), str(d.get("sentence", "")))
         for u, v, k, d in H.edges(keys=True, data=True)),
        key=lambda row: (row[0], row[1], row[2]),
    )
    nodes = sorted(H.nodes(data=True), key=lambda nd: (nd[1].get("depth", 0),
                                                       str(nd[1].get("label", nd[0]))))
    if as_json:
        payload = {
            "center": H.graph.get("center", "").split(),
            "depth": depth,
            "nodes": [{"id": n, "label": d.get("label", n), "type": d.get("type", ""),
                       "depth": d.get("depth", 0)} for n, d in nodes],
            "edges": [{"subject": s, "relation": r, "object": o, "weight": w, "sentence": t}
                      for s, r, o, w, t in edges],
        }
        out.print(json.dumps(payload, indent=2, ensure_ascii=False), markup=False,
                  highlight=False)
        return
    entities = Table("depth", "entity", "type", title=f"within {depth} hop(s) of {x}",
                     title_justify="left")
    for n, d in nodes:
        entities.add_row(str(d.get("depth", 0)), _cell(d.get("label", n)),
                         _cell(d.get("type", "")))
    out.print(entities)
    relations = Table("subject", "relation", "object", "statements", "first sentence",
                      title_justify="left")
    for s, r, o, w, t in edges:
        relations.add_row(_cell(s), _cell(r), _cell(o), str(w), _cell(t))
    out.print(relations)


# -- analyze ------------------------------------------------------------------------
@handles_errors
def analyze(
    store: StoreOption = "kg-store",
    top: Annotated[int, typer.Option(min=1, help="How many leaders and communities.")] = 10,
    seed: Annotated[int, typer.Option(help="Louvain's random seed (same seed, same "
                                      "communities).")] = 42,
    relation: RelationOption = None,
    type_: TypeOption = None,
    group: GroupOption = None,
    event: EventOption = None,
    document: DocumentOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_weight: MinWeightOption = 1,
    betweenness: Annotated[bool, typer.Option(
        help="Compute betweenness (estimated from sampled pivots on large graphs).")] = True,
    as_json: JsonOption = False,
) -> None:
    """Network analytics: degree, PageRank and betweenness leaders, Louvain communities,
    connected components and the relation histogram, over the entity network: the
    connected entities and their edges (README "Words"; kg stats counts the same)."""
    from kg.graph import analyze as run_analysis
    from kg.graph import to_networkx

    with _open(store) as graph_store:
        G = to_networkx(graph_store, kind="multidigraph", relations=relation, types=type_,
                        group=group, event=event, document=document, since=since,
                        until=until, min_weight=min_weight)
    result = run_analysis(G, top=top, seed=seed, betweenness=betweenness)
    if as_json:
        out.print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False), markup=False,
                  highlight=False)
        return
    summary = Table(title=f"kg analyze: {store}", show_header=False, title_justify="left")
    summary.add_column(style="bold")
    summary.add_column(justify="right")
    largest = result.components[0] if result.components else 0
    filtered = any(x for x in (relation, type_, group, event, document, since, until)) or (
        min_weight > 1)
    if filtered:
        summary.title = f"kg analyze: {store} (filtered)"
    for name, value in (("connected entities", result.nodes), ("edges", result.edges),
                        ("statements behind the edges", result.statements),
                        ("density", f"{result.density:.4f}"),
                        ("components", len(result.components)),
                        ("largest component", largest),
                        ("communities", len(result.communities))):
        summary.add_row(name, str(value))
    out.print(summary)
    leaders = Table("#", "degree", "PageRank",
                    "betweenness" + ("" if result.betweenness_exact else " (sampled)"),
                    title="leaders", title_justify="left")
    for rank in range(min(top, result.nodes)):
        row = [str(rank + 1)]
        for board in (result.degree, result.pagerank, result.betweenness):
            if rank < len(board):
                leader = board[rank]
                value = f"{leader.value:g}" if board is result.degree else f"{leader.value:.4f}"
                row.append(f"{' '.join(leader.label.split())} ({value})")
            else:
                row.append("")
        leaders.add_row(*(_cell(c) for c in row))
    out.print(leaders)
    communities = Table("#", "size", "members", title="communities (Louvain)",
                        title_justify="left")
    for index, (members, size) in enumerate(
            zip(result.communities[:top], result.community_sizes, strict=False), start=1):
        shown = ", ".join(members[:8])
        if len(members) > 8:
            shown += f", \u2026 (+{len(members) - 8})"
        communities.add_row(str(index), str(size), _cell(shown))
    out.print(communities)
    histogram = Table("relation", "edges", "statements", title="relations",
                      title_justify="left")
    for name, edges, statements in result.relations[: max(top, 20)]:
        histogram.add_row(_cell(name), str(edges), str(statements))
    out.print(histogram)
    if result.groups:
        groups = Table("group", "statements", title="relation groups", title_justify="left")
        for name, count in result.groups:
            groups.add_row(_cell(name), str(count))
        out.print(groups)
