"""Sources → :class:`~kg.types.Document`: files, folders, JSON Lines, CSV and stdin.

:func:`read` is what the pipeline calls. It yields documents lazily, one file (or
one record) at a time, and never holds a whole folder or record file in memory.

Formats are chosen by file name extension (``fmt`` forces one for every file):

========================  ==========================================================
``.txt``, other text      plain text; a scraped page's date/title lines and trailing
                          boilerplate are cleaned (:mod:`kg.ingest.clean`)
``.md``, ``.markdown``    Markdown turned into plain prose, then cleaned the same way
``.html``, ``.htm``       saved news pages: main text and metadata via trafilatura
``.jsonl``, ``.ndjson``   one JSON object per line with ``text`` (and ``id``,
                          ``title``, ``date``, ``url``, other fields → metadata)
``.csv``, ``.tsv``        a header row with a ``text`` column (same optional columns)
``.json``                 one such object, or an array of them
a folder                  every file under it, recursively, in sorted order (hidden
                          files and folders skipped, symlink loops not followed,
                          files of a binary type such as ``.png`` passed to
                          ``on_skip``, not reported as errors)
``-``                     standard input (plain text unless ``fmt`` says otherwise)
========================  ==========================================================

Document ids are stable and do not depend on the content, so that a changed file
replaces its earlier version in the store, nor on the folder a command is typed in
(:func:`file_id`): a record's own ``id``, else its ``url``; a page's URL (HTML
metadata); else the file's path from the folder named (``news/a.txt`` whether
``news``, ``news/a.txt`` or, inside ``news``, ``.`` was named), POSIX separators;
``<file id>#<line>`` for a record without an ``id`` or ``url``; ``stdin:<hash>``
for text read from standard input.

Every bad input becomes an :class:`~kg.errors.InputError` naming the file and line:
with ``on_error`` it is passed there and reading goes on; without, it is raised.
A file named on its own with a binary type (``photo.png``) is such an error.

A document longer than ``max_chars`` characters (default :data:`MAX_CHARS`) is an
error too: parsing it would take many minutes and gigabytes of memory, and a text
that long is nearly always many articles in one file. A text or HTML file far over
the limit is refused from its size, without being read.

>>> import io
>>> [d.text for d in read(["-"], stdin=io.StringIO("Putin spoke.\\r\\n"))]
['Putin spoke.']
>>> errors = []
>>> list(read(["no/such/file.txt"], on_error=errors.append)), errors[0].message
([], 'no such file or directory')
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO, TextIO, cast

from kg.errors import ConfigError, InputError
from kg.ingest.clean import clean_page, parse_date
from kg.ingest.decode import (
    BINARY_EXTENSIONS,
    decode_bytes,
    iter_decoded_lines,
    normalise_newlines,
)
from kg.ingest.records import csv_documents, json_documents, jsonl_documents, open_text
from kg.types import Document

__all__ = ["EXTENSIONS", "FORMATS", "MAX_CHARS", "count_documents", "file_id", "format_for",
           "list_files", "read", "read_files", "read_lines"]

ErrorHandler = Callable[[InputError], None]
SkipHandler = Callable[[str], None]
Source = str | os.PathLike[str]

#: Format names accepted by ``fmt``, with their aliases.
FORMATS: dict[str, str] = {
    "text": "text", "txt": "text", "plain": "text",
    "markdown": "markdown", "md": "markdown",
    "html": "html", "htm": "html",
    "jsonl": "jsonl", "ndjson": "jsonl", "jsonlines": "jsonl",
    "json": "json",
    "csv": "csv",
    "tsv": "tsv",
}

#: File name extensions with a format other than plain text.
EXTENSIONS: dict[str, str] = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv", ".tab": "tsv",
}

_STDIN = "-"
_STDIN_NAME = "stdin"

#: The longest document text (in characters) :func:`read` yields by default; the
#: same as spaCy's ``nlp.max_length``. A news article is a few thousand characters
#: (the longest of 2,095 BBC articles is 25,000); parsing a million takes minutes.
MAX_CHARS = 1_000_000

# A file more bytes than this many times the limit cannot hold few enough characters
# (UTF-8 and UTF-16 take at most 4 bytes a character), so it is refused unread. An
# HTML page carries markup and scripts around its text, hence more room.
_BYTES_PER_CHAR = {"text": 4, "markdown": 4, "html": 32}

_SIZE_HINT = ("split it into one file or JSON Lines record per article, or raise the "
              "limit with --max-chars N, 0 for none")


@dataclass(frozen=True)
class _Options:
    """What every reader needs besides the source: the forced format (``None``: from
    the extension), the length limit (``None``: none), and where problems go."""

    fmt: str | None
    max_chars: int | None
    report: ErrorHandler
    skip: SkipHandler

    def byte_limit(self, kind: str) -> int | None:
        """The file size over which a file of ``kind`` is refused unread."""
        factor = _BYTES_PER_CHAR.get(kind)
        if self.max_chars is None or factor is None:
            return None
        return self.max_chars * factor


def _raise(error: InputError) -> None:
    raise error


def _normalise_fmt(fmt: str | None) -> str | None:
    if fmt is None or fmt.strip().lower() in ("", "auto"):
        return None
    name = FORMATS.get(fmt.strip().lower().lstrip("."))
    if name is None:
        raise ConfigError(
            f"unknown input format {fmt!r}",
            hint="use one of " + ", ".join(sorted(set(FORMATS.values()))),
        )
    return name


def file_id(path: Source, root: Source | None = None) -> str:
    """The document id of a file, which does not depend on the folder a command was
    typed in: the name of the folder that holds it, a slash and its name; for a file
    met while reading a folder ``root``, the name of that folder and the path under
    it. POSIX separators; no machine path (nothing above the folder named).

    >>> file_id("/data/news/a.txt"), file_id("a.txt") == file_id(os.path.abspath("a.txt"))
    ('news/a.txt', True)
    >>> file_id("/data/bbc/politics/001.txt", root="/data/bbc")
    'bbc/politics/001.txt'
    """
    absolute = os.path.abspath(os.fspath(path))
    base = os.path.dirname(absolute) if root is None else os.path.abspath(os.fspath(root))
    relative = os.path.relpath(absolute, base)
    name = os.path.basename(base)
    return PurePath(name, relative).as_posix() if name else PurePath(relative).as_posix()


def format_for(path: Source) -> str:
    """The format a file is read as, from its extension: one of :data:`FORMATS`'
    values, or ``"binary"`` for a type kg cannot read.

    >>> format_for("a/b.MD"), format_for("notes"), format_for("x.pdf")
    ('markdown', 'text', 'binary')
    """
    suffix = PurePath(os.fspath(path)).suffix.lower()
    if suffix in BINARY_EXTENSIONS:
        return "binary"
    return EXTENSIONS.get(suffix, "text")


def _stdin_id(text: str) -> str:
    return f"{_STDIN_NAME}:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def _html_document(text: str, *, doc_id: str | None, source: str, report: ErrorHandler
                   ) -> Document | None:
    from kg.ingest.html import html_to_page

    try:
        page = html_to_page(text)
    except Exception as exc:  # trafilatura/lxml failures on odd markup
        report(InputError(f"cannot parse the HTML page: {exc}", source=source,
                          hint="check that it is a complete HTML page"))
        return None
    if page is None:
        report(InputError("no article text found in the HTML page", source=source,
                          hint="check that it is a news article page, or save its text "
                               "as .txt"))
        return None
    return Document(id=page.url or doc_id or _stdin_id(page.text), text=page.text,
                    title=page.title,
                    date=page.date, url=page.url, source=source, metadata=page.metadata)


def _prose_document(text: str, *, kind: str, doc_id: str | None, source: str,
                    report: ErrorHandler) -> Document | None:
    front: dict[str, str] = {}
    if kind == "markdown":
        from kg.ingest.markdown import markdown_to_text

        text, front = markdown_to_text(text)
        if not text:
            report(InputError("no prose in the Markdown file (only code, tables or markup)",
                              source=source, hint="add the article text, or remove the file"))
            return None
    page = clean_page(text)
    return Document(
        id=front.get("url") or doc_id or _stdin_id(page.text),
        text=page.text,
        title=front.get("title") or page.title,
        date=parse_date(front.get("date", "")) or page.date,
        url=front.get("url"),
        source=source,
    )


def _text_document(
    text: str, *, kind: str, doc_id: str | None, source: str, report: ErrorHandler
) -> Document | None:
    """One document from a whole decoded file (text, Markdown or HTML); ``doc_id``
    ``None`` means standard input (the id is made from the text)."""
    if not text.strip():
        report(InputError("empty file", source=source,
                          hint="add the article text, or remove the file from the input"))
        return None
    if kind == "html":
        return _html_document(text, doc_id=doc_id, source=source, report=report)
    return _prose_document(text, kind=kind, doc_id=doc_id, source=source, report=report)


def _too_large(size: int, *, max_chars: int, source: str, more: bool = False) -> InputError:
    """A file (or standard input: ``more`` than ``size`` bytes) refused unread."""
    amount = f"{'more than ' if more else ''}{size:,} bytes ({size / 2**20:.1f} MB)"
    return InputError(
        f"too large for one document: {amount}, over the limit of {max_chars:,} characters",
        source=source, hint=_SIZE_HINT)


def _too_long(document: Document, *, max_chars: int) -> InputError:
    return InputError(
        f"too long for one document: {len(document.text):,} characters, over the limit "
        f"of {max_chars:,}", source=document.source, line=document.line, hint=_SIZE_HINT)


def _read_file(path: str, kind: str, options: _Options, root: str | None = None
               ) -> Iterator[Document]:
    """Documents of one file (met in the folder ``root``, or named on its own); every
    problem is reported, none escapes."""
    report = options.report
    source = path
    doc_id = file_id(path, root)
    if kind == "binary":
        suffix = PurePath(path).suffix.lower()
        report(InputError(f"unsupported file type {suffix!r} (binary)", source=source,
                          hint="kg reads text, Markdown, HTML, JSON Lines and CSV; convert "
                               "it or remove it from the input"))
        return
    if kind in ("jsonl", "csv", "tsv"):
        try:
            stream = open(path, "rb")  # noqa: SIM115 - closed below, around a generator
        except OSError as exc:
            report(_os_error(exc, source))
            return
        with stream:
            yield from _read_records(stream, kind, source=source, file_id=doc_id,
                                     report=report)
        return
    byte_limit = options.byte_limit(kind)
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if byte_limit is not None and options.max_chars is not None and size > byte_limit:
                report(_too_large(size, max_chars=options.max_chars, source=source))
                return
            data = stream.read()
        text = _decode_html(data, source=source) if kind == "html" else decode_bytes(
            data, source=source)
    except InputError as exc:
        report(exc)
        return
    except OSError as exc:
        report(_os_error(exc, source))
        return
    if kind == "json":
        if not text.strip():
            report(InputError("empty file", source=source,
                              hint="add records, or remove the file from the input"))
            return
        yield from json_documents(text, source=source, file_id=doc_id, report=report)
        return
    document = _text_document(text, kind=kind, doc_id=doc_id, source=source, report=report)
    if document is not None:
        yield document


def _os_error(exc: OSError, source: str) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file or directory", source=source, hint="check the path")
    if isinstance(exc, IsADirectoryError):
        return InputError("is a folder, not a file", source=source,
                          hint="give a file, or read the folder with read()")
    return InputError(f"cannot read the file: {exc.strerror or exc}", source=source,
                      hint="check that it exists and that you may read it")


def _decode_html(data: bytes, *, source: str) -> str:
    from kg.ingest.html import meta_charset

    return decode_bytes(data, source=source, encoding=meta_charset(data))


def _read_records(
    stream: BinaryIO | TextIO,
    kind: str,
    *,
    source: str,
    file_id: str,
    report: ErrorHandler,
) -> Iterator[Document]:
    """JSON Lines or CSV/TSV records of a binary stream (a file) or a text stream (stdin)."""
    text_stream: TextIO | None
    if isinstance(stream, io.TextIOBase):
        text_stream = cast(TextIO, stream)
    else:
        binary = cast(BinaryIO, stream)
        try:
            wrapper = open_text(binary, source=source, newline=None if kind == "jsonl" else "")
        except InputError as exc:
            report(exc)
            return
        if wrapper is not None and kind == "jsonl":
            # JSON Lines are decoded line by line, so that one bad line is one error.
            lines: Iterable[tuple[int, str | UnicodeDecodeError]] = iter_decoded_lines(
                binary, encoding=wrapper.encoding)
            wrapper.detach()
            binary.seek(0)
            yield from jsonl_documents(lines, source=source, file_id=file_id, report=report)
            return
        text_stream = wrapper
    if text_stream is None:
        report(InputError("empty file", source=source,
                          hint="add records, or remove the file from the input"))
        return
    if kind == "jsonl":
        lines = ((n, line.rstrip("\r\n")) for n, line in enumerate(text_stream, start=1))
        yield from jsonl_documents(lines, source=source, file_id=file_id, report=report)
    else:
        yield from csv_documents(text_stream, source=source, file_id=file_id, report=report,
                                 delimiter="\t" if kind == "tsv" else ",")


def _walk(folder: str, visited: set[tuple[int, int]], report: ErrorHandler) -> Iterator[str]:
    """Regular files under ``folder``, depth first, sorted by name; hidden entries are
    skipped, and a folder already visited (a symlink loop) is not entered again."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        report(InputError(f"cannot list the folder: {exc.strerror or exc}", source=folder,
                          hint="check that you may read it"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(folder, entry.name)
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
            info = entry.stat() if is_dir else None
        except OSError:
            is_dir = is_file = False
            info = None
        if info is not None:
            key = (info.st_dev, info.st_ino)
            if key not in visited:
                visited.add(key)
                yield from _walk(path, visited, report)
        elif is_file:
            yield path
        else:
            kind = "a broken link" if entry.is_symlink() else "not a regular file"
            report(InputError(f"skipped: {kind}", source=path,
                              hint="remove it or point the link at an existing file"))


