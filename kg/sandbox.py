"""Running a SPARQL query where it cannot reach the network.

Oxigraph evaluates ``SERVICE`` and ``LOAD`` with its own HTTP client, and it has no
switch to turn that off. Checking the query text first is not a guarantee (a second
lexer always disagrees with the engine's parser somewhere), so kg runs untrusted
queries on a thread that the kernel does not let open a socket: a seccomp filter
(Linux) makes ``socket()`` and ``io_uring_setup()`` fail with ``EACCES`` on that
thread and the threads it starts. Whatever the query text says and however the
engine reads it, no connection can be made. The filter is per thread, so the rest
of the process (an HTTP server's listening threads) keeps its sockets.

Queries also run on a thread with a large stack (:data:`QUERY_STACK`): Oxigraph's
parser and evaluator recurse once per level of nesting, and the 8 MB of a main
thread overflow at a few thousand levels.

>>> confined(lambda: 6 * 7)
42
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import platform
import re
import struct
import sys
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

__all__ = [
    "MAX_NESTING",
    "QUERY_STACK",
    "SandboxUnavailable",
    "confined",
    "deny_network",
    "deny_network_or_warn",
    "die_with_parent",
    "nesting_depth",
    "network_denied",
    "outbound_keyword",
    "start_thread",
]

T = TypeVar("T")

#: Stack size of a query thread (virtual; pages are used only as deep as a query goes).
QUERY_STACK = 256 * 1024 * 1024


class SandboxUnavailable(OSError):
    """The kernel filter cannot be installed here (not Linux, or seccomp disabled)."""


# seccomp constants (linux/seccomp.h, linux/filter.h, linux/audit.h)
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_RET_KILL_PROCESS = 0x80000000
_LD_ABS_W = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JEQ_K = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JGE_K = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_RET_K = 0x06  # BPF_RET | BPF_K
_X32_BIT = 0x40000000

#: machine → (audit arch, syscall numbers to refuse)
_ARCHES: dict[str, tuple[int, tuple[int, ...]]] = {
    # socket, io_uring_setup
    "x86_64": (0xC000003E, (41, 425)),
    "aarch64": (0xC00000B7, (198, 425)),
}

log = logging.getLogger("kg.sandbox")
_local = threading.local()
_warned = False
_stack_lock = threading.Lock()


def _program(arch: int, refused: tuple[int, ...]) -> bytes:
    def stmt(code: int, k: int) -> bytes:
        return struct.pack("HBBI", code, 0, 0, k)

    def jump(code: int, k: int, true: int, false: int) -> bytes:
        return struct.pack("HBBI", code, true, false, k)

    deny = _RET_ERRNO | errno.EACCES
    body = [
        stmt(_LD_ABS_W, 4),                     # seccomp_data.arch
        jump(_JEQ_K, arch, 1, 0),
        stmt(_RET_K, _RET_KILL_PROCESS),        # another ABI: no way round the filter
        stmt(_LD_ABS_W, 0),                     # seccomp_data.nr
        jump(_JGE_K, _X32_BIT, len(refused) + 1, 0),  # x32 system calls: refused
    ]
    for index, number in enumerate(refused):
        body.append(jump(_JEQ_K, number, len(refused) - index, 0))
    body += [stmt(_RET_K, _RET_ALLOW), stmt(_RET_K, deny)]
    return b"".join(body)


class _Fprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def deny_network() -> None:
    """From now on, this thread (and threads it starts) cannot open a socket.

    Raises :class:`SandboxUnavailable` where the filter cannot be installed. Doing
    it twice on one thread is harmless.
    """
    if getattr(_local, "denied", False):
        return
    machine = platform.machine().lower()
    if not sys.platform.startswith("linux") or machine not in _ARCHES:
        raise SandboxUnavailable(f"no network sandbox on {sys.platform}/{machine}")
    arch, refused = _ARCHES[machine]
    code = _program(arch, refused)
    buffer = ctypes.create_string_buffer(code, len(code))
    prog = _Fprog(len(code) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    libc = ctypes.CDLL(None, use_errno=True)
    prctl = libc.prctl
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_ulong,
                      ctypes.c_ulong]
    if prctl(_PR_SET_NO_NEW_PRIVS, 1, None, 0, 0) != 0:
        raise SandboxUnavailable(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    if prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(prog), 0, 0) != 0:
        raise SandboxUnavailable(ctypes.get_errno(), "seccomp is not available")
    _local.denied = True


def die_with_parent() -> None:
    """Linux: have the kernel kill this process when its parent ends (a query worker
    must not outlive the server and run a query for hours); elsewhere, nothing."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, 9, 0, 0, 0)  # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        pass


def network_denied() -> bool:
    """Whether :func:`deny_network` ran on this thread."""
    return bool(getattr(_local, "denied", False))


