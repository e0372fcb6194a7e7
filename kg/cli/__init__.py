"""The ``kg`` command: a thin Typer shell over :mod:`kg.pipeline`.

One module per command family, the options in one place, imports one way::

    kg.cli (this: the app, main)
      → kg.cli.build, extract, sparql, store, graph, validate (the commands)
        → kg.cli.options (options, choices), kg.cli.console (consoles, errors)
          → kg.pipeline, kg.store, kg.graph ... (the work)

Every :class:`~kg.errors.KgError` becomes a one-line message on stderr and a
non-zero exit code; no traceback reaches the user.

>>> [c.name for c in app.registered_commands][:3]
['build', 'extract', 'query']
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import typer

from kg.cli import build, extract, graph, sparql, store, validate
from kg.cli.console import err, print_error
from kg.errors import KgError

__all__ = ["COMMANDS", "app", "main"]

app = typer.Typer(
    name="kg",
    help="Build a knowledge graph from English news: extract who did what to whom, "
    "load it as RDF, query it with SPARQL, export it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: The commands, in the order ``kg --help`` lists them: (name, function).
COMMANDS: tuple[tuple[str, Callable[..., None]], ...] = (
    ("build", build.build),
    ("extract", extract.extract),
    ("query", sparql.query),
    ("export", store.export),
    ("remove", store.remove),
    ("documents", store.documents),
    ("stats", store.stats),
    ("demo", build.demo),
    ("graph-export", graph.graph_export),
    ("path", graph.path),
    ("neighbors", graph.neighbors),
    ("analyze", graph.analyze),
    ("queries", sparql.queries),
    ("run", sparql.run),
    ("load", store.load),
    ("serve", sparql.serve),
    ("validate", validate.validate),
)

for _name, _function in COMMANDS:
    app.command(_name)(_function)


def main() -> None:
    """Entry point: run the app, turning kg's errors into messages and exit codes."""
    try:
        app()
    except KgError as exc:
        print_error(exc)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