def _read_path(path: str, options: _Options) -> Iterator[Document]:
    """A file named on its own is read whatever its type (a binary type is an error);
    a folder's files of a binary type are passed to ``options.skip``."""
    report = options.report
    try:
        info = os.stat(path)
    except FileNotFoundError:
        report(InputError("no such file or directory", source=path, hint="check the path"))
        return
    except OSError as exc:
        report(InputError(f"cannot open: {exc.strerror or exc}", source=path,
                          hint="check the path and your permissions"))
        return
    if stat.S_ISDIR(info.st_mode):
        visited = {(info.st_dev, info.st_ino)}
        for file_path in _walk(path, visited, report):
            kind = options.fmt or format_for(file_path)
            if kind == "binary":
                options.skip(file_path)
                continue
            yield from _read_file(file_path, kind, options, root=path)
    else:
        yield from _read_file(path, options.fmt or format_for(path), options)


def _read_stdin(stdin: TextIO | None, options: _Options) -> Iterator[Document]:
    report = options.report
    kind = options.fmt or "text"
    if kind in ("jsonl", "csv", "tsv"):
        if stdin is None:
            stream: TextIO = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig",
                                              newline=None if kind == "jsonl" else "")
        else:
            stream = stdin
        yield from _read_records(stream, kind, source=_STDIN, file_id=_STDIN_NAME,
                                 report=report)
        return
    byte_limit = options.byte_limit(kind)
    try:
        if stdin is None:
            # read no more than it takes to refuse a text far over the limit
            data = sys.stdin.buffer.read(-1 if byte_limit is None else byte_limit + 1)
            if byte_limit is not None and options.max_chars and len(data) > byte_limit:
                report(_too_large(byte_limit, max_chars=options.max_chars, source=_STDIN,
                                  more=True))
                return
            text = decode_bytes(data, source=_STDIN)
        else:
            text = normalise_newlines(stdin.read()).removeprefix("\ufeff")
    except InputError as exc:
        report(exc)
        return
    if kind == "json":
        yield from json_documents(text, source=_STDIN, file_id=_STDIN_NAME, report=report)
        return
    document = _text_document(text, kind=kind, doc_id=None, source=_STDIN, report=report)
    if document is not None:
        yield document


