"""``kg serve``: a SPARQL 1.1 Protocol endpoint over an embedded store.

The server is the standard library's :class:`~http.server.ThreadingHTTPServer`;
queries run on Oxigraph's engine. It answers

- ``GET /sparql?query=…``, ``POST /sparql`` with a form (``query=…`` or
  ``update=…``) or a body of type ``application/sparql-query`` /
  ``application/sparql-update``; ``default-graph-uri``/``named-graph-uri`` pick
  the dataset (by default the default graph is the union of all graphs);
- results as JSON, XML, CSV or TSV (SELECT/ASK) and Turtle or N-Triples
  (CONSTRUCT/DESCRIBE), chosen from the ``Accept`` header or a ``format``
  parameter;
- ``GET /``: a small page (inline, nothing fetched from elsewhere) to type a
  query and see a table (``/?query=…`` opens it with that query run).

Safety by default: bound to 127.0.0.1; read-only (updates need
``allow_update=True`` *and* ``Authorization: Bearer <token>``); ``SERVICE`` and
``LOAD`` are refused (see :func:`outbound_keyword`) so a query never makes the
server fetch anything; a time limit per query, a row limit per answer
(``X-KG-Truncated: true`` says when it cut), a request size limit, and a check
of the ``Host`` header against DNS rebinding.

**How the time limit works.** Oxigraph cannot cancel a running query from
Python. For a store on disk the server runs queries in a small pool of worker
*processes*, each holding a read-only handle on the store (or one read-write
worker with ``allow_update``); a query past its deadline gets its worker
killed and replaced, so the work really stops. For a store object in memory
(tests, notebooks) queries run in threads: the answer comes back at the
deadline, the rows stop streaming, but a query that must compute everything
before its first row (ORDER BY, GROUP BY) finishes in the background. A
read-only worker sees the store as it was when the worker started: restart
``kg serve`` after a ``kg build`` (do not build while serving).

>>> from kg.store import OxigraphStore
>>> server = make_server(OxigraphStore(), port=0)
>>> server.url.startswith("http://127.0.0.1:")
True
>>> server.server_close()
"""

from __future__ import annotations

import contextlib
import csv
import hmac
import io
import json
import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.errors import ConfigError, StoreError
from kg.namespaces import PREFIXES
from kg.sandbox import (
    MAX_NESTING,
    deny_network_or_warn,
    die_with_parent,
    nesting_depth,
    outbound_keyword,
    start_thread,
)

__all__ = [
    "ServeOptions",
    "SparqlServer",
    "make_server",
    "new_token",
    "outbound_keyword",
    "serve",
    "write_boolean",
    "write_select",
]

log = logging.getLogger("kg.serve")

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: Result formats: name → (media type, other media types that select it).
_RESULT_TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "json": ("application/sparql-results+json",
             ("application/json", "text/javascript", "application/javascript")),
    "xml": ("application/sparql-results+xml", ("application/xml", "text/xml")),
    "csv": ("text/csv", ()),
    "tsv": ("text/tab-separated-values", ()),
}
_GRAPH_TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "ttl": ("text/turtle", ("application/x-turtle", "application/turtle")),
    "nt": ("application/n-triples", ("text/plain",)),
}
_FORMAT_ALIASES = {"turtle": "ttl", "ntriples": "nt", "n-triples": "nt", "sparql-results+json":
                   "json", "sparql-results+xml": "xml"}


# -- serialisation -------------------------------------------------------------------
def _json_term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    raise TypeError(f"unexpected term {term!r}")


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return (f"<literal datatype={quoteattr(term.datatype.value)}>"
                    f"{escape(term.value)}</literal>")
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _plain(term: Any) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


def write_select(variables: list[str], rows: Iterable[list[Any]], fmt: str) -> bytes:
    """SELECT rows (pyoxigraph terms, ``None`` when unbound) in a SPARQL 1.1
    results format: ``json``, ``xml``, ``csv`` or ``tsv``.

    >>> write_select(["x"], [[ox.Literal("a,b")]], "csv")
    b'x\\r\\n"a,b"\\r\\n'
    """
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True)
                     if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                 "<head>"]
        parts += [f"<variable name={quoteattr(v)}/>" for v in variables]
        parts.append("</head><results>")
        for row in rows:
            parts.append("<result>")
            parts += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                      for v, t in zip(variables, row, strict=True) if t is not None]
            parts.append("</result>")
        parts.append("</results></sparql>\n")
        return "".join(parts).encode("utf-8")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow(["" if t is None else _plain(t) for t in row])
        return buffer.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ConfigError(f"unknown results format {fmt!r}", hint="use json, xml, csv or tsv")


def write_boolean(value: bool, fmt: str) -> bytes:
    """An ASK answer in a SPARQL 1.1 results format."""
    word = "true" if value else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if fmt == "xml":
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{word}</boolean></sparql>\n").encode()
    return f"{word}\n".encode()


# -- running one request (in a worker process or a thread) ---------------------------
@dataclass(frozen=True)
class _Task:
    sparql: str
    update: bool
    result_fmt: str
    graph_fmt: str
    max_rows: int
    timeout: float
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_response_bytes: int = 64_000_000


@dataclass
class _Answer:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


class _Timeout(Exception):
    pass


def _text(status: int, message: str, headers: Mapping[str, str] | None = None) -> _Answer:
    return _Answer(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"),
                   dict(headers or {}))


