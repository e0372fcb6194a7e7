"""Record-oriented inputs: JSON Lines, CSV/TSV and JSON → :class:`~kg.types.Document`.

Every record needs a ``text`` string; ``id``, ``title``, ``date`` and ``url`` are
optional (without an ``id``, the ``url`` is the document's id); any other scalar
field goes into ``Document.metadata``. A bad record is reported (with its line)
and the reader goes on with the next one.

>>> doc = record_to_document({"text": "Hi.", "id": 7, "lang": "en"},
...                          default_id="f.jsonl#1", source="f.jsonl", line=1)
>>> doc.id, doc.text, doc.metadata
('7', 'Hi.', (('lang', 'en'),))
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, BinaryIO, TextIO

from kg.errors import InputError
from kg.ingest.clean import parse_date
from kg.ingest.decode import SNIFF_BYTES, normalise_newlines, sniff_encoding
from kg.types import Document

__all__ = [
    "KNOWN_FIELDS",
    "csv_documents",
    "json_documents",
    "jsonl_documents",
    "open_text",
    "record_to_document",
]

Report = Callable[[InputError], None]
Lines = Iterable[tuple[int, "str | UnicodeDecodeError"]]

#: Record fields that map onto :class:`~kg.types.Document` attributes.
KNOWN_FIELDS = ("id", "text", "title", "date", "url")

_TEXT_HINT = 'give every record a non-empty "text" string holding the article'
_CSV_FIELD_LIMIT = 1 << 30


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        text = str(value).strip()
        return text or None
    return None


def record_to_document(
    record: Mapping[str, Any], *, default_id: str, source: str, line: int | None
) -> Document:
    """Turn one record into a Document, or raise :class:`~kg.errors.InputError`."""
    if "text" not in record or record["text"] is None:
        raise InputError("record has no 'text' field", source=source, line=line, hint=_TEXT_HINT)
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(
            f"'text' is a {type(text).__name__}, not a string",
            source=source, line=line, hint=_TEXT_HINT,
        )
    text = normalise_newlines(text).strip()
    if not text:
        raise InputError("'text' is empty", source=source, line=line, hint=_TEXT_HINT)
    raw_id = record.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int | float | None):
        raise InputError(
            f"'id' is a {type(raw_id).__name__}, not a string or number",
            source=source, line=line, hint="give 'id' as a string, or leave it out",
        )
    metadata: list[tuple[str, str]] = []
    raw_date = _scalar(record.get("date"))
    date = parse_date(raw_date) if raw_date else None
    if raw_date and date is None:
        metadata.append(("date", raw_date))  # kept as given: not a full calendar date
    for key, value in record.items():
        if key in KNOWN_FIELDS or not isinstance(key, str):
            continue
        scalar = _scalar(value)
        if scalar is not None:
            metadata.append((key, scalar))
    return Document(
        id=_scalar(raw_id) or _scalar(record.get("url")) or default_id,
        text=text,
        title=_scalar(record.get("title")),
        date=date,
        url=_scalar(record.get("url")),
        source=source,
        line=line,
        metadata=tuple(metadata),
    )


def open_text(
    stream: BinaryIO, *, source: str, newline: str | None = None
) -> io.TextIOWrapper | None:
    """Wrap a binary file in a text stream of its detected encoding.

    Returns ``None`` for an empty (or whitespace-only) file; raises
    :class:`~kg.errors.InputError` for a binary one.
    """
    sample = stream.read(SNIFF_BYTES)
    if not sample.strip() or sample.strip() in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                                codecs.BOM_UTF16_BE):
        return None
    encoding = sniff_encoding(sample, source=source, complete=len(sample) < SNIFF_BYTES)
    stream.seek(0)
    return io.TextIOWrapper(stream, encoding=encoding, newline=newline)


def jsonl_documents(
    lines: Lines, *, source: str, file_id: str, report: Report
) -> Iterator[Document]:
    """Documents from the numbered lines of a JSON Lines file (blank lines are skipped)."""
    seen = False
    for number, line in lines:
        if isinstance(line, UnicodeDecodeError):
            report(InputError(f"line is not valid text: {line.reason}", source=source,
                              line=number, hint="re-save the file as UTF-8"))
            continue
        if not line.strip():
            continue
        seen = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            report(InputError(f"invalid JSON: {exc.msg} at column {exc.colno}", source=source,
                              line=number, hint="write one JSON object per line"))
            continue
        if not isinstance(record, dict):
            report(InputError(f"expected a JSON object, found a {type(record).__name__}",
                              source=source, line=number,
                              hint='write one object per line, e.g. {"text": "..."}'))
            continue
        try:
            yield record_to_document(record, default_id=f"{file_id}#{number}", source=source,
                                     line=number)
        except InputError as exc:
            report(exc)
    if not seen:
        report(InputError("empty file", source=source,
                          hint="add records, or remove the file from the input"))


def _columns(header: list[str], *, most: int = 8, width: int = 30) -> str:
    """The column names for a message, shortened (a header-less file has prose there)."""
    names = [name if len(name) <= width else name[: width - 3] + "..." for name in header]
    shown = ", ".join(repr(name) for name in names[:most] if name) or "none"
    return shown + (f", ... ({len(names)} in all)" if len(names) > most else "")


def _header(row: list[str]) -> list[str]:
    return [name.strip().removeprefix("\ufeff").strip().lower() for name in row]


class _Quotes:
    """Lines of a CSV stream, counting the quote characters of the row being read."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.lines: list[int] = []  # quotes per line since the last row

    def __iter__(self) -> _Quotes:
        return self

    def __next__(self) -> str:
        line = next(self.stream)
        self.lines.append(line.count('"'))
        return line

    def unclosed(self, spanned: int) -> bool:
        """Whether the row just read (``spanned`` lines) ends inside a quoted field."""
        counts, self.lines = self.lines[-spanned:], []
        return spanned > 1 and sum(counts) % 2 == 1