def _read(sources: list[Source], stdin: TextIO | None, options: _Options
          ) -> Iterator[Document]:
    for source in sources:
        path = os.fspath(source)
        documents = _read_stdin(stdin, options) if path == _STDIN else _read_path(path, options)
        for document in documents:
            if options.max_chars is not None and len(document.text) > options.max_chars:
                options.report(_too_long(document, max_chars=options.max_chars))
                continue
            yield document


def _ignore(_path: str) -> None:
    return None


def read(
    sources: Iterable[Source],
    *,
    stdin: TextIO | None = None,
    on_error: ErrorHandler | None = None,
    fmt: str | None = None,
    max_chars: int | None = MAX_CHARS,
    on_skip: SkipHandler | None = None,
) -> Iterator[Document]:
    """Yield the documents of ``sources`` (files, folders, ``-`` for standard input).

    ``fmt`` forces a format (a key of :data:`FORMATS`) for every file; by default
    (``None`` or ``"auto"``) it comes from each file's extension. ``stdin`` replaces
    ``sys.stdin`` (tests).
    ``on_error`` receives each :class:`~kg.errors.InputError` and reading goes on
    with the next record or file; without it the first error is raised. An unknown
    ``fmt`` raises :class:`~kg.errors.ConfigError` at once.
    ``max_chars`` is the longest document text yielded (``None`` or 0: no limit); a
    longer document is an error. ``on_skip`` receives the path of each file in a
    folder left unread for its binary type (``.png``, ``.pdf``...).

    >>> import io
    >>> doc = next(read(["-"], stdin=io.StringIO('{"id": "a1", "text": "Hi."}'), fmt="jsonl"))
    >>> doc.id, doc.text, doc.line
    ('a1', 'Hi.', 1)
    """
    if max_chars is not None and max_chars < 0:
        raise ConfigError(f"max_chars must be 0 (no limit) or more, not {max_chars}")
    options = _Options(fmt=_normalise_fmt(fmt), max_chars=max_chars or None,
                       report=on_error or _raise, skip=on_skip or _ignore)
    if isinstance(sources, str | os.PathLike):
        sources = [sources]  # a lone path, not an iterable of one-character paths
    return _read(list(sources), stdin, options)


