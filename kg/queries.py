"""Saved SPARQL queries, shipped in ``ontology/queries/*.rq`` and run by name.

Each file starts with a comment header: a one-line summary, a paragraph of
description, and one ``@param`` line per parameter::

    # What a person said.
    #
    # The statements attributed to a speaker ...
    #
    # @param speaker (literal, required) the speaker's name, e.g. Vladimir Putin

A parameter line reads ``@param NAME (TYPE[, required | , default VALUE]) text``.
Types: ``literal`` (a plain string), ``iri`` (``http…`` or a prefixed name such
as ``kg:conflict``), ``integer``, ``decimal``, ``double``, ``boolean``, and
``limit`` (the number of rows; applied as the query's ``LIMIT``).

Values are bound as RDF terms through :meth:`kg.store.Store.query`'s
``bindings`` (pyoxigraph ``substitutions`` on the embedded store), never pasted
into the query text: a name holding quotes, ``>`` or ``}`` is just a name that
matches nothing. The one exception is ``limit``, which is parsed as an ``int``
first, so only digits reach the text. A parameter must appear in the query's
SELECT projection (Oxigraph binds only projected variables), which is why the
saved queries list their parameters as their first columns.

>>> sorted(q.name for q in list_queries())[:3]
['asserted-facts', 'claimed-facts', 'conflict-network']
>>> from kg.store import open_store
>>> run_saved(open_store("memory:"), "said-by", {"speaker": 'x" } DROP ALL'}).rows
()
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import IO

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import ConfigError
from kg.namespaces import PREFIXES
from kg.store import QueryResult, Store

__all__ = [
    "PARAMETER_TYPES",
    "Parameter",
    "SavedQuery",
    "list_queries",
    "load_query",
    "parse_params",
    "prepare",
    "run_saved",
    "run_saved_to",
]

#: The types a ``@param`` line may declare.
PARAMETER_TYPES = ("literal", "iri", "integer", "decimal", "double", "boolean", "limit")

_PARAM = re.compile(
    r"@param\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*"
    r"\(\s*(?P<type>\w+)\s*(?:,\s*(?:(?P<required>required)|default\s+(?P<default>[^)]*?)))?\s*\)"
    r"\s*(?P<text>.*)$"
)
_MAX_LIMIT = 10_000_000
# Characters that cannot occur in an IRI (RFC 3987 / SPARQL IRIREF).
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


@dataclass(frozen=True)
class Parameter:
    """One declared parameter of a saved query.

    >>> Parameter("name", "literal").term("Putin")
    rdflib.term.Literal('Putin')
    >>> Parameter("group", "iri").term("kg:conflict")
    rdflib.term.URIRef('http://kg.example.org/ontology#conflict')
    """

    name: str
    type: str
    default: str | None = None
    required: bool = False
    description: str = ""

    def term(self, value: str) -> Node:
        """``value`` (text from a command line or a form) as an RDF term of this
        parameter's type; a :class:`ConfigError` says what was expected."""
        kind = self.type
        try:
            if kind == "literal":
                return Literal(value)
            if kind == "iri":
                return _iri(value)
            if kind in ("integer", "limit"):
                number = int(value.strip())
                if kind == "limit" and not 0 <= number <= _MAX_LIMIT:
                    raise ValueError("out of range")
                return Literal(number, datatype=XSD.integer)
            if kind == "decimal":
                return Literal(Decimal(value.strip()), datatype=XSD.decimal)
            if kind == "double":
                return Literal(float(value.strip()), datatype=XSD.double)
            if kind == "boolean":
                flag = value.strip().lower()
                if flag not in ("true", "false", "1", "0", "yes", "no"):
                    raise ValueError("not a boolean")
                return Literal(flag in ("true", "1", "yes"), datatype=XSD.boolean)
        except (ValueError, InvalidOperation) as exc:
            raise ConfigError(f"parameter {self.name!r}: {value!r} is not a valid {kind}",
                              hint=self.description or f"give a {kind}") from exc
        raise ConfigError(f"parameter {self.name!r} has an unknown type {kind!r}",
                          hint="use one of " + ", ".join(PARAMETER_TYPES))


@dataclass(frozen=True)
class SavedQuery:
    """A saved query: its name (the file name without ``.rq``), its header, its text.

    >>> q = load_query("said-by")
    >>> q.summary
    'What a person said.'
    >>> [p.name for p in q.parameters]
    ['speaker']
    """

    name: str
    summary: str
    description: str
    parameters: tuple[Parameter, ...]
    text: str

    def bind(self, params: Mapping[str, str] | None = None) -> tuple[str, dict[str, Node]]:
        """The query text and the ``{variable: term}`` bindings for ``params``.

        Unknown, missing or malformed parameters raise :class:`ConfigError`.
        A ``limit`` parameter becomes a trailing ``LIMIT n`` (an ``int``).

        >>> text, bindings = load_query("relations-between").bind({"a": "Russia", "b": "China"})
        >>> bindings["a"]
        rdflib.term.Literal('Russia')
        """
        given = dict(params or {})
        declared = {p.name: p for p in self.parameters}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            expected = ", ".join(declared) or "no parameters"
            raise ConfigError(f"query {self.name!r} has no parameter {unknown[0]!r}",
                              hint=f"it takes {expected}")
        text = self.text
        bindings: dict[str, Node] = {}
        for p in self.parameters:
            value = given.get(p.name, p.default)
            if value is None:
                if p.required:
                    raise ConfigError(f"query {self.name!r} needs the parameter {p.name!r}",
                                      hint=f"--param {p.name}=… ({p.description})")
                continue
            term = p.term(value)
            if p.type == "limit":
                text = f"{text.rstrip()}\nLIMIT {int(str(term))}\n"
            else:
                bindings[p.name] = term
        return text, bindings

    def help(self) -> str:
        """The header as text for people (summary, description, parameters)."""
        lines = [self.summary]
        if self.description:
            lines += ["", self.description]
        if self.parameters:
            lines.append("")
            for p in self.parameters:
                state = "required" if p.required else (
                    f"default {p.default}" if p.default is not None else "optional")
                lines.append(f"  {p.name} ({p.type}, {state}): {p.description}")
        return "\n".join(lines)