def _timeout_answer(timeout: float) -> _Answer:
    return _text(HTTPStatus.SERVICE_UNAVAILABLE,
                 f"the query ran longer than the time limit of {timeout:g} s and was stopped; "
                 "make it more selective (or ask for a longer --timeout)")


_NO_NETWORK = ("the query tried to reach the network (SERVICE or LOAD); this endpoint makes "
               "no outbound requests")


def _graph_iris(iris: Iterable[str]) -> list[ox.NamedNode]:
    """``default-graph-uri``/``named-graph-uri`` values as IRIs (ValueError if one is not)."""
    return [ox.NamedNode(iri) for iri in iris]


def _execute(store: ox.Store, task: _Task, *, deadline: float) -> _Answer:
    """Run one task on ``store``; rows are read with a deadline check."""
    if task.update:
        try:
            store.update(task.sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            return _text(HTTPStatus.BAD_REQUEST, f"the update does not parse: {exc}")
        except PermissionError:
            return _text(HTTPStatus.FORBIDDEN, _NO_NETWORK)
        except (OSError, ValueError, RuntimeError) as exc:
            return _text(HTTPStatus.INTERNAL_SERVER_ERROR, f"the update failed: {exc}")
        return _text(HTTPStatus.OK, "update done")
    options: dict[str, Any] = {"prefixes": PREFIXES}
    try:
        if task.default_graphs:
            options["default_graph"] = _graph_iris(task.default_graphs)
        else:
            options["use_default_graph_as_union"] = True
        if task.named_graphs:
            options["named_graphs"] = _graph_iris(task.named_graphs)
    except ValueError as exc:
        return _text(HTTPStatus.BAD_REQUEST, f"a graph IRI is not an IRI: {exc}")
    try:
        result = store.query(task.sparql, **options)
        if isinstance(result, ox.QueryBoolean):
            return _Answer(HTTPStatus.OK, _media(task.result_fmt, _RESULT_TYPES),
                           write_boolean(bool(result), task.result_fmt))
        rows, truncated = _take(result, task.max_rows, deadline)
        headers = {"X-KG-Truncated": "true", "X-KG-Max-Rows": str(task.max_rows)} \
            if truncated else {}
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            table = [[sol[v] for v in variables] for sol in rows]
            body = write_select(variables, table, task.result_fmt)
            media = _media(task.result_fmt, _RESULT_TYPES)
        else:
            fmt = ox.RdfFormat.N_TRIPLES if task.graph_fmt == "nt" else ox.RdfFormat.TURTLE
            body = ox.serialize(rows, format=fmt,
                                prefixes=PREFIXES if task.graph_fmt == "ttl" else None) or b""
            media = _media(task.graph_fmt, _GRAPH_TYPES)
        if len(body) > task.max_response_bytes:
            return _too_large(task.max_response_bytes)
        return _Answer(HTTPStatus.OK, media, body, headers)
    except _Timeout:
        return _timeout_answer(task.timeout)
    except SyntaxError as exc:
        return _text(HTTPStatus.BAD_REQUEST, f"the query does not parse: {exc}")
    except PermissionError:
        return _text(HTTPStatus.FORBIDDEN, _NO_NETWORK)
    except MemoryError:
        return _memory_answer()
    except OSError as exc:
        return _text(HTTPStatus.INTERNAL_SERVER_ERROR, f"the query failed: {exc}")
    except (ValueError, RuntimeError) as exc:
        if "Corruption" in str(exc):
            return _text(HTTPStatus.INTERNAL_SERVER_ERROR,
                         "the store is damaged; rebuild it or restore it from a backup")
        return _text(HTTPStatus.BAD_REQUEST, f"the query failed: {exc}")


def _too_large(limit: int) -> _Answer:
    return _text(HTTPStatus.SERVICE_UNAVAILABLE,
                 f"the answer is larger than the limit of {limit:,} bytes; ask for fewer rows "
                 "(LIMIT) or shorter values")


def _memory_answer(limit_mb: int | None = None) -> _Answer:
    size = f" of {limit_mb:,} MB" if limit_mb else ""
    return _text(HTTPStatus.SERVICE_UNAVAILABLE,
                 f"the query needed more memory than the limit{size} and was stopped; make it "
                 "smaller (fewer rows, shorter strings)")


def _take(result: Iterable[Any], limit: int, deadline: float) -> tuple[list[Any], bool]:
    rows: list[Any] = []
    for index, item in enumerate(result):
        if index % 256 == 0 and time.monotonic() > deadline:
            raise _Timeout
        if len(rows) >= limit:
            return rows, True
        rows.append(item)
    if time.monotonic() > deadline:
        raise _Timeout
    return rows, False


def _media(fmt: str, table: Mapping[str, tuple[str, tuple[str, ...]]]) -> str:
    return table[fmt][0] + "; charset=utf-8"


def _vm_size() -> int:
    """This process's address space in bytes (0 where /proc does not say)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _cap_memory(extra_mb: int) -> None:
    """Let this process grow by at most ``extra_mb`` MB of address space from now."""
    import resource

    base = _vm_size()
    if not base or extra_mb <= 0:
        return
    limit = base + extra_mb * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _worker_main(path: str, writable: bool, conn: Connection, memory_mb: int = 0) -> None:
    """A worker process: open the store, deny itself the network, cap its memory, then
    answer tasks (on a thread with a large stack) until the pipe closes."""
    try:
        if path == "memory:":
            store = ox.Store()
        else:
            store = ox.Store(path) if writable else ox.Store.read_only(path)
    except (OSError, RuntimeError) as exc:
        conn.send(("error", str(exc)))
        return
    sandboxed = deny_network_or_warn()  # the query thread started below inherits it
    go = threading.Event()

    def loop() -> None:
        go.wait()
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):
                if writable:
                    store.flush()
                return
            answer = _execute(store, task, deadline=time.monotonic() + task.timeout)
            if writable and task.update:
                store.flush()
            conn.send(answer)

    thread = start_thread(loop)
    _cap_memory(memory_mb)
    conn.send(("ready", "sandboxed" if sandboxed else "unsandboxed"))
    go.set()
    thread.join()


# -- engines: where a task runs ------------------------------------------------------
class _Engine:
    def run(self, task: _Task) -> _Answer:  # pragma: no cover - interface
        raise NotImplementedError

    def close(self) -> None:
        pass


class _ThreadEngine(_Engine):
    """Tasks in threads over an in-process store; answers come back by the deadline.

    Each query runs on its own thread with a large stack and no network (see
    :mod:`kg.sandbox`); memory is not capped here (it is in worker processes).
    """

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.write_lock = threading.Lock()

    def run(self, task: _Task) -> _Answer:
        holder: list[_Answer] = []
        deadline = time.monotonic() + task.timeout

        def work() -> None:
            deny_network_or_warn()
            if task.update:
                with self.write_lock:
                    holder.append(_execute(self.store, task, deadline=deadline))
            else:
                holder.append(_execute(self.store, task, deadline=deadline))

        thread = start_thread(work)
        thread.join(task.timeout)
        return holder[0] if holder else _timeout_answer(task.timeout)


#: Starts a worker's interpreter with kg stood in for by an empty package (see _Worker).
_BOOT = ("import sys, types; package = types.ModuleType('kg'); "
         "package.__path__ = [sys.argv.pop(1)]; sys.modules['kg'] = package; "
         "from kg import serve; serve.{entry}(sys.argv[1:])")


def _python(entry: str, args: list[str], fds: tuple[int, ...]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", _BOOT.format(entry=entry), str(Path(__file__).resolve().parent),
         *args],
        pass_fds=fds, stdin=subprocess.DEVNULL, close_fds=True,
        env={**os.environ, "RUST_BACKTRACE": "0"}, stderr=subprocess.DEVNULL,
    )


class _Forker:
    """A fork server: one process that has imported what a worker needs and forks a
    worker on request, in milliseconds (a fresh interpreter takes a second or more
    on a busy machine). It reports each worker's exit status when it ends."""

    def __init__(self) -> None:
        self.control, control_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.reports, reports_end = socket.socketpair()
        self.process = _python("_forker_entry", [str(control_end.fileno()),
                                                 str(reports_end.fileno())],
                               (control_end.fileno(), reports_end.fileno()))
        control_end.close()
        reports_end.close()
        self.lock = threading.Lock()
        self.exits: dict[int, int] = {}
        self.changed = threading.Condition()
        threading.Thread(target=self._read_reports, daemon=True).start()

    def _read_reports(self) -> None:
        with self.reports.makefile("r", encoding="ascii") as lines:
            for line in lines:
                pid, status = line.split()
                with self.changed:
                    self.exits[int(pid)] = int(status)
                    self.changed.notify_all()

    def fork(self, args: list[str], fd: int) -> int:
        """Fork a worker that runs ``_worker_entry([fd-in-child, *args])``; its pid."""
        with self.lock:
            socket.send_fds(self.control, [json.dumps(args).encode()], [fd])
            reply = self.control.recv(64)
        if not reply:
            raise OSError("the fork server is gone")
        return int(reply)

    def exit_status(self, pid: int, wait: float) -> int | None:
        """The worker's exit status (negative: the signal that ended it), or None."""
        with self.changed:
            self.changed.wait_for(lambda: pid in self.exits, wait)
            return self.exits.pop(pid, None)

    def close(self) -> None:
        self.control.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(5)
        if self.process.poll() is None:
            self.process.kill()
        self.reports.close()


def _forker_entry(argv: list[str]) -> None:
    """The fork server's loop: ``CONTROL_FD REPORTS_FD``."""
    import select

    # no death signal here: it would come when the *thread* that started this process
    # ends; the fork server ends when the server's end of its control socket closes
    control = socket.socket(fileno=int(argv[0]))
    reports = socket.socket(fileno=int(argv[1]))

    def reap() -> None:
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            reports.sendall(f"{pid} {os.waitstatus_to_exitcode(status)}\n".encode())

    while True:
        readable, _, _ = select.select([control], [], [], 0.2)
        reap()
        if not readable:
            continue
        message, fds, _, _ = socket.recv_fds(control, 65536, 1)
        if not message or not fds:
            return  # the server is gone: workers end when their pipes close
        args = json.loads(message)
        me = os.getpid()
        pid = os.fork()
        if pid == 0:
            die_with_parent()  # with the fork server (one thread), so with the server
            if os.getppid() != me:
                os._exit(0)  # the fork server ended before the line above
            control.close()
            reports.close()
            code = 0
            try:
                _worker_entry([*args[:2], str(fds[0]), *args[2:]])
            except BaseException:
                code = 1
            os._exit(code)
        os.close(fds[0])
        control.send(str(pid).encode())


class _Worker:
    """A worker process talking over a socket pair: forked by a :class:`_Forker`, or
    started as ``python -c`` (not multiprocessing, whose spawn re-imports the
    caller's ``__main__``)."""

    def __init__(self, path: str, writable: bool, memory_mb: int,
                 forker: _Forker | None = None) -> None:
        parent, child = socket.socketpair()
        args = [path, "rw" if writable else "ro", str(memory_mb)]
        self.forker = forker
        self.process: subprocess.Popen[bytes] | None = None
        try:
            if forker is not None:
                self.pid = forker.fork(args, child.fileno())
            else:
                # kg/__init__.py imports the whole pipeline (spaCy: seconds); a worker
                # needs kg.serve and three small modules, so the package is stood in for
                # by an empty one
                self.process = _python("_worker_entry", [*args[:2], str(child.fileno()),
                                                         *args[2:]], (child.fileno(),))
                self.pid = self.process.pid
        finally:
            child.close()
        self.conn = Connection(parent.detach())
        self.niced = False

    def ready(self, timeout: float) -> str | None:
        """``None`` when ready, else the reason it is not."""
        try:
            if not self.conn.poll(timeout):
                return "the worker did not start in time"
            kind, message = self.conn.recv()
        except (EOFError, OSError) as exc:
            return f"the worker died ({exc or 'no answer'})"
        if kind == "ready" and message != "sandboxed":
            log.warning("kg serve: the query workers have no network sandbox here; SERVICE "
                        "and LOAD are refused by reading the query text only")
        return None if kind == "ready" else str(message)

    def lower_priority(self) -> None:
        """Let other queries go first (a query that has run a while is a slow one)."""
        with contextlib.suppress(OSError, AttributeError):
            now = os.getpriority(os.PRIO_PROCESS, self.pid)
            os.setpriority(os.PRIO_PROCESS, self.pid, min(19, now + 10))
            self.niced = True

    def death(self, wait: float = 2.0) -> int | None:
        """The worker's exit status once it has ended (waiting ``wait`` s), else None."""
        if self.forker is not None:
            return self.forker.exit_status(self.pid, wait)
        assert self.process is not None
        try:
            return self.process.wait(wait)
        except subprocess.TimeoutExpired:
            return None

    def kill(self) -> None:
        """Stop the worker now (its query is abandoned)."""
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        self.death(5)
        self.conn.close()

    def stop(self) -> None:
        """Let the worker finish: closing the pipe makes it close the store and exit."""
        self.conn.close()
        if self.death(10) is None:
            self.kill()


def _worker_entry(argv: list[str]) -> None:
    """A worker's entry: ``PATH ro|rw FD MEMORY_MB``."""
    path, mode, fd, memory = argv
    _worker_main(path, mode == "rw", Connection(int(fd)), int(memory))


#: Seconds a request may wait for a free worker.
_WORKER_WAIT = 10.0
#: A query running longer than this is a slow one: its worker gets a lower priority.
_SLOW_AFTER = 0.5


class _ProcessEngine(_Engine):
    """Tasks in worker processes; a task past its deadline has its worker killed.

    ``workers`` processes are kept ready; when all are busy more are started, up
    to ``max_workers``, and one spare is kept ready while there is room, so a cheap
    query does not wait behind slow ones. A query that has run longer than
    :data:`_SLOW_AFTER` has its worker's priority lowered (and the worker is
    replaced after it), so slow queries share the CPU left over by quick ones.
    """

    def __init__(self, path: Path, *, workers: int, writable: bool, max_workers: int = 32,
                 memory_mb: int = 1024) -> None:
        self.path, self.writable, self.memory_mb = str(path), writable, memory_mb
        self.min_workers = 1 if writable else max(1, workers)
        self.max_workers = 1 if writable else max(self.min_workers, max_workers)
        self.idle: list[_Worker] = []
        self.waiters: list[list[_Worker]] = []  # requests waiting for a worker, oldest first
        self.cond = threading.Condition()  # its lock is reentrant
        self.alive = 0  # workers started (or starting) and not yet retired
        self.closed = False
        self.forker: _Forker | None = None
        if hasattr(socket, "send_fds") and hasattr(os, "fork") and not writable:
            self.forker = _Forker()
        first = self._new_worker()
        problem = first.ready(120)
        if problem is not None:
            first.kill()
            if self.forker is not None:
                self.forker.close()
            from kg.store import _DAMAGED_HINT

            if "Corruption" in problem or "No such file" in problem:
                raise StoreError(f"the store {path} is damaged ({problem.splitlines()[0]})",
                                 hint=_DAMAGED_HINT)
            raise StoreError(f"cannot serve the store {path}: {problem}",
                             hint="check that it is a kg store, not in use by a kg build")
        self.idle.append(first)
        self.alive = 1
        for _ in range(self.min_workers - 1):
            self._spawn()
        if self.max_workers > self.min_workers:
            self._spawn()  # a spare

    def _spawn(self) -> None:
        """Start one more worker in the background, if there is room."""
        with self.cond:
            if self.closed or self.alive >= self.max_workers:
                return
            self.alive += 1
        threading.Thread(target=self._add_worker, daemon=True).start()

    def _new_worker(self) -> _Worker:
        if self.forker is not None:
            try:
                return _Worker(self.path, self.writable, self.memory_mb, self.forker)
            except OSError as exc:
                log.error("kg serve: the fork server failed (%s); starting workers afresh", exc)
                self.forker = None
        return _Worker(self.path, self.writable, self.memory_mb)

    def _add_worker(self) -> None:
        worker = self._new_worker()
        problem = worker.ready(120)
        with self.cond:
            if problem is None and not self.closed:
                self._offer(worker)
                return
            self.alive -= 1
        if problem is not None:
            log.error("kg serve: a worker failed to start: %s", problem)
        worker.kill()

    def _offer(self, worker: _Worker) -> None:
        """A free worker goes to the request that has waited *least* (the caller holds
        the lock): under overload, a request that just came is answered while older
        ones wait out their bounded wait, instead of everyone waiting for everyone."""
        if self.waiters:
            self.waiters.pop().append(worker)
            self.cond.notify_all()
        else:
            self.idle.append(worker)

    def _take(self, wait: float) -> _Worker | None:
        end = time.monotonic() + wait
        with self.cond:
            if self.idle:
                worker = self.idle.pop()  # the most recently used: warm caches
            else:
                slot: list[_Worker] = []
                self.waiters.append(slot)
                self._spawn()
                while not slot:
                    left = end - time.monotonic()
                    if left <= 0 or self.closed:
                        self.waiters.remove(slot)
                        return None
                    self.cond.wait(left)
                worker = slot[0]
            spare = not self.idle and self.alive < self.max_workers
        if spare:
            self._spawn()
        return worker

    def _give_back(self, worker: _Worker) -> None:
        if worker.niced:
            self._retire(worker, kill=False)
            return
        with self.cond:
            if not self.closed:
                self._offer(worker)
                return
        worker.stop()

    def _retire(self, worker: _Worker, *, kill: bool = True) -> None:
        if kill:
            worker.kill()
        else:
            threading.Thread(target=worker.stop, daemon=True).start()
        with self.cond:
            self.alive -= 1
            need = not self.closed and self.alive < self.min_workers
        if need:
            self._spawn()

    def run(self, task: _Task) -> _Answer:
        worker = self._take(_WORKER_WAIT)
        if worker is None:
            return _text(HTTPStatus.SERVICE_UNAVAILABLE,
                         "every query worker is busy; try again shortly",
                         {"Retry-After": "2"})
        try:
            worker.conn.send(task)
            ready = worker.conn.poll(min(_SLOW_AFTER, task.timeout + 0.25))
            if not ready:
                worker.lower_priority()
                ready = worker.conn.poll(max(0.0, task.timeout + 0.25 - _SLOW_AFTER))
            if ready:
                answer: _Answer = worker.conn.recv()
                self._give_back(worker)
                return answer
        except (EOFError, OSError):
            return self._died(worker)
        self._retire(worker)  # past the deadline: stop the work for real
        return _timeout_answer(task.timeout)

    def _died(self, worker: _Worker) -> _Answer:
        status = worker.death()
        self._retire(worker)
        log.error("kg serve: a query worker died (exit status %s)", status)
        if status is not None and status < 0 and -status == signal.SIGSEGV:
            return _text(HTTPStatus.BAD_REQUEST,
                         "the query crashed the query engine (most likely it is nested too "
                         "deeply); simplify it")
        if status is not None and status < 0 and -status in (signal.SIGABRT, signal.SIGKILL):
            return _memory_answer(self.memory_mb)
        return _text(HTTPStatus.INTERNAL_SERVER_ERROR, "the query worker died; try again")

    def close(self) -> None:
        with self.cond:
            self.closed = True
            idle, self.idle = self.idle, []
            self.cond.notify_all()
        for worker in idle:
            worker.stop()
        if self.forker is not None:
            self.forker.close()


# -- HTTP ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ServeOptions:
    """The limits and switches of a server (see :func:`make_server`)."""

    timeout: float = 30.0
    max_rows: int = 10_000
    max_request_bytes: int = 1_000_000
    allow_update: bool = False
    token: str | None = None
    max_response_bytes: int = 64_000_000
    read_timeout: float = 10.0
    max_connections: int = 64


class _Connection:
    """What the server knows of one open connection (for timeouts and eviction)."""

    __slots__ = ("busy", "since", "sock")

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.busy = False  # answering a request (not reading one, not idle)
        self.since = time.monotonic()

    def drop(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server answering the SPARQL 1.1 Protocol at ``/sparql``.

    Connections are bounded: at most ``max_connections`` are open at once; when a
    new one comes at that bound, the connection that has waited longest without
    sending a whole request is dropped for it (or, if every connection is being
    answered, the new one gets a 503). A connection that takes longer than
    ``read_timeout`` to send a request (headers and body), or that stays idle
    that long between requests, is closed by a watchdog, so slow or idle clients
    hold no thread for long.
    """

    daemon_threads = True
    # the kernel's queue of connections not yet accepted (socketserver's default is 5:
    # a burst of connections beyond it has its SYNs dropped and retried a second later)
    request_queue_size = 512

    def __init__(self, address: tuple[str, int], engine: _Engine, options: ServeOptions) -> None:
        self.engine = engine
        self.options = options
        self.connections: dict[int, _Connection] = {}
        self.connections_lock = threading.Lock()
        self._watching = threading.Event()
        super().__init__(address, _Handler)
        threading.Thread(target=self._watch, daemon=True, name="kg-serve-watchdog").start()

    @property
    def url(self) -> str:
        """The endpoint's URL, e.g. ``http://127.0.0.1:8000/sparql``."""
        host, port = self.server_address[0], self.server_address[1]
        host = str(host)
        return f"http://{'[' + host + ']' if ':' in host else host}:{port}/sparql"

    # -- connections --
    def process_request(self, request: Any, client_address: Any) -> None:
        entry = _Connection(request)
        with self.connections_lock:
            if len(self.connections) >= self.options.max_connections:
                waiting = [c for c in self.connections.values() if not c.busy]
                victim = min(waiting, key=lambda c: c.since) if waiting else None
                if victim is None:
                    self._refuse(request)
                    return
                del self.connections[id(victim.sock)]
                victim.drop()
            self.connections[id(request)] = entry
        super().process_request(request, client_address)

    def _refuse(self, request: socket.socket) -> None:
        with contextlib.suppress(OSError):
            request.settimeout(1.0)
            request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
                            b"Content-Length: 40\r\nRetry-After: 2\r\nConnection: close\r\n\r\n"
                            b"too many connections; try again shortly\n")
        self.shutdown_request(request)

    def mark(self, request: socket.socket, *, busy: bool) -> None:
        """A connection starts (``busy``) or stops answering a request."""
        with self.connections_lock:
            entry = self.connections.get(id(request))
            if entry is not None:
                entry.busy, entry.since = busy, time.monotonic()

    def shutdown_request(self, request: Any) -> None:
        with self.connections_lock:
            entry = self.connections.get(id(request))
            if entry is not None and entry.sock is request:
                del self.connections[id(request)]
        super().shutdown_request(request)

    def _watch(self) -> None:
        while not self._watching.wait(0.5):
            limit = time.monotonic() - self.options.read_timeout
            with self.connections_lock:
                late = [c for c in self.connections.values() if not c.busy and c.since < limit]
            for entry in late:
                entry.drop()

    def server_close(self) -> None:
        self._watching.set()
        super().server_close()
        with self.connections_lock:
            open_now = list(self.connections.values())
        for entry in open_now:
            entry.drop()
        self.engine.close()


def _accepts(header: str) -> list[tuple[str, float]]:
    ranges = []
    for part in header.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media:
            ranges.append((media.lower(), quality))
    return sorted(ranges, key=lambda r: -r[1])


def _negotiate(accept: str, table: Mapping[str, tuple[str, tuple[str, ...]]],
               default: str) -> str:
    for media, quality in _accepts(accept):
        if quality <= 0:
            continue
        for name, (main, others) in table.items():
            if media == main or media in others:
                return name
    return default


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-serve"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        # a timeout on each read and write: a client that stops sending or reading
        # holds its thread for read_timeout at most
        super().setup()
        self.connection.settimeout(self.server.options.read_timeout)

    def version_string(self) -> str:
        return self.server_version  # no Python version in the Server header

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), format % args)

    # -- plumbing --
    def _send(self, answer: _Answer, *, head_only: bool = False) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in answer.headers.items():
            self.send_header(key, value)
        self.end_headers()
        if not head_only:
            self.wfile.write(answer.body)

    def _host_allowed(self) -> bool:
        bound = str(self.server.server_address[0])
        if bound in ("0.0.0.0", "::"):
            return True
        hosts = self.headers.get_all("Host") or []
        if len(hosts) != 1:
            return False  # none, or two that could be read two ways
        host = hosts[0].strip().lower()
        if host.startswith("["):
            name = host[1:].split("]", 1)[0]
        else:
            name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
        return name in {"localhost", "127.0.0.1", "::1", bound.lower()}

    def _guard(self) -> bool:
        if not self._host_allowed():
            self._send(_text(HTTPStatus.FORBIDDEN, "unexpected Host header"))
            return False
        return True

    # -- verbs --
    def do_GET(self) -> None:
        if not self._guard():
            return
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(_Answer(HTTPStatus.OK, "text/html; charset=utf-8", _page(self.server),
                               {"Content-Security-Policy": _CSP}))
            return
        if url.path != "/sparql":
            self._send(_text(HTTPStatus.NOT_FOUND, "not found; the endpoint is /sparql"))
            return
        params = parse_qs(url.query, keep_blank_values=True)
        if "update" in params:
            self._send(_text(HTTPStatus.METHOD_NOT_ALLOWED,
                             "updates must be sent with POST"))
            return
        if "query" not in params:
            self._send(_text(HTTPStatus.BAD_REQUEST,
                             "no query: use /sparql?query=… (or open / in a browser)"))
            return
        self._answer(params, params["query"][0], update=False)

    def do_POST(self) -> None:
        if not self._guard():
            return
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._send(_text(HTTPStatus.NOT_FOUND, "not found; the endpoint is /sparql"))
            return
        length_text = self.headers.get("Content-Length")
        if length_text is None:
            self._send(_text(HTTPStatus.LENGTH_REQUIRED, "send a Content-Length"))
            return
        try:
            length = int(length_text)
        except ValueError:
            self._send(_text(HTTPStatus.BAD_REQUEST, "bad Content-Length"))
            return
        if length < 0 or length > self.server.options.max_request_bytes:
            self.close_connection = True
            self._send(_text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                             f"the request is larger than {self.server.options.max_request_bytes}"
                             " bytes"))
            return
        raw = self.rfile.read(length)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            self._send(_text(HTTPStatus.BAD_REQUEST, "the request is not UTF-8"))
            return
        if media == "application/x-www-form-urlencoded":
            form = parse_qs(body, keep_blank_values=True)
            params = {**params, **form}
            if "update" in form:
                self._answer(params, form["update"][0], update=True)
            elif "query" in form:
                self._answer(params, form["query"][0], update=False)
            else:
                self._send(_text(HTTPStatus.BAD_REQUEST, "the form has no query or update"))
        elif media == "application/sparql-query":
            self._answer(params, body, update=False)
        elif media == "application/sparql-update":
            self._answer(params, body, update=True)
        else:
            self._send(_text(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                             "send application/sparql-query, application/sparql-update or a "
                             "form (application/x-www-form-urlencoded)"))

    def _answer(self, params: Mapping[str, list[str]], sparql: str, *, update: bool) -> None:
        options = self.server.options
        if update:
            refusal = self._refuse_update()
            if refusal is not None:
                self._send(refusal)
                return
        # A first look, for clear refusals of the plain cases; what guarantees that
        # nothing leaves the machine is the sandbox the query runs in (kg.sandbox).
        keyword = outbound_keyword(sparql)
        if keyword is not None:
            self._send(_text(HTTPStatus.FORBIDDEN,
                             f"{keyword} is refused: this endpoint makes no outbound requests"))
            return
        if nesting_depth(sparql) > MAX_NESTING:
            self._send(_text(HTTPStatus.BAD_REQUEST,
                             f"the query nests brackets more than {MAX_NESTING} deep; "
                             "simplify it"))
            return
        graphs = {name: params.get(name, []) for name in (
            "default-graph-uri", "using-graph-uri", "named-graph-uri", "using-named-graph-uri")}
        for name, values in graphs.items():
            try:
                _graph_iris(values)
            except ValueError:
                self._send(_text(HTTPStatus.BAD_REQUEST, f"{name} must be an absolute IRI"))
                return
        wanted = (params.get("format") or params.get("output") or [""])[0].lower()
        wanted = _FORMAT_ALIASES.get(wanted, wanted)
        accept = self.headers.get("Accept") or ""
        result_fmt = wanted if wanted in _RESULT_TYPES else _negotiate(accept, _RESULT_TYPES,
                                                                        "json")
        graph_fmt = wanted if wanted in _GRAPH_TYPES else _negotiate(accept, _GRAPH_TYPES, "ttl")
        task = _Task(
            sparql=sparql, update=update, result_fmt=result_fmt, graph_fmt=graph_fmt,
            max_rows=options.max_rows, timeout=options.timeout,
            default_graphs=tuple(graphs["default-graph-uri"] + graphs["using-graph-uri"]),
            named_graphs=tuple(graphs["named-graph-uri"] + graphs["using-named-graph-uri"]),
            max_response_bytes=options.max_response_bytes,
        )
        started = time.monotonic()
        self.server.mark(self.connection, busy=True)  # not idle: the watchdog leaves it
        try:
            answer = self.server.engine.run(task)
            log.info("kg serve: %s in %.3f s -> %s", "update" if update else "query",
                     time.monotonic() - started, answer.status)
            self._send(answer)  # a reader that stops reading meets the socket's timeout
        finally:
            self.server.mark(self.connection, busy=False)

    def _refuse_update(self) -> _Answer | None:
        options = self.server.options
        if not options.allow_update or not options.token:
            return _text(HTTPStatus.FORBIDDEN,
                         "updates are disabled: start kg serve with --allow-update --token …")
        given = self.headers.get("Authorization") or ""
        scheme, _, credential = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
                credential.strip().encode("utf-8"), options.token.encode("utf-8")):
            return _text(HTTPStatus.UNAUTHORIZED, "updates need Authorization: Bearer <token>",
                         {"WWW-Authenticate": 'Bearer realm="kg"'})
        return None