def _count_lines(path: str) -> int:
    """Lines holding more than white space, read in blocks (records of a file)."""
    count = 0
    tail = b""
    with open(path, "rb") as stream:
        while block := stream.read(1 << 20):
            lines = (tail + block).split(b"\n")
            tail = lines.pop()
            count += sum(1 for line in lines if line.strip())
    return count + (1 if tail.strip() else 0)


def _count_file(path: str, kind: str) -> int:
    try:
        if kind == "jsonl":
            return _count_lines(path)
        if kind in ("csv", "tsv"):
            return max(_count_lines(path) - 1, 0)  # the header row
    except OSError:
        return 1  # reported when it is read
    return 1


def count_documents(sources: Iterable[Source], *, fmt: str | None = None) -> int | None:
    """About how many documents :func:`read` will yield from ``sources``, without
    parsing them (for a progress bar): one a text, Markdown or HTML file or JSON
    file, one a line of JSON Lines, one a row of CSV (a quoted field over several
    lines counts more). ``None`` when standard input is among them.

    >>> count_documents(["-"]) is None
    True
    """
    kind_forced = _normalise_fmt(fmt)
    total = 0
    ignore: ErrorHandler = _ignore_error
    if isinstance(sources, str | os.PathLike):
        sources = [sources]
    for source in sources:
        path = os.fspath(source)
        if path == _STDIN:
            return None
        try:
            info = os.stat(path)
        except OSError:
            total += 1
            continue
        if stat.S_ISDIR(info.st_mode):
            for file_path in _walk(path, {(info.st_dev, info.st_ino)}, ignore):
                kind = kind_forced or format_for(file_path)
                if kind != "binary":
                    total += _count_file(file_path, kind)
        else:
            total += _count_file(path, kind_forced or format_for(path))
    return total


