"""``kg build`` and ``kg demo``: documents in, a graph in the store, a summary out.

A thin shell over :meth:`kg.pipeline.KnowledgeGraph.build`; the engines (this
process, spaCy's worker processes, a Dask cluster) are the pipeline's.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.table import Table

from kg.cli.console import (
    err,
    handles_errors,
    kg_command,
    out,
    report_input_error,
    store_table,
)
from kg.cli.options import (
    Engine,
    MaxCharsOption,
    ModelOption,
    OntologyOption,
    ReplaceOntologyOption,
    StoreOption,
    user_ontology,
)
from kg.errors import InputError, KgError
from kg.ingest import MAX_CHARS

__all__ = ["build", "demo"]


@handles_errors
def build(
    paths: Annotated[list[str], typer.Argument(
        help="Files or folders (txt, md, html, jsonl, csv) or - for standard input.",
        show_default=False)],
    store: StoreOption = "kg-store",
    model: ModelOption = None,
    batch_size: Annotated[int, typer.Option(help="Texts per spaCy batch.", min=1)] = 64,
    processes: Annotated[int, typer.Option(help="spaCy worker processes.", min=1)] = 1,
    metonymy: Annotated[bool, typer.Option(
        help="Resolve a capital acting as an agent to its state.")] = True,
    force: Annotated[bool, typer.Option(
        help="Rebuild documents whose text is already stored unchanged.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    engine: Annotated[Engine, typer.Option(
        help="local: this process (and --processes workers); dask: tasks on a "
        "dask.distributed cluster writing N-Quads shards.")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        help="Dask scheduler address (tcp://host:8786); default: a LocalCluster.")] = None,
    workers: Annotated[int, typer.Option(help="LocalCluster worker processes (dask).",
                                         min=1)] = 2,
    shard_dir: Annotated[str | None, typer.Option(
        help="Dask: a folder this machine and every worker share (the same path on "
        "each), where workers write N-Quads shards for the store (default: a temporary "
        "folder here, enough when the workers run on this machine).",
        show_default=False)] = None,
    ontology: OntologyOption = None,
    replace_ontology: ReplaceOntologyOption = False,
    max_chars: MaxCharsOption = MAX_CHARS,
) -> None:
    """Read, parse, extract, resolve and load PATHS into the store; print a summary."""
    from kg.dask_engine import DaskOptions
    from kg.pipeline import KnowledgeGraph

    onto = user_ontology(ontology, replace_ontology)
    if scheduler is None:  # on a cluster the workers read the paths, not this machine
        _check_sources(paths, store)
    with KnowledgeGraph(store) as graph:
        if engine is Engine.local:
            _load_model(model, quiet)
        total = None if quiet or not err.is_terminal else _count_inputs(paths)
        with _progress(quiet, total) as advance:
            def on_error(error: InputError) -> None:
                report_input_error(error)
                advance(None)

            report = graph.build(
                paths, model=model, batch_size=batch_size, processes=processes,
                metonymy=metonymy, force=force, on_error=on_error,
                on_document=lambda document, _words: advance(document),
                on_duplicate=_duplicate_noted(advance), on_skip_document=advance,
                stdin=sys.stdin, engine=engine.value,
                dask=DaskOptions(scheduler=scheduler, workers=workers, shard_dir=shard_dir),
                ontology=onto,
                max_chars=max_chars,
            )
        _print_build_summary(report, graph.stats(breakdown=False))
    if report.errors:
        loaded = ("the others were loaded" if report.documents else
                  "no document was loaded")
        err.print(f"[red]{len(report.errors)} input(s) failed[/red]; {loaded}:", markup=True)
        for error in report.errors:
            err.print(f"  {error.source or '?'}" + (f":{error.line}" if error.line else ""))
        raise typer.Exit(2)


def _check_sources(paths: list[str], store: str) -> None:
    """Refuse a build none of whose paths exists, before a store is made (a path
    that exists as the store is checked first, as for any build)."""
    import os

    if os.path.lexists(store):
        return
    missing = [p for p in paths if p != "-" and not os.path.lexists(p)]
    if missing and len(missing) == len(paths):
        raise InputError("no such file or folder: " + ", ".join(missing),
                         hint="check the path; nothing was built and no store was made")


def _load_model(model: str | None, quiet: bool) -> None:
    """Load the spaCy model now, saying so (it takes seconds), so that the progress
    bar that follows measures documents."""
    from kg.nlp import load

    if quiet or not err.is_terminal:
        load(model)
        return
    with err.status(f"loading the spaCy model {model or 'en_core_web_sm'}\u2026"):
        load(model)


def _count_inputs(paths: list[str]) -> int | None:
    from kg.ingest import count_documents

    try:
        return count_documents(paths)
    except KgError:
        return None


def _duplicate_noted(advance: Callable[[object], None]
                     ) -> Callable[[object, str], None]:
    def noted(document: object, other: str) -> None:
        from kg.types import Document

        assert isinstance(document, Document)
        err.print(f"note: {document.source or document.id}: the same text as stored "
                  f"document {other}; not loaded again", markup=False, highlight=False,
                  soft_wrap=True)
        advance(document)
    return noted


@contextmanager
def _progress(quiet: bool, total: int | None = None) -> Iterator[Callable[[object], None]]:
    """A progress bar of the documents built, skipped or failed: with a total and
    the time left when the inputs could be counted (not standard input)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    if quiet or not err.is_terminal:
        yield lambda _document: None
        return
    if total is None:
        columns: tuple[object, ...] = (
            SpinnerColumn(), TextColumn("{task.description}"),
            TextColumn("{task.completed} documents"), TimeElapsedColumn())
    else:
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("documents,"), TimeElapsedColumn(), TextColumn("elapsed,"),
                   TimeRemainingColumn(), TextColumn("left"))
    with Progress(*columns, console=err, transient=True) as progress:  # type: ignore[arg-type]
        task = progress.add_task("building", total=total)

        def advance(_document: object) -> None:
            done = progress.tasks[0].completed + 1
            if total is not None and done > (progress.tasks[0].total or 0):
                progress.update(task, total=done)  # the count was an estimate
            progress.advance(task)

        yield advance