def _forget_frames(exc: BaseException) -> None:
    """Drop the local variables of the frames an exception (and its context) holds:
    Oxigraph's result objects must be freed on the thread that made them."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        traceback.clear_frames(current.__traceback__)
        current = current.__cause__ or current.__context__


def deny_network_or_warn() -> bool:
    """:func:`deny_network`, or (where there is no sandbox) a warning, once per
    process, and ``False``: callers then refuse ``SERVICE``/``LOAD`` by their text."""
    global _warned
    try:
        deny_network()
    except SandboxUnavailable as exc:
        if not _warned:
            _warned = True
            log.warning("kg: no network sandbox here (%s); SERVICE and LOAD are refused "
                        "by reading the query text only", exc)
        return False
    return True


def start_thread(target: Callable[[], None], *, stack: int = QUERY_STACK,
                 name: str = "kg-query") -> threading.Thread:
    """Start a daemon thread with a ``stack``-byte stack running ``target``."""
    with _stack_lock:
        previous = threading.stack_size(stack)
        try:
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
        finally:
            threading.stack_size(previous)
    return thread


#: Threads that run :func:`confined` calls: made once, sandboxed once, reused.
_POOL_SIZE = 8
_pool: ThreadPoolExecutor | None = None
_pool_pid = 0


def _executor() -> ThreadPoolExecutor:
    global _pool, _pool_pid
    if _pool is None or _pool_pid != os.getpid():  # a forked child has no pool threads
        _pool = ThreadPoolExecutor(_POOL_SIZE, thread_name_prefix="kg-query",
                                   initializer=deny_network_or_warn)
        _pool_pid = os.getpid()
    return _pool


def confined(func: Callable[[], T], *, stack: int = QUERY_STACK, strict: bool = False) -> T:
    """Run ``func`` on a thread with a large stack and no network; return its result
    (or raise its exception). Where there is no sandbox, ``strict`` raises
    :class:`SandboxUnavailable`; otherwise ``func`` runs with a warning logged.

    The threads are kept (a few of them, made as needed), so a call costs a hand-over,
    not a new thread; a call made on such a thread runs at once.
    """
    if network_denied():
        return func()

    def job() -> T:
        if strict and not network_denied():
            raise SandboxUnavailable("no network sandbox here")
        try:
            return func()
        except BaseException as exc:
            _forget_frames(exc)
            raise

    if stack == QUERY_STACK:
        with _stack_lock:  # the pool makes its threads in submit(): with this stack
            previous = threading.stack_size(stack)
            try:
                future = _executor().submit(job)
            finally:
                threading.stack_size(previous)
        return future.result()
    outcome: list[tuple[bool, object]] = []

    def body() -> None:
        deny_network_or_warn()
        try:
            outcome.append((True, job()))
        except BaseException as exc:  # handed to the caller
            outcome.append((False, exc))

    start_thread(body, stack=stack, name="kg-confined").join()
    ok, value = outcome[0]
    if not ok:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]


# -- a friendly first look (not the guarantee) ---------------------------------------
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'          # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'                 # short strings
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'             # IRIs
    r"|#[^\n\r]*",                             # comments
    re.DOTALL,
)
_OUTBOUND = re.compile(r"(?<![\w:?$@])(SERVICE|LOAD)(?![\w:])", re.IGNORECASE)


def outbound_keyword(sparql: str) -> str | None:
    """``"SERVICE"`` or ``"LOAD"`` if the query or update seems to use that keyword.

    This only gives a clear refusal for the plain cases; it is a second lexer and
    can be fooled. What guarantees that nothing leaves the machine is the
    sandbox (:func:`deny_network`) the query then runs in.

    Strings, IRIs and comments are skipped and ``\\u`` escapes decoded first (as
    SPARQL does before parsing), so neither case, spacing, comments nor escapes
    hide the keyword; a name that merely contains it (``?service``,
    ``ex:load``) is not a use.

    >>> outbound_keyword("SELECT * { SeRvIcE <http://x/sparql> { ?s ?p ?o } }")
    'SERVICE'
    >>> outbound_keyword("SELECT * { ?s ?p '''SERVICE''' } # LOAD <x>")
    >>> outbound_keyword("SELECT ?service { ?service ex:load 1 }")
    >>> outbound_keyword("LOAD <http://example.org/data.ttl>")
    'LOAD'
    """

    def decode(match: re.Match[str]) -> str:
        return chr(int(match.group(1) or match.group(2), 16))

    try:
        text = _UNICODE_ESCAPE.sub(decode, sparql)
    except (ValueError, OverflowError):
        return "SERVICE"  # an invalid escape: refuse rather than guess
    blanked = _OPAQUE.sub(" ", text)
    match = _OUTBOUND.search(blanked)
    return match.group(1).upper() if match else None


# -- nesting -------------------------------------------------------------------------
_OPENERS = {"{": "}", "(": ")", "[": "]"}
_CLOSERS = {"}", ")", "]"}
#: Deepest nesting of ``{ ( [`` a query may have (Oxigraph recurses once per level).
MAX_NESTING = 200


def nesting_depth(sparql: str) -> int:
    """How deeply ``{``, ``(`` and ``[`` nest in ``sparql``.

    Two readings are made and the larger is returned: one that skips strings,
    IRIs and comments (as the parser does) and one that skips nothing (so a string
    the first reading misjudged cannot hide real brackets from both).

    >>> nesting_depth("SELECT * { { ?s ?p '}}}' } }")
    2
    >>> nesting_depth("SELECT * " + "{" * 50 + "}" * 50)
    50
    """
    blanked = _OPAQUE.sub(" ", sparql)
    return max(_depth(blanked), _depth(sparql))


def _depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        if char in _OPENERS:
            depth += 1
            deepest = max(deepest, depth)
        elif char in _CLOSERS:
            depth = max(0, depth - 1)
    return deepest