def _ignore_error(_error: InputError) -> None:
    return None


def _lines_documents(lines: Iterable[tuple[int, str | UnicodeDecodeError]], *, name: str,
                     source: str, report: ErrorHandler) -> Iterator[Document]:
    seen = False
    for number, line in lines:
        if isinstance(line, UnicodeDecodeError):
            report(InputError(f"line is not valid text: {line.reason}", source=source,
                              line=number, hint="re-save the file as UTF-8"))
            continue
        text = line.strip()
        if text:
            seen = True
            yield Document(id=f"{name}#{number}", text=text, source=source, line=number)
    if not seen:
        report(InputError("empty file", source=source,
                          hint="give one sentence or text per line"))


def read_lines(
    path_or_dash: Source,
    *,
    stdin: TextIO | None = None,
    on_error: ErrorHandler | None = None,
) -> Iterator[Document]:
    """Yield one document per non-empty line of a text file (or ``-``: standard input).

    Used for sentence-per-line inputs such as the CaRB benchmark. Ids are
    ``<name>#<line number>`` where name is the file id (or ``stdin``); lines are
    stripped and not otherwise cleaned.

    >>> import io
    >>> [(d.id, d.text) for d in read_lines("-", stdin=io.StringIO("One.\\n\\n Two. \\n"))]
    [('stdin#1', 'One.'), ('stdin#3', 'Two.')]
    """
    return _read_lines(os.fspath(path_or_dash), stdin, on_error or _raise)


