"""What the ``kg`` commands share for talking to people: the two consoles, turning
a :class:`~kg.errors.KgError` into a message and an exit code, output files, and
the tables more than one command prints.

It imports no other module of :mod:`kg.cli`, so every command module can import
it without a circle.

>>> kg_command("/nowhere/bin/kg", path="")
'/nowhere/bin/kg'
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kg.errors import InputError, KgError

__all__ = ["err", "export_message", "handles_errors", "kg_command", "open_output", "out",
           "print_error", "print_result", "store_table"]

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def print_error(error: KgError) -> None:
    """``error: <message>`` on standard error, never read as markup."""
    err.print(f"[red]error:[/red] {escape(str(error))}", markup=True, highlight=False)


def handles_errors(func: Callable[..., None]) -> Callable[..., None]:
    """A command whose :class:`KgError` becomes a message and the error's exit code
    (registered on the app by :mod:`kg.cli`)."""

    @functools.wraps(func)
    def run(*args: object, **kwargs: object) -> None:
        try:
            func(*args, **kwargs)
        except KgError as exc:
            print_error(exc)
            raise typer.Exit(exc.exit_code) from None

    return run


def report_input_error(error: InputError) -> None:
    """Say that one input failed (the rest of the batch goes on)."""
    print_error(error)


@contextmanager
def open_output(path: Path | None) -> Iterator[IO[bytes]]:
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


def store_table(title: str, stats: object) -> Table:
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


def export_message(report: Any) -> str:
    """What an export wrote, in the words of README "Words" (the same counts as
    ``kg stats`` and ``kg analyze`` for the same store and filters)."""
    where = ", ".join(str(p) for p in report.paths)
    return f"wrote {where}: {report.sentence()}"


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


def kg_command(argv0: str | None = None, *, path: str | None = None) -> str:
    """How to type kg again in this shell: ``kg`` when that is what PATH finds, else
    the program as it was run (``.venv/bin/kg``), or ``python -m kg``."""
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