def _iri(value: str) -> URIRef:
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    prefix, colon, local = text.partition(":")
    if colon and prefix in PREFIXES and not local.startswith("//"):
        text = PREFIXES[prefix] + local
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text) or _BAD_IRI.search(text):
        raise ValueError("not an absolute IRI")
    return URIRef(text)


def _folder() -> Traversable:
    return resources.files("kg._ontology").joinpath("queries")


def parse_query(name: str, source: str) -> SavedQuery:
    """A :class:`SavedQuery` from the text of a ``.rq`` file (the header is read;
    the text is kept whole)."""
    header: list[str] = []
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        header.append(stripped[1:].strip())
    parameters: list[Parameter] = []
    prose: list[str] = []
    for line in header:
        if line.startswith("@param"):
            match = _PARAM.match(line)
            if match is None or match["type"] not in PARAMETER_TYPES:
                raise ConfigError(f"saved query {name!r}: bad parameter line {line!r}",
                                  hint="write @param NAME (TYPE[, required|, default V]) text")
            parameters.append(Parameter(
                name=match["name"], type=match["type"],
                default=match["default"].strip() if match["default"] is not None else None,
                required=match["required"] is not None, description=match["text"].strip()))
        else:
            prose.append(line)
    paragraphs: list[list[str]] = [[]]
    for line in prose:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    texts = [" ".join(p) for p in paragraphs if p]
    summary = texts[0] if texts else ""
    description = "\n\n".join(texts[1:])
    return SavedQuery(name=name, summary=summary or name, description=description,
                      parameters=tuple(parameters), text=source)


def list_queries() -> list[SavedQuery]:
    """Every saved query that ships with kg, sorted by name.

    >>> "most-connected" in [q.name for q in list_queries()]
    True
    """
    folder = _folder()
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".rq")),
                     key=lambda e: e.name)
    return [parse_query(e.name[:-3], e.read_text(encoding="utf-8")) for e in entries]


def load_query(name: str) -> SavedQuery:
    """The saved query called ``name`` (or read from a path to a ``.rq`` file).

    >>> load_query("cooperation-network").parameters
    ()
    """
    if name.endswith(".rq") and ("/" in name or "\\" in name or Path(name).is_file()):
        path = Path(name)
        try:
            return parse_query(path.stem, path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"cannot read the query file {name}: {exc.strerror or exc}",
                              hint="check the path") from exc
    if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        raise ConfigError(f"no saved query {name!r}", hint="list them with: kg queries")
    entry = _folder().joinpath(f"{name}.rq")
    if not entry.is_file():
        names = ", ".join(q.name for q in list_queries())
        raise ConfigError(f"no saved query {name!r}", hint=f"the saved queries are: {names}")
    return parse_query(name, entry.read_text(encoding="utf-8"))


def parse_params(items: Iterable[str] | None) -> dict[str, str]:
    """``["key=value", …]`` (``--param`` options) → ``{"key": "value"}``; the value
    may hold ``=``.

    >>> parse_params(["a=Russia", "b=x=y"])
    {'a': 'Russia', 'b': 'x=y'}
    """
    params: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--param {item!r} is not key=value",
                              hint='write --param speaker="Vladimir Putin"')
        params[key.strip()] = value
    return params


def prepare(name: str, params: Mapping[str, str] | None = None) -> tuple[str, dict[str, Node]]:
    """The text and bindings to run the saved query ``name`` with ``params``;
    pass them to ``store.query(text, bindings=bindings)`` or ``store.query_to``.

    >>> text, bindings = prepare("network", {"group": "kg:conflict"})
    >>> str(bindings["group"])
    'http://kg.example.org/ontology#conflict'
    """
    return load_query(name).bind(params)


def run_saved(store: Store, name: str, params: Mapping[str, str] | None = None, *,
              union: bool = True) -> QueryResult:
    """Run the saved query ``name`` on ``store`` with ``params`` (text values,
    converted to RDF terms by each parameter's declared type).

    >>> from kg.store import open_store
    >>> run_saved(open_store("memory:"), "most-connected", {"limit": "5"}).variables
    ('entity', 'label', 'neighbours', 'statements')
    """
    text, bindings = prepare(name, params)
    return store.query(text, bindings=bindings, union=union)


def run_saved_to(store: Store, out: IO[bytes], name: str,
                 params: Mapping[str, str] | None = None, fmt: str = "json", *,
                 union: bool = True) -> str:
    """Run the saved query ``name`` and write its results serialised in ``fmt``
    (``json``, ``xml``, ``csv``, ``tsv``); returns the query kind."""
    text, bindings = prepare(name, params)
    return store.query_to(out, text, fmt, bindings=bindings, union=union)