def _read_lines(path: str, stdin: TextIO | None, report: ErrorHandler) -> Iterator[Document]:
    if path == _STDIN:
        stream = stdin if stdin is not None else io.TextIOWrapper(
            sys.stdin.buffer, encoding="utf-8-sig", newline=None)
        numbered = ((n, line.rstrip("\r\n")) for n, line in enumerate(stream, start=1))
        yield from _lines_documents(numbered, name=_STDIN_NAME, source=_STDIN, report=report)
        return
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed below, around a generator
    except OSError as exc:
        report(_os_error(exc, path))
        return
    with raw:
        try:
            wrapper = open_text(raw, source=path)
        except InputError as exc:
            report(exc)
            return
        if wrapper is None:
            report(InputError("empty file", source=path,
                              hint="give one sentence or text per line"))
            return
        encoding = wrapper.encoding
        wrapper.detach()
        raw.seek(0)
        yield from _lines_documents(iter_decoded_lines(raw, encoding=encoding),
                                    name=file_id(path), source=path, report=report)


def list_files(sources: Iterable[Source], *, on_error: ErrorHandler | None = None,
               fmt: str | None = None, on_skip: SkipHandler | None = None,
               ) -> Iterator[tuple[str, str | None]]:
    """The files :func:`read` would read for ``sources`` (not ``-``), as ``(path,
    root)`` pairs: ``root`` is the folder named that holds the file (it makes the
    document id), ``None`` for a file named on its own. Folders are walked as
    :func:`read` walks them; missing paths go to ``on_error``, files of a binary
    type in folders to ``on_skip``. With :func:`read_files`, the documents can be
    read elsewhere (on a Dask worker) with the same ids.

    >>> list(list_files(["no/such/file.txt"], on_error=lambda e: print(e)))
    no/such/file.txt: no such file or directory (check the path)
    []
    """
    report = on_error or _raise
    skip = on_skip or _ignore
    forced = _normalise_fmt(fmt)
    for source in sources:
        path = os.fspath(source)
        try:
            info = os.stat(path)
        except FileNotFoundError:
            report(InputError("no such file or directory", source=path, hint="check the path"))
            continue
        except OSError as exc:
            report(InputError(f"cannot open: {exc.strerror or exc}", source=path,
                              hint="check the path and your permissions"))
            continue
        if not stat.S_ISDIR(info.st_mode):
            yield path, None
            continue
        for file_path in _walk(path, {(info.st_dev, info.st_ino)}, report):
            if (forced or format_for(file_path)) == "binary":
                skip(file_path)
            else:
                yield file_path, path


def read_files(files: Iterable[tuple[str, str | None]], *,
               on_error: ErrorHandler | None = None, fmt: str | None = None,
               max_chars: int | None = MAX_CHARS) -> Iterator[Document]:
    """The documents of ``(path, root)`` pairs from :func:`list_files`, with the ids
    and errors :func:`read` gives the same files."""
    options = _Options(fmt=_normalise_fmt(fmt), max_chars=max_chars or None,
                       report=on_error or _raise, skip=_ignore)
    for path, root in files:
        for document in _read_file(path, options.fmt or format_for(path), options, root=root):
            if options.max_chars is not None and len(document.text) > options.max_chars:
                options.report(_too_long(document, max_chars=options.max_chars))
                continue
            yield document
