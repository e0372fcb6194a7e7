"""``kg extract``: the open statements of documents (or their resolved quads),
without a store.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated

import typer

from kg.cli.console import handles_errors, open_output, report_input_error
from kg.cli.options import (
    ExtractFormat,
    MaxCharsOption,
    ModelOption,
    OntologyOption,
    ReplaceOntologyOption,
    user_ontology,
)
from kg.errors import ConfigError, InputError
from kg.ingest import MAX_CHARS

if TYPE_CHECKING:
    from kg.ontology import Ontology

__all__ = ["extract"]


@handles_errors
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
        report_input_error(error)

    with open_output(output) as sink:
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