def csv_documents(
    stream: TextIO, *, source: str, file_id: str, report: Report, delimiter: str = ","
) -> Iterator[Document]:
    """Documents from a CSV (or, with ``delimiter="\\t"``, TSV) text stream opened with
    ``newline=""``. The first row names the columns; one of them must be ``text``.
    ``line`` is the line a row starts on."""
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    raw = _Quotes(stream)
    reader = csv.reader(raw, delimiter=delimiter)
    kind = "TSV" if delimiter == "\t" else "CSV"
    try:
        header = _header(next(reader, []))
    except (csv.Error, UnicodeDecodeError) as exc:
        report(InputError(f"cannot read the {kind} header: {exc}", source=source, line=1,
                          hint=f"check that the file is {kind} text in UTF-8"))
        return
    if not any(header):
        report(InputError("empty file", source=source,
                          hint="add a header row and records, or remove the file"))
        return
    if "text" not in header:
        report(InputError(f"no 'text' column (columns: {_columns(header)})", source=source,
                          line=1, hint="add a header row that names the column holding the "
                                       "article text 'text'"))
        return
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, UnicodeDecodeError) as exc:
            report(InputError(f"unreadable {kind} from here on: {exc}", source=source,
                              line=start, hint=f"fix the {kind} quoting or re-save as UTF-8"))
            return
        if raw.unclosed(reader.line_num - start + 1):
            # a row over several lines with an odd number of quotes: its quoted field
            # was never closed and swallowed the lines after it
            report(InputError(f"a quoted field that opens on this line is never closed; it "
                              f"runs to line {reader.line_num}", source=source, line=start,
                              hint=f"close the quote (or double a quote inside a quoted "
                                   f"field); the {kind} rows from here on were not read"))
            return
        if not any(cell.strip() for cell in row):
            continue
        record = {name: cell for name, cell in zip(header, row, strict=False) if name}
        try:
            yield record_to_document(record, default_id=f"{file_id}#{start}", source=source,
                                     line=start)
        except InputError as exc:
            report(exc)


def json_documents(
    text: str, *, source: str, file_id: str, report: Report
) -> Iterator[Document]:
    """Documents from a JSON file: one record object, or an array of record objects
    (ids ``<file id>#<n>``, n counting from 1)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        report(InputError(f"invalid JSON: {exc.msg}", source=source, line=exc.lineno,
                          hint="fix the JSON, or use JSON Lines (.jsonl)"))
        return
    if isinstance(data, dict):
        try:
            yield record_to_document(data, default_id=file_id, source=source, line=None)
        except InputError as exc:
            report(exc)
        return
    if not isinstance(data, list):
        report(InputError(f"expected an object or an array of objects, found a "
                          f"{type(data).__name__}", source=source,
                          hint='write [{"text": "..."}, ...]'))
        return
    for index, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            report(InputError(f"item {index} is a {type(item).__name__}, not an object",
                              source=source, hint='write [{"text": "..."}, ...]'))
            continue
        try:
            yield record_to_document(item, default_id=f"{file_id}#{index}", source=source,
                                     line=None)
        except InputError as exc:
            report(exc)
