"""Imported by the fork server of :class:`kg.engine.LocalEngine`'s worker processes
(as its preload) and by nothing else: importing it there loads kg's stages with the
default options (the model, the ontology, the gazetteer and the resolver) and runs
them over a short text, so that every worker the server forks starts with them loaded
and warm (shared copy-on-write) instead of importing and loading them itself.

Imported anywhere else (a doctest run collecting kg's modules, a reader of the
code), it does nothing: the warming runs only under
:func:`multiprocessing.forkserver.main`, a fresh interpreter that has no thread of
kg's (no store, no progress bar), so the forks copy no lock in use.
"""

from __future__ import annotations

import sys


def _in_fork_server() -> bool:
    """Whether this import runs in a fork server's start (its preload)."""
    forkserver = sys.modules.get("multiprocessing.forkserver")
    if forkserver is None:
        return False
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code is forkserver.main.__code__:
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


#: Whether this process is a fork server that loaded and warmed the stages (its
#: forks inherit ``True``).
WARMED = _in_fork_server()

if WARMED:
    from kg.stages import StageOptions, warm

    warm(StageOptions())
