"""``kg validate``: check a store against kg's SHACL shapes.

Registered on :data:`kg.cli.app` by :mod:`kg.cli`::

    kg validate --store kg-store                 # "conforms", or a table; exit 1 if not
    kg validate --json                           # the report as JSON
    kg validate --shapes my-shapes.ttl           # other shapes instead of kg's
    kg validate --ontology mine.ttl              # kg's ontology and yours
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from kg.cli.console import err, handles_errors, out
from kg.cli.options import OntologyOption, ReplaceOntologyOption, StoreOption, user_ontology
from kg.errors import ConfigError

__all__ = ["validate"]


@contextmanager
def _working() -> Iterator[Callable[[str], None]]:
    """A spinner with the step under way and the time it has taken (on a terminal;
    nothing when the output is piped)."""
    if not err.is_terminal:
        yield lambda _what: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("validating: {task.description}"),
                  TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("loading the ontology and shapes", total=None)
        yield lambda what: progress.update(task, description=what)


@handles_errors
def validate(
    store: StoreOption = "kg-store",
    shapes: Annotated[list[Path] | None, typer.Option(
        "--shapes", help="SHACL shapes (Turtle) to use instead of kg's shapes.ttl "
        "(repeatable).")] = None,
    no_ontology: Annotated[bool, typer.Option(
        "--no-ontology", help="Do not add the ontology to the data nor check the "
        "domain/range of the relations.")] = False,
    ontology: OntologyOption = None,
    replace_ontology: ReplaceOntologyOption = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    limit: Annotated[int, typer.Option(
        "--limit", "-n", help="Violations shown in the table at most (0: all).", min=0)] = 50,
) -> None:
    """Validate the store against SHACL shapes; exit 1 when it does not conform."""
    from kg.store import open_store
    from kg.validate import compact
    from kg.validate import validate as run_validation

    if no_ontology and ontology:
        raise ConfigError("--no-ontology and --ontology contradict each other",
                          hint="drop one of them")
    onto = user_ontology(ontology, replace_ontology)
    with open_store(store, read_only=True) as opened, _working() as on_step:
        report = run_validation(opened, shapes=shapes or None,
                                ontology=onto if onto is not None else not no_ontology,
                                on_step=on_step)
    if as_json:
        out.print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False),
                  markup=False, highlight=False, soft_wrap=True)
    elif report.conforms and not report.violations:
        out.print("conforms", markup=False)
    else:
        shown = report.violations if limit == 0 else report.violations[:limit]
        table = Table("severity", "focus node", "path", "message", title_justify="left",
                      title=f"{len(report.violations)} result(s)")
        for v in shown:
            shown_value = v.value is not None and v.value != v.focus
            message = v.message + (f" (value: {v.value})" if shown_value else "")
            table.add_row(v.severity, escape(compact(v.focus)), escape(compact(v.path)),
                          escape(message))
        out.print(table)
        if len(shown) < len(report.violations):
            err.print(f"... and {len(report.violations) - len(shown)} more "
                      "(--limit 0 shows all)", markup=False)
        if report.conforms:
            out.print("conforms (warnings only)", markup=False)
    if not report.conforms:
        raise typer.Exit(1)