_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "connect-src 'self'; form-action 'self'")

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
textarea{width:100%;height:11em;font:13px monospace}
table{border-collapse:collapse;margin-top:1em}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top;
font:12px monospace}
th{background:#f3f3f3}#status{margin-left:1em;color:#555}.error{color:#b00}
</style></head><body>
<h1>kg SPARQL</h1>
<p>Endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol). Prefixes rdf, rdfs, owl, skos,
prov, schema, xsd, nif, wd, kg, ent, doc, stmt are predefined; the default graph is the
union of all graphs. Limits: __LIMITS__.</p>
<form id="f"><textarea id="q" name="query" spellcheck="false">SELECT ?s ?p ?o
WHERE { ?s ?p ?o }
LIMIT 25</textarea><br>
<button type="submit">Run</button><span id="status"></span></form>
<div id="out"></div>
<script>
const f=document.getElementById('f'),st=document.getElementById('status'),
out=document.getElementById('out');
function cell(t){if(!t)return'';if(t.type==='literal'){return t.value+
(t['xml:lang']?'@'+t['xml:lang']:'')}return t.type==='bnode'?'_:'+t.value:t.value}
async function run(){st.textContent='running…';
st.className='';out.textContent='';const t0=performance.now();
try{const r=await fetch('sparql',{method:'POST',headers:{'Content-Type':
'application/sparql-query','Accept':'application/sparql-results+json, text/turtle;q=0.5'},
body:document.getElementById('q').value});const body=await r.text();
const ms=Math.round(performance.now()-t0);
if(!r.ok){st.textContent='error '+r.status;st.className='error';
const p=document.createElement('pre');p.textContent=body;out.appendChild(p);return}
const ct=r.headers.get('Content-Type')||'';
if(!ct.includes('json')){const p=document.createElement('pre');p.textContent=body;
out.appendChild(p);st.textContent=ms+' ms';return}
const data=JSON.parse(body);if('boolean' in data){out.textContent=String(data.boolean);
st.textContent=ms+' ms';return}
const vars=data.head.vars,tb=document.createElement('table'),hr=tb.insertRow();
for(const v of vars){const th=document.createElement('th');th.textContent=v;
hr.appendChild(th)}
for(const b of data.results.bindings){const tr=tb.insertRow();
for(const v of vars){tr.insertCell().textContent=cell(b[v])}}
out.appendChild(tb);st.textContent=data.results.bindings.length+' row(s), '+ms+' ms'+
(r.headers.get('X-KG-Truncated')?' (cut at the row limit)':'')}
catch(err){st.textContent=String(err);st.className='error'}}
f.addEventListener('submit',e=>{e.preventDefault();run()});
const given=new URLSearchParams(location.search).get('query');
if(given){document.getElementById('q').value=given;run()}
</script></body></html>
"""


def _page(server: SparqlServer) -> bytes:
    o = server.options
    limits = (f"{o.timeout:g} s per query, {o.max_rows} rows per answer, "
              f"{'updates allowed with a token' if o.allow_update else 'read-only'}")
    return _PAGE.replace("__LIMITS__", escape(limits)).encode("utf-8")


# -- public entry points -------------------------------------------------------------------
def make_server(
    store: Any,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout: float = 30.0,
    max_rows: int = 10_000,
    max_request_bytes: int = 1_000_000,
    allow_update: bool = False,
    token: str | None = None,
    workers: int = 2,
    max_workers: int = 32,
    max_memory_mb: int = 1024,
    max_response_bytes: int = 64_000_000,
    read_timeout: float = 10.0,
    max_connections: int = 64,
) -> SparqlServer:
    """A ready (not yet serving) SPARQL server over ``store``.

    ``store`` is a directory of an embedded store (queries run in ``workers``
    processes, killed at the time limit), ``"memory:"``, or an open
    :class:`kg.store.OxigraphStore` (queries run in threads). ``port=0`` picks a
    free port (see :attr:`SparqlServer.url`). ``allow_update`` needs a ``token``.
    More workers are started while all are busy, up to ``max_workers``; each may
    grow by ``max_memory_mb`` MB at most. An answer is at most
    ``max_response_bytes``; a client has ``read_timeout`` seconds to send a request
    and at most ``max_connections`` are open at once. Call ``serve_forever()`` (or
    :func:`serve`), then ``shutdown()`` and ``server_close()``.

    >>> server = make_server("memory:", port=0, max_rows=5)
    >>> server.options.max_rows
    5
    >>> server.server_close()
    """
    from kg.store import OxigraphStore

    if min(timeout, max_rows, max_request_bytes, max_response_bytes, read_timeout,
           max_connections, max_memory_mb, workers, max_workers) <= 0:
        raise ConfigError("the time, row, size, memory, worker and connection limits must be "
                          "positive")
    if allow_update and not token:
        raise ConfigError("updates need a token", hint="add --token (or set KG_SERVE_TOKEN)")
    options = ServeOptions(timeout=timeout, max_rows=max_rows,
                           max_request_bytes=max_request_bytes,
                           allow_update=allow_update, token=token,
                           max_response_bytes=max_response_bytes, read_timeout=read_timeout,
                           max_connections=max_connections)
    engine: _Engine
    if isinstance(store, OxigraphStore):
        engine = _ThreadEngine(store._store)
    elif str(store) == "memory:" and allow_update:
        engine = _ThreadEngine(ox.Store())  # one store that updates change: in threads
    elif str(store) == "memory:":
        # an empty store, but served like one on disk: workers with the memory cap
        engine = _ProcessEngine(Path("memory:"), workers=workers, writable=False,
                                max_workers=max_workers, memory_mb=max_memory_mb)
    elif isinstance(store, str | os.PathLike) and "://" not in str(store):
        from kg.store import check_store_directory

        path = Path(store)
        check_store_directory(path)
        engine = _ProcessEngine(path, workers=workers, writable=allow_update,
                                max_workers=max_workers, memory_mb=max_memory_mb)
    else:
        raise ConfigError(f"kg serve cannot serve {store!r}",
                          hint="serve an embedded store (a directory or memory:); a remote "
                          "SPARQL server already has its own endpoint")
    try:
        return SparqlServer((host, port), engine, options)
    except OSError as exc:
        engine.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}",
                          hint="pick another --port") from exc


def serve(store: Any, **options: Any) -> None:
    """Serve ``store`` until interrupted (Ctrl-C); ``options`` as :func:`make_server`."""
    server = make_server(store, **options)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def new_token() -> str:
    """A random token for ``--allow-update`` when none is given."""
    return secrets.token_urlsafe(24)
