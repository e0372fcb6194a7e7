"""One exception tree for kg. Every message says what went wrong and what to do.

>>> try:
...     raise InputError("no 'text' column", source="news.csv", line=1,
...                      hint="add a column named 'text'")
... except KgError as exc:
...     print(exc)
news.csv:1: no 'text' column (add a column named 'text')
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "ExportError",
    "InputError",
    "KgError",
    "ModelNotFoundError",
    "QueryError",
    "StoreError",
]


class KgError(Exception):
    """Base of every error kg raises on purpose. The CLI prints it without a
    traceback and exits with :attr:`exit_code`."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(KgError):
    """An input file or record that cannot be read. ``source`` and ``line`` say where."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.source = source
        self.line = line
        super().__init__(message, hint=hint)

    def __str__(self) -> str:
        where = self.source or ""
        if self.line is not None:
            where = f"{where}:{self.line}"
        text = f"{where}: {self.message}" if where else self.message
        return f"{text} ({self.hint})" if self.hint else text


class ModelNotFoundError(KgError):
    """No spaCy English pipeline is installed under the requested name."""

    exit_code = 3


class ConfigError(KgError):
    """A bad option value (an unknown format, store URI, parameter...)."""

    exit_code = 2


class StoreError(KgError):
    """The store cannot be opened, written or read."""

    exit_code = 4


class QueryError(KgError):
    """A SPARQL query that does not parse or fails to run."""

    exit_code = 5


class ExportError(KgError):
    """An export that cannot be written."""

    exit_code = 6