def _print_build_summary(report: object, stats: object) -> None:
    """What this build did, then what the store holds now (the words of README
    "Words", the same as kg stats prints)."""
    from kg.graph.stats import GraphStats
    from kg.pipeline import BuildReport

    assert isinstance(report, BuildReport) and isinstance(stats, GraphStats)
    table = Table(title=f"kg build \u2192 {report.store}", show_header=False,
                  title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    rows: list[tuple[str, object]] = [("documents loaded", report.documents)]
    if report.skipped:
        rows.append(("documents unchanged, skipped", report.skipped))
    if report.duplicates:
        rows.append(("documents stored under another id, skipped", report.duplicates))
    if report.ignored_files:
        rows.append(("files not read (binary type)", report.ignored_files))
    rows += [
        ("sentences", f"{report.sentences:,}"),
        ("words", f"{report.words:,}"),
        ("extractions (open statements)", f"{report.extractions:,}"),
        ("statements written", f"{report.statements:,}"),
        ("seconds", f"{report.seconds:.2f}"),
        ("words per second", f"{report.words_per_second:,.0f}"),
    ]
    for name, value in rows:
        table.add_row(name, str(value))
    out.print(table)
    out.print(store_table(f"the store now: {report.store}", stats))


# -- demo ---------------------------------------------------------------------------
@handles_errors
def demo(
    store: StoreOption = "kg-store",
    model: ModelOption = None,
) -> None:
    """Build the example article that ships with kg, then show its summary and facts."""
    from kg.pipeline import EXAMPLE_ARTICLE, KnowledgeGraph

    out.print(f"Building the example article {EXAMPLE_ARTICLE}")
    with KnowledgeGraph(store) as graph:
        report = graph.build([EXAMPLE_ARTICLE], model=model, force=True)
        _print_build_summary(report, graph.stats(breakdown=False))
        facts = graph.query(
            """SELECT DISTINCT ?subject ?relation ?object {
                 ?st a rdf:Statement ; kg:asserted true ;
                     rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                 ?s rdfs:label ?subject .
                 OPTIONAL { ?o rdfs:label ?ol }
                 BIND(COALESCE(?ol, STR(?o)) AS ?object)
                 BIND(REPLACE(STR(?p), "^.*#", "") AS ?relation)
               } ORDER BY ?subject ?relation ?object"""
        )
    table = Table("subject", "relation", "object",
                  title=f"facts in the graph ({len(facts.rows)})", title_justify="left")
    for row in facts.rows:
        table.add_row(*(str(t) for t in row))
    out.print(table)
    kg = kg_command()
    out.print(f"Query it: {kg} query --store {store} "
              "'SELECT ?s ?o { ?s kg:cooperates_with ?o }'", markup=False, highlight=False)
    out.print(f"More: {kg} stats --store {store}; {kg} --help", markup=False, highlight=False)
