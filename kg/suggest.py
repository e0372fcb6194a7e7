"""Answers to typos: the closest of the names a store or the ontology knows.

A filter that names nothing (``--group coperation``) gives an empty result that looks
like a real one; kg says instead which name was meant, or which names there are.

>>> closest("coperation", ["cooperation", "conflict", "movement"])
['cooperation']
>>> str(unknown("relation group", "coperation", ["cooperation", "conflict"]))
"unknown relation group 'coperation' (did you mean cooperation? the choices: conflict, cooperation)"
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from kg.errors import ConfigError, QueryError

__all__ = ["closest", "sparql_syntax_error", "undefined_prefixes", "unknown"]


def closest(word: str, choices: Iterable[str], *, n: int = 3, cutoff: float = 0.6
            ) -> list[str]:
    """The choices most like ``word`` (case ignored), best first: at most ``n``, and
    only those nearly as close as the best.

    >>> closest("cooperate_with", ["cooperates_with", "competes_with", "cooperation"])
    ['cooperates_with']
    """
    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(choice.casefold(), choice)
    key = word.casefold()
    scored = []
    for candidate in by_key:
        matcher = difflib.SequenceMatcher(None, key, candidate)
        if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
            ratio = matcher.ratio()
            if ratio >= cutoff:
                scored.append((ratio, candidate))
    scored.sort(key=lambda item: (-item[0], item[1]))
    if not scored:
        return []
    best = scored[0][0]
    return [by_key[c] for ratio, c in scored[:n] if ratio >= best - 0.1]


def unknown(what: str, given: str, choices: Iterable[str], *, show: int = 15,
            hint: str | None = None) -> ConfigError:
    """The error for a name that is not among ``choices``: the closest ones, and the
    choices themselves (the first ``show``, sorted) so that the user can pick."""
    names = sorted(set(choices), key=str.casefold)
    near = closest(given, names)
    parts = []
    if names:
        listed = ", ".join(names[:show])
        more = f", \N{HORIZONTAL ELLIPSIS} ({len(names)} in all)" if len(names) > show else ""
        parts.append(f"the choices: {listed}{more}")
    elif hint is None:
        parts.append(f"the store has no {what}s yet: build into it first")
    if hint:
        parts.append(hint)
    text = "; ".join(parts)
    if near:
        text = "did you mean " + " or ".join(near) + "? " + text
    return ConfigError(f"unknown {what} {given!r}", hint=text.strip())


_POSITION = re.compile(r"error at (\d+):(\d+): ")
_IRI_OR_STRING = re.compile(r"<[^<>\s]*>|\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|#[^\n]*")
_PREFIXED = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w.-]*)?:(?=[\w%\\])")
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)


def undefined_prefixes(sparql: str, predefined: Iterable[str]) -> list[str]:
    """The prefixes a query uses that it does not declare and kg does not predefine.

    >>> undefined_prefixes('PREFIX ex: <http://e/> SELECT * { ?s ex:p foo:bar ; rdf:type "a:b" }',
    ...                    ["rdf"])
    ['foo']
    """
    text = _IRI_OR_STRING.sub(" ", sparql)
    known = set(predefined) | {m.group(1) or "" for m in _DECLARED.finditer(text)}
    used = [m.group(1) or "" for m in _PREFIXED.finditer(text)]
    return sorted({p for p in used if p not in known})


def sparql_syntax_error(sparql: str, message: str, predefined: Iterable[str]) -> QueryError:
    """A parser's message made readable: an undefined prefix is named as such;
    otherwise the position, the text there, and what the parser expected, without
    the character ranges of the SPARQL grammar.

    >>> str(sparql_syntax_error("SELECT * { ?s foo:p ?o }", "error at 1:19: expected "
    ...                         "one of Prefix not found, ['%']", ["rdf", "kg"]))
    'prefix foo is not defined (declare it: PREFIX foo: <http://...>; kg predefines kg, rdf)'
    """
    predefined = sorted(predefined)
    if "Prefix not found" in message:
        missing = undefined_prefixes(sparql, predefined)
        if missing:
            names = ", ".join(missing)
            return QueryError(
                f"prefix{'es' if len(missing) > 1 else ''} {names} "
                f"{'are' if len(missing) > 1 else 'is'} not defined",
                hint=f"declare it: PREFIX {missing[0]}: <http://...>; kg predefines "
                     + ", ".join(predefined))
    where = ""
    found = _POSITION.search(message)
    if found:
        line, column = int(found.group(1)), int(found.group(2))
        lines = sparql.splitlines() or [""]
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        near = text[max(column - 1, 0):][:30].strip()
        where = f" at line {line}, column {column}" + (f" (near {near!r})" if near else "")
        message = message[found.end():]
    # the grammar's character classes say nothing to a person
    message = re.sub(r",?\s*\[[^\[\]]*\\u\{[^\]]*\]", "", message)
    message = re.sub(r"\s+", " ", message).strip()
    if len(message) > 200:
        message = message[:200] + "\N{HORIZONTAL ELLIPSIS}"
    return QueryError(f"the query does not parse{where}: {message}",
                      hint="check the SPARQL syntax; the prefixes " + ", ".join(predefined)
                      + " are predefined")
